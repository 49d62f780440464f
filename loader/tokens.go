package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word, number or punctuation mark of a sentence, with its byte span.
type token struct {
	text       string
	start, end int
}

// tokenize splits a sentence into words (letters and digits, with inner hyphens and
// apostrophes: "Cholpon-Ata", "Organization's"), initials with their dot ("T.") and single
// punctuation marks. White space separates and is dropped.
func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				if isJoiner(r2) && j+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						j += n2
						continue
					}
				}
				break
			}
			// An initial keeps its dot: "T." in "T. Masadykov".
			if j-i == n && unicode.IsUpper(r) && j < len(s) && s[j] == '.' {
				j++
			}
			// A possessive is a token of its own: "Russia's" → "Russia", "'s".
			if p := possessive(s[i:j]); p > 0 {
				toks = append(toks, token{s[i : j-p], i, j - p}, token{s[j-p : j], j - p, j})
			} else {
				toks = append(toks, token{s[i:j], i, j})
			}
			i = j
		default:
			toks = append(toks, token{s[i : i+n], i, i + n})
			i += n
		}
	}
	return toks
}

// possessive returns the length of the possessive ending "'s" or "’s" of word, or 0.
func possessive(word string) int {
	for _, e := range []string{"'s", "’s", "'S", "’S"} {
		if len(word) > len(e)+1 && strings.HasSuffix(word, e) {
			return len(e)
		}
	}
	return 0
}

// isPossessive reports whether the token is a possessive ending.
func (t token) isPossessive() bool { return t.is("'s", "’s") }

// isJoiner reports whether r may join two parts of one word.
func isJoiner(r rune) bool {
	return r == '-' || r == '\'' || r == '’' || r == '‑'
}

func (t token) isWord() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsLetter(r)
}

// isCap reports whether the token is a word that starts with a capital letter.
func (t token) isCap() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// isInitial reports whether the token is an initial such as "T.".
func (t token) isInitial() bool {
	return len(t.text) >= 2 && t.text[len(t.text)-1] == '.' && utf8.RuneCountInString(t.text) == 2 && t.isCap()
}

// isAllCaps reports whether the word has two or more letters, all capitals: "CSTO", "MOSCOW".
func (t token) isAllCaps() bool {
	letters := 0
	for _, r := range t.text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func (t token) lower() string { return strings.ToLower(t.text) }

// is reports whether the token is one of the words, ignoring case.
func (t token) is(words ...string) bool {
	for _, w := range words {
		if strings.EqualFold(t.text, w) {
			return true
		}
	}
	return false
}
