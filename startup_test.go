package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// maxInitAllocs bounds the heap allocations our packages make before main
// runs, summed over them. Every command pays for that work, `--version`
// and a one-line check as much as a packet of guides, so tables and
// regular expressions are made on first use (sync.OnceValue), not at start.
// The sum was 3,332 when the bound was set (handout/serve's name pattern
// alone, with its {0,127}, took 1,706; handout/labels' date styles and
// language tags 484) and 270 after; the bound leaves room for small
// tables and for a Go release that allocates differently, and fails at
// one more pattern like serve's, or three or four ordinary ones (40 to 110
// allocations each).
const maxInitAllocs = 450

// initLine is one line of GODEBUG=inittrace=1: a package's init, its
// clock time (not compared: it depends on the machine's load), and the
// bytes and allocations it made, which do not.
var initLine = regexp.MustCompile(`^init (\S+) @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs$`)

// TestInitAllocatesLittle counts, in the real program, the allocations
// each of our packages makes while it is initialised: a count of work, not
// a time, so a busy machine cannot fail it.
func TestInitAllocatesLittle(t *testing.T) {
	t.Parallel()
	bin := handoutsBinary(t)
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("handouts --version: %v\n%s", err, stderr.String())
	}
	type pkg struct {
		name          string
		bytes, allocs int
	}
	var ours []pkg
	sum, traced := 0, 0
	for _, line := range strings.Split(stderr.String(), "\n") {
		m := initLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		traced++
		if m[1] != "main" && m[1] != "handouts" && !strings.HasPrefix(m[1], "handouts/") {
			continue
		}
		b, _ := strconv.Atoi(m[2])
		n, _ := strconv.Atoi(m[3])
		ours = append(ours, pkg{m[1], b, n})
		sum += n
	}
	// The runtime and os always have init work: without their lines the
	// trace was not read, and a count of zero would prove nothing.
	if traced < 10 {
		t.Fatalf("GODEBUG=inittrace=1 printed %d init lines; the format may have changed:\n%s", traced, stderr.String())
	}
	if sum > maxInitAllocs {
		slices.SortFunc(ours, func(a, b pkg) int { return b.allocs - a.allocs })
		var list strings.Builder
		for _, p := range ours {
			fmt.Fprintf(&list, "\n  %-32s %6d allocs %8d bytes", p.name, p.allocs, p.bytes)
		}
		t.Errorf("our packages make %d allocations at start, more than %d: make tables and regular expressions on first use (sync.OnceValue)%s", sum, maxInitAllocs, list.String())
	}
}
