package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestServeRefusesOpenAddressWithoutToken(t *testing.T) {
	t.Setenv("KG_TOKEN", "")
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:8080", "example.org:80"} {
		var stderr bytes.Buffer
		code := run(context.Background(), []string{"serve", "--data", t.TempDir(), "--addr", addr}, io.Discard, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "--token") || !strings.Contains(stderr.String(), "--insecure") {
			t.Errorf("serve --addr %s: exit %d, stderr:\n%s", addr, code, stderr.String())
		}
	}
}

func TestIsLoopback(t *testing.T) {
	tests := map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.1.2.3:0": true,
		"0.0.0.0:8080": false, ":8080": false, "[::]:8080": false, "10.0.0.1:80": false, "kg.example.org:80": false, "nonsense": false,
	}
	for addr, want := range tests {
		if got := isLoopback(addr); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

// TestServeToken runs the real command with a token and CORS origin: requests without the
// token are refused, those with it answered, and the log never shows the token.
func TestServeToken(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--token", "s3cret", "--cors", "https://dash.example.org"}, io.Discard, &stderr)
	}()
	url := waitForURL(t, &stderr, done)
	for auth, want := range map[string]int{"": http.StatusUnauthorized, "Bearer s3cret": http.StatusOK} {
		req, _ := http.NewRequest(http.MethodGet, url+"graphql?query=%7B__typename%7D", nil)
		req.Header.Set("Authorization", auth)
		req.Header.Set("Origin", "https://dash.example.org")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want || res.Header.Get("Access-Control-Allow-Origin") != "https://dash.example.org" {
			t.Errorf("Authorization %q: status %d (want %d), headers %v", auth, res.StatusCode, want, res.Header)
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if strings.Contains(stderr.String(), "s3cret") {
		t.Errorf("the log shows the token:\n%s", stderr.String())
	}
}

func TestServeHelpHidesToken(t *testing.T) {
	t.Setenv("KG_TOKEN", "s3cret-from-env")
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"serve", "--help"}, io.Discard, &stderr); code != 0 || strings.Contains(stderr.String(), "s3cret-from-env") {
		t.Errorf("serve --help: exit %d, output shows the token:\n%s", code, stderr.String())
	}
}
