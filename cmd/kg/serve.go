package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/kgraph/kg/server"
)

// stringList is a flag that may be repeated and takes several values.
type stringList []string

func (l *stringList) String() string     { return fmt.Sprint(*l) }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "[--data DIR] [--min-free MiB] [--addr HOST:PORT] [--token TOKEN | --insecure] [--cors ORIGINS] [--load PATH...]", stderr)
	data := dataFlag(fs)
	minFree := minFreeFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", "", "require `TOKEN` as a bearer token on every request; $KG_TOKEN when not given, which keeps it out of the process list")
	insecure := fs.Bool("insecure", false, "allow a non-loopback --addr without --token")
	cors := fs.String("cors", "", "comma-separated `ORIGINS` whose browsers may call the API, such as https://dash.example.org (* for any)")
	var load stringList
	fs.Var(&load, "load", "load these documents (files or folders) before serving; repeat, or list paths after the flags")
	if done, code := parseFlags(fs, args); done {
		return code
	}
	// "--load a b c": the paths after the flags belong to --load.
	load = append(load, fs.Args()...)
	if *token == "" {
		*token = os.Getenv("KG_TOKEN") // read after parsing, so that --help never prints it
	}
	if !isLoopback(*addr) && *token == "" && !*insecure {
		fmt.Fprintf(stderr, "kg serve: --addr %s is reachable from other machines; give --token TOKEN (or $KG_TOKEN) so that clients must authenticate, or --insecure to serve without one\n", *addr)
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	st, err := openStore(ctx, *data, false, *minFree)
	if err != nil {
		fmt.Fprintln(stderr, "kg serve:", err)
		return 1
	}
	defer st.Close()
	if len(load) > 0 {
		if _, err := loadPaths(ctx, st, load, stderr); err != nil {
			fmt.Fprintln(stderr, "kg serve:", err)
			return 1
		}
	}
	srv, err := server.NewHTTPServer(server.Config{Store: st, Logger: log, Token: *token, CORSOrigins: splitList(*cors),
		// Without a token, a loopback server's only guard against web pages is the Host header.
		LocalOnly: isLoopback(*addr) && *token == ""})
	if err != nil {
		fmt.Fprintln(stderr, "kg serve:", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "kg serve:", err)
		return 1
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintln(stderr, "kg serve:", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "kg serve: shutdown:", err)
		return 1
	}
	log.Info("stopped")
	return 0
}

// isLoopback reports whether addr (HOST:PORT) listens only on the loopback interface. An empty
// host listens on every interface; a host name other than localhost may resolve to anything.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
