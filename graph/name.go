package graph

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold lower-cases s, strips diacritics and apostrophes, and turns every other run of
// non-letters, non-digits into one space: "Cholpon-Ata" → "cholpon ata".
func Fold(s string) string {
	var b strings.Builder
	space := true
	// norm leaves the text after an invalid byte unnormalised; as U+FFFD it is normalised
	// and then dropped like any other non-letter.
	for _, r := range norm.NFKD.String(strings.ToValidUTF8(s, "\uFFFD")) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == '‘':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSuffix(b.String(), " ")
}

// romanisations pairs spellings that English texts use interchangeably for the same Russian,
// Kazakh or Kyrgyz sounds; NameKey maps each left side to its right side.
var romanisations = strings.NewReplacer("yev", "ev", "iy", "y", "ii", "y", "yu", "u", "ya", "a", "kh", "h", "j", "zh", "y", "i", "ou", "u", "ph", "f", "w", "v")

// NameKey is the key under which names are compared and indexed: folded, a leading "the"
// dropped, each word's romanisation variants and doubled letters collapsed, so "Masadykov"
// and "Masadikov", or "Azhikeyev" and "Azhikeev", share a key.
func NameKey(s string) string {
	if len(s) > maxCachedName {
		return nameKey(s)
	}
	if k, ok := nameKeys.Load(s); ok {
		return k.(string)
	}
	k := nameKey(s)
	if nameKeyCount.Add(1) <= maxCachedNames {
		nameKeys.Store(strings.Clone(s), k) // a clone, so as not to keep a document's text alive
	}
	return k
}

// The keys of the names NameKey has seen. The loader asks for the key of every word and name
// it reads, news repeats a small vocabulary, and computing a key (Unicode normalisation, then
// the romanisation replacer) was a third of extraction time. The cache is bounded, in entries
// and in name length, so that no input grows it without limit.
const (
	maxCachedNames = 1 << 17
	maxCachedName  = 64
)

var (
	nameKeys     sync.Map // name → key
	nameKeyCount atomic.Int64
)

// nameKey computes NameKey.
func nameKey(s string) string {
	words := strings.Fields(Fold(s))
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	for i, w := range words {
		words[i] = collapseDoubles(romanisations.Replace(w))
	}
	return strings.Join(words, " ")
}

// collapseDoubles drops an ASCII letter or digit that repeats the one before it. Bytes of
// other runes are kept: dropping a repeated byte inside a rune such as 萐 (E8 90 90) made the
// key invalid UTF-8.
func collapseDoubles(w string) string {
	b := []byte(w)
	out := b[:0]
	for i, c := range b {
		if i == 0 || c != b[i-1] || c >= utf8.RuneSelf {
			out = append(out, c)
		}
	}
	return string(out)
}
