package loader

import (
	"strings"
	"unicode"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/gazetteer"
)

// notCityHeads follow a city's name when the phrase names something else after the city: a
// region ("the Nizhny Novgorod Region"), a venue ("the Mulino training range") or a feature.
var notCityHeads = wordSet(`region oblast province district territory krai okrug raion area training range ground
polygon river sea lake mountains valley airport station`)

// dropNonCities removes the city marks of a sentence that only lend their name to a region, a
// venue or a feature.
func dropNonCities(s *sentence) {
	kept := s.marks[:0]
	for _, m := range s.marks {
		if m.kind == markCity && m.to < len(s.toks) && notCityHeads[s.toks[m.to].lower()] {
			continue
		}
		kept = append(kept, m)
	}
	s.marks = kept
}

// nameCase writes an all-capitals name as a name: "NUR-SULTAN" → "Nur-Sultan". Other
// spellings are kept as they are.
func nameCase(name string) string {
	if strings.ToUpper(name) != name {
		return name
	}
	var b strings.Builder
	start := true
	for _, r := range name {
		if start {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = !unicode.IsLetter(r)
	}
	return b.String()
}

// regionRef is a region a document names: "the Issyk-Kul region", "the Central Asian region".
type regionRef struct {
	name    string
	country *gazetteer.Country
}

// regionHeads end the names of regions.
var regionHeads = wordSet(`region oblast province krai okrug`)

// findRegions marks the regions of a sentence: capitalised words not recognised as anything else
// before a region word ("Pskov region", "Issyk-Kul Region"). The region's country is the one
// named after it ("… region of the Kyrgyz Republic"), else the country of the city it is named
// after.
func (x *extraction) findRegions(s *sentence) {
	for k, t := range s.toks {
		if !regionHeads[t.lower()] || k == 0 || s.markAt(k, k+1) != nil {
			continue
		}
		from := k
		for from > 0 && k-from < 3 && regionNameWord(s, from-1) {
			from--
		}
		if from == k {
			continue
		}
		r := &regionRef{name: s.span(from, k+1)}
		if j := ofThe(s, k+1); j > k+1 {
			if m := s.markStarting(j); m != nil && m.kind == markCountry {
				r.country = m.match.Country
			}
		}
		if r.country == nil {
			if c := x.chooseCity(x.gz.Cities(s.span(from, k)), s.span(from, k)); c != nil {
				r.country = x.gz.CountryByCode(c.CountryCode)
			}
		}
		s.addMark(mark{kind: markRegion, from: from, to: k + 1, region: r})
	}
}

// regionNameWord reports whether token i may be part of a region's name: a capitalised word not
// recognised as anything else and no function word, or a compass or continental adjective
// ("Central Asian region").
func regionNameWord(s *sentence, i int) bool {
	t := s.toks[i]
	if !t.isWord() || !t.isCap() || s.markAt(i, i+1) != nil {
		return false
	}
	return !nonNameWords[t.lower()] || t.is("Central", "Asian", "Eastern", "Western", "Northern", "Southern",
		"European", "Eurasian", "Caucasian", "Caspian", "Far", "Middle", "East", "North", "South", "West")
}

// regionID is the resolution key of a region: its name and country.
func regionID(r *regionRef) graph.ID {
	code := ""
	if r.country != nil {
		code = r.country.Code
	}
	return graph.NewID(graph.KindPlace, "region|"+graph.NameKey(r.name)+"|"+code)
}
