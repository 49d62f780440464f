package gazetteer

import (
	"fmt"
	"io/fs"
)

// Post is a post title in canonical form ("Minister of Defence") with the variants news uses
// for it ("Defence Minister", "Minister of Defense", "defense minister"). A qualified post
// ("First Deputy Prime Minister") has its Qualifier ("First Deputy") and the Base post it
// qualifies ("Prime Minister"); for a "Former" post the tenure's title is Base.Title.
type Post struct {
	Title     string
	Variants  []string
	Qualifier string
	Base      *Post
}

// Post returns the post for a title or one of its variants, compared by graph.NameKey and
// with a qualifier in front if it has one, or nil: Post("Deputy Foreign Minister") is the
// post "Deputy Minister of Foreign Affairs".
func (g *Gazetteer) Post(title string) *Post {
	return g.postByKey[phraseKey(title)]
}

// loadPosts reads posts.tsv (kind, canonical form, variants), where kind is "post" or
// "qualifier", and makes every qualified post.
func (g *Gazetteer) loadPosts(fsys fs.FS) error {
	g.postByKey = map[string]*Post{}
	var qualifiers []*Post
	err := readTable(fsys, "posts.tsv", 3, func(f []string) error {
		p := &Post{Title: f[1], Variants: splitList(f[2])}
		switch f[0] {
		case "post":
			g.posts = append(g.posts, p)
		case "qualifier":
			qualifiers = append(qualifiers, p)
		default:
			return fmt.Errorf("post %q: kind %q is neither post nor qualifier", p.Title, f[0])
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Listed posts are indexed first, so that they win over made ones. Each form of a qualified
	// post is a qualifier's form followed by a post's, so their tokens are joined rather than
	// each form tokenized anew.
	forms := make([][][]token, len(g.posts))
	for i, base := range g.posts {
		for _, v := range base.forms() {
			for _, s := range spellings(v) {
				toks := phraseTokens(s)
				forms[i] = append(forms[i], toks)
				if err := g.indexPost(base, toks, true); err != nil {
					return err
				}
			}
		}
	}
	var qualified []*Post
	for i, base := range g.posts {
		for _, q := range qualifiers {
			p := &Post{Title: q.Title + " " + base.Title, Qualifier: q.Title, Base: base}
			for _, qv := range q.forms() {
				for _, bv := range base.forms() {
					if v := qv + " " + bv; v != p.Title {
						p.Variants = append(p.Variants, v)
					}
				}
				qtoks := phraseTokens(qv)
				for _, toks := range forms[i] {
					if err := g.indexPost(p, append(qtoks[:len(qtoks):len(qtoks)], toks...), false); err != nil {
						return err
					}
				}
			}
			qualified = append(qualified, p)
		}
	}
	g.posts = append(g.posts, qualified...)
	return nil
}

// forms lists p's title and variants.
func (p *Post) forms() []string {
	return append([]string{p.Title}, p.Variants...)
}

// indexPost files p under the phrase toks. A key that names another post is an error for a
// post of posts.tsv, while a qualified post yields to the listed one ("Vice President" may be
// listed as a post of its own).
func (g *Gazetteer) indexPost(p *Post, toks []token, listed bool) error {
	k := g.addTokens(toks, MatchPost)
	switch other := g.postByKey[k]; {
	case other == nil:
		g.postByKey[k] = p
	case other != p && listed:
		return fmt.Errorf("post %q: %q already names %q", p.Title, k, other.Title)
	}
	return nil
}
