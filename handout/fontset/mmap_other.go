//go:build !unix

package fontset

import (
	"errors"
	"os"
)

// mapFile is not available here: faces are read (readFace).
func mapFile(*os.File, int64) ([]byte, error) {
	return nil, errors.New("no mmap")
}
