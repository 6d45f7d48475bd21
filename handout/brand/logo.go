package brand

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"

	xdraw "golang.org/x/image/draw"

	"handouts/handout/picture"
	"handouts/handout/userfile"
)

// Logo is a checked logo image, normalised once per build so that every
// PDF embeds the same bytes, and the file it came from. Its Width and
// Height are those of Data, after scaling.
type Logo struct {
	picture.Image
	Path string
}

// Limits on a logo. The byte limit and the pixel limit are checked before
// anything is decoded (the pixel count from the image header), so a small
// file that inflates to gigabytes is refused at once.
const (
	MaxLogoBytes  = 10 << 20
	MaxLogoPixels = 4096 * 4096
	// MaxLogoSide bounds each side. Decoding holds two rows and the
	// whole image, so within the pixel limit a thin image costs what a
	// square one does; past it, a 16,777,216×1 PNG of 130 KB took 1.1 GB
	// and a 1×16,777,216 one 1.65 GB. A logo 16384 pixels long would
	// print 55 in long at 300 dpi.
	MaxLogoSide = 16384
	// LogoMaxPrint is the largest a logo is printed, in points: at most an
	// inch tall and the width of a page. Logos are scaled down to this size
	// at LogoDPI, which is all a printer can use.
	LogoMaxPrintW, LogoMaxPrintH = 8.5 * 72, 72.0
	LogoDPI                      = 300
)

// LoadLogo reads and checks a PNG or JPEG.
func LoadLogo(path string) (*Logo, error) {
	data, err := userfile.Read(path, MaxLogoBytes)
	if err != nil {
		var big *userfile.TooLargeError
		if errors.As(err, &big) {
			return nil, fmt.Errorf("%s is larger than %s; export the logo at about 1000 pixels wide", path, userfile.Size(MaxLogoBytes))
		}
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return DecodeLogo(path, data)
}

// DecodeLogo checks logo bytes and normalises them into a form that prints
// as the image looks on screen; path is for messages.
//
// fpdf embeds an 8-bit PNG without alpha, and a JPEG in RGB or grey, by
// copying its compressed data; everything else it gets wrong: it refuses
// interlaced PNGs, splits the alpha channel of 16-bit PNGs as if they were
// 8-bit (a blank tile), keeps only fully transparent palette entries, and
// prints CMYK JPEGs inverted. So the image is decoded here, once, scaled to
// the most a printer can use, and re-encoded as an 8-bit PNG (RGB, or RGBA
// when it has transparency, which fpdf turns into a soft mask) or, for
// JPEGs, as an RGB JPEG. A file already in a form fpdf copies, and no larger
// than needed, is kept byte for byte.
func DecodeLogo(path string, data []byte) (*Logo, error) {
	l := &Logo{Path: path}
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		l.Format = picture.PNG
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		l.Format = picture.JPEG
	default:
		return nil, fmt.Errorf("%s is not a PNG or JPEG image", path)
	}
	if len(data) > MaxLogoBytes {
		return nil, fmt.Errorf("%s is larger than %s; export the logo at about 1000 pixels wide", path, userfile.Size(MaxLogoBytes))
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s is not a readable %s image: %v", path, l.Format, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxLogoPixels {
		return nil, fmt.Errorf("%s is %d×%d pixels; a logo should be at most 4096×4096 (16.7 million pixels)", path, cfg.Width, cfg.Height)
	}
	if cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide {
		return nil, fmt.Errorf("%s is %d×%d pixels; a logo's side may be at most %d pixels (55 in at 300 dpi)", path, cfg.Width, cfg.Height, MaxLogoSide)
	}
	// The orientation a JPEG's EXIF data gives: 1 is as stored.
	orientation := 1
	if l.Format == picture.JPEG {
		info := readJPEGInfo(data)
		if info.scans > MaxJPEGScans {
			return nil, fmt.Errorf("%s is a JPEG of more than %d scans; a logo may have at most %d (a progressive JPEG has about 10): save it again as an ordinary JPEG or a PNG", path, MaxJPEGScans, MaxJPEGScans)
		}
		orientation = info.orientation
	}
	var img image.Image
	if l.Format == picture.PNG {
		img, err = png.Decode(bytes.NewReader(data))
	} else {
		img, err = jpeg.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, fmt.Errorf("%s is damaged: %v", path, err)
	}
	// The size it prints at is that of the image as shown; sw×sh is the
	// same size in the stored orientation, which is scaled first.
	w, h := cfg.Width, cfg.Height
	if swapsSides(orientation) {
		w, h = h, w
	}
	w, h = printPixels(w, h)
	sw, sh := w, h
	if swapsSides(orientation) {
		sw, sh = h, w
	}
	if orientation == 1 && w == cfg.Width && h == cfg.Height && copiedAsIs(l.Format, data, cfg) {
		l.Data, l.Width, l.Height = data, w, h
		return l, nil
	}
	// 8-bit premultiplied colour: what the scalers have fast paths for, and
	// what filters correctly, transparent pixels not bleeding into others.
	rgba := toRGBA(img)
	img = nil // a 16-bit decode of a large logo is 128 MB; let it go
	if sw != cfg.Width || sh != cfg.Height {
		// Catmull-Rom keeps the thin strokes of lettering crisp, but its
		// cost, and the memory of its weights, grow with the reduction;
		// averaging whole blocks of pixels first brings a large image to
		// within twice the target cheaply, each side on its own, so a
		// thin image is not scaled from its full length.
		if kx, ky := max(1, cfg.Width/(2*sw)), max(1, cfg.Height/(2*sh)); kx >= 2 || ky >= 2 {
			rgba = boxReduce(rgba, kx, ky)
		}
		scaled := image.NewRGBA(image.Rect(0, 0, sw, sh))
		xdraw.CatmullRom.Scale(scaled, scaled.Bounds(), rgba, rgba.Bounds(), xdraw.Src, nil)
		rgba = scaled
	}
	rgba = orient(rgba, orientation)
	var buf bytes.Buffer
	if l.Format == picture.JPEG {
		err = jpeg.Encode(&buf, rgba, &jpeg.Options{Quality: 92})
	} else {
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		err = enc.Encode(&buf, pngImage(rgba))
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot convert: %v", path, err)
	}
	l.Data, l.Width, l.Height = buf.Bytes(), w, h
	return l, nil
}

// printPixels is the size a w×h logo is embedded at: scaled down, aspect
// kept, to LogoDPI at the largest size it is printed; never scaled up.
func printPixels(w, h int) (int, int) {
	maxW, maxH := LogoMaxPrintW/72*LogoDPI, LogoMaxPrintH/72*LogoDPI
	s := math.Min(1, math.Min(maxW/float64(w), maxH/float64(h)))
	if s == 1 {
		return w, h
	}
	return max(1, int(math.Round(float64(w)*s))), max(1, int(math.Round(float64(h)*s)))
}

// copiedAsIs reports whether fpdf embeds data correctly by copying it: an
// RGB or grey JPEG, or an 8-bit, non-interlaced PNG in grey or RGB with no
// transparency chunk. (Alpha channels, palettes and 16-bit samples are
// normalised instead.)
func copiedAsIs(f picture.Format, data []byte, cfg image.Config) bool {
	if f == picture.JPEG {
		return cfg.ColorModel != color.CMYKModel
	}
	if len(data) < 33 {
		return false
	}
	depth, ct, interlace := data[24], data[25], data[28]
	if depth != 8 || interlace != 0 || ct != 0 && ct != 2 {
		return false
	}
	for p := 8; p+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[p:]))
		switch string(data[p+4 : p+8]) {
		case "tRNS":
			return false
		case "IDAT", "IEND":
			return true
		}
		if n < 0 || n > len(data) {
			return false
		}
		p += 12 + n
	}
	return false
}

// pngImage is img in the smallest form image/png writes without losing
// anything: grey when every pixel is grey and opaque; otherwise 8-bit
// non-premultiplied colour, which png writes as RGB when opaque and RGBA
// otherwise.
func pngImage(img *image.RGBA) image.Image {
	opaque, grey := true, true
	for i := 0; i < len(img.Pix); i += 4 {
		p := img.Pix[i : i+4]
		if p[3] != 0xFF {
			opaque = false
			break
		}
		if p[0] != p[1] || p[1] != p[2] {
			grey = false
		}
	}
	b := img.Bounds()
	if opaque && grey {
		g := image.NewGray(b)
		for i := range g.Pix {
			g.Pix[i] = img.Pix[4*i]
		}
		return g
	}
	n := image.NewNRGBA(b)
	for i := 0; i < len(img.Pix); i += 4 {
		r, g, bl, a := img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3]
		switch a {
		case 0:
			r, g, bl = 0, 0, 0
		case 0xFF:
		default:
			r = uint8((uint32(r)*0xFF + uint32(a)/2) / uint32(a))
			g = uint8((uint32(g)*0xFF + uint32(a)/2) / uint32(a))
			bl = uint8((uint32(bl)*0xFF + uint32(a)/2) / uint32(a))
		}
		copy(n.Pix[i:i+4], []byte{r, g, bl, a})
	}
	return n
}

// boxReduce averages each kx×ky block of img into one pixel (a partial
// block at the right or bottom edge is dropped).
func boxReduce(img *image.RGBA, kx, ky int) *image.RGBA {
	w, h := img.Bounds().Dx()/kx, img.Bounds().Dy()/ky
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	sums := make([]uint32, 4*w)
	n := uint32(kx * ky)
	for y := range h {
		clear(sums)
		for dy := range ky {
			row := img.Pix[(y*ky+dy)*img.Stride:]
			for x := range w {
				px := row[4*x*kx : 4*(x+1)*kx]
				s := sums[4*x : 4*x+4]
				for i := 0; i < len(px); i += 4 {
					s[0] += uint32(px[i])
					s[1] += uint32(px[i+1])
					s[2] += uint32(px[i+2])
					s[3] += uint32(px[i+3])
				}
			}
		}
		dst := out.Pix[y*out.Stride:]
		for i, v := range sums {
			dst[i] = uint8((v + n/2) / n)
		}
	}
	return out
}

// toRGBA converts img to 8-bit premultiplied colour. image/draw converts
// 16-bit images pixel by pixel through an interface, a second or more for a
// large logo; the 16-bit PNG kinds get a direct loop.
func toRGBA(img image.Image) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	switch src := img.(type) {
	case *image.NRGBA64:
		for y := range b.Dy() {
			in, dst := src.Pix[y*src.Stride:], out.Pix[y*out.Stride:]
			for x := range b.Dx() {
				p := in[8*x : 8*x+8]
				a := uint32(p[6])<<8 | uint32(p[7])
				for c := range 3 {
					v := uint32(p[2*c])<<8 | uint32(p[2*c+1])
					dst[4*x+c] = uint8(v * a / 0xFFFF >> 8)
				}
				dst[4*x+3] = uint8(a >> 8)
			}
		}
	case *image.RGBA64:
		for y := range b.Dy() {
			in, dst := src.Pix[y*src.Stride:], out.Pix[y*out.Stride:]
			for x := range 4 * b.Dx() {
				dst[x] = in[2*x]
			}
		}
	case *image.Gray16:
		for y := range b.Dy() {
			in, dst := src.Pix[y*src.Stride:], out.Pix[y*out.Stride:]
			for x := range b.Dx() {
				v := in[2*x]
				dst[4*x], dst[4*x+1], dst[4*x+2], dst[4*x+3] = v, v, v, 0xFF
			}
		}
	default:
		draw.Draw(out, out.Bounds(), img, b.Min, draw.Src)
	}
	return out
}
