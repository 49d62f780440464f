package graph

// Node is one entity: as one document describes it when the loader builds a ChangeSet, or
// merged over every document that mentions it when read back from a Store. One struct serves
// every kind; fields that do not apply to a kind stay empty.
type Node struct {
	ID      ID       `json:"-"`
	Kind    Kind     `json:"-"`
	Name    string   `json:"n,omitempty"` // canonical name, post title, event or document title
	Aliases []string `json:"a,omitempty"` // other spellings seen in the text, surname alone, acronyms

	Acronym   string    `json:"ac,omitempty"` // Organization
	PlaceKind PlaceKind `json:"pk,omitempty"` // Place

	EventType EventType `json:"et,omitempty"` // Event
	Start     Date      `json:"s,omitempty"`  // Event
	End       Date      `json:"e,omitempty"`  // Event
	Planned   bool      `json:"p,omitempty"`  // Event: announced, not yet held

	From   Date   `json:"f,omitempty"`  // Tenure: first day in the post, where the text says
	To     Date   `json:"t,omitempty"`  // Tenure: last day in the post, where the text says
	Acting bool   `json:"ag,omitempty"` // Tenure
	Seen   []Date `json:"sn,omitempty"` // Tenure: dates of the items that show the person in the post

	Source    string `json:"src,omitempty"` // Document: URL or file path
	Published Date   `json:"pub,omitempty"` // Document
	Text      string `json:"txt,omitempty"` // Document: the text the evidence offsets point into
	Hash      string `json:"h,omitempty"`   // Document: content hash, to skip unchanged reloads
}

// PlaceKind says what sort of place a Place node is.
type PlaceKind string

// The kinds of place.
const (
	PlaceCity   PlaceKind = "CITY"
	PlaceVenue  PlaceKind = "VENUE"
	PlaceRegion PlaceKind = "REGION"
)

// EventType classifies an Event.
type EventType string

// The event types; the values are the GraphQL enum's names.
const (
	EventMeeting      EventType = "MEETING"
	EventSession      EventType = "SESSION"
	EventTraining     EventType = "TRAINING"
	EventConference   EventType = "CONFERENCE"
	EventConsultation EventType = "CONSULTATION"
	EventVisit        EventType = "VISIT"
	EventOperation    EventType = "OPERATION"
	EventCelebration  EventType = "CELEBRATION"
	EventBriefing     EventType = "BRIEFING"
	EventNegotiation  EventType = "NEGOTIATION"
	EventOther        EventType = "OTHER"
)
