package graph

import (
	"strings"
	"unicode/utf8"
)

// SearchHit is a node whose name, alias or acronym matches a search text: Key is the NameKey
// that matched, Score how well, from 1 (the same key) down to MinScore.
type SearchHit struct {
	ID    ID
	Kind  Kind
	Key   string
	Score float64
}

// MinScore is the lowest score NameScore gives a match; below it, a name does not match.
const MinScore = 0.3

// NameScore scores how well a name matches a search text, both given as NameKeys, so that
// transliterations already agree ("Masadikov", "Masadykov"). Each word of the text is matched
// to the name word most like it: the same word scores 1, a prefix of at least three letters
// (text typed so far) 0.8 scaled by how much of the word it covers, a word within a few typos
// (Damerau-Levenshtein distance 1 up to 4 letters, 2 up to 8, 3 beyond) less for each typo. A
// text word that matches no name word rejects the name. The mean word score is then weighed by
// the share of the name's words matched, so "putin" ranks "Putin" above "Vladimir Putin". The
// score is 0 for no match.
func NameScore(text, name string) float64 {
	if text == name {
		return 1
	}
	tw, nw := strings.Fields(text), strings.Fields(name)
	if len(tw) == 0 || len(nw) == 0 {
		return 0
	}
	used := make([]bool, len(nw))
	var sum float64
	for _, w := range tw {
		best, at := 0.0, -1
		for i, n := range nw {
			if s := wordScore(w, n); s > best && !used[i] {
				best, at = s, i
			}
		}
		if at < 0 {
			return 0
		}
		used[at] = true
		sum += best
	}
	score := sum / float64(len(tw)) * (0.8 + 0.2*float64(len(tw))/float64(max(len(tw), len(nw))))
	if score < MinScore {
		return 0
	}
	return min(score, 0.99) // only the same key scores 1
}

// WordMatches reports whether a word of a search text matches a word of a name, both of NameKeys,
// as NameScore matches words: a name none of whose words a text word matches scores 0.
func WordMatches(w, n string) bool { return wordScore(w, n) > 0 }

// wordScore scores a word of a search text against a word of a name, 0 for no match.
func wordScore(w, n string) float64 {
	if w == n {
		return 1
	}
	lw, ln := utf8.RuneCountInString(w), utf8.RuneCountInString(n)
	if lw >= 3 && strings.HasPrefix(n, w) {
		return 0.8 * float64(lw) / float64(ln)
	}
	allowed := 1
	switch m := max(lw, ln); {
	case m <= 4:
		allowed = 1
	case m <= 8:
		allowed = 2
	default:
		allowed = 3
	}
	if lw <= 2 || abs(lw-ln) > allowed {
		return 0
	}
	if lettersApart(w, n) > allowed {
		return 0 // as editDistance would say, at a fraction of its cost
	}
	d := editDistance(w, n)
	if d > allowed {
		return 0
	}
	return 1 - float64(d)/float64(max(lw, ln)) - 0.1
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// lettersApart is a lower bound of editDistance(a, b): each insertion, deletion, substitution or
// swap changes by at most one how many letters one word has more of than the other, on either
// side. It is 0 for words with a letter beyond ASCII, which it does not count.
func lettersApart(a, b string) int {
	var counts [128]int
	for _, w := range []struct {
		s    string
		sign int
	}{{a, 1}, {b, -1}} {
		for i := range len(w.s) {
			if w.s[i] >= 128 {
				return 0
			}
			counts[w.s[i]] += w.sign
		}
	}
	more, fewer := 0, 0
	for _, n := range counts {
		if n > 0 {
			more += n
		} else {
			fewer -= n
		}
	}
	return max(more, fewer)
}

// editDistance is the Damerau-Levenshtein distance (optimal string alignment) of two words
// in runes: insertions, deletions, substitutions and swaps of neighbours each cost 1.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// One allocation for the table: Search calls this for every distinct word of the names.
	cells := make([]int, (len(ra)+1)*(len(rb)+1))
	rows := make([][]int, len(ra)+1)
	for i := range rows {
		rows[i] = cells[i*(len(rb)+1) : (i+1)*(len(rb)+1)]
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(ra)][len(rb)]
}
