// Package growth tells linear work from quadratic work in tests without a
// wall-clock limit: it times the same job at two sizes in one run and
// compares them. It counts the process's CPU time, not the wall clock: on a
// busy machine a short job may finish within one time slice while a long
// one is descheduled many times, which would skew a wall-clock ratio.
package growth

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// Factor is how much larger the second input is than the first.
const Factor = 8

// maxRatio sits between linear growth (×8, up to twice that when the larger
// input spills out of a cache) and quadratic growth (×64). It was ×24 until
// linear parses measured ×25–28 under -race and at a load average of 20
// (TestParseInlineLinear three times in a row, with the collector off and
// the larger input faulting in fresh pages): ×32 is still half of
// quadratic's ×64, which the growth tests themselves hold.
const maxRatio = 32

// minSmall is the least CPU time the smaller size should take to be
// measured at all.
const minSmall = 2 * time.Millisecond

// Ratio is how many times more CPU time job(Factor*n) takes than job(n).
// Each size runs several times, interleaved, and the cheapest run of each
// counts: interference (cache misses, a collection left over from a
// previous job) only ever adds time.
//
// The collector is off while it measures: a small job may finish before
// the first collection and a large one not, which would count collector
// start-up as growth. Jobs should allocate a few hundred MB at most.
func Ratio(n int, job func(n int)) (ratio float64, small, large time.Duration) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	job(n) // warm caches and lazily built tables
	// A job of a few tens of microseconds is mostly noise (a cache miss,
	// a descheduled thread, the clock's grain), and under the race
	// detector in CI such jobs measured ×25 to ×56 while linear. The input
	// grows until the smaller size takes minSmall, at most 64 times.
	for range 6 {
		if timed(n, job) >= minSmall {
			break
		}
		n *= 2
	}
	small, large = time.Duration(1<<62), time.Duration(1<<62)
	for range 5 {
		small = min(small, timed(n, job))
		large = min(large, timed(Factor*n, job))
	}
	return float64(large) / float64(max(small, time.Microsecond)), small, large
}

// Linear fails t when job grows faster than linearly between n and
// Factor*n. Choose n large enough that quadratic work would dominate the
// job's fixed costs (a few milliseconds per run is plenty).
//
// A ratio over the limit is measured again, up to attempts times in all,
// and only a job over it every time fails: a burst of other work on a
// busy machine (another test binary, a compiler) lands on some runs and
// not others, while quadratic work is ×64 on every one.
func Linear(t testing.TB, n int, job func(n int)) {
	t.Helper()
	var seen []string
	for range attempts {
		ratio, small, large := Ratio(n, job)
		if ratio <= maxRatio {
			return
		}
		seen = append(seen, fmt.Sprintf("×%.1f (%v, %v)", ratio, small, large))
	}
	t.Errorf("%d× the input took more than ×%d the time in %d measures: %s: not linear",
		Factor, maxRatio, attempts, strings.Join(seen, "; "))
}

// attempts is how many times Linear measures a job before it fails it.
const attempts = 3

func timed(n int, job func(n int)) time.Duration {
	runtime.GC()
	start := cpuTime()
	job(n)
	return cpuTime() - start
}
