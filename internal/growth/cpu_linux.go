//go:build linux

package growth

import (
	"syscall"
	"time"
	"unsafe"
)

// clockThreadCPUTime is Linux's CLOCK_THREAD_CPUTIME_ID, which package
// syscall does not name.
const clockThreadCPUTime = 3

// cpuTime is the CPU time of the calling thread alone, to the nanosecond
// (getrusage's thread figure moves in scheduler ticks, too coarse for a
// small job). timed locks the job to its thread, and the collector is off
// while Ratio measures, so this is the job's own work: tests running in
// parallel in the same process (the whole process's time counted them, and
// made a small job look slow on a busy machine) no longer count.
func cpuTime() time.Duration {
	var ts syscall.Timespec
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		panic(errno) // only for a bad clock, which this is not
	}
	return time.Duration(ts.Nano())
}
