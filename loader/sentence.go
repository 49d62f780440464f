package loader

import (
	"sort"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/dates"
	"github.com/kgraph/kg/loader/gazetteer"
	"github.com/kgraph/kg/loader/text"
)

// markKind says what a recognised span of a sentence is.
type markKind uint8

const (
	markCountry markKind = iota + 1
	markCountryAdj
	markCity
	markOrg
	markPost
	markRank
	markPerson
	markRegion
)

// mark is a recognised span of a sentence, in token indices [from, to).
type mark struct {
	kind     markKind
	from, to int
	match    *gazetteer.Match // gazetteer marks
	person   *person          // person marks
	org      *orgRef          // organisation marks, gazetteer or pattern
	region   *regionRef       // region marks
}

// sentence is one sentence of an item with everything recognised in it.
type sentence struct {
	text.Sentence
	item  *item
	toks  []token
	marks []mark // sorted by from
	dates []dates.Mention
}

// item is one news item of a document, as the extractor sees it.
type item struct {
	text.Item
	sents  []*sentence
	events []*event
}

// newSentence tokenises s and marks the gazetteer phrases and dates in it.
func newSentence(gz *gazetteer.Gazetteer, it *item, s text.Sentence, ref graph.Date) *sentence {
	st := &sentence{Sentence: s, item: it, toks: tokenize(s.Text)}
	for _, m := range gz.Scan(s.Text) {
		from, to := st.tokenSpan(m.Start, m.End)
		if from >= to {
			continue
		}
		m := m
		k, ok := gazetteerMarks[m.Kind]
		if !ok {
			continue
		}
		mk := mark{kind: k, from: from, to: to, match: &m}
		if k == markOrg {
			mk.org = &orgRef{name: m.Organization.Name, acronym: m.Organization.Acronym, parent: m.Organization.Parent, text: m.Text}
		}
		st.marks = append(st.marks, mk)
	}
	st.dates = dates.Find(s.Text, ref)
	return st
}

var gazetteerMarks = map[gazetteer.MatchKind]markKind{
	gazetteer.MatchCountry:          markCountry,
	gazetteer.MatchCountryAdjective: markCountryAdj,
	gazetteer.MatchCity:             markCity,
	gazetteer.MatchOrganization:     markOrg,
	gazetteer.MatchPost:             markPost,
	gazetteer.MatchRank:             markRank,
}

// tokenSpan converts a byte span of the sentence into the token indices it covers.
func (s *sentence) tokenSpan(start, end int) (from, to int) {
	from = sort.Search(len(s.toks), func(i int) bool { return s.toks[i].start >= start })
	to = sort.Search(len(s.toks), func(i int) bool { return s.toks[i].end > end })
	return from, to
}

// addMark inserts m, keeping marks ordered, unless it overlaps an existing mark.
func (s *sentence) addMark(m mark) bool {
	if s.markAt(m.from, m.to) != nil {
		return false
	}
	i := sort.Search(len(s.marks), func(i int) bool { return s.marks[i].from >= m.from })
	s.marks = append(s.marks, mark{})
	copy(s.marks[i+1:], s.marks[i:])
	s.marks[i] = m
	return true
}

// markAt returns the first mark overlapping tokens [from, to), or nil.
func (s *sentence) markAt(from, to int) *mark {
	for i := range s.marks {
		if s.marks[i].from < to && from < s.marks[i].to {
			return &s.marks[i]
		}
	}
	return nil
}

// markStarting returns the mark that starts at token i, or nil.
func (s *sentence) markStarting(i int) *mark {
	for j := range s.marks {
		if s.marks[j].from == i {
			return &s.marks[j]
		}
	}
	return nil
}

// markEnding returns the mark that ends just before token i, or nil.
func (s *sentence) markEnding(i int) *mark {
	for j := range s.marks {
		if s.marks[j].to == i {
			return &s.marks[j]
		}
	}
	return nil
}

// span returns the sentence text of tokens [from, to).
func (s *sentence) span(from, to int) string {
	if from >= to {
		return ""
	}
	return s.Text[s.toks[from].start:s.toks[to-1].end]
}

// has reports whether any token of the sentence is one of the words, ignoring case.
func (s *sentence) has(words ...string) bool {
	for _, t := range s.toks {
		if t.is(words...) {
			return true
		}
	}
	return false
}

// evidence returns the evidence of a fact read in this sentence.
func (s *sentence) evidence(doc graph.ID) graph.Evidence {
	return graph.Evidence{Document: doc, Sentence: s.Text, Offset: s.Offset}
}
