package loader

// orgRef is an organisation as a document names it: from the gazetteer, from an acronym the
// text defines, or from the shape of its name ("Ministry of Defence of the Republic of Belarus").
type orgRef struct {
	name    string
	acronym string
	parent  string  // name of the parent organisation, "" if none
	up      *orgRef // the parent as the document names it; nil when parent comes from the gazetteer
	text    string  // as written in the sentence
}

// orgHeadWords end the names of bodies: a capitalised phrase ending in one is an organisation.
var orgHeadWords = wordSet(`council committee ministry agency service commission centre center staff assembly
secretariat department directorate forces force institute university academy bank fund parliament union
organization organisation office administration government guard police court board chamber`)

// unitHeadWords end the names of bodies besides orgHeadWords when findOrgs reads a name: military
// formations and commands, headquarters, embassies, groups and branches ("Internal Troops",
// "Military Transport Aviation"). properPhrase, which post titles use, keeps to orgHeadWords.
var unitHeadWords = wordSet(`division brigade regiment battalion district fleet corps headquarters embassy
troops command aviation group`)

// connectors may stand inside a proper name between its capitalised words.
var connectors = wordSet(`of for on and the in`)

// isOrgHead reports whether the lower-case word w ends the name of a body.
func isOrgHead(w string) bool { return orgHeadWords[w] || unitHeadWords[w] }

// findOrgs marks organisations that the gazetteer does not know: names defined with an
// acronym in brackets, acronyms defined earlier in the document, capitalised phrases headed by
// a body word with their complements ("Ministry of Internal Affairs of Kazakhstan", "Academy of
// the General Staff"), press offices and military units, and "the Organization", which stands for
// the document's main organisation. A short form of an organisation the document names in full
// ("the Council", "Rapid Reaction Force") is that organisation.
func (x *extraction) findOrgs(s *sentence) {
	x.orgIndex()
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if m := s.markStarting(i); m != nil {
			if n := x.orgAfterMark(s, m); n > 0 {
				i = n - 1
				continue
			}
			i = m.to - 1
			continue
		}
		if s.markAt(i, i+1) != nil {
			continue
		}
		if o, n := x.definedAcronym(s, i); o != nil {
			s.addMark(mark{kind: markOrg, from: i, to: i + n, org: o})
			i += n - 1
			continue
		}
		if t.is("Organization", "Organisation") && x.mainOrg != nil &&
			(i > 0 && s.toks[i-1].is("the") || i+1 < len(s.toks) && s.toks[i+1].isPossessive()) {
			s.addMark(mark{kind: markOrg, from: i, to: i + 1, org: &orgRef{name: x.mainOrg.name, acronym: x.mainOrg.acronym, parent: x.mainOrg.parent, text: t.text}})
			continue
		}
		if pm := s.markEnding(i); pm != nil && pm.kind == markOrg {
			if n := x.pressOffice(s, i, pm.org, pm.from); n > 0 {
				i = n - 1
				continue
			}
		}
		if n := x.pressOffice(s, i, nil, i); n > 0 {
			i = n - 1
			continue
		}
		if n := x.militaryUnit(s, i); n > 0 {
			i = n - 1
			continue
		}
		if n := x.siteName(s, i); n > 0 {
			i = n - 1
			continue
		}
		from := i
		if isNumberedUnit(t) && i+1 < len(s.toks) && s.toks[i+1].isCap() && s.markAt(i+1, i+2) == nil {
			i++ // "98th Guards Airborne Division"
		} else if !t.isCap() || !t.isWord() || t.is("The") {
			continue
		}
		end, head, first := x.orgPhrase(s, i)
		if head < 0 || attributive(s, end) {
			i = from
			if head >= 0 {
				i = end - 1
			}
			continue
		}
		// "Training of Canine Services of the Ministry of …": the name starts at the first
		// part of the phrase that has a head word.
		if seg := segmentStart(s, i, first); seg > i {
			from = seg
		}
		if n := x.addPhraseOrg(s, from, end); n > 0 {
			i = n - 1
		} else {
			i = end - 1
		}
	}
}

// attributive reports whether the capitalised word after a body's name [.., end) is an event's
// noun, so that the name modifies it: "the Command and Staff Exercise", "Security Council Meeting".
func attributive(s *sentence, end int) bool {
	if end >= len(s.toks) || !s.toks[end].isCap() {
		return false
	}
	_, ok := eventNouns[s.toks[end].lower()]
	return ok
}

// segmentStart returns where the part of a phrase starting at i that holds its first head word
// (at first) begins: after the last "of [the]" before it.
func segmentStart(s *sentence, i, first int) int {
	seg := i
	for j := i; j < first; j++ {
		if s.toks[j].is("of") {
			seg = ofThe(s, j)
		}
	}
	return seg
}

// orgAfterMark reads the organisations that begin with the mark m: a city or "General" that
// opens a body's name ("Moscow State Institute", "General Staff of the Armed Forces of Belarus"),
// the body a post title names ("Minister of Defence of Armenia"), a country's army or a body after
// its country's adjective ("Belarusian Institute for Strategic Studies"), an organisation's press
// office or mission ("the CSTO press office") and a body named after its organisation ("the
// Security Council Secretariat"). It returns the end of what it marked, or 0.
func (x *extraction) orgAfterMark(s *sentence, m *mark) int {
	switch m.kind {
	case markCity, markRank, markPost:
		if m.kind == markPost {
			x.bodyOfPost(s, m)
		}
		opens := m.kind == markCity && (m.from == 0 || !s.toks[m.from-1].is("in", "at", "from", "to", "near", "of")) ||
			s.toks[m.from].is("General")
		if !opens || m.to != m.from+1 || m.to >= len(s.toks) || !s.toks[m.to].isCap() || s.markAt(m.to, m.to+1) != nil {
			return 0
		}
		end, head, first := x.orgPhrase(s, m.to)
		if head < 0 || first != head || segmentStart(s, m.to, first) != m.to {
			return 0
		}
		from := m.from
		s.removeMark(m)
		return x.addPhraseOrg(s, from, end)
	case markCountryAdj:
		// "the Syrian army": a country's armed forces, often written in lower case.
		if m.to < len(s.toks) && s.toks[m.to].is("army", "navy") && !s.toks[m.to].isCap() {
			from, to := m.from, m.to+1
			text := s.span(from, to)
			s.removeMark(m)
			x.addOrg(s, mark{kind: markOrg, from: from, to: to, org: &orgRef{name: text, text: text}})
			return to
		}
		if m.from > 0 && s.toks[m.from-1].is("of") {
			return 0
		}
		return x.orgAfterOwner(s, m, m.to)
	case markCountry:
		// "Russia's Defence Ministry": a body after its country's possessive.
		if m.to+1 < len(s.toks) && s.toks[m.to].isPossessive() {
			return x.orgAfterOwner(s, m, m.to+1)
		}
		return 0
	case markOrg:
		if m.to < len(s.toks) && s.toks[m.to].is("mission") && !s.toks[m.to].isCap() {
			owner := m.org.acronym
			if owner == "" {
				owner = m.org.name
			}
			o := &orgRef{name: owner + " Mission", text: s.span(m.from, m.to+1)}
			setParent(o, m.org)
			from, to := m.from, m.to+1
			s.removeMark(m)
			x.addOrg(s, mark{kind: markOrg, from: from, to: to, org: o})
			return to
		}
		if n := x.pressOffice(s, m.to, m.org, m.from); n > 0 {
			return n
		}
		// "the Security Council Secretariat": a body named after the organisation it belongs to.
		if m.to < len(s.toks) && s.toks[m.to].isCap() && s.markAt(m.to, m.to+1) == nil {
			end, head, first := x.orgPhrase(s, m.to)
			if head < 0 || first != m.to || modifiedMark(s, m.to, end) || s.toks[head].is("Headquarters") {
				return 0
			}
			text := s.span(m.from, end)
			o := &orgRef{name: text, text: text}
			setParent(o, m.org)
			from := m.from
			x.addOrg(s, mark{kind: markOrg, from: from, to: end, org: o})
			return end
		}
	}
	return 0
}

// ofThe returns the index after "of" or "of the" at token i, or i.
func ofThe(s *sentence, i int) int {
	if i+1 < len(s.toks) && s.toks[i].is("of") {
		if s.toks[i+1].is("the") && i+2 < len(s.toks) {
			return i + 2
		}
		return i + 1
	}
	return i
}

// setParent makes parent, if any, the organisation o is part of.
func setParent(o, parent *orgRef) {
	if parent == nil {
		return
	}
	o.parent, o.up = parent.name, parent
}

// addOrg adds the organisation mark m in place of the marks it covers (the countries and
// organisations of its complement) and remembers its organisation.
func (x *extraction) addOrg(s *sentence, m mark) {
	kept := s.marks[:0]
	for _, o := range s.marks {
		if o.from < m.from || o.to > m.to {
			kept = append(kept, o)
		}
	}
	s.marks = kept
	if s.addMark(m) {
		x.remember(s, m.org)
	}
}

// removeMark deletes the mark m points to.
func (s *sentence) removeMark(m *mark) {
	for i := range s.marks {
		if &s.marks[i] == m {
			s.marks = append(s.marks[:i], s.marks[i+1:]...)
			return
		}
	}
}
