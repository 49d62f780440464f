package gazetteer

import (
	"maps"
	"slices"
	"strings"
)

// MatchKind says what a Scan match names.
type MatchKind uint8

// The kinds of match. When one span names several things, the match takes the first of
// matchPriority and fills the fields of every other it has.
const (
	MatchCountry          MatchKind = iota + 1 // "Belarus", "the Russian Federation", "RF"
	MatchCountryAdjective                      // "Russian", "Kyrgyz": a country's adjective or demonym
	MatchCity                                  // "Cholpon-Ata", "St. Petersburg"
	MatchOrganization                          // "CSTO", "Joint Staff of the CSTO", "TASS"
	MatchPost                                  // "Deputy Secretary General", "defence minister"
	MatchRank                                  // "Colonel General", "Lt. Gen."
)

var matchKindNames = [...]string{"", "Country", "CountryAdjective", "City", "Organization", "Post", "Rank"}

func (k MatchKind) String() string {
	if int(k) < len(matchKindNames) {
		return matchKindNames[k]
	}
	return ""
}

// matchPriority orders the kinds for a span that names several: a country before a city of
// the same name ("Armenia" is also a town in Colombia), an organisation before a city
// ("Sputnik" is also a village).
var matchPriority = []MatchKind{MatchCountry, MatchCountryAdjective, MatchOrganization, MatchPost, MatchRank, MatchCity}

// Match is a gazetteer phrase found in a sentence: its byte span and text, its kind, and what
// it names (Country for a country or adjective, Cities most populous first, the first
// Organization in file order, the Post).
type Match struct {
	Start, End   int
	Kind         MatchKind
	Text         string
	Country      *Country
	Cities       []*City
	Organization *Organization
	Post         *Post
}

// minCityKey is the shortest key a city is found by in running text: GeoNames has towns
// called "Of" and "Ii".
const minCityKey = 3

// Scan returns every gazetteer phrase in sentence, left to right: at each word the longest
// phrase that starts there, matched on whole words, with each capitalised word of the phrase
// capitalised in the sentence too (and an acronym in capitals), so "Nice" is a city and "nice"
// is not. A city is not found under a name that is a common English word (stopcities.txt), a
// word of a post title or rank, an organisation's name or a given name ("Victoria"), since such
// words in capitals are more often something else; nor where it follows a given name, being
// then a surname ("Yuri Borisov").
func (g *Gazetteer) Scan(sentence string) []Match {
	toks := tokenize(sentence)
	var out []Match
	for i := 0; i < len(toks); {
		var best *phraseNode
		end := i
		node := g.phrases
		for j := i; j < len(toks); j++ {
			if j > i && toks[j].gap == hardGap {
				break
			}
			if node = node.children[toks[j].key]; node == nil {
				break
			}
			if node.kinds(toks[i:j+1]) != 0 {
				best, end = node, j
			}
		}
		if best == nil {
			i++
			continue
		}
		set := best.kinds(toks[i : end+1])
		if set == 1<<MatchCity && i > 0 && g.surname(sentence, toks[i-1], toks[i]) {
			i = end + 1
			continue
		}
		out = append(out, g.match(sentence, toks[i], toks[end], best.key, set))
		i = end + 1
	}
	return out
}

// surname reports whether word, a city's name, is rather the surname of a person whose
// given name prev stands just before it ("Yuri Borisov", not the town of Borisov).
func (g *Gazetteer) surname(sentence string, prev, word token) bool {
	return prev.upper && g.givenNames[prev.key] && strings.TrimSpace(sentence[prev.end:word.start]) == ""
}

// match builds the Match of the span from first to last whose phrase key is key and which
// names things of the kinds in the set.
func (g *Gazetteer) match(sentence string, first, last token, key string, set kindSet) Match {
	m := Match{Start: first.start, End: last.end, Text: sentence[first.start:last.end]}
	for _, k := range matchPriority {
		if !set.has(k) {
			continue
		}
		if m.Kind == 0 {
			m.Kind = k
		}
		switch k {
		case MatchCountry, MatchCountryAdjective:
			m.Country = g.countryByKey[key]
		case MatchOrganization:
			m.Organization = g.orgsByKey[key][0]
		case MatchPost:
			m.Post = g.postByKey[key]
		case MatchCity:
			m.Cities = slices.Clone(g.citiesByKey[key])
		}
	}
	return m
}

// kindSet is a set of MatchKinds, one bit each.
type kindSet uint8

func (s kindSet) has(k MatchKind) bool { return s&(1<<k) != 0 }

// wordCase is what capitalisation a phrase word asks of the sentence's word.
type wordCase uint8

const (
	anyCase    wordCase = iota // the phrase has it in lower case ("of", "defence minister")
	upperFirst                 // the phrase capitalises it
	allCaps                    // the phrase writes it as an acronym
)

func caseOf(t token) wordCase {
	switch {
	case t.caps:
		return allCaps
	case t.upper:
		return upperFirst
	}
	return anyCase
}

func (c wordCase) fits(t token) bool {
	switch c {
	case allCaps:
		return t.caps
	case upperFirst:
		return t.upper
	}
	return true
}

// phraseNode is a node of the phrase trie, whose edges are word keys. A node that ends
// phrases holds their joined key and, per kind and capitalisation, one entry.
type phraseNode struct {
	children map[string]*phraseNode
	key      string
	entries  []phraseEntry
}

type phraseEntry struct {
	kind  MatchKind
	words []wordShape
}

// wordShape is what a phrase word asks of the sentence's word besides its key: its
// capitalisation and, after the first word, the gap before it.
type wordShape struct {
	cas wordCase
	gap gap
}

// kinds returns the kinds of the node's entries whose shape the words toks fit.
func (n *phraseNode) kinds(toks []token) kindSet {
	var set kindSet
	for _, e := range n.entries {
		fits := true
		for i, w := range e.words {
			if !w.cas.fits(toks[i]) || i > 0 && w.gap != toks[i].gap {
				fits = false
				break
			}
		}
		if fits {
			set |= 1 << e.kind
		}
	}
	return set
}

// add files the phrase made of toks under the trie, as a name of kind k.
func (n *phraseNode) add(toks []token, k MatchKind) {
	if len(toks) == 0 {
		return
	}
	words := make([]wordShape, len(toks))
	for i, t := range toks {
		words[i] = wordShape{caseOf(t), t.gap}
		next := n.children[t.key]
		if next == nil {
			if n.children == nil {
				n.children = map[string]*phraseNode{}
			}
			next = &phraseNode{}
			n.children[t.key] = next
		}
		n = next
	}
	for _, e := range n.entries {
		if e.kind == k && slices.Equal(e.words, words) {
			return
		}
	}
	n.key = joinKeys(toks)
	n.entries = append(n.entries, phraseEntry{kind: k, words: words})
}

// phrase is a name read from the data, as tokens, and the kind of thing it names.
type phrase struct {
	toks []token
	kind MatchKind
}

// addPhrase keeps the name s of kind k for the phrase index and returns its key.
func (g *Gazetteer) addPhrase(s string, k MatchKind) string {
	return g.addTokens(phraseTokens(s), k)
}

// addTokens keeps the name made of toks, of kind k, for the phrase index and returns its key.
func (g *Gazetteer) addTokens(toks []token, k MatchKind) string {
	g.pending = append(g.pending, phrase{toks, k})
	return joinKeys(toks)
}

// buildPhrases files every name kept by addPhrase in the phrase trie, leaving out the city
// names that Scan does not look for.
func (g *Gazetteer) buildPhrases() {
	root := &phraseNode{}
	stop := g.cityStopWords()
	for _, p := range g.pending {
		if p.kind == MatchCity {
			key := joinKeys(p.toks)
			if len(key) < minCityKey || stop[key] || g.orgsByKey[key] != nil || g.givenNames[key] {
				continue
			}
		}
		root.add(p.toks, p.kind)
	}
	g.phrases = root
	g.pending = nil
}

// cityStopWords returns the keys no city is found by: stopcities.txt and every word of a post
// title or rank ("General", "Security", "Council").
func (g *Gazetteer) cityStopWords() map[string]bool {
	stop := maps.Clone(g.stopCities)
	for _, p := range g.pending {
		if p.kind == MatchPost || p.kind == MatchRank {
			for _, t := range p.toks {
				stop[t.key] = true
			}
		}
	}
	return stop
}
