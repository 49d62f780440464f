package gazetteer

import (
	"fmt"
	"io/fs"
	"strings"
)

// Country is a state or territory: its canonical short English name ("Kyrgyzstan"), ISO
// 3166-1 alpha-2 code, other names (official ones first: "Kyrgyz Republic", "Kirghizia") and
// the adjectives and demonyms that point to it ("Kyrgyz", "Kirghiz").
type Country struct {
	Name, Code string
	Aliases    []string
	Adjectives []string
}

// Country returns the country with the given name, alias or adjective, compared by
// graph.NameKey (so case, diacritics and romanisation do not matter), or nil. Codes are not
// names: use CountryByCode.
func (g *Gazetteer) Country(name string) *Country {
	return g.countryByKey[phraseKey(name)]
}

// CountryByCode returns the country with the ISO 3166-1 alpha-2 code (either case), or nil.
func (g *Gazetteer) CountryByCode(code string) *Country {
	return g.countryByCode[strings.ToUpper(code)]
}

// loadCountries reads countries.tsv: code, name, official names, aliases, adjectives.
func (g *Gazetteer) loadCountries(fsys fs.FS) error {
	g.countryByKey = map[string]*Country{}
	g.countryByCode = map[string]*Country{}
	return readTable(fsys, "countries.tsv", 5, func(f []string) error {
		c := &Country{
			Code:       f[0],
			Name:       f[1],
			Aliases:    append(splitList(f[2]), splitList(f[3])...),
			Adjectives: splitList(f[4]),
		}
		if len(c.Code) != 2 || strings.ToUpper(c.Code) != c.Code {
			return fmt.Errorf("country %q: code %q is not two capital letters", c.Name, c.Code)
		}
		if g.countryByCode[c.Code] != nil {
			return fmt.Errorf("country %q: code %s used twice", c.Name, c.Code)
		}
		g.countryByCode[c.Code] = c
		names := append([]string{c.Name}, c.Aliases...)
		for i, n := range append(names, c.Adjectives...) {
			kind := MatchCountry
			if i >= len(names) {
				kind = MatchCountryAdjective
			}
			k := g.addPhrase(n, kind)
			if other := g.countryByKey[k]; other != nil && other != c {
				return fmt.Errorf("country %q: %q already names %s", c.Name, n, other.Name)
			}
			g.countryByKey[k] = c
		}
		g.countries = append(g.countries, c)
		return nil
	})
}
