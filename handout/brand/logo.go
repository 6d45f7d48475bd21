package brand

import (
	"bytes"
	"errors"
	"fmt"
	"handouts/handout/layout"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"os"
)

// Logo is a checked logo image, ready to embed, and the file it came from.
type Logo struct {
	layout.Image
	Path string
}

// maxLogoPixels keeps a mistaken photo from bloating every handout.
const maxLogoPixels = 4096 * 4096

// LoadLogo reads and checks a PNG or JPEG. fpdf panics on truncated PNGs,
// refuses interlaced ones and prints Adobe CMYK JPEGs inverted, so the image
// is fully decoded here and, in those cases, re-encoded in a form fpdf
// draws correctly.
func LoadLogo(path string) (*Logo, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrap(err))
	}
	return DecodeLogo(path, data)
}

// DecodeLogo checks logo bytes; path is for messages.
func DecodeLogo(path string, data []byte) (*Logo, error) {
	l := &Logo{Path: path, Image: layout.Image{Data: data}}
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		l.Format = layout.PNG
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		l.Format = layout.JPEG
	default:
		return nil, fmt.Errorf("%s is not a PNG or JPEG image", path)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s is not a readable %s image: %v", path, l.Format, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxLogoPixels {
		return nil, fmt.Errorf("%s is %d×%d pixels; a logo should be at most 4096×4096", path, cfg.Width, cfg.Height)
	}
	l.Width, l.Height = cfg.Width, cfg.Height
	var img image.Image
	if l.Format == layout.PNG {
		img, err = png.Decode(bytes.NewReader(data))
	} else {
		img, err = jpeg.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, fmt.Errorf("%s is damaged: %v", path, err)
	}
	interlaced := l.Format == layout.PNG && len(data) > 28 && data[28] == 1
	cmyk := cfg.ColorModel == color.CMYKModel
	if interlaced || cmyk {
		var buf bytes.Buffer
		if cmyk {
			rgb := image.NewRGBA(img.Bounds())
			draw.Draw(rgb, rgb.Bounds(), img, img.Bounds().Min, draw.Src)
			err = jpeg.Encode(&buf, rgb, &jpeg.Options{Quality: 92})
		} else {
			err = png.Encode(&buf, img)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: cannot convert: %v", path, err)
		}
		l.Data = buf.Bytes()
	}
	if len(l.Data) == 0 {
		return nil, errors.New("empty image")
	}
	return l, nil
}
