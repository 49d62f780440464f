package graph

import "testing"

func TestNameKey(t *testing.T) {
	same := [][2]string{
		{"Masadykov", "Masadikov"},
		{"Azhikeyev", "Azhikeev"},
		{"Cholpon-Ata", "cholpon ata"},
		{"The Collective Security Treaty Organization", "Collective Security Treaty Organization"},
		{"Lukashénko", "Lukashenko"},
		{"Kassym-Jomart Tokayev", "Kassym Zhomart Tokaev"},
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
