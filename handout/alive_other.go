//go:build !unix

package handout

// processAlive cannot ask the system here, so it says yes: leftovers are
// then kept, never another build's work in progress removed.
func processAlive(pid int) bool { return true }
