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
	"reception": graph.EventMeeting,
	"session":   graph.EventSession, "sessions": graph.EventSession, "sitting": graph.EventSession,
	"training": graph.EventTraining, "trainings": graph.EventTraining, "exercise": graph.EventTraining,
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
	"interview": graph.EventOther,
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
	for k := 0; k < len(s.toks); k++ {
		typ, ok := eventNouns[s.toks[k].lower()]
		if s.toks[k].is("table") && k > 0 && s.toks[k-1].is("round") {
			typ, ok = graph.EventConference, true
		}
		if s.toks[k].is("event") && k > 0 && s.toks[k-1].is("the", "this") {
			typ, ok = "", true
		}
		if !ok || s.markAt(k, k+1) != nil || k+1 < len(s.toks) && nounModifiers[s.toks[k+1].lower()] {
			continue
		}
		from, to := x.eventSpan(s, k)
		k = to - 1
		if to-from == 1 || typ == "" {
			if prev := lastEvent(it, typ); prev != nil {
				referred = append(referred, prev)
			} else if typ != "" {
				bare = append(bare, typ)
			}
			continue
		}
		title := strings.Trim(s.span(from, to), " ,")
		if e := x.eventNamed(title, typ); e != nil {
			titled = append(titled, e)
			continue
		}
		e := x.newEvent(it, capitalize(title), typ)
		for i := range s.marks {
			if m := s.marks[i]; m.kind == markOrg && m.from >= from && m.to <= to {
				e.organizers = append(e.organizers, m.org)
				break
			}
		}
		titled = append(titled, e)
	}
	if len(titled) == 0 && len(referred) == 0 && len(bare) > 0 && (len(s.dates) > 0 || x.hasCity(s)) {
		titled = append(titled, x.newEvent(it, eventTypeTitle(bare[0]), bare[0]))
	}
	return append(titled, referred...)
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
	return capitalize(strings.ToLower(string(t)))
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
		case t.isWord() && (t.isCap() && !t.is("The", "A", "An", "On", "In", "At") || titleModifiers[t.lower()] || isOrdinal(t.text)):
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
		end = j + 1
	}
	return end
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

// lastEvent returns the item's latest event of the type, or of any type when typ is "".
func lastEvent(it *item, typ graph.EventType) *event {
	for i := len(it.events) - 1; i >= 0; i-- {
		if typ == "" || it.events[i].typ == typ {
			return it.events[i]
		}
	}
	return nil
}

// eventNamed returns the document's event of the type that the title names, or nil. Titles name
// the same event when they are equal or one is the other with modifiers before it ("Meeting of
// the CIS Council …" and "Informal meeting of the CIS Council …"), unless a modifier tells
// another occurrence apart ("next session", "16th meeting"). The longer title is kept.
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
		if short != long && !(strings.HasSuffix(long, " "+short) && !distinguishes(strings.TrimSuffix(long, short))) {
			continue
		}
		if len(k) > len(ek) {
			e.title = capitalize(title)
		}
		return e
	}
	return nil
}

// occurrenceWords tell one occurrence of a recurring event from another.
var occurrenceWords = wordSet(`next previous last upcoming future past following preceding first second third fourth
fifth sixth seventh eighth ninth tenth regular extraordinary`)

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
