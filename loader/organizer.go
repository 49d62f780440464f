package loader

// organizerCues introduce who organises an event: "organized by the CSTO Secretariat", "hosted
// by the Ministry of Defence", "at the initiative of the Russian side".
var organizerCues = wordSet(`organized organised hosted convened initiated sponsored`)

// readOrganizers adds to e the organisations a sentence says organise it ("organized by X",
// "hosted by X", "at the initiative of X") and the organisations it says take part ("with the
// participation of X", "X took part"). An official of an organisation taking part does not
// make the organisation a participant: only the organisation's own name in those places does.
func readOrganizers(s *sentence, e *event) {
	for i, t := range s.toks {
		var at int
		switch {
		case organizerCues[t.lower()] && i+1 < len(s.toks) && s.toks[i+1].is("by"):
			at = i + 2
		case t.is("initiative", "invitation") && i+1 < len(s.toks) && s.toks[i+1].is("of"):
			at = i + 2
		case t.is("participation") && i+1 < len(s.toks) && s.toks[i+1].is("of"):
			if m := orgAt(s, i+2); m != nil {
				e.participantOrgs = appendOrgFact(e.participantOrgs, orgFact{m.org, s})
			}
			continue
		case i > 0 && (t.is("participated", "participate", "participates") ||
			t.is("took", "take", "takes") && i+1 < len(s.toks) && s.toks[i+1].is("part")):
			if m := s.markEnding(i); m != nil && m.kind == markOrg {
				e.participantOrgs = appendOrgFact(e.participantOrgs, orgFact{m.org, s})
			}
			continue
		default:
			continue
		}
		if m := orgAt(s, at); m != nil {
			e.organizedBy = appendOrgFact(e.organizedBy, orgFact{m.org, s})
		}
	}
}

// orgAt returns the organisation mark at token i, after an optional "the", or nil.
func orgAt(s *sentence, i int) *mark {
	if i < len(s.toks) && s.toks[i].is("the") {
		i++
	}
	if m := s.markStarting(i); m != nil && m.kind == markOrg {
		return m
	}
	return nil
}

// orgFact is an organisation a sentence states something of.
type orgFact struct {
	org  *orgRef
	sent *sentence
}

func appendOrgFact(fs []orgFact, f orgFact) []orgFact {
	for _, q := range fs {
		if q.org.name == f.org.name {
			return fs
		}
	}
	return append(fs, f)
}
