package text_test

import (
	"fmt"

	"github.com/kgraph/kg/loader/text"
)

func ExampleRead() {
	page := "CSTO rescuers met in Cholpon-Ata\n\nCSTO rescuers met in Cholpon-Ata 05.09.2025\n\n" +
		"On the eve, the council of emergency ministers met in St. Petersburg. It adopted a plan.\n\nGo back"
	doc, err := text.Read("page.txt", []byte(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range doc.Items {
		fmt.Println(it.Date, it.Title)
		for _, s := range it.Sentences {
			fmt.Printf("  %d %s\n", s.Offset, s.Text)
		}
	}
	// Output:
	// 2025-09-05 CSTO rescuers met in Cholpon-Ata
	//   0 CSTO rescuers met in Cholpon-Ata
	//   79 On the eve, the council of emergency ministers met in St. Petersburg.
	//   149 It adopted a plan.
}
