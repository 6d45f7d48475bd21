package layout

import (
	"bufio"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handouts/handout/colour"
	"handouts/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/flow")

// Flow's rules, one small fixture each, in the style of go/printer's tests:
// testdata/flow/NAME.rows describes a page and the rows a format would
// build; NAME.golden is where Flow puts them. A fixture reads as its rule:
//
//	spec top=100 later=120 bottom=300   # where content may go; later pages start lower
//	row 20 heading                      # a row 20 pt tall named "heading"
//	row 20 keep line 1                  # no break before it
//	row 10 gap                          # spacing
//	row 20 frame=box pad=5 ...          # inside the box "box", padded 5 pt
//	row 20 spring ...                   # takes what is left of its page
//
// Each placed row prints as its name at its y, each frame piece as a rect.
func TestFlowGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/flow/*.rows")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			rows, spec := readRows(t, file)
			var got string
			pages, err := Flow(rows, spec)
			var tall *ErrTooTall
			switch {
			case errors.As(err, &tall):
				got = "error: " + err.Error() + "\n"
			case err != nil:
				t.Fatal(err)
			default:
				got = Dump(pages, nil)
			}
			golden.Compare(t, strings.TrimSuffix(file, ".rows")+".golden", got, *update, "./handout/layout")
		})
	}
}

func readRows(t *testing.T, file string) ([]Row, PageSpec) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	spec := PageSpec{Width: 400, Height: 400}
	top, later := 0.0, -1.0
	frames := map[string]*Frame{}
	var rows []Row
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		num := func(s string) float64 {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("%s:%d: %q is not a number", file, line, s)
			}
			return v
		}
		switch fields[0] {
		case "spec":
			for _, kv := range fields[1:] {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "top":
					top = num(v)
				case "later":
					later = num(v)
				case "bottom":
					spec.Bottom = num(v)
				default:
					t.Fatalf("%s:%d: unknown spec key %q", file, line, k)
				}
			}
		case "row":
			if len(fields) < 2 {
				t.Fatalf("%s:%d: a row needs a height", file, line)
			}
			r := Row{H: num(fields[1])}
			var name []string
			for _, w := range fields[2:] {
				switch k, v, _ := strings.Cut(w, "="); k {
				case "gap":
					r.Gap = true
				case "keep":
					r.KeepWithPrev = true
				case "spring":
					r.Spring = true
					r.Expand = func(h float64) []Op { return []Op{{Kind: LineOp, Y: h, W: 10}} }
				case "frame":
					if frames[v] == nil {
						fill := colour.Color{R: uint8(len(frames) + 1)}
						frames[v] = &Frame{Fill: &fill, W: 100}
					}
					r.Frame = frames[v]
				case "pad":
					r.Frame.Pad = num(v)
				default:
					name = append(name, w)
				}
			}
			r.Where = strings.Join(name, " ")
			if r.Where != "" {
				r.Ops = []Op{{Kind: TextOp, Text: r.Where}}
			}
			rows = append(rows, r)
		default:
			t.Fatalf("%s:%d: unknown line %q", file, line, fields[0])
		}
	}
	if later < 0 {
		later = top
	}
	spec.Top = func(i int) float64 {
		if i == 0 {
			return top
		}
		return later
	}
	return rows, spec
}

// Keep the fixtures honest: a fixture whose rows would all fit on one page
// tests no break.
func TestFlowFixturesBreak(t *testing.T) {
	files, _ := filepath.Glob("testdata/flow/*.rows")
	for _, file := range files {
		rows, spec := readRows(t, file)
		pages, err := Flow(rows, spec)
		if err == nil && len(pages) < 2 && !strings.Contains(file, "one-page") {
			t.Errorf("%s lays out on %d page; name it *one-page* if that is the point", file, len(pages))
		}
	}
}
