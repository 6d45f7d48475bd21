//go:build unix

package fontset

import (
	"os"
	"syscall"
)

// mapFile maps the file's first size bytes copy-on-write: reading them
// costs only the pages touched, and writing one page copies that page
// alone, never the file.
func mapFile(f *os.File, size int64) ([]byte, error) {
	return syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE)
}
