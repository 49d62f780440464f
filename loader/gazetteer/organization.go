package gazetteer

import (
	"fmt"
	"io/fs"
	"strings"
)

// Organization is an international organisation, one of its bodies, or a national body with a
// fixed name. Parent is the canonical name of the organisation a body belongs to ("" for none);
// Aliases include the forms built from the parent ("Joint Staff of the CSTO").
type Organization struct {
	Name, Acronym string
	Aliases       []string
	Parent        string
}

// Organization returns the organisation with the given name, acronym or alias, compared by
// graph.NameKey, or nil. When several share it ("Council of Foreign Ministers" of the CSTO,
// the CIS and the SCO) it returns the first in file order; Organizations lists them all.
func (g *Gazetteer) Organization(name string) *Organization {
	if list := g.orgsByKey[phraseKey(name)]; len(list) > 0 {
		return list[0]
	}
	return nil
}

// Organizations returns every organisation with the given name, acronym or alias, in file
// order (the CSTO's bodies first).
func (g *Gazetteer) Organizations(name string) []*Organization {
	list := g.orgsByKey[phraseKey(name)]
	return append([]*Organization(nil), list...)
}

// loadOrganizations reads organizations.tsv (name, acronym, aliases, parent), adds the forms
// built from each body's ancestors and indexes every name in both spellings.
func (g *Gazetteer) loadOrganizations(fsys fs.FS) error {
	byName := map[string]*Organization{}
	err := readTable(fsys, "organizations.tsv", 4, func(f []string) error {
		o := &Organization{Name: f[0], Acronym: f[1], Aliases: splitList(f[2]), Parent: f[3]}
		if byName[o.Name] != nil {
			return fmt.Errorf("organization %q listed twice", o.Name)
		}
		byName[o.Name] = o
		g.orgs = append(g.orgs, o)
		return nil
	})
	if err != nil {
		return err
	}
	for _, o := range g.orgs {
		ancestors, err := ancestry(o, byName)
		if err != nil {
			return err
		}
		known := map[string]bool{}
		for _, n := range o.names() {
			known[phraseKey(n)] = true
		}
		for _, form := range bodyForms(o, ancestors) {
			if k := phraseKey(form); !known[k] {
				known[k] = true
				o.Aliases = append(o.Aliases, form)
			}
		}
	}
	g.orgsByKey = map[string][]*Organization{}
	for _, o := range g.orgs {
		for _, n := range o.names() {
			for _, s := range spellings(n) {
				k := g.addPhrase(s, MatchOrganization)
				if list := g.orgsByKey[k]; len(list) == 0 || list[len(list)-1] != o {
					g.orgsByKey[k] = append(list, o)
				}
			}
		}
	}
	return nil
}

// ancestry returns o's parent, grandparent and so on, checking that each exists and that the
// chain has no cycle.
func ancestry(o *Organization, byName map[string]*Organization) ([]*Organization, error) {
	var chain []*Organization
	for p := o.Parent; p != ""; {
		parent := byName[p]
		if parent == nil {
			return nil, fmt.Errorf("organization %q: unknown parent %q", o.Name, p)
		}
		if parent == o || len(chain) > len(byName) {
			return nil, fmt.Errorf("organization %q: parent chain loops", o.Name)
		}
		chain = append(chain, parent)
		p = parent.Parent
	}
	return chain, nil
}

// bodyForms returns the names a body goes by besides its own: its base name (its name without
// an ancestor's acronym or name in front) preceded by each ancestor's acronym, followed by
// "of the" and each ancestor's name and acronym, and alone when it has two words or more; and
// each ancestor's acronym before the body's ("CSTO CCES").
func bodyForms(o *Organization, ancestors []*Organization) []string {
	if len(ancestors) == 0 {
		return nil
	}
	base := o.Name
	for _, a := range ancestors {
		if rest, ok := cutPrefixWord(o.Name, a.Acronym); ok {
			base = rest
			break
		}
		if rest, ok := cutPrefixWord(o.Name, a.Name); ok {
			base = rest
			break
		}
	}
	var forms []string
	if len(strings.Fields(base)) >= 2 {
		forms = append(forms, base)
	}
	for _, a := range ancestors {
		forms = append(forms, base+" of the "+a.Name)
		if a.Acronym == "" {
			continue
		}
		forms = append(forms, a.Acronym+" "+base, base+" of the "+a.Acronym)
		if o.Acronym != "" && !strings.HasPrefix(o.Acronym, a.Acronym+" ") {
			forms = append(forms, a.Acronym+" "+o.Acronym)
		}
	}
	return forms
}

// cutPrefixWord returns s without prefix and the space after it, if s starts so.
func cutPrefixWord(s, prefix string) (string, bool) {
	if prefix == "" {
		return s, false
	}
	return strings.CutPrefix(s, prefix+" ")
}

// names lists o's name, acronym and aliases.
func (o *Organization) names() []string {
	names := []string{o.Name}
	if o.Acronym != "" {
		names = append(names, o.Acronym)
	}
	return append(names, o.Aliases...)
}
