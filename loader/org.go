package loader

import (
	"strings"
	"unicode"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/dates"
)

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

// siteTLDs end the names of news sites written as their address ("Cronos.Asia").
var siteTLDs = wordSet(`asia kg kz ru by am tj uz az ge ua com info net org news`)

// siteName reads a news site named by its address, "Cronos.Asia", at token i.
func (x *extraction) siteName(s *sentence, i int) int {
	if i+2 >= len(s.toks) || !s.toks[i].isCap() || !s.toks[i].isWord() || s.toks[i+1].text != "." ||
		s.toks[i+1].start != s.toks[i].end || s.toks[i+2].start != s.toks[i+1].end || !siteTLDs[s.toks[i+2].lower()] {
		return 0
	}
	if i > 0 && (s.toks[i-1].end == s.toks[i].start || s.toks[i-1].is("www")) {
		return 0
	}
	end := i + 3
	text := s.span(i, end)
	o := &orgRef{name: text, text: text}
	if g := x.gz.Organization(s.toks[i].text); g != nil {
		o.name, o.acronym, o.parent = g.Name, g.Acronym, g.Parent
	}
	x.addOrg(s, mark{kind: markOrg, from: i, to: end, org: o})
	return end
}

// datelineCredits reads the agencies credited in an item's dateline, "MOSCOW (UrduPoint News /
// Sputnik - 06th December, 2021)" or "MINSK, 3 March (BelTA) –": each name in the bracket, up to
// a dash or a comma, is a news outlet. The dateline is not part of the item's sentences, so the
// outlets are mentioned in the sentence after it.
func (x *extraction) datelineCredits(it *item) {
	if it.Dateline == "" || len(it.sents) == 0 {
		return
	}
	var first *sentence
	head, prev := "", it.Start
	for _, s := range it.sents {
		if s.Offset >= prev {
			if i := strings.LastIndex(x.doc.Text[prev:s.Offset], it.Dateline); i >= 0 {
				first, head = s, x.doc.Text[prev+i+len(it.Dateline):s.Offset]
				break
			}
			prev = s.Offset + len(s.Text)
		}
	}
	if first == nil {
		return
	}
	open, close := strings.Index(head, "("), strings.Index(head, ")")
	if open < 0 || close < open {
		return
	}
	credit := head[open+1 : close]
	if j := strings.IndexAny(credit, "-–—,"); j >= 0 {
		credit = credit[:j]
	}
	for _, name := range strings.Split(credit, "/") {
		name = strings.TrimSpace(name)
		if name == "" || !unicode.IsUpper([]rune(name)[0]) || len(strings.Fields(name)) > 4 {
			continue
		}
		o := &orgRef{name: name, text: name}
		if g := x.gz.Organization(name); g != nil {
			o.name, o.acronym, o.parent = g.Name, g.Acronym, g.Parent
		} else if dates.Find(name, "") != nil {
			continue
		}
		x.orgs.extra = append(x.orgs.extra, extraOrg{ref: o, s: first})
	}
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

// bodyOfPost reads the national body a post title names with its country: "Minister for
// Emergency Situations of the Republic of Belarus" names the Ministry for Emergency Situations of
// the Republic of Belarus, "Secretary of the Security Council of Armenia" the Security Council of
// Armenia. The post keeps its marks; the body is added to the document's organisations.
func (x *extraction) bodyOfPost(s *sentence, m *mark) {
	text := m.match.Text
	var body string
	end := m.to
	minister := strings.Index(" "+text+" ", " Minister ")
	switch {
	case minister >= 0 && len(text) > minister+len("Minister "):
		rest := text[minister+len("Minister "):]
		if !strings.HasPrefix(rest, "of ") && !strings.HasPrefix(rest, "for ") {
			return
		}
		body = "Ministry " + rest
	case minister >= 0 && end+1 < len(s.toks) && s.toks[end].is("of", "for") && s.toks[end+1].isCap():
		j := end + 1
		for j < len(s.toks) && s.markAt(j, j+1) == nil && (s.toks[j].isCap() || s.toks[j].is("and", ",") ||
			s.toks[j].is("of") && j+1 < len(s.toks) && s.toks[j+1].isCap() && s.markAt(j+1, j+2) == nil) {
			j++
		}
		if j == end+1 || s.toks[j-1].text == "," || s.toks[j-1].is("and") {
			return
		}
		body, end = "Ministry "+s.span(end, j), j
	default:
		i := strings.LastIndex(text, " of the ")
		if i < 0 {
			return
		}
		body = text[i+len(" of the "):]
		words := strings.Fields(body)
		if len(words) == 0 || !isOrgHead(strings.ToLower(words[len(words)-1])) {
			return
		}
	}
	k := ofThe(s, end)
	c := s.markStarting(k)
	if k == end || c == nil || c.kind != markCountry {
		return
	}
	name := body + " " + s.span(end, c.to)
	o := &orgRef{name: name, text: name}
	if g := x.gz.Organization(name); g != nil {
		o.name, o.acronym, o.parent = g.Name, g.Acronym, g.Parent
	}
	x.orgs.extra = append(x.orgs.extra, extraOrg{ref: o, s: s})
	x.remember(s, o)
}

// pressOffice reads "press office/service/centre" at token i: after an organisation owner that
// starts at from ("the CSTO press service"), or followed by "of [the] <organisation>". It returns
// the end of the mark it added, or 0.
func (x *extraction) pressOffice(s *sentence, i int, owner *orgRef, from int) int {
	if i+1 >= len(s.toks) || !s.toks[i].is("press") || !s.toks[i+1].is("office", "service", "center", "centre") {
		return 0
	}
	end := i + 2
	if owner == nil {
		j := end
		if j+1 < len(s.toks) && s.toks[j].is("of") {
			j++
			if s.toks[j].is("the") {
				j++
			}
		}
		if j == end || j >= len(s.toks) {
			return 0
		}
		if m := s.markStarting(j); m != nil && m.kind == markOrg {
			owner, end = m.org, m.to
			s.removeMark(m)
		} else if pe, head, _ := x.orgPhrase(s, j); head >= 0 {
			owner, end = x.phraseRef(s, j, pe), pe
		} else {
			return 0
		}
	} else if m := s.markStarting(from); m != nil {
		s.removeMark(m)
	}
	text := s.span(from, end)
	o := &orgRef{name: text, text: text}
	setParent(o, owner)
	x.addOrg(s, mark{kind: markOrg, from: from, to: end, org: o})
	return end
}

// militaryUnit reads "military unit 6656 [of <organisation>]", the numbered designation of a unit.
func (x *extraction) militaryUnit(s *sentence, i int) int {
	if i+2 >= len(s.toks) || !s.toks[i].is("military") || !s.toks[i+1].is("unit") || !isNumber(s.toks[i+2]) {
		return 0
	}
	end := i + 3
	var owner *orgRef
	if j := ofThe(s, end); j > end {
		if m := s.markStarting(j); m != nil && m.kind == markOrg {
			owner, end = m.org, m.to
			s.removeMark(m)
		}
	}
	text := s.span(i, end)
	o := &orgRef{name: text, text: text}
	setParent(o, owner)
	x.addOrg(s, mark{kind: markOrg, from: i, to: end, org: o})
	return end
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

// shortForm returns the organisation of the document that tokens [from, to) name by a short
// form: the end of its name or alias ("Council" for the Collective Security Council, "Rapid
// Reaction Force") or its name before its "of" complement. The nearest mention before the
// sentence wins, else the nearest after.
func (x *extraction) shortForm(s *sentence, from, to int) *orgRef {
	words := make([]string, 0, to-from)
	for _, t := range s.toks[from:to] {
		words = append(words, foldWord(t.text))
	}
	pos := x.orgs.seq[s]
	var best *orgRef
	bestDist := 0
	for _, k := range x.orgs.known {
		if !k.shortens(words) {
			continue
		}
		d := pos - k.seq
		if d < 0 {
			d = 1<<30 - d
		}
		if best == nil || d < bestDist {
			best, bestDist = k.ref, d
		}
	}
	return best
}

// orgState is what findOrgs knows of the document's organisations.
type orgState struct {
	seq   map[*sentence]int // sentence order
	known []knownOrg        // organisations named, in the order found
	extra []extraOrg        // organisations named inside another name (a minister's title)
	// generic holds the names the document uses for a kind of body of several states ("the
	// Ministry of Internal Affairs of the CSTO member states"), by NameKey.
	generic map[string]bool
}

type knownOrg struct {
	seq      int
	ref      *orgRef
	names    [][]string // folded words of the name and aliases
	national string     // nationalKey of the name
}

type extraOrg struct {
	ref *orgRef
	s   *sentence
}

// shortens reports whether words are a shorter form of one of k's names: the end of its name
// before any "of", "for" or "on" complement, or all of that part when a complement follows.
func (k knownOrg) shortens(words []string) bool {
	for _, n := range k.names {
		h := n
		for i, w := range n {
			if w == "of" || w == "for" || w == "on" {
				h = n[:i]
				break
			}
		}
		if len(words) > len(h) || len(words) == len(n) {
			continue
		}
		if equalWords(h[len(h)-len(words):], words) {
			return true
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// foldWord folds a word for comparing names: lower case, no possessive, no plural "s".
func foldWord(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	return graph.NameKey(w)
}

func foldName(name string) []string {
	var out []string
	for _, t := range tokenize(name) {
		if t.isWord() || isNumber(t) {
			out = append(out, foldWord(t.text))
		}
	}
	return out
}

// orgIndex numbers the document's sentences and collects the organisations the gazetteer found,
// once per document.
func (x *extraction) orgIndex() {
	if x.orgs != nil {
		return
	}
	x.orgs = &orgState{seq: map[*sentence]int{}, generic: map[string]bool{}}
	n := 0
	for _, it := range x.items {
		x.datelineCredits(it)
		for _, s := range it.sents {
			x.orgs.seq[s] = n
			n++
			for _, m := range s.marks {
				if m.kind == markOrg {
					x.remember(s, m.org)
				}
			}
		}
	}
}

// remember adds o, and the organisations of the gazetteer it is part of, to the organisations
// the document names.
func (x *extraction) remember(s *sentence, o *orgRef) {
	if o.up == nil && o.parent != "" {
		if g := x.gz.Organization(o.parent); g != nil && g.Name == o.parent {
			x.remember(s, &orgRef{name: g.Name, acronym: g.Acronym, parent: g.Parent, text: g.Name})
		}
	}
	k := knownOrg{seq: x.orgs.seq[s], ref: o, national: x.nationalKey(o.name)}
	names := []string{o.name, o.text}
	if g := x.gz.Organization(o.name); g != nil && g.Name == o.name {
		names = append(names, g.Aliases...)
	}
	for _, n := range names {
		if w := foldName(n); len(w) > 0 {
			k.names = append(k.names, w)
		}
	}
	x.orgs.known = append(x.orgs.known, k)
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

func isNumber(t token) bool {
	for _, r := range t.text {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return t.text != ""
}

// isNumberedUnit reports whether t is a number with an ordinal suffix: "98th", "31st", "333rd".
func isNumberedUnit(t token) bool {
	n := len(t.text)
	if n < 3 || t.text[0] < '0' || t.text[0] > '9' {
		return false
	}
	suf := strings.ToLower(t.text[n-2:])
	return (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && isNumber(token{text: t.text[:n-2]})
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
