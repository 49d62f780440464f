package loader

import (
	"strconv"
	"strings"
	"time"

	"github.com/kgraph/kg/graph"
)

// appointVerbs introduce a post someone takes up.
var appointVerbs = wordSet(`appointed reappointed re-appointed elected re-elected named`)

// appointee returns the person appointed to the title starting at begin: "Imangali
// Tasmagambetov, a representative of Kazakhstan, was appointed Secretary General of the CSTO",
// "the leaders approved the appointment of Stanislav Zas as Secretary General".
func (x *extraction) appointee(s *sentence, begin int) *person {
	i := begin
	if i > 0 && s.toks[i-1].is("the", "his", "her", "its", "their") {
		i--
	}
	as := i > 0 && s.toks[i-1].is("as")
	if as {
		i--
	}
	// "<appointment word> [of] <Person> [of <Country>] as <title>"
	if as {
		if pm := personBefore(s, i); pm != nil {
			for k := pm.from - 1; k >= 0 && k >= pm.from-8; k-- {
				if appointVerbs[s.toks[k].lower()] || s.toks[k].is("appointment", "election", "candidacy") {
					return pm.person
				}
				if s.markEnding(k+1) != nil && s.markEnding(k+1).kind == markPerson && k+1 != pm.to {
					break
				}
			}
		}
	}
	if i == 0 || !appointVerbs[s.toks[i-1].lower()] {
		return nil
	}
	i--
	for n := 0; n < 2 && i > 0 && s.toks[i-1].is("was", "is", "has", "been", "have", "had", "will", "be"); n++ {
		i--
	}
	if pm := s.markEnding(i); pm != nil && pm.kind == markPerson {
		return pm.person
	}
	// A relative clause: "Vladimir Norov of Uzbekistan, who was appointed …".
	if i > 1 && s.toks[i-1].is("who") && s.toks[i-2].text == "," {
		if pm := personBefore(s, i-2); pm != nil {
			return pm.person
		}
	}
	// Past an apposition: "Imangali Tasmagambetov, a representative of Kazakhstan, was …".
	if i > 0 && s.toks[i-1].text == "," {
		for k := i - 2; k > 0 && k > i-14; k-- {
			if s.toks[k].text == "," {
				if pm := s.markEnding(k); pm != nil && pm.kind == markPerson {
					return pm.person
				}
				return nil
			}
		}
	}
	return nil
}

// personBefore returns the person mark that ends at token i, or before an "of <country>" that
// ends there ("Natalia Gherman of Moldova"), or nil.
func personBefore(s *sentence, i int) *mark {
	if cm := s.markEnding(i); cm != nil && cm.kind == markCountry && cm.from > 0 && s.toks[cm.from-1].is("of") {
		i = cm.from - 1
	}
	if pm := s.markEnding(i); pm != nil && pm.kind == markPerson {
		return pm
	}
	return nil
}

// numberWords are the terms of office news writes in words.
var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

// readTerm sets the term of an appointment that the title ending at token end states: "appointed
// Secretary General for three years from January 1, 2023" is in office from 2023-01-01 to
// 2025-12-31. Only sentences of appointment are read.
func (x *extraction) readTerm(s *sentence, t *tenure, end int) {
	appointed := false
	for _, tk := range s.toks {
		if appointVerbs[tk.lower()] || tk.is("appointment", "election") {
			appointed = true
			break
		}
	}
	if !appointed {
		return
	}
	years := 0
	limit := min(end+16, len(s.toks))
	for k := end; k < limit && years == 0; k++ {
		if !s.toks[k].is("for") {
			continue
		}
		for j := k + 1; j < limit && j < k+6; j++ {
			w := s.toks[j].lower()
			if n := termYears(w); n > 0 && (strings.Contains(w, "-year") || j+1 < limit && s.toks[j+1].is("years", "year")) {
				years = n
				break
			}
		}
	}
	var start graph.Date
	for _, d := range s.dates {
		if end >= len(s.toks) || d.Offset < s.toks[end].start || d.Offset > s.toks[limit-1].end || len(d.Start) != 10 {
			continue
		}
		from, _ := s.tokenSpan(d.Offset, d.Offset+d.Length)
		if from > 0 && s.toks[from-1].is("from", "since", "starting", "effective", "of") {
			start = d.Start
			break
		}
	}
	if start == "" {
		return
	}
	t.from = start
	if st, ok := start.Time(); ok && years > 0 {
		t.to = graph.DayDate(st.AddDate(years, 0, 0).Add(-24 * time.Hour))
	}
}

// termYears reads "three", "3" or "three-year" as a number of years.
func termYears(w string) int {
	w = strings.TrimSuffix(w, "-year")
	if n, ok := numberWords[w]; ok {
		return n
	}
	if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 20 {
		return n
	}
	return 0
}
