package dates

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kgraph/kg/graph"
)

// found is the part of a Mention a test states: the text and the dates.
type found struct {
	Text       string
	Start, End graph.Date
	Relative   bool
}

func find(s string, ref graph.Date) []found {
	var out []found
	for _, m := range Find(s, ref) {
		out = append(out, found{m.Text, m.Start, m.End, m.Relative})
	}
	return out
}

func TestFindAbsolute(t *testing.T) {
	tests := []struct {
		sentence string
		want     []found
	}{
		{"The summit opened on 07.10.2024 in Astana.", []found{{"07.10.2024", "2024-10-07", "", false}}},
		{"Minsk hosted the talks on 5 September 2025.", []found{{"5 September 2025", "2025-09-05", "", false}}},
		{"Minsk hosted the talks on September 5, 2025, with six delegations.", []found{{"September 5, 2025", "2025-09-05", "", false}}},
		{"The treaty was signed on the 15th of May 1992 in Tashkent.", []found{{"15th of May 1992", "1992-05-15", "", false}}},
		{"Log entry 2023-11-23 records the session.", []found{{"2023-11-23", "2023-11-23", "", false}}},
		{"MOSCOW (Sputnik - 06th December, 2021) The ministers met.", []found{{"06th December, 2021", "2021-12-06", "", false}}},
		{"The plan was approved on Sept. 16, 2021.", []found{{"Sept. 16, 2021", "2021-09-16", "", false}}},
		{"The drills ran on Dec 3 2019 near Pskov.", []found{{"Dec 3 2019", "2019-12-03", "", false}}},
		{"The new term starts as of 1 January 2026.", []found{{"1 January 2026", "2026-01-01", "", false}}},
		{"Posted on 01/15/2015 by the press office.", []found{{"01/15/2015", "2015-01-15", "", false}}},
		{"The page dated 28/02/2020 lists the results.", []found{{"28/02/2020", "2020-02-28", "", false}}},
		{"24.11.2022On November 23 the leaders met.", []found{{"24.11.2022", "2022-11-24", "", false}, {"November 23", "2025-11-23", "", true}}},
		{"Saturday, 16 September 2023, was the last day.", []found{{"16 September 2023", "2023-09-16", "", false}}},
		{"The session will be held in June 2026 in St. Petersburg.", []found{{"June 2026", "2026-06", "", false}}},
		{"The next session is due in the fourth quarter of 2023 in Minsk.", []found{{"2023", "2023", "", false}}},
		{"In November 2018, the ministry recalled its envoy.", []found{{"November 2018", "2018-11", "", false}}},
		{"The organisation was founded in 2002 and expanded in 2005.", []found{{"2002", "2002", "", false}, {"2005", "2005", "", false}}},
		{"Exercises were held in 2018 and 2019 in Kyrgyzstan.", []found{{"2018", "2018", "", false}, {"2019", "2019", "", false}}},
		{"The agenda of the 2019 session had seventeen items.", []found{{"2019", "2019", "", false}}},
		{"The November (2018) session approved it.", []found{{"2018", "2018", "", false}}},
		{"The budget for 2024 was adopted.", []found{{"2024", "2024", "", false}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, find(tt.sentence, "2025-06-30")); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", tt.sentence, diff)
		}
	}
}

func TestFindRanges(t *testing.T) {
	const ref = "2025-06-30"
	tests := []struct {
		sentence string
		want     []found
	}{
		{"From 3 to 6 September, the units regroup.", []found{{"3 to 6 September", "2025-09-03", "2025-09-06", true}}},
		{"Talks took place on June 24-26 in Bishkek.", []found{{"June 24-26", "2025-06-24", "2025-06-26", true}}},
		{"Talks took place on June 24–26, 2024 in Bishkek.", []found{{"June 24–26, 2024", "2024-06-24", "2024-06-26", false}}},
		{"Consultations were held on 10 and 11 December 2024.", []found{{"10 and 11 December 2024", "2024-12-10", "2024-12-11", false}}},
		{"A delegation attended from 1 to 5 December 2025 in Geneva.", []found{{"1 to 5 December 2025", "2025-12-01", "2025-12-05", false}}},
		{"The course runs September 30 – October 2, 2025.", []found{{"September 30 – October 2, 2025", "2025-09-30", "2025-10-02", false}}},
		{"The gathering lasted from 30 October to 2 November 2018.", []found{{"30 October to 2 November 2018", "2018-10-30", "2018-11-02", false}}},
		{"The exercise lasted from 30 to 2 November 2018.", []found{{"30 to 2 November 2018", "2018-10-30", "2018-11-02", false}}},
		{"The gathering ran on October 31 - November 1, 2018.", []found{{"October 31 - November 1, 2018", "2018-10-31", "2018-11-01", false}}},
		{"The plan covers 2024-2025.", []found{{"2024-2025", "2024", "2025", false}}},
		{"The war of 1941–1945 ended in Berlin.", []found{{"1941–1945", "1941", "1945", false}}},
		{"The candidate for the upcoming term (2026-2029) was named.", []found{{"2026-2029", "2026", "2029", false}}},
		{"Prices were frozen from 2018 to 2020.", []found{{"2018 to 2020", "2018", "2020", false}}},
		{"The staff talks ran from May 21 to May 24.", []found{{"May 21 to May 24", "2025-05-21", "2025-05-24", true}}},
		{"Webinars ran from July 6 to 10 online.", []found{{"July 6 to 10", "2025-07-06", "2025-07-10", true}}},
		{"The forum is set for June 30 and July 1-2, 2025.", []found{{"June 30", "2025-06-30", "", true}, {"July 1-2, 2025", "2025-07-01", "2025-07-02", false}}},
		{"The harvest is gathered from June to August 2025.", []found{{"June to August 2025", "2025-06", "2025-08", false}}},
		{"The week lasts from 28 December to 3 January.", []found{{"28 December to 3 January", "2025-12-28", "2026-01-03", true}}},
		{"The trainings take place between 3 and 5 June.", []found{{"3 and 5 June", "2025-06-03", "2025-06-05", true}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, find(tt.sentence, ref)); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", tt.sentence, diff)
		}
	}
}

func TestFindRelative(t *testing.T) {
	tests := []struct {
		sentence string
		ref      graph.Date
		want     []found
	}{
		{"Today, the active phase of the exercise was completed.", "2025-09-06", []found{{"Today", "2025-09-06", "", true}}},
		{"The summit took place in the Kremlin yesterday.", "2022-05-17", []found{{"yesterday", "2022-05-16", "", true}}},
		{"The delegates arrive tomorrow.", "2024-12-31", []found{{"tomorrow", "2025-01-01", "", true}}},
		{"On the eve, on September 4, the council met.", "2025-09-05", []found{{"the eve", "2025-09-04", "", true}, {"September 4", "2025-09-04", "", true}}},
		{"On the eve of the meeting, the ministers talk informally.", "2017-07-10", nil},
		{"The ministers had met the day before.", "2020-03-03", []found{{"the day before", "2020-03-02", "", true}}},
		{"It ended the day before yesterday.", "2020-03-03", []found{{"the day before yesterday", "2020-03-01", "", true}}},
		{"The exercise is planned this year in Tajikistan.", "2025-09-05", []found{{"this year", "2025", "", true}}},
		{"The council reviewed work done last year.", "2021-03-03", []found{{"last year", "2020", "", true}}},
		{"The chairmanship passes to Russia next year.", "2025-11-27", []found{{"next year", "2026", "", true}}},
		{"The decision of November last year was applied.", "2019-02-18", []found{{"November last year", "2018-11", "", true}}},
		{"On 23 September this year the mission met.", "2022-10-01", []found{{"23 September this year", "2022-09-23", "", true}}},
		{"From 22 to 26 April, this year, a course is held.", "2024-04-22", []found{{"22 to 26 April, this year", "2024-04-22", "2024-04-26", true}}},
		{"The plan for this month was agreed.", "2024-01-20", []found{{"this month", "2024-01", "", true}}},
		{"The report of last month was read.", "2024-01-20", []found{{"last month", "2023-12", "", true}}},
		{"A session will be held in Minsk on Thursday.", "2023-11-23", []found{{"Thursday", "2023-11-23", "", true}}},
		{"A session will be held in Minsk on Friday.", "2023-11-23", []found{{"Friday", "2023-11-24", "", true}}},
		{"The commander said on Sunday that troops were ready.", "2015-08-24", []found{{"Sunday", "2015-08-23", "", true}}},
		{"The press office announced on Wednesday the start of drills.", "2019-10-16", []found{{"Wednesday", "2019-10-16", "", true}}},
		{"He arrived last Monday.", "2019-10-14", []found{{"last Monday", "2019-10-07", "", true}}},
		{"The vote is next Monday.", "2019-10-14", []found{{"next Monday", "2019-10-21", "", true}}},
		{"The talks resume in early March.", "2024-02-10", []found{{"March", "2024-03", "", true}}},
		{"Elections are due in mid-May.", "2024-02-10", []found{{"May", "2024-05", "", true}}},
		{"The review ended last May.", "2024-02-10", []found{{"last May", "2023-05", "", true}}},
		{"On December 28 the envoy left.", "2025-01-05", []found{{"December 28", "2024-12-28", "", true}}},
		{"The forum opens on January 10.", "2024-12-20", []found{{"January 10", "2025-01-10", "", true}}},
		{"The ministers met in December.", "2025-01-05", []found{{"December", "2024-12", "", true}}},
		{"On the 12th of May the flags were raised.", "2021-05-20", []found{{"12th of May", "2021-05-12", "", true}}},
		{"The ceremony of 29 February took place.", "2023-03-01", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, find(tt.sentence, tt.ref)); diff != "" {
			t.Errorf("Find(%q, %q) (-want +got):\n%s", tt.sentence, tt.ref, diff)
		}
	}
}

func TestFindWithoutReference(t *testing.T) {
	// With no reference, dates that need one are skipped; absolute ones remain.
	tests := []struct {
		sentence string
		want     []found
	}{
		{"On 20 December, a joint training session was held.", nil},
		{"Today the forces completed the exercise on 6 September 2025.", []found{{"6 September 2025", "2025-09-06", "", false}}},
		{"On September 23 this year the envoy met the minister.", nil},
		{"The vote is on Thursday.", nil},
		{"It happened last year, in June 2019.", []found{{"June 2019", "2019-06", "", false}}},
		{"From 3 to 6 September 2024, units regroup.", []found{{"3 to 6 September 2024", "2024-09-03", "2024-09-06", false}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, find(tt.sentence, "")); diff != "" {
			t.Errorf("Find(%q, \"\") (-want +got):\n%s", tt.sentence, diff)
		}
	}
}

func TestFindNonDates(t *testing.T) {
	for _, s := range []string{
		"The joint training “Interaction-2025” and the special training “Search–2025” ended.",
		"Units of “Rubezh-2024” and Combat Brotherhood-2025 took part.",
		"The drills dubbed Interaction 2019 started near Mulino.",
		"The 16th meeting adopted No. 15 of the agenda.",
		"The briefing starts at 10:00 and ends at 14:30.",
		"Troops marched 5 km; 50% of the units were mechanised.",
		"More than 2,000 servicemen and 2 773 rounds were counted.",
		"The committees 1267/1989/2253 and Resolution 71/179 were cited.",
		"Call +7495-621-27-10 for details.",
		"Seizures included 61.5 kg and 2.8 kg of drugs.",
		"The file WhatsApp Image at 14.07.35.jp was attached.",
		"This may be the start of a new phase.",
		"May we ask the ministers to march together?",
		"Resolution 1988 and 2019 troops are unrelated.",
		"Article 13 of the Charter and the 79th session were discussed.",
		"The plan for 31/31/2020 is nonsense, as is 32.01.2020.",
		"The 30th anniversary and XIX meeting were marked.",
		"Sahand-Anti-Terror 2025 and BRICS+ 2025 were named.",
		"The Sun and the Mar were ships; Dec is a name.",
		"About 20 years ago the centre opened; it served 12 months.",
	} {
		if got := find(s, "2025-06-30"); got != nil {
			t.Errorf("Find(%q) = %+v, want none", s, got)
		}
	}
}

func TestFindOffsets(t *testing.T) {
	s := "Ёлки: on 5 September 2025 and “Search–2025” — then on June 24–26."
	for _, m := range Find(s, "2025-09-05") {
		if s[m.Offset:m.Offset+m.Length] != m.Text {
			t.Errorf("span %d+%d = %q, Text %q", m.Offset, m.Length, s[m.Offset:m.Offset+m.Length], m.Text)
		}
	}
}

func TestParseLine(t *testing.T) {
	tests := []struct {
		line string
		want graph.Date
		ok   bool
	}{
		{"05.09.2025", "2025-09-05", true},
		{"5.9.2025", "2025-09-05", true},
		{"  5 September 2025 ", "2025-09-05", true},
		{"September 5, 2025", "2025-09-05", true},
		{"2025-09-05", "2025-09-05", true},
		{"Saturday, 16 September 2023 17:51", "2023-09-16", true},
		{"28 November 2019, 14:23", "2019-11-28", true},
		{"Posted: 20.01.2022 11:07:00", "2022-01-20", true},
		{"Thu, 01/15/2015 - 10:34", "2015-01-15", true},
		{" date 2025-11-27", "2025-11-27", true},
		{"05.09.2025 Download", "", false},
		{"September 2025", "", false},
		{"5 September", "", false},
		{"2024-2025", "", false},
		{"Flag Tuesday, 23 April 2024", "", false},
		{"Results of the meeting 05.09.2025", "", false},
		{"31.02.2025", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseLine(tt.line)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseLine(%q) = %q, %v; want %q, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseLead(t *testing.T) {
	tests := []struct {
		line string
		want Lead
		ok   bool
	}{
		{"24.11.2022On November 23 the council met.", Lead{"2022-11-24", 10, true}, true},
		{" date 2015-08-24 PSKOV. KAZINFORM - Drills begin.", Lead{"2015-08-24", 17, true}, true},
		{"25.03.2019 A conference opens.", Lead{"2019-03-25", 11, true}, true},
		{"October 7, 2020, Moscow", Lead{"2020-10-07", 15, false}, true},
		{"5 September 2025 marked the start.", Lead{"2025-09-05", 17, false}, true},
		{"On 5 September 2025 the talks began.", Lead{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseLead(tt.line)
		if diff := cmp.Diff(tt.want, got); diff != "" || ok != tt.ok {
			t.Errorf("ParseLead(%q) ok=%v want %v (-want +got):\n%s", tt.line, ok, tt.ok, diff)
		}
	}
}

func TestFuture(t *testing.T) {
	for s, want := range map[string]bool{
		"The session will be held in Minsk.":             true,
		"Minsk is to host the summit.":                   true,
		"The drills are scheduled for October.":          true,
		"The ministry plans to send observers.":          true,
		"The upcoming session opens in Bishkek.":         true,
		"The session was held in Minsk.":                 false,
		"The ministers discussed the schedule of talks.": false,
	} {
		if got := Future(s); got != want {
			t.Errorf("Future(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"From 3 to 6 September, units regroup.",
		"On the eve, on September 4, the council met in Cholpon-Ata.",
		"24.11.2022On November 23 this year",
		"June 24–26, 2025 and 2024-2025 and Interaction-2025",
		"Saturday, 16 September 2023 17:51",
		"from 30 to 2 November 2018, last Monday, mid-May",
	} {
		f.Add(s, "2025-09-05")
	}
	f.Fuzz(func(t *testing.T, s, ref string) {
		for _, m := range Find(s, graph.Date(ref)) {
			if m.Offset < 0 || m.Offset+m.Length > len(s) || s[m.Offset:m.Offset+m.Length] != m.Text {
				t.Fatalf("bad span %+v in %q", m, s)
			}
			if _, err := graph.ParseDate(string(m.Start)); err != nil {
				t.Fatalf("bad start %+v in %q: %v", m, s, err)
			}
		}
		ParseLine(s)
	})
}
