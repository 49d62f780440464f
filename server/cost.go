package server

import (
	"fmt"
	"slices"
	"strings"

	graphql "github.com/graph-gophers/graphql-go"
	"github.com/graph-gophers/graphql-go/ast"
)

// costCap is where cost arithmetic saturates, far above any limit and far below overflow.
const costCap = int64(1) << 50

// costModel estimates what a query costs before it runs, since graphql-go has no such limit.
// Every field costs 1 each time it runs. A field with a `first` argument runs its selections
// first times (the argument's value, else its default, capped at the page size); a list field
// without one runs them fanOut times; the edges list of a connection adds nothing, its
// connection's `first` having counted it.
type costModel struct {
	root    string                          // the Query type's name
	fields  map[string]map[string]fieldCost // by type name, then field name
	fanOut  int64
	maxPage int64
}

// fieldCost is what the model knows of one field of the schema.
type fieldCost struct {
	typ   string // the named type of the field's values
	list  bool
	first int64 // the default of the field's `first` argument; -1 when it has none
}

func newCostModel(s *graphql.Schema, fanOut, maxPage int) *costModel {
	as := s.AST()
	m := &costModel{fields: map[string]map[string]fieldCost{}, fanOut: int64(fanOut), maxPage: int64(maxPage)}
	if q := as.RootOperationTypes["query"]; q != nil {
		m.root = q.TypeName()
	}
	for name, t := range as.Types {
		var defs ast.FieldsDefinition
		switch t := t.(type) {
		case *ast.ObjectTypeDefinition:
			defs = t.Fields
		case *ast.InterfaceTypeDefinition:
			defs = t.Fields
		default:
			continue
		}
		fields := map[string]fieldCost{}
		for _, f := range defs {
			fc := fieldCost{first: -1}
			typ := f.Type
			for typ != nil {
				switch u := typ.(type) {
				case *ast.NonNull:
					typ = u.OfType
				case *ast.List:
					fc.list, typ = true, u.OfType
				default:
					fc.typ, typ = typ.String(), nil
				}
			}
			if a := f.Arguments.Get("first"); a != nil {
				fc.first = 0
				if a.Default != nil {
					fc.first = count(a.Default.Deserialize(nil), 0)
				}
			}
			fields[f.Name] = fc
		}
		m.fields[name] = fields
	}
	return m
}

// costLimits are the bounds a query's estimate must keep.
type costLimits struct {
	maxCost   int64 // estimated cost
	maxFields int   // fields selected, every alias and fragment spread expanded
}

// estimate returns the cost of the operation of doc that operation names (every operation
// when it is empty, taking the dearest), or an error when a limit is passed or fragments
// spread each other in a cycle. It stops as soon as a limit is passed, so that a hostile
// document costs little to refuse.
func (m *costModel) estimate(doc *queryDoc, operation string, vars map[string]any, lim costLimits) (int64, *apiError) {
	var worst int64
	for _, op := range doc.operations {
		if operation != "" && op.name != operation {
			continue
		}
		w := &costWalk{m: m, doc: doc, vars: vars, defaults: op.defaults, lim: lim}
		c := w.selections(op.sel, m.root, 1, false)
		if w.err != nil {
			return 0, w.err
		}
		worst = max(worst, c)
	}
	if worst > lim.maxCost {
		return worst, &apiError{code: codeCostLimit, message: fmt.Sprintf("query costs an estimated %d, over the limit of %d; ask for smaller pages (first) or fewer nested lists", worst, lim.maxCost)}
	}
	return worst, nil
}

// costWalk is one walk of an operation's selections.
type costWalk struct {
	m        *costModel
	doc      *queryDoc
	vars     map[string]any
	defaults map[string]any
	lim      costLimits
	fields   int
	spreads  []string // the fragments being expanded, to catch cycles
	err      *apiError
}

// selections returns the cost of sel on a value of type typ run times times; paged says that
// sel belongs to a connection whose `first` already counted its list.
func (w *costWalk) selections(sel []selection, typ string, times int64, paged bool) int64 {
	var total int64
	for _, s := range sel {
		if w.err != nil {
			return total
		}
		switch {
		case s.spread != "":
			f := w.doc.fragments[s.spread]
			if f == nil {
				continue // graphql-go's validation names the unknown fragment
			}
			if i := slices.Index(w.spreads, s.spread); i >= 0 {
				cycle := strings.Join(append(w.spreads[i:], s.spread), " → ")
				w.err = &apiError{code: codeBadUserInput, message: "fragments spread each other in a cycle: " + cycle}
				return total
			}
			w.spreads = append(w.spreads, s.spread)
			total = addCost(total, w.selections(f.sel, f.on, times, paged))
			w.spreads = w.spreads[:len(w.spreads)-1]
		case s.name == "": // inline fragment
			on := typ
			if s.on != "" {
				on = s.on
			}
			total = addCost(total, w.selections(s.sel, on, times, paged))
		default:
			if w.fields++; w.fields > w.lim.maxFields {
				w.err = &apiError{code: codeCostLimit, message: fmt.Sprintf("query selects more than %d fields (aliases and fragments expanded)", w.lim.maxFields)}
				return total
			}
			total = addCost(total, times)
			fc, known := w.m.fields[typ][s.name]
			n := int64(1)
			switch {
			case !known:
			case fc.first >= 0:
				n = min(w.first(s.args["first"], fc.first), w.m.maxPage)
			case fc.list && !paged:
				n = w.m.fanOut
			}
			total = addCost(total, w.selections(s.sel, fc.typ, mulCost(times, n), known && fc.first >= 0 && !fc.list))
		}
	}
	return total
}

// first returns the value of a `first` argument: a literal, a variable or the field's default.
func (w *costWalk) first(arg any, def int64) int64 {
	if v, ok := arg.(variable); ok {
		val, given := w.vars[string(v)]
		if !given {
			val, given = w.defaults[string(v)]
		}
		if !given {
			return def
		}
		arg = val
	}
	return count(arg, def)
}

// count returns v as a count of at least 0, or def when v is not a number.
func count(v any, def int64) int64 {
	var n int64
	switch v := v.(type) {
	case int64:
		n = v
	case int32:
		n = int64(v)
	case int:
		n = int64(v)
	case float64:
		n = int64(min(max(v, 0), float64(costCap)))
	default:
		return def
	}
	return max(n, 0)
}

func addCost(a, b int64) int64 { return min(a+b, costCap) }

func mulCost(a, b int64) int64 {
	if b != 0 && a > costCap/b {
		return costCap
	}
	return a * b
}
