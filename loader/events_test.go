package loader

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// eventView is what a test checks of an event: "TYPE start city | chairs | participants".
func eventView(e *event) string {
	city := ""
	if e.city != nil {
		city = e.city.Name
	}
	var chairs, parts []string
	for _, c := range e.chairs {
		if c.person != nil {
			chairs = append(chairs, c.person.name())
		} else {
			chairs = append(chairs, c.country.Name)
		}
	}
	for _, p := range e.persons {
		parts = append(parts, p.name())
	}
	sort.Strings(parts)
	v := strings.Join([]string{string(e.typ), string(e.start), city}, " ") + " | " + strings.Join(chairs, ", ") + " | " + strings.Join(parts, ", ")
	if e.planned {
		v += " | planned"
	}
	if e.partOf != nil {
		v += " | part of " + string(e.partOf.typ)
	}
	return v
}

func TestEvents(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{{
		name: "met with",
		text: "published: 2019-11-28\n\nOn 28 November 2019, Russian President Vladimir Putin met with President of Kyrgyzstan Sooronbay Jeenbekov in Bishkek.\n",
		want: []string{"MEETING 2019-11-28 Bishkek |  | Sooronbay Jeenbekov, Vladimir Putin"},
	}, {
		name: "two meetings with two people in one sentence",
		text: "published: 2019-11-28\n\n28.11.2019\nA session of the CSTO Collective Security Council was held in Bishkek.\n" +
			"Russian President Vladimir Putin attended the session. He also held a bilateral meeting with Sooronbay Jeenbekov and talks with Nikol Pashinyan on the sidelines of the session.\n",
		want: []string{"SESSION 2019-11-28 Bishkek |  | Vladimir Putin",
			"MEETING 2019-11-28 Bishkek |  | Sooronbay Jeenbekov, Vladimir Putin | part of SESSION",
			"NEGOTIATION 2019-11-28 Bishkek |  | Nikol Pashinyan, Vladimir Putin | part of SESSION"},
	}, {
		name: "a headline announces in the infinitive",
		text: "published: 2023-11-23\n\n23.11.2023\nCSTO Collective Security Council to hold next session in Moscow\nThe next session of the CSTO Collective Security Council will be held in Moscow in 2024.\n",
		want: []string{"SESSION 2024 Moscow |  |  | planned"},
	}, {
		name: "a meeting between two people",
		text: "published: 2021-03-16\n\n16.03.2021\nThe CSTO Secretariat hosted a working meeting between the CSTO Secretary General Stanislav Zas and the UN Under-Secretary-General Vladimir Voronkov.\n",
		want: []string{"MEETING 2021-03-16  |  | Stanislav Zas, Vladimir Voronkov"},
	}, {
		name: "a subject across a relative clause",
		text: "published: 2022-09-14\n\n14.09.2022\nCSTO Secretary General Stanislav Zas, who heads the CSTO mission, met with Armenian Prime Minister Nikol Pashinyan in Yerevan.\n",
		want: []string{"MEETING 2022-09-14 Yerevan |  | Nikol Pashinyan, Stanislav Zas"},
	}, {
		name: "one meeting of one body in an item",
		text: "published: 2023-04-27\n\n27.04.2023\nThe XXI meeting of the CSTO Interstate Commission on Military-Economic Cooperation was held in Minsk.\n" +
			"The meeting of the Interstate Commission on Military-Economic Cooperation was chaired by Denis Manturov.\n",
		want: []string{"MEETING 2023-04-27 Minsk | Denis Manturov | Denis Manturov"},
	}, {
		name: "the next session is another session",
		text: "published: 2023-11-23\n\n23.11.2023\nThe session of the CSTO Collective Security Council was held in Minsk.\n" +
			"The next session of the CSTO Collective Security Council will be held in Moscow in 2024.\n",
		want: []string{"SESSION 2023-11-23 Minsk |  | ", "SESSION 2024 Moscow |  |  | planned"},
	}, {
		name: "who held the event",
		text: "published: 2022-05-12\n\n12.05.2022\nCSTO Deputy Secretary General Valery Semerikov held a briefing for journalists in Moscow.\n",
		want: []string{"BRIEFING 2022-05-12 Moscow |  | Valery Semerikov"},
	}, {
		name: "a sentence that opens with an event it dates and places",
		text: "published: 2017-06-13\n\n13.06.2017\nAn exercise of the CSTO forces will take place in Kyrgyzstan in 2018.\n" +
			"During the session in Minsk on 13 June the CSTO Defense Ministers Council discussed the plan for training command units.\n",
		want: []string{"TRAINING 2018  |  |  | planned", "SESSION 2017-06-13 Minsk |  | "},
	}, {
		name: "a body named by its head noun alone; a reference dates only with a verb of happening",
		text: "published: 2021-09-09\n\n01.09.2021\nThe XIX meeting of the Interstate Commission on Military-Economic Cooperation of the CSTO will be held on September 9, 2021 in Minsk.\n" +
			"The Commission meeting will be chaired by Yuri Borisov.\nThe agenda of the meeting includes the measures adopted in 2016.\n",
		want: []string{"MEETING 2021-09-09 Minsk | Yuri Borisov | Yuri Borisov | planned"},
	}, {
		name: "an interview with an outlet",
		text: "published: 2019-06-28\n\n28.06.2019\nIn an interview with TASS, CSTO Acting Secretary General Valery Semerikov spoke about the main achievements of the organization.\n",
		want: []string{"OTHER 2019-06-28  |  | Valery Semerikov"},
	}, {
		name: "a dateline names the newsroom of an item that happens elsewhere",
		text: "published: 2025-09-02\n\nMOSCOW, September 2. /TASS/. The joint exercise of the CSTO forces began at the Losvido training ground in Belarus.\n",
		want: []string{"TRAINING 2025-09-02  |  | "},
	}, {
		name: "a document signed in the passive, and who took part in the signing",
		text: "published: 2022-02-16\n\n16.02.2022\nOn February 16, 2022, in Moscow, the Joint Position of the CIS Anti-Terrorism Center and the CSTO Secretariat on Combating Terrorism was signed.\n" +
			"Stanislav Zas took part in the signing ceremony.\n",
		want: []string{"OTHER 2022-02-16 Moscow |  | Stanislav Zas"},
	}, {
		name: "two events dated respectively",
		text: "published: 2020-05-01\n\n01.05.2020\nThe holding in New York, respectively, on June 30 and July 1, 2020, of the World Congress of Victims of Terrorism and the Second UN High-Level Conference of heads of counter-terrorism agencies was postponed.\n",
		want: []string{"CONFERENCE 2020-06-30 New York |  | ", "CONFERENCE 2020-07-01 New York |  | "},
	}, {
		name: "the city right after an event's name is its own",
		text: "published: 2025-11-27\n\n27.11.2025\nThe next session of the CSTO Collective Security Council will be held in Moscow in 2026, it was announced at the regular session of the CSTO Collective Security Council in Bishkek.\n",
		want: []string{"SESSION 2026 Moscow |  |  | planned", "SESSION  Bishkek |  | "},
	}, {
		name: "a reception during a visit",
		text: "published: 2025-11-05\n\n05.11.2025\nDuring his visit to Tajikistan, CSTO Secretary General Imangali Tasmagambetov was received by President Emomali Rahmon.\n",
		want: []string{"VISIT 2025-11-05  |  | Imangali Tasmagambetov", "MEETING 2025-11-05  |  | Emomali Rahmon, Imangali Tasmagambetov | part of VISIT"},
	}, {
		name: "who spoke at the event, under whose charge it ran",
		text: "published: 2025-03-17\n\n17.03.2025\nThe CSTO is holding a command-staff training under the charge of Colonel-General Andrei Serdyukov.\n" +
			"The Collective Rapid Reaction Force is ready, Anatoly Sidorov said at the opening of the training.\n",
		want: []string{"TRAINING 2025-03-17  | Andrei Serdyukov | Anatoly Sidorov, Andrei Serdyukov"},
	}, {
		name: "who has given a briefing; an interview with an outlet the gazetteer does not know",
		text: "published: 2019-12-25\n\n25.12.2019\nCSTO Acting Secretary General Valery Semerikov in an interview with MIR summed up the year.\n\n" +
			"26.12.2019\nThe Chief of the CSTO Joint Staff, Anatoly Sidorov, has today given a briefing for journalists.\n",
		want: []string{"OTHER 2019-12-25  |  | Valery Semerikov", "BRIEFING 2019-12-26  |  | Anatoly Sidorov"},
	}, {
		name: "a speaker who reports who takes part, and 'take place'",
		text: "published: 2015-08-26\n\n26.08.2015\nTwo Russian airborne units will participate in the joint exercise in Pskov, Vladimir Shamanov said.\n" +
			"The exercise will take place on August 28, Nikolai Bordyuzha told journalists.\n",
		want: []string{"TRAINING 2015-08-28 Pskov |  |  | planned"},
	}, {
		name: "exercises of one series are told apart by their code names",
		text: "published: 2025-09-02\n\n02.09.2025\nThe CSTO forces began the joint exercise \"Interaction-2025\" in Belarus.\n" +
			"Unlike the exercise Interaction 2024, the joint exercises, Interaction-2025, involve drones.\n",
		want: []string{"TRAINING 2025-09-02  |  | ", "TRAINING   |  | "},
	}, {
		name: "a person received otherwise is no meeting; a post held is no event",
		text: "published: 2024-05-01\n\n01.05.2024\nThe joint exercise of the CSTO forces ended in Minsk.\nSergei Lebedev received an award from Alexander Lukashenko. Before that, Sergei Lebedev held the post of minister.\n",
		want: []string{"TRAINING 2024-05-01 Minsk |  | "},
	}, {
		name: "the event someone took part in is a particular one",
		text: "published: 2025-09-02\n\n02.09.2025\nThe joint exercise of the CSTO forces continued in Minsk.\nParticipating in the briefing, Andrey Serdyukov stressed the importance of the exercise.\n",
		want: []string{"TRAINING 2025-09-02 Minsk |  | ", "BRIEFING   |  | Andrey Serdyukov"},
	}, {
		name: "a planned event is not dated by its announcement",
		text: "published: 2024-05-05\n\n05.05.2024\nOn 5 May 2024, the CSTO Secretariat announced that the session of the CSTO Collective Security Council will be held in Minsk in November 2024.\n",
		want: []string{"SESSION 2024-11 Minsk |  |  | planned"},
	}, {
		name: "a planned event is not dated by when it was announced",
		text: "published: 2015-08-24\n\n24.08.2015\nThe joint exercise of the CSTO forces will be held in Pskov on August 23-28, Nikolai Bordyuzha said on Wednesday.\n",
		want: []string{"TRAINING 2015-08-23 Pskov |  |  | planned"},
	}, {
		name: "an event named by its type, held as part of a named one",
		text: "published: 2018-10-31\n\n31.10.2018\nCommanders of police units held a training and methodical gathering in Yekaterinburg as part of the exercise \"Indestructible Brotherhood-2018\".\n",
		want: []string{"TRAINING   |  | ", "MEETING 2018-10-31 Yekaterinburg |  |  | part of TRAINING"},
	}, {
		name: "who held the event, named before an appositive",
		text: "published: 2025-07-01\n\n01.07.2025\nAndrey Serdyukov, Chief of the Joint Staff of the Collective Security Treaty Organization, held a briefing for journalists.\n",
		want: []string{"BRIEFING 2025-07-01  |  | Andrey Serdyukov"},
	}, {
		name: "a summit refers back to the session",
		text: "published: 2024-11-28\n\n28.11.2024\nThe session of the CSTO Collective Security Council was held in Astana.\nOn the sidelines of the summit, Vladimir Putin held talks with Kassym-Jomart Tokayev.\n",
		want: []string{"SESSION 2024-11-28 Astana |  | ", "NEGOTIATION 2024-11-28 Astana |  | Kassym-Jomart Tokayev, Vladimir Putin | part of SESSION"},
	}, {
		name: "visited",
		text: "published: 2019-11-27\n\nRussian President Vladimir Putin visited Bishkek on 27 November 2019.\n",
		want: []string{"VISIT 2019-11-27 Bishkek |  | Vladimir Putin"},
	}, {
		name: "talks with, on the sidelines, a pronoun subject",
		text: "published: 2019-11-28\n\nA session of the CSTO Collective Security Council will be held in Bishkek on November 28.\n" +
			"Russian President Vladimir Putin will attend the session. He will also hold talks with Sooronbay Jeenbekov on the sidelines of the session.\n",
		want: []string{"SESSION 2019-11-28 Bishkek |  | Vladimir Putin | planned",
			"NEGOTIATION 2019-11-28 Bishkek |  | Sooronbay Jeenbekov, Vladimir Putin | planned | part of SESSION"},
	}, {
		name: "the setting of an event is not its subject",
		text: "published: 2019-06-13\n\n13.06.2019\nThe meeting of the secretaries general took place in Bishkek on the sidelines of the meeting of the SCO Council of Heads of State.\n" +
			"Secretary General Vladimir Norov took part in the meeting.\n",
		want: []string{"MEETING 2019-06-13 Bishkek |  | Vladimir Norov | part of MEETING",
			"MEETING   |  | "},
	}, {
		name: "a region or a venue named after a city is not the city",
		text: "published: 2019-10-16\n\nThe exercise of the CSTO forces began at the Mulino training range in the Nizhny Novgorod region on 16 October 2019.\n",
		want: []string{"TRAINING 2019-10-16  |  | "},
	}, {
		name: "events in general are no events",
		text: "published: 2019-10-16\n\nThe organization has taken part in several peacekeeping missions and joint military exercises in Moscow.\n",
		want: nil,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := readText(t, tt.text)
			var got []string
			for _, e := range x.events {
				got = append(got, eventView(e))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCodeName(t *testing.T) {
	for title, want := range map[string]string{
		`Joint exercise "Interaction-2025"`:          "interaction 2025",
		"Exercise Interaction 2019 for its forces":   "interaction 2019",
		"Training “Combat Brotherhood-2025”":         "brotherhood 2025",
		"Session of the Collective Security Council": "",
		"Meeting of 2019":                            "",
	} {
		if got := codeName(title); got != want {
			t.Errorf("codeName(%q) = %q, want %q", title, got, want)
		}
	}
}
