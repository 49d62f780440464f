package gazetteer

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// describe renders a match as "Kind "text" → what it names".
func describe(m Match) string {
	var what string
	switch m.Kind {
	case MatchCountry, MatchCountryAdjective:
		what = m.Country.Name
	case MatchCity:
		what = m.Cities[0].Name + ", " + m.Cities[0].Country
	case MatchOrganization:
		what = m.Organization.Name
	case MatchPost:
		what = m.Post.Title
	case MatchRank:
		what = "rank"
	}
	return fmt.Sprintf("%s %q → %s", m.Kind, m.Text, what)
}

func TestScan(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string
	}{{
		"On 12 March the CSTO Secretary General Imangali Tasmagambetov met the Kyrgyz Foreign Minister in Bishkek.",
		[]string{
			`Organization "CSTO" → Collective Security Treaty Organization`,
			`Post "Secretary General" → Secretary General`,
			`CountryAdjective "Kyrgyz" → Kyrgyzstan`,
			`Post "Foreign Minister" → Minister of Foreign Affairs`,
			`City "Bishkek" → Bishkek, Kyrgyzstan`,
		},
	}, {
		"A session of the Collective Security Council of the Collective Security Treaty Organization was held in Moscow.",
		[]string{
			`Organization "Collective Security Council of the Collective Security Treaty Organization" → Collective Security Council`,
			`City "Moscow" → Moscow, Russia`,
		},
	}, {
		"Lieutenant General Ruslan Zhaksylykov, Defence Minister of the Republic of Kazakhstan, arrived in Nur-Sultan.",
		[]string{
			`Rank "Lieutenant General" → rank`,
			`Post "Defence Minister" → Minister of Defence`,
			`Country "Republic of Kazakhstan" → Kazakhstan`,
			`City "Nur-Sultan" → Astana, Kazakhstan`,
		},
	}, {
		"The Russian Federation will chair the Coordinating Council for Emergency Situations next year.",
		[]string{
			`Country "Russian Federation" → Russia`,
			`Organization "Coordinating Council for Emergency Situations" → CSTO Coordinating Council for Emergency Situations`,
		},
	}, {
		"Russian and Belarusian paratroopers trained near Pskov and in the Vitebsk region.",
		[]string{
			`CountryAdjective "Russian" → Russia`,
			`CountryAdjective "Belarusian" → Belarus`,
			`City "Pskov" → Pskov, Russia`,
			`City "Vitebsk" → Vitebsk, Belarus`,
		},
	}, {
		"It was a nice day, and the union of mobile units moved on in reading order.",
		nil,
	}, {
		"Of the six member states, only Armenia abstained.",
		[]string{`Country "Armenia" → Armenia`},
	}, {
		"Victoria Nuland told reporters in Geneva that Yuri Borisov had not come.",
		[]string{`City "Geneva" → Geneva, Switzerland`},
	}, {
		"The Joint Staff of the CSTO reported to the Permanent Council on the drills near Bosteri and Cholpon-Ata, Kyrgyzstan.",
		[]string{
			`Organization "Joint Staff of the CSTO" → CSTO Joint Staff`,
			`Organization "Permanent Council" → CSTO Permanent Council`,
			`City "Bosteri" → Bosteri, Kyrgyzstan`,
			`City "Cholpon-Ata" → Cholpon-Ata, Kyrgyzstan`,
			`Country "Kyrgyzstan" → Kyrgyzstan`,
		},
	}, {
		"First Deputy Chief of the Joint Staff Major General Pavel Orlov spoke at a forum in St. Petersburg.",
		[]string{
			`Post "First Deputy Chief of the Joint Staff" → First Deputy Chief of the Joint Staff`,
			`Rank "Major General" → rank`,
			`City "St. Petersburg" → St. Petersburg, Russia`,
		},
	}, {
		"UN Secretary-General António Guterres addressed the OSCE Ministerial Council in Vienna.",
		[]string{
			`Organization "UN" → United Nations`,
			`Post "Secretary-General" → Secretary General`,
			`Organization "OSCE Ministerial Council" → OSCE Ministerial Council`,
			`City "Vienna" → Vienna, Austria`,
		},
	}, {
		"The Collective Security Treaty Organization (CSTO) Council of Foreign Ministers met in Yerevan.",
		[]string{
			`Organization "Collective Security Treaty Organization" → Collective Security Treaty Organization`,
			`Organization "CSTO" → Collective Security Treaty Organization`,
			`Organization "Council of Foreign Ministers" → CSTO Council of Foreign Ministers`,
			`City "Yerevan" → Yerevan, Armenia`,
		},
	}, {
		"Who will host the summit? The WHO and UNICEF did not say.",
		[]string{
			`Organization "WHO" → World Health Organization`,
			`Organization "UNICEF" → United Nations Children's Fund`,
		},
	}, {
		"TASS reported that the Chinese side and the Tajik side signed a memorandum, Sputnik added.",
		[]string{
			`Organization "TASS" → TASS`,
			`CountryAdjective "Chinese" → China`,
			`CountryAdjective "Tajik" → Tajikistan`,
			`Organization "Sputnik" → Sputnik`,
		},
	}, {
		"Russian defence minister Andrei Belousov met the prime minister of Armenia.",
		[]string{
			`CountryAdjective "Russian" → Russia`,
			`Post "defence minister" → Minister of Defence`,
			`Post "prime minister" → Prime Minister`,
			`Country "Armenia" → Armenia`,
		},
	}, {
		"The ex-President of Kyrgyzstan and the CSTO’s Rapid Reaction Force were mentioned.",
		[]string{
			`Post "ex-President" → Former President`,
			`Country "Kyrgyzstan" → Kyrgyzstan`,
			`Organization "CSTO’s Rapid Reaction Force" → CSTO Collective Rapid Reaction Forces`,
		},
	}, {
		"Member States of the Union signed the Statement in March, Mission officials said.",
		nil,
	}, {
		"The delegation of Türkiye flew from Nice to Almaty.",
		[]string{
			`Country "Türkiye" → Turkey`,
			`City "Nice" → Nice, France`,
			`City "Almaty" → Almaty, Kazakhstan`,
		},
	}}
	g := Default()
	for _, tt := range tests {
		var got []string
		for _, m := range g.Scan(tt.sentence) {
			if m.Text != tt.sentence[m.Start:m.End] {
				t.Errorf("Scan(%q): span %d-%d is %q, text %q", tt.sentence, m.Start, m.End, tt.sentence[m.Start:m.End], m.Text)
			}
			got = append(got, describe(m))
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Scan(%q) (-want +got):\n%s", tt.sentence, diff)
		}
	}
}

func TestScanPrefersCountryToCity(t *testing.T) {
	ms := Default().Scan("Armenia")
	if len(ms) != 1 || ms[0].Kind != MatchCountry || ms[0].Country.Name != "Armenia" {
		t.Fatalf("Scan(Armenia) = %+v, want one country match", ms)
	}
	var codes []string
	for _, c := range ms[0].Cities {
		codes = append(codes, c.CountryCode)
	}
	if !contains(codes, "CO") {
		t.Errorf("Scan(Armenia) cities in %v, want the Colombian city among them", codes)
	}
}

func BenchmarkScan(b *testing.B) {
	g := Default()
	sentences := []string{
		"On 12 March the CSTO Secretary General Imangali Tasmagambetov met the Kyrgyz Foreign Minister in Bishkek.",
		"The heads of the emergency departments of the Republic of Belarus, the Republic of Kazakhstan and the Russian Federation took part in the meeting of the Coordination Council in Cholpon-Ata.",
		"Lieutenant General Ruslan Zhaksylykov, Defence Minister of the Republic of Kazakhstan, arrived in Nur-Sultan.",
	}
	for b.Loop() {
		for _, s := range sentences {
			g.Scan(s)
		}
	}
}
