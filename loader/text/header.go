package text

import (
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/dates"
)

// header holds the lines that may open a document file.
type header struct {
	source    string
	published graph.Date
}

// parseHeader reads the optional header lines ("source: URL", "published: YYYY-MM-DD" or
// "unknown") and returns the rest of s. Header lines count only when a blank line (or the end
// of the file) follows them, so a body that opens with "Source: TASS" stays body. A published
// value that is no date reads as unknown: the text is still worth reading.
func parseHeader(s string) (header, string) {
	var h header
	rest := s
	seen := false
	for rest != "" {
		line, next, _ := strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r")
		key, val, ok := strings.Cut(line, ":")
		key, val = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val)
		switch {
		case seen && strings.TrimSpace(line) == "":
			return h, next
		case ok && key == "source" && h.source == "":
			h.source = val
		case ok && key == "published" && h.published == "":
			h.published = publishedDate(val)
		default:
			return header{}, s
		}
		seen = true
		rest = next
	}
	return h, rest
}

// publishedDate reads a header's published value: ISO at any precision, or a date line.
func publishedDate(v string) graph.Date {
	if d, err := graph.ParseDate(v); err == nil {
		return d
	}
	if d, ok := dates.ParseLine(v); ok {
		return d
	}
	return ""
}
