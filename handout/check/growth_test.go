package check

import (
	"runtime"
	"time"
)

// growth returns how many times longer large() takes than small(), each the
// best of three runs, timed by the CPU time of this thread where the system
// offers it: time the scheduler gives to other processes is not counted.
func growth(small, large func()) float64 {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	best := func(f func()) time.Duration {
		d := time.Duration(1<<63 - 1)
		for range 3 {
			start := threadTime()
			f()
			d = min(d, threadTime()-start)
		}
		return max(d, time.Microsecond)
	}
	base := best(small)
	return float64(best(large)) / float64(base)
}
