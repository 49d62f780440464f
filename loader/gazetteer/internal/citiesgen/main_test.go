package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLatinAlternates(t *testing.T) {
	got := latinAlternates("Alma-Ata,Alma Ata,ALA,Алматы,Almaty,almaty,Vernyy,Verny,Rostov-na-Donu,Stanitsa Verkhnyaya,Ala", "Almaty", "Almaty")
	// "Alma Ata" shares Alma-Ata's key and "Verny" Vernyy's; "ALA" is a code; "Rostov-na-Donu"
	// has a lower-case word that is no connector; "Ala" is too short.
	want := []string{"Alma-Ata", "Stanitsa Verkhnyaya", "Vernyy"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("latinAlternates (-want +got):\n%s", diff)
	}
}

func TestWriteCities(t *testing.T) {
	row := func(id, name, ascii, alts, feature, country, admin1, pop string) string {
		f := []string{id, name, ascii, alts, "0", "0", "P", feature, country, "", admin1, "", "", "", pop, "", "0", "Europe/Moscow", "2020-01-01"}
		return strings.Join(f, "\t")
	}
	dump := strings.Join([]string{
		row("524901", "Moscow", "Moscow", "Moskva,Moskau", "PPLC", "RU", "48", "10381222"),
		row("5601538", "Moscow", "Moscow", "Moskva", "PPLA2", "US", "ID", "25060"),
		row("1528512", "Cholpon-Ata", "Cholpon-Ata", "Chalpan-Ata", "PPLA2", "KG", "07", "18595"),
		row("3000001", "Smalltown", "Smalltown", "", "PPL", "FR", "11", "2000"),
		row("3000002", "Arbat", "Arbat", "", "PPLX", "RU", "48", "50000"),
		row("2960316", "Luxembourg", "Luxembourg", "Luxemburg,Letzebuerg", "PPLC", "LU", "LU", "76684"),
	}, "\n")
	// Moscow, Idaho is kept as a namesake, Luxembourg as a capital; Smalltown is too small,
	// Arbat a district, and "Luxemburg" shares Luxembourg's key.
	keep := selection{
		near: countrySet("RU,KG"), min: 50000, namesakeMin: 100000,
		altNear: countrySet("RU,KG"), altMin: 500000,
	}
	var b strings.Builder
	n, err := writeCities(&b, strings.NewReader(dump), keep)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if !strings.HasPrefix(line, "#") {
			got = append(got, line)
		}
	}
	want := []string{
		"524901\tMoscow\t\tMoskau|Moskva\tRU\t48\t10381222",
		"1528512\tCholpon-Ata\t\tChalpan-Ata\tKG\t07\t18595",
		"2960316\tLuxembourg\t\tLetzebuerg\tLU\tLU\t76684",
		"5601538\tMoscow\t\t\tUS\tID\t25060",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("writeCities (-want +got):\n%s", diff)
	}
	if n != len(want) {
		t.Errorf("writeCities = %d places, want %d", n, len(want))
	}
}
