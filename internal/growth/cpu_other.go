//go:build !unix

package growth

import "time"

// cpuTime falls back to a monotonic clock where getrusage is missing.
func cpuTime() time.Duration { return time.Duration(time.Now().UnixNano()) }
