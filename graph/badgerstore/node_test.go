package badgerstore

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

func TestMergeNodes(t *testing.T) {
	tests := []struct {
		name  string
		frags []graph.Node
		want  graph.Node
	}{
		{
			name: "fullest name: most words",
			frags: []graph.Node{
				{Name: "Tokayev", Aliases: []string{"Tokaev"}},
				{Name: "Kassym-Jomart Tokayev"},
				{Name: "Tokayev K."},
			},
			want: graph.Node{Name: "Kassym-Jomart Tokayev", Aliases: []string{"Tokaev", "Tokayev", "Tokayev K."}},
		},
		{
			name:  "fullest name: then longest, then first",
			frags: []graph.Node{{Name: "Zas S."}, {Name: "Stanislav Zas"}, {Name: "Stanislaw Zas"}},
			want:  graph.Node{Name: "Stanislav Zas", Aliases: []string{"Stanislaw Zas", "Zas S."}},
		},
		{
			name: "aliases deduplicated by exact string",
			frags: []graph.Node{
				{Name: "Collective Security Treaty Organization", Acronym: "CSTO", Aliases: []string{"the Organization", "CSTO"}},
				{Name: "CSTO", Aliases: []string{"the Organization", "", "Collective Security Treaty Organization"}},
			},
			want: graph.Node{Name: "Collective Security Treaty Organization", Acronym: "CSTO", Aliases: []string{"CSTO", "the Organization"}},
		},
		{
			name:  "scalars from the first fragment that has them",
			frags: []graph.Node{{Name: "Minsk"}, {PlaceKind: graph.PlaceCity}, {PlaceKind: graph.PlaceRegion}},
			want:  graph.Node{Name: "Minsk", PlaceKind: graph.PlaceCity},
		},
		{
			name: "event: earliest start, latest end, planned only if all say so",
			frags: []graph.Node{
				{Name: "Exercise", EventType: graph.EventTraining, Start: "2023-09-04", End: "2023-09-08", Planned: true},
				{Start: "2023-09", End: "2023-09-06", Planned: false},
				{EventType: graph.EventOther, Start: "2023-09-05", End: "2023", Planned: true},
			},
			want: graph.Node{Name: "Exercise", EventType: graph.EventTraining, Start: "2023-09", End: "2023-09-08"},
		},
		{
			name:  "planned by every fragment",
			frags: []graph.Node{{Name: "Summit", Planned: true}, {Planned: true}},
			want:  graph.Node{Name: "Summit", Planned: true},
		},
		{
			name: "tenure: first dates, acting if any, seen union",
			frags: []graph.Node{
				{From: "2023-01-01", Seen: []graph.Date{"2024-11-28", "2023-11-23"}},
				{From: "2023", To: "2025", Acting: true, Seen: []graph.Date{"2023-11-23", "2024"}},
			},
			want: graph.Node{From: "2023-01-01", To: "2025", Acting: true, Seen: []graph.Date{"2023-11-23", "2024", "2024-11-28"}},
		},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, mergeNodes(tt.frags)); diff != "" {
			t.Errorf("%s: mergeNodes (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestMergeAcrossDocumentsInDocumentOrder(t *testing.T) {
	// The Minsk and Yerevan documents spell the CSTO's name with as many words and letters.
	s := openMemory(t, allDocs()...)
	got, err := s.Node(context.Background(), csto)
	if err != nil {
		t.Fatal(err)
	}
	first, second := "Collective Security Treaty Organization", "Collective Security Treaty Organisation"
	if docYerevan().cs.Document.ID < docMinsk().cs.Document.ID {
		first, second = second, first
	}
	want := &graph.Node{ID: csto, Kind: graph.KindOrganization, Name: first, Acronym: "CSTO",
		Aliases: []string{"CSTO", second, "the Organisation"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Node(csto) (-want +got):\n%s", diff)
	}

	got, err = s.Node(context.Background(), tenureTasmag)
	if err != nil {
		t.Fatal(err)
	}
	want = &graph.Node{ID: tenureTasmag, Kind: graph.KindTenure, From: "2023-01", Seen: []graph.Date{"2023-11-23", "2024-11-28"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Node(tenure) (-want +got):\n%s", diff)
	}
}

func TestLookup(t *testing.T) {
	s := openMemory(t, allDocs()...)
	tests := []struct {
		kind graph.Kind
		name string
		want []graph.ID
	}{
		{graph.KindPerson, "Kassym-Jomart Tokayev", []graph.ID{tokayev}},
		{graph.KindPerson, "Kassym Zhomart Tokaev", []graph.ID{tokayev}},
		{graph.KindPerson, "TOKAEV", []graph.ID{tokayev}},
		{graph.KindPerson, "Lukashenko", []graph.ID{lukashenko}},
		{graph.KindPerson, "Tasmaghambetov", nil},
		{graph.KindOrganization, "CSTO", []graph.ID{csto}},
		{graph.KindOrganization, "the Collective Security Treaty Organisation", []graph.ID{csto}},
		{graph.KindOrganization, "CSC", []graph.ID{council}},
		{graph.KindOrganization, "Minsk", nil},
		{graph.KindPlace, "minsk", []graph.ID{minsk}},
		{graph.KindPost, "CSTO Secretary General", []graph.ID{secretaryGeneral}},
		{graph.KindPerson, "", nil},
	}
	for _, tt := range tests {
		got, err := s.Lookup(context.Background(), tt.kind, tt.name)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Lookup(%s, %q) (-want +got):\n%s", tt.kind, tt.name, diff)
		}
	}
}

// TestLookupManyDocuments looks up names that many documents state, so that the scans seek past
// a node's keys, and lists and searches the nodes of their kind the same way.
func TestLookupManyDocuments(t *testing.T) {
	s := openMemory(t)
	names := []string{"Alexander Lukashenko", "Alexander Lukashenko Jr", "Nikol Pashinyan"}
	var want []graph.ID
	for _, name := range names {
		want = append(want, graph.NewID(graph.KindPerson, name))
	}
	for d := range 12 {
		cs := newDoc(fmt.Sprint("doc ", d), "2024-01-01", "Text.")
		for i, name := range names[:1+d%3] {
			cs = cs.nodes(node(want[i], graph.KindPerson, name, "Lukashenko"))
		}
		put(t, s, cs.cs)
	}
	slices.Sort(want)
	got, err := s.Lookup(context.Background(), graph.KindPerson, "Lukashenko")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Lookup(Lukashenko) (-want +got):\n%s", diff)
	}
	page, err := s.FindNodes(context.Background(), graph.NodeFilter{Kind: graph.KindPerson}, graph.PageRequest{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, ids(page.Nodes)); diff != "" {
		t.Errorf("FindNodes of every person (-want +got):\n%s", diff)
	}
	// The name table reads past the keys of a name and node the same way.
	named, err := s.FindNodes(context.Background(), graph.NodeFilter{Kind: graph.KindPerson, Name: "Lukashenko"}, graph.PageRequest{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, ids(named.Nodes)); diff != "" {
		t.Errorf("FindNodes named Lukashenko (-want +got):\n%s", diff)
	}
	hits, err := s.Search(context.Background(), "Pashinyan", nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ID != graph.NewID(graph.KindPerson, "Nikol Pashinyan") {
		t.Errorf("Search(Pashinyan) = %+v, want Nikol Pashinyan alone", hits)
	}
}
