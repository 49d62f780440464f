package loader

import (
	"sort"
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/dates"
	"github.com/kgraph/kg/loader/gazetteer"
)

// plannedCues are words that announce an event that has not happened yet.
var plannedCues = []string{"will", "planned", "scheduled", "upcoming", "forthcoming", "intends"}

// happeningVerbs say that an event took place; a sentence that only refers back to an event
// ("the draft agenda of the meeting … adopted in 2016") dates it only with one of them.
var happeningVerbs = []string{"held", "hold", "holds", "place", "opened", "opens", "began", "begins", "started",
	"starts", "ended", "ends", "completed", "convened", "conducted", "organized", "organised", "hosted", "hosts"}

// readEventFacts attaches what sentence s says to its events: the date, place, chairs and
// participants. evs are the events the sentence names; when it names none, it speaks of the
// item's latest event.
func (x *extraction) readEventFacts(it *item, s *sentence, evs []*event) {
	named := len(evs) > 0
	if !named {
		e := lastEvent(it, "")
		if e == nil {
			return
		}
		evs = []*event{e}
	}
	for _, ev := range evs {
		if len(ev.sents) == 0 || ev.sents[len(ev.sents)-1] != s {
			ev.sents = append(ev.sents, s)
		}
	}
	e := evs[0]
	if named {
		x.readRespectively(s, evs)
	}
	if named && (s.has(plannedCues...) || headlineFuture(s) || plansTo(s)) {
		for _, ev := range evs {
			if ev == e || ev.sents[0] == s && len(ev.parties) > 0 {
				ev.planned = true
			}
		}
	}
	if named && e.start == "" && (e.titledIn == s || s.has(happeningVerbs...)) {
		if d, ok := eventDate(it, s, e.planned); ok {
			e.start, e.end = d.Start, d.End
			e.facts[s] = true
		}
	}

	var parties []*person // people the sentence's other events were with
	for _, ev := range evs[1:] {
		parties = append(parties, ev.parties...)
	}
	for _, ev := range evs {
		if len(ev.parties) > 0 {
			x.readParties(s, ev, evs)
		}
	}
	if !named {
		x.readChairs(s, e)
		readOrganizers(s, e)
		x.readParticipants(s, e, parties)
		return
	}
	for _, ev := range evs {
		// "the regular session of the Council in Bishkek": the city right after an event's
		// name is its own.
		if c := x.cityAfter(s, ev); c != nil && ev.city == nil {
			ev.city = c
			ev.facts[s] = true
		}
	}
	if e.city == nil {
		if c := x.cityOf(s); c != nil && (e.country == nil || x.gz.CountryByCode(c.CountryCode) == e.country) {
			e.city = c
			e.facts[s] = true
		}
	}
	if e.country == nil {
		if c := x.countryIn(s); c != nil && (e.city == nil || x.gz.CountryByCode(e.city.CountryCode) == c) {
			e.country = c
			e.facts[s] = true
		}
	}
	if e.venue == "" {
		if v := venueIn(s); v != "" {
			e.venue = v
			e.facts[s] = true
		}
	}
	if e.region == nil {
		for _, m := range s.marks {
			if m.kind == markRegion {
				e.region = m.region
				e.facts[s] = true
				break
			}
		}
	}
	x.readChairs(s, e)
	readOrganizers(s, e)
	x.readParticipants(s, e, parties)
	x.readPartOf(s, evs)
}

// eventDate returns the date a sentence gives its event: the first date, or for a planned
// event the first one that dates neither the saying nor a day before the item ("On 5 May, the
// Council announced that the session will be held in June", "… on August 23-28, he said on
// Wednesday").
func eventDate(it *item, s *sentence, planned bool) (dates.Mention, bool) {
	for _, d := range s.dates {
		if !planned {
			return d, true
		}
		last := d.End // a range that runs past the item's date is not before it
		if last == "" {
			last = d.Start
		}
		if it.Dated && last < it.Date && !strings.HasPrefix(string(it.Date), string(last)) || datesSaying(s, d) {
			continue
		}
		return d, true
	}
	return dates.Mention{}, false
}

// datesSaying reports whether the date d tells when something was said: it follows a speech
// verb ("said on Wednesday"), or opens a sentence whose verb is one ("On 5 May, the Council
// announced …").
func datesSaying(s *sentence, d dates.Mention) bool {
	i := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].start >= d.Offset })
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if speechVerbs[s.toks[j].lower()] {
			return true
		}
	}
	if i > 1 {
		return false
	}
	for j := i + 1; j < len(s.toks) && j < i+20; j++ {
		if speechVerbs[s.toks[j].lower()] {
			return true
		}
		if _, ok := eventNouns[s.toks[j].lower()]; ok {
			return false
		}
	}
	return false
}

// readRespectively dates the events a sentence names in turn by its dates in turn: "on June
// 30 and July 1, respectively, the World Congress … and the Conference …".
func (x *extraction) readRespectively(s *sentence, evs []*event) {
	if !s.has("respectively") {
		return
	}
	var named []*event
	for _, e := range evs {
		if e.titledIn == s {
			named = append(named, e)
		}
	}
	if len(named) < 2 || len(s.dates) < len(named) {
		return
	}
	city := x.cityOf(s)
	for i, e := range named {
		if e.start == "" {
			e.start, e.end = s.dates[i].Start, s.dates[i].End
			e.facts[s] = true
		}
		if e.city == nil && city != nil {
			e.city = city
		}
	}
}

// plansTo reports whether the sentence says someone plans to do something: "plans to hold".
func plansTo(s *sentence) bool {
	for i := 0; i+1 < len(s.toks); i++ {
		if s.toks[i].is("plans", "plan") && s.toks[i+1].is("to") {
			return true
		}
	}
	return false
}

// headlineFuture reports whether a sentence announces an event in the infinitive of headlines:
// "Council to hold next session in Moscow", "Minsk to host the summit".
func headlineFuture(s *sentence) bool {
	for i := 0; i+1 < len(s.toks); i++ {
		if s.toks[i].is("to") && s.toks[i+1].is("hold", "host", "convene", "meet", "visit") && i > 0 && s.toks[i-1].isCap() {
			return true
		}
	}
	return false
}

// readChairs reads "under the chairmanship of X", "chaired by X", "presided over by X" and
// "X chaired"; X a person, or a country ("the Kyrgyz side", "the Russian presidency").
func (x *extraction) readChairs(s *sentence, e *event) {
	for i, t := range s.toks {
		var from int
		switch {
		case t.is("chairmanship", "presidency", "leadership", "command", "supervision", "charge") && i+1 < len(s.toks) && s.toks[i+1].is("of"):
			if !(i > 0 && s.toks[i-1].is("the")) || !(i > 1 && s.toks[i-2].is("under")) {
				continue
			}
			from = i + 2
		case t.is("chaired", "presided") && i+1 < len(s.toks) && s.toks[i+1].is("by"):
			from = i + 2
		case t.is("chaired", "presided"):
			// The subject chairs: "Lukashenko chaired …", "Lukashenko, who presided over …".
			subject := i
			if i > 1 && s.toks[i-1].is("who") && s.toks[i-2].text == "," {
				subject = i - 2
			}
			if m := s.markEnding(subject); m != nil && m.kind == markPerson {
				e.addChair(chair{person: m.person, sent: s})
			}
			continue
		default:
			continue
		}
		if c, ok := x.chairAt(s, from); ok {
			e.addChair(c)
		}
	}
}

// chairAt returns the first chair named from token i on, within the clause.
func (x *extraction) chairAt(s *sentence, i int) (chair, bool) {
	for j := i; j < len(s.toks) && j < i+30; j++ {
		if s.toks[j].text == ";" || s.toks[j].text == "." {
			break
		}
		m := s.markStarting(j)
		if m == nil {
			continue
		}
		switch {
		case m.kind == markPerson:
			return chair{person: m.person, sent: s}, true
		case m.kind == markCountryAdj && m.to < len(s.toks) && s.toks[m.to].is("side", "presidency", "chairmanship", "delegation"):
			return chair{country: m.match.Country, sent: s}, true
		case m.kind == markCountry && (j == i || j == i+1 && s.toks[i].is("the")) && !(m.to < len(s.toks) && s.toks[m.to].isPossessive()):
			return chair{country: m.match.Country, sent: s}, true
		}
	}
	return chair{}, false
}

// chairedBy reports whether p chairs the event.
func (e *event) chairedBy(p *person) bool {
	for _, c := range e.chairs {
		if c.person == p {
			return true
		}
	}
	return false
}

func (e *event) addChair(c chair) {
	for _, old := range e.chairs {
		if old.person == c.person && old.country == c.country {
			return
		}
	}
	e.chairs = append(e.chairs, c)
	if c.person != nil {
		e.persons = appendPerson(e.persons, c.person)
	}
}

// readPartOf links the events of a sentence that says one happened "as part of" or "on the
// margins of" another.
func (x *extraction) readPartOf(s *sentence, evs []*event) {
	if len(evs) < 2 {
		return
	}
	for i := 0; i+2 < len(s.toks); i++ {
		if s.toks[i].is("part", "margins", "sidelines", "framework") && s.toks[i+1].is("of") {
			parent := evs[len(evs)-1]
			for _, e := range evs[1:] {
				if e.background {
					parent = e
					break
				}
			}
			for _, child := range evs {
				if child != parent && !child.background && parent.partOf != child && child.partOf == nil {
					child.partOf = parent
				}
			}
			return
		}
	}
}

// cityAfter returns the city named right after the event's phrase in s: "… in Bishkek".
func (x *extraction) cityAfter(s *sentence, e *event) *gazetteer.City {
	i := e.phraseEnd
	if e.titledIn != s || i == 0 || i+1 >= len(s.toks) || !s.toks[i].is("in") {
		return nil
	}
	if m := s.markStarting(i + 1); m != nil && m.kind == markCity {
		return x.chooseCity(m.match.Cities, m.match.Text)
	}
	return nil
}

// inheritFromParents gives an event that happened as part of another, or on its sidelines, the
// other's place and time when the text gives it none of its own.
func (x *extraction) inheritFromParents() {
	for _, e := range x.events {
		p := e.partOf
		if p == nil || p.partOf == e {
			continue
		}
		if e.city == nil && e.venue == "" {
			e.city = p.city
		}
		if e.start == "" && p.start != "" {
			e.start, e.end = p.start, p.end
			e.planned = e.planned || p.planned
		}
	}
}

// cityOf returns the city the sentence places things in: a city named after "in", "at" or
// "to", else the first city the sentence names.
func (x *extraction) cityOf(s *sentence) *gazetteer.City {
	var first *gazetteer.City
	skipped := -1 // the end of the last city skipped, to skip the cities joined to it
	for _, m := range s.marks {
		if m.kind != markCity {
			continue
		}
		if skipped >= 0 && m.from <= skipped+1 && m.from > 0 && s.toks[m.from-1].is("and", ",", "or") {
			skipped = m.to
			continue // "stationed in Ivanovo and Ulyanovsk"
		}
		c := x.chooseCity(m.match.Cities, m.match.Text)
		if c == nil || m.to < len(s.toks) && (regionWords[s.toks[m.to].lower()] || venueHeads[s.toks[m.to].lower()] || venueHeads[nextWord(s, m.to+1)]) {
			continue // "the Pskov region", "the Mulino training range" name no city
		}
		if m.from > 0 && s.toks[m.from-1].is("from") || m.from > 1 && s.toks[m.from-1].is("in") && residenceWords[s.toks[m.from-2].lower()] {
			skipped = m.to
			continue // "units stationed in Ivanovo" places the units, not the event
		}
		if m.from > 0 && s.toks[m.from-1].is("in", "of", "at", "to") {
			return c
		}
		if first == nil {
			first = c
		}
	}
	return first
}

// regionWords follow a city's name when it names the region around it: "the Pskov region".
var regionWords = wordSet(`region regions oblast province district districts territory krai okrug area`)

// residenceWords before "in" say where someone or something is based, not where an event is.
var residenceWords = wordSet(`stationed based located headquartered deployed living born residing`)

// nextWord returns the lower-case word at token i, or "".
func nextWord(s *sentence, i int) string {
	if i < len(s.toks) {
		return s.toks[i].lower()
	}
	return ""
}

// countryIn returns the country that follows "in", "in the territory of" or "on the territory
// of" in the sentence, or nil.
func (x *extraction) countryIn(s *sentence) *gazetteer.Country {
	for _, m := range s.marks {
		if m.kind != markCountry || m.from == 0 {
			continue
		}
		j := m.from - 1
		if s.toks[j].is("the") && j > 0 {
			j--
		}
		if s.toks[j].is("in") && !topicOf(s, m) || s.toks[j].is("of") && j > 0 && s.toks[j-1].is("territory") {
			return m.match.Country
		}
	}
	return nil
}

// topicOf reports whether the country mark m is what a topic noun is about: "the situation in
// Afghanistan", "the border with Afghanistan".
func topicOf(s *sentence, m mark) bool {
	j := m.from - 1
	if j > 0 && s.toks[j].is("the") {
		j--
	}
	return j > 0 && s.toks[j].is("in", "with", "around", "on") && topicNouns[s.toks[j-1].lower()]
}

// topicNouns take "in <country>" as what they are about, not where something happens: "the
// situation in Afghanistan".
var topicNouns = wordSet(`situation crisis conflict conflicts developments events war elections election settlement
stability instability security peace presence interests interest investments investment reforms terrorism threats
unrest tensions border borders`)

// venueHeads end the names of venues.
var venueHeads = wordSet(`ground grounds range headquarters base airfield aerodrome airport hall palace building residence hotel polygon
site center centre`)

// venueIn returns the venue named after "at" ("at the Lepelsky training ground"), or "".
func venueIn(s *sentence) string {
	for i, t := range s.toks {
		if !t.is("at") {
			continue
		}
		for j := i + 1; j < len(s.toks) && j < i+8; j++ {
			w := s.toks[j]
			if venueHeads[w.lower()] {
				from := i + 1
				if s.toks[from].is("the") {
					from++
				}
				if j > from {
					return s.span(from, j+1)
				}
				break
			}
			if w.text == "," || w.text == "." || titleStops[w.lower()] {
				break
			}
		}
	}
	return ""
}

func hasPerson(ps []*person, p *person) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

func appendPerson(ps []*person, p *person) []*person {
	for _, q := range ps {
		if q == p {
			return ps
		}
	}
	return append(ps, p)
}

func appendCountry(cs []*gazetteer.Country, c *gazetteer.Country) []*gazetteer.Country {
	for _, q := range cs {
		if q == c {
			return cs
		}
	}
	return append(cs, c)
}

// eventID is the resolution key of an event: an exercise's or operation's code name
// ("Interaction-2024") names
// one event however many documents report it, and so do one type, one day and one city;
// otherwise an event is its document's own.
func (x *extraction) eventID(e *event) graph.ID {
	if cn := codeName(e.title); cn != "" && (e.typ == graph.EventTraining || e.typ == graph.EventOperation) {
		return graph.NewID(graph.KindEvent, "code|"+cn)
	}
	if len(e.start) == len("2006-01-02") && e.city != nil {
		return graph.NewID(graph.KindEvent, string(e.typ)+"|"+string(e.start)+"|"+cityKey(e.city))
	}
	return graph.NewID(graph.KindEvent, string(x.docID)+"|"+graph.NameKey(e.title)+"|"+string(e.start))
}
