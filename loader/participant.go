package loader

// This file reads who took part in an event: the people a sentence says attended, spoke, held
// the event or met someone there.

// participationCues are words that say the people of a sentence took part in its event.
var participationCues = []string{"took", "take", "taking", "participated", "participate", "participation",
	"participants", "attended", "attend", "attending", "present", "delegation", "delegations", "chaired",
	"chairmanship", "presided", "met", "meets", "received", "receives", "visits", "talks", "welcomed", "opened", "addressed", "spoke",
	"speech", "delivered", "headed", "led", "reported", "informed", "visited", "participating", "presented", "greeting"}

// readParties adds to an event that was "with" someone the people it was with and whoever the
// sentence says met them: its subject, or the person "He" stands for.
func (x *extraction) readParties(s *sentence, e *event, evs []*event) {
	for _, p := range e.parties {
		e.persons = appendPerson(e.persons, p)
	}
	if p := x.pronounSubject(s); p != nil {
		e.persons = appendPerson(e.persons, p)
		return
	}
	for _, m := range s.marks {
		if m.kind == markPerson {
			e.persons = appendPerson(e.persons, m.person)
			return
		}
	}
}

// readParticipants adds the people and countries of a sentence that says they took part, but
// not those another event of the sentence was with ("… and hold talks with Lukashenko").
func (x *extraction) readParticipants(s *sentence, e *event, others []*person) {
	if p := agent(s); p != nil {
		e.persons = appendPerson(e.persons, p)
	}
	cue := participationCue(s)
	if cue < 0 && (meetsWith(s) || spokeAt(s)) {
		cue = len(s.toks)
	}
	if cue < 0 {
		return
	}
	if p := x.pronounSubject(s); p != nil {
		e.persons = appendPerson(e.persons, p)
	}
	for _, m := range s.marks {
		switch m.kind {
		case markPerson:
			if reports(s, m) && 0 < cue && cue < m.from && othersTakePart[s.toks[cue].lower()] && !spokeAt(s) {
				continue // "… units will participate, Shamanov said": the speaker reports it
			}
			if !hasPerson(others, m.person) || hasPerson(e.parties, m.person) {
				e.persons = appendPerson(e.persons, m.person)
			}
		case markCountry:
			if !topicOf(s, m) {
				e.countries = appendCountry(e.countries, m.match.Country)
			}
		}
	}
}

// participationCue returns the index of the first word of the sentence that says its people
// took part, or -1. "Take place" says nothing of people, nor does a news agency that reported.
func participationCue(s *sentence) int {
	for i, t := range s.toks {
		if !t.is(participationCues...) || t.is("take", "took", "taking", "takes") && i+1 < len(s.toks) && s.toks[i+1].is("place") {
			continue
		}
		if t.is("received", "receives", "welcomed") && !receivesPeople(s, i+1) {
			continue // "received an award"
		}
		if t.is("reported", "informed") {
			// "Zas reported on the situation" speaks at the event; "TASS reported" does not.
			if m := s.markEnding(i); m == nil || m.kind != markPerson {
				continue
			}
		}
		return i
	}
	return -1
}

// othersTakePart are cues that a speaker may report of others: "units will participate, X said".
var othersTakePart = wordSet(`took take taking participated participate participation participants attended attend
attending present participating`)

// receivesPeople reports whether people follow a verb of receiving at token i: "received the
// participants", "received Secretary General Zas".
func receivesPeople(s *sentence, i int) bool {
	if i < len(s.toks) && s.toks[i].is("the") {
		i++
	}
	if i >= len(s.toks) {
		return false
	}
	if m := s.markStarting(i); m != nil {
		return m.kind == markPerson || m.kind == markPost || m.kind == markRank || m.kind == markCountryAdj
	}
	return s.toks[i].is("participants", "delegation", "delegations", "heads", "members", "leaders", "head", "chairmen", "ministers")
}

// speechVerbs report what someone said.
var speechVerbs = wordSet(`said says told stated noted announced stressed emphasized emphasised added`)

// reports reports whether the person mark m is the speaker of a speech verb next to it: "…,
// Shamanov said", "said Shamanov", "Shamanov told TASS". (A sentence that opens with the cue,
// "Participating in the briefing, Serdyukov said …", has the speaker as its subject.)
func reports(s *sentence, m mark) bool {
	if m.to < len(s.toks) && speechVerbs[s.toks[m.to].lower()] {
		return true
	}
	return m.from > 0 && speechVerbs[s.toks[m.from-1].lower()]
}

// agentVerbs, after a person, say the person ran the sentence's event: "Serdyukov held a
// briefing", "Zas, who …, opened the conference".
var agentVerbs = wordSet(`held holds hosted hosts conducted conducts gave gives given`)

// auxiliaries stand between a subject and its verb: "Serdyukov has today given a briefing".
var auxiliaries = wordSet(`has have had was is also today yesterday already then`)

// agent returns the person that is the subject of an agent verb whose object is an event
// ("held a briefing", "gave an interview"), or a host, or nil.
func agent(s *sentence) *person {
	for k, t := range s.toks {
		if !agentVerbs[t.lower()] || k == 0 || !eventObject(s, k+1) && !t.is("hosted", "hosts") {
			continue
		}
		j := k
		for j > 0 && k-j < 4 && (auxiliaries[s.toks[j-1].lower()] || s.toks[j-1].text == ",") {
			j--
		}
		if m := s.markEnding(j); m != nil && m.kind == markPerson {
			return m.person
		}
		if j < k && s.toks[j].text == "," {
			// "Serdyukov, Chief of the Joint Staff of the CSTO, held a briefing"
			if m := subjectBefore(s, j); m != nil {
				return m.person
			}
		}
	}
	return nil
}

// spokeAt reports whether the sentence says someone spoke at an event or made a report there:
// "Sidorov said at the opening ceremony", "Zas made a report".
func spokeAt(s *sentence) bool {
	for i := 0; i+1 < len(s.toks); i++ {
		t, next := s.toks[i], s.toks[i+1]
		if t.is("said", "stated", "noted", "speaking", "emphasized", "emphasised", "stressed") && next.is("at", "during") {
			return true
		}
		if t.is("made", "gave") && i+2 < len(s.toks) && next.is("a", "an") &&
			s.toks[i+2].is("report", "presentation", "speech", "address") {
			return true
		}
	}
	return false
}

// eventObject reports whether an event noun follows token i within a few words: "a briefing",
// "the first working meeting".
func eventObject(s *sentence, i int) bool {
	for j := i; j < len(s.toks) && j < i+4; j++ {
		if _, ok := eventNouns[s.toks[j].lower()]; ok {
			return true
		}
		if !s.toks[j].isWord() {
			return false
		}
	}
	return false
}

// meetingNouns are what "with" follows when a sentence tells who met whom.
var meetingNouns = wordSet(`met meet meets meeting talks negotiations conversation consultations`)

// meetsWith reports whether the sentence says people met: "met with", "a meeting via
// videoconference with", "talks with".
func meetsWith(s *sentence) bool {
	for i, t := range s.toks {
		if meetingNouns[t.lower()] {
			for j := i + 1; j < len(s.toks) && j <= i+3; j++ {
				if s.toks[j].is("with", "between") {
					return true
				}
			}
		}
	}
	return false
}

// pronounSubject returns the person a sentence opening with "He" or "She" speaks of: the first
// person named in one of the two sentences before it in the item.
func (x *extraction) pronounSubject(s *sentence) *person {
	if len(s.toks) == 0 || !s.toks[0].is("He", "She") {
		return nil
	}
	sents := s.item.sents
	for i := len(sents) - 1; i > 0; i-- {
		if sents[i] != s {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			for _, m := range sents[j].marks {
				if m.kind == markPerson {
					return m.person
				}
			}
		}
	}
	return nil
}
