package loader

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMemberships(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string
	}{
		{"The CSTO is a military alliance consisting of six countries: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.",
			[]string{"Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"}},
		{"The foreign ministers of the SCO member states, India and Pakistan among them, met in Astana.",
			[]string{"India", "Pakistan"}},
		{"The heads of the emergency departments of Belarus, Kazakhstan and Russia took part in the CSTO meeting.", nil},
		{"Iran became a full member of the SCO in 2023.", []string{"Iran"}},
		{"Belarus joined the Shanghai Cooperation Organisation at the Astana summit.", []string{"Belarus"}},
	}
	for _, tt := range tests {
		x := readBody(t, "2024-05-10", tt.sentence)
		var got []string
		for _, m := range x.memberships {
			got = append(got, m.country.Name)
		}
		sort.Strings(got)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.sentence, diff)
		}
	}
}
