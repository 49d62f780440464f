//go:build !linux

package main

import "errors"

// mountReadOnly needs Linux's bind mounts.
func mountReadOnly(string) (func() error, error) {
	return nil, errors.New("bind mounts are Linux's")
}
