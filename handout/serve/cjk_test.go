package serve

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"handouts/handout/fontset"
	"handouts/internal/tooltest"
)

// TestPersonalCopyInChinese: the front desk prints a zh-Hans handout for
// a patient with a Chinese name, in every format, through the API: the
// name, care team, dates and note read back from the PDF after their
// labels and the full-width colon, set in the CJK font the handout is
// set in (pdffonts: embedded, with a Unicode map).
func TestPersonalCopyInChinese(t *testing.T) {
	if err := fontset.LanguageFontError(fontset.Default(), "zh-Hans"); err != nil {
		tooltest.Missing(t, "%v", err)
		return
	}
	f := newFixture(t, Config{})
	src, err := os.ReadFile("../../testdata/languages/zh-Hans.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write(t, f.dir, "sleep-zh.yaml", string(src))
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	for _, kind := range []string{"summary", "guide", "faq"} {
		rec := f.api(renderJSON(t, map[string]any{"handouts": []string{"sleep-zh"}, "format": kind,
			"patient": "王小明", "clinician": "李医生", "date": "2026-11-29", "next_visit": "2026-12-06T10:30",
			"note": "请每天喝八杯水。\n下周五给我们打电话。"}))
		wantStatus(t, rec, 200)
		text := strip(pdfText(t, rec.Body.Bytes()))
		for _, want := range []string{"患者：王小明", "医护团队：李医生", "日期：2026年11月29日", "下次预约：2026年12月6日", "请每天喝八杯水。", "下周五给我们打电话。", "良好睡眠的基本知识"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: %q not read back from the PDF:\n%s", kind, want, text)
			}
		}
		if strings.Contains(text, "王小明:") || strings.Contains(text, "患者:") {
			t.Errorf("%s: an ASCII colon after a Chinese label:\n%s", kind, text)
		}
		path := filepath.Join(t.TempDir(), "x.pdf") // a test name, not a patient's: no PHI outside the test
		if err := os.WriteFile(path, rec.Body.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(tooltest.Require(t, "pdffonts"), path).Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n")[2:] {
			if fl := strings.Fields(l); len(fl) < 7 || fl[len(fl)-5] != "yes" || fl[len(fl)-3] != "yes" {
				t.Errorf("%s: font not embedded with a Unicode map: %s", kind, l)
			}
		}
	}
}
