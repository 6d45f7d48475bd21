//go:build race

package layout

// raceSlowdown scales time limits: the race detector makes code several
// times slower, and a time limit is about the shape of the cost (linear,
// not quadratic), not the detector's overhead.
const raceSlowdown = 5
