package imagetest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
)

// The hostile logos of issue 21, made by generators so that their bytes
// are reproducible and the files small.

// RepeatACScan is a progressive JPEG with its first AC scan (a spectral
// band's first pass, with the Huffman table written just before it)
// repeated extra times more before the end of the image: the logo of issue
// 21, whose one AC scan repeated 2,000 times made a 4096² file decode for
// 14 s. A first pass only sets coefficients, so the repeats keep the file
// valid to the decoder.
func RepeatACScan(data []byte, extra int) []byte {
	start, from, end := -1, -1, -1
	for p := 2; p+4 <= len(data) && end < 0; {
		m, n := data[p+1], int(binary.BigEndian.Uint16(data[p+2:]))
		if m == 0xD9 {
			break
		}
		switch m {
		case 0xC4:
			if from < 0 {
				start = p
			}
		case 0xDA:
			ns := int(data[p+4])
			ss, ah := data[p+5+2*ns], data[p+7+2*ns]>>4
			if from < 0 && ss > 0 && ah == 0 {
				from = p
			} else if from < 0 {
				start = -1 // that table was this scan's
			}
		}
		p += 2 + n
		if m == 0xDA {
			for p+1 < len(data) && !(data[p] == 0xFF && data[p+1] != 0 && (data[p+1] < 0xD0 || data[p+1] > 0xD7)) {
				p++
			}
			if from >= 0 {
				end = p
			}
		} else if m != 0xC4 && from < 0 {
			start = -1
		}
	}
	if from < 0 || end < 0 {
		panic("imagetest: no AC scan to repeat")
	}
	if start < 0 || start > from {
		start = from
	}
	eoi := bytes.LastIndex(data, []byte{0xFF, 0xD9})
	out := append([]byte(nil), data[:eoi]...)
	for range extra {
		out = append(out, data[start:end]...)
	}
	return append(out, 0xFF, 0xD9)
}

// PNGHeader is a PNG whose header says w×h, 16-bit RGBA, with no pixel
// data: all a check of the size in the header reads. (The thin PNGs of
// issue 21, 16,777,216×1 and 1×16,777,216, are such headers; their real
// files are 130 and 147 KB of compressed zeros.)
func PNGHeader(w, h int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	chunk("IHDR", append(ihdr, 16, RGBA, 0, 0, 0))
	chunk("IDAT", []byte{0x78, 0x01, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}) // an empty zlib stream
	chunk("IEND", nil)
	return b.Bytes()
}

// OrientedJPEG is scene stored as EXIF orientation o says a camera stores
// it, tagged o: shown as the tag says, it is scene again. The stored
// pixels are made with plain mirrors and a transpose, not with the code
// under test (brand.orient). order is the TIFF byte order, "MM" or "II".
func OrientedJPEG(scene *image.RGBA, o int, order string) []byte {
	flipH := func(m *image.RGBA) *image.RGBA {
		b := m.Bounds()
		out := image.NewRGBA(b)
		for y := range b.Dy() {
			for x := range b.Dx() {
				out.Set(b.Dx()-1-x, y, m.At(x, y))
			}
		}
		return out
	}
	flipV := func(m *image.RGBA) *image.RGBA {
		b := m.Bounds()
		out := image.NewRGBA(b)
		for y := range b.Dy() {
			for x := range b.Dx() {
				out.Set(x, b.Dy()-1-y, m.At(x, y))
			}
		}
		return out
	}
	transpose := func(m *image.RGBA) *image.RGBA {
		b := m.Bounds()
		out := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
		for y := range b.Dy() {
			for x := range b.Dx() {
				out.Set(y, x, m.At(x, y))
			}
		}
		return out
	}
	stored := map[int]*image.RGBA{
		1: scene,
		2: flipH(scene),                   // shown mirrored
		3: flipH(flipV(scene)),            // shown turned half
		4: flipV(scene),                   // shown flipped
		5: transpose(scene),               // shown transposed
		6: flipV(transpose(scene)),        // shown turned a quarter clockwise
		7: flipH(flipV(transpose(scene))), // shown transversed
		8: flipH(transpose(scene)),        // shown turned a quarter anticlockwise
	}[o]
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, stored, &jpeg.Options{Quality: 95}); err != nil {
		panic(err)
	}
	var bo interface {
		binary.ByteOrder
		binary.AppendByteOrder
	} = binary.BigEndian
	tiff := []byte("MM\x00*")
	if order == "II" {
		bo, tiff = binary.LittleEndian, []byte("II*\x00")
	}
	tiff = bo.AppendUint32(tiff, 8)
	tiff = bo.AppendUint16(tiff, 2) // two entries: ImageDescription first, then Orientation
	tiff = bo.AppendUint16(tiff, 0x010E)
	tiff = bo.AppendUint16(tiff, 2)
	tiff = bo.AppendUint32(tiff, 4)
	tiff = append(tiff, 'l', 'o', 'g', 0)
	tiff = bo.AppendUint16(tiff, 0x0112)
	tiff = bo.AppendUint16(tiff, 3)
	tiff = bo.AppendUint32(tiff, 1)
	tiff = bo.AppendUint16(tiff, uint16(o))
	tiff = append(tiff, 0, 0, 0, 0, 0, 0) // padding, no next directory
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	out := []byte{0xFF, 0xD8, 0xFF, 0xE1}
	out = binary.BigEndian.AppendUint16(out, uint16(len(app1)+2))
	out = append(out, app1...)
	return append(out, buf.Bytes()[2:]...)
}
