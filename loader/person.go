package loader

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// person is one person as a document names them.
type person struct {
	id         graph.ID
	given      string // given name, or an initial such as "T.", or ""
	patronymic string
	surname    string
	names      map[string]bool // every spelling the document uses
	sents      []*sentence     // sentences that mention the person
}

// name is the canonical name: given name and surname, without the patronymic.
func (p *person) name() string {
	if p.given == "" || strings.HasSuffix(p.given, ".") {
		return p.surname
	}
	return p.given + " " + p.surname
}

// key resolves spellings of one person: the first letter of the given name and the surname's
// NameKey, so "T. Masadykov", "Talatbek Masadikov" and "Taalatbek Masadykov" meet.
func personKey(given, surname string) string {
	k := graph.NameKey(surname)
	if g := graph.Fold(given); g != "" {
		k = g[:1] + " " + k
	}
	return k
}

// patronymicEndings mark the middle word of "Andrei Nikolaevich Serdyukov".
var patronymicEndings = []string{"ovich", "evich", "ovna", "evna", "ich", "ichna", "uly", "ulu", "kyzy", "qizi"}

// surnameEndings are the endings of surnames common in the region's news; a capitalised pair
// ending so is taken for a name even without a known given name.
var surnameEndings = []string{"ov", "ev", "ova", "eva", "yov", "yova", "enko", "sky", "skiy", "skii", "skaya", "ski",
	"yan", "ian", "dze", "shvili", "zoda", "zade", "zada", "uly", "kyzy", "uulu", "bekov", "baev", "bayev",
	"yev", "yeva", "in", "ina", "yn", "uk", "chuk", "yuk", "ovich", "evich"}

func hasEnding(word string, endings []string) bool {
	w := strings.ToLower(word)
	for _, e := range endings {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// nonNameWords are capitalised words that never belong to a person's name: function words that
// open sentences, calendar words, and the head words of organisations, places and events.
var nonNameWords = wordSet(`a an the this that these those on in at of for from to by with and or but as after before
during following within under over about according also however meanwhile today yesterday tomorrow
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
mr mrs ms dr his her their our its he she they we it i you there here when where while if
council committee ministry minister forces force centre center staff assembly secretariat department service
agency organization organisation union treaty security republic federation region office commission group army
command headquarters representatives representative university institute academy bank fund parliament government
state states nations conference forum session meeting training exercise exercises operation day year week
international national collective joint rapid reaction deployment crisis response high level the
president prime secretary general deputy chairman chief head director ambassador commander spokesman
east west north south central eastern western northern southern asian european eurasian
news press agency world global peace plan program programme strategy concept declaration statement
emergency situations affairs defence defense foreign internal interior justice border troops guard
first second third new old great grand supreme holy saint st
prize award medal trophy cup`)

func wordSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// nameRuns returns the maximal runs of name-like tokens not covered by a mark: capitalised
// words (not all capitals) and initials.
func (s *sentence) nameRuns() [][2]int {
	var runs [][2]int
	start := -1
	for i := 0; i <= len(s.toks); i++ {
		ok := i < len(s.toks) && s.markAt(i, i+1) == nil && isNameToken(s.toks[i])
		if ok && start < 0 {
			start = i
		}
		if !ok && start >= 0 {
			runs = append(runs, [2]int{start, i})
			start = -1
		}
	}
	return runs
}

func isNameToken(t token) bool {
	if t.isInitial() {
		return true
	}
	if !t.isWord() || !t.isCap() || t.isAllCaps() {
		return false
	}
	// "General’s" in "the Secretary General’s Special Representative" is no name either.
	w := strings.ToLower(t.text)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	return !nonNameWords[w]
}

// findPersons marks the full names of a sentence (given name or initial plus surname, with a
// patronymic perhaps) and single surnames that a title or rank introduces.
func (x *extraction) findPersons(s *sentence) {
	for _, r := range s.nameRuns() {
		from, to := r[0], r[1]
		// Words before the given name ("Speaking", "Kyrgyz") are not part of the name, unless a
		// title introduces the whole run ("President Xi Jinping").
		for k := from; k < to && x.introduced(s, from) == nil && (to-from != 2 || titleBefore(s, from) == nil); k++ {
			if x.gz.IsGivenName(s.toks[k].text) || s.toks[k].isInitial() {
				from = k
				break
			}
		}
		if to-from > 4 {
			from = to - 2
		}
		x.tryPerson(s, from, to)
	}
}

// tryPerson decides whether tokens [from, to) of s name a person and marks them if so.
func (x *extraction) tryPerson(s *sentence, from, to int) {
	n := to - from
	if n < 1 || n > 4 {
		return
	}
	// A name before an award's head word is part of the award's name: "the Snesarev Prize".
	if to < len(s.toks) && s.toks[to].is("Prize", "Award", "Medal", "Trophy", "Cup", "Scholarship", "Fellowship") {
		return
	}
	toks := s.toks[from:to]
	first, last := toks[0], toks[n-1]
	if last.isInitial() {
		return
	}
	titled := x.introduced(s, from) != nil
	// A title with its owner between it and the name introduces a full name only.
	introduced := titled || x.saidAfter(s, to) || n == 2 && titleBefore(s, from) != nil
	switch {
	case n == 1:
		if !titled && !x.knownSurname(last.text) {
			return
		}
	case first.isInitial() || x.gz.IsGivenName(first.text):
	case n == 2 && (hasEnding(last.text, surnameEndings) || introduced):
	default:
		return
	}
	p := x.person(toks)
	s.addMark(mark{kind: markPerson, from: from, to: to, person: p})
	p.sents = append(p.sents, s)
}

// introduced returns the title, rank or honorific mark (or the "Mr" token's position) that
// stands right before token i, or nil.
func (x *extraction) introduced(s *sentence, i int) *mark {
	if i > 0 {
		if m := s.markEnding(i); m != nil && (m.kind == markPost || m.kind == markRank) {
			return m
		}
		if i > 1 && s.toks[i-1].text == "," {
			if m := s.markEnding(i - 1); m != nil && m.kind == markRank {
				return m
			}
		}
		if s.toks[i-1].is("Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.") {
			return &mark{kind: markRank, from: i - 1, to: i}
		}
	}
	return nil
}

// saidAfter reports whether a verb of speech follows token i, as in "Lavrov said".
func (x *extraction) saidAfter(s *sentence, i int) bool {
	return i < len(s.toks) && s.toks[i].is("said", "noted", "stressed", "emphasized", "emphasised", "stated", "added", "told", "announced", "recalled")
}

// knownSurname reports whether the document already names a person with this surname.
func (x *extraction) knownSurname(word string) bool {
	return len(x.people[graph.NameKey(word)]) > 0
}

// person returns the document's person for a name's tokens, creating or completing it.
func (x *extraction) person(toks []token) *person {
	var given, patronymic string
	surname := toks[len(toks)-1].text
	if len(toks) > 1 {
		given = toks[0].text
	}
	if len(toks) == 3 && hasEnding(toks[1].text, patronymicEndings) {
		patronymic = toks[1].text
	} else if len(toks) >= 3 && !toks[1].isInitial() {
		// "Kassym Jomart Tokayev": two given names.
		given = toks[0].text + " " + toks[1].text
	}
	spelled := joinTokens(toks)
	sk := graph.NameKey(surname)
	for _, p := range x.people[sk] {
		if given == "" || p.given == "" || graph.Fold(p.given)[:1] == graph.Fold(given)[:1] {
			if p.given == "" || (strings.HasSuffix(p.given, ".") && given != "" && !strings.HasSuffix(given, ".")) {
				p.given = given
			}
			if p.patronymic == "" {
				p.patronymic = patronymic
			}
			p.names[spelled] = true
			return p
		}
	}
	p := &person{given: given, patronymic: patronymic, surname: surname, names: map[string]bool{spelled: true}}
	x.people[sk] = append(x.people[sk], p)
	return p
}

func joinTokens(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// titleBefore returns the post mark of a title whose owner and destination stand between it
// and token i: "Ambassador of the People's Republic of China to the Russian Federation Zhang
// Hanhui", "Minister of Foreign Affairs of Kazakhstan Murat Nurtleu".
func titleBefore(s *sentence, i int) *mark {
	for n := 0; n < 3; n++ {
		m := s.markEnding(i)
		if m == nil || m.kind != markCountry && m.kind != markOrg {
			return nil
		}
		j := m.from
		if j > 0 && s.toks[j-1].is("the") {
			j--
		}
		if j == 0 || !s.toks[j-1].is("of", "to") {
			return nil
		}
		i = j - 1
		if pm := s.markEnding(i); pm != nil && pm.kind == markPost {
			return pm
		}
	}
	return nil
}

// addressEndings end the patronymic of a polite address by given name and patronymic, as
// interviews translated from Russian write it: "Valery Anatolyevich, tell us …".
var addressEndings = []string{"ovich", "evich", "ovna", "evna", "ichna"}

// mergeAddressForms folds a "person" named by given name and patronymic into the one person of
// the document with that given name and a surname: such a pair is how the text addresses them.
// A surname with a patronymic's ending ("Mikhail Myasnikovich") stays a person when the
// document names no one else so.
func (x *extraction) mergeAddressForms() {
	for key, ps := range x.people {
		for _, p := range ps {
			if p.given == "" || p.patronymic != "" || !hasEnding(p.surname, addressEndings) || !onlyAddressed(p) {
				continue
			}
			var target *person
			n := 0
			for _, qs := range x.people {
				for _, q := range qs {
					if q != p && graph.Fold(q.given) == graph.Fold(p.given) && !hasEnding(q.surname, addressEndings) {
						target, n = q, n+1
					}
				}
			}
			if n != 1 {
				continue
			}
			if target.patronymic == "" {
				target.patronymic = p.surname
			}
			for name := range p.names {
				target.names[name] = true
			}
			for _, s := range p.sents {
				for i := range s.marks {
					if s.marks[i].person == p {
						s.marks[i].person = target
					}
				}
				target.sents = append(target.sents, s)
			}
			x.people[key] = removePerson(x.people[key], p)
		}
	}
}

// onlyAddressed reports whether every mention of p opens its sentence, after a dash or quote
// perhaps, and is followed by a comma: "— Valery Anatolyevich, tell us …".
func onlyAddressed(p *person) bool {
	for _, s := range p.sents {
		for _, m := range s.marks {
			if m.person != p {
				continue
			}
			for i := 0; i < m.from; i++ {
				if t := s.toks[i]; t.isWord() || t.text == "," {
					return false
				}
			}
			if m.to >= len(s.toks) || s.toks[m.to].text != "," {
				return false
			}
		}
	}
	return true
}

func removePerson(ps []*person, p *person) []*person {
	out := ps[:0]
	for _, q := range ps {
		if q != p {
			out = append(out, q)
		}
	}
	return out
}
