package graph

import (
	"strings"
	"testing"
)

// TestNameKeyCached checks that the cache of NameKey changes no key: the first call, which
// fills the cache, and the second, which reads it, give what computing the key gives.
func TestNameKeyCached(t *testing.T) {
	for _, s := range []string{"Masadykov", "the Russian Federation", "Cholpon-Ata", "Azhikeyev", "", "  ", "Ó'Neill", strings.Repeat("Yu", maxCachedName)} {
		want := nameKey(s)
		for i := range 2 {
			if got := NameKey(s); got != want {
				t.Errorf("NameKey(%q), call %d = %q, want %q", s, i+1, got, want)
			}
		}
	}
	if _, ok := nameKeys.Load(strings.Repeat("Yu", maxCachedName)); ok {
		t.Errorf("a name longer than %d bytes is cached", maxCachedName)
	}
}
