package gazetteer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoad(t *testing.T) {
	if _, err := load(data); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkDefault measures parsing the embedded data, which Default does once.
func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := load(data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCountry(t *testing.T) {
	g := Default()
	tests := map[string]string{
		"Kyrgyz Republic":            "Kyrgyzstan",
		"Kyrgyz":                     "Kyrgyzstan",
		"kyrgyzstan":                 "Kyrgyzstan",
		"Kirghizia":                  "Kyrgyzstan",
		"Belarusian":                 "Belarus",
		"Byelorussian":               "Belarus",
		"Republic of Belarus":        "Belarus",
		"the Russian Federation":     "Russia",
		"Russian":                    "Russia",
		"Kazakhstani":                "Kazakhstan",
		"Tadjik":                     "Tajikistan",
		"Azeri":                      "Azerbaijan",
		"Islamic Republic of Iran":   "Iran",
		"People's Republic of China": "China",
		"Chinese":                    "China",
		"Türkiye":                    "Turkey",
		"Republic of China":          "Taiwan",
		"Abkhazia":                   "Abkhazia",
		"Kosovo":                     "Kosovo",
		"U.S.":                       "United States",
		"Atlantis":                   "",
		"KG":                         "",
	}
	got := map[string]string{}
	for name := range tests {
		got[name] = ""
		if c := g.Country(name); c != nil {
			got[name] = c.Name
		}
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("Country (-want +got):\n%s", diff)
	}
}

func TestCountryByCode(t *testing.T) {
	g := Default()
	tests := map[string]string{"kg": "Kyrgyzstan", "RU": "Russia", "XK": "Kosovo", "PS": "Palestine", "ZZ": ""}
	got := map[string]string{}
	for code := range tests {
		got[code] = ""
		if c := g.CountryByCode(code); c != nil {
			got[code] = c.Name
		}
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("CountryByCode (-want +got):\n%s", diff)
	}
}
