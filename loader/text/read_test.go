package text

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"github.com/kgraph/kg/graph"
)

func TestParseHeader(t *testing.T) {
	tests := []struct {
		in        string
		source    string
		published graph.Date
		body      string
	}{
		{"source: https://e.org/a\npublished: 2022-05-17\n\nBody.", "https://e.org/a", "2022-05-17", "Body."},
		{"source: https://e.org/a\npublished: unknown\n\nBody.", "https://e.org/a", "", "Body."},
		{"Source: https://e.org/a\r\nPublished: 2022-05\r\n\r\nBody.", "https://e.org/a", "2022-05", "Body."},
		{"published: 05.09.2025\n\nBody.", "", "2025-09-05", "Body."},
		{"published: last week\n\nBody.", "", "", "Body."},
		{"Body without header.\nSecond line.", "", "", "Body without header.\nSecond line."},
		{"Source: TASS\nThe ministers met.", "", "", "Source: TASS\nThe ministers met."},
		{"05.09.2025\n\nBody.", "", "", "05.09.2025\n\nBody."},
	}
	for _, tt := range tests {
		h, body := parseHeader(tt.in)
		if h.source != tt.source || h.published != tt.published || body != tt.body {
			t.Errorf("parseHeader(%q) = %+v, %q; want %q %q, %q", tt.in, h, body, tt.source, tt.published, tt.body)
		}
	}
}

func TestIsResidue(t *testing.T) {
	residue := []string{
		"Go back", "Back to the section", "Back to the all news", "All news", "Rate this item",
		"(0 votes)", "Views: 1 204", "Read more", "Share on Facebook", "Print version",
		"Tell a friend", "None", "p>", "___________________", "* * *", "354199", "ID :",
		"Auther :", "+7495-621-27-10", "+7495-621-33-23 - tel/fax", "• en-GB1 ru-RU1",
		"https://mir24.tv/news/16391437/interview", "WhatsApp Image 2022-02-16 at 14.07.35.jp",
		"Download document 39357fa0b754c4c5529e0bcf4d007437.docx", "Politics",
		"Government Bodies",
	}
	for _, s := range residue {
		if !isResidue(s) {
			t.Errorf("isResidue(%q) = false, want true", s)
		}
	}
	content := []string{
		"05.09.2025", "Saturday, 16 September 2023 17:51",
		"Dear colleagues!", "Results of the 16th meeting of the CSTO Emergency Coordination Council",
		"CSTO Press Secretary Vladimir Zaynetdinov", "Print media representatives attended the briefing.",
		"Share of women in the peacekeeping forces grew.", "Continue the interview in the video version.",
		"The event was held in Minsk.", "CSTO celebrates anniversary",
	}
	for _, s := range content {
		if isResidue(s) {
			t.Errorf("isResidue(%q) = true, want false", s)
		}
	}
}

func TestClean(t *testing.T) {
	in := "  First line with <b>bold</b> text. p>\r\n\r\n\r\n\r\nGo back\nSecond &amp; last line p>\np>\n\n"
	want := "First line with bold text.\n\nSecond & last line"
	if got := clean(in); got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	tests := map[string][]byte{
		"empty file":                    nil,
		"NUL byte":                      []byte("text\x00more"),
		"PNG image":                     []byte("\x89PNG\r\n\x1a\nrest"),
		"PDF document":                  []byte("%PDF-1.7\n..."),
		"invalid UTF-8 at byte 5":       []byte("text \xff\xfe more"),
		"no text after the header":      []byte("source: x\npublished: 2020-01-01\n\n   \n"),
		"control characters":            []byte("a\x01\x02\x03\x04b"),
		"invalid UTF-16":                {0xff, 0xfe, 0x41},
		"ZIP archive (or DOCX)":         []byte("PK\x03\x04...."),
		"NUL byte at offset 1 (binary)": []byte("a\x00"),
	}
	for want, data := range tests {
		_, err := Read("f.txt", data)
		if !errors.Is(err, ErrNotText) || !strings.Contains(err.Error(), strings.Fields(want)[0]) {
			t.Errorf("Read(%q) error = %v, want ErrNotText naming %q", data, err, want)
		}
	}
}

func TestReadEncodings(t *testing.T) {
	const s = "source: https://e.org/x\npublished: 2024-04-22\n\nOn 22 April 2024, the Secretariat hosted a meeting in Moscow."
	utf16le := []byte{0xff, 0xfe}
	utf16be := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		utf16le = append(utf16le, byte(u), byte(u>>8))
		utf16be = append(utf16be, byte(u>>8), byte(u))
	}
	for name, data := range map[string][]byte{
		"UTF-8":        []byte(s),
		"UTF-8 BOM":    append([]byte{0xef, 0xbb, 0xbf}, s...),
		"UTF-16LE BOM": utf16le,
		"UTF-16BE BOM": utf16be,
	} {
		doc, err := Read("x", data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want := []Sentence{{"On 22 April 2024, the Secretariat hosted a meeting in Moscow.", 0}}
		if diff := cmp.Diff(want, doc.Items[0].Sentences); diff != "" || doc.Published != "2024-04-22" {
			t.Errorf("%s: published %q (-want +got):\n%s", name, doc.Published, diff)
		}
	}
}

func TestSentences(t *testing.T) {
	in := "On September 5, in St. Petersburg, the CSTO Deputy Secretary General T. Masadykov met the delegates. " +
		"The CSTO Secretary General I.N. Tasmagambetov spoke.\n" +
		"The Collective Security Treaty Organization\nincludes six states.\n" +
		"A headline without a full stop\n" +
		"\"Only together,\" he said. «Yes»."
	doc, err := Read("x", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range doc.Items[0].Sentences {
		got = append(got, s.Text)
	}
	want := []string{
		"On September 5, in St. Petersburg, the CSTO Deputy Secretary General T. Masadykov met the delegates.",
		"The CSTO Secretary General I.N. Tasmagambetov spoke.",
		"The Collective Security Treaty Organization\nincludes six states.",
		"A headline without a full stop",
		"\"Only together,\" he said.",
		"«Yes».",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	checkOffsets(t, "x", doc)
}

// checkOffsets asserts the invariant the loader relies on: every sentence is the text at its
// offset, inside its item, and items do not overlap.
func checkOffsets(t *testing.T, name string, doc *Document) {
	t.Helper()
	prevEnd := 0
	for i, it := range doc.Items {
		if it.Start < prevEnd || it.End < it.Start || it.End > len(doc.Text) {
			t.Errorf("%s: item %d span [%d:%d] after %d, text %d", name, i, it.Start, it.End, prevEnd, len(doc.Text))
		}
		prevEnd = it.End
		for _, s := range it.Sentences {
			if s.Offset < it.Start || s.Offset+len(s.Text) > it.End || doc.Text[s.Offset:s.Offset+len(s.Text)] != s.Text {
				t.Errorf("%s: item %d sentence at %d is not the text there: %q", name, i, s.Offset, s.Text)
			}
		}
	}
}

func TestOffsetsTestdata(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, f := range files {
		checkOffsets(t, f, readTestdata(t, filepath.Base(f)))
	}
}

// TestOffsetsCorpus reads every file of the shared corpus, when it is there, and checks that
// each reads without error and keeps the offset invariant.
func TestOffsetsCorpus(t *testing.T) {
	const dir = "../../../shared/corpus"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not present: %v", err)
	}
	n := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") || d.Name() == "README.md" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := Read(path, data)
		if err != nil {
			t.Errorf("Read(%s): %v", path, err)
			return nil
		}
		checkOffsets(t, path, doc)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d corpus files read", n)
}

// TestReadConcurrent reads documents from several goroutines: the sentence tokenizer is
// shared, and the race detector should find nothing to say about it.
func TestReadConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for _, name := range []string{"csto_page.txt", "sidebar.txt", "wire.txt", "lines.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			doc, err := Read(name, data)
			if err != nil {
				t.Errorf("Read(%s): %v", name, err)
				return
			}
			checkOffsets(t, name, doc)
		})
	}
	wg.Wait()
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"csto_page.txt", "sidebar.txt", "wire.txt", "lines.txt", "unknown.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("05.09.2025\n\nHeadline here 06.09.2025\nMOSCOW, May 5 (TASS) - x."))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read("fuzz", data)
		if err != nil {
			if !errors.Is(err, ErrNotText) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error neither ErrNotText nor ErrTooLarge: %v", err)
			}
			return
		}
		checkOffsets(t, "fuzz", doc)
	})
}

func BenchmarkRead(b *testing.B) {
	files, _ := filepath.Glob("testdata/*.txt")
	var docs [][]byte
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, d := range docs {
			if _, err := Read("bench", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
