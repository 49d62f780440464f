package loader

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// This file reads events that a sentence states by what people did rather than by a name:
// "X met with Y", "talks with Lukashenko", "an interview with TASS", "the Position was signed".

// particularEvent reads an event phrase [from, to) that its context makes a particular event,
// though it has no name of its own: "talks with Lukashenko", "an interview with TASS", "the
// CSTO is holding a training", "his visit to Tajikistan". It returns nil for other phrases.
func (x *extraction) particularEvent(it *item, s *sentence, from, to, noun int, typ graph.EventType) *event {
	if typ == "" || to != noun+1 {
		return nil
	}
	phrase := capitalize(strings.Trim(s.span(from, to), " ,"))
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
