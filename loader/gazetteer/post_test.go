package gazetteer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPost(t *testing.T) {
	g := Default()
	type post struct{ Title, Qualifier, Base string }
	tests := map[string]post{
		"Defence Minister":                             {Title: "Minister of Defence"},
		"Minister of Defense":                          {Title: "Minister of Defence"},
		"defense minister":                             {Title: "Minister of Defence"},
		"Foreign Minister":                             {Title: "Minister of Foreign Affairs"},
		"Interior Minister":                            {Title: "Minister of Internal Affairs"},
		"Emergencies Minister":                         {Title: "Minister of Emergency Situations"},
		"Secretary-General":                            {Title: "Secretary General"},
		"Security Council Secretary":                   {Title: "Secretary of the Security Council"},
		"Permanent and Plenipotentiary Representative": {Title: "Permanent and Plenipotentiary Representative"},
		"Spokesman":                                    {Title: "Spokesperson"},
		"Minister-Counsellor":                          {Title: "Minister Counselor"},
		"Deputy Foreign Minister":                      {"Deputy Minister of Foreign Affairs", "Deputy", "Minister of Foreign Affairs"},
		"First Deputy Chief of the Joint Staff":        {"First Deputy Chief of the Joint Staff", "First Deputy", "Chief of the Joint Staff"},
		"Acting Secretary General":                     {"Acting Secretary General", "Acting", "Secretary General"},
		"Vice-President":                               {"Vice President", "Vice", "President"},
		"ex-President":                                 {"Former President", "Former", "President"},
		"Deputy Secretary General":                     {"Deputy Secretary General", "Deputy", "Secretary General"},
		"Collective Security Council":                  {},
	}
	got := map[string]post{}
	for title := range tests {
		var p post
		if found := g.Post(title); found != nil {
			p = post{Title: found.Title, Qualifier: found.Qualifier}
			if found.Base != nil {
				p.Base = found.Base.Title
			}
		}
		got[title] = p
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("Post (-want +got):\n%s", diff)
	}
}
