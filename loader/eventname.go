package loader

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// This file tells whether two mentions of events name the same event: equal titles, a title and
// its shorter form, the same body's meeting, the same exercise code name.

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
			e.title = capitalize(title)
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
			e.title = capitalize(title)
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
