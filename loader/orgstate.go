package loader

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// shortForm returns the organisation of the document that tokens [from, to) name by a short
// form: the end of its name or alias ("Council" for the Collective Security Council, "Rapid
// Reaction Force") or its name before its "of" complement. The nearest mention before the
// sentence wins, else the nearest after.
func (x *extraction) shortForm(s *sentence, from, to int) *orgRef {
	words := make([]string, 0, to-from)
	for _, t := range s.toks[from:to] {
		words = append(words, foldWord(t.text))
	}
	pos := x.orgs.seq[s]
	var best *orgRef
	bestDist := 0
	for _, k := range x.orgs.known {
		if !k.shortens(words) {
			continue
		}
		d := pos - k.seq
		if d < 0 {
			d = 1<<30 - d
		}
		if best == nil || d < bestDist {
			best, bestDist = k.ref, d
		}
	}
	return best
}

// orgState is what findOrgs knows of the document's organisations.
type orgState struct {
	seq   map[*sentence]int // sentence order
	known []knownOrg        // organisations named, in the order found
	extra []extraOrg        // organisations named inside another name (a minister's title)
	// generic holds the names the document uses for a kind of body of several states ("the
	// Ministry of Internal Affairs of the CSTO member states"), by NameKey.
	generic map[string]bool
}

type knownOrg struct {
	seq      int
	ref      *orgRef
	names    [][]string // folded words of the name and aliases
	national string     // nationalKey of the name
}

type extraOrg struct {
	ref *orgRef
	s   *sentence
}

// shortens reports whether words are a shorter form of one of k's names: the end of its name
// before any "of", "for" or "on" complement, or all of that part when a complement follows.
func (k knownOrg) shortens(words []string) bool {
	for _, n := range k.names {
		h := n
		for i, w := range n {
			if w == "of" || w == "for" || w == "on" {
				h = n[:i]
				break
			}
		}
		if len(words) > len(h) || len(words) == len(n) {
			continue
		}
		if equalWords(h[len(h)-len(words):], words) {
			return true
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// foldWord folds a word for comparing names: lower case, no possessive, no plural "s".
func foldWord(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	return graph.NameKey(w)
}

func foldName(name string) []string {
	var out []string
	for _, t := range tokenize(name) {
		if t.isWord() || isNumber(t) {
			out = append(out, foldWord(t.text))
		}
	}
	return out
}

// orgIndex numbers the document's sentences and collects the organisations the gazetteer found,
// once per document.
func (x *extraction) orgIndex() {
	if x.orgs != nil {
		return
	}
	x.orgs = &orgState{seq: map[*sentence]int{}, generic: map[string]bool{}}
	n := 0
	for _, it := range x.items {
		x.datelineCredits(it)
		for _, s := range it.sents {
			x.orgs.seq[s] = n
			n++
			for _, m := range s.marks {
				if m.kind == markOrg {
					x.remember(s, m.org)
				}
			}
		}
	}
}

// remember adds o, and the organisations of the gazetteer it is part of, to the organisations
// the document names.
func (x *extraction) remember(s *sentence, o *orgRef) {
	if o.up == nil && o.parent != "" {
		if g := x.gz.Organization(o.parent); g != nil && g.Name == o.parent {
			x.remember(s, &orgRef{name: g.Name, acronym: g.Acronym, parent: g.Parent, text: g.Name})
		}
	}
	k := knownOrg{seq: x.orgs.seq[s], ref: o, national: x.nationalKey(o.name)}
	names := []string{o.name, o.text}
	if g := x.gz.Organization(o.name); g != nil && g.Name == o.name {
		names = append(names, g.Aliases...)
	}
	for _, n := range names {
		if w := foldName(n); len(w) > 0 {
			k.names = append(k.names, w)
		}
	}
	x.orgs.known = append(x.orgs.known, k)
}
