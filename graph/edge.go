package graph

// Relation names the meaning of an edge; edges point From the subject To the object.
type Relation string

// The relations of the graph. The values are stored on disk and shown in the API.
const (
	RelHolder             Relation = "holder"              // Tenure → Person
	RelTenurePost         Relation = "tenure-post"         // Tenure → Post
	RelPostOrganization   Relation = "post-of"             // Post → Organization
	RelPostCountry        Relation = "post-of-country"     // Post → Country
	RelCitizenOf          Relation = "citizen-of"          // Person → Country
	RelPartOf             Relation = "part-of"             // Organization → Organization
	RelMemberOf           Relation = "member-of"           // Country → Organization
	RelLocatedIn          Relation = "located-in"          // Place → Country
	RelHeldIn             Relation = "held-in"             // Event → Place (city)
	RelAtVenue            Relation = "at-venue"            // Event → Place (venue or region)
	RelInCountry          Relation = "in-country"          // Event → Country
	RelChairedBy          Relation = "chaired-by"          // Event → Person, Country or Organization
	RelOrganizedBy        Relation = "organized-by"        // Event → Organization
	RelParticipant        Relation = "participant"         // Event → Person
	RelParticipantOrg     Relation = "participant-org"     // Event → Organization
	RelParticipantCountry Relation = "participant-country" // Event → Country
	RelEventPartOf        Relation = "event-part-of"       // Event → Event
	RelMentionedIn        Relation = "mentioned-in"        // any node → Document
)

// RelationKinds is a relation with the kinds of node its edges leave.
type RelationKinds struct {
	Relation Relation
	From     []Kind
}

// Relations lists every relation of the graph, as above, with the kinds of node it leaves:
// what a schema for another database declares.
var Relations = []RelationKinds{
	{RelHolder, []Kind{KindTenure}},
	{RelTenurePost, []Kind{KindTenure}},
	{RelPostOrganization, []Kind{KindPost}},
	{RelPostCountry, []Kind{KindPost}},
	{RelCitizenOf, []Kind{KindPerson}},
	{RelPartOf, []Kind{KindOrganization}},
	{RelMemberOf, []Kind{KindCountry}},
	{RelLocatedIn, []Kind{KindPlace}},
	{RelHeldIn, []Kind{KindEvent}},
	{RelAtVenue, []Kind{KindEvent}},
	{RelInCountry, []Kind{KindEvent}},
	{RelChairedBy, []Kind{KindEvent}},
	{RelOrganizedBy, []Kind{KindEvent}},
	{RelParticipant, []Kind{KindEvent}},
	{RelParticipantOrg, []Kind{KindEvent}},
	{RelParticipantCountry, []Kind{KindEvent}},
	{RelEventPartOf, []Kind{KindEvent}},
	{RelMentionedIn, Kinds},
}

// Evidence is where a fact was read: a sentence of a document and its byte offset in the
// document's text, with the confidence of the rule that read it.
type Evidence struct {
	Document ID
	Sentence string
	Offset   int
	// Confidence is set, between 0 and 1, when the rule that read the fact is unsure (a
	// participant read from a sentence's cue, a city from a dateline); 0 means the rule is sure.
	Confidence float64
}

// Edge is one fact between two nodes with the sentences that state it. Read from a Store, an
// edge merges the evidence of every document that states it.
type Edge struct {
	From     ID
	Relation Relation
	To       ID
	Evidence []Evidence
}

// Direction selects which end of an edge a query starts from.
type Direction uint8

// The directions of an edge query.
const (
	Out Direction = iota // edges whose From is the node
	In                   // edges whose To is the node
)

// Other returns the end of e that a query in direction dir reaches: To for Out, From for In.
func (e Edge) Other(dir Direction) ID {
	if dir == In {
		return e.From
	}
	return e.To
}
