//go:build !linux

package check

import "time"

// threadTime falls back to the wall clock outside Linux.
func threadTime() time.Duration { return time.Duration(time.Now().UnixNano()) }
