package loader

import (
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/gazetteer"
)

// event is one event as a document reports it.
type event struct {
	title      string
	typ        graph.EventType
	start, end graph.Date
	planned    bool
	city       *gazetteer.City
	venue      string
	country    *gazetteer.Country
	chairs     []chair
	organizers []*orgRef
	persons    []*person
	countries  []*gazetteer.Country
	partOf     *event
	generic    bool      // named only by its type so far ("the meeting")
	background bool      // mentioned as the setting of another event ("on the sidelines of …")
	parties    []*person // whom the event was with: "talks with Lukashenko", "met with Tokayev"
	titledIn   *sentence // the latest sentence that named the event by more than a bare noun
	phraseEnd  int       // the token after the event's phrase in titledIn, or 0
	sents      []*sentence
	facts      map[*sentence]bool // sentences that state the event's attributes
}

// chair is who chaired an event: a person or a country.
type chair struct {
	person  *person
	country *gazetteer.Country
	sent    *sentence
}

// eventNouns maps the nouns that name events to their types.
var eventNouns = map[string]graph.EventType{
	"meeting": graph.EventMeeting, "meetings": graph.EventMeeting, "summit": graph.EventMeeting,
	"reception": graph.EventMeeting, "muster": graph.EventMeeting, "gathering": graph.EventMeeting,
	"session": graph.EventSession, "sessions": graph.EventSession, "sitting": graph.EventSession,
	"training": graph.EventTraining, "trainings": graph.EventTraining, "exercise": graph.EventTraining, "drill": graph.EventTraining,
	"exercises": graph.EventTraining, "drills": graph.EventTraining, "manoeuvres": graph.EventTraining,
	"maneuvers":  graph.EventTraining,
	"conference": graph.EventConference, "seminar": graph.EventConference, "forum": graph.EventConference,
	"symposium": graph.EventConference, "congress": graph.EventConference, "webinar": graph.EventConference,
	"consultations": graph.EventConsultation, "consultation": graph.EventConsultation,
	"talks": graph.EventNegotiation, "negotiations": graph.EventNegotiation,
	"visit":       graph.EventVisit,
	"operation":   graph.EventOperation,
	"briefing":    graph.EventBriefing,
	"celebration": graph.EventCelebration, "anniversary": graph.EventCelebration, "ceremony": graph.EventCelebration,
	"interview": graph.EventOther, "signing": graph.EventOther,
}

// titleModifiers are lower-case words that may stand in an event's title before its noun.
var titleModifiers = wordSet(`joint special regular extraordinary annual informal official bilateral trilateral
multilateral practical scientific tactical operational strategic international regional plenary ministerial
working staff command and combined extended enlarged next final first second third fourth fifth jubilee
solemn expanded narrow closed open online high-level round table military police peacekeeping
anti-terrorist counter-terrorism search rescue demonstration research consultative advisory`)

// nounModifiers are nouns that an event noun can modify: "training ground", "meeting room" name
// no event.
var nounModifiers = wordSet(`ground grounds range centre center centres centers room hall base camp camps course courses
program programs programme programmes plan plans schedule results participants agenda materials facility
facilities complex area areas unit units mission missions format formats`)

// titleStops end an event title to the right of its noun.
var titleStops = wordSet(`was were is are will be been being has have had held hold took take takes place in at under by
with which that where who when while during from to as after before within through was organized organised
chaired presided attended opened started began ended completed continued`)

// findEvents reads the event phrases of a sentence: an event noun with the modifiers before it
// and the complement after it ("the 16th meeting of the Coordinating Council …", "joint training
// "Interaction-2025""). A bare noun ("the meeting", "the event") refers back to the item's latest
// event of its type; it opens a new event only when nothing else in the sentence does and the
// sentence dates or places it. Titled events come first in the result: they are what the
// sentence is about.
func (x *extraction) findEvents(it *item, s *sentence) []*event {
	var titled, referred []*event
	var bare []graph.EventType
	ends := map[*event]int{} // where each titled event's phrase ends
	for k := 0; k < len(s.toks); k++ {
		typ, ok := eventNouns[s.toks[k].lower()]
		if s.toks[k].is("table") && k > 0 && s.toks[k-1].is("round") {
			typ, ok = graph.EventConference, true
		}
		if s.toks[k].is("event") && k > 0 && s.toks[k-1].is("the", "this") {
			typ, ok = "", true
		}
		if !ok || s.markAt(k, k+1) != nil || k+1 < len(s.toks) && nounModifiers[s.toks[k+1].lower()] || gerund(s, k) {
			continue
		}
		from, to := x.eventSpan(s, k)
		noun := k
		k = to - 1
		if from < k && s.toks[from].is("and", "or") {
			from++ // "missions and joint exercises": the conjunction joins two phrases
		}
		if quantified(s, from, k) {
			continue // "several joint exercises" speaks of events in general
		}
		if e := x.particularEvent(it, s, from, to, noun, typ); e != nil {
			titled = append(titled, e)
			ends[e] = to
			continue
		}
		if to-from == 1 && coordinated(s, to) {
			continue // "a training and methodical gathering": one event, named by the last noun
		}
		if to-from == 1 || typ == "" {
			if prev := lastEvent(it, typ); prev != nil && len(prev.sents) > 0 {
				referred = append(referred, prev)
			} else if typ != "" {
				if from == 2 && s.toks[0].is("During", "At", "After", "Following") && s.toks[1].is("the") &&
					(len(s.dates) > 0 || x.hasCity(s)) || attendedAt(s, from) {
					// The sentence opens with an event it dates or places, new to the item:
					// "During the session in Minsk on 13 June, the Council …".
					e := x.newEvent(it, eventTypeTitle(typ), typ)
					e.generic = true
					titled = append(titled, e)
					ends[e] = to
					continue
				}
				bare = append(bare, typ)
			}
			continue
		}
		title := strings.Trim(s.span(from, to), " ,")
		var org *orgRef
		for i := range s.marks {
			if m := s.marks[i]; m.kind == markOrg && m.from >= from && m.to <= to {
				org = m.org
				break
			}
		}
		if e := x.eventNamed(title, typ); e != nil {
			titled = append(titled, e)
			ends[e] = to
			continue
		}
		if e := x.codeNamed(title, typ); e != nil {
			titled = append(titled, e)
			ends[e] = to
			continue
		}
		if e := x.sameBodyEvent(it, s, title, typ, org); e != nil {
			titled = append(titled, e)
			ends[e] = to
			continue
		}
		e := x.itemEvent(it, s, from, capitalise(title), typ)
		if org != nil {
			e.organizers = append(e.organizers, org)
		}
		titled = append(titled, e)
		ends[e] = to
	}
	if len(titled) == 0 && len(referred) == 0 {
		if e := x.signing(it, s); e != nil {
			titled = append(titled, e)
		} else if e := x.verbEvent(it, s); e != nil {
			titled = append(titled, e)
		} else if len(bare) > 0 && (len(s.dates) > 0 || x.hasCity(s)) {
			e := x.newEvent(it, eventTypeTitle(bare[0]), bare[0])
			e.generic = true
			titled = append(titled, e)
		}
	} else if len(referred) == 0 && len(bare) > 0 && allBackground(titled) {
		// "… held a gathering as part of the exercise X": the sentence's own event is the one
		// it names only by its type.
		e := x.newEvent(it, eventTypeTitle(bare[0]), bare[0])
		e.generic = true
		titled = append([]*event{e}, titled...)
	}
	for _, e := range titled {
		e.titledIn, e.phraseEnd = s, ends[e]
	}
	if len(s.toks) > 0 && s.toks[0].is("During", "At", "On") && len(titled)+len(referred) > 0 {
		// "During his visit to Tajikistan, Tasmagambetov was received by Rahmon": the
		// sentence's own event happened within the one it opens with.
		setting := append(titled, referred...)[0]
		if e := x.verbEvent(it, s); e != nil && e != setting {
			if e.partOf == nil && setting.partOf != e {
				e.partOf = setting
			}
			if setting.typ == graph.EventVisit && len(s.toks) > 1 && s.toks[1].is("his", "her") && len(e.parties) > 0 {
				setting.persons = appendPerson(setting.persons, e.parties[0]) // the visitor
			}
			e.titledIn, e.phraseEnd = s, 0
			return append([]*event{e}, append(titled, referred...)...)
		}
	}
	return append(titled, referred...)
}

// particularEvent reads an event phrase [from, to) that its context makes a particular event,
// though it has no name of its own: "talks with Lukashenko", "an interview with TASS", "the
// CSTO is holding a training", "his visit to Tajikistan". It returns nil for other phrases.
func (x *extraction) particularEvent(it *item, s *sentence, from, to, noun int, typ graph.EventType) *event {
	if typ == "" || to != noun+1 {
		return nil
	}
	phrase := capitalise(strings.Trim(s.span(from, to), " ,"))
	named := func(title string) *event {
		if e := x.eventNamed(title, typ); e != nil {
			return e
		}
		return x.itemEvent(it, s, from, title, typ)
	}
	if with := withPersons(s, to); len(with) > 0 {
		title := phrase + " with " + with[0].name()
		if len(with) == 2 {
			title = phrase + " between " + with[0].name() + " and " + with[1].name()
		}
		e := named(title)
		for _, p := range with {
			e.parties = appendPerson(e.parties, p)
		}
		return e
	}
	if of, oe, ok := outletAt(s, to); ok && typ == graph.EventOther {
		// The interview the sentence's speaker gave.
		e := named(phrase + " with " + strings.Trim(s.span(of, oe), "\"“”«» "))
		for _, m := range s.marks {
			if m.kind == markPerson {
				e.parties = appendPerson(e.parties, m.person)
				break
			}
		}
		return e
	}
	if to-from == 1 && newlyHeld(s, from) {
		e := x.itemEvent(it, s, from, eventTypeTitle(typ), typ)
		e.generic = true
		return e
	}
	if typ == graph.EventVisit && to-from == 1 {
		if place := placeAfter(s, to); place != nil {
			return named("Visit to " + s.span(place.from, place.to))
		}
	}
	return nil
}

// itemEvent returns a new event for the phrase at token from, or the item's event named so far
// only by its type ("the meeting" in a headline, then "the meeting of the Council …"), which
// the phrase now names in full.
func (x *extraction) itemEvent(it *item, s *sentence, from int, title string, typ graph.EventType) *event {
	background := inBackground(s, from)
	if !background {
		for _, e := range it.events {
			if e.generic && e.typ == typ && !e.background {
				e.title, e.generic = title, false
				return e
			}
		}
	}
	e := x.newEvent(it, title, typ)
	e.background = background
	return e
}

// backgroundCues, followed by "of", introduce an event as the setting of another one.
var backgroundCues = wordSet(`sidelines margins part framework eve ahead occasion results outcome outcomes
decisions decision implementation preparation preparations`)

// inBackground reports whether the event phrase at token from is the setting of the sentence's
// event rather than its subject: "on the sidelines of the summit", "on the eve of the session".
func inBackground(s *sentence, from int) bool {
	for j := from - 1; j > 0 && j >= from-6; j-- {
		t := s.toks[j]
		if t.text == "," || t.text == ";" || titleStops[t.lower()] && !t.is("of", "on", "in", "at", "to") {
			return false
		}
		if t.is("of") && backgroundCues[s.toks[j-1].lower()] {
			return true
		}
	}
	return false
}

// quantifiers before a plural event noun speak of events in general: "several exercises".
var quantifiers = wordSet(`several many various numerous some all other such any most few these those`)

// quantified reports whether the plural event phrase [from, k] starts with a quantifier, or
// follows one in a coordination ("several missions and joint exercises").
func quantified(s *sentence, from, k int) bool {
	if !strings.HasSuffix(s.toks[k].lower(), "s") {
		return false
	}
	for j := from; j >= 0 && j >= from-5; j-- {
		t := s.toks[j]
		if quantifiers[t.lower()] {
			return true
		}
		if !t.isWord() || j < from && titleStops[t.lower()] {
			return false
		}
	}
	return false
}

// withPersons returns the people named in a "with" or "between" complement just after an
// event noun ending at token to: "talks with Lukashenko", "a meeting via videoconference with
// … Jenča", "a working meeting between … Ordabaev and … Imnadze".
func withPersons(s *sentence, to int) []*person {
	for j := to; j < len(s.toks) && j < to+3; j++ {
		if !s.toks[j].is("with", "between") {
			continue
		}
		between := s.toks[j].is("between")
		first := j + 1
		if first < len(s.toks) && s.toks[first].is("the") {
			first++
		}
		if m := s.markStarting(first); m != nil && (m.kind == markOrg || m.kind == markCity || m.kind == markCountry) &&
			!(m.to < len(s.toks) && s.toks[m.to].isCap()) {
			return nil // "an interview with TASS", but "a meeting with the UN Assistant Secretary-General …"
		}
		var ps []*person
		for k := j + 1; k < len(s.toks) && k < j+60; k++ {
			t := s.toks[k]
			if t.text == "." || t.text == ";" || t.is("on", "in", "at") && s.markStarting(k) == nil ||
				t.is("and") && !between || len(ps) == 2 {
				break
			}
			if m := s.markStarting(k); m != nil {
				if m.kind == markPerson {
					ps = append(ps, m.person)
					if !between {
						break
					}
				}
				k = m.to - 1
			}
		}
		return ps
	}
	return nil
}

// signing reads the signing of a document that a sentence states in the passive: "On 16
// February, the Joint Position of … was signed in Moscow". An item's signing is one event
// unless the text dates it apart.
func (x *extraction) signing(it *item, s *sentence) *event {
	for k := 1; k+1 < len(s.toks); k++ {
		if !s.toks[k].is("was", "were") || !s.toks[k+1].is("signed") {
			continue
		}
		// The document's name runs from after the last date or place before the verb.
		from := 0
		for j := 0; j < k; j++ {
			if m := s.markStarting(j); m != nil && m.kind == markCity || x.dateAt(s, j) {
				from = j + 1
			}
		}
		for from < k && (s.toks[from].text == "," || s.toks[from].is("in", "on", "at")) || from < k && x.dateAt(s, from) {
			from++
		}
		to := from
		for to < k && (s.toks[to].isCap() || s.toks[to].is("of", "on", "the", "and", "for", "in", "to", "against", ",") || s.markStarting(to) != nil) {
			if m := s.markStarting(to); m != nil {
				to = m.to
				continue
			}
			to++
		}
		if to == from {
			return nil
		}
		for _, e := range it.events {
			if e.typ == graph.EventOther && strings.HasPrefix(e.title, "Signing") &&
				!(e.start != "" && len(s.dates) > 0 && !datesAgree(e.start, s.dates[0].Start)) {
				return e
			}
		}
		for to > from+1 && s.toks[to-1].is("of", "on", "the", "and", "for", "in", "to", "against", ",") {
			to--
		}
		title := "Signing of " + strings.TrimPrefix(strings.TrimPrefix(strings.Trim(s.span(from, to), " ,"), "The "), "the ")
		return x.newEvent(it, title, graph.EventOther)
	}
	return nil
}

// outletAt returns the span of the outlet an interview was given to, named just after the
// noun ending at token to: "interview with TASS", "interview to Sputnik", or false.
func outletAt(s *sentence, to int) (from, end int, ok bool) {
	if to+1 >= len(s.toks) || !s.toks[to].is("with", "to", "for") {
		return 0, 0, false
	}
	first := to + 1
	if s.toks[first].is("the") && first+1 < len(s.toks) {
		first++
	}
	if m := s.markStarting(first); m != nil {
		return m.from, m.to, m.kind == markOrg
	}
	end = first
	for end < len(s.toks) && end < first+4 && (s.toks[end].isCap() || isQuote(s.toks[end].text) && end > first) {
		end++
	}
	return first, end, end > first
}

// meetingVerbs name events by what their participants did: "X met with Y", "X held talks
// with Y", "X visited Y", "X received Y".
var meetingVerbs = map[string]graph.EventType{
	"met": graph.EventMeeting, "meets": graph.EventMeeting, "received": graph.EventMeeting,
	"receives": graph.EventMeeting, "visited": graph.EventVisit, "visits": graph.EventVisit,
}

// subjectBefore returns the person mark nearest before the verb at token k in its clause: the
// subject, also across a relative clause ("Zas, who is in Armenia, met with …").
func subjectBefore(s *sentence, k int) *mark {
	for j := k; j > 0 && j > k-30; j-- {
		if s.toks[j-1].text == ";" || s.toks[j-1].text == ":" {
			return nil
		}
		if m := s.markEnding(j); m != nil && m.kind == markPerson {
			return m
		}
	}
	return nil
}

// objectStops end the search for a verb's object: another complement begins.
var objectStops = wordSet(`from for on in at about to into during after before by within under`)

// verbEvent reads an event that a sentence states by its verb, with a person as subject:
// "Tasmagambetov met with Nurtleu in Astana", "the President received Zas", "Zas visited
// Yerevan". A visit needs a place as object, a reception a person.
func (x *extraction) verbEvent(it *item, s *sentence) *event {
	for k, t := range s.toks {
		typ, ok := meetingVerbs[t.lower()]
		if !ok || k == 0 {
			continue
		}
		subj := subjectBefore(s, k)
		if subj == nil {
			continue
		}
		// The object: a person met or received, a place visited, named after titles and
		// descriptions but not after another complement ("received an award from …").
		var obj *mark
		lower := 0
		for j := k + 1; j < len(s.toks) && j < k+30 && obj == nil; j++ {
			if w := s.toks[j]; w.text == "." || w.text == ";" || objectStops[w.lower()] && !(w.is("by") && j == k+1) {
				break
			}
			if w := s.toks[j]; w.isWord() && !w.isCap() && !w.is("the", "of", "and", "with", "by", "his", "her", "their") && s.markAt(j, j+1) == nil {
				if lower++; lower > 3 {
					break
				}
			}
			if m := s.markStarting(j); m != nil {
				switch {
				case typ == graph.EventMeeting && m.kind == markPerson:
					obj = m
				case typ == graph.EventVisit && (m.kind == markCity || m.kind == markCountry):
					obj = m
				default:
					j = m.to - 1
				}
			}
		}
		if obj == nil {
			continue
		}
		var title string
		switch typ {
		case graph.EventVisit:
			title = "Visit of " + subj.person.name() + " to " + s.span(obj.from, obj.to)
		default:
			title = "Meeting of " + subj.person.name() + " with " + obj.person.name()
			if t.is("received", "receives") {
				title = "Meeting of " + obj.person.name() + " with " + subj.person.name()
			}
		}
		e := x.eventNamed(title, typ)
		if e == nil {
			e = x.itemEvent(it, s, k, title, typ)
		}
		e.parties = appendPerson(e.parties, subj.person)
		if obj.kind == markPerson {
			e.parties = appendPerson(e.parties, obj.person)
		}
		return e
	}
	return nil
}

// gerund reports whether "training" at token k is a verb form with an object ("for training
// command units") rather than the name of an event.
func gerund(s *sentence, k int) bool {
	if !s.toks[k].is("training") || k+1 >= len(s.toks) {
		return false
	}
	next := s.toks[k+1]
	return next.isWord() && !next.isCap() && !titleStops[next.lower()] && !next.is("of", "on", "for", "and", "or", "with")
}

// attendedAt reports whether the bare event noun at token from is what someone took part in:
// "Participating in the briefing, …", "attended the meeting". The article says the event is
// a particular one even when the item has not named it yet.
func attendedAt(s *sentence, from int) bool {
	if from < 2 || !s.toks[from-1].is("the") {
		return false
	}
	j := from - 2
	if s.toks[j].is("in") && j > 0 {
		j--
		if s.toks[j].is("part") && j > 0 {
			j--
		}
	}
	return s.toks[j].is("participating", "participated", "attended", "attending", "took", "taking", "take")
}

// coordinated reports whether the bare event noun before token to is coordinated with another
// event noun that heads the phrase: "training" in "a training and methodical gathering".
func coordinated(s *sentence, to int) bool {
	if to >= len(s.toks) || !s.toks[to].is("and", "or") {
		return false
	}
	for j := to + 1; j < len(s.toks) && j <= to+3; j++ {
		if _, ok := eventNouns[s.toks[j].lower()]; ok {
			return true
		}
		if !s.toks[j].isWord() {
			return false
		}
	}
	return false
}

// allBackground reports whether every event is only the setting of another.
func allBackground(evs []*event) bool {
	for _, e := range evs {
		if !e.background {
			return false
		}
	}
	return true
}

// heldVerbs, before "a …", say that an event the sentence names is taking place.
var heldVerbs = wordSet(`held holding holds hold conducted conducting conducts organized organised organizing
organising hosted hosting hosts launched`)

// newlyHeld reports whether the bare event noun at token from follows "holding a", "held an".
func newlyHeld(s *sentence, from int) bool {
	return from >= 2 && s.toks[from-1].is("a", "an") && heldVerbs[s.toks[from-2].lower()] &&
		!(from+1 < len(s.toks) && s.toks[from+1].is("and", "or")) // "a training and methodical gathering"
}

// placeAfter returns the city or country named after "to" at token to: "visit to Yerevan".
func placeAfter(s *sentence, to int) *mark {
	if to+1 >= len(s.toks) || !s.toks[to].is("to") {
		return nil
	}
	i := to + 1
	if s.toks[i].is("the") {
		i++
	}
	if m := s.markStarting(i); m != nil && (m.kind == markCity || m.kind == markCountry) {
		return m
	}
	return nil
}

// newEvent adds an event to the item and the document.
func (x *extraction) newEvent(it *item, title string, typ graph.EventType) *event {
	e := &event{title: title, typ: typ, facts: map[*sentence]bool{}}
	it.events = append(it.events, e)
	x.events = append(x.events, e)
	return e
}

// eventTypeTitle is the title of an event the text names only by its type: "Meeting".
func eventTypeTitle(t graph.EventType) string {
	return capitalise(strings.ToLower(string(t)))
}

// eventSpan returns the token span of the event phrase around the noun at k.
func (x *extraction) eventSpan(s *sentence, k int) (from, to int) {
	from = k
	for from > 0 {
		t := s.toks[from-1]
		m := s.markEnding(from)
		switch {
		case m != nil && (m.kind == markOrg || m.kind == markCountryAdj):
			from = m.from
			continue
		case t.isWord() && (t.isCap() && !t.is("The", "A", "An", "On", "In", "At") || titleModifiers[t.lower()] || isOrdinal(t.text) || compoundModifier(t.lower())):
		case isQuote(t.text):
			if q := quoteStart(s, from-1); q >= 0 {
				from = q
				continue
			}
		default:
			return from, x.eventRight(s, k+1)
		}
		from--
	}
	return from, x.eventRight(s, k+1)
}

// eventRight extends an event phrase right of its noun from token i: a quoted name and an
// "of …"/"on …" complement.
func (x *extraction) eventRight(s *sentence, i int) int {
	end := i
	if i < len(s.toks) && isQuote(s.toks[i].text) {
		if q := quoteEnd(s, i); q > 0 {
			end = q + 1
			i = end
		}
	} else if n := codeNameAt(s, i); n > 0 {
		end = i + n // "exercise Interaction 2019", "exercises, Interaction-2025,"
		i = end
	} else if i+1 < len(s.toks) && s.toks[i].text == "," {
		if n := codeNameAt(s, i+1); n > 0 && (i+1+n == len(s.toks) || !s.toks[i+1+n].isWord()) {
			end = i + 1 + n
			i = end
		}
	}
	if i >= len(s.toks) || !s.toks[i].is("of", "on", "for") || x.dateAt(s, i+1) {
		return end
	}
	for j := i + 1; j < len(s.toks) && j < i+25; j++ {
		t := s.toks[j]
		if m := s.markStarting(j); m != nil {
			if m.kind == markPerson || m.kind == markCity {
				break
			}
			j = m.to - 1
			end = m.to
			continue
		}
		if titleStops[t.lower()] || x.dateAt(s, j) || (!t.isWord() && !isQuote(t.text) && t.text != "-") {
			if isQuote(t.text) {
				continue
			}
			break
		}
		if t.is("and") && namedEventAhead(s, j+1) {
			break // "the World Congress of … and the Second UN Conference of …": two events
		}
		end = j + 1
	}
	return end
}

// namedEventAhead reports whether a capitalised event noun, the head of another event's name,
// follows within a few words from token i.
func namedEventAhead(s *sentence, i int) bool {
	for j := i; j < len(s.toks) && j < i+6; j++ {
		t := s.toks[j]
		if _, ok := eventNouns[t.lower()]; ok && t.isCap() {
			return true
		}
		if !t.isWord() {
			return false
		}
	}
	return false
}

// codeNameAt returns the length in tokens of an exercise's code name at token i, a name with its
// year ("Interaction-2025", "Interaction 2019", "Combat Brotherhood-2025"), or 0.
func codeNameAt(s *sentence, i int) int {
	for n := 1; n <= 3 && i+n <= len(s.toks); n++ {
		t := s.toks[i+n-1]
		if !t.isCap() && !isYear(t.text) {
			return 0
		}
		if yearSuffix(t.text) || n > 1 && isYear(t.text) {
			return n
		}
		if !t.isCap() {
			return 0
		}
	}
	return 0
}

// codeName returns the code name in an event's title ("Interaction-2025" in "Joint exercises
// "Interaction-2025""), folded so that "Interaction 2025" matches, or "".
func codeName(title string) string {
	f := strings.FieldsFunc(title, func(r rune) bool { return r == ' ' || r == ',' || isQuote(string(r)) })
	for i, w := range f {
		if yearSuffix(w) && w[0] >= 'A' && w[0] <= 'Z' {
			return strings.ToLower(strings.ReplaceAll(w, "-", " "))
		}
		if isYear(w) && i > 0 && f[i-1][0] >= 'A' && f[i-1][0] <= 'Z' {
			return strings.ToLower(f[i-1] + " " + w)
		}
	}
	return ""
}

// isYear reports whether w is a year of these times: "2019".
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}

// yearSuffix reports whether w ends with "-" and a year: "Interaction-2025".
func yearSuffix(w string) bool {
	if len(w) < 6 {
		return false
	}
	head, year := strings.TrimRight(w[:len(w)-4], "-‑"), w[len(w)-4:]
	return isYear(year) && len(head) < len(w)-4 && head != ""
}

// dateAt reports whether a date expression starts at token i.
func (x *extraction) dateAt(s *sentence, i int) bool {
	if i >= len(s.toks) {
		return false
	}
	for _, d := range s.dates {
		if d.Offset <= s.toks[i].start && s.toks[i].start < d.Offset+d.Length {
			return true
		}
	}
	return false
}

// compoundModifier reports whether a hyphenated word is made of title modifiers:
// "command-staff", "tactical-special".
func compoundModifier(w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	for _, p := range strings.Split(w, "-") {
		if !titleModifiers[p] {
			return false
		}
	}
	return true
}

func isOrdinal(w string) bool {
	lw := strings.ToLower(w)
	if strings.HasSuffix(lw, "th") || strings.HasSuffix(lw, "st") || strings.HasSuffix(lw, "nd") || strings.HasSuffix(lw, "rd") {
		return len(lw) > 2 && lw[0] >= '0' && lw[0] <= '9'
	}
	return strings.Trim(w, "IVXL") == "" && len(w) > 0
}

func isQuote(s string) bool { return strings.ContainsAny(s, "\"“”«»„") }

// quoteStart returns the index of the opening quote matching the closing quote at i, or -1.
func quoteStart(s *sentence, i int) int {
	for j := i - 1; j >= 0 && j > i-8; j-- {
		if isQuote(s.toks[j].text) {
			return j
		}
	}
	return -1
}

// quoteEnd returns the index of the closing quote matching the opening quote at i, or -1.
func quoteEnd(s *sentence, i int) int {
	for j := i + 1; j < len(s.toks) && j < i+8; j++ {
		if isQuote(s.toks[j].text) {
			return j
		}
	}
	return -1
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// lastEvent returns the item's latest event of the type, or of any type when typ is "", that an
// earlier sentence named. An event mentioned only as the setting of another is taken only when
// no other one fits.
func lastEvent(it *item, typ graph.EventType) *event {
	var setting *event
	for i := len(it.events) - 1; i >= 0; i-- {
		if e := it.events[i]; (typ == "" || e.typ == typ) && len(e.sents) > 0 {
			if !e.background {
				return e
			}
			if setting == nil {
				setting = e
			}
		}
	}
	return setting
}

// eventNamed returns the document's event of the type that the title names, or nil. Titles name
// the same event when they are equal or one is the other with modifiers before it ("Meeting of
// the CIS Council …" and "Informal meeting of the CIS Council …"), unless a modifier tells
// another occurrence apart ("next session", "16th meeting"), or when one is the other without
// its complement ("Next session" and "Next session of the Council"). The longer title is kept.
func (x *extraction) eventNamed(title string, typ graph.EventType) *event {
	k := graph.NameKey(title)
	for _, e := range x.events {
		if e.typ != typ {
			continue
		}
		ek := graph.NameKey(e.title)
		short, long := k, ek
		if len(short) > len(long) {
			short, long = long, short
		}
		if short != long && !(strings.HasSuffix(long, " "+short) && !distinguishes(strings.TrimSuffix(long, short))) &&
			!(strings.Contains(short, " ") && (strings.HasPrefix(long, short+" of ") || strings.HasPrefix(long, short+" on "))) {
			continue
		}
		if len(k) > len(ek) {
			e.title = capitalise(title)
		}
		return e
	}
	return nil
}

// codeNamed returns the document's event of the type with the title's code name: "joint
// exercises "Interaction-2025"" and "exercise Interaction 2025" are one exercise, and
// "Interaction-2024" another.
func (x *extraction) codeNamed(title string, typ graph.EventType) *event {
	name := codeName(title)
	if name == "" {
		return nil
	}
	for _, e := range x.events {
		if e.typ == typ && codeName(e.title) == name {
			return e
		}
	}
	return nil
}

// sameBodyEvent returns the item's event of the type that the same body holds ("CSC session"
// and "session of the Collective Security Council"), unless both titles tell an occurrence
// ("XX meeting", "XXI meeting"), one is placed relative to another ("the next session") or the
// sentence dates it otherwise: an item reports one meeting of a body.
func (x *extraction) sameBodyEvent(it *item, s *sentence, title string, typ graph.EventType, org *orgRef) *event {
	if org == nil || x.mainOrg != nil && org.name == x.mainOrg.name {
		return nil // the organisation the document is about holds many events
	}
	for _, e := range it.events {
		if e.typ != typ || len(e.organizers) == 0 || !sameBody(e.organizers[0], org) || e.background {
			continue
		}
		if distinguishes(graph.NameKey(title)) && distinguishes(graph.NameKey(e.title)) ||
			relative(graph.NameKey(title)) || relative(graph.NameKey(e.title)) ||
			e.start != "" && len(s.dates) > 0 && !datesAgree(e.start, s.dates[0].Start) {
			continue
		}
		if len(title) > len(e.title) && !distinguishes(graph.NameKey(e.title)) {
			e.title = capitalise(title)
		}
		return e
	}
	return nil
}

// occurrenceWords tell one occurrence of a recurring event from another.
var occurrenceWords = wordSet(`next previous last upcoming future past following preceding first second third fourth
fifth sixth seventh eighth ninth tenth regular extraordinary`)

// sameBody reports whether two organisations named in event titles are one body: the same
// name, or one named by the other's head noun alone ("the Commission meeting" after "the
// meeting of the Interstate Commission on …").
func sameBody(a, b *orgRef) bool {
	if a.name == b.name {
		return true
	}
	for _, pair := range [][2]string{{a.name, b.name}, {b.name, a.name}} {
		short, long := strings.TrimPrefix(pair[0], "The "), pair[1]
		if !strings.Contains(short, " ") && short != "" {
			for _, w := range strings.Fields(long) {
				if w == short {
					return true
				}
			}
		}
	}
	return false
}

// datesAgree reports whether two dates may be the same day: equal, or one the other's month or
// year.
func datesAgree(a, b graph.Date) bool {
	return strings.HasPrefix(string(a), string(b)) || strings.HasPrefix(string(b), string(a))
}

// relativeWords place an occurrence of an event relative to another: "the next session".
var relativeWords = wordSet(`next previous last upcoming future past following preceding`)

// relative reports whether a title places its event relative to another occurrence.
func relative(title string) bool {
	for _, w := range strings.Fields(title) {
		if relativeWords[w] {
			return true
		}
	}
	return false
}

// distinguishes reports whether words, modifiers before an event noun, tell one occurrence of an
// event from another: "next", "16th", "XIX".
func distinguishes(words string) bool {
	for _, w := range strings.Fields(words) {
		if occurrenceWords[w] || isOrdinal(strings.ToUpper(w)) || strings.IndexFunc(w, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
			return true
		}
	}
	return false
}

func (x *extraction) hasCity(s *sentence) bool {
	for _, m := range s.marks {
		if m.kind == markCity {
			return true
		}
	}
	return false
}
