package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/gazetteer"
)

// tenure is a person in a post as one sentence states it.
type tenure struct {
	person  *person
	title   string // canonical title with its qualifiers and sub-body: "Chief of the Joint Staff"
	spelled string // the title as the text words it: "Defense Minister", "Joint Staff Chief"
	acting  bool
	org     *orgRef            // whose post it is: an organisation …
	country *gazetteer.Country // … or a country
	from    graph.Date         // first and last day of a term the text states
	to      graph.Date
	sent    *sentence
}

// postPhrase is a post title read from a sentence with its token span.
type postPhrase struct {
	tenure
	begin, end int
	post       *gazetteer.Post // the gazetteer's post the title is made of
	bare       bool            // nothing but the post's words, with qualifiers
}

// chainJoiners may stand between the titles of one holder: "Deputy Prime Minister – Minister of
// Foreign Affairs", "Chairman of the Council, President of the Kyrgyz Republic", "… and Chairman".
var chainJoiners = wordSet(`, - – — and the`)

// findTenures reads the posts of a sentence and the people who hold them. Titles standing next
// to each other, joined by a comma, a dash or "and", are one holder's chain of titles. A chain's
// holder is named before it as an apposition ("Safar Umarzoda, Head of the Department …",
// "Denis Manturov – the Deputy Prime Minister") or right after it ("CSTO Deputy Secretary
// General Valery Semerikov", "the President of Belarus Alexander Lukashenko"). A chain with no
// holder in the sentence ("the Secretary General informed …") stays for resolvePending.
func (x *extraction) findTenures(s *sentence) {
	consumed := map[int]bool{}   // post marks read as part of a longer title
	titled := map[*person]bool{} // people named right after their titles
	var chain []postPhrase
	flush := func() {
		if len(chain) > 0 {
			x.holdChain(s, chain, titled)
		}
		chain = nil
	}
	lastEnd := -1
	for mi := 0; mi < len(s.marks); mi++ {
		m := s.marks[mi]
		if m.kind != markPost || consumed[m.from] || m.from < lastEnd {
			continue
		}
		p := x.readPost(s, m, consumed)
		// One post twice is a list of people: "the Minister of Defence of Armenia, the Minister
		// of Defence of Belarus Viktor Khrenin", "the Secretary General and Deputy Secretary
		// General Valery Semerikov".
		if len(chain) > 0 && (!joined(s, chain[len(chain)-1].end, p.begin) || basePost(chain[len(chain)-1].post) == basePost(p.post)) {
			flush()
		}
		chain = append(chain, p)
		lastEnd = p.end
	}
	flush()
	x.findPluralPosts(s)
}

// basePost returns the post a qualified post qualifies, or the post itself.
func basePost(p *gazetteer.Post) *gazetteer.Post {
	if p != nil && p.Base != nil {
		return p.Base
	}
	return p
}

// joined reports whether tokens [from, to) only join two titles of one holder.
func joined(s *sentence, from, to int) bool {
	if from > to {
		return false
	}
	for i := from; i < to; i++ {
		if !chainJoiners[s.toks[i].lower()] {
			return false
		}
		// "the President and the Prime Minister of Armenia" are two people.
		if s.toks[i].is("and") && i+1 < to && s.toks[i+1].is("the") {
			return false
		}
	}
	return true
}

// holdChain gives a chain of titles its holder and records the tenures: the person right after
// the last title ("CIS Secretary General Sergei Lebedev"), else the person the chain is an
// apposition to ("Ruslan Mirzaev, the Director of …, Yevgeny Sysoyev, the Head of …"), else the
// person after a comma ("Chief of the Joint Staff, Colonel General Andrei Serdyukov"). In a list
// of titled names ("the President of Kazakhstan Kassym-Jomart Tokayev, the President of …") a
// title after a comma opens the next item, so there someone named after a title takes no
// apposition.
func (x *extraction) holdChain(s *sentence, chain []postPhrase, titled map[*person]bool) {
	shareComplement(chain)
	last := chain[len(chain)-1].end
	holder := x.personAfter(s, last, false)
	if holder != nil {
		titled[holder] = true
	}
	if holder == nil {
		if h := x.appositionHolder(s, chain[0].begin); h != nil && !(titled[h] && len(titled) > 1) {
			holder = h
		}
	}
	if holder == nil {
		holder = x.appointee(s, chain[0].begin)
	}
	if holder == nil {
		holder = x.personAfter(s, last, true)
	}
	if holder == nil {
		if definite(s, chain[0].begin) {
			x.pending = append(x.pending, pendingChain{sent: s, chain: chain})
		}
		return
	}
	x.hold(s, chain, holder)
}

// definite reports whether a title starting at begin refers to one office-holder: written with
// capitals ("the Secretary General informed …"), not generically ("the head of state").
func definite(s *sentence, begin int) bool {
	return s.toks[begin].isCap() || s.toks[begin].isAllCaps()
}

// hold records each title of a chain as a tenure of holder, with a term the sentence states.
func (x *extraction) hold(s *sentence, chain []postPhrase, holder *person) {
	for _, p := range chain {
		t := p.tenure
		t.person, t.sent = holder, s
		x.readTerm(s, &t, p.end)
		x.tenures = append(x.tenures, t)
	}
}

// pendingChain is a chain of titles whose sentence names no holder.
type pendingChain struct {
	sent  *sentence
	chain []postPhrase
}

// resolvePending gives a title mentioned without a name ("the Secretary General informed …",
// "met with the Deputy Minister – Acting Minister of Foreign Affairs of Armenia") the one person
// that the same item names in one of the chain's posts. No person is made from a title alone.
// A title that matches the named tenure takes its owner and wording, so both are one tenure.
func (x *extraction) resolvePending() {
	if len(x.pending) == 0 {
		return
	}
	type key struct {
		it    *item
		title string
	}
	named := map[key][]int{} // tenures by item and title
	for i, t := range x.tenures {
		k := key{t.sent.item, t.title}
		named[k] = append(named[k], i)
	}
	for _, pc := range x.pending {
		var holder *person
		unique := true
		chain := append([]postPhrase(nil), pc.chain...)
		for ci := range chain {
			p := &chain[ci]
			for _, i := range named[key{pc.sent.item, p.title}] {
				t := &x.tenures[i]
				if !sameOwner(t, &p.tenure) {
					continue
				}
				if holder != nil && holder != t.person {
					unique = false
				}
				holder = t.person
				p.org, p.country, p.spelled = t.org, t.country, t.spelled
			}
		}
		if holder != nil && unique {
			x.hold(pc.sent, chain, holder)
		}
	}
	x.pending = nil
}

// sameOwner reports whether two tenures may be of one post: their owners agree where both are
// given.
func sameOwner(a, b *tenure) bool {
	if a.org != nil && b.org != nil && a.org.name != b.org.name {
		return false
	}
	if a.country != nil && b.country != nil && a.country != b.country {
		return false
	}
	return true
}

// personAfter returns the person named right after a title ending at token i, past ranks and an
// acronym in brackets, and with comma past commas and dashes too. A sentence cut after an
// abbreviated rank ("Commander, Col.-Gen.") continues in the next one, which opens with the name.
func (x *extraction) personAfter(s *sentence, i int, comma bool) *person {
	rank := false
	for i < len(s.toks) {
		if comma && s.toks[i].is(",", "-", "–", "—") {
			i++
			continue
		}
		if m := s.markStarting(i); m != nil && m.kind == markRank {
			i, rank = m.to, true
			if i+1 < len(s.toks) && s.toks[i].text == "." { // "Col.-Gen." less its last dot
				i++
			}
			continue
		}
		if j := skipBracketed(s, i); j > i {
			i = j
			continue
		}
		break
	}
	if pm := s.markStarting(i); pm != nil && pm.kind == markPerson {
		return pm.person
	}
	// "the Minister of Defence of Belarus (Viktor Khrenin)"
	if comma && i+1 < len(s.toks) && s.toks[i].text == "(" {
		j := i + 1
		if rm := s.markStarting(j); rm != nil && rm.kind == markRank {
			j = rm.to
		}
		if pm := s.markStarting(j); pm != nil && pm.kind == markPerson && pm.to < len(s.toks) && s.toks[pm.to].text == ")" {
			return pm.person
		}
	}
	if rank && (i == len(s.toks) || i == len(s.toks)-1 && s.toks[i].text == ".") {
		if next := nextSentence(s); next != nil {
			if pm := next.markStarting(0); pm != nil && pm.kind == markPerson {
				return pm.person
			}
		}
	}
	return nil
}

// nextSentence returns the sentence after s in its item, or nil.
func nextSentence(s *sentence) *sentence {
	for i, t := range s.item.sents {
		if t == s && i+1 < len(s.item.sents) {
			return s.item.sents[i+1]
		}
	}
	return nil
}

// skipBracketed returns the index after an acronym in brackets starting at i ("(CRRF)"), or i.
func skipBracketed(s *sentence, i int) int {
	if i+2 < len(s.toks) && s.toks[i].text == "(" && s.toks[i+1].isAllCaps() && s.toks[i+2].text == ")" {
		return i + 3
	}
	return i
}

// readPost reads the title around post mark m: qualifiers before it ("Acting", "Deputy"), the
// owner before it ("CSTO", "Kyrgyz", "the Organization's") or after it ("of the CSTO", "of the
// Republic of Belarus"), a sub-body that belongs in the title before or after it ("CSTO Joint
// Staff Chief", "Head of the Department for Countering Challenges and Threats"), the post it
// serves ("Special Representative of the Secretary General") and a remit ("for Political
// Affairs"). Post marks read into the title are added to consumed.
func (x *extraction) readPost(s *sentence, m mark, consumed map[int]bool) postPhrase {
	title := m.match.Post.Title
	begin, end := m.from, m.to
	written := s.span(m.from, m.to)
	// A former post is a tenure with the plain title: "Former Defence Minister", "ex-President".
	if post := m.match.Post; post.Qualifier == "Former" && post.Base != nil {
		title = post.Base.Title
		for _, pre := range []string{"former ", "ex-", "ex "} {
			if len(written) > len(pre) && strings.EqualFold(written[:len(pre)], pre) {
				written = strings.TrimSpace(written[len(pre):])
				break
			}
		}
	}
	var quals, qualText []string
	for begin > 0 && s.toks[begin-1].is("Acting", "Deputy", "First", "Vice", "Interim", "Former", "ex") {
		q := s.toks[begin-1].text
		begin--
		if strings.EqualFold(q, "Former") || strings.EqualFold(q, "ex") {
			continue
		}
		quals = append([]string{capitalize(q)}, quals...)
		qualText = append([]string{capitalize(q)}, qualText...)
	}
	p := postPhrase{begin: begin, end: end, post: m.match.Post}
	for _, q := range quals {
		if q == "Acting" || q == "Interim" {
			p.acting = true
		}
	}
	if strings.HasPrefix(strings.ToLower(m.match.Text), "acting") || strings.HasPrefix(strings.ToLower(m.match.Text), "interim") {
		p.acting = true
	}
	if len(quals) > 0 && !strings.HasPrefix(title, strings.Join(quals, " ")) {
		title = strings.Join(quals, " ") + " " + title
	}
	spelled := titleCase(written)
	var suffix, spelledSuffix string
	if len(qualText) > 0 {
		spelled = strings.Join(qualText, " ") + " " + spelled
	}
	// Owner before the title, a sub-body perhaps with its owner before it, an acronym in brackets
	// perhaps between ("the Collective Security Treaty Organization (CSTO) Secretary-General").
	ownerEnd := begin
	if b := bodyBefore(s, begin); b < begin {
		body := s.span(b, begin)
		suffix += " of the " + body
		spelled = body + " " + spelled
		p.begin, ownerEnd = b, b
	}
	if begin >= 3 && s.toks[begin-1].text == ")" && s.toks[begin-2].isAllCaps() && s.toks[begin-3].text == "(" {
		ownerEnd = begin - 3
	}
	// A possessive owner: "the Organization's", "Russia’s Western Military District Commander".
	if ownerEnd > 0 && s.toks[ownerEnd-1].isPossessive() {
		ownerEnd--
	}
	if om := s.markEnding(ownerEnd); om != nil {
		switch om.kind {
		case markOrg:
			if body := x.bodyName(s, om); body != "" && suffix == "" {
				suffix += " of the " + body
				spelled = body + " " + spelled
			}
			p.org, p.begin = om.org, om.from
			if cm := s.markEnding(om.from); cm != nil && (cm.kind == markCountryAdj || cm.kind == markCountry) {
				p.country, p.begin = cm.match.Country, cm.from
			}
		case markCountryAdj, markCountry:
			p.country, p.begin = om.match.Country, om.from
		}
	}
	bodyOwned := suffix != ""
	// "of [the] X", "for X" and "to X" after the title.
loop:
	for end+1 < len(s.toks) {
		w := s.toks[end]
		j := end + 1
		if s.toks[j].is("the") {
			j++
		}
		if j >= len(s.toks) {
			break
		}
		om := s.markStarting(j)
		if w.is("of") && om != nil && om.kind == markOrg && strings.HasSuffix(om.org.text, "'s") {
			// "of the Organization's Joint Staff": the owner, then the body.
			if p.org == nil {
				p.org = om.org
			}
			j = om.to
			om = s.markStarting(j)
			if om == nil || om.kind != markOrg {
				end = j
				break loop
			}
		}
		switch {
		case w.is("of") && om != nil && om.kind == markOrg:
			if body := x.bodyName(s, om); body != "" && !bodyOwned {
				suffix += " of the " + body
				spelledSuffix += " of the " + body
				p.org, bodyOwned = om.org, true
			} else if p.org == nil {
				p.org = om.org
			} else if !bodyOwned {
				break loop
			}
			end = skipBracketed(s, om.to)
			// "Head of the CSTO mission": a body named by a common noun after its owner.
			if !bodyOwned && end < len(s.toks) && bodyHeads[s.toks[end].text] {
				body := capitalize(s.toks[end].text)
				suffix += " of the " + body
				spelledSuffix += " of the " + body
				bodyOwned = true
				end++
			}
			// "of the UN Secretary General": the post the title serves.
			if pm := s.markStarting(end); pm != nil && pm.kind == markPost {
				suffix += " of the " + pm.match.Post.Title
				spelledSuffix += " of the " + titleCase(s.span(pm.from, pm.to))
				consumed[pm.from] = true
				end = pm.to
			}
			continue
		case w.is("of") && om != nil && om.kind == markPost:
			suffix += " of the " + om.match.Post.Title
			spelledSuffix += " of the " + titleCase(s.span(om.from, om.to))
			consumed[om.from] = true
			end = om.to
			continue
		case w.is("of") && om != nil && om.kind == markCountry:
			if p.country == nil {
				p.country = om.match.Country
			}
			end = om.to
			continue
		case w.is("of") && om == nil && !bodyOwned:
			if phraseEnd, _ := x.properPhrase(s, j); phraseEnd > j && p.org == nil {
				body := s.span(j, phraseEnd)
				suffix += " of the " + body
				spelledSuffix += " of the " + body
				end, bodyOwned = phraseEnd, true
				end = skipBracketed(s, end)
				continue
			}
		case w.is("for") && j == end+1 && (om == nil || om.kind == markCountry || om.kind == markCity):
			if k := capitalRun(s, j); k > j {
				suffix += " for " + s.span(j, k)
				spelledSuffix += " for " + s.span(j, k)
				end = k
				continue
			}
		case w.is("to") && om != nil && (om.kind == markCountry || om.kind == markOrg) && diplomatic(title):
			spelledSuffix += " to " + s.span(end+1, om.to)
			end = skipBracketed(s, om.to)
			continue
		}
		break
	}
	p.title, p.spelled, p.end = title+suffix, spelled+spelledSuffix, end
	p.bare = suffix == "" && spelledSuffix == "" && p.org == nil && p.country == nil
	return p
}

// shareComplement completes a bare title by the next title of its chain that is the same post
// with a complement: in "the Deputy Minister – Acting Minister of Foreign Affairs" the first is
// the "Deputy Minister of Foreign Affairs".
func shareComplement(chain []postPhrase) {
	for i := 0; i+1 < len(chain); i++ {
		p, next := &chain[i], chain[i+1]
		if !p.bare || p.post == nil || next.post == nil {
			continue
		}
		base, nextBase := basePost(p.post), basePost(next.post)
		rest, ok := strings.CutPrefix(nextBase.Title, base.Title+" ")
		if !ok || base == nextBase {
			continue
		}
		p.title += " " + rest
		p.spelled += " " + rest
		p.org, p.country = next.org, next.country
	}
}

// capitalRun returns the end of a run of capitalised words from i, with the connectors inside
// it ("Political Affairs", "Central Asia", "Peace and Security") and the commas of a list that
// ends in "and" ("Civil Defence, Emergencies and Elimination of Consequences of Natural
// Disasters"); marks of places may be in it, but "of <country>" ends it.
func capitalRun(s *sentence, i int) int {
	end := i
	for j := i; j < len(s.toks); j++ {
		t := s.toks[j]
		if m := s.markStarting(j); m != nil && m.kind != markCountry && m.kind != markCity {
			break
		}
		if t.isWord() && t.isCap() && !t.isAllCaps() {
			end = j + 1
			continue
		}
		if t.is("and", "of") && j+1 < len(s.toks) && s.toks[j+1].isCap() {
			if m := s.markStarting(j + 1); t.is("of") && m != nil && m.kind == markCountry {
				break
			}
			continue
		}
		if t.text == "," && listGoesOn(s, j+1) {
			continue
		}
		break
	}
	return end
}

// listGoesOn reports whether capitalised words from i lead to an "and" that closes a list.
func listGoesOn(s *sentence, i int) bool {
	for j := i; j < len(s.toks) && j < i+6; j++ {
		t := s.toks[j]
		if s.markStarting(j) != nil {
			return false
		}
		if t.is("and") {
			return j > i && j+1 < len(s.toks) && s.toks[j+1].isCap()
		}
		if !t.isWord() || !t.isCap() {
			return false
		}
	}
	return false
}

// bodyBefore returns the start of a body's name written before a title and unknown to the
// gazetteer ("Airborne Force Commander", "Western Military District Commander"), or begin.
func bodyBefore(s *sentence, begin int) int {
	if begin == 0 || !bodyHeads[s.toks[begin-1].lower()] {
		return begin
	}
	i := begin
	for i > 0 && i > begin-4 && s.markAt(i-1, i) == nil && s.toks[i-1].isWord() && s.toks[i-1].isCap() && !s.toks[i-1].isAllCaps() &&
		!functionWords[s.toks[i-1].lower()] && !s.toks[i-1].is("The", "On", "In", "At", "As", "By") {
		i--
	}
	if i == begin-1 && s.toks[i].is("Staff", "Command", "Office", "Service") {
		return begin // a word that also opens titles: "Chief of Staff"
	}
	return i
}

// bodyHeads are the head words of an organisation's bodies, whose names a post title keeps
// ("Head of the Transnational Threats Department").
var bodyHeads = wordSet(`department directorate centre center staff committee commission council mission secretariat
office service division section board institute force forces command headquarters administration unit group district
fleet troops`)

// bodyName returns the name a title keeps of the organisation mark om when it is a body of an
// organisation ("CSTO Joint Staff" → "Joint Staff"), or "" when it is an organisation in its
// own right or a ministry ("CSTO", "Ministry of Defence of Belarus"), which own a post.
func (x *extraction) bodyName(s *sentence, om *mark) string {
	if om.org.parent == "" {
		if om.match != nil { // a top-level organisation of the gazetteer
			return ""
		}
		head := false
		for _, t := range s.toks[om.from:om.to] {
			if t.is("Ministry", "Government", "Parliament", "Embassy", "Academy", "University") {
				return ""
			}
			head = head || bodyHeads[t.lower()]
		}
		if !head {
			return ""
		}
	}
	if om.match != nil {
		// The gazetteer's name, short of the parent's name or acronym: "CSTO Coordination
		// Council on Combating Illegal Migration" → "Coordination Council on Combating …".
		name := strings.TrimPrefix(om.org.name, om.org.parent+" ")
		f := strings.Fields(name)
		for len(f) > 1 && ((token{text: f[0]}).isAllCaps() || x.gz.Country(f[0]) != nil) {
			f = f[1:]
		}
		return strings.Join(f, " ")
	}
	i := om.from
	for i < om.to && (s.toks[i].isAllCaps() || s.toks[i].is("the") || strings.HasSuffix(s.toks[i].text, "'s") ||
		strings.HasSuffix(s.toks[i].text, "’s") || x.gz.Country(s.toks[i].text) != nil) {
		i++
	}
	if i < om.to {
		return s.span(i, om.to)
	}
	return ""
}

// appositionHolder returns the person named right before a post phrase starting at begin:
// "Safar Umarzoda, Head of …", "Boobek Azhikeyev, the Chairman of …", "Denis Manturov – the
// Deputy Prime Minister", "Viktor Khrenin (Defence Minister of Belarus)".
func (x *extraction) appositionHolder(s *sentence, begin int) *person {
	i := begin
	if i > 0 && s.toks[i-1].is("the") {
		i--
	}
	if i < 2 || !s.toks[i-1].is(",", "–", "—", "-", "(") {
		return nil
	}
	if pm := s.markEnding(i - 1); pm != nil && pm.kind == markPerson {
		return pm.person
	}
	return nil
}

// functionWords stay in lower case inside a title.
var functionWords = wordSet(`of the and for on in to at by a an`)

// titleCase writes a title as a heading: "defense minister" → "Defense Minister".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && functionWords[strings.ToLower(w)] {
			continue
		}
		words[i] = capitalize(w)
	}
	return strings.Join(words, " ")
}

func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// diplomatic reports whether a title is a diplomat's, written with the country or organisation
// the holder is sent to: "Ambassador of China to the Russian Federation".
func diplomatic(title string) bool {
	for _, w := range []string{"Ambassador", "Representative", "Envoy", "Consul", "Attach", "Charg", "Counsel"} {
		if strings.Contains(title, w) {
			return true
		}
	}
	return false
}
