package server

import (
	"fmt"
	"strconv"
	"strings"
)

// queryDoc is what the cost check needs of a GraphQL document: the operations and fragments,
// their selections, and the arguments that change a field's fan-out. graphql-go parses the
// document again to run it; its parser is internal, so the cost check, which must run before
// graphql-go's validation and execution, reads the document itself.
type queryDoc struct {
	operations []*operationDef
	fragments  map[string]*fragmentDef
}

type operationDef struct {
	name     string
	defaults map[string]any // variable defaults, by name without "$"
	sel      []selection
}

type fragmentDef struct {
	on  string
	sel []selection
}

// selection is a field (name set), a fragment spread (spread set) or an inline fragment (on
// set, or neither for a bare "... { }").
type selection struct {
	name   string
	args   map[string]any // literal ints as int64, variables as variable, other values nil
	sel    []selection
	spread string
	on     string
}

// variable is a reference to a variable in an argument.
type variable string

// syntaxError is a document graphql-go would refuse too; the cost check leaves it to graphql-go
// to say why, in its own words.
type syntaxError struct {
	pos int
	msg string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("syntax error at byte %d: %s", e.pos, e.msg) }

// readQuery reads an executable GraphQL document.
func readQuery(src string) (doc *queryDoc, err error) {
	r := &reader{src: src}
	defer func() {
		if e, ok := recover().(*syntaxError); ok {
			doc, err = nil, e
		} else if e != nil {
			panic(e)
		}
	}()
	doc = &queryDoc{fragments: map[string]*fragmentDef{}}
	r.skip()
	for !r.eof() {
		switch {
		case r.peek('{'):
			doc.operations = append(doc.operations, &operationDef{sel: r.selectionSet()})
		case r.peekName("fragment"):
			r.name()
			name := r.name()
			r.keyword("on")
			f := &fragmentDef{on: r.name()}
			r.directives()
			f.sel = r.selectionSet()
			doc.fragments[name] = f
		default:
			r.name() // query, mutation or subscription
			op := &operationDef{defaults: map[string]any{}}
			if r.nameNext() {
				op.name = r.name()
			}
			if r.accept('(') {
				for !r.accept(')') {
					r.expect('$')
					v := r.name()
					r.expect(':')
					r.typeRef()
					if r.accept('=') {
						op.defaults[v] = r.value()
					}
					r.directives()
				}
			}
			r.directives()
			op.sel = r.selectionSet()
			doc.operations = append(doc.operations, op)
		}
	}
	return doc, nil
}

// reader reads GraphQL tokens from src; errors panic with a *syntaxError that readQuery recovers.
type reader struct {
	src string
	pos int
}

func (r *reader) fail(msg string) { panic(&syntaxError{r.pos, msg}) }

func (r *reader) eof() bool { return r.pos >= len(r.src) }

// skip passes over what GraphQL ignores: white space, commas, comments and a byte order mark.
func (r *reader) skip() {
	for !r.eof() {
		switch c := r.src[r.pos]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',':
			r.pos++
		case c == '#':
			for !r.eof() && r.src[r.pos] != '\n' && r.src[r.pos] != '\r' {
				r.pos++
			}
		case strings.HasPrefix(r.src[r.pos:], "\uFEFF"):
			r.pos += len("\uFEFF")
		default:
			return
		}
	}
}

func (r *reader) peek(c byte) bool { return !r.eof() && r.src[r.pos] == c }

// accept consumes the punctuator c if it comes next.
func (r *reader) accept(c byte) bool {
	if !r.peek(c) {
		return false
	}
	r.pos++
	r.skip()
	return true
}

func (r *reader) expect(c byte) {
	if !r.accept(c) {
		r.fail(fmt.Sprintf("expected %q", c))
	}
}

func isNameStart(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isNameByte(c byte) bool { return isNameStart(c) || '0' <= c && c <= '9' }

func (r *reader) nameNext() bool { return !r.eof() && isNameStart(r.src[r.pos]) }

// peekName reports whether the name n comes next, whole.
func (r *reader) peekName(n string) bool {
	end := r.pos + len(n)
	return strings.HasPrefix(r.src[r.pos:], n) && (end == len(r.src) || !isNameByte(r.src[end]))
}

func (r *reader) name() string {
	if !r.nameNext() {
		r.fail("expected a name")
	}
	start := r.pos
	for !r.eof() && isNameByte(r.src[r.pos]) {
		r.pos++
	}
	n := r.src[start:r.pos]
	r.skip()
	return n
}

func (r *reader) keyword(k string) {
	if r.name() != k {
		r.fail("expected " + k)
	}
}

func (r *reader) selectionSet() []selection {
	r.expect('{')
	var out []selection
	for !r.accept('}') {
		if r.eof() {
			r.fail("unclosed selection set")
		}
		out = append(out, r.selection())
	}
	return out
}

func (r *reader) selection() selection {
	if strings.HasPrefix(r.src[r.pos:], "...") {
		r.pos += 3
		r.skip()
		var s selection
		switch {
		case r.peekName("on"):
			r.name()
			s.on = r.name()
		case r.nameNext():
			s.spread = r.name()
			r.directives()
			return s
		}
		r.directives()
		s.sel = r.selectionSet()
		return s
	}
	s := selection{name: r.name()}
	if r.accept(':') {
		s.name = r.name() // the first name was an alias
	}
	if r.accept('(') {
		s.args = map[string]any{}
		for !r.accept(')') {
			arg := r.name()
			r.expect(':')
			s.args[arg] = r.value()
		}
	}
	r.directives()
	if r.peek('{') {
		s.sel = r.selectionSet()
	}
	return s
}

func (r *reader) directives() {
	for r.accept('@') {
		r.name()
		if r.accept('(') {
			for !r.accept(')') {
				r.name()
				r.expect(':')
				r.value()
			}
		}
	}
}

// typeRef reads a variable's type: a name or a list, perhaps non-null.
func (r *reader) typeRef() {
	if r.accept('[') {
		r.typeRef()
		r.expect(']')
	} else {
		r.name()
	}
	r.accept('!')
}

// value reads a value and returns the ones the cost check uses: integers and variables.
func (r *reader) value() any {
	switch {
	case r.accept('$'):
		return variable(r.name())
	case r.accept('['):
		for !r.accept(']') {
			if r.eof() {
				r.fail("unclosed list")
			}
			r.value()
		}
	case r.accept('{'):
		for !r.accept('}') {
			r.name()
			r.expect(':')
			r.value()
		}
	case r.peek('"'):
		r.stringValue()
	case r.nameNext():
		r.name() // true, false, null or an enum value
	default:
		return r.number()
	}
	return nil
}

func (r *reader) stringValue() {
	if strings.HasPrefix(r.src[r.pos:], `"""`) {
		r.pos += 3
		for {
			i := strings.Index(r.src[r.pos:], `"""`)
			if i < 0 {
				r.fail("unterminated block string")
			}
			escaped := i > 0 && r.src[r.pos+i-1] == '\\'
			r.pos += i + 3
			if !escaped {
				break
			}
		}
		r.skip()
		return
	}
	r.pos++
	for {
		if r.eof() || r.src[r.pos] == '\n' {
			r.fail("unterminated string")
		}
		switch r.src[r.pos] {
		case '\\':
			r.pos += 2
			continue
		case '"':
			r.pos++
			r.skip()
			return
		}
		r.pos++
	}
}

// number reads an integer or a float; a float gives nil, since no count is a float.
func (r *reader) number() any {
	start := r.pos
	for !r.eof() && strings.IndexByte("+-0123456789.eE", r.src[r.pos]) >= 0 {
		r.pos++
	}
	text := r.src[start:r.pos]
	if text == "" {
		r.fail("unexpected character")
	}
	r.skip()
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n
	}
	if _, err := strconv.ParseFloat(text, 64); err != nil {
		if strings.Trim(text, "0123456789-") == "" {
			return int64(1 << 62) // an integer too large for int64 is large
		}
		r.fail("bad number " + text)
	}
	return nil
}
