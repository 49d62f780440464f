package server

import (
	"compress/gzip"
	"crypto/subtle"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"

	graphql "github.com/graph-gophers/graphql-go"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"
)

// codeUnauthenticated is the code of a request without the bearer token the server requires.
const codeUnauthenticated = "UNAUTHENTICATED"

// requireToken wraps next so that only requests bearing token pass; an empty token lets every
// request pass. The comparison takes the same time whatever the token offered.
func requireToken(token string, next http.Handler) http.Handler {
	if token == "" {
		return next
	}
	want := []byte("Bearer " + token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kg"`)
			err := &apiError{code: codeUnauthenticated, message: "this server needs an Authorization: Bearer token"}
			writeJSON(w, http.StatusUnauthorized, &graphql.Response{Errors: []*gqlerrors.QueryError{err.queryError()}})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// localOnly wraps next, when on, so that only requests whose Host is localhost or a loopback
// IP pass. A web page can point a name of its own at 127.0.0.1 (DNS rebinding) and then read a
// loopback server as its own origin, which CORS does not prevent; its requests still carry that
// name in Host.
func localOnly(on bool, next http.Handler) http.Handler {
	if !on {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.Host)
		if err != nil {
			host = strings.Trim(r.Host, "[]") // no port
		}
		if ip := net.ParseIP(host); strings.EqualFold(host, "localhost") || ip != nil && ip.IsLoopback() {
			next.ServeHTTP(w, r)
			return
		}
		http.Error(w, "this server answers only requests addressed to localhost or a loopback address", http.StatusMisdirectedRequest)
	})
}

// allowOrigins wraps next with CORS for the origins listed ("*" for any): their browsers may
// send GET and POST requests with a JSON body and a bearer token, and read the answers.
// Preflight requests are answered here, before any token check, since browsers send them
// without credentials; a preflight from another origin is refused.
func allowOrigins(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		allowed := origin != "" && (slices.Contains(origins, origin) || slices.Contains(origins, "*"))
		w.Header().Add("Vary", "Origin")
		if allowed {
			w.Header().Set("Access-Control-Allow-Origin", origin)
		}
		if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" {
			next.ServeHTTP(w, r)
			return
		}
		if !allowed {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST")
		w.Header().Set("Access-Control-Allow-Headers", "Content-Type, Authorization")
		w.Header().Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
	})
}

// gzipWriters reuses compressors, which are large.
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

// compress wraps next so that answers are gzipped for clients that accept it. Range requests
// are served as they are, since a range of a compressed body is not what was asked for.
func compress(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		if !acceptsGzip(r.Header.Get("Accept-Encoding")) || r.Header.Get("Range") != "" {
			next.ServeHTTP(w, r)
			return
		}
		gz := gzipWriters.Get().(*gzip.Writer)
		gz.Reset(w)
		gw := &gzipWriter{ResponseWriter: w, gz: gz}
		defer func() {
			if gw.started {
				gz.Close()
			}
			gzipWriters.Put(gz)
		}()
		next.ServeHTTP(gw, r)
	})
}

// acceptsGzip reports whether an Accept-Encoding header accepts gzip.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			return strings.ReplaceAll(params, " ", "") != "q=0"
		}
	}
	return false
}

// gzipWriter compresses a response body; a response without a body (304, 204) stays as it is.
type gzipWriter struct {
	http.ResponseWriter
	gz      *gzip.Writer
	started bool // the body is being compressed
	wrote   bool // the header is written
}

func (w *gzipWriter) WriteHeader(status int) {
	if w.wrote {
		return
	}
	w.wrote = true
	if status != http.StatusNoContent && status != http.StatusNotModified && w.Header().Get("Content-Encoding") == "" {
		w.Header().Del("Content-Length")
		w.Header().Set("Content-Encoding", "gzip")
		w.started = true
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *gzipWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	if !w.started {
		return w.ResponseWriter.Write(b)
	}
	return w.gz.Write(b)
}

func (w *gzipWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
