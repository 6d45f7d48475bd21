//go:build unix

package growth

import (
	"syscall"
	"time"
)

// cpuTime is the user and system time of the whole process, so collector
// work that a job causes on other threads counts against it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err) // only for a bad argument, which this is not
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
