// Package graph is the domain of the knowledge graph: the kinds of node and edge that the
// loader extracts from news documents, the Store interface that keeps them, and the name and
// date conventions that every layer shares. It imports no storage engine.
package graph

import (
	"errors"

	"github.com/google/uuid"
)

// Sentinel errors of the domain; storage and transport wrap them with context.
var (
	// ErrNotFound means no node has the requested ID or name.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means a caller passed a malformed ID, cursor, date or argument.
	ErrInvalid = errors.New("invalid argument")
	// ErrStoreInUse means another process holds the store's directory.
	ErrStoreInUse = errors.New("store in use by another process")
	// ErrDiskFull means the store's disk has no room for a write.
	ErrDiskFull = errors.New("disk full")
)

// ID identifies a node. IDs are name-based UUIDs (version 5) of a node's resolution key, so
// loading the same text again yields the same IDs.
type ID string

// idSpace is the UUID namespace of every node ID; fixed forever, or IDs would change.
var idSpace = uuid.MustParse("6f1c9a52-8d0e-4b7a-9f3e-2a1d5c7b9e40")

// NewID returns the stable ID of a node of kind k whose resolution key is key.
func NewID(k Kind, key string) ID {
	return ID(uuid.NewSHA1(idSpace, []byte(k.String()+"\x00"+key)).String())
}

// Kind is the type of a node.
type Kind uint8

// The kinds of node. The numeric values are stored on disk: append, never renumber.
const (
	KindUnknown Kind = iota
	KindDocument
	KindPerson
	KindOrganization
	KindCountry
	KindPlace
	KindPost
	KindTenure
	KindEvent
)

var kindNames = [...]string{"Unknown", "Document", "Person", "Organization", "Country", "Place", "Post", "Tenure", "Event"}

// Kinds lists every real kind, in numeric order.
var Kinds = []Kind{KindDocument, KindPerson, KindOrganization, KindCountry, KindPlace, KindPost, KindTenure, KindEvent}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Unknown"
}

// ParseKind returns the kind named s (as String spells it), or KindUnknown.
func ParseKind(s string) Kind {
	for i, n := range kindNames {
		if n == s {
			return Kind(i)
		}
	}
	return KindUnknown
}
