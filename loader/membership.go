package loader

import "github.com/kgraph/kg/loader/gazetteer"

// membership is a country's membership of an organisation as one sentence states it.
type membership struct {
	country *gazetteer.Country
	org     *orgRef
	sent    *sentence
}

// memberCues say that the countries of a sentence are an organisation's members: "the CSTO
// member states", "members of the SCO", "an alliance consisting of six countries".
var memberCues = wordSet(`member members membership consisting consists comprising comprises`)

// findMemberships reads the members of an organisation from a sentence that names the
// organisation, says "member states" (or "members of", "consisting of") and lists two countries
// or more right after that cue.
func (x *extraction) findMemberships(s *sentence) {
	x.findJoiners(s)
	var org *orgRef
	cue := -1
	for i, t := range s.toks {
		if m := s.markStarting(i); m != nil && m.kind == markOrg && org == nil && m.org.parent == "" {
			org = m.org
		}
		if memberCues[t.lower()] && cue < 0 {
			cue = i
		}
	}
	if org == nil || cue < 0 {
		return
	}
	countries := countryList(s, cue)
	if len(countries) < 2 {
		return
	}
	for _, c := range countries {
		x.memberships = append(x.memberships, membership{country: c, org: org, sent: s})
	}
}

// countryList returns the list of countries that starts within a few words after token i:
// country names joined only by commas, "and", "the", a colon or a dash.
func countryList(s *sentence, i int) []*gazetteer.Country {
	var out []*gazetteer.Country
	last := -1
	for _, m := range s.marks {
		if m.from <= i || m.kind != markCountry {
			continue
		}
		if last < 0 && m.from > i+8 {
			break
		}
		if last >= 0 {
			for _, t := range s.toks[last:m.from] {
				if !t.is(",", "and", "the", ":", "-", "–", "—") {
					return out
				}
			}
		}
		out = appendCountry(out, m.match.Country)
		last = m.to
	}
	return out
}

// findJoiners reads one country's membership: "Iran became a full member of the SCO", "Belarus
// joined the SCO".
func (x *extraction) findJoiners(s *sentence) {
	for _, m := range s.marks {
		if m.kind != markCountry {
			continue
		}
		for j := m.to; j < len(s.toks) && j < m.to+6; j++ {
			at := -1
			switch {
			case s.toks[j].is("joined") && j+1 < len(s.toks):
				at = j + 1
				if s.toks[at].is("the") {
					at++
				}
			case s.toks[j].is("member") && j+1 < len(s.toks) && s.toks[j+1].is("of"):
				at = ofThe(s, j+1)
			}
			if at < 0 {
				continue
			}
			if om := s.markStarting(at); om != nil && om.kind == markOrg {
				x.memberships = append(x.memberships, membership{country: m.match.Country, org: om.org, sent: s})
			}
			break
		}
	}
}
