package dates

// flag marks what a word can do in a date expression; one word may do several things.
type flag uint16

const (
	fMonth     flag = 1 << iota // a month name; val is 1–12
	fAbbr                       // an abbreviated month or weekday ("Sept", "Thu")
	fWeekday                    // a weekday; val is time.Weekday
	fMonthCtx                   // may stand before a bare month: "in June", "early March"
	fYearCtx                    // may stand before a bare year: "in 2026", "of 2023"
	fRangeSep                   // joins the two ends of a range: "3 to 6 September"
	fRelDay                     // today, yesterday, tomorrow; val is the offset in days
	fRelShift                   // this, last, next…; val is the shift in years or months
	fFuture                     // a word that puts a sentence in the future tense
	fLabel                      // a label before a date line: "Posted: 20.01.2022"
	fUnitYear                   // "year" after this/last/next
	fUnitMonth                  // "month" after this/last/next
)

type wordInfo struct {
	flags flag
	val   int
}

// words is keyed by the lower-case word. Month and weekday names must be capitalised in
// the text to count (see isCapitalised), which keeps the verb "may" and the verb "march"
// out; abbreviations count only next to a number.
var words = map[string]wordInfo{}

func init() {
	months := [][]string{
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
		{"september", "sept", "sep"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
	}
	for i, names := range months {
		for j, n := range names {
			f := fMonth
			if j > 0 {
				f |= fAbbr
			}
			add(n, f, i+1)
		}
	}
	weekdays := [][]string{
		{"sunday", "sun"}, {"monday", "mon"}, {"tuesday", "tue", "tues"}, {"wednesday", "wed"},
		{"thursday", "thu", "thur", "thurs"}, {"friday", "fri"}, {"saturday", "sat"},
	}
	for i, names := range weekdays {
		for j, n := range names {
			f := fWeekday
			if j > 0 {
				f |= fAbbr
			}
			add(n, f, i)
		}
	}
	for _, w := range []string{"in", "since", "until", "till", "by", "from", "to", "through",
		"throughout", "during", "before", "after", "of", "early", "mid", "late", "end",
		"beginning", "between"} {
		add(w, fMonthCtx, 0)
	}
	for _, w := range []string{"in", "since", "for", "until", "till", "by", "from", "to",
		"through", "throughout", "during", "before", "after", "of", "year", "early", "mid",
		"late", "end", "beginning", "between"} {
		add(w, fYearCtx, 0)
	}
	for _, w := range []string{"to", "through", "till", "until"} {
		add(w, fRangeSep, 0)
	}
	add("today", fRelDay, 0)
	add("tonight", fRelDay, 0)
	add("yesterday", fRelDay, -1)
	add("tomorrow", fRelDay, 1)
	for w, v := range map[string]int{"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "coming": 1} {
		add(w, fRelShift, v)
	}
	add("year", fUnitYear, 0)
	add("month", fUnitMonth, 0)
	for _, w := range []string{"will", "shall", "scheduled", "upcoming", "forthcoming",
		"planned", "plans", "plan", "expected", "intends", "intend"} {
		add(w, fFuture, 0)
	}
	for _, w := range []string{"date", "posted", "published", "updated", "created"} {
		add(w, fLabel, 0)
	}
}

func add(w string, f flag, val int) {
	info := words[w]
	info.flags |= f
	if f&(fMonth|fWeekday|fRelDay|fRelShift) != 0 {
		info.val = val
	}
	words[w] = info
}

// lookup returns what the word can do; words longer than any table entry are not looked up.
func lookup(w string) wordInfo {
	var buf [12]byte
	if len(w) > len(buf) {
		return wordInfo{}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return words[string(buf[:len(w)])]
}

// isCapitalised reports whether a word starts with an upper-case ASCII letter.
func isCapitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }
