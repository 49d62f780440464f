package badgerstore

import (
	"fmt"
	"testing"
)

// TestKnownKeysKeepWhatRecurs passes three generations of keys through the known keys, stating
// one key again now and then, as documents restate a country: that key stays known, the others
// of the first generation are forgotten, and a key forgotten on delete is not known.
func TestKnownKeysKeepWhatRecurs(t *testing.T) {
	var k knownKeys
	hot, first := []byte("hot"), []byte("key 0")
	k.add([]string{string(hot)})
	for i := range 3 * maxKnownKeys {
		k.add([]string{fmt.Sprint("key ", i)})
		if i%(maxKnownKeys/2) == 0 && !k.has(hot) {
			t.Fatalf("the restated key was forgotten after %d others", i)
		}
	}
	if k.has(first) {
		t.Error("a key of the first generation is still known after two more")
	}
	if n := len(k.recent) + len(k.older); n > 2*maxKnownKeys {
		t.Errorf("%d keys known, want at most %d", n, 2*maxKnownKeys)
	}
	k.forget(hot)
	if k.has(hot) {
		t.Error("a forgotten key is still known")
	}
}
