// Package gazetteer holds the data the extractor recognises names with — countries, cities,
// international organisations and their bodies, post titles, military ranks and given names —
// and finds those names in a sentence. The data files sit beside the code, embedded, each with
// its source and licence (see README.md); they cover the domain of the news the loader reads
// (the CSTO, CIS, SCO, EAEU, UN bodies and their member states), not particular documents.
// Names are compared by graph.NameKey, so case, diacritics and common romanisation variants do
// not matter to the lookups, while Scan also respects capitals so that "nice" is no city.
package gazetteer

import (
	"embed"
	"fmt"
	"io/fs"
	"sync"
)

//go:generate go run ./internal/citiesgen -in=$CITIES1000 -out=cities.tsv.gz

//go:embed countries.tsv cities.tsv.gz places_extra.tsv organizations.tsv posts.tsv givennames.txt ranks.txt stopcities.txt
var data embed.FS

// Gazetteer is the parsed data with its indexes; it is read-only and safe for concurrent use.
type Gazetteer struct {
	countries     []*Country
	countryByKey  map[string]*Country
	countryByCode map[string]*Country
	cities        []*City
	citiesByKey   map[string][]*City
	orgs          []*Organization
	orgsByKey     map[string][]*Organization
	posts         []*Post
	postByKey     map[string]*Post
	givenNames    map[string]bool
	ranks         map[string]bool
	stopCities    map[string]bool
	phrases       *phraseNode
	pending       []phrase // the names read so far, for buildPhrases; nil once loaded
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the gazetteer of the embedded data, parsed on first use. The data is part of
// the binary and its tests parse it, so a parse error is a build defect and panics.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := load(data)
		if err != nil {
			panic(fmt.Sprintf("gazetteer: embedded data: %v", err))
		}
		defaultGaz = g
	})
	return defaultGaz
}

// load parses the data files of fsys. Countries come first, since cities name theirs, and the
// phrase index last, since it needs everything else.
func load(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{}
	steps := []func(fs.FS) error{g.loadCountries, g.loadOrganizations, g.loadPosts, g.loadLexicons, g.loadCities}
	for _, step := range steps {
		if err := step(fsys); err != nil {
			return nil, err
		}
	}
	g.buildPhrases()
	return g, nil
}
