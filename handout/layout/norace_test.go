//go:build !race

package layout

// raceSlowdown scales time limits; see race_test.go.
const raceSlowdown = 1
