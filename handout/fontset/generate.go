package fontset

// The default family never changes, so what parsing it yields (coverage,
// widths, descriptor) is generated once from the files in fonts/ into
// default_gen.go, and Default builds the family from that instead of asking
// the character map about all 65,536 code points of four faces in every
// process. TestDefaultFacesGenerated (generate_test.go) regenerates it and
// fails when it no longer matches the fonts.
//
//go:generate go test -run TestDefaultFacesGenerated -update .

// unpackWidths is the flat width table of a packed one.
func unpackWidths(packed string) []uint16 {
	w := make([]uint16, 0x10000)
	for i := 0; i+4 <= len(packed); i += 4 {
		r := uint16(packed[i])<<8 | uint16(packed[i+1])
		w[r] = uint16(packed[i+2])<<8 | uint16(packed[i+3])
	}
	return w
}
