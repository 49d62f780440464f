//go:build linux || darwin || freebsd

package badgerstore

import "syscall"

// freeSpace returns the bytes available to this user on the file system that holds dir.
func freeSpace(dir string) (int64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return int64(st.Bavail) * int64(st.Bsize), true
}
