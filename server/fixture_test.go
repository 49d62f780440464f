package server

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/badgerstore"
)

// id is the ID of the test node of a kind with a name; the fixture keys every node by the
// NameKey of its name, so tests and golden queries can name nodes instead of quoting UUIDs.
func id(kind graph.Kind, name string) graph.ID { return graph.NewID(kind, graph.NameKey(name)) }

// docBuilder builds the ChangeSet of one test document. Every edge carries one sentence of the
// document as evidence, found in its text so that offsets are right.
type docBuilder struct {
	t  testing.TB
	cs graph.ChangeSet
}

func newDoc(t testing.TB, source string, published graph.Date, title, text string) *docBuilder {
	d := graph.Node{ID: id(graph.KindDocument, source), Kind: graph.KindDocument, Name: title,
		Source: source, Published: published, Text: text, Hash: source}
	return &docBuilder{t: t, cs: graph.ChangeSet{Document: d}}
}

// node adds n, keyed by its name, and returns its ID.
func (b *docBuilder) node(n graph.Node) graph.ID {
	n.ID = id(n.Kind, n.Name)
	b.cs.Nodes = append(b.cs.Nodes, n)
	return n.ID
}

// tenure adds the tenure of a person in a post and its two edges; it is keyed by the person's
// name and the post's title, joined by a space.
func (b *docBuilder) tenure(person, post string, n graph.Node, sentence string) {
	n.Kind, n.ID = graph.KindTenure, id(graph.KindTenure, person+" "+post)
	b.cs.Nodes = append(b.cs.Nodes, n)
	b.edge(n.ID, graph.RelHolder, id(graph.KindPerson, person), sentence)
	b.edge(n.ID, graph.RelTenurePost, id(graph.KindPost, post), sentence)
}

// edge adds an edge whose evidence is sentence, which must occur in the document's text.
func (b *docBuilder) edge(from graph.ID, rel graph.Relation, to graph.ID, sentence string) {
	b.t.Helper()
	offset := strings.Index(b.cs.Document.Text, sentence)
	if offset < 0 {
		b.t.Fatalf("sentence %q is not in the text of %s", sentence, b.cs.Document.Source)
	}
	ev := graph.Evidence{Document: b.cs.Document.ID, Sentence: sentence, Offset: offset}
	b.cs.Edges = append(b.cs.Edges, graph.Edge{From: from, Relation: rel, To: to, Evidence: []graph.Evidence{ev}})
}

// mention adds the mentioned-in edges of nodes to the document.
func (b *docBuilder) mention(sentence string, nodes ...graph.ID) {
	for _, n := range nodes {
		b.edge(n, graph.RelMentionedIn, b.cs.Document.ID, sentence)
	}
}

const astanaText = `28.11.2024
Astana hosted a session of the CSTO Collective Security Council
On 28 November, a session of the CSTO Collective Security Council was held at the Palace of Independence in Astana under the chairmanship of the President of Kazakhstan Kassym-Jomart Tokayev. Russian President Vladimir Putin and Belarusian President Alexander Lukashenko took part in the session. Kazakhstan, Russia and Belarus are member states of the Collective Security Treaty Organization. On the eve, Russian Foreign Minister Sergey Lavrov attended a meeting of the CSTO Council of Foreign Ministers, which Kazakhstan chaired.
`

const moscowText = `15.01.2025
Imangali Tasmagambetov held consultations in Moscow
CSTO Secretary General Imangali Tasmagambetov, who has headed the Organization since January 2023, held consultations in Moscow on 14 January on the priorities of the Russian chairmanship in 2025. The consultations were chaired by the CSTO Secretariat. The next session of the CSTO Collective Security Council will be held in Moscow in November 2025. Tasmagambetov recalled that Russian President Vladimir Putin had invited the leaders to the Russian capital.
`

// The sentences of the documents that the edges cite.
const (
	sAstanaSession = "On 28 November, a session of the CSTO Collective Security Council was held at the Palace of Independence in Astana under the chairmanship of the President of Kazakhstan Kassym-Jomart Tokayev."
	sAstanaGuests  = "Russian President Vladimir Putin and Belarusian President Alexander Lukashenko took part in the session."
	sMembers       = "Kazakhstan, Russia and Belarus are member states of the Collective Security Treaty Organization."
	sMinisters     = "On the eve, Russian Foreign Minister Sergey Lavrov attended a meeting of the CSTO Council of Foreign Ministers, which Kazakhstan chaired."
	sConsultations = "CSTO Secretary General Imangali Tasmagambetov, who has headed the Organization since January 2023, held consultations in Moscow on 14 January on the priorities of the Russian chairmanship in 2025."
	sChairedBy     = "The consultations were chaired by the CSTO Secretariat."
	sNextSession   = "The next session of the CSTO Collective Security Council will be held in Moscow in November 2025."
	sInvitation    = "Tasmagambetov recalled that Russian President Vladimir Putin had invited the leaders to the Russian capital."
)

const dushanbeText = `02.12.2021
Stanislav Zas took part in the session in Dushanbe
CSTO Secretary General Stanislav Zas took part in the session of the CSTO Collective Security Council in Dushanbe on 16 September 2021. President of Tajikistan Emomali Rahmon chaired the session. Zas and Rahmon discussed the situation on the Tajik-Afghan border.
`

const (
	sDushanbeSession = "CSTO Secretary General Stanislav Zas took part in the session of the CSTO Collective Security Council in Dushanbe on 16 September 2021."
	sRahmonChaired   = "President of Tajikistan Emomali Rahmon chaired the session."
	sBorder          = "Zas and Rahmon discussed the situation on the Tajik-Afghan border."
)

// The sources of the test documents.
const (
	astanaSource   = "https://example.org/news/2024-11-28-astana-session"
	moscowSource   = "https://example.org/news/2025-01-15-moscow-consultations"
	dushanbeSource = "https://example.org/news/2021-12-02-dushanbe-session"
)

// newTestStore returns an in-memory store holding three documents: a summit in Astana with a
// ministers' meeting on its eve, consultations in Moscow announcing the next summit, and a
// summit in Dushanbe in 2021 attended by the Secretary General of the time, whose tenure the
// text gives only by the dates he was seen in it.
func newTestStore(t testing.TB) graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := badgerstore.Open(ctx, badgerstore.Config{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, cs := range []*graph.ChangeSet{astanaDocument(t), moscowDocument(t), dushanbeDocument(t)} {
		if err := st.PutDocument(ctx, cs); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// organizations adds the CSTO and the bodies that both documents name.
func organizations(b *docBuilder, sentence string) (csto, council graph.ID) {
	csto = b.node(graph.Node{Kind: graph.KindOrganization, Name: "Collective Security Treaty Organization", Acronym: "CSTO", Aliases: []string{"the Organization"}})
	council = b.node(graph.Node{Kind: graph.KindOrganization, Name: "Collective Security Council", Aliases: []string{"CSC", "CSTO Collective Security Council"}})
	b.edge(council, graph.RelPartOf, csto, sentence)
	return csto, council
}

func astanaDocument(t testing.TB) *graph.ChangeSet {
	b := newDoc(t, astanaSource, "2024-11-28", "Astana hosted a session of the CSTO Collective Security Council", astanaText)
	csto, council := organizations(b, sAstanaSession)
	ministers := b.node(graph.Node{Kind: graph.KindOrganization, Name: "Council of Foreign Ministers", Acronym: "CFM", Aliases: []string{"CSTO Council of Foreign Ministers"}})
	b.edge(ministers, graph.RelPartOf, csto, sMinisters)

	kazakhstan := b.node(graph.Node{Kind: graph.KindCountry, Name: "Kazakhstan"})
	russia := b.node(graph.Node{Kind: graph.KindCountry, Name: "Russia", Aliases: []string{"Russian Federation"}})
	belarus := b.node(graph.Node{Kind: graph.KindCountry, Name: "Belarus"})
	for _, c := range []graph.ID{kazakhstan, russia, belarus} {
		b.edge(c, graph.RelMemberOf, csto, sMembers)
	}
	astana := b.node(graph.Node{Kind: graph.KindPlace, Name: "Astana", PlaceKind: graph.PlaceCity})
	palace := b.node(graph.Node{Kind: graph.KindPlace, Name: "Palace of Independence", PlaceKind: graph.PlaceVenue})
	b.edge(astana, graph.RelLocatedIn, kazakhstan, sAstanaSession)
	b.edge(palace, graph.RelLocatedIn, kazakhstan, sAstanaSession)

	tokayev := b.node(graph.Node{Kind: graph.KindPerson, Name: "Kassym-Jomart Tokayev", Aliases: []string{"Tokayev"}})
	putin := b.node(graph.Node{Kind: graph.KindPerson, Name: "Vladimir Putin"})
	lukashenko := b.node(graph.Node{Kind: graph.KindPerson, Name: "Alexander Lukashenko"})
	lavrov := b.node(graph.Node{Kind: graph.KindPerson, Name: "Sergey Lavrov"})
	b.edge(tokayev, graph.RelCitizenOf, kazakhstan, sAstanaSession)
	b.edge(putin, graph.RelCitizenOf, russia, sAstanaGuests)
	b.edge(lukashenko, graph.RelCitizenOf, belarus, sAstanaGuests)
	b.edge(lavrov, graph.RelCitizenOf, russia, sMinisters)

	presidents := []struct {
		person, title, sentence string
		country                 graph.ID
	}{
		{"Kassym-Jomart Tokayev", "President of Kazakhstan", sAstanaSession, kazakhstan},
		{"Vladimir Putin", "President of Russia", sAstanaGuests, russia},
		{"Alexander Lukashenko", "President of Belarus", sAstanaGuests, belarus},
	}
	for _, p := range presidents {
		post := b.node(graph.Node{Kind: graph.KindPost, Name: p.title})
		b.edge(post, graph.RelPostCountry, p.country, p.sentence)
		b.tenure(p.person, p.title, graph.Node{Seen: []graph.Date{"2024-11-28"}}, p.sentence)
	}
	minister := b.node(graph.Node{Kind: graph.KindPost, Name: "Minister of Foreign Affairs of Russia"})
	b.edge(minister, graph.RelPostCountry, russia, sMinisters)
	b.tenure("Sergey Lavrov", "Minister of Foreign Affairs of Russia", graph.Node{Name: "Foreign Minister", Seen: []graph.Date{"2024-11-27"}}, sMinisters)

	session := b.node(graph.Node{Kind: graph.KindEvent, Name: "Session of the CSTO Collective Security Council in Astana",
		EventType: graph.EventSession, Start: "2024-11-28"})
	b.edge(session, graph.RelHeldIn, astana, sAstanaSession)
	b.edge(session, graph.RelAtVenue, palace, sAstanaSession)
	b.edge(session, graph.RelInCountry, kazakhstan, sAstanaSession)
	b.edge(session, graph.RelChairedBy, tokayev, sAstanaSession)
	b.edge(session, graph.RelOrganizedBy, council, sAstanaSession)
	for _, p := range []graph.ID{tokayev, putin, lukashenko} {
		b.edge(session, graph.RelParticipant, p, sAstanaGuests)
	}
	for _, c := range []graph.ID{kazakhstan, russia, belarus} {
		b.edge(session, graph.RelParticipantCountry, c, sAstanaGuests)
	}
	b.mention(sAstanaSession, session, tokayev)
	b.mention(sAstanaGuests, session, putin, lukashenko)

	meeting := b.node(graph.Node{Kind: graph.KindEvent, Name: "Meeting of the CSTO Council of Foreign Ministers",
		EventType: graph.EventMeeting, Start: "2024-11-27"})
	b.edge(meeting, graph.RelHeldIn, astana, sMinisters)
	b.edge(meeting, graph.RelInCountry, kazakhstan, sMinisters)
	b.edge(meeting, graph.RelChairedBy, kazakhstan, sMinisters)
	b.edge(meeting, graph.RelOrganizedBy, ministers, sMinisters)
	b.edge(meeting, graph.RelParticipant, lavrov, sMinisters)
	b.edge(meeting, graph.RelParticipantCountry, russia, sMinisters)
	b.edge(meeting, graph.RelEventPartOf, session, sMinisters)
	b.mention(sMinisters, meeting, lavrov)
	return &b.cs
}

func moscowDocument(t testing.TB) *graph.ChangeSet {
	b := newDoc(t, moscowSource, "2025-01-15", "Imangali Tasmagambetov held consultations in Moscow", moscowText)
	csto, council := organizations(b, sNextSession)
	secretariat := b.node(graph.Node{Kind: graph.KindOrganization, Name: "CSTO Secretariat"})
	b.edge(secretariat, graph.RelPartOf, csto, sChairedBy)

	russia := b.node(graph.Node{Kind: graph.KindCountry, Name: "Russia"})
	moscow := b.node(graph.Node{Kind: graph.KindPlace, Name: "Moscow", PlaceKind: graph.PlaceCity})
	b.edge(moscow, graph.RelLocatedIn, russia, sConsultations)

	tasmagambetov := b.node(graph.Node{Kind: graph.KindPerson, Name: "Imangali Tasmagambetov", Aliases: []string{"Tasmagambetov"}})
	putin := b.node(graph.Node{Kind: graph.KindPerson, Name: "Vladimir Putin"})
	secretary := b.node(graph.Node{Kind: graph.KindPost, Name: "Secretary General"})
	b.edge(secretary, graph.RelPostOrganization, csto, sConsultations)
	b.tenure("Imangali Tasmagambetov", "Secretary General", graph.Node{From: "2023-01", Seen: []graph.Date{"2025-01-15"}}, sConsultations)
	president := b.node(graph.Node{Kind: graph.KindPost, Name: "President of Russia"})
	b.edge(president, graph.RelPostCountry, russia, sInvitation)
	b.tenure("Vladimir Putin", "President of Russia", graph.Node{Seen: []graph.Date{"2025-01-15"}}, sInvitation)

	consultations := b.node(graph.Node{Kind: graph.KindEvent, Name: "Consultations on the priorities of the Russian chairmanship of the CSTO",
		EventType: graph.EventConsultation, Start: "2025-01-14"})
	b.edge(consultations, graph.RelHeldIn, moscow, sConsultations)
	b.edge(consultations, graph.RelInCountry, russia, sConsultations)
	b.edge(consultations, graph.RelChairedBy, secretariat, sChairedBy)
	b.edge(consultations, graph.RelParticipant, tasmagambetov, sConsultations)
	b.edge(consultations, graph.RelParticipantOrg, secretariat, sChairedBy)
	b.mention(sConsultations, consultations, tasmagambetov)

	next := b.node(graph.Node{Kind: graph.KindEvent, Name: "Session of the CSTO Collective Security Council in Moscow",
		EventType: graph.EventSession, Start: "2025-11", Planned: true})
	b.edge(next, graph.RelHeldIn, moscow, sNextSession)
	b.edge(next, graph.RelInCountry, russia, sNextSession)
	b.edge(next, graph.RelOrganizedBy, council, sNextSession)
	b.mention(sNextSession, next)
	b.mention(sInvitation, putin)
	return &b.cs
}

func dushanbeDocument(t testing.TB) *graph.ChangeSet {
	b := newDoc(t, dushanbeSource, "2021-12-02", "Stanislav Zas took part in the session in Dushanbe", dushanbeText)
	csto, council := organizations(b, sDushanbeSession)
	tajikistan := b.node(graph.Node{Kind: graph.KindCountry, Name: "Tajikistan"})
	dushanbe := b.node(graph.Node{Kind: graph.KindPlace, Name: "Dushanbe", PlaceKind: graph.PlaceCity})
	b.edge(dushanbe, graph.RelLocatedIn, tajikistan, sDushanbeSession)

	zas := b.node(graph.Node{Kind: graph.KindPerson, Name: "Stanislav Zas", Aliases: []string{"Zas"}})
	rahmon := b.node(graph.Node{Kind: graph.KindPerson, Name: "Emomali Rahmon", Aliases: []string{"Rahmon"}})
	b.edge(rahmon, graph.RelCitizenOf, tajikistan, sRahmonChaired)
	secretary := b.node(graph.Node{Kind: graph.KindPost, Name: "Secretary General"})
	b.edge(secretary, graph.RelPostOrganization, csto, sDushanbeSession)
	b.tenure("Stanislav Zas", "Secretary General", graph.Node{Seen: []graph.Date{"2021-09-16", "2021-12-02"}}, sDushanbeSession)
	president := b.node(graph.Node{Kind: graph.KindPost, Name: "President of Tajikistan"})
	b.edge(president, graph.RelPostCountry, tajikistan, sRahmonChaired)
	b.tenure("Emomali Rahmon", "President of Tajikistan", graph.Node{Seen: []graph.Date{"2021-09-16"}}, sRahmonChaired)

	session := b.node(graph.Node{Kind: graph.KindEvent, Name: "Session of the CSTO Collective Security Council in Dushanbe",
		EventType: graph.EventSession, Start: "2021-09-16"})
	b.edge(session, graph.RelHeldIn, dushanbe, sDushanbeSession)
	b.edge(session, graph.RelInCountry, tajikistan, sDushanbeSession)
	b.edge(session, graph.RelOrganizedBy, council, sDushanbeSession)
	b.edge(session, graph.RelChairedBy, rahmon, sRahmonChaired)
	b.edge(session, graph.RelParticipant, zas, sDushanbeSession)
	b.edge(session, graph.RelParticipant, rahmon, sRahmonChaired)
	b.edge(session, graph.RelParticipantCountry, tajikistan, sRahmonChaired)
	b.mention(sDushanbeSession, session, zas)
	b.mention(sBorder, zas, rahmon)
	return &b.cs
}
