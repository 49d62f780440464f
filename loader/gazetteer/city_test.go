package gazetteer

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCities(t *testing.T) {
	g := Default()
	// The most populous place of each name, as "name, country".
	tests := map[string]string{
		"Moscow":          "Moscow, Russia",
		"Cholpon-Ata":     "Cholpon-Ata, Kyrgyzstan",
		"cholpon ata":     "Cholpon-Ata, Kyrgyzstan",
		"Bosteri":         "Bosteri, Kyrgyzstan",
		"St. Petersburg":  "St. Petersburg, Russia",
		"St Petersburg":   "St. Petersburg, Russia",
		"Leningrad":       "St. Petersburg, Russia",
		"Nur-Sultan":      "Astana, Kazakhstan",
		"Astana":          "Astana, Kazakhstan",
		"Alma-Ata":        "Almaty, Kazakhstan",
		"Frunze":          "Bishkek, Kyrgyzstan",
		"Dushanbe":        "Dushanbe, Tajikistan",
		"Erevan":          "Yerevan, Armenia",
		"Kiev":            "Kyiv, Ukraine",
		"Geneva":          "Geneva, Switzerland",
		"New York":        "New York, United States",
		"Nizhny Novgorod": "Nizhny Novgorod, Russia",
		"Yekaterinburg":   "Yekaterinburg, Russia",
		"Ekaterinburg":    "Yekaterinburg, Russia",
		"Kulyab":          "Kulob, Tajikistan",
		"Stepanakert":     "Khankendi, Azerbaijan",
		"Qwertyville":     "",
	}
	got := map[string]string{}
	for name := range tests {
		got[name] = ""
		if cs := g.Cities(name); len(cs) > 0 {
			got[name] = cs[0].Name + ", " + cs[0].Country
		}
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("Cities (-want +got):\n%s", diff)
	}
}

func TestCitiesMostPopulousFirst(t *testing.T) {
	cs := Default().Cities("Moscow")
	var got []string
	for _, c := range cs {
		got = append(got, fmt.Sprintf("%s %s", c.CountryCode, c.Admin1))
	}
	if len(cs) < 2 || cs[0].ID != 524901 {
		t.Fatalf("Cities(Moscow) = %v, want Moscow, RU (524901) first", got)
	}
	for i := 1; i < len(cs); i++ {
		if cs[i].Population > cs[i-1].Population {
			t.Errorf("Cities(Moscow) not by population: %v", got)
		}
	}
	if !contains(got, "US ID") {
		t.Errorf("Cities(Moscow) = %v, want Moscow, Idaho among them", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
