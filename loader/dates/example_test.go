package dates_test

import (
	"fmt"

	"github.com/kgraph/kg/loader/dates"
)

func ExampleFind() {
	for _, m := range dates.Find("On the eve, on September 4, the council met; the next meeting is set for June 2026.", "2025-09-05") {
		fmt.Printf("%q %s %s relative=%v\n", m.Text, m.Start, m.End, m.Relative)
	}
	// Output:
	// "the eve" 2025-09-04  relative=true
	// "September 4" 2025-09-04  relative=true
	// "June 2026" 2026-06  relative=false
}

func ExampleParseLine() {
	for _, line := range []string{"05.09.2025", "Saturday, 16 September 2023 17:51", "Results of the meeting 05.09.2025"} {
		d, ok := dates.ParseLine(line)
		fmt.Println(d, ok)
	}
	// Output:
	// 2025-09-05 true
	// 2023-09-16 true
	//  false
}
