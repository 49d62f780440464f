package server

import (
	"context"
	"slices"

	"github.com/kgraph/kg/graph"
)

// personResolver resolves Person.
type personResolver struct{ node }

func newPerson(x node) *personResolver { return &personResolver{x} }

// Name resolves Person.name.
func (p *personResolver) Name() string { return p.n.Name }

// Aliases resolves Person.aliases.
func (p *personResolver) Aliases() []string { return p.n.Aliases }

// Country resolves Person.country.
func (p *personResolver) Country(ctx context.Context) (*countryResolver, error) {
	return one(newCountry)(p.neighbours(ctx, graph.RelCitizenOf, graph.Out, graph.KindCountry))
}

// Tenures resolves Person.tenures.
func (p *personResolver) Tenures(ctx context.Context) ([]*tenureResolver, error) {
	return all(newTenure)(p.neighbours(ctx, graph.RelHolder, graph.In, graph.KindTenure))
}

// Posts resolves Person.posts: the posts of the tenures, each once.
func (p *personResolver) Posts(ctx context.Context) ([]*postResolver, error) {
	tenures, err := p.neighbours(ctx, graph.RelHolder, graph.In, graph.KindTenure)
	if err != nil {
		return nil, err
	}
	var posts []node
	for _, t := range tenures {
		ofTenure, err := t.neighbours(ctx, graph.RelTenurePost, graph.Out, graph.KindPost)
		if err != nil {
			return nil, err
		}
		for _, post := range ofTenure {
			if !slices.ContainsFunc(posts, func(x node) bool { return x.n.ID == post.n.ID }) {
				posts = append(posts, post)
			}
		}
	}
	return all(newPost)(posts, nil)
}

// Events resolves Person.events.
func (p *personResolver) Events(ctx context.Context, args eventsArgs) (*connection[*eventResolver], error) {
	return p.events(ctx, args)
}

// Chaired resolves Person.chaired.
func (p *personResolver) Chaired(ctx context.Context) ([]*eventResolver, error) {
	return all(newEvent)(p.neighbours(ctx, graph.RelChairedBy, graph.In, graph.KindEvent))
}

// Mentions resolves Person.mentions: the first sentences that mention the person.
func (p *personResolver) Mentions(ctx context.Context, args firstArgs) ([]*evidenceResolver, error) {
	req, err := p.q.pageRequest(args.First, nil)
	if err != nil {
		return nil, err
	}
	return p.evidence(ctx, req.First, graph.RelMentionedIn)
}

// Timeline resolves Person.timeline: the events involving the person and the starts of the
// person's tenures (their From, else the first date they were seen), by date.
func (p *personResolver) Timeline(ctx context.Context) ([]*timelineEntry, error) {
	events, err := p.q.everyEvent(ctx, graph.EventFilter{Involving: p.n.ID})
	if err != nil {
		return nil, err
	}
	tenures, err := p.neighbours(ctx, graph.RelHolder, graph.In, graph.KindTenure)
	if err != nil {
		return nil, err
	}
	var out []*timelineEntry
	for _, e := range p.q.group(events) {
		out = append(out, &timelineEntry{date: e.n.Start, event: newEvent(e)})
	}
	for _, t := range tenures {
		start := t.n.From
		if start == "" && len(t.n.Seen) > 0 {
			start = slices.MinFunc(t.n.Seen, graph.CompareDates)
		}
		out = append(out, &timelineEntry{date: start, tenure: newTenure(t)})
	}
	slices.SortStableFunc(out, func(a, b *timelineEntry) int {
		if (a.date == "") != (b.date == "") {
			if a.date == "" {
				return 1
			}
			return -1
		}
		return graph.CompareDates(a.date, b.date)
	})
	return out, nil
}

// timelineEntry resolves TimelineEntry: an event or a tenure, and its date.
type timelineEntry struct {
	date   graph.Date
	event  *eventResolver
	tenure *tenureResolver
}

// Date resolves TimelineEntry.date.
func (t *timelineEntry) Date() *date { return optional(date(t.date)) }

// Event resolves TimelineEntry.event.
func (t *timelineEntry) Event() *eventResolver { return t.event }

// Tenure resolves TimelineEntry.tenure.
func (t *timelineEntry) Tenure() *tenureResolver { return t.tenure }

type firstArgs struct{ First int32 }

// CoParticipants resolves Person.coParticipants: the people who took part in or chaired the
// events involving the person, by the number of those events.
func (p *personResolver) CoParticipants(ctx context.Context, args firstArgs) ([]*bucketResolver, error) {
	req, err := p.q.pageRequest(args.First, nil)
	if err != nil {
		return nil, err
	}
	events, err := p.q.store.EventStarts(ctx, graph.EventFilter{Involving: p.n.ID})
	if err != nil {
		return nil, err
	}
	buckets, err := p.q.rankPeople(ctx, events, false, p.n.ID, req.First)
	if err != nil {
		return nil, err
	}
	return p.q.showBuckets(buckets, req.First), nil
}

// postResolver resolves Post.
type postResolver struct{ node }

func newPost(x node) *postResolver { return &postResolver{x} }

// Title resolves Post.title.
func (p *postResolver) Title() string { return p.n.Name }

// Organization resolves Post.organization.
func (p *postResolver) Organization(ctx context.Context) (*organizationResolver, error) {
	return one(newOrganization)(p.neighbours(ctx, graph.RelPostOrganization, graph.Out, graph.KindOrganization))
}

// Country resolves Post.country.
func (p *postResolver) Country(ctx context.Context) (*countryResolver, error) {
	return one(newCountry)(p.neighbours(ctx, graph.RelPostCountry, graph.Out, graph.KindCountry))
}

// Holders resolves Post.holders.
func (p *postResolver) Holders(ctx context.Context) ([]*tenureResolver, error) {
	return all(newTenure)(p.neighbours(ctx, graph.RelTenurePost, graph.In, graph.KindTenure))
}

// tenureResolver resolves Tenure, a node of the graph that the schema shows as a plain object.
type tenureResolver struct{ node }

func newTenure(x node) *tenureResolver { return &tenureResolver{x} }

// Person resolves Tenure.person.
func (t *tenureResolver) Person(ctx context.Context) (*personResolver, error) {
	return required(newPerson, "holder of tenure "+string(t.n.ID))(t.neighbours(ctx, graph.RelHolder, graph.Out, graph.KindPerson))
}

// Post resolves Tenure.post.
func (t *tenureResolver) Post(ctx context.Context) (*postResolver, error) {
	return required(newPost, "post of tenure "+string(t.n.ID))(t.neighbours(ctx, graph.RelTenurePost, graph.Out, graph.KindPost))
}

// Title resolves Tenure.title: the title as the text gave it, else the post's.
func (t *tenureResolver) Title(ctx context.Context) (string, error) {
	if t.n.Name != "" {
		return t.n.Name, nil
	}
	p, err := t.Post(ctx)
	if err != nil {
		return "", err
	}
	return p.Title(), nil
}

// From resolves Tenure.from.
func (t *tenureResolver) From() *date { return optional(date(t.n.From)) }

// To resolves Tenure.to.
func (t *tenureResolver) To() *date { return optional(date(t.n.To)) }

// Acting resolves Tenure.acting.
func (t *tenureResolver) Acting() bool { return t.n.Acting }

// Seen resolves Tenure.seen.
func (t *tenureResolver) Seen() []date { return dates(t.n.Seen) }

// Evidence resolves Tenure.evidence: the sentences that name the holder and the post.
func (t *tenureResolver) Evidence(ctx context.Context) ([]*evidenceResolver, error) {
	return t.evidence(ctx, -1, graph.RelHolder, graph.RelTenurePost)
}
