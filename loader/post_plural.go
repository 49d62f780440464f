package loader

import "strings"

// findPluralPosts reads a plural title shared by a list of countries with their holders in
// brackets: "the defence ministers of Belarus (Lieutenant General Viktor Khrenin), of Kazakhstan
// (Colonel General Ruslan Zhaksylykov) and of Russia (Sergei Shoigu)" gives each the post of
// his country.
func (x *extraction) findPluralPosts(s *sentence) {
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if len(t.text) < 4 || !strings.HasSuffix(t.text, "s") || s.markAt(i, i+1) != nil {
			continue
		}
		singular := strings.TrimSuffix(t.text, "s")
		if strings.HasSuffix(singular, "ie") { // secretaries
			singular = strings.TrimSuffix(singular, "ie") + "y"
		}
		from, spelled := i, singular
		post := x.gz.Post(singular) // the head of every plural title is a post: "ministers"
		if post == nil {
			continue
		}
		if i > 0 && s.markAt(i-1, i) == nil {
			if p := x.gz.Post(s.toks[i-1].text + " " + singular); p != nil {
				post, from, spelled = p, i-1, s.toks[i-1].text+" "+singular
			}
		}
		k := i + 1
		// "Ministers of Foreign Affairs of Armenia (…)": the title goes on after the plural.
		for j := i + 2; j <= len(s.toks) && j <= i+5; j++ {
			if p := x.gz.Post(spelled + " " + s.span(i+1, j)); p != nil && s.markAt(i+1, j) == nil {
				post, k = p, j
			}
		}
		if k > i+1 {
			spelled += " " + s.span(i+1, k)
		}
		if post == nil || from == i && k == i+1 && !strings.EqualFold(singular, post.Title) {
			continue
		}
		title := titleCase(spelled)
		for k < len(s.toks) {
			if s.toks[k].is(",", "and", "as", "well") {
				k++
				continue
			}
			if !s.toks[k].is("of") {
				break
			}
			k++
			if k < len(s.toks) && s.toks[k].is("the") {
				k++
			}
			cm := s.markStarting(k)
			if cm == nil || cm.kind != markCountry || cm.to >= len(s.toks) || s.toks[cm.to].text != "(" {
				break
			}
			j := cm.to + 1
			if rm := s.markStarting(j); rm != nil && rm.kind == markRank {
				j = rm.to
			}
			pm := s.markStarting(j)
			if pm == nil || pm.kind != markPerson || pm.to >= len(s.toks) || s.toks[pm.to].text != ")" {
				break
			}
			x.tenures = append(x.tenures, tenure{person: pm.person, title: post.Title, spelled: title,
				country: cm.match.Country, sent: s})
			k = pm.to + 1
		}
		i = k - 1
		if i < from {
			i = from
		}
	}
}
