package loader

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// placesOf reads one sentence and lists its cities and regions as "kind name, country".
func placesOf(t *testing.T, sentence string) []string {
	t.Helper()
	x := readBody(t, "2024-05-10", sentence)
	var out []string
	for _, it := range x.items {
		for _, s := range it.sents {
			for _, m := range s.marks {
				switch m.kind {
				case markCity:
					c := x.chooseCity(m.match.Cities, m.match.Text)
					out = append(out, "city "+c.Name+", "+c.Country)
				case markRegion:
					country := ""
					if m.region.country != nil {
						country = m.region.country.Name
					}
					out = append(out, "region "+m.region.name+", "+country)
				}
			}
		}
	}
	return out
}

func TestPlaces(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string
	}{
		{"The exercise was held in the Issyk-Kul region of the Kyrgyz Republic.", []string{"region Issyk-Kul region, Kyrgyzstan"}},
		{"Units of the airborne forces arrived in the Pskov region.", []string{"region Pskov region, Russia"}},
		{"The drills took place at the Mulino training range in the Nizhny Novgorod Region.", []string{"region Nizhny Novgorod Region, Russia"}},
		{"Threats in the Central Asian region were discussed in Dushanbe.", []string{"region Central Asian region, ", "city Dushanbe, Tajikistan"}},
		{"The ministers met in New Delhi.", []string{"city New Delhi, India"}},
		{"The delegation flew from Moscow to Minsk.", []string{"city Moscow, Russia", "city Minsk, Belarus"}},
		{"Talks were held in Moscow, Idaho, United States.", []string{"city Moscow, United States"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, placesOf(t, tt.sentence)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.sentence, diff)
		}
	}
}
