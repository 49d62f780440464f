package badgerstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

func TestMatchesName(t *testing.T) {
	tests := []struct {
		query, name string
		want        bool
	}{
		{"Masadykov", "Talatbek Masadykov", true},
		{"Masadikov", "Talatbek Masadykov", true},
		{"Talatbek Masadykov", "Talatbek Masadykov", true},
		{"Talatbek", "Talatbek Masadykov", true},
		{"Collective Council", "CSTO Collective Security Council", true},
		{"Masad", "Talatbek Masadykov", false},
		{"Masadykov Talatbek", "Talatbek Masadykov", false},
		{"Talatbek Masadykov", "Masadykov", false},
		{"-", "Talatbek Masadykov", false},
	}
	for _, tt := range tests {
		query := strings.Fields(graph.NameKey(tt.query))
		if got := matchesName(query, graph.NameKey(tt.name)); got != tt.want {
			t.Errorf("matchesName(%q, %q) = %v, want %v", tt.query, tt.name, got, tt.want)
		}
	}
}

func TestFindNodesFilters(t *testing.T) {
	s := openMemory(t, allDocs()...)
	tests := []struct {
		filter graph.NodeFilter
		want   []graph.ID
	}{
		{graph.NodeFilter{Kind: graph.KindPerson}, []graph.ID{lukashenko, pashinyan, tokayev, tasmagambetov, zas}},
		{graph.NodeFilter{Kind: graph.KindPerson, Name: "Tasmagambetov"}, []graph.ID{tasmagambetov}},
		{graph.NodeFilter{Kind: graph.KindPerson, Name: "Kassym Zhomart"}, []graph.ID{tokayev}},
		{graph.NodeFilter{Kind: graph.KindPerson, Name: "Imangali Tasmagambetov Zas"}, nil},
		{graph.NodeFilter{Kind: graph.KindOrganization, Name: "CSTO"}, []graph.ID{csto, council}},
		{graph.NodeFilter{Kind: graph.KindOrganization, Name: "CSC"}, []graph.ID{council}},
		{graph.NodeFilter{Kind: graph.KindPlace, PlaceKind: graph.PlaceCity}, []graph.ID{minsk, yerevan, astana}},
		{graph.NodeFilter{Kind: graph.KindPlace, PlaceKind: graph.PlaceRegion}, []graph.ID{brest}},
		{graph.NodeFilter{Kind: graph.KindPlace, Country: "Belarus"}, []graph.ID{minsk, brest}},
		{graph.NodeFilter{Kind: graph.KindPlace, Country: "Belarus", PlaceKind: graph.PlaceCity}, []graph.ID{minsk}},
		{graph.NodeFilter{Kind: graph.KindPlace, Country: "Armenia"}, nil},
		{graph.NodeFilter{Kind: graph.KindPerson, Post: "Secretary General"}, []graph.ID{tasmagambetov, zas}},
		{graph.NodeFilter{Kind: graph.KindPerson, Post: "Prime Minister"}, nil},
		{graph.NodeFilter{Kind: graph.KindPerson, Organization: "CSTO"}, []graph.ID{tasmagambetov, zas}},
		{graph.NodeFilter{Kind: graph.KindPerson, Organization: "Collective Security Treaty Organization", Post: "Secretary General"}, []graph.ID{tasmagambetov, zas}},
		{graph.NodeFilter{Kind: graph.KindPerson, Organization: "Shanghai Cooperation Organisation", Post: "Secretary General"}, nil},
		{graph.NodeFilter{Kind: graph.KindPerson, Name: "Zas", Post: "Secretary General"}, []graph.ID{zas}},
		{graph.NodeFilter{Kind: graph.KindPost, Post: "Secretary General"}, []graph.ID{secretaryGeneral}},
		{graph.NodeFilter{Kind: graph.KindPost, Organization: "CSTO"}, []graph.ID{secretaryGeneral}},
		{graph.NodeFilter{Kind: graph.KindPost, Organization: "CSC"}, nil},
		{graph.NodeFilter{Kind: graph.KindCountry, Name: "Kazakhstan", Post: "ignored"}, []graph.ID{kazakhstan}},
	}
	for _, tt := range tests {
		page, err := s.FindNodes(context.Background(), tt.filter, graph.PageRequest{First: 100})
		if err != nil {
			t.Fatalf("FindNodes(%+v): %v", tt.filter, err)
		}
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if diff := cmp.Diff(want, ids(page.Nodes)); diff != "" {
			t.Errorf("FindNodes(%+v) (-want +got):\n%s", tt.filter, diff)
		}
		if page.Total != len(want) || page.HasNext {
			t.Errorf("FindNodes(%+v): Total %d, HasNext %v; want %d, false", tt.filter, page.Total, page.HasNext, len(want))
		}
	}
}

func ids(nodes []*graph.Node) []graph.ID {
	var ids []graph.ID
	for _, n := range nodes {
		ids = append(ids, n.ID)
	}
	return ids
}

// people returns a document naming n people.
func people(key string, n int) *graph.ChangeSet {
	d := newDoc(key, "2024-01-01", "A list of delegates.")
	for i := range n {
		name := fmt.Sprintf("Delegate %s %d", key, i)
		d = d.nodes(node(graph.NewID(graph.KindPerson, name), graph.KindPerson, name))
	}
	return d.cs
}

func TestFindNodesPages(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t, people("a", 23))
	filter := graph.NodeFilter{Kind: graph.KindPerson}
	all, err := s.FindNodes(ctx, filter, graph.PageRequest{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	var got []*graph.Node
	var cursors []string
	after := ""
	for {
		page, err := s.FindNodes(ctx, filter, graph.PageRequest{First: 5, After: after})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 23 || len(page.Nodes) != len(page.Cursors) {
			t.Fatalf("page after %q: Total %d, %d nodes, %d cursors", after, page.Total, len(page.Nodes), len(page.Cursors))
		}
		got = append(got, page.Nodes...)
		cursors = append(cursors, page.Cursors...)
		if !page.HasNext {
			break
		}
		after = page.Cursors[len(page.Cursors)-1]
	}
	if diff := cmp.Diff(all.Nodes, got); diff != "" {
		t.Errorf("pages concatenated (-one page +pages):\n%s", diff)
	}

	// A cursor keeps its place when nodes are added before and after it.
	put(t, s, people("b", 10))
	all, err = s.FindNodes(ctx, filter, graph.PageRequest{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.FindNodes(ctx, filter, graph.PageRequest{First: 4, After: cursors[9]})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(all.Nodes, func(n *graph.Node) bool { return n.ID == got[9].ID })
	if diff := cmp.Diff(ids(all.Nodes[i+1:i+5]), ids(page.Nodes)); diff != "" || page.Total != 33 {
		t.Errorf("page after the tenth node, Total %d (want 33) (-want +got):\n%s", page.Total, diff)
	}

	if page, err := s.FindNodes(ctx, filter, graph.PageRequest{First: 0}); err != nil || len(page.Nodes) != 0 || page.Total != 33 || !page.HasNext {
		t.Errorf("FindNodes(First 0) = %d nodes, Total %d, HasNext %v, %v; want 0, 33, true", len(page.Nodes), page.Total, page.HasNext, err)
	}
	for _, p := range []graph.PageRequest{{First: -1}, {First: 1, After: "!"}, {First: 1, After: "AAAA"}} {
		if _, err := s.FindNodes(ctx, filter, p); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("FindNodes(%+v) error = %v, want ErrInvalid", p, err)
		}
	}
	if _, err := s.FindNodes(ctx, graph.NodeFilter{}, graph.PageRequest{First: 1}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("FindNodes(no kind) error = %v, want ErrInvalid", err)
	}
}

// TestFindNodesPagesOfKind walks every kind in pages of several sizes: the pages, read from the
// kind index at their cursors, give every node of the kind once, in ID order, with the total
// that listing the whole kind gives.
func TestFindNodesPagesOfKind(t *testing.T) {
	s := openMemory(t, allDocs()...)
	ctx := context.Background()
	for _, kind := range graph.Kinds {
		var want []graph.ID
		err := s.view(ctx, func(txn *badger.Txn) error {
			x := s.newIndex(ctx, txn)
			defer x.close()
			for _, id := range x.kind(kind) {
				want = append(want, formatID(id))
			}
			return x.err
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range []int{1, 2, 3, 1000} {
			var got []graph.ID
			req := graph.PageRequest{First: size}
			for {
				page, err := s.FindNodes(ctx, graph.NodeFilter{Kind: kind}, req)
				if err != nil {
					t.Fatal(err)
				}
				if page.Total != len(want) || len(page.Nodes) > size {
					t.Errorf("%s in pages of %d: total %d, page of %d; want total %d", kind, size, page.Total, len(page.Nodes), len(want))
				}
				for _, n := range page.Nodes {
					got = append(got, n.ID)
				}
				if !page.HasNext {
					break
				}
				req.After = page.Cursors[len(page.Cursors)-1]
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s in pages of %d: %v, want %v", kind, size, got, want)
			}
		}
	}
}

// TestFindNodesCursorOfDeletedNode continues a listing from the cursor of a node that a
// delete has removed since: the page starts at the next node.
func TestFindNodesCursorOfDeletedNode(t *testing.T) {
	s := openMemory(t, allDocs()...)
	ctx := context.Background()
	all, err := s.FindNodes(ctx, graph.NodeFilter{Kind: graph.KindPerson}, graph.PageRequest{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(all.Nodes, func(n *graph.Node) bool { return n.ID == pashinyan })
	if i < 0 || i == len(all.Nodes)-1 {
		t.Fatalf("want Pashinyan, described by one document, before the last person: %d of %d", i, len(all.Nodes))
	}
	if err := s.DeleteDocument(ctx, docYerevan().cs.Document.ID); err != nil {
		t.Fatal(err)
	}
	page, err := s.FindNodes(ctx, graph.NodeFilter{Kind: graph.KindPerson}, graph.PageRequest{First: 1, After: all.Cursors[i]})
	if err != nil {
		t.Fatal(err)
	}
	next := all.Nodes[i+1].ID
	if next == zas { // Yerevan's document was the only one to describe Zas too
		next = all.Nodes[i+2].ID
	}
	if len(page.Nodes) != 1 || page.Nodes[0].ID != next {
		t.Errorf("page after a deleted node: %v, want %s", page.Nodes, next)
	}
}
