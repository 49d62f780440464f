package text

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kgraph/kg/graph"
)

// itemView is what the item tests state about an item.
type itemView struct {
	Date      graph.Date
	Dated     bool
	Title     string
	Dateline  string
	First     string // first sentence
	Sentences int
}

type docView struct {
	Source    string
	Published graph.Date
	Title     string
	Items     []itemView
}

func view(d *Document) docView {
	v := docView{Source: d.Source, Published: d.Published, Title: d.Title}
	for _, it := range d.Items {
		v.Items = append(v.Items, itemView{it.Date, it.Dated, it.Title, it.Dateline, it.Sentences[0].Text, len(it.Sentences)})
	}
	return v
}

func readTestdata(t testing.TB, name string) *Document {
	t.Helper()
	path := filepath.Join("testdata", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(path, data)
	if err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	return doc
}

func TestReadItems(t *testing.T) {
	tests := map[string]docView{
		// A CSTO news page without header: date lines, a headline before a date line and
		// repeated on it, residue at the end.
		"csto_page.txt": {
			Source: "testdata/csto_page.txt",
			Title:  "Peacekeepers of the CSTO arrived in the Republic of Kazakhstan",
			Items: []itemView{
				{"2022-01-19", true, "", "", "Today the CSTO Secretary General Stanislav Zas informed the heads of the member states that the withdrawal of the Collective Peacekeeping Forces from the Republic of Kazakhstan had been completed.", 1},
				{"2022-01-14", true, "", "", "On the eve, on January 13, the contingents of the CSTO Collective Peacekeeping Forces began to hand over the protected facilities to the law enforcement agencies of the Republic of Kazakhstan.", 1},
				{"2022-01-07", true, "Peacekeepers of the CSTO arrived in the Republic of Kazakhstan", "", "Peacekeepers of the CSTO arrived in the Republic of Kazakhstan", 4},
			},
		},
		// Sidebar teasers newer than the page: the one with a full date takes it, the
		// year-less one stays undated; then the article.
		"sidebar.txt": {
			Source:    "https://example.org/news/csc-minsk-2023",
			Published: "2023-11-23",
			Title:     "Collective Security Council met in Minsk",
			Items: []itemView{
				{"2024-07-04", false, "", "", "On 4 July 2024, in Astana, the CSTO Secretary General Imangali Tasmagambetov attended the meeting of the Council of Heads of State of the Shanghai Cooperation Organization.", 1},
				{"", false, "", "", "On 3 July, the Secretary General met with representatives of the SCO Secretariat.", 1},
				{"2023-11-23", true, "Collective Security Council met in Minsk", "", "Collective Security Council met in Minsk", 5},
			},
		},
		// A wire story: " date" line with the headline, a dateline, a wrapped line, and
		// share/rating residue.
		"wire.txt": {
			Source:    "https://example.org/wire/2023/11/23/csc",
			Published: "2023-11-23",
			Title:     "CSTO leaders gather in Minsk for annual summit",
			Items: []itemView{
				{"2023-11-23", true, "CSTO leaders gather in Minsk for annual summit", "MINSK", "CSTO leaders gather in Minsk for annual summit", 5},
			},
		},
		// One paragraph per line, a date glued to the first words, stray "p>" fragments.
		"lines.txt": {
			Source: "testdata/lines.txt",
			Title:  "Parade in Moscow marked the 80th anniversary of the Victory",
			Items: []itemView{
				{"", false, "", "", "The CSTO Deputy Secretary General Valery Semerikov took part in a round table in St. Petersburg on the activities of the Organization.", 3},
				{"2025-05-09", true, "Parade in Moscow marked the 80th anniversary of the Victory", "", "Parade in Moscow marked the 80th anniversary of the Victory", 5},
			},
		},
		// No published date and paragraphs that open with full dates: a run of teasers,
		// each dated by its own full date; a headline joins the paragraph after it.
		"unknown.txt": {
			Source: "https://example.org/news/undated-page",
			Title:  "The CSTO Joint Staff held a training session",
			Items: []itemView{
				{"2022-05-16", false, "", "", "On 16 May 2022, the heads of the CSTO member states met in the Kremlin to mark the 30th anniversary of the Collective Security Treaty.", 2},
				{"2022-11-23", false, "", "", "On 23 November 2022, a session of the CSTO Collective Security Council was held in Yerevan.", 1},
				{"", false, "", "", "Today the CSTO Secretariat hosted a briefing for journalists.", 1},
				{"", false, "The CSTO Joint Staff held a training session", "", "The CSTO Joint Staff held a training session", 3},
			},
		},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			if diff := cmp.Diff(want, view(readTestdata(t, name))); diff != "" {
				t.Errorf("Read(%s) (-want +got):\n%s", name, diff)
			}
		})
	}
}

func TestReadSmallDocuments(t *testing.T) {
	tests := []struct {
		name, in string
		want     docView
	}{
		{
			name: "no header, no date lines",
			in:   "The CSTO Secretary General visited Dushanbe. He met the President of Tajikistan.",
			want: docView{Source: "p", Items: []itemView{{"", false, "", "", "The CSTO Secretary General visited Dushanbe.", 2}}},
		},
		{
			name: "published date dates an undated page",
			in:   "source: https://example.org/a\npublished: 2021-03-03\n\nMINSK, 3 March (BelTA) – A muster of the national agencies took place.",
			want: docView{Source: "https://example.org/a", Published: "2021-03-03", Items: []itemView{{"2021-03-03", true, "", "MINSK", "A muster of the national agencies took place.", 1}}},
		},
		{
			name: "dateline dates with the published year",
			in:   "source: https://example.org/b\npublished: 2019-10-17\n\nMOSCOW, October 16. /TASS/. The drills began at the Mulino range.",
			want: docView{Source: "https://example.org/b", Published: "2019-10-17", Items: []itemView{{"2019-10-16", true, "", "MOSCOW", "The drills began at the Mulino range.", 1}}},
		},
		{
			name: "date line with a time and a headline after it",
			in:   "Saturday, 16 September 2023 17:51\n\nCounternarcotics operation ends in Almaty\n\nRate this item\n(0 votes)\n\nThe operation was carried out from 11 to 15 September.",
			want: docView{Source: "p", Title: "Counternarcotics operation ends in Almaty", Items: []itemView{{"2023-09-16", true, "Counternarcotics operation ends in Almaty", "", "Counternarcotics operation ends in Almaty", 2}}},
		},
		{
			name: "a dated item keeps its only line",
			in:   "05.09.2025\n\nCSTO rescuers train in Kyrgyzstan\n\n06.09.2025\n\nThe training ended.",
			want: docView{Source: "p", Items: []itemView{
				{"2025-09-05", true, "", "", "CSTO rescuers train in Kyrgyzstan", 1},
				{"2025-09-06", true, "", "", "The training ended.", 1},
			}},
		},
		{
			name: "an item under a date line with nothing under it is dropped",
			in:   "05.09.2025\n\n06.09.2025\n\nThe training ended.",
			want: docView{Source: "p", Items: []itemView{{"2025-09-06", true, "", "", "The training ended.", 1}}},
		},
		{
			name: "a planned event newer than the page is no sidebar",
			in:   "source: s\npublished: 2025-11-27\n\nThe next session will be held in Moscow on November 11, 2026.",
			want: docView{Source: "s", Published: "2025-11-27", Items: []itemView{{"2025-11-27", false, "", "", "The next session will be held in Moscow on November 11, 2026.", 1}}},
		},
		{
			name: "date line with a place",
			in:   "Statement of the Secretary General at the round table, October 7, 2020\n\nOctober 7, 2020, Moscow\nDear colleagues!",
			want: docView{Source: "p", Title: "Statement of the Secretary General at the round table, October 7, 2020", Items: []itemView{
				{"2020-10-07", true, "Statement of the Secretary General at the round table, October 7, 2020", "", "Statement of the Secretary General at the round table, October 7, 2020", 2},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("p", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, view(doc)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		line  string
		kind  lineKind
		date  graph.Date
		split int
	}{
		{"05.09.2025", lineDate, "2025-09-05", 0},
		{"Saturday, 16 September 2023 17:51", lineDate, "2023-09-16", 0},
		{"October 7, 2020, Moscow", lineDate, "2020-10-07", 0},
		{"10.06.2022 Download document 39357.docx", lineDate, "2022-06-10", 0},
		{"24.11.2022On November 23 the session opened.", lineLead, "2022-11-24", 10},
		{" date 2015-08-24 PSKOV. KAZINFORM - Drills begin.", lineLead, "2015-08-24", 17},
		{"Results of the 16th meeting 05.09.2025", lineTitled, "2025-09-05", 27},
		{"The meeting was held on 05.09.2025", lineTitled, "2025-09-05", 23},
		{"The agreement was signed on 05.09.2025.", lineText, "", 0},
		{"5 September 2025 marked the start of drills.", lineText, "", 0},
		{"On 5 September 2025 the talks began", lineText, "", 0},
		{"", lineBlank, "", 0},
	}
	for _, tt := range tests {
		got := classify(tt.line, 0)
		want := line{start: 0, end: len(tt.line), kind: tt.kind, date: tt.date, split: tt.split}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(line{})); diff != "" {
			t.Errorf("classify(%q) (-want +got):\n%s", tt.line, diff)
		}
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in   string
		ok   bool
		city string
		date graph.Date
		rest string
	}{
		{"MOSCOW, October 16. /TASS/. The drills began.", true, "MOSCOW", "2019-10-16", "The drills began."},
		{"MINSK, 13 October (BelTA) – A muster took place.", true, "MINSK", "2019-10-13", "A muster took place."},
		{"MOSCOW (Sputnik) - A session will be held.", true, "MOSCOW", "", "A session will be held."},
		{"MOSCOW (UrduPoint News / Sputnik - 06th December, 2021) The CSTO will hold drills.", true, "MOSCOW", "2021-12-06", "The CSTO will hold drills."},
		{"NUR-SULTAN. KAZINFORM - The Secretary General arrived.", true, "NUR-SULTAN", "", "The Secretary General arrived."},
		{"ST. PETERSBURG, May 20 (TASS) — The forum opened.", true, "ST. PETERSBURG", "2019-05-20", "The forum opened."},
		{"CSTO (Collective Security Treaty Organization) - a bloc of six states.", false, "", "", ""},
		{"SCO, CSTO – the two blocs signed a memorandum.", false, "", "", ""},
		{"UN, OSCE, CIS and SCO took part.", false, "", "", ""},
		{"AT The CSTO has established a system.", false, "", "", ""},
		{"The CSTO (Moscow) held talks.", false, "", "", ""},
	}
	for _, tt := range tests {
		d, ok := parseDateline(tt.in, "2019-10-17")
		if ok != tt.ok || d.city != tt.city || d.date != tt.date || ok && tt.in[d.n:] != tt.rest {
			t.Errorf("parseDateline(%q) = %+v, %v; want %q %q rest %q, %v", tt.in, d, ok, tt.city, tt.date, tt.rest, tt.ok)
		}
	}
}
