package loader

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOrganizers(t *testing.T) {
	tests := []struct {
		text         string
		organizers   []string
		participants []string
	}{
		{"On May 15, a seminar on border security organized by the CSTO Secretariat was held in Almaty.",
			[]string{"CSTO Secretariat"}, nil},
		{"On March 3, a round table was held in Minsk with the participation of the Commonwealth of Independent States.",
			nil, []string{"Commonwealth of Independent States"}},
		{"On June 2, a conference was held in Bishkek. The Shanghai Cooperation Organisation took part in the conference.",
			nil, []string{"Shanghai Cooperation Organization"}},
		{"On June 2, a conference was held in Bishkek. CSTO Deputy Secretary General Valery Semerikov took part in it.",
			nil, nil},
	}
	for _, tt := range tests {
		x := readBody(t, "2024-06-02", tt.text)
		var organizers, participants []string
		for _, e := range x.events {
			for _, o := range e.organizedBy {
				organizers = append(organizers, o.org.name)
			}
			for _, o := range e.participantOrgs {
				participants = append(participants, o.org.name)
			}
		}
		if diff := cmp.Diff(tt.organizers, organizers); diff != "" {
			t.Errorf("%s: organisers (-want +got):\n%s", tt.text, diff)
		}
		if diff := cmp.Diff(tt.participants, participants); diff != "" {
			t.Errorf("%s: participating organisations (-want +got):\n%s", tt.text, diff)
		}
	}
}
