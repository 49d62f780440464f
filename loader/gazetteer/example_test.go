package gazetteer_test

import (
	"fmt"

	"github.com/kgraph/kg/loader/gazetteer"
)

func ExampleGazetteer_Scan() {
	g := gazetteer.Default()
	for _, m := range g.Scan("Colonel General Anatoly Sidorov, Chief of the CSTO Joint Staff, flew to Dushanbe.") {
		fmt.Println(m.Kind, m.Text)
	}
	// Output:
	// Rank Colonel General
	// Post Chief
	// Organization CSTO Joint Staff
	// City Dushanbe
}

func ExampleGazetteer_Organization() {
	g := gazetteer.Default()
	for o := g.Organization("Joint Staff of the CSTO"); o != nil; o = g.Organization(o.Parent) {
		fmt.Println(o.Name)
		if o.Parent == "" {
			break
		}
	}
	// Output:
	// CSTO Joint Staff
	// Collective Security Treaty Organization
}
