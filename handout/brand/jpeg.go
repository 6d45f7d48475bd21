package brand

import (
	"encoding/binary"
	"image"
)

// MaxJPEGScans is the most scans a JPEG logo may have. A baseline JPEG has
// one (or one per colour component); a progressive one, as libjpeg and
// every photo editor write it, 6 to 10. A decoder revisits the whole image
// at every scan: a 210 KB greyscale 4096² JPEG whose one AC scan was
// repeated 2,000 times took 14 s to decode, and one at the 10 MB byte limit
// would take about 20 minutes.
const MaxJPEGScans = 64

// jpegInfo is what the marker segments of a JPEG say before any pixel is
// decoded.
type jpegInfo struct {
	scans       int // start-of-scan segments, counted up to MaxJPEGScans+1
	orientation int // EXIF orientation, 1 to 8; 1 when absent or unreadable
}

// readJPEGInfo walks a JPEG's marker segments: each is a marker and a
// length, except that a scan's entropy-coded data runs to the next marker
// that is not a stuffed 0xFF00 or a restart. It stops at the end of the
// image, once the scans pass the limit, or where the file is cut off; like
// the decoder, it skips stray bytes between segments. The decoder reports
// what is damaged.
func readJPEGInfo(data []byte) jpegInfo {
	info := jpegInfo{orientation: 1}
	p := 2 // after SOI
	for p < len(data) {
		for p < len(data) && data[p] != 0xFF { // stray bytes
			p++
		}
		for p < len(data) && data[p] == 0xFF { // fill bytes
			p++
		}
		if p >= len(data) {
			break
		}
		m := data[p]
		p++
		switch {
		case m == 0xD9: // EOI
			return info
		case m >= 0xD0 && m <= 0xD7 || m == 0x01 || m == 0: // RSTn, TEM, a stray stuffed byte: no length
			continue
		}
		if p+2 > len(data) {
			break
		}
		n := int(binary.BigEndian.Uint16(data[p:]))
		if n < 2 || p+n > len(data) {
			break
		}
		seg := data[p+2 : p+n]
		p += n
		switch m {
		case 0xE1: // APP1
			if o, ok := exifOrientation(seg); ok && info.orientation == 1 {
				info.orientation = o
			}
		case 0xDA: // SOS
			if info.scans++; info.scans > MaxJPEGScans {
				return info
			}
			for p+1 < len(data) && !(data[p] == 0xFF && data[p+1] != 0 && (data[p+1] < 0xD0 || data[p+1] > 0xD7)) {
				p++
			}
		}
	}
	return info
}

// exifOrientation reads the Orientation tag (0x0112) of the first image
// directory of an APP1 Exif segment.
func exifOrientation(seg []byte) (int, bool) {
	if len(seg) < 14 || string(seg[:6]) != "Exif\x00\x00" {
		return 0, false
	}
	tiff := seg[6:]
	var bo binary.ByteOrder
	switch string(tiff[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return 0, false
	}
	ifd := int(bo.Uint32(tiff[4:]))
	if ifd < 8 || ifd+2 > len(tiff) {
		return 0, false
	}
	count := int(bo.Uint16(tiff[ifd:]))
	for i := range count {
		e := ifd + 2 + 12*i
		if e+12 > len(tiff) {
			return 0, false
		}
		// Tag 0x0112, type SHORT (3), one value, held in the entry.
		if bo.Uint16(tiff[e:]) == 0x0112 && bo.Uint16(tiff[e+2:]) == 3 && bo.Uint32(tiff[e+4:]) == 1 {
			if o := int(bo.Uint16(tiff[e+8:])); o >= 1 && o <= 8 {
				return o, true
			}
			return 0, false
		}
	}
	return 0, false
}

// swapsSides reports whether EXIF orientation o shows the stored image
// turned a quarter: its width on screen is its stored height.
func swapsSides(o int) bool { return o >= 5 }

// orient returns img as EXIF orientation o says it is shown. Orientation 1
// is the image as stored; 2 to 4 mirror or turn it half; 5 to 8 turn it a
// quarter, with or without a mirror, so width and height swap.
func orient(img *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return img
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	ow, oh := w, h
	if swapsSides(o) {
		ow, oh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, ow, oh))
	// src is the stored pixel shown at (x, y).
	src := func(x, y int) (int, int) {
		switch o {
		case 2:
			return w - 1 - x, y
		case 3:
			return w - 1 - x, h - 1 - y
		case 4:
			return x, h - 1 - y
		case 5:
			return y, x
		case 6:
			return y, h - 1 - x
		case 7:
			return w - 1 - y, h - 1 - x
		default: // 8
			return w - 1 - y, x
		}
	}
	for y := range oh {
		row := out.Pix[y*out.Stride:]
		for x := range ow {
			sx, sy := src(x, y)
			copy(row[4*x:4*x+4], img.Pix[sy*img.Stride+4*sx:])
		}
	}
	return out
}
