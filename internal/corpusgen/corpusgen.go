// Package corpusgen writes synthetic news documents for benchmarks: the shapes of the real
// corpus (header lines, pages of dated items, titles before names, meetings with chairs and
// participants, cities and dates) filled from small built-in lists, deterministic from a seed.
// The text is for measuring speed at scale only; it says nothing about extraction quality.
package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Config says what to generate.
type Config struct {
	Seed int64
	Docs int
}

// person is one made-up person, who keeps a post in one country across documents, so that a
// person gathers many events as the corpus grows.
type person struct {
	given, surname string
	post           string // "Minister of Foreign Affairs"
	country        country
}

func (p person) name() string { return p.given + " " + p.surname }

type country struct{ name, adjective, capital string }

// Generator makes documents one by one.
type Generator struct {
	rng    *rand.Rand
	people []person
}

// New returns a Generator for cfg. The pool of people grows with the corpus, about one person
// per four documents, so each is named in many documents.
func New(cfg Config) *Generator {
	g := &Generator{rng: rand.New(rand.NewPCG(uint64(cfg.Seed), 0x6b67))}
	n := max(40, cfg.Docs/4)
	seen := map[string]bool{}
	for len(g.people) < n {
		p := person{
			given:   pick(g.rng, givenNames),
			surname: g.surname(),
			post:    pick(g.rng, posts),
			country: pick(g.rng, countries),
		}
		if !seen[p.name()] {
			seen[p.name()] = true
			g.people = append(g.people, p)
		}
	}
	return g
}

// Write generates cfg.Docs documents into dir as d0000001.txt and so on, and returns the number
// of bytes written.
func Write(cfg Config, dir string) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	g := New(cfg)
	var total int64
	for i := range cfg.Docs {
		doc := g.Document(i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%07d.txt", i+1)), doc, 0o644); err != nil {
			return total, err
		}
		total += int64(len(doc))
	}
	return total, nil
}

// Document returns the i-th document: a header and one to four dated items, latest first, as a
// news site's page lists them.
func (g *Generator) Document(i int) []byte {
	year := 2015 + g.rng.IntN(11)
	month, day := 1+g.rng.IntN(12), 1+g.rng.IntN(25)
	items := 1 + g.rng.IntN(4)
	var b strings.Builder
	fmt.Fprintf(&b, "source: https://example.org/bench/%d\npublished: %04d-%02d-%02d\n\n", i+1, year, month, day+items)
	for k := range items {
		d := day + items - 1 - k
		fmt.Fprintf(&b, "%02d.%02d.%04d\n\n", d, month, year)
		g.item(&b, year, month, d)
	}
	if g.rng.IntN(3) == 0 {
		b.WriteString("Go back\n")
	}
	return []byte(b.String())
}

// item writes one news item of a few paragraphs.
func (g *Generator) item(b *strings.Builder, year, month, day int) {
	chair, guest := g.person(), g.person()
	city := pick(g.rng, countries).capital
	if g.rng.IntN(2) == 0 {
		city = chair.country.capital
	}
	body := pick(g.rng, bodies)
	date := fmt.Sprintf("%s %d", monthNames[month-1], day)
	switch g.rng.IntN(3) {
	case 0:
		fmt.Fprintf(b, "On %s, a meeting of the %s took place in %s, chaired by the %s of %s %s.\n\n",
			date, body, city, chair.post, chair.country.name, chair.name())
	case 1:
		fmt.Fprintf(b, "On %s, %d, a session of the %s was held in %s under the chairmanship of the %s of %s %s.\n\n",
			date, year, body, city, chair.post, chair.country.name, chair.name())
	default:
		fmt.Fprintf(b, "%s, %s - %s %s %s held talks with the %s of %s %s.\n\n",
			strings.ToUpper(city), date, chair.country.adjective, chair.post, chair.name(), guest.post, guest.country.name, guest.name())
		fmt.Fprintf(b, "According to %s, the sides discussed regional security and the work of the %s.\n\n", chair.surname, body)
		return
	}
	var names []string
	seen := map[string]bool{chair.name(): true}
	for range 2 + g.rng.IntN(4) {
		if p := g.person(); !seen[p.name()] {
			seen[p.name()] = true
			names = append(names, fmt.Sprintf("%s of %s %s", p.post, p.country.name, p.name()))
		}
	}
	if len(names) < 2 {
		names = append(names, fmt.Sprintf("the %s of %s", pick(g.rng, posts), pick(g.rng, countries).name))
	}
	fmt.Fprintf(b, "%s and %s took part in the meeting.\n\n", strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
	fmt.Fprintf(b, "%s %s %s reported on the implementation of earlier decisions.\n\n", guest.country.adjective, guest.post, guest.name())
	fmt.Fprintf(b, "The next meeting of the %s will be held in %s in %d.\n\n", body, pick(g.rng, countries).capital, year+1)
}

// person picks a person, the earlier ones of the pool more often, as news names a few people
// far more often than the rest.
func (g *Generator) person() person {
	n := len(g.people)
	return g.people[min(g.rng.IntN(n), g.rng.IntN(n))]
}

// surname combines two or three syllables with an ending: "Karabekov", "Tursunenko".
func (g *Generator) surname() string {
	s := pick(g.rng, syllables)
	for range 1 + g.rng.IntN(2) {
		s += strings.ToLower(pick(g.rng, syllables))
	}
	return s + pick(g.rng, endings)
}

func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

var (
	givenNames = []string{"Sergei", "Alexander", "Nikolai", "Talgat", "Ruslan", "Aibek", "Vladimir",
		"Dmitry", "Armen", "Bakhtiyar", "Olga", "Irina", "Nurlan", "Timur", "Askar", "Marat",
		"Farkhod", "Rustam", "Igor", "Andrei", "Pavel", "Maxim", "Yerlan", "Kairat", "Anna", "Elena",
		"Gulnara", "Aigul", "Zarina", "Anvar", "Tigran", "Viktor", "Oleg", "Mikhail"}
	syllables = []string{"Ka", "Ra", "Tur", "Bek", "Mur", "Sa", "Dar", "Ku", "Ley", "Ma", "Nur",
		"Zho", "Tas", "Bo", "Gri", "Vo", "Pe", "Lu", "Ser", "Ta", "Kam", "Ol", "Yu", "Shar"}
	endings = []string{"ov", "ova", "ev", "enko", "bekov", "yan", "ich", "in", "skiy", "uly"}
	posts   = []string{"Minister of Foreign Affairs", "Minister of Defence", "President",
		"Prime Minister", "Minister of Emergency Situations"}
	countries = []country{
		{"Armenia", "Armenian", "Yerevan"}, {"Belarus", "Belarusian", "Minsk"},
		{"Kazakhstan", "Kazakh", "Astana"}, {"Kyrgyzstan", "Kyrgyz", "Bishkek"},
		{"Russia", "Russian", "Moscow"}, {"Tajikistan", "Tajik", "Dushanbe"},
		{"Uzbekistan", "Uzbek", "Tashkent"}, {"Azerbaijan", "Azerbaijani", "Baku"},
		{"China", "Chinese", "Beijing"}, {"India", "Indian", "New Delhi"},
		{"Mongolia", "Mongolian", "Ulaanbaatar"}, {"Turkmenistan", "Turkmen", "Ashgabat"},
	}
	bodies = []string{"CSTO Council of Foreign Ministers", "CSTO Council of Defense Ministers",
		"CSTO Collective Security Council", "CIS Council of Heads of State",
		"CSTO Committee of Secretaries of Security Councils", "CSTO Permanent Council"}
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// People returns the names of the generator's people, the most often named first.
func (g *Generator) People() []string {
	names := make([]string, len(g.people))
	for i, p := range g.people {
		names[i] = p.name()
	}
	return names
}
