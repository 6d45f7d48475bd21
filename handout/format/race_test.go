//go:build race

package format

// raceDetector is set under -race, which makes layout about 20 times
// slower: the exhaustive matrices then run a sample. Layout has no
// goroutines, so the sample loses nothing the race detector could find.
const raceDetector = true
