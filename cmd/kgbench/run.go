package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/kgraph/kg/graph/badgerstore"
	"github.com/kgraph/kg/internal/corpusgen"
	"github.com/kgraph/kg/loader"
	"github.com/kgraph/kg/server"
)

// runBench generates a corpus in a temporary directory, loads it, reloads it, serves the store
// on a loopback port and runs the query mix against it, printing what it measured.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Int64("seed", 1, "random seed of the corpus")
	docs := fs.Int("docs", 10000, "number of documents")
	duration := fs.Duration("duration", 10*time.Second, "how long to run the query mix")
	clients := fs.Int("clients", 32, "concurrent query clients")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the first load to `FILE`")
	memprofile := fs.String("memprofile", "", "write a heap profile at the end of the first load to `FILE`")
	queryprofile := fs.String("queryprofile", "", "write a CPU profile of the query mix to `FILE`")
	window := fs.Duration("window", 0, "a soak run: report answers, HTTP 5xx, errors, p99 and resident memory per `WINDOW` of the query mix, and a verdict")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *docs < 1 || *clients < 1 || *window < 0 {
		fs.Usage()
		return 2
	}
	if err := bench(ctx, benchConfig{Seed: *seed, Docs: *docs, Duration: *duration, Clients: *clients, CPUProfile: *cpuprofile, MemProfile: *memprofile, QueryProfile: *queryprofile, Window: *window}, stdout); err != nil {
		fmt.Fprintln(stderr, "kgbench run:", err)
		return 1
	}
	return 0
}

type benchConfig struct {
	Seed         int64
	Docs         int
	Duration     time.Duration
	Clients      int
	CPUProfile   string
	MemProfile   string
	QueryProfile string
	Window       time.Duration // when set, a soak run: figures per window and a verdict
}

func bench(ctx context.Context, cfg benchConfig, w io.Writer) error {
	tmp, err := os.MkdirTemp("", "kgbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	corpus, data := filepath.Join(tmp, "corpus"), filepath.Join(tmp, "data")
	gen := corpusgen.Config{Seed: cfg.Seed, Docs: cfg.Docs}
	raw, err := corpusgen.Write(gen, corpus)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "kgbench: %d documents (seed %d), %s, %d CPUs, %s/%s\n\n", cfg.Docs, cfg.Seed, runtime.Version(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintln(w, "| measure | value |\n|---|---|")
	row := func(name, format string, a ...any) { fmt.Fprintf(w, "| %s | %s |\n", name, fmt.Sprintf(format, a...)) }

	cpuBefore := cpuTime()
	took, err := load(ctx, data, corpus, cfg.CPUProfile, cfg.MemProfile)
	if err != nil {
		return err
	}
	cpu := cpuTime() - cpuBefore
	row("load", "%.0f documents/s, %.2f MB/s (%.1f MB in %s)", float64(cfg.Docs)/took.Seconds(), float64(raw)/1e6/took.Seconds(), float64(raw)/1e6, took.Round(time.Millisecond))
	row("load CPU", "%.2f ms a document, %.2f of %d cores busy", cpu.Seconds()*1000/float64(cfg.Docs), cpu.Seconds()/took.Seconds(), runtime.NumCPU())
	row("peak RSS after load", "%s", memory("VmHWM"))
	disk, err := diskUsage(data)
	if err != nil {
		return err
	}
	row("store on disk", "%.1f MB, %.2f× the raw text", float64(disk)/1e6, float64(disk)/float64(raw))

	started := time.Now()
	st, base, stop, err := serve(ctx, data)
	if err != nil {
		return err
	}
	defer stop()
	row("start to serving", "%s (open store, first /healthz answered; in process)", time.Since(started).Round(time.Millisecond))

	// The first reload runs while Badger compacts the tables the load left at the top level;
	// the second shows a reload of a settled store.
	for _, when := range []string{"first, store compacting", "second"} {
		started = time.Now()
		sum, err := loader.New(loader.Config{Store: st}).Load(ctx, []string{corpus})
		if err != nil {
			return err
		}
		if sum.Unchanged != cfg.Docs {
			return fmt.Errorf("reload: %d of %d documents unchanged", sum.Unchanged, cfg.Docs)
		}
		took = time.Since(started)
		row("reload, unchanged ("+when+")", "%.0f documents/s (%s)", float64(cfg.Docs)/took.Seconds(), took.Round(time.Millisecond))
	}

	mix, err := newMix(ctx, base, corpusgen.New(gen).People())
	if err != nil {
		return err
	}
	rssBefore := memory("VmRSS")
	var record *soak
	sampled := make(chan struct{})
	if cfg.Window > 0 {
		record = newSoak(cfg.Duration, cfg.Window)
		mix.observe = record.observe
		go func() { record.sampleMemory(ctx); close(sampled) }()
	}
	stopProfile, err := startProfile(cfg.QueryProfile)
	if err != nil {
		return err
	}
	res := mix.run(ctx, cfg.Clients, cfg.Duration)
	stopProfile()
	row("RSS before / after queries", "%s / %s", rssBefore, memory("VmRSS"))
	row("peak RSS", "%s", memory("VmHWM"))
	fmt.Fprintf(w, "\nquery mix: %d clients for %s over HTTP on 127.0.0.1\n\n", cfg.Clients, cfg.Duration)
	res.print(w, cfg.Duration)
	if record == nil {
		return nil
	}
	<-sampled // the memory at the end of the last window
	return record.print(w)
}

// load loads the corpus into a new store in dir, with a CPU profile of the load if cpuProfile
// is set and a heap profile at its end if heapProfile is, and closes the store, so that its
// size on disk is final.
func load(ctx context.Context, dir, corpus, cpuProfile, heapProfile string) (time.Duration, error) {
	st, err := badgerstore.Open(ctx, badgerstore.Config{Dir: dir})
	if err != nil {
		return 0, err
	}
	defer st.Close()
	stopProfile, err := startProfile(cpuProfile)
	if err != nil {
		return 0, err
	}
	defer stopProfile()
	started := time.Now()
	sum, err := loader.New(loader.Config{Store: st}).Load(ctx, []string{corpus})
	took := time.Since(started)
	if err == nil && sum.Failed > 0 {
		err = fmt.Errorf("load: %d documents failed, the first: %w", sum.Failed, sum.Errors[0])
	}
	if err == nil && heapProfile != "" {
		err = writeHeapProfile(heapProfile)
	}
	return took, err
}

// startProfile starts a CPU profile written to file, if file is set, and returns what stops it.
func startProfile(file string) (func(), error) {
	if file == "" {
		return func() {}, nil
	}
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeHeapProfile writes a heap profile of what is live now, and of what was allocated.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// serve opens the store in dir and serves it as kg serve does on a free loopback port, and
// returns once /healthz answers.
func serve(ctx context.Context, dir string) (*badgerstore.Store, string, func(), error) {
	st, err := badgerstore.Open(ctx, badgerstore.Config{Dir: dir})
	if err != nil {
		return nil, "", nil, err
	}
	srv, err := server.NewHTTPServer(server.Config{Store: st, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		st.Close()
		return nil, "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		st.Close()
		return nil, "", nil, err
	}
	go srv.Serve(ln)
	stop := func() {
		srv.Shutdown(context.Background())
		st.Close()
	}
	base := "http://" + ln.Addr().String()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return st, base, stop, nil
			}
		}
	}
	stop()
	return nil, "", nil, errors.New("server did not answer /healthz within 30s")
}

// diskUsage returns the bytes the files under dir occupy on disk.
func diskUsage(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			n += st.Blocks * 512
		} else {
			n += info.Size()
		}
		return nil
	})
	return n, err
}

// cpuTime returns the processor time, user and system, that the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// memory returns a figure of /proc/self/status, such as VmHWM (peak resident set) or VmRSS, in
// MiB.
func memory(field string) string { return mib(memoryKiB(field)) }

// memoryKiB returns a figure of /proc/self/status in KiB, -1 if it cannot be read.
func memoryKiB(field string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			var kb int64
			if _, err := fmt.Sscan(strings.TrimSpace(v), &kb); err != nil {
				return -1
			}
			return kb
		}
	}
	return -1
}

func mib(kib int64) string {
	if kib < 0 {
		return "unknown"
	}
	return fmt.Sprintf("%.0f MiB", float64(kib)/1024)
}
