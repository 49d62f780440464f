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
	region     *regionRef
	// cityByDateline says the city comes from the item's dateline, not the event's sentences.
	cityByDateline  bool
	country         *gazetteer.Country
	chairs          []chair
	organizers      []*orgRef // bodies named in the title
	organizedBy     []orgFact // organisers the text names: "organized by X"
	participantOrgs []orgFact // organisations the text says take part
	persons         []*person
	countries       []*gazetteer.Country
	partOf          *event
	generic         bool      // named only by its type so far ("the meeting")
	background      bool      // mentioned as the setting of another event ("on the sidelines of …")
	parties         []*person // whom the event was with: "talks with Lukashenko", "met with Tokayev"
	titledIn        *sentence // the latest sentence that named the event by more than a bare noun
	phraseEnd       int       // the token after the event's phrase in titledIn, or 0
	sents           []*sentence
	facts           map[*sentence]bool // sentences that state the event's attributes
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
			if prev := referent(it, typ); prev != nil {
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
		e := x.itemEvent(it, s, from, capitalize(title), typ)
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

// gerund reports whether "training" at token k is a verb form with an object ("for training
// command units") rather than the name of an event.
func gerund(s *sentence, k int) bool {
	if !s.toks[k].is("training") || k+1 >= len(s.toks) {
		return false
	}
	next := s.toks[k+1]
	return next.isWord() && !next.isCap() && !titleStops[next.lower()] && !next.is("of", "on", "for", "and", "or", "with")
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

// kindredTypes are event types one noun may call the other: a summit is a session of heads of
// state, a session a meeting.
var kindredTypes = map[graph.EventType]graph.EventType{graph.EventMeeting: graph.EventSession, graph.EventSession: graph.EventMeeting}

// referent returns the event a bare noun ("the summit") refers back to: the item's latest event
// of its type, else of a kindred type.
func referent(it *item, typ graph.EventType) *event {
	if e := lastEvent(it, typ); e != nil {
		return e
	}
	if k, ok := kindredTypes[typ]; ok {
		return lastEvent(it, k)
	}
	return nil
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

func (x *extraction) hasCity(s *sentence) bool {
	for _, m := range s.marks {
		if m.kind == markCity {
			return true
		}
	}
	return false
}
