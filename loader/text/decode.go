package text

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// magics are the openings of binary formats that turn up where text was expected.
var magics = []struct {
	prefix, name string
}{
	{"%PDF-", "PDF document"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"PK\x03\x04", "ZIP archive (or DOCX)"},
	{"\x1f\x8b", "gzip archive"},
	{"{\\rtf", "RTF document"},
}

// decode checks that data is text and returns it as a string: UTF-8 (a byte-order mark is
// dropped) or UTF-16 with a byte-order mark, which is converted.
func decode(data []byte) (string, error) {
	if len(data) == 0 {
		return "", fmt.Errorf("%w: empty file", ErrNotText)
	}
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", fmt.Errorf("%w: %s", ErrNotText, m.name)
		}
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		if len(data)%2 != 0 {
			return "", fmt.Errorf("%w: invalid UTF-16: odd length %d", ErrNotText, len(data))
		}
		u, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%w: invalid UTF-16: %v", ErrNotText, err)
		}
		data = u
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		data = data[3:]
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", fmt.Errorf("%w: NUL byte at offset %d (binary file)", ErrNotText, i)
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("%w: invalid UTF-8 at byte %d", ErrNotText, invalidAt(data))
	}
	if controls(data) {
		return "", fmt.Errorf("%w: control characters (binary file)", ErrNotText)
	}
	if htmlPage(data) {
		return "", fmt.Errorf("%w: HTML page (save the article as plain text)", ErrNotText)
	}
	return string(data), nil
}

// invalidAt returns the offset of the first byte that is not valid UTF-8.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// controls reports whether the start of data has more control characters than a text file
// would: more than one in a hundred bytes, tab, line breaks and form feed aside.
func controls(data []byte) bool {
	head := data[:min(len(data), 8192)]
	n := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
			n++
		}
	}
	return n*100 > len(head)
}

// htmlPage reports whether data is a whole HTML page rather than text with stray fragments,
// which the reader drops: its markup, scripts and styles would be read as sentences.
func htmlPage(data []byte) bool {
	head := bytes.ToLower(bytes.TrimLeft(data[:min(len(data), 64)], " \t\r\n"))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}
