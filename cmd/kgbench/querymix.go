package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// The queries of the mix: what a person page, a city dashboard, a "who was minister" question,
// a search box, a statistics page and a deep listing ask.
const (
	personQuery = `query($name: String!) { person(name: $name) { name aliases
  tenures { title post { country { name } } seen }
  events(first: 10) { totalCount edges { node { title start city { name } } } } chaired { title start } } }`
	cityYearQuery = `query($city: String!, $from: Date, $to: Date) {
  events(filter: {city: $city, from: $from, to: $to}, first: 20) { totalCount edges { node { title type start
    chairs { __typename ... on Person { name } ... on Country { name } }
    participants { name } } } } }`
	holdersQuery = `query($post: String!, $at: Date) { holders(post: $post, at: $at) { person { name } title from to seen } }`
	searchQuery  = `query($text: String!) { search(text: $text, kinds: [PERSON, ORGANIZATION, PLACE], first: 5) { kind name score matched } }`
	statsQuery   = `{ stats { documents people events
  perYear: eventsBy(key: YEAR) { key count }
  perCity: eventsBy(key: CITY, first: 10) { key count }
  busiest: topPeople(by: EVENTS, first: 10) { key count } } }`
	pageQuery = `query($after: String) { events(first: 20, after: $after) { totalCount
  edges { node { title start city { name } } } pageInfo { hasNextPage endCursor } } }`
)

// mixQuery is one query of the mix with the request bodies it is sent with, in turn.
type mixQuery struct {
	name   string
	bodies [][]byte
}

type mix struct {
	base    string
	queries []mixQuery
	client  *http.Client
	// observe, when set, is told of every answered request: when it ended, how long it took
	// and its error; a soak run keeps its figures per window of time with it.
	observe func(end time.Time, latency time.Duration, err error)
}

// statusError is an answer with an HTTP status other than 200.
type statusError struct {
	code int
	body []byte
}

func (e *statusError) Error() string {
	return fmt.Sprintf("status %d %s: %.200s", e.code, http.StatusText(e.code), e.body)
}

// errGraphQL marks an answer of status 200 that holds GraphQL errors.
var errGraphQL = errors.New("graphql error")

// newMix builds the mix for the people of the corpus; it pages through the events to find the
// cursor of page 500 (or of the last page).
func newMix(ctx context.Context, base string, people []string) (*mix, error) {
	m := &mix{base: base, client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256, DisableCompression: true}}}
	people = people[:min(20, len(people))]
	var persons, searches, cityYears, holders [][]byte
	for _, p := range people {
		persons = append(persons, body(personQuery, map[string]any{"name": p}))
		searches = append(searches, body(searchQuery, map[string]any{"text": p[strings.LastIndex(p, " ")+1:]}))
	}
	for i, city := range []string{"Minsk", "Moscow", "Astana", "Bishkek", "Yerevan", "Dushanbe"} {
		year := 2016 + 2*i
		cityYears = append(cityYears, body(cityYearQuery, map[string]any{"city": city, "from": fmt.Sprintf("%d-01-01", year), "to": fmt.Sprintf("%d-12-31", year)}))
	}
	for i, post := range []string{"Minister of Foreign Affairs", "Minister of Defence", "President", "Prime Minister"} {
		holders = append(holders, body(holdersQuery, map[string]any{"post": post, "at": fmt.Sprintf("%d-06-01", 2017+2*i)}))
	}
	var after any
	for range 499 {
		var page struct {
			Data struct {
				Events struct {
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
		}
		if err := m.post(ctx, body(pageQuery, map[string]any{"after": after}), &page); err != nil {
			return nil, fmt.Errorf("page through events: %w", err)
		}
		if !page.Data.Events.PageInfo.HasNextPage {
			break
		}
		after = page.Data.Events.PageInfo.EndCursor
	}
	m.queries = []mixQuery{
		{"person with tenures and events", persons},
		{"events in a city in a year", cityYears},
		{"holders of a post at a date", holders},
		{"search", searches},
		{"stats buckets", [][]byte{body(statsQuery, nil)}},
		{"page 500 of events", [][]byte{body(pageQuery, map[string]any{"after": after})}},
	}
	return m, nil
}

func body(query string, vars map[string]any) []byte {
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		panic(err) // the variables are strings
	}
	return b
}

// post sends one query and decodes its answer into out; an answer with errors is an error.
func (m *mix) post(ctx context.Context, b []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.base+"/graphql", bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := m.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return &statusError{code: resp.StatusCode, body: data}
	}
	var answer struct{ Errors []json.RawMessage }
	if err := json.Unmarshal(data, &answer); err != nil {
		return err
	}
	if len(answer.Errors) > 0 {
		return fmt.Errorf("%w: %s", errGraphQL, answer.Errors[0])
	}
	if out != nil {
		return json.Unmarshal(data, out)
	}
	return nil
}

// results are the latencies and errors of each query of the mix.
type results struct {
	names     []string
	latencies [][]time.Duration
	errors    []int
	cutOff    []int // requests still unanswered when the run ended
	firstErr  error
}

// run sends the mix's queries in turn from clients goroutines for d.
func (m *mix) run(ctx context.Context, clients int, d time.Duration) *results {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	res := &results{latencies: make([][]time.Duration, len(m.queries)), errors: make([]int, len(m.queries)), cutOff: make([]int, len(m.queries))}
	for _, q := range m.queries {
		res.names = append(res.names, q.name)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			lat := make([][]time.Duration, len(m.queries))
			errs, cut := make([]int, len(m.queries)), make([]int, len(m.queries))
			var first error
			for n := c; ctx.Err() == nil; n++ {
				qi := n % len(m.queries)
				q := m.queries[qi]
				b := q.bodies[(n/len(m.queries))%len(q.bodies)]
				started := time.Now()
				err := m.post(ctx, b, nil)
				if ctx.Err() != nil {
					cut[qi]++
					break
				}
				latency := time.Since(started)
				lat[qi] = append(lat[qi], latency)
				if m.observe != nil {
					m.observe(started.Add(latency), latency, err)
				}
				if err != nil {
					errs[qi]++
					first = cmpOr(first, err)
				}
			}
			mu.Lock()
			defer mu.Unlock()
			for i := range lat {
				res.latencies[i] = append(res.latencies[i], lat[i]...)
				res.errors[i] += errs[i]
				res.cutOff[i] += cut[i]
			}
			res.firstErr = cmpOr(res.firstErr, first)
		})
	}
	wg.Wait()
	return res
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func (r *results) print(w io.Writer, d time.Duration) {
	fmt.Fprintln(w, "| query | answered | queries/s | p50 | p99 | errors | unanswered at the end |\n|---|---|---|---|---|---|---|")
	var all []time.Duration
	errs, cut := 0, 0
	for i, name := range r.names {
		all = append(all, r.latencies[i]...)
		errs += r.errors[i]
		cut += r.cutOff[i]
		printRow(w, name, r.latencies[i], r.errors[i], r.cutOff[i], d)
	}
	printRow(w, "**all**", all, errs, cut, d)
	if r.firstErr != nil {
		fmt.Fprintln(w, "\nfirst error:", r.firstErr)
	}
}

func printRow(w io.Writer, name string, lat []time.Duration, errs, cut int, d time.Duration) {
	slices.Sort(lat)
	fmt.Fprintf(w, "| %s | %d | %.0f | %s | %s | %d | %d |\n", name, len(lat), float64(len(lat))/d.Seconds(), percentile(lat, 50), percentile(lat, 99), errs, cut)
}

func percentile(sorted []time.Duration, p int) string {
	if len(sorted) == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f ms", float64(percentileOf(sorted, p).Microseconds())/1000)
}

// percentileOf returns the p-th percentile of sorted latencies, 0 if there are none.
func percentileOf(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}
