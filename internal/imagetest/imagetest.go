// Package imagetest writes the PNG variants image/png never writes
// (16-bit grey with alpha, Adam7 interlacing, any bit depth and colour type
// with extra chunks) and holds a CMYK JPEG, so tests can feed the logo code
// every kind of image a clinic's software exports.
package imagetest

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"encoding/binary"
	"hash/crc32"
)

// CMYKJPEG is a 48×24 four-corner colour gradient saved by ImageMagick as
// an Adobe CMYK JPEG (`convert … -colorspace CMYK`), the kind print shops
// hand out.
//
//go:embed testdata/cmyk.jpg
var CMYKJPEG []byte

// ProgressiveJPEG is a 32×16 grey gradient saved by ImageMagick 6 as a
// progressive JPEG of 6 scans: `convert -size 32x16 gradient:black-white
// -colorspace Gray -interlace JPEG -quality 75 progressive.jpg`.
//
//go:embed testdata/progressive.jpg
var ProgressiveJPEG []byte

// PNG colour types.
const (
	Gray      = 0
	RGB       = 2
	Paletted  = 3
	GrayAlpha = 4
	RGBA      = 6
)

// Spec describes a PNG to write.
type Spec struct {
	W, H       int
	ColorType  byte
	Depth      byte // 8 or 16
	Interlaced bool // Adam7
	// Pixel returns the samples of pixel (x, y), big-endian, as the colour
	// type and depth lay them out (one palette index for Paletted).
	Pixel func(x, y int) []byte
	// Chunks go between IHDR and IDAT, in order: PLTE, tRNS.
	Chunks []Chunk
}

// Chunk is a PNG chunk.
type Chunk struct {
	Type string
	Data []byte
}

// PNG writes s as a PNG file. Every row uses filter 0 (none); with
// interlacing, each of the seven passes is a small image of every
// xstep-th pixel of every ystep-th row.
func PNG(s Spec) []byte {
	var raw bytes.Buffer
	passes := [][4]int{{0, 0, 1, 1}}
	if s.Interlaced {
		passes = [][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	}
	for _, p := range passes {
		x0, y0, dx, dy := p[0], p[1], p[2], p[3]
		if x0 >= s.W || y0 >= s.H {
			continue // an empty pass has no rows at all
		}
		for y := y0; y < s.H; y += dy {
			raw.WriteByte(0)
			for x := x0; x < s.W; x += dx {
				raw.Write(s.Pixel(x, y))
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()

	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&out, binary.BigEndian, uint32(len(data)))
		out.WriteString(typ)
		out.Write(data)
		binary.Write(&out, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(s.W))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(s.H))
	ihdr[8], ihdr[9] = s.Depth, s.ColorType
	if s.Interlaced {
		ihdr[12] = 1
	}
	chunk("IHDR", ihdr)
	for _, c := range s.Chunks {
		chunk(c.Type, c.Data)
	}
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return out.Bytes()
}

// U16 is v as two big-endian bytes.
func U16(v int) []byte { return []byte{byte(v >> 8), byte(v)} }
