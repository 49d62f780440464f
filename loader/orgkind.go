package loader

import (
	"strings"
	"unicode"

	"github.com/kgraph/kg/loader/dates"
)

// siteTLDs end the names of news sites written as their address ("Cronos.Asia").
var siteTLDs = wordSet(`asia kg kz ru by am tj uz az ge ua com info net org news`)

// siteName reads a news site named by its address, "Cronos.Asia", at token i.
func (x *extraction) siteName(s *sentence, i int) int {
	if i+2 >= len(s.toks) || !s.toks[i].isCap() || !s.toks[i].isWord() || s.toks[i+1].text != "." ||
		s.toks[i+1].start != s.toks[i].end || s.toks[i+2].start != s.toks[i+1].end || !siteTLDs[s.toks[i+2].lower()] {
		return 0
	}
	if i > 0 && (s.toks[i-1].end == s.toks[i].start || s.toks[i-1].is("www")) {
		return 0
	}
	end := i + 3
	text := s.span(i, end)
	o := &orgRef{name: text, text: text}
	if g := x.gz.Organization(s.toks[i].text); g != nil {
		o.name, o.acronym, o.parent = g.Name, g.Acronym, g.Parent
	}
	x.addOrg(s, mark{kind: markOrg, from: i, to: end, org: o})
	return end
}

// datelineCredits reads the agencies credited in an item's dateline, "MOSCOW (UrduPoint News /
// Sputnik - 06th December, 2021)" or "MINSK, 3 March (BelTA) –": each name in the bracket, up to
// a dash or a comma, is a news outlet. The dateline is not part of the item's sentences, so the
// outlets are mentioned in the sentence after it.
func (x *extraction) datelineCredits(it *item) {
	if it.Dateline == "" || len(it.sents) == 0 {
		return
	}
	var first *sentence
	head, prev := "", it.Start
	for _, s := range it.sents {
		if s.Offset >= prev {
			if i := strings.LastIndex(x.doc.Text[prev:s.Offset], it.Dateline); i >= 0 {
				first, head = s, x.doc.Text[prev+i+len(it.Dateline):s.Offset]
				break
			}
			prev = s.Offset + len(s.Text)
		}
	}
	if first == nil {
		return
	}
	open, close := strings.Index(head, "("), strings.Index(head, ")")
	if open < 0 || close < open {
		return
	}
	credit := head[open+1 : close]
	if j := strings.IndexAny(credit, "-–—,"); j >= 0 {
		credit = credit[:j]
	}
	for _, name := range strings.Split(credit, "/") {
		name = strings.TrimSpace(name)
		if name == "" || !unicode.IsUpper([]rune(name)[0]) || len(strings.Fields(name)) > 4 {
			continue
		}
		o := &orgRef{name: name, text: name}
		if g := x.gz.Organization(name); g != nil {
			o.name, o.acronym, o.parent = g.Name, g.Acronym, g.Parent
		} else if dates.Find(name, "") != nil {
			continue
		}
		x.orgs.extra = append(x.orgs.extra, extraOrg{ref: o, s: first})
	}
}

// bodyOfPost reads the national body a post title names with its country: "Minister for
// Emergency Situations of the Republic of Belarus" names the Ministry for Emergency Situations of
// the Republic of Belarus, "Secretary of the Security Council of Armenia" the Security Council of
// Armenia. The post keeps its marks; the body is added to the document's organisations.
func (x *extraction) bodyOfPost(s *sentence, m *mark) {
	text := m.match.Text
	var body string
	end := m.to
	minister := strings.Index(" "+text+" ", " Minister ")
	switch {
	case minister >= 0 && len(text) > minister+len("Minister "):
		rest := text[minister+len("Minister "):]
		if !strings.HasPrefix(rest, "of ") && !strings.HasPrefix(rest, "for ") {
			return
		}
		body = "Ministry " + rest
	case minister >= 0 && end+1 < len(s.toks) && s.toks[end].is("of", "for") && s.toks[end+1].isCap():
		j := end + 1
		for j < len(s.toks) && s.markAt(j, j+1) == nil && (s.toks[j].isCap() || s.toks[j].is("and", ",") ||
			s.toks[j].is("of") && j+1 < len(s.toks) && s.toks[j+1].isCap() && s.markAt(j+1, j+2) == nil) {
			j++
		}
		if j == end+1 || s.toks[j-1].text == "," || s.toks[j-1].is("and") {
			return
		}
		body, end = "Ministry "+s.span(end, j), j
	default:
		i := strings.LastIndex(text, " of the ")
		if i < 0 {
			return
		}
		body = text[i+len(" of the "):]
		words := strings.Fields(body)
		if len(words) == 0 || !isOrgHead(strings.ToLower(words[len(words)-1])) {
			return
		}
	}
	k := ofThe(s, end)
	c := s.markStarting(k)
	if k == end || c == nil || c.kind != markCountry {
		return
	}
	name := body + " " + s.span(end, c.to)
	o := &orgRef{name: name, text: name}
	if g := x.gz.Organization(name); g != nil {
		o.name, o.acronym, o.parent = g.Name, g.Acronym, g.Parent
	}
	x.orgs.extra = append(x.orgs.extra, extraOrg{ref: o, s: s})
	x.remember(s, o)
}

// pressOffice reads "press office/service/centre" at token i: after an organisation owner that
// starts at from ("the CSTO press service"), or followed by "of [the] <organisation>". It returns
// the end of the mark it added, or 0.
func (x *extraction) pressOffice(s *sentence, i int, owner *orgRef, from int) int {
	if i+1 >= len(s.toks) || !s.toks[i].is("press") || !s.toks[i+1].is("office", "service", "center", "centre") {
		return 0
	}
	end := i + 2
	if owner == nil {
		j := end
		if j+1 < len(s.toks) && s.toks[j].is("of") {
			j++
			if s.toks[j].is("the") {
				j++
			}
		}
		if j == end || j >= len(s.toks) {
			return 0
		}
		if m := s.markStarting(j); m != nil && m.kind == markOrg {
			owner, end = m.org, m.to
			s.removeMark(m)
		} else if pe, head, _ := x.orgPhrase(s, j); head >= 0 {
			owner, end = x.phraseRef(s, j, pe), pe
		} else {
			return 0
		}
	} else if m := s.markStarting(from); m != nil {
		s.removeMark(m)
	}
	text := s.span(from, end)
	o := &orgRef{name: text, text: text}
	setParent(o, owner)
	x.addOrg(s, mark{kind: markOrg, from: from, to: end, org: o})
	return end
}

// militaryUnit reads "military unit 6656 [of <organisation>]", the numbered designation of a unit.
func (x *extraction) militaryUnit(s *sentence, i int) int {
	if i+2 >= len(s.toks) || !s.toks[i].is("military") || !s.toks[i+1].is("unit") || !isNumber(s.toks[i+2]) {
		return 0
	}
	end := i + 3
	var owner *orgRef
	if j := ofThe(s, end); j > end {
		if m := s.markStarting(j); m != nil && m.kind == markOrg {
			owner, end = m.org, m.to
			s.removeMark(m)
		}
	}
	text := s.span(i, end)
	o := &orgRef{name: text, text: text}
	setParent(o, owner)
	x.addOrg(s, mark{kind: markOrg, from: i, to: end, org: o})
	return end
}

func isNumber(t token) bool {
	for _, r := range t.text {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return t.text != ""
}

// isNumberedUnit reports whether t is a number with an ordinal suffix: "98th", "31st", "333rd".
func isNumberedUnit(t token) bool {
	n := len(t.text)
	if n < 3 || t.text[0] < '0' || t.text[0] > '9' {
		return false
	}
	suf := strings.ToLower(t.text[n-2:])
	return (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && isNumber(token{text: t.text[:n-2]})
}
