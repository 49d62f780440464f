package loader

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/gazetteer"
	"github.com/kgraph/kg/loader/text"
)

// Resolver finds nodes that earlier documents stored, so that a surname alone can resolve to
// the person a previous document named in full. graph.Store satisfies it.
type Resolver interface {
	Lookup(ctx context.Context, kind graph.Kind, name string) ([]graph.ID, error)
}

// extraction is the state of reading one document.
type extraction struct {
	gz        *gazetteer.Gazetteer
	doc       *text.Document
	docID     graph.ID
	items     []*item
	people    map[string][]*person       // by NameKey of the surname
	acronyms  map[string]*orgRef         // acronyms the document defines, by NameKey
	mainOrg   *orgRef                    // the organisation "the Organization" stands for
	orgs      *orgState                  // what findOrgs knows of the document's organisations
	countries map[*gazetteer.Country]int // countries the document names, with counts
	tenures   []tenure
	pending   []pendingChain // titles whose sentence names no holder
	events    []*event
	// memberships are the countries the document says belong to an organisation.
	memberships []membership
}

// Extract reads a document and returns what it contributes to the graph.
func Extract(ctx context.Context, gz *gazetteer.Gazetteer, res Resolver, docID graph.ID, doc *text.Document) (*graph.ChangeSet, error) {
	_, cs, err := extract(ctx, gz, res, docID, doc)
	return cs, err
}

// extract reads a document and returns the reading itself with the ChangeSet.
func extract(ctx context.Context, gz *gazetteer.Gazetteer, res Resolver, docID graph.ID, doc *text.Document) (*extraction, *graph.ChangeSet, error) {
	x := recognise(gz, docID, doc)
	cs, err := x.changeSet(ctx, res)
	return x, cs, err
}

// recognise reads doc: everything that needs no store.
func recognise(gz *gazetteer.Gazetteer, docID graph.ID, doc *text.Document) *extraction {
	x := newExtraction(gz, docID, doc)
	x.read()
	return x
}

// newExtraction returns the empty state of reading doc.
func newExtraction(gz *gazetteer.Gazetteer, docID graph.ID, doc *text.Document) *extraction {
	return &extraction{gz: gz, doc: doc, docID: docID, people: map[string][]*person{},
		acronyms: map[string]*orgRef{}, countries: map[*gazetteer.Country]int{}}
}

// read runs the recognition passes over the document. Names come first, over all items, so that a
// surname alone later in the text finds the full name given earlier or later.
func (x *extraction) read() {
	var all []*sentence
	orgCount := map[string]int{}
	for _, ti := range x.doc.Items {
		it := &item{Item: ti}
		for _, ts := range ti.Sentences {
			s := newSentence(x.gz, it, ts, ti.Date)
			dropNonCities(s)
			it.sents = append(it.sents, s)
			all = append(all, s)
			for _, m := range s.marks {
				switch m.kind {
				case markOrg:
					if m.org.parent == "" {
						orgCount[m.org.name]++
						if x.mainOrg == nil || orgCount[m.org.name] > orgCount[x.mainOrg.name] {
							x.mainOrg = m.org
						}
					}
				case markCountry, markCountryAdj:
					x.countries[m.match.Country]++
				}
			}
		}
		x.items = append(x.items, it)
	}
	for _, s := range all {
		x.findOrgs(s)
	}
	for _, s := range all {
		x.findPersons(s)
	}
	for _, s := range all {
		x.findPersons(s) // surnames alone, now that every full name is known
	}
	x.mergeAddressForms()
	for _, s := range all {
		x.findRegions(s)
		x.findTenures(s)
		x.findMemberships(s)
	}
	x.resolvePending()
	for _, it := range x.items {
		for _, s := range it.sents {
			evs := x.findEvents(it, s)
			x.readEventFacts(it, s, evs)
		}
		x.placeByDateline(it)
		x.dateByItem(it)
	}
	x.inheritFromParents()
}

// dateByItem dates the first event of a dated item by the item's date when its sentences give
// no date: a news item reports what happened on its day.
func (x *extraction) dateByItem(it *item) {
	if !it.Dated {
		return
	}
	for _, e := range it.events {
		if e.background {
			continue // "as part of the exercise X": the item reports the other event
		}
		if e.start == "" && !e.planned {
			e.start = it.Date
		}
		return
	}
}

// placeByDateline gives the events of an item that open with a dateline ("MOSCOW, December 15")
// the dateline's city when their own sentences name none.
func (x *extraction) placeByDateline(it *item) {
	if it.Dateline == "" {
		return
	}
	c := x.chooseCity(x.gz.Cities(it.Dateline), it.Dateline)
	if c == nil {
		return
	}
	co := x.gz.CountryByCode(c.CountryCode)
	for _, s := range it.sents {
		if other := x.countryIn(s); other != nil && other != co || venueIn(s) != "" {
			return // the item happens elsewhere: the dateline names the newsroom
		}
	}
	for _, e := range it.events {
		// A dateline says where the report was filed: it places what happened there, not a
		// planned event, an interview, nor one the text puts at a venue or in another country.
		if e.city == nil && !e.planned && e.typ != graph.EventOther && e.venue == "" && (e.country == nil || e.country == co) {
			e.city, e.cityByDateline = c, true
		}
	}
}

// chooseCity picks among the cities a name may be the one in a country the document names most,
// then one whose own name it is rather than an alias ("New Delhi" is not Delhi), else the most
// populous (candidates come most populous first).
func (x *extraction) chooseCity(cands []*gazetteer.City, spelled string) *gazetteer.City {
	var best *gazetteer.City
	bestScore := -1
	key := graph.NameKey(spelled)
	for _, c := range cands {
		score := 0
		if co := x.gz.CountryByCode(c.CountryCode); co != nil {
			score = 2 * x.countries[co]
		}
		if graph.NameKey(c.Name) == key {
			score++
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best
}

func cityKey(c *gazetteer.City) string { return "geonames:" + strconv.Itoa(c.ID) }

// changeSet turns what was read into nodes and edges with their evidence.
func (x *extraction) changeSet(ctx context.Context, res Resolver) (*graph.ChangeSet, error) {
	b := &builder{docID: x.docID, nodes: map[graph.ID]*graph.Node{}}
	for _, ps := range x.people {
		for _, p := range ps {
			if err := x.resolvePerson(ctx, res, p); err != nil {
				return nil, fmt.Errorf("resolve %s: %w", p.name(), err)
			}
			b.person(p)
		}
	}
	// Places and organisations first, so that their nodes take the text's own spelling.
	for _, it := range x.items {
		if c := x.chooseCity(x.gz.Cities(it.Dateline), it.Dateline); c != nil && len(it.sents) > 0 {
			b.mention(b.city(x, c, it.Dateline), it.sents[0])
		}
		for _, s := range it.sents {
			for _, m := range s.marks {
				switch m.kind {
				case markOrg:
					b.mention(b.org(m.org), s)
				case markCountry, markCountryAdj:
					b.mention(b.country(m.match.Country, m.match.Text), s)
				case markRegion:
					b.mention(b.region(m.region), s)
				case markCity:
					if c := x.chooseCity(m.match.Cities, m.match.Text); c != nil {
						b.mention(b.city(x, c, m.match.Text), s)
					}
				}
			}
		}
	}
	for _, o := range x.orgs.extra {
		b.mention(b.org(o.ref), o.s)
	}
	for _, t := range x.tenures {
		b.tenure(x, t)
	}
	for _, m := range x.memberships {
		b.unsureEdge(b.country(m.country, ""), graph.RelMemberOf, b.org(m.org), m.sent, confidenceInferred)
	}
	for _, e := range x.events {
		b.event(x, e)
	}
	return b.changeSet(x.doc), nil
}

// resolvePerson gives p its ID: a full name resolves by its key; a surname alone resolves to the
// one person earlier documents stored with that surname, if there is exactly one.
func (x *extraction) resolvePerson(ctx context.Context, res Resolver, p *person) error {
	if p.given != "" || res == nil {
		p.id = graph.NewID(graph.KindPerson, personKey(p.given, p.surname))
		return nil
	}
	ids, err := res.Lookup(ctx, graph.KindPerson, p.surname)
	if err != nil {
		return err
	}
	if len(ids) == 1 {
		p.id = ids[0]
		return nil
	}
	p.id = graph.NewID(graph.KindPerson, personKey("", p.surname))
	return nil
}

// sortedNames returns the keys of a set in order.
func sortedNames(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
