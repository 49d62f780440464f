// Package graphiql serves GraphiQL, the in-browser GraphQL editor, from assets embedded in the
// binary so that it works offline. The assets come from npm, pinned by package-lock.json, and
// are copied into dist/ by go generate; they are not committed. Until they are generated the
// page explains how to get them.
package graphiql

//go:generate sh -c "npm ci --no-audit --no-fund && cp node_modules/graphiql/graphiql.min.js node_modules/graphiql/graphiql.min.css node_modules/react/umd/react.production.min.js node_modules/react-dom/umd/react-dom.production.min.js dist/ && cp node_modules/graphiql/LICENSE dist/LICENSE.graphiql && cp node_modules/react/LICENSE dist/LICENSE.react && cp node_modules/react-dom/LICENSE dist/LICENSE.react-dom"

import (
	"embed"
	"io/fs"
	"net/http"
)

var (
	//go:embed all:dist
	dist embed.FS

	//go:embed index.html
	page []byte
)

// missingPage is served at / when go generate has not fetched the assets.
const missingPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GraphiQL not built</title></head>
<body><p>The GraphiQL assets were not built into this binary. Run <code>go generate ./server/...</code>
(needs node and npm) and build again. The API itself works: POST queries to <code>/graphql</code>.</p></body></html>
`

// Built reports whether the assets were generated before the build.
func Built() bool {
	_, err := fs.Stat(dist, "dist/graphiql.min.js")
	return err == nil
}

// Page serves the GraphiQL page, which loads its assets from /assets/ and queries /graphql.
func Page(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// No other site may frame the page and trick a user into running its queries.
	w.Header().Set("Content-Security-Policy", "frame-ancestors 'none'")
	w.Header().Set("X-Frame-Options", "DENY")
	if !Built() {
		w.Write([]byte(missingPage))
		return
	}
	w.Write(page)
}

// Assets serves the files of dist under /assets/.
func Assets() http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded, so Sub cannot fail
	}
	return http.StripPrefix("/assets/", http.FileServerFS(sub))
}
