package loader

import (
	"strings"
	"unicode"
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
