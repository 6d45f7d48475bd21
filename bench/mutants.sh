#!/bin/sh
# mutants.sh: a mutation score from a fixed list of hand-written, realistic
# mutants (flipped comparisons, off-by-ones, dropped conditions, removed
# escapes). Each is applied alone to a copy of the committed tree, and the
# mutated package's own tests are run; a mutant is caught when they fail.
# A mutant whose pattern no longer matches the code, or that does not
# build, is reported and left out of the score: update the list.
#
# Slow (each mutant runs a package's whole tests) and not part of go test
# or CI. Usage: bench/mutants.sh [part of a package/file path]
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The committed tree, not the working one: a score is of a commit.
git -C "$root" archive HEAD | tar -x -C "$work"

# package @ file @ sed expression (one line changed) @ what it breaks
list='
pdfwriter@pdfwriter.go@s/if d.font == key \&\& d.size == op.Size {/if d.font == key {/@no Tf when only the size changes
pdfwriter@content.go@s/if col.R == col.G \&\& col.G == col.B {/if col.R == col.G {/@R = G != B written as a grey
pdfwriter@content.go@s/r = min(r, w\/2, h\/2)/r = min(r, w\/2)/@corner radius not clamped on a short box
pdfwriter@content.go@s/case fill \&\& stroke:/case fill \&\& stroke \&\& false:/@a filled and stroked box only filled
pdfwriter@object.go@s/case .\\\\., /case /@a backslash in a string not escaped
pdfwriter@finish.go@s/w.idx\[0\] = 0xFFFF/w.idx[0] = 0/@wrong generation at the free list head
layout@wrap.go@s/wordW+hw <= width {/wordW+hw < width {/@soft hyphen that fits exactly passed over
layout@wrap.go@s/if w+cw > room \&\& i > start {/if w+cw >= room \&\& i > start {/@an address cut one character early
layout@wrap.go@s/curW+space+fitW > width {/curW+space+fitW >= width {/@a word that exactly fills the line moved on
layout@flow.go@s/<= f.spec.Bottom+0.01 }/<= f.spec.Bottom }/@fits without its rounding tolerance
layout@flow.go@s/<= f.spec.Bottom+0.01 }/< f.spec.Bottom }/@a row ending exactly at the bottom moved on
content@decode.go@s/ok \&\& n > MaxLine {/ok \&\& n >= MaxLine {/@MaxLine off by one
content@decode.go@s/if len(brandKeys) < 2 {/if len(brandKeys) < 1 {/@one brand-like key called a brand file
content@inline.go@s/d.canOpen = !sa \&\& (!pa || sb || pb)/d.canOpen = !sa/@CommonMark left-flanking dropped
content@inline.go@s/d.canClose = !sb \&\& (!pb || sa || pa)/d.canClose = !sb/@CommonMark right-flanking dropped
content@bodymarks.go@s/if j > 0 \&\& j < 3 \&\& j+1/if j > 0 \&\& j <= 3 \&\& j+1/@three-digit list numbers taken as steps
check@check.go@s/h.Reviewed.After(now.AddDate(0, 0, 1))/h.Reviewed.After(now)/@no day of grace for a review date
check@check.go@s/h.Reviewed.After(now.AddDate(0, 0, 1))/!h.Reviewed.Before(now.AddDate(0, 0, 1))/@grace ends a moment early
check@check.go@s/^\t\tstyles\[fontset.Bold\] = true/\t\t_ = fontset.Bold/@glyphs missing from the bold face passed
check@check.go@s/styles\[fontset.Regular.With(s.Bold, s.Italic)\] = true/styles[fontset.Regular.With(s.Bold, false)] = true/@italic spans checked in the upright face
yamldoc@suggest.go@s/if len(s) <= 4 {/if len(s) < 4 {/@four-letter keys allowed two edits
yamldoc@suggest.go@s/if best == "" || bestDist > limit {/if best == "" || bestDist >= limit {/@Suggest one edit short
serve@render.go@s/CommonText(p.Patient + p.Clinician/CommonText(p.Clinician/@patient name kept in shared subsets
serve@render.go@s/if len(req.Handouts) > maxPacket {/if len(req.Handouts) >= maxPacket {/@a packet of exactly the maximum refused
'
caught=0 total=0 skipped=0
printf "%s\n" "$list" | while IFS='@' read -r pkg file expr what; do
	[ -n "$pkg" ] || continue
	case "$pkg/$file" in *"${1:-}"*) ;; *) continue ;; esac
	f="$work/handout/$pkg/$file"
	cp "$f" "$f.orig"
	sed -i "$expr" "$f"
	if cmp -s "$f" "$f.orig"; then
		echo "SKIP    $pkg/$file: pattern not found ($what)"
		echo skip >>"$work/tally"
	elif ! (cd "$work" && go vet "./handout/$pkg" >/dev/null 2>&1); then
		echo "SKIP    $pkg/$file: does not build ($what)"
		echo skip >>"$work/tally"
	elif (cd "$work" && go test -count=1 "./handout/$pkg" >/dev/null 2>&1); then
		echo "SURVIVE $pkg/$file: $what"
		echo survive >>"$work/tally"
	else
		echo "CAUGHT  $pkg/$file: $what"
		echo caught >>"$work/tally"
	fi
	mv "$f.orig" "$f"
done
c=$(grep -c '^caught' "$work/tally" 2>/dev/null); s=$(grep -c '^survive' "$work/tally" 2>/dev/null); k=$(grep -c '^skip' "$work/tally" 2>/dev/null)
n=$((c + s))
[ "$n" -gt 0 ] || n=1
echo "caught $c of $((c + s)) mutants ($k skipped): $((100 * c / n)) %"
