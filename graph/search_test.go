package graph

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestNameScore(t *testing.T) {
	tests := []struct {
		text, name string
		match      bool
	}{
		{"Putin", "Vladimir Putin", true},
		{"Masadikov", "Taalatbek Masadykov", true}, // transliteration
		{"Lukashenka", "Alexander Lukashenko", true},
		{"Tasmagambetof", "Imangali Tasmagambetov", true}, // a typo
		{"Tasmagmabetov", "Imangali Tasmagambetov", true}, // swapped letters
		{"Tasmag", "Imangali Tasmagambetov", true},        // a prefix
		{"Secretary General", "CSTO Secretary General", true},
		{"Putin", "Vladimir Poutine", true},
		{"Minsk", "Moscow", false},
		{"Pashinyan", "Putin", false},
		{"Vladimir Putin", "Putin", false}, // every word of the text must match
		{"ab", "abc", false},               // too short to be a prefix
		{"", "Putin", false},
	}
	for _, tt := range tests {
		s := NameScore(NameKey(tt.text), NameKey(tt.name))
		if (s > 0) != tt.match || s > 1 || (s > 0 && s < MinScore) {
			t.Errorf("NameScore(%q, %q) = %.3f, want match %v", tt.text, tt.name, s, tt.match)
		}
	}
	// Ranking: the same key, then the word whole with fewer extra words, then typos and prefixes.
	names := []string{"Vladimir Putin", "Putin", "Putina", "Vladimir Vladimirovich Putin"}
	slices.SortStableFunc(names, func(a, b string) int {
		sa, sb := NameScore("putin", NameKey(a)), NameScore("putin", NameKey(b))
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return 0
	})
	if want := []string{"Putin", "Vladimir Putin", "Vladimir Vladimirovich Putin", "Putina"}; !slices.Equal(names, want) {
		t.Errorf("ranking %q, want %q", names, want)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"", "abc", 3}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"kitten", "sitting", 3}, {"ёлка", "елка", 1}} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestLettersApartBoundsEditDistance checks the lower bound that spares Search most edit
// distances on random words of a few letters, and on words beyond ASCII.
func TestLettersApartBoundsEditDistance(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	word := func() string {
		b := make([]byte, 1+r.IntN(9))
		for i := range b {
			b[i] = "abcdeo"[r.IntN(6)]
		}
		return string(b)
	}
	for range 20000 {
		a, b := word(), word()
		if lb, d := lettersApart(a, b), editDistance(a, b); lb > d {
			t.Fatalf("lettersApart(%q, %q) = %d, over the edit distance %d", a, b, lb, d)
		}
	}
	if lb := lettersApart("straße", "strasse"); lb > editDistance("straße", "strasse") {
		t.Errorf("lettersApart beyond ASCII = %d", lb)
	}
}
