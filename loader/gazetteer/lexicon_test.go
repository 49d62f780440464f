package gazetteer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIsGivenName(t *testing.T) {
	g := Default()
	tests := map[string]bool{
		"Sergey": true, "Sergei": true, "Serhiy": true, "Imangali": true, "Boobek": true,
		"Kassym-Jomart": true, "Oyun-Erdene": true, "Jae-in": true, "Nikol": true, "Emomali": true, "Valentina": true, "Jinping": true,
		"Security": false, "Moscow": false, "General": false, "Council": false, "Tasmagambetov": false,
	}
	got := map[string]bool{}
	for w := range tests {
		got[w] = g.IsGivenName(w)
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("IsGivenName (-want +got):\n%s", diff)
	}
}

func TestIsRank(t *testing.T) {
	g := Default()
	tests := map[string]bool{
		"Colonel General": true, "Colonel-General": true, "Lt. Gen.": true, "Major General": true,
		"General of the Army": true, "Army General": true, "Rear Admiral": true,
		"Lieutenant General of Police": true, "President": false, "Secretary General": false,
	}
	got := map[string]bool{}
	for p := range tests {
		got[p] = g.IsRank(p)
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("IsRank (-want +got):\n%s", diff)
	}
}
