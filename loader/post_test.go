package loader

import (
	"context"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tenuresOf extracts a one-item document dated 2023-05-10 and lists its tenures as
// "person | title as written | canonical title | owner | from–to".
func tenuresOf(t *testing.T, body string) []string {
	t.Helper()
	x := readBody(t, "2023-05-10", "10.05.2023\n\n"+body)
	if _, err := x.changeSet(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var out []string
	for _, tn := range x.tenures {
		owner := ""
		switch {
		case tn.org != nil:
			owner = tn.org.name
		case tn.country != nil:
			owner = tn.country.Name
		}
		line := tn.person.name() + " | " + tn.spelled + " | " + tn.title + " | " + owner
		if tn.from != "" {
			line += " | " + string(tn.from) + "–" + string(tn.to)
		}
		if !seen[line] {
			seen[line] = true
			out = append(out, line)
		}
	}
	sort.Strings(out)
	return out
}

func TestTenures(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"title before name, country adjective",
			"Belarusian Defence Minister Viktor Khrenin opened the meeting.",
			[]string{"Viktor Khrenin | Defence Minister | Minister of Defence | Belarus"}},
		{"text's spelling kept, canonical post",
			"Russian Defense Minister Sergei Shoigu and CSTO spokesman Vladimir Zainetdinov spoke.",
			[]string{"Sergei Shoigu | Defense Minister | Minister of Defence | Russia",
				"Vladimir Zainetdinov | Spokesman | Spokesperson | Collective Security Treaty Organization"}},
		{"sub-body of an organisation before the title",
			"CSTO Joint Staff Chief Colonel General Anatoly Sidorov held a briefing.",
			[]string{"Anatoly Sidorov | Joint Staff Chief | Chief of the Joint Staff | CSTO Joint Staff"}},
		{"sub-body after the title, owner after it",
			"The talks were joined by Rasa Ostrauskaite, Head of the Transnational Threats Department (TNTD) of the OSCE Secretariat.",
			[]string{"Rasa Ostrauskaite | Head of the Transnational Threats Department | Head of the Transnational Threats Department | OSCE Transnational Threats Department"}},
		{"dash joins two titles of one holder",
			"He met the Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan Murat Nurtleu.",
			[]string{"Murat Nurtleu | Deputy Prime Minister | Deputy Prime Minister | ",
				"Murat Nurtleu | Minister of Foreign Affairs | Minister of Foreign Affairs | Kazakhstan"}},
		{"apposition with a chain of titles",
			"The session was chaired by Yuri Borisov, the Deputy Prime Minister of the Russian Federation and Chairman of the CSTO Interstate Commission on Military-Economic Cooperation.",
			[]string{"Yuri Borisov | Chairman of the Interstate Commission on Military-Economic Cooperation | Chairman of the Interstate Commission on Military-Economic Cooperation | CSTO Interstate Commission on Military-Economic Cooperation",
				"Yuri Borisov | Deputy Prime Minister | Deputy Prime Minister | Russia"}},
		{"titles with their own articles are two people",
			"He met the President and the Prime Minister of Armenia Nikol Pashinyan.",
			[]string{"Nikol Pashinyan | Prime Minister | Prime Minister | Armenia"}},
		{"remit listed with commas",
			"Present was the Minister for Civil Defence, Emergencies and Elimination of Consequences of Natural Disasters of Russia, Alexander Kurenkov.",
			[]string{"Alexander Kurenkov | Minister for Civil Defence, Emergencies and Elimination of Consequences of Natural Disasters | Minister of Emergency Situations | Russia"}},
		{"remit of the title listed with commas",
			"It was opened by the Deputy Minister for Peace, Security and Human Rights of Armenia, Hovhannes Petrosyan.",
			[]string{"Hovhannes Petrosyan | Deputy Minister for Peace, Security and Human Rights | Deputy Minister for Peace, Security and Human Rights | Armenia"}},
		{"body the gazetteer lacks before the title, abbreviated rank",
			"Paratroopers will take part, Russian Airborne Forces Commander, Col.-Gen. Andrei Serdyukov said.",
			[]string{"Andrei Serdyukov | Airborne Forces Commander | Commander of the Airborne Forces | Russian Airborne Forces"}},
		{"title in brackets after the name",
			"The talks involved Viktor Khrenin (Minister of Defence of Belarus) and others.",
			[]string{"Viktor Khrenin | Minister of Defence | Minister of Defence | Belarus"}},
		{"name in brackets after the title",
			"The talks involved the Minister of Defence of Belarus (Lieutenant General Viktor Khrenin).",
			[]string{"Viktor Khrenin | Minister of Defence | Minister of Defence | Belarus"}},
		{"appointment past an apposition, as of a date",
			"Imangali Tasmagambetov, a representative of Kazakhstan, was appointed Secretary General of the CSTO as of 1 January 2023.",
			[]string{"Imangali Tasmagambetov | Secretary General | Secretary General | Collective Security Treaty Organization | 2023-01-01–"}},
		{"appointment of a person as a post",
			"The leaders approved the appointment of Stanislav Zas as Secretary General of the CSTO for three years starting January 1, 2020.",
			[]string{"Stanislav Zas | Secretary General | Secretary General | Collective Security Treaty Organization | 2020-01-01–2022-12-31"}},
		{"possessive owner before a body",
			"The drills are commanded by Russia’s Southern Military District Commander Colonel General Alexander Dvornikov.",
			[]string{"Alexander Dvornikov | Southern Military District Commander | Commander of the Southern Military District | Russia’s Southern Military District"}},
		{"a list of titles is no chain",
			"Present were the Minister of Defence of Armenia, the Minister of Defence of Belarus Viktor Khrenin and others.",
			[]string{"Viktor Khrenin | Minister of Defence | Minister of Defence | Belarus"}},
		{"a chain of different titles with articles",
			"The new Chairman of the CSTO Collective Security Council, the President of Kazakhstan Kassym-Jomart Tokayev, spoke.",
			[]string{"Kassym-Jomart Tokayev | Chairman of the Collective Security Council | Chairman of the Collective Security Council | Collective Security Council",
				"Kassym-Jomart Tokayev | President | President | Kazakhstan"}},
		{"a bare title shares the complement of the next",
			"Sergei Lavrov met the Deputy Minister – Acting Minister of Foreign Affairs of Armenia Vahe Gevorgyan.",
			[]string{"Vahe Gevorgyan | Acting Minister of Foreign Affairs | Acting Minister of Foreign Affairs | Armenia",
				"Vahe Gevorgyan | Deputy Minister of Foreign Affairs | Deputy Minister of Foreign Affairs | Armenia"}},
		{"a body named by a common noun after its owner",
			"Stanislav Zas, the Head of the CSTO mission, arrived in Yerevan.",
			[]string{"Stanislav Zas | Head of the mission | Head of the mission | CSTO Mission"}},
		{"a diplomat's destination is in the written title",
			"The meeting was chaired by Alexander Grinevich, Permanent Representative of Belarus to the CSTO.",
			[]string{"Alexander Grinevich | Permanent Representative to the CSTO | Permanent Representative | Belarus"}},
		{"one post and its deputy are two people",
			"He was received by the Secretary General and Deputy Secretary General Valery Semerikov.",
			[]string{"Valery Semerikov | Deputy Secretary General | Deputy Secretary General | "}},
		{"list of titled names",
			"Present were CSTO Secretary General Stanislav Zas, CIS Secretary General Sergei Lebedev and the Acting President of Kyrgyzstan Talant Mamytov, the President of Tajikistan Emomali Rahmon.",
			[]string{"Emomali Rahmon | President | President | Tajikistan",
				"Sergei Lebedev | Secretary General | Secretary General | Commonwealth of Independent States",
				"Stanislav Zas | Secretary General | Secretary General | Collective Security Treaty Organization",
				"Talant Mamytov | Acting President | Acting President | Kyrgyzstan"}},
		{"appositions in a list",
			"Speakers included Ruslan Mirzaev, the Director of the SCO RATS Executive Committee, Yevgeny Sysoyev, the Head of the CIS Anti-Terrorism Centre, and others.",
			[]string{"Ruslan Mirzaev | Director of the Executive Committee | Director of the Executive Committee | SCO RATS Executive Committee",
				"Yevgeny Sysoyev | Head of the Anti-Terrorism Center | Head of the Anti-Terrorism Center | CIS Anti-Terrorism Center"}},
		{"post of a post and a remit",
			"He met Kakha Imnadze, the Special Representative of the UN Secretary General for Central Asia.",
			[]string{"Kakha Imnadze | Special Representative of the Secretary General for Central Asia | Special Representative of the Secretary General for Central Asia | United Nations"}},
		{"title only, resolved within the item",
			"Acting Foreign Minister of Armenia Vahe Gevorgyan received the CSTO delegation. The Acting Minister of Foreign Affairs of Armenia thanked the guests.",
			[]string{"Vahe Gevorgyan | Acting Foreign Minister | Acting Minister of Foreign Affairs | Armenia"}},
		{"generic title stays unresolved",
			"President Vladimir Putin spoke. The council is chaired by the head of state of the host country.",
			[]string{"Vladimir Putin | President | President | "}},
		{"plural title over a list of countries",
			"The defence ministers of Belarus (Lieutenant General Viktor Khrenin), of Kazakhstan (Ruslan Zhaksylykov) and of Armenia (Suren Papikyan) took part.",
			[]string{"Ruslan Zhaksylykov | Defence Minister | Minister of Defence | Kazakhstan",
				"Suren Papikyan | Defence Minister | Minister of Defence | Armenia",
				"Viktor Khrenin | Defence Minister | Minister of Defence | Belarus"}},
		{"plural title with its complement",
			"Ministers of Foreign Affairs of Armenia (Ararat Mirzoyan) and of Belarus (Sergei Aleinik) attended.",
			[]string{"Ararat Mirzoyan | Minister of Foreign Affairs | Minister of Foreign Affairs | Armenia",
				"Sergei Aleinik | Minister of Foreign Affairs | Minister of Foreign Affairs | Belarus"}},
		{"former post is the plain title",
			"Former Defence Minister Sergei Shoigu arrived, and former president Nursultan Nazarbayev too.",
			[]string{"Nursultan Nazarbayev | President | President | ",
				"Sergei Shoigu | Defence Minister | Minister of Defence | "}},
		{"appointment with a term",
			"Imangali Tasmagambetov was appointed Secretary General of the CSTO for three years from January 1, 2023.",
			[]string{"Imangali Tasmagambetov | Secretary General | Secretary General | Collective Security Treaty Organization | 2023-01-01–2025-12-31"}},
		{"title-less possessive is no person",
			"The CSTO Secretary General’s Special Representative for Peacekeeping will be appointed.",
			nil},
		{"ambassador to a country",
			"He met Ambassador Extraordinary and Plenipotentiary of the People's Republic of China to the Russian Federation Zhang Hanhui.",
			[]string{"Zhang Hanhui | Ambassador Extraordinary and Plenipotentiary to the Russian Federation | Ambassador Extraordinary and Plenipotentiary | China"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tenuresOf(t, tc.text)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", tc.text, diff)
			}
		})
	}
}
