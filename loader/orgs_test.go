package loader

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// extractOrgs reads a one-item document and returns its organisations as "Name < Parent" lines,
// with "aka" and the sorted aliases.
func extractOrgs(t *testing.T, body string) []string {
	t.Helper()
	cs, err := readBody(t, "2024-05-20", body).changeSet(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	names := map[graph.ID]string{}
	for _, n := range cs.Nodes {
		names[n.ID] = n.Name
	}
	parents := map[graph.ID]string{}
	for _, e := range cs.Edges {
		if e.Relation == graph.RelPartOf {
			parents[e.From] = names[e.To]
		}
	}
	var out []string
	for _, n := range cs.Nodes {
		if n.Kind != graph.KindOrganization {
			continue
		}
		line := n.Name
		if p := parents[n.ID]; p != "" {
			line += " < " + p
		}
		if len(n.Aliases) > 0 {
			a := slices.Clone(n.Aliases)
			sort.Strings(a)
			line += " aka " + strings.Join(a, "; ")
		}
		out = append(out, line)
	}
	sort.Strings(out)
	return out
}

func TestOrgNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"country complement",
			"The delegation of the Ministry of Internal Affairs of Kazakhstan arrived in Bishkek.",
			[]string{"Ministry of Internal Affairs of Kazakhstan"}},
		{"dateline credit",
			"MOSCOW (Example News / Sputnik - 06th December, 2021) The CSTO will hold exercises.",
			[]string{"Collective Security Treaty Organization", "Example News", "Sputnik"}},
		{"minister's ministry",
			"The Minister for Civil Defence, Emergencies and Disaster Relief of Belarus and the Acting Minister of Foreign Affairs of the Republic of Armenia met.",
			[]string{"Ministry for Civil Defence, Emergencies and Disaster Relief of Belarus", "Ministry of Foreign Affairs of the Republic of Armenia"}},
		{"two countries",
			"Officers of the Ministry of Internal Affairs of Kazakhstan and Kyrgyzstan took part.",
			[]string{"Ministry of Internal Affairs of Kazakhstan", "Ministry of Internal Affairs of Kyrgyzstan"}},
		{"adjective and complement are one body",
			"The Ministry of Emergency Situations of the Russian Federation sent rescuers. The Russian Ministry of Emergency Situations said the fire was out.",
			[]string{"Ministry of Emergency Situations of the Russian Federation aka Russian Ministry of Emergency Situations"}},
		{"country adjective before the name",
			"A conference of the Belarusian Institute for Strategic Studies opened in Minsk.",
			[]string{"Belarusian Institute for Strategic Studies"}},
		{"bare head words refer back or are left out",
			"The CSTO Collective Security Council met in Minsk. The Council adopted a declaration. The Commission did not meet.",
			[]string{"Collective Security Council < Collective Security Treaty Organization aka CSTO Collective Security Council; Council",
				"Collective Security Treaty Organization"}},
		{"body of a ministry",
			"He heads the Main Department of the Interior Ministry of Russia.",
			[]string{"Interior Ministry of Russia", "Main Department of the Interior Ministry of Russia < Interior Ministry of Russia"}},
		{"academy of a gazetteer body",
			"Officers studied at the Military Academy of the General Staff of the Armed Forces of the Russian Federation.",
			[]string{"Armed Forces of the Russian Federation",
				"General Staff of the Armed Forces of the Russian Federation < Armed Forces of the Russian Federation",
				"Military Academy of the General Staff of the Armed Forces of the Russian Federation < General Staff of the Armed Forces of the Russian Federation"}},
		{"press office and embassy",
			"The Embassy of the Republic of Belarus to the Russian Federation hosted the event, the press office of the CSTO Joint Staff said.",
			[]string{"CSTO Joint Staff < Collective Security Treaty Organization", "Collective Security Treaty Organization",
				"Embassy of the Republic of Belarus to the Russian Federation",
				"press office of the CSTO Joint Staff < CSTO Joint Staff"}},
		{"military units",
			"Paratroopers of the 76th Guards Air Assault Division and of military unit 3270 took part.",
			[]string{"76th Guards Air Assault Division", "military unit 3270"}},
		{"acronym of the complement",
			"He met the Command of the Collective Rapid Deployment Forces of the Central Asian Region (CRDF CAR).",
			[]string{"CSTO Collective Forces", "CSTO Collective Rapid Deployment Forces of the Central Asian Region < CSTO Collective Forces aka Collective Rapid Deployment Forces of the Central Asian Region",
				"Command of the Collective Rapid Deployment Forces of the Central Asian Region < CSTO Collective Rapid Deployment Forces of the Central Asian Region"}},
		{"possessive owner",
			"Cadets visited the National Guard's Counter-Terrorism Training Centre of the Republic of Tajikistan.",
			[]string{"National Guard of the Republic of Tajikistan",
				"National Guard's Counter-Terrorism Training Centre of the Republic of Tajikistan < National Guard of the Republic of Tajikistan"}},
		{"a national army in lower case",
			"The Syrian army, supported by the Russian Aerospace Forces, retook the town.",
			[]string{"Armed Forces of the Russian Federation", "Russian Aerospace Forces < Armed Forces of the Russian Federation", "Syrian army"}},
		{"a kind of body of the member states",
			"Commanders of the Ministry of Internal Affairs of the CSTO member states met. The Ministry of Internal Affairs trained them.",
			[]string{"Collective Security Treaty Organization"}},
		{"districts and headquarters that are places",
			"Floods hit the Rudaki District near Dushanbe. Talks were held at the Headquarters of the CSTO; the Southern Military District joined.",
			[]string{"Collective Security Treaty Organization", "Southern Military District"}},
		{"a minister without a ministry's name",
			"The Prime Minister of Armenia and the Foreign Minister of Russia met.",
			nil},
		{"press service of a body named by pattern",
			"According to the Kazakh Defence Ministry press service, the drills ended.",
			[]string{"Kazakh Defence Ministry", "Kazakh Defence Ministry press service < Kazakh Defence Ministry"}},
		{"a city or 'General' opening a name",
			"Students of the Moscow State Institute of International Relations met officers of the General Staff of the Armed Forces of Belarus.",
			[]string{"Armed Forces of the Republic of Belarus aka Armed Forces of Belarus",
				"General Staff of the Armed Forces of Belarus < Armed Forces of the Republic of Belarus",
				"Moscow State Institute of International Relations"}},
		{"a body's name modifying an event",
			"The Command and Staff Exercise began near Brest.",
			nil},
		{"a bare head word is no parent",
			"The Council of the Heads of Government will meet in Astana.",
			[]string{"Council of the Heads of Government"}},
		{"an organisation as a modifier",
			"Staff officers of the Operational Headquarters of the CSTO regional operation met.",
			[]string{"Collective Security Treaty Organization"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := extractOrgs(t, tc.text)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s\n got  %q\n want %q", tc.text, got, tc.want)
			}
		})
	}
}
