package loader

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// orgRef is an organisation as a document names it: from the gazetteer, from an acronym the
// text defines, or from the shape of its name ("Ministry of Defence of the Republic of Belarus").
type orgRef struct {
	name    string
	acronym string
	parent  string // name of the parent organisation, "" if none
	text    string // as written in the sentence
}

// orgHeadWords end the names of bodies: a capitalised phrase ending in one is an organisation.
var orgHeadWords = wordSet(`council committee ministry agency service commission centre center staff assembly
secretariat department directorate forces force institute university academy bank fund parliament union
organization organisation office administration government guard police court board chamber`)

// connectors may stand inside a proper name between its capitalised words.
var connectors = wordSet(`of for on and the in`)

// findOrgs marks organisations that the gazetteer does not know: names defined with an
// acronym in brackets, acronyms defined earlier in the document, capitalised phrases headed by
// a body word, and "the Organization", which stands for the document's main organisation.
func (x *extraction) findOrgs(s *sentence) {
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if s.markAt(i, i+1) != nil {
			continue
		}
		if o, n := x.definedAcronym(s, i); o != nil {
			s.addMark(mark{kind: markOrg, from: i, to: i + n, org: o})
			i += n - 1
			continue
		}
		if t.is("Organization", "Organisation") && x.mainOrg != nil &&
			(i > 0 && s.toks[i-1].is("the") || i+1 < len(s.toks) && s.toks[i+1].isPossessive()) {
			s.addMark(mark{kind: markOrg, from: i, to: i + 1, org: &orgRef{name: x.mainOrg.name, acronym: x.mainOrg.acronym, parent: x.mainOrg.parent, text: t.text}})
			continue
		}
		if !t.isCap() || !t.isWord() {
			continue
		}
		end, head := x.properPhrase(s, i)
		if head < 0 {
			continue
		}
		name := s.span(i, end)
		o := &orgRef{name: strings.TrimPrefix(name, "The "), text: name}
		// "(CSTO CCES)" right after the name defines its acronym.
		if end+2 < len(s.toks) && s.toks[end].text == "(" {
			close := end + 1
			for close < len(s.toks) && s.toks[close].isAllCaps() {
				close++
			}
			if close > end+1 && close < len(s.toks) && s.toks[close].text == ")" {
				o.acronym = s.span(end+1, close)
				x.acronyms[graph.NameKey(o.acronym)] = o
			}
		}
		if pm := s.markStarting(end + 2); pm != nil && pm.kind == markOrg && end+1 < len(s.toks) && s.toks[end].is("of") {
			o.parent = pm.org.name
		} else if pm := s.markStarting(end + 1); pm != nil && pm.kind == markOrg && s.toks[end].is("of") {
			o.parent = pm.org.name
		}
		s.addMark(mark{kind: markOrg, from: i, to: end, org: o})
		i = end - 1
	}
}

// properPhrase extends a capitalised phrase from token i over capitalised words and
// connectors. It returns the phrase's end and the index of its last body head word, or -1.
func (x *extraction) properPhrase(s *sentence, i int) (end, head int) {
	head = -1
	end = i
	for j := i; j < len(s.toks); j++ {
		t := s.toks[j]
		if s.markAt(j, j+1) != nil {
			break
		}
		if t.isWord() && t.isCap() {
			if orgHeadWords[t.lower()] {
				head = j
			}
			end = j + 1
			continue
		}
		if connectors[t.lower()] && j+1 < len(s.toks) && s.toks[j+1].isCap() {
			continue
		}
		break
	}
	if head < 0 {
		return end, -1
	}
	// A phrase is cut after its last head word unless an "of …" complement names it further
	// ("Ministry of Emergency Situations").
	if head+1 < end && !s.toks[head+1].is("of", "for", "on") {
		end = head + 1
	}
	return end, head
}

// definedAcronym returns the organisation whose acronym (defined earlier in the document)
// starts at token i, with the number of tokens it spans.
func (x *extraction) definedAcronym(s *sentence, i int) (*orgRef, int) {
	for n := 3; n >= 1; n-- {
		if i+n > len(s.toks) {
			continue
		}
		all := true
		for _, t := range s.toks[i : i+n] {
			all = all && t.isAllCaps()
		}
		if !all {
			continue
		}
		if o := x.acronyms[graph.NameKey(s.span(i, i+n))]; o != nil {
			return o, n
		}
	}
	return nil, 0
}
