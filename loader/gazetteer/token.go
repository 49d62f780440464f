package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// token is one word of a sentence or of a gazetteer phrase: a run of letters and digits
// (apostrophes inside a word are dropped, a possessive "'s" ends the word), with its byte
// span, its graph.NameKey, how it is capitalised and what separates it from the word before.
type token struct {
	start, end int
	key        string
	upper      bool // first letter is upper-case
	caps       bool // two or more letters, none lower-case: an acronym such as "CSTO"
	gap        gap
}

// gap classifies the text between two words: a phrase may span a soft gap, a comma only where
// it has one itself ("Drugs, Psychotropic Substances"), and never a hard gap such as a bracket,
// quote, colon or dash ("(CSTO) Council" is no "CSTO Council").
type gap uint8

const (
	softGap  gap = iota // spaces, hyphens, en dashes, dots, a possessive
	commaGap            // a comma among soft separators
	hardGap             // anything else
)

func gapOf(between string) gap {
	g := softGap
	for _, r := range between {
		switch {
		case r == ',':
			g = max(g, commaGap)
		case unicode.IsSpace(r) || wordRune(r) || apostrophe(r) || r == '-' || r == '‐' || r == '–' || r == '.':
		default:
			return hardGap
		}
	}
	return g
}

// tokenize splits s into tokens. Hyphens, dots and other punctuation separate words, as
// graph.Fold does, so "Cholpon-Ata" and "St. Petersburg" are two words each.
func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !wordRune(r) {
			i += n
			continue
		}
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if wordRune(r) {
				i += n
				continue
			}
			if !apostrophe(r) || i+n >= len(s) {
				break
			}
			next, m := utf8.DecodeRuneInString(s[i+n:])
			if !wordRune(next) || possessive(s[i+n:], next, m) {
				break
			}
			i += n
		}
		t := newToken(s, start, i)
		if len(toks) > 0 {
			t.gap = gapOf(s[toks[len(toks)-1].end:start])
		}
		toks = append(toks, t)
		if i < len(s) {
			if r, n := utf8.DecodeRuneInString(s[i:]); apostrophe(r) {
				i += n
				if next, m := utf8.DecodeRuneInString(s[i:]); possessive(s[i:], next, m) {
					i += m
				}
			}
		}
	}
	return toks
}

func newToken(s string, start, end int) token {
	w := s[start:end]
	t := token{start: start, end: end, key: graph.NameKey(w)}
	letters, lower := 0, false
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if letters == 0 {
			t.upper = unicode.IsUpper(r)
		}
		letters++
		lower = lower || unicode.IsLower(r)
	}
	t.caps = letters >= 2 && !lower
	return t
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func apostrophe(r rune) bool { return r == '\'' || r == '’' }

// possessive reports whether rest, the text after an apostrophe whose first rune is next (m
// bytes long), is the "s" of a possessive: an s that ends the word.
func possessive(rest string, next rune, m int) bool {
	if next != 's' {
		return false
	}
	after, _ := utf8.DecodeRuneInString(rest[m:])
	return m == len(rest) || !wordRune(after)
}

// phraseKey is the key under which the gazetteer indexes a name: the graph.NameKey of each
// word as tokenize splits it, a leading "the" dropped. It equals graph.NameKey(s) except that
// a possessive "'s" is dropped rather than glued to its word.
func phraseKey(s string) string {
	return joinKeys(phraseTokens(s))
}

// phraseTokens tokenizes a gazetteer phrase, dropping a leading "the" ("the Russian
// Federation" is found as "Russian Federation").
func phraseTokens(s string) []token {
	toks := tokenize(s)
	if len(toks) > 1 && toks[0].key == "the" {
		toks = toks[1:]
	}
	return toks
}

func joinKeys(toks []token) string {
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0].key
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	return b.String()
}
