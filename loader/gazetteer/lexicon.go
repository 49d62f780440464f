package gazetteer

import (
	"io/fs"
	"strings"
)

// IsGivenName reports whether word is a given name of givennames.txt, compared by
// graph.NameKey, so romanisation variants ("Sergei", "Sergey") count alike; a hyphenated name
// is one if it is listed ("Oyun-Erdene") or each of its parts is ("Kassym-Jomart").
func (g *Gazetteer) IsGivenName(word string) bool {
	toks := tokenize(word)
	if g.givenNames[joinKeys(toks)] {
		return true
	}
	for _, t := range toks {
		if !g.givenNames[t.key] {
			return false
		}
	}
	return len(toks) > 0
}

// IsRank reports whether phrase is a military or police rank of ranks.txt ("Colonel General",
// "Lt. Gen."), compared by graph.NameKey.
func (g *Gazetteer) IsRank(phrase string) bool {
	return g.ranks[phraseKey(phrase)]
}

// loadLexicons reads givennames.txt (a name a line), ranks.txt (a rank and its variants a
// line, |-separated) and stopcities.txt (a word a line).
func (g *Gazetteer) loadLexicons(fsys fs.FS) error {
	g.givenNames = map[string]bool{}
	err := readTable(fsys, "givennames.txt", 1, func(f []string) error {
		g.givenNames[phraseKey(f[0])] = true
		return nil
	})
	if err != nil {
		return err
	}
	g.ranks = map[string]bool{}
	err = readTable(fsys, "ranks.txt", 1, func(f []string) error {
		for _, v := range splitList(f[0]) {
			g.ranks[g.addPhrase(v, MatchRank)] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	g.stopCities = map[string]bool{}
	return readTable(fsys, "stopcities.txt", 1, func(f []string) error {
		g.stopCities[phraseKey(strings.TrimSpace(f[0]))] = true
		return nil
	})
}
