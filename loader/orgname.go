package loader

import (
	"strings"
	"unicode"

	"github.com/kgraph/kg/graph"
)

// addPhraseOrg marks the organisation named by tokens [from, end), or the organisation of the
// document it is a short form of; a bare head word that refers to none and a phrase that names a
// kind of body ("the Ministry of Internal Affairs of the CSTO member states") are left out. It
// returns the end of the mark, or 0.
func (x *extraction) addPhraseOrg(s *sentence, from, end int) int {
	if genericBody(s, end) {
		x.orgs.generic[graph.NameKey(s.span(from, end))] = true
		return 0
	}
	if modifiedMark(s, from, end) {
		// The phrase names something of the organisation ("… of the CSTO member states"), and
		// its part before the organisation is no body's name in this document.
		k := s.markEnding(end).from
		for k > from && s.toks[k-1].is("of", "the") {
			k--
		}
		x.orgs.generic[graph.NameKey(s.span(from, k))] = true
		return 0
	}
	if x.orgs.generic[graph.NameKey(s.span(from, end))] {
		return 0
	}
	// "Collective Rapid Deployment Forces of the Central Asian region": a known name that goes on
	// in lower case.
	if end < len(s.toks) && s.toks[end].isWord() && !s.toks[end].isCap() && x.gz.Organization(s.span(from, end+1)) != nil {
		end++
	}
	start := from
	if isNumberedUnit(s.toks[from]) {
		start = from + 1
	}
	if s.toks[start].is("Headquarters") {
		return 0 // "the Headquarters of the CSTO" is a place
	}
	o := x.phraseRef(s, from, end)
	if ref := x.shortForm(s, start, end); ref != nil {
		o = &orgRef{name: ref.name, acronym: ref.acronym, parent: ref.parent, up: ref.up, text: o.text}
	} else if ref := x.sameNational(o.name); ref != nil {
		o = &orgRef{name: ref.name, acronym: ref.acronym, parent: ref.parent, up: ref.up, text: o.text}
	} else if end-start == 1 && !(s.toks[start].is("Police") && start > 0 && s.toks[start-1].is("the")) {
		return 0 // "Council", "Secretariat" alone
	}
	// "(CSTO CCES)" right after the name defines its acronym.
	if end+2 < len(s.toks) && s.toks[end].text == "(" {
		close := end + 1
		for close < len(s.toks) && s.toks[close].isAllCaps() {
			close++
		}
		if close > end+1 && close < len(s.toks) && s.toks[close].text == ")" {
			acr := s.span(end+1, close)
			if initialsFit(acr, s.toks[from:end]) {
				o.acronym = acr
				x.acronyms[graph.NameKey(acr)] = o
			}
		}
	}
	if o.parent == "" {
		if pm := s.markStarting(ofThe(s, end)); pm != nil && pm.kind == markOrg && ofThe(s, end) > end && !genericBody(s, end) {
			o.parent = pm.org.name
		}
	}
	x.addOrg(s, mark{kind: markOrg, from: from, to: end, org: o})
	x.sharedComplement(s, from, end)
	return end
}

// initialsFit reports whether an acronym has a letter for each capitalised word of the name, so
// that "Command of the Collective Rapid Deployment Forces of the Central Asian Region (CRDF CAR)"
// does not take the acronym of its complement.
func initialsFit(acr string, name []token) bool {
	letters, words := 0, 0
	for _, r := range acr {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	for _, t := range name {
		if t.isWord() && t.isCap() {
			words++
		}
	}
	return letters >= words
}

// nationalKey returns the key of a national body's name that is the same for "Russian Ministry
// of Emergency Situations" and "Ministry of Emergency Situations of the Russian Federation": the
// body's words and the country's code. It returns "" when the name names no country.
func (x *extraction) nationalKey(name string) string {
	if i := strings.IndexByte(name, ' '); i > 0 {
		if c := x.gz.Country(name[:i]); c != nil && graph.NameKey(c.Name) != graph.NameKey(name[:i]) && isAdjective(c, name[:i]) {
			return strings.Join(foldName(name[i+1:]), " ") + "|" + c.Code
		}
	}
	for _, of := range []string{" of the ", " of "} {
		if i := strings.LastIndex(name, of); i > 0 {
			if c := x.gz.Country(name[i+len(of):]); c != nil {
				return strings.Join(foldName(name[:i]), " ") + "|" + c.Code
			}
		}
	}
	return ""
}

// sameNational returns the organisation of the document that is the national body name names
// under another form ("Russian Ministry of Emergency Situations" after "Ministry of Emergency
// Situations of the Russian Federation"), or nil. The form with "of <country>" names the body.
func (x *extraction) sameNational(name string) *orgRef {
	key := x.nationalKey(name)
	if key == "" {
		return nil
	}
	for _, k := range x.orgs.known {
		if k.national != key {
			continue
		}
		if k.ref.up == nil && k.ref.parent == "" && x.gz.Organization(k.ref.name) == nil &&
			strings.Contains(name, " of ") && !strings.Contains(k.ref.name, " of ") {
			k.ref.name = name
		}
		return k.ref
	}
	return nil
}

// sharedComplement reads "Ministry of Internal Affairs of Kazakhstan and Kyrgyzstan" as two
// ministries: a name [from, end) that ends in a country, followed by "and" and another country,
// names the same body of that country too.
func (x *extraction) sharedComplement(s *sentence, from, end int) {
	if end+1 >= len(s.toks) || !s.toks[end].is("and") {
		return
	}
	m := s.markStarting(end + 1)
	if m == nil || m.kind != markCountry {
		return
	}
	c := end - 1
	for c > from && !s.toks[c-1].is("of", "the") {
		c--
	}
	if c <= from || x.gz.Country(s.span(c, end)) == nil {
		return
	}
	name := s.Text[s.toks[from].start:s.toks[c].start] + s.span(m.from, m.to)
	x.addOrg(s, mark{kind: markOrg, from: m.from, to: m.to, org: &orgRef{name: name, text: name}})
}

// modifierWords follow an organisation's name used as a modifier: "the CSTO CRRF formations",
// "the CSTO regional operation".
var modifierWords = wordSet(`formations formation units unit forces troops contingent contingents operation
operations exercise exercises regional peacekeeping special member`)

// modifiedMark reports whether the phrase [from, end) ends in an organisation's name that
// modifies the lower-case noun after it, so that the phrase is not the whole name.
func modifiedMark(s *sentence, from, end int) bool {
	m := s.markEnding(end)
	return m != nil && m.kind == markOrg && m.from > from && end < len(s.toks) && modifierWords[s.toks[end].text]
}

// phraseRef builds the organisation named by tokens [from, end) with the parent its "of"
// complement names: an organisation of the gazetteer ("Academy of the General Staff of the
// Armed Forces") or one named by its own head word ("Main Department of the Interior Ministry").
func (x *extraction) phraseRef(s *sentence, from, end int) *orgRef {
	name := s.span(from, end)
	o := &orgRef{name: name, text: name}
	if g := x.gz.Organization(name); g != nil {
		o.name, o.acronym, o.parent = g.Name, g.Acronym, g.Parent
		return o
	}
	if up := x.possessor(s, from, end); up != nil {
		setParent(o, up)
		return o
	}
	seenHead := false
	for j := from; j < end; j++ {
		if m := s.markStarting(j); m != nil && j > from {
			if seenHead && m.kind == markOrg && m.to == end && complementAt(s, j, false) {
				setParent(o, m.org)
				return o
			}
			j = m.to - 1
			continue
		}
		t := s.toks[j]
		if isOrgHead(t.lower()) && t.isCap() {
			seenHead = true
			continue
		}
		if seenHead && t.is("of") && j+1 < end {
			k := ofThe(s, j)
			if k+1 < end && s.markStarting(k) == nil && s.toks[k].isCap() && headBeforeOf(s, k, end) {
				setParent(o, x.phraseRef(s, k, end))
				return o
			}
		}
	}
	return o
}

// possessor returns the body a name [from, end) names as its owner with a possessive, with the
// name's country: "National Guard's Training Centre of the Republic of Tajikistan" belongs to the
// National Guard of the Republic of Tajikistan. It returns nil when the name has none.
func (x *extraction) possessor(s *sentence, from, end int) *orgRef {
	for j := from; j < end-2; j++ {
		t := s.toks[j]
		if !s.toks[j+1].isPossessive() || !t.isCap() || !isOrgHead(t.lower()) {
			continue
		}
		name := s.span(from, j+1)
		if j == from {
			return nil // "Guard's …" alone names no owner
		}
		full := s.span(from, end)
		for _, of := range []string{" of the ", " of "} {
			if i := strings.LastIndex(full, of); i > 0 && x.gz.Country(full[i+len(of):]) != nil {
				name += full[i:]
				break
			}
		}
		o := &orgRef{name: name, text: name}
		if g := x.gz.Organization(name); g != nil {
			o.name, o.acronym, o.parent = g.Name, g.Acronym, g.Parent
		}
		return o
	}
	return nil
}

// orgAfterOwner reads a body's name that starts at token i after the country mark m that owns
// it ("Belarusian Institute for Strategic Studies", "Russia's Defence Ministry"); the name takes
// the owner in. It returns the end of what it marked, or 0.
func (x *extraction) orgAfterOwner(s *sentence, m *mark, i int) int {
	if i >= len(s.toks) || !s.toks[i].isCap() || s.markAt(i, i+1) != nil {
		return 0
	}
	end, head, _ := x.orgPhrase(s, i)
	if head < 0 {
		return 0
	}
	from := m.from
	s.removeMark(m)
	return x.addPhraseOrg(s, from, end)
}

// headBeforeOf reports whether the capitalised words from k up to the next "of" (or end) hold
// a body head word.
func headBeforeOf(s *sentence, k, end int) bool {
	for j := k; j < end && !s.toks[j].is("of"); j++ {
		if s.markAt(j, j+1) != nil {
			return false
		}
		if isOrgHead(s.toks[j].lower()) && s.toks[j].isCap() {
			return true
		}
	}
	return false
}

// genericBody reports whether the phrase ending at end names a kind of body of several states:
// "… of the CSTO member states", "(Police / Rosgvardia) of the member countries".
func genericBody(s *sentence, end int) bool {
	j := end
	if j < len(s.toks) && s.toks[j].text == "(" {
		for j < len(s.toks) && s.toks[j].text != ")" {
			j++
		}
		j++
	}
	if j >= len(s.toks) || !s.toks[j].is("of") {
		return false
	}
	for k := j + 1; k < len(s.toks) && k <= j+4; k++ {
		if s.toks[k].is("member", "participating") && k+1 < len(s.toks) && s.toks[k+1].is("states", "countries") {
			return true
		}
	}
	return false
}

// orgPhrase extends the name of a body from token i over capitalised words and connectors and,
// after "of [the]" (and "to [the]" after an embassy), over the countries and organisations of its
// complement ("Ministry of Internal Affairs of Kazakhstan", "Embassy of Belarus to Russia"). It
// returns the name's end and the index of its last head word, or -1; a name is cut after its
// last head word unless an "of", "for" or "on" complement follows it.
func (x *extraction) orgPhrase(s *sentence, i int) (end, head, first int) {
	head, first, end = -1, -1, i
	embassy := false
	for j := i; j < len(s.toks); {
		t := s.toks[j]
		if m := s.markStarting(j); m != nil && j > i {
			if head < 0 || !complementAt(s, j, embassy) {
				break
			}
			ok := m.kind == markOrg || m.kind == markCountry ||
				m.kind == markCountryAdj && m.to < len(s.toks) && s.toks[m.to].isCap() && s.markAt(m.to, m.to+1) == nil
			if !ok {
				break
			}
			end, j = m.to, m.to
			continue
		}
		if s.markAt(j, j+1) != nil {
			break
		}
		// A given name opens a person's name, not more of the body's: "Board of the Eurasian
		// Economic Commission Bakytzhan Sagintayev".
		if t.isWord() && t.isCap() && j > i && x.gz.IsGivenName(t.text) && !isOrgHead(t.lower()) {
			break
		}
		if t.isWord() && t.isCap() {
			if isOrgHead(t.lower()) && !(t.is("District") && !districtOfBody(s, j)) {
				head = j
				if first < 0 {
					first = j
				}
				embassy = embassy || t.is("Embassy")
			}
			end = j + 1
			j++
			continue
		}
		// "National Guard's Training Centre": a possessive between capitalised words.
		if t.isPossessive() && j > i && j+1 < len(s.toks) && s.toks[j+1].isCap() && s.markAt(j+1, j+2) == nil {
			j++
			continue
		}
		if (connectors[t.lower()] || embassy && t.is("to")) && j+1 < len(s.toks) {
			next := s.toks[j+1]
			if next.isCap() || next.is("the") && j+2 < len(s.toks) && (s.toks[j+2].isCap() || s.markStarting(j+2) != nil) && t.is("of", "to", "for", "on") {
				j++
				continue
			}
		}
		break
	}
	if head < 0 {
		return end, -1, -1
	}
	if head+1 < end && !s.toks[head+1].is("of", "for", "on") && !(embassy && s.toks[head+1].is("to")) {
		end = head + 1
	}
	return end, head, first
}

// districtOfBody reports whether "District" at token j names a body: a military district or a
// district of an organisation ("Urals District of the National Guard"), not a district of a
// province or city.
func districtOfBody(s *sentence, j int) bool {
	if j > 0 && s.toks[j-1].is("Military") {
		return true
	}
	k := ofThe(s, j+1)
	m := s.markStarting(k)
	return k > j+1 && m != nil && m.kind == markOrg
}

// complementAt reports whether the mark at token j stands in a complement: after "of [the]", or
// after "to [the]" in an embassy's name.
func complementAt(s *sentence, j int, embassy bool) bool {
	k := j - 1
	if s.toks[k].is("the") {
		k--
	}
	return k >= 0 && (s.toks[k].is("of") || embassy && s.toks[k].is("to"))
}

// properPhrase extends a capitalised phrase from token i over capitalised words and
// connectors. It returns the phrase's end and the index of its last body head word, or -1.
func (x *extraction) properPhrase(s *sentence, i int) (end, head int) {
	head = -1
	end = i
	for j := i; j < len(s.toks); j++ {
		t := s.toks[j]
		if s.markAt(j, j+1) != nil {
			break
		}
		if t.isWord() && t.isCap() {
			if orgHeadWords[t.lower()] {
				head = j
			}
			end = j + 1
			continue
		}
		if connectors[t.lower()] && j+1 < len(s.toks) && s.toks[j+1].isCap() {
			continue
		}
		break
	}
	if head < 0 {
		return end, -1
	}
	// A phrase is cut after its last head word unless an "of …" complement names it further
	// ("Ministry of Emergency Situations").
	if head+1 < end && !s.toks[head+1].is("of", "for", "on") {
		end = head + 1
	}
	return end, head
}

// definedAcronym returns the organisation whose acronym (defined earlier in the document)
// starts at token i, with the number of tokens it spans.
func (x *extraction) definedAcronym(s *sentence, i int) (*orgRef, int) {
	for n := 3; n >= 1; n-- {
		if i+n > len(s.toks) {
			continue
		}
		all := true
		for _, t := range s.toks[i : i+n] {
			all = all && t.isAllCaps()
		}
		if !all {
			continue
		}
		if o := x.acronyms[graph.NameKey(s.span(i, i+n))]; o != nil {
			return o, n
		}
	}
	return nil, 0
}
