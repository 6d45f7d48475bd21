//go:build linux

package growth

import (
	"syscall"
	"time"
)

// rusageThread is Linux's RUSAGE_THREAD, which package syscall does not name.
const rusageThread = 1

// cpuTime is the CPU time of the calling thread alone. timed locks the job
// to its thread, and the collector is off while Ratio measures, so this is
// the job's own work: tests running in parallel in the same process (the
// whole process's time counted them, and made a small job look slow on a
// busy machine) no longer count.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		panic(err) // only for a bad argument, which this is not
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
