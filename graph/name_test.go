package graph

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNameKey(t *testing.T) {
	same := [][2]string{
		{"Masadykov", "Masadikov"},
		{"Azhikeyev", "Azhikeev"},
		{"Cholpon-Ata", "cholpon ata"},
		{"The Collective Security Treaty Organization", "Collective Security Treaty Organization"},
		{"Lukashénko", "Lukashenko"},
		{"Kassym-Jomart Tokayev", "Kassym Zhomart Tokaev"},
		{"Шойгу", "шойгу"},
	}
	for _, p := range same {
		if a, b := NameKey(p[0]), NameKey(p[1]); a != b {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{{"Semerikov", "Serdyukov"}, {"Minsk", "Moscow"}}
	for _, p := range differ {
		if NameKey(p[0]) == NameKey(p[1]) {
			t.Errorf("NameKey(%q) == NameKey(%q); want different", p[0], p[1])
		}
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Cholpon-Ata":       "cholpon ata",
		"  St. Petersburg ": "st petersburg",
		"Organization's":    "organizations",
		"“Lepelsky”":        "lepelsky",
		"Ёлки":              "елки",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, ok := range []string{"2025-09-05", "2025-09", "2025"} {
		if _, err := ParseDate(ok); err != nil {
			t.Errorf("ParseDate(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "2025-13", "05.09.2025", "2025-9-5"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded, want error", bad)
		}
	}
	if !Date("2025-09").Contains("2025-09-04") || Date("2025-09-04").Contains("2025-09") {
		t.Error("Contains is wrong")
	}
}

// FuzzNameKey checks that any text folds and keys without panicking into valid UTF-8 words
// separated by single spaces, and that folding a folded name changes nothing.
func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"Cholpon-Ata", "Masadykov", "The Collective Security Treaty Organization", "Azhikeyev", "Ilham Aliyev", "O'Brien", "İstanbul", "Ǆ ﬁ ½ ß", "Шойгу", "  ", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fold := Fold(s)
		if again := Fold(fold); again != fold {
			t.Errorf("Fold(%q) = %q, but Fold(%q) = %q", s, fold, fold, again)
		}
		for _, k := range []string{fold, NameKey(s)} {
			if !utf8.ValidString(k) || strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
				t.Errorf("%q: key %q is not words separated by single spaces", s, k)
			}
		}
	})
}
