package gazetteer

import (
	"cmp"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strconv"
)

// City is a populated place: a GeoNames city (ID is its geonameid) or a place from
// places_extra.tsv (negative ID). Country is the canonical name of the country CountryCode
// names; Admin1 is GeoNames' code of the first-level division; Population is 0 when unknown.
type City struct {
	ID          int
	Name        string
	Aliases     []string
	CountryCode string
	Country     string
	Admin1      string
	Population  int
}

// Cities returns every city with the given name or alias, compared by graph.NameKey, most
// populous first: Cities("Moscow")[0] is the Russian capital, and Moscow, Idaho follows.
func (g *Gazetteer) Cities(name string) []*City {
	return slices.Clone(g.citiesByKey[phraseKey(name)])
}

// loadCities reads the GeoNames extract cities.tsv.gz (id, name, ascii name, alternate names,
// country, admin1, population), applies places_extra.tsv and indexes every name.
func (g *Gazetteer) loadCities(fsys fs.FS) error {
	byID := map[int]*City{}
	err := readTable(fsys, "cities.tsv.gz", 7, func(f []string) error {
		c, err := g.newCity(f[0], f[1], f[4], f[5], f[6])
		if err != nil {
			return err
		}
		for _, a := range append([]string{f[2]}, splitList(f[3])...) {
			c.addAlias(a)
		}
		byID[c.ID] = c
		return nil
	})
	if err != nil {
		return err
	}
	err = readTable(fsys, "places_extra.tsv", 6, func(f []string) error {
		c, err := g.newCity(f[0], f[1], f[3], f[4], f[5])
		if err != nil {
			return err
		}
		if c.ID > 0 {
			c, err = correct(byID[c.ID], c, f[5] != "")
			if err != nil {
				return err
			}
		} else if byID[c.ID] != nil {
			return fmt.Errorf("place %q: id %d used twice", c.Name, c.ID)
		}
		for _, a := range splitList(f[2]) {
			c.addAlias(a)
		}
		byID[c.ID] = c
		return nil
	})
	if err != nil {
		return err
	}
	g.cities = slices.SortedFunc(maps.Values(byID), func(a, b *City) int { return cmp.Compare(a.ID, b.ID) })
	g.citiesByKey = map[string][]*City{}
	for _, c := range g.cities {
		seen := map[string]bool{}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if k := g.addPhrase(n, MatchCity); k != "" && !seen[k] {
				seen[k] = true
				g.citiesByKey[k] = append(g.citiesByKey[k], c)
			}
		}
	}
	for _, list := range g.citiesByKey {
		slices.SortFunc(list, func(a, b *City) int {
			return cmp.Or(cmp.Compare(b.Population, a.Population), cmp.Compare(a.ID, b.ID))
		})
	}
	return nil
}

// newCity makes a city from its id, name, country code, admin1 code and population fields
// (a blank population is 0).
func (g *Gazetteer) newCity(id, name, code, admin1, population string) (*City, error) {
	c := &City{Name: name, CountryCode: code, Admin1: admin1}
	var err error
	if c.ID, err = strconv.Atoi(id); err != nil || c.ID == 0 {
		return nil, fmt.Errorf("place %q: bad id %q", name, id)
	}
	if population != "" {
		if c.Population, err = strconv.Atoi(population); err != nil {
			return nil, fmt.Errorf("place %q: population: %w", name, err)
		}
	}
	country := g.CountryByCode(code)
	if country == nil {
		return nil, fmt.Errorf("place %q: unknown country code %q", name, code)
	}
	c.Country = country.Name
	return c, nil
}

// correct applies a places_extra.tsv row to the GeoNames city it names: the row's name becomes
// canonical, GeoNames' name an alias, and the row's population replaces GeoNames' if given.
func correct(geo, row *City, population bool) (*City, error) {
	if geo == nil {
		return nil, fmt.Errorf("place %q: no GeoNames place has id %d", row.Name, row.ID)
	}
	if geo.CountryCode != row.CountryCode || geo.Admin1 != row.Admin1 {
		return nil, fmt.Errorf("place %q: in %s %s, GeoNames says %s %s", row.Name, row.CountryCode, row.Admin1, geo.CountryCode, geo.Admin1)
	}
	if geo.Name != row.Name {
		geo.Aliases = append([]string{geo.Name}, slices.DeleteFunc(geo.Aliases, func(a string) bool { return a == row.Name })...)
		geo.Name = row.Name
	}
	if population {
		geo.Population = row.Population
	}
	return geo, nil
}

// addAlias adds a to c's aliases unless it is blank or c already has that name.
func (c *City) addAlias(a string) {
	if a == "" || a == c.Name || slices.Contains(c.Aliases, a) {
		return
	}
	c.Aliases = append(c.Aliases, a)
}
