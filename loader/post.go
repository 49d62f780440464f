package loader

import (
	"strings"

	"github.com/kgraph/kg/loader/gazetteer"
)

// tenure is a person in a post as one sentence states it.
type tenure struct {
	person  *person
	title   string // canonical title with its qualifiers: "Acting Secretary General"
	acting  bool
	org     *orgRef            // whose post it is: an organisation …
	country *gazetteer.Country // … or a country
	sent    *sentence
}

// findTenures reads the posts of a sentence and the people who hold them: a title before a
// name ("CSTO Deputy Secretary General Valery Semerikov", "the President of Belarus Alexander
// Lukashenko") or after it as an apposition ("Safar Umarzoda, Head of the Department …").
func (x *extraction) findTenures(s *sentence) {
	for mi := range s.marks {
		m := s.marks[mi]
		if m.kind != markPost {
			continue
		}
		t := x.readPost(s, m)
		after := t.end
		for after < len(s.toks) && (s.toks[after].text == "," || s.markStarting(after) != nil && s.markStarting(after).kind == markRank) {
			if s.toks[after].text == "," {
				after++
			} else {
				after = s.markStarting(after).to
			}
		}
		if pm := s.markStarting(after); pm != nil && pm.kind == markPerson {
			t.tenure.person = pm.person
		} else if p := x.appositionHolder(s, t.begin); p != nil {
			t.tenure.person = p
		}
		if t.tenure.person != nil {
			t.tenure.sent = s
			x.tenures = append(x.tenures, t.tenure)
		}
	}
}

// postPhrase is a post title read from a sentence with its token span.
type postPhrase struct {
	tenure
	begin, end int
}

// readPost reads the title around post mark m: qualifiers before it ("Acting", "Deputy"), the
// owner before it ("CSTO", "Kyrgyz", "the Organization's") or after it ("of the CSTO", "of the
// Republic of Belarus"), and a sub-body that belongs in the title ("Head of the Department for
// Countering Challenges and Threats").
func (x *extraction) readPost(s *sentence, m mark) postPhrase {
	title := m.match.Post.Title
	begin, end := m.from, m.to
	var quals []string
	for begin > 0 && s.toks[begin-1].is("Acting", "Deputy", "First", "Vice", "Interim", "Former", "ex") {
		q := s.toks[begin-1].text
		begin--
		if q == "Former" || q == "ex" {
			continue
		}
		quals = append([]string{strings.ToUpper(q[:1]) + q[1:]}, quals...)
	}
	p := postPhrase{begin: begin, end: end}
	for _, q := range quals {
		if q == "Acting" || q == "Interim" {
			p.acting = true
		}
	}
	if len(quals) > 0 && !strings.HasPrefix(title, strings.Join(quals, " ")) {
		title = strings.Join(quals, " ") + " " + title
	}
	// Owner before the title, possessive or not: "CSTO", "the Organization's".
	ownerEnd := begin
	if ownerEnd > 0 && s.toks[ownerEnd-1].isPossessive() {
		ownerEnd--
	}
	if om := s.markEnding(ownerEnd); om != nil {
		switch om.kind {
		case markOrg:
			p.org, p.begin = om.org, om.from
		case markCountryAdj, markCountry:
			p.country, p.begin = om.match.Country, om.from
		}
	}
	// "of [the] X" after the title: an owner, or a sub-body that is part of the title.
	for end+1 < len(s.toks) && s.toks[end].is("of") {
		j := end + 1
		if s.toks[j].is("the") {
			j++
		}
		if j >= len(s.toks) {
			break
		}
		if om := s.markStarting(j); om != nil {
			if om.kind == markOrg && p.org == nil {
				p.org, end = om.org, om.to
				continue
			}
			if om.kind == markCountry && p.country == nil {
				p.country, end = om.match.Country, om.to
				continue
			}
			break
		}
		if phraseEnd, _ := x.properPhrase(s, j); phraseEnd > j && p.org == nil {
			title += " " + s.span(end, phraseEnd)
			end = phraseEnd
			continue
		}
		break
	}
	p.title, p.end = title, end
	return p
}

// appositionHolder returns the person named right before a post phrase starting at begin:
// "Safar Umarzoda, Head of …", "Boobek Azhikeyev, the Chairman of …".
func (x *extraction) appositionHolder(s *sentence, begin int) *person {
	i := begin
	if i > 0 && s.toks[i-1].is("the") {
		i--
	}
	if i < 2 || s.toks[i-1].text != "," {
		return nil
	}
	if pm := s.markEnding(i - 1); pm != nil && pm.kind == markPerson {
		return pm.person
	}
	return nil
}
