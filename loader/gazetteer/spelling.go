package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// spellingPairs are words that American and British English (and the organisations' own
// English pages) spell two ways; names are found in either spelling.
var spellingPairs = map[string]string{
	"center":       "centre",
	"organization": "organisation",
	"defense":      "defence",
	"cooperation":  "co-operation",
	"counselor":    "counsellor",
	"program":      "programme",
	"labor":        "labour",
}

// otherSpelling maps each word of spellingPairs to its partner, both ways.
var otherSpelling = func() map[string]string {
	m := map[string]string{}
	for a, b := range spellingPairs {
		m[a], m[b] = b, a
	}
	return m
}()

// spellings returns s followed by every other way of spelling it that swaps words of
// spellingPairs ("Anti-Terrorism Center" → "Anti-Terrorism Centre"), keeping each word's
// capitalisation.
func spellings(s string) []string {
	out := []string{s}
	for i, w := range strings.Split(s, " ") {
		alt, ok := otherSpelling[strings.ToLower(w)]
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			alt = strings.ToUpper(alt[:1]) + alt[1:]
		}
		for _, prev := range out {
			ws := strings.Split(prev, " ")
			ws[i] = alt
			out = append(out, strings.Join(ws, " "))
		}
	}
	return out
}
