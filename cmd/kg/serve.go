package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/kgraph/kg/server"
)

// stringList is a flag that may be repeated and takes several values.
type stringList []string

func (l *stringList) String() string     { return fmt.Sprint(*l) }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, data := newFlags("serve", "[--data DIR] [--addr HOST:PORT] [--load PATH...]", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	var load stringList
	fs.Var(&load, "load", "load these documents (files or folders) before serving; repeat, or list paths after the flags")
	if done, code := parseFlags(fs, args); done {
		return code
	}
	// "--load a b c": the paths after the flags belong to --load.
	load = append(load, fs.Args()...)
	log := slog.New(slog.NewTextHandler(stderr, nil))
	st, err := openStore(ctx, *data, false)
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
	srv, err := server.NewHTTPServer(server.Config{Store: st, Logger: log})
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
