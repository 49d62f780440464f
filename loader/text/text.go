// Package text reads a news document into the units the extractor works on: the header
// (source and published date), the body text with page residue removed, the news items of a
// multi-item page with their own dates, headlines and datelines, and the sentences of each
// item with their byte offsets in the body text. It is the first stage of the loader; dates
// inside sentences are read later with package dates.
package text

import (
	"errors"
	"fmt"

	"github.com/kgraph/kg/graph"
)

// ErrNotText means the file cannot be read as a text document: it is empty, binary or not
// valid UTF-8 or UTF-16. The wrapping error says which.
var ErrNotText = errors.New("not a text document")

// ErrTooLarge means the file is longer than MaxSize.
var ErrTooLarge = errors.New("document too large")

// MaxSize is the longest document Read accepts, in bytes. News pages are tens of kilobytes and
// extraction time grows with length, so a longer file is a mistake (a log, a dump, a 50 MB
// line) and is refused at once rather than held in memory and read for minutes.
const MaxSize = 8 << 20

// Document is one file as read: its header and its items.
type Document struct {
	Source    string     // the header's source URL, else the path given to Read
	Published graph.Date // the header's published date; empty when unknown or absent
	Title     string     // the first headline, if the page has one
	Text      string     // the body after the header, cleaned (residue lines and HTML fragments dropped, lines trimmed); all offsets index into it
	Items     []Item
}

// Item is one news item of a page: a span of Text with its date and sentences.
type Item struct {
	// Date is the item's own date (date line or dateline), else the published date, else
	// empty. Two exceptions follow GOLD_NOTES: sidebar teasers plainly newer than the page
	// take the first full date they state, else stay empty; on a page with no published date,
	// an undated item takes the first full date of its lead paragraph.
	Date     graph.Date
	Dated    bool   // the date comes from the item's own date line or dateline
	Title    string // the headline before or after the date line, if any
	Dateline string // the city of a dateline such as "MOSCOW, December 15 (Sputnik) -", as written
	Start    int    // byte span in Document.Text
	End      int
	// Sentences are in text order; line breaks end sentences, except inside a wrapped line.
	Sentences []Sentence
}

// Sentence is one sentence of an item: Text == Document.Text[Offset:Offset+len(Text)].
type Sentence struct {
	Text   string
	Offset int
}

// Read reads a document file. path names the source when the file has no source header.
func Read(path string, data []byte) (*Document, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(data), MaxSize)
	}
	s, err := decode(data)
	if err != nil {
		return nil, err
	}
	h, body := parseHeader(s)
	doc := &Document{Source: h.source, Published: h.published}
	if doc.Source == "" {
		doc.Source = path
	}
	if trimSpace(body) == "" {
		return nil, fmt.Errorf("%w: no text after the header", ErrNotText)
	}
	doc.Text = clean(body)
	tok, err := sentenceTokenizer()
	if err != nil {
		return nil, err
	}
	doc.Items = splitItems(doc.Text, doc.Published, tok)
	doc.Title = firstTitle(doc.Items)
	return doc, nil
}

// firstTitle is the page's headline: the first titled item that has its own date line (the
// article), else the first titled item (sidebars come before the article on many pages).
func firstTitle(items []Item) string {
	for _, it := range items {
		if it.Dated && it.Title != "" {
			return it.Title
		}
	}
	for _, it := range items {
		if it.Title != "" {
			return it.Title
		}
	}
	return ""
}
