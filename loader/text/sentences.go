package text

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// The tokenizer loads its English training data once; building it takes milliseconds, using
// it is safe from many goroutines (it only reads the training data).
var (
	tokenizerOnce sync.Once
	tokenizer     *sentences.DefaultSentenceTokenizer
	tokenizerErr  error
)

func sentenceTokenizer() (*sentences.DefaultSentenceTokenizer, error) {
	tokenizerOnce.Do(func() {
		tokenizer, tokenizerErr = english.NewSentenceTokenizer(nil)
		if tokenizerErr != nil {
			tokenizerErr = fmt.Errorf("load English sentence tokenizer: %w", tokenizerErr)
		}
	})
	return tokenizer, tokenizerErr
}

// joinWrapped joins the pieces of a paragraph that was wrapped mid-sentence, so that each
// piece the tokenizer gets is a run of whole sentences: a line break ends a sentence
// (headlines, list lines) unless the line stops without terminal punctuation and the next
// begins in lower case.
func joinWrapped(text string, ps []piece) []piece {
	var out []piece
	for i, p := range ps {
		if i > 0 && !p.para && wrapped(text[ps[i-1].start:ps[i-1].end], text[p.start:p.end]) {
			out[len(out)-1].end = p.end
			continue
		}
		out = append(out, p)
	}
	return out
}

// wrapped reports whether next continues the sentence that prev breaks off.
func wrapped(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	return !endsSentence(prev) && unicode.IsLower(r)
}

// split returns the sentences of a piece with their offsets in text. The tokenizer reports
// byte positions within the piece; sentences are trimmed of the white space it leaves.
func split(tok *sentences.DefaultSentenceTokenizer, text string, u piece) []Sentence {
	s := text[u.start:u.end]
	if s == "" {
		return nil
	}
	if !strings.ContainsAny(s[:len(s)-1], ".!?…") {
		// No terminal punctuation before the end: one sentence, no need for the tokenizer.
		if !hasWord(s) {
			return nil
		}
		return []Sentence{{Text: s, Offset: u.start}}
	}
	var out []Sentence
	last := 0
	for _, x := range tok.Tokenize(s) {
		a, b := x.Start, x.End
		if a < last || b > len(s) || a > b || s[a:b] != x.Text {
			// Positions out of step with the text: find the sentence after the last one.
			t := strings.TrimSpace(x.Text)
			k := strings.Index(s[last:], t)
			if t == "" || k < 0 {
				continue
			}
			a, b = last+k, last+k+len(t)
		}
		last = b
		for a < b {
			r, n := utf8.DecodeRuneInString(s[a:])
			if !unicode.IsSpace(r) {
				break
			}
			a += n
		}
		for b > a {
			r, n := utf8.DecodeLastRuneInString(s[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= n
		}
		if !hasWord(s[a:b]) {
			continue
		}
		out = append(out, Sentence{Text: text[u.start+a : u.start+b], Offset: u.start + a})
	}
	return out
}

// hasWord reports whether s has a letter or digit: a lone quotation mark is no sentence.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// endsSentence reports whether s ends with terminal punctuation, closing quotes and
// brackets aside.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?;:…", r)
}
