package loader

import (
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/gazetteer"
	"github.com/kgraph/kg/loader/text"
)

// builder collects the nodes and edges of one document's ChangeSet.
type builder struct {
	docID graph.ID
	nodes map[graph.ID]*graph.Node
	order []graph.ID
	edges []graph.Edge
}

// node returns the document's fragment of node id, creating it.
func (b *builder) node(id graph.ID, kind graph.Kind, name string) *graph.Node {
	if n, ok := b.nodes[id]; ok {
		return n
	}
	n := &graph.Node{ID: id, Kind: kind, Name: name}
	b.nodes[id] = n
	b.order = append(b.order, id)
	return n
}

// alias records another spelling of a node's name.
func alias(n *graph.Node, name string) {
	if name == "" || name == n.Name {
		return
	}
	for _, a := range n.Aliases {
		if a == name {
			return
		}
	}
	n.Aliases = append(n.Aliases, name)
}

func (b *builder) edge(from graph.ID, rel graph.Relation, to graph.ID, s *sentence) {
	b.unsureEdge(from, rel, to, s, 0)
}

// The confidences of the rules that infer a fact rather than read it from its words.
const (
	confidenceCue      = 0.8 // a participant: a person in a sentence with a participation cue
	confidenceInferred = 0.7 // a citizenship from a post, an organiser from a title, a dateline's city
	confidenceWeak     = 0.6 // a participating country: a country in a sentence with a cue
)

// unsureEdge records an edge read by a rule that is only so sure (0: sure).
func (b *builder) unsureEdge(from graph.ID, rel graph.Relation, to graph.ID, s *sentence, confidence float64) {
	e := graph.Edge{From: from, Relation: rel, To: to}
	if s != nil {
		ev := s.evidence(b.docID)
		ev.Confidence = confidence
		e.Evidence = []graph.Evidence{ev}
	}
	b.edges = append(b.edges, e)
}

// mention records that sentence s of the document names node id.
func (b *builder) mention(id graph.ID, s *sentence) { b.edge(id, graph.RelMentionedIn, b.docID, s) }

func (b *builder) person(p *person) {
	n := b.node(p.id, graph.KindPerson, p.name())
	for _, name := range sortedNames(p.names) {
		alias(n, name)
	}
	alias(n, p.surname)
	if p.patronymic != "" {
		alias(n, p.given+" "+p.patronymic+" "+p.surname)
	}
	for _, s := range p.sents {
		b.mention(p.id, s)
	}
}

func (b *builder) org(o *orgRef) graph.ID {
	id := graph.NewID(graph.KindOrganization, graph.NameKey(o.name))
	n := b.node(id, graph.KindOrganization, o.name)
	if o.acronym != "" && n.Acronym == "" {
		n.Acronym = o.acronym
	}
	if o.text != o.name && o.text != o.acronym {
		alias(n, o.text)
	}
	if o.up != nil {
		b.edge(id, graph.RelPartOf, b.org(o.up), nil)
	} else if o.parent != "" {
		parent := b.org(&orgRef{name: o.parent, text: o.parent})
		b.edge(id, graph.RelPartOf, parent, nil)
	}
	return id
}

func (b *builder) country(c *gazetteer.Country, spelled string) graph.ID {
	id := graph.NewID(graph.KindCountry, c.Code)
	n := b.node(id, graph.KindCountry, c.Name)
	if spelled != "" && graph.NameKey(spelled) != graph.NameKey(c.Name) && !isAdjective(c, spelled) {
		alias(n, spelled)
	}
	return id
}

func isAdjective(c *gazetteer.Country, word string) bool {
	for _, a := range c.Adjectives {
		if graph.NameKey(a) == graph.NameKey(word) {
			return true
		}
	}
	return false
}

func (b *builder) city(x *extraction, c *gazetteer.City, spelled string) graph.ID {
	id := graph.NewID(graph.KindPlace, cityKey(c))
	// The gazetteer's name, so that every document names a city alike; the text's spelling
	// ("Nur-Sultan", "MINSK") is an alias.
	n := b.node(id, graph.KindPlace, c.Name)
	n.PlaceKind = graph.PlaceCity
	alias(n, nameCase(spelled))
	if co := x.gz.CountryByCode(c.CountryCode); co != nil {
		b.edge(id, graph.RelLocatedIn, b.country(co, ""), nil)
	}
	return id
}

// region returns the node of a region, located in its country when the text or the gazetteer
// gives one.
func (b *builder) region(r *regionRef) graph.ID {
	id := regionID(r)
	n := b.node(id, graph.KindPlace, r.name)
	n.PlaceKind = graph.PlaceRegion
	if r.country != nil {
		b.edge(id, graph.RelLocatedIn, b.country(r.country, ""), nil)
	}
	return id
}

func (b *builder) tenure(x *extraction, t tenure) {
	postKey := t.title
	var ownerOrg, ownerCountry graph.ID
	switch {
	case t.org != nil:
		ownerOrg = b.org(t.org)
		postKey += "|" + string(ownerOrg)
	case t.country != nil:
		ownerCountry = b.country(t.country, "")
		postKey += "|" + string(ownerCountry)
	}
	postID := graph.NewID(graph.KindPost, graph.NameKey(postKey))
	b.node(postID, graph.KindPost, t.title)
	if ownerOrg != "" {
		b.edge(postID, graph.RelPostOrganization, ownerOrg, t.sent)
	}
	if ownerCountry != "" {
		b.edge(postID, graph.RelPostCountry, ownerCountry, t.sent)
		b.unsureEdge(t.person.id, graph.RelCitizenOf, ownerCountry, t.sent, confidenceInferred)
	}
	tenureID := graph.NewID(graph.KindTenure, string(t.person.id)+"|"+string(postID))
	spelled := t.spelled
	if spelled == "" {
		spelled = t.title
	}
	n := b.node(tenureID, graph.KindTenure, spelled)
	n.Acting = n.Acting || t.acting
	if t.from != "" {
		n.From, n.To = t.from, t.to
	}
	if d := t.sent.item.Date; d != "" {
		n.Seen = append(n.Seen, d)
	}
	b.edge(tenureID, graph.RelHolder, t.person.id, t.sent)
	b.edge(tenureID, graph.RelTenurePost, postID, t.sent)
}

func (b *builder) event(x *extraction, e *event) {
	id := x.eventID(e)
	n := b.node(id, graph.KindEvent, e.title)
	n.EventType, n.Start, n.End, n.Planned = e.typ, e.start, e.end, e.planned
	first := e.sents[0]
	factSent := func() *sentence {
		for _, s := range e.sents {
			if e.facts[s] {
				return s
			}
		}
		return first
	}()
	for _, s := range e.sents {
		b.mention(id, s)
	}
	if e.city != nil {
		confidence := 0.0
		if e.cityByDateline {
			confidence = confidenceInferred
		}
		b.unsureEdge(id, graph.RelHeldIn, b.city(x, e.city, ""), factSent, confidence)
	}
	if e.country != nil {
		b.edge(id, graph.RelInCountry, b.country(e.country, ""), factSent)
	} else if e.city != nil {
		if co := x.gz.CountryByCode(e.city.CountryCode); co != nil {
			b.edge(id, graph.RelInCountry, b.country(co, ""), factSent)
		}
	}
	if e.venue != "" {
		country := ""
		if e.country != nil {
			country = e.country.Code
		}
		vid := graph.NewID(graph.KindPlace, graph.NameKey(e.venue)+"|"+country)
		v := b.node(vid, graph.KindPlace, e.venue)
		v.PlaceKind = graph.PlaceVenue
		b.edge(id, graph.RelAtVenue, vid, factSent)
		if e.country != nil {
			b.edge(vid, graph.RelLocatedIn, b.country(e.country, ""), factSent)
		}
	}
	if e.venue == "" && e.region != nil {
		b.edge(id, graph.RelAtVenue, b.region(e.region), factSent)
	}
	for _, c := range e.chairs {
		if c.person != nil {
			b.edge(id, graph.RelChairedBy, c.person.id, c.sent)
		} else {
			b.edge(id, graph.RelChairedBy, b.country(c.country, ""), c.sent)
		}
	}
	for _, p := range e.persons {
		confidence := confidenceCue
		if e.chairedBy(p) {
			confidence = 0
		}
		b.unsureEdge(id, graph.RelParticipant, p.id, personSentence(e, p), confidence)
	}
	for _, c := range e.countries {
		b.unsureEdge(id, graph.RelParticipantCountry, b.country(c, ""), first, confidenceWeak)
	}
	for _, o := range e.organizers {
		b.unsureEdge(id, graph.RelOrganizedBy, b.org(o), first, confidenceInferred)
	}
	for _, o := range e.organizedBy {
		b.edge(id, graph.RelOrganizedBy, b.org(o.org), o.sent)
	}
	for _, o := range e.participantOrgs {
		b.edge(id, graph.RelParticipantOrg, b.org(o.org), o.sent)
	}
	if e.partOf != nil {
		b.edge(id, graph.RelEventPartOf, x.eventID(e.partOf), first)
	}
}

// personSentence returns the event's sentence that names p.
func personSentence(e *event, p *person) *sentence {
	for _, s := range e.sents {
		for _, m := range s.marks {
			if m.person == p {
				return s
			}
		}
	}
	return e.sents[0]
}

// changeSet returns the collected nodes and edges with the document node.
func (b *builder) changeSet(doc *text.Document) *graph.ChangeSet {
	cs := &graph.ChangeSet{Document: graph.Node{ID: b.docID, Kind: graph.KindDocument, Name: doc.Title,
		Source: doc.Source, Published: doc.Published, Text: doc.Text}}
	for _, id := range b.order {
		cs.Nodes = append(cs.Nodes, *b.nodes[id])
	}
	cs.Edges = b.edges
	return cs
}
