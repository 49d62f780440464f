package text

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/loader/dates"
)

// clean turns the body of a file into Document.Text: line breaks normalised, HTML tags and
// entities left over from scraping removed, residue lines dropped, each line trimmed, and runs
// of blank lines collapsed to one. Blank lines are kept because they separate paragraphs.
func clean(body string) string {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	body = strings.ReplaceAll(body, "\r", "\n")
	var b strings.Builder
	b.Grow(len(body))
	blank := false
	for rest := body; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = cleanLine(line)
		switch {
		case line == "":
			blank = true
			continue
		case isResidue(line):
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}

// HTML left in scraped text: whole tags, and tags that lost their "<" ("text p>").
var (
	tagRe      = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>`)
	strayTagRe = regexp.MustCompile(`(?:^|\s)<?/?(?:p|br|div|span|li|ul|ol|b|i|u|em|strong|h[1-6]|td|tr|table|a|font)\s*/?>(?:\s|$)`)
	spacesRe   = regexp.MustCompile(`[ \t\p{Zs}]{2,}`)
)

// cleanLine strips tags and entities from a line and trims it.
func cleanLine(line string) string {
	if strings.IndexByte(line, '>') >= 0 {
		line = tagRe.ReplaceAllString(line, " ")
		line = strayTagRe.ReplaceAllString(line, " ")
		line = spacesRe.ReplaceAllString(line, " ")
	}
	if strings.IndexByte(line, '&') >= 0 {
		line = html.UnescapeString(line)
	}
	return trimSpace(line)
}

// trimSpace trims white space, including no-break and zero-width spaces.
func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' })
}

// navigation holds the lines, lower-cased and without trailing punctuation, that web pages
// repeat around every article: links, buttons and widgets rather than news.
var navigation = map[string]bool{}

func init() {
	for _, s := range []string{
		"go back", "back", "back to the section", "back to section", "back to the all news",
		"back to all news", "back to the list", "back to list", "back to news", "back to top",
		"to top", "top", "home", "main", "news", "all news", "all publications", "more",
		"more news", "read more", "read also", "read next", "see also", "related news",
		"related articles", "previous", "next", "previous article", "next article", "share",
		"share this", "share this article", "share on facebook", "share on twitter", "tweet",
		"print", "print version", "print this page", "version for printing", "e-mail", "email",
		"send to a friend", "tell a friend", "subscribe", "follow us", "comments",
		"add comment", "leave a comment", "rate this item", "none", "null", "undefined",
		"photo", "photos", "video", "gallery", "advertisement", "tags", "loading",
	} {
		navigation[s] = true
	}
}

// Residue lines recognised by their shape.
var (
	counterRe = regexp.MustCompile(`(?i)^(?:\(?\d[\d ,.]*\s*(?:votes?|views?|comments?|likes?|shares?|reads?)\)?|(?:views?|hits|reads?|comments?|likes?|shares?)\s*:?\s*\d[\d ,.]*)$`)
	fileRe    = regexp.MustCompile(`(?i)\.(?:jpe?g|jp|png|gif|webp|bmp|pdf|docx?|xlsx?|pptx?|rtf|zip|rar|mp[34])$`)
	urlRe     = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)
	labelRe   = regexp.MustCompile(`^\p{L}+(?: \p{L}+)?\s*:$`)
	prefixRe  = regexp.MustCompile(`(?i)^(?:read more|read also|share (?:on|via|this)|print (?:version|this)|download\b|follow us|views:|tags:|photo:)`)
)

// isResidue reports whether a trimmed line is page residue rather than content: navigation
// and share buttons, counters, file names, bare links, empty labels, lines without a word,
// and short title-case menu entries ("Politics", "Government Bodies"). Date lines never are.
func isResidue(line string) bool {
	if !residueShape(line) {
		return false
	}
	_, dateLine := dates.ParseLead(line)
	return !dateLine
}

// residueShape is isResidue without the date-line exception; the cheap tests come first, as
// it runs on every line.
func residueShape(line string) bool {
	letters, digits, run, longest, words := 0, 0, 0, 0, 0
	space := true
	for _, r := range line {
		switch {
		case unicode.IsLetter(r):
			letters++
			run++
			longest = max(longest, run)
		case unicode.IsDigit(r):
			digits++
			run = 0
		default:
			run = 0
		}
		if isSpace := unicode.IsSpace(r); space && !isSpace {
			words++
			space = false
		} else if isSpace {
			space = true
		}
	}
	switch {
	case longest < 3 || digits > letters:
		return true // "p>", "___", "354199", "+7495-621-27-10", "• en-GB1 ru-RU1"
	case words > 12:
		return false
	case words <= 6 && navigation[strings.ToLower(strings.TrimRight(line, " .:;!|»›>-–—…"))]:
		return true
	case words <= 8 && prefixRe.MatchString(line):
		return true // "Read more about…", "Share on VK", "Download document x.docx"
	case strings.LastIndexByte(line, '.') >= len(line)-5 && fileRe.MatchString(line):
		return true
	case words <= 4 && digits > 0 && counterRe.MatchString(line):
		return true
	case words == 1 && urlRe.MatchString(line):
		return true
	case words <= 2 && strings.HasSuffix(line, ":") && labelRe.MatchString(line):
		return true
	}
	return words <= 2 && menuEntry(strings.Fields(line))
}

// menuEntry reports whether a line of one or two capitalised words with no digits or
// punctuation is a menu entry; a real headline has more words, a sentence has punctuation.
func menuEntry(words []string) bool {
	if len(words) > 2 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' {
				return false
			}
		}
	}
	return true
}
