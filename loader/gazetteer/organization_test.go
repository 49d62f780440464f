package gazetteer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOrganization(t *testing.T) {
	g := Default()
	tests := map[string]string{
		"CSTO": "Collective Security Treaty Organization",
		"Collective Security Treaty Organization": "Collective Security Treaty Organization",
		"Collective Security Treaty Organisation": "Collective Security Treaty Organization",
		"ODKB":                            "Collective Security Treaty Organization",
		"the Joint Staff of the CSTO":     "CSTO Joint Staff",
		"Joint Staff":                     "CSTO Joint Staff",
		"CSTO CCES":                       "CSTO Coordinating Council for Emergency Situations",
		"Crisis Response Centre":          "CSTO Crisis Response Center",
		"Collective Rapid Reaction Force": "CSTO Collective Rapid Reaction Forces",
		"CSTO CRRF":                       "CSTO Collective Rapid Reaction Forces",
		"Collective Security Council of the CSTO": "Collective Security Council",
		"CIS Anti-Terrorist Centre":               "CIS Anti-Terrorism Center",
		"SCO RATS":                                "SCO Regional Anti-Terrorist Structure",
		"Shanghai Co-operation Organisation":      "Shanghai Cooperation Organization",
		"EAEU":                                    "Eurasian Economic Union",
		"UN Security Council":                     "United Nations Security Council",
		"UNODC":                                   "United Nations Office on Drugs and Crime",
		"Interpol":                                "International Criminal Police Organization",
		"Qazinform":                               "Kazinform",
		"Rosgvardia":                              "National Guard of the Russian Federation",
		"Ministry of Defence":                     "",
	}
	got := map[string]string{}
	for name := range tests {
		got[name] = ""
		if o := g.Organization(name); o != nil {
			got[name] = o.Name
		}
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("Organization (-want +got):\n%s", diff)
	}
}

func TestOrganizationParents(t *testing.T) {
	g := Default()
	tests := map[string][]string{
		"Joint Staff":                  {"CSTO Joint Staff", "Collective Security Treaty Organization"},
		"Crisis Response Center":       {"CSTO Crisis Response Center", "CSTO Secretariat", "Collective Security Treaty Organization"},
		"CRRF":                         {"CSTO Collective Rapid Reaction Forces", "CSTO Collective Forces", "Collective Security Treaty Organization"},
		"SCO RATS Executive Committee": {"SCO RATS Executive Committee", "SCO Regional Anti-Terrorist Structure", "Shanghai Cooperation Organization"},
		"UNRCCA":                       {"United Nations Regional Centre for Preventive Diplomacy for Central Asia", "United Nations"},
		"Coordination Service of the Council of Commanders of the Border Troops": {"Coordination Service of the CIS Council of Commanders of Border Troops", "CIS Council of Commanders of Border Troops", "Commonwealth of Independent States"},
	}
	got := map[string][]string{}
	for name := range tests {
		for o := g.Organization(name); o != nil; o = g.Organization(o.Parent) {
			got[name] = append(got[name], o.Name)
			if o.Parent == "" {
				break
			}
		}
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("parent chains (-want +got):\n%s", diff)
	}
}

func TestOrganizationsShareAName(t *testing.T) {
	var got []string
	for _, o := range Default().Organizations("Council of Foreign Ministers") {
		got = append(got, o.Name)
	}
	want := []string{"CSTO Council of Foreign Ministers", "CIS Council of Foreign Ministers", "SCO Council of Foreign Ministers"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Organizations (-want +got):\n%s", diff)
	}
}
