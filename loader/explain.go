package loader

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/gazetteer"
	"github.com/kgraph/kg/loader/text"
)

// Explanation is what the loader read in one document, sentence by sentence: what it recognised
// and which facts each sentence is the evidence of.
type Explanation struct {
	Source    string
	Published graph.Date
	Sentences []SentenceReading
}

// SentenceReading is what the loader read in one sentence.
type SentenceReading struct {
	Item       int        // the news item's number in the document, from 1
	ItemDate   graph.Date // the date that dates the item's facts
	Offset     int
	Text       string
	Recognised []string // "Person: Valery Semerikov", "Date: September 4 = 2025-09-04", …
	Facts      []string // "Event 16th meeting … -held-in-> Place Cholpon-Ata (rule: …)"
}

// markNames name the kinds of what a sentence mark recognised.
var markNames = map[markKind]string{
	markCountry: "Country", markCountryAdj: "Country adjective", markCity: "City", markOrg: "Organization",
	markPost: "Post title", markRank: "Rank", markPerson: "Person", markRegion: "Region",
}

// relationRules say which rule family states each relation, for a reader of Explain.
var relationRules = map[graph.Relation]string{
	graph.RelHolder:             "a post title before a name, or after it in apposition",
	graph.RelTenurePost:         "the post named by the title",
	graph.RelPostOrganization:   "the title's owner: an organisation before the title or after it with \"of\"",
	graph.RelPostCountry:        "the title's owner: a country or its adjective before the title, or \"of\" a country after it",
	graph.RelCitizenOf:          "the country whose post the person holds",
	graph.RelPartOf:             "a body of an organisation (gazetteer, or \"X of Y\")",
	graph.RelMemberOf:           "\"member states\" of an organisation with a list of countries, \"X joined\" or \"became a member of\"",
	graph.RelLocatedIn:          "the gazetteer's country of the place, or the country the text gives",
	graph.RelHeldIn:             "a city in the sentence that names the event, or the item's dateline",
	graph.RelAtVenue:            "\"at\" a venue, or a region, in the sentence that names the event",
	graph.RelInCountry:          "\"in\" a country in the sentence that names the event, else the city's country",
	graph.RelChairedBy:          "a chairing cue: \"under the chairmanship of\", \"chaired by\", \"X chaired\"",
	graph.RelOrganizedBy:        "\"organized/hosted by\", \"at the initiative of\", or (unsure) the body named in the event's title",
	graph.RelParticipant:        "a person in a sentence of the event with a participation cue (took part, attended, met …)",
	graph.RelParticipantOrg:     "\"with the participation of\" an organisation, or an organisation that \"took part\"",
	graph.RelParticipantCountry: "a country in a sentence of the event with a participation cue",
	graph.RelEventPartOf:        "\"as part of\", \"on the margins/sidelines of\"",
}

// Explain reads a document as Load would and reports, sentence by sentence, what it recognised
// and the facts each sentence states. Nothing is stored; res may be nil.
func Explain(ctx context.Context, gz *gazetteer.Gazetteer, res Resolver, name string, data []byte) (*Explanation, error) {
	doc, err := text.Read(name, data)
	if err != nil {
		return nil, fmt.Errorf("explain %s: %w", name, err)
	}
	docID := graph.NewID(graph.KindDocument, name)
	x, cs, err := extract(ctx, gz, res, docID, doc)
	if err != nil {
		return nil, fmt.Errorf("explain %s: %w", name, err)
	}
	names := map[graph.ID]string{docID: "Document"}
	for _, n := range cs.Nodes {
		names[n.ID] = n.Kind.String() + " " + n.Name
	}
	facts := map[int][]string{} // by sentence offset
	seen := map[string]bool{}
	for _, e := range cs.Edges {
		if e.Relation == graph.RelMentionedIn {
			continue
		}
		for _, ev := range e.Evidence {
			f := fmt.Sprintf("%s -%s-> %s (rule: %s)", names[e.From], e.Relation, names[e.To], relationRules[e.Relation])
			if ev.Confidence > 0 {
				f += fmt.Sprintf(" (confidence %.1f)", ev.Confidence)
			}
			if key := fmt.Sprint(ev.Offset, f); !seen[key] {
				seen[key] = true
				facts[ev.Offset] = append(facts[ev.Offset], f)
			}
		}
	}
	out := &Explanation{Source: doc.Source, Published: doc.Published}
	for i, it := range x.items {
		for _, s := range it.sents {
			r := SentenceReading{Item: i + 1, ItemDate: it.Date, Offset: s.Offset, Text: s.Text, Facts: facts[s.Offset]}
			for _, m := range s.marks {
				r.Recognised = append(r.Recognised, markNames[m.kind]+": "+s.span(m.from, m.to))
			}
			for _, d := range s.dates {
				when := string(d.Start)
				if d.End != "" {
					when += " to " + string(d.End)
				}
				r.Recognised = append(r.Recognised, fmt.Sprintf("Date: %s = %s", d.Text, when))
			}
			sort.Strings(r.Facts)
			out.Sentences = append(out.Sentences, r)
		}
	}
	return out, nil
}

// Write prints the explanation as text, a block per sentence.
func (e *Explanation) Write(w io.Writer) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "source: %s\npublished: %s\n", e.Source, orUnknown(e.Published))
	for _, s := range e.Sentences {
		fmt.Fprintf(&b, "\n[item %d, %s] @%d %s\n", s.Item, orUnknown(s.ItemDate), s.Offset, s.Text)
		for _, r := range s.Recognised {
			fmt.Fprintf(&b, "    found  %s\n", r)
		}
		for _, f := range s.Facts {
			fmt.Fprintf(&b, "    fact   %s\n", f)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func orUnknown(d graph.Date) string {
	if d == "" {
		return "undated"
	}
	return string(d)
}
