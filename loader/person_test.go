package loader

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// personsOf extracts a one-item document and lists the names of its people.
func personsOf(t *testing.T, body string) []string {
	t.Helper()
	x := readBody(t, "2023-05-10", body)
	var out []string
	for _, ps := range x.people {
		for _, p := range ps {
			out = append(out, p.name())
		}
	}
	sort.Strings(out)
	return out
}

func TestPersons(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"title with owner and destination before a name the lexicon lacks",
			"He met the Ambassador of the People's Republic of China to Kazakhstan Zhang Xiao.",
			[]string{"Zhang Xiao"}},
		{"a title's possessive is no name",
			"The Secretary General’s Special Representative will report.",
			nil},
		{"an award named after a person is no person",
			"She won the A.E. Snesarev Prize in Military Science.",
			nil},
		{"given name and patronymic address a named person",
			"CSTO Deputy Secretary General Valery Semerikov gave an interview. — Valery Anatolyevich, what were the main events of the year?",
			[]string{"Valery Semerikov"}},
		{"a surname with a patronymic's ending beside a namesake",
			"The event was attended by Alexander Grinevich, Permanent Representative of Belarus, and Alexander Shpakovsky, Minister Counselor.",
			[]string{"Alexander Grinevich", "Alexander Shpakovsky"}},
		{"a surname with a patronymic's ending stays a person",
			"Former Prime Minister of Belarus Mikhail Myasnikovich spoke.",
			[]string{"Mikhail Myasnikovich"}},
		{"an owner between title and a single word introduces no surname",
			"He was Head of the CSTO Mission, Secretary General of the CSTO Stanislav ZAS.",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, personsOf(t, tc.text)); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", tc.text, diff)
			}
		})
	}
}
