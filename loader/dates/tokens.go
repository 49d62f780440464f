package dates

import (
	"unicode"
	"unicode/utf8"
)

// kind is the sort of a token.
type kind uint8

const (
	tWord  kind = iota + 1 // a run of letters
	tNum                   // a run of ASCII digits, with an ordinal suffix if one is glued on
	tPunct                 // any other single character
)

// token is one word, number or punctuation mark of a sentence with its byte span.
type token struct {
	start, end int
	kind       kind
	space      bool // white space (or the start of the text) precedes it
	num        int  // tNum: the value, capped at maxNum
	digits     int  // tNum: how many digits
	ordinal    bool // tNum: "5th", "1st", "22nd", "3rd"
}

const maxNum = 1 << 20

// tokenize splits s into words, numbers and punctuation; white space only separates.
func tokenize(s string, toks []token) []token {
	space := true
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			i++
			continue
		case c >= '0' && c <= '9':
			j, v := i, 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if v < maxNum {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			t := token{start: i, end: j, kind: tNum, space: space, num: v, digits: j - i}
			if k := ordinalEnd(s, j); k > j {
				t.end, t.ordinal = k, true
			}
			toks = append(toks, t)
			i = t.end
		case c < utf8.RuneSelf:
			if isASCIILetter(c) {
				j := letterRunEnd(s, i+1)
				toks = append(toks, token{start: i, end: j, kind: tWord, space: space})
				i = j
			} else {
				toks = append(toks, token{start: i, end: i + 1, kind: tPunct, space: space})
				i++
			}
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				space = true
				i += n
				continue
			}
			if unicode.IsLetter(r) {
				j := letterRunEnd(s, i+n)
				toks = append(toks, token{start: i, end: j, kind: tWord, space: space})
				i = j
			} else {
				toks = append(toks, token{start: i, end: i + n, kind: tPunct, space: space})
				i += n
			}
		}
		space = false
	}
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// ordinalEnd returns the end of an ordinal suffix ("st", "nd", "rd", "th") glued to a number
// ending at j, or j when there is none or more letters follow ("5kg", "10th-century" counts).
func ordinalEnd(s string, j int) int {
	if j+2 > len(s) {
		return j
	}
	a, b := s[j]|0x20, s[j+1]|0x20
	switch {
	case a == 's' && b == 't', a == 'n' && b == 'd', a == 'r' && b == 'd', a == 't' && b == 'h':
	default:
		return j
	}
	if j+2 < len(s) {
		r, _ := utf8.DecodeRuneInString(s[j+2:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return j
		}
	}
	return j + 2
}

// letterRunEnd returns the end of the run of letters that continues a word at byte j.
func letterRunEnd(s string, j int) int {
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return j
}
