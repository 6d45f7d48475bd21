#!/bin/sh
# mutants.sh: a mutation score from a fixed list of hand-written, realistic
# mutants (flipped comparisons, off-by-ones, dropped conditions, removed
# escapes, wrong constants), chosen line by line as a reviewer would: where
# a slip would reach a patient or a clinic (fitting and page breaks,
# escaping, validation, positions in messages, PHI in serve). A mutant is
# caught when the mutated package's own tests fail. A mutant marked eq is
# likely equivalent (no user could tell); the score is given with and
# without them. A mutant whose pattern no longer matches exactly one line,
# or that does not build, is reported as STALE and left out of the score:
# update the list.
#
# How it runs: the committed tree is extracted once (a score is of a
# commit). Each package's tests are built and run once, in full, unmutated:
# they must pass. Each mutant is then the one mutated file given to the
# compiler through go test -overlay (no copy of the tree, and the build
# cache serves every other package), its package's test binary built with
# go test -c and run in the package's directory with -test.failfast: a
# caught mutant stops at its first failing test, and a surviving one has
# run every test of its package. CI=true, so a missing tool fails rather
# than skips; -test.timeout is go test's 10 minutes (a hang is caught).
# Most of a caught mutant's time is the build (compile and link of its
# package's test binary, 1 to 4 s of CPU each); the summary gives the CPU
# time of builds and of tests.
#
# Slow (a whole run is about 15 minutes of CPU: 41 minutes with -j 2 under
# nice on a 2-core machine others kept at a load of 14 to 21), so it is
# not part of go test or CI. Usage:
#   bench/mutants.sh [filter]      run the mutants whose package/file holds filter
#   bench/mutants.sh -n [filter]   only check that every pattern still applies and builds
#   bench/mutants.sh -j 2 [filter] two mutants at a time (two test binaries at once)
set -u
dry=false
jobs=1
while [ $# -gt 0 ]; do
	case "$1" in
	-n) dry=true ;;
	-j) jobs=$2; shift ;;
	*) break ;;
	esac
	shift
done
filter=${1:-}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree=$work/tree
m=$work/m
mkdir -p "$tree" "$m"
git -C "$root" archive HEAD | tar -x -C "$tree"
export CI=true
# /usr/bin/time gives each step's CPU time; without it, none is reported.
timed() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%U %S' -o "$w/cpu" "$@"
	else
		: >"$w/cpu"
		"$@"
	fi
}
cpu() { awk '{ s += $1 + $2 } END { printf "%.1f", s }' "$w/cpu"; }
build() { # package, overlay: the test binary $w/test
	(cd "$tree" && timed go test -c -vet=off -ldflags='-s -w' ${2:+-overlay "$2"} -o "$w/test" "./handout/$1")
}
run() { # package, flags: run its test binary in its directory
	(cd "$tree/handout/$1" && shift && timed "$w/test" -test.paniconexit0 -test.timeout=10m "$@")
}
start=$(date +%s)

# package @ file @ sed expression (changes exactly one line) @ what it breaks [@ eq [reason]]
list='
pdfwriter@pdfwriter.go@s/if d.font == key \&\& d.size == op.Size {/if d.font == key {/@no Tf when only the size changes
pdfwriter@content.go@s/if col.R == col.G \&\& col.G == col.B {/if col.R == col.G {/@R = G != B written as a grey
pdfwriter@content.go@s/r = min(r, w\/2, h\/2)/r = min(r, w\/2)/@corner radius not clamped on a short box
pdfwriter@content.go@s/case fill \&\& stroke:/case fill \&\& stroke \&\& false:/@a filled and stroked box only filled
pdfwriter@object.go@s/case .\\\\., /case /@a backslash in a string not escaped
pdfwriter@assemble.go@s/w.idx\[0\] = 0xFFFF/w.idx[0] = 0/@wrong generation at the free list head
layout@wrap.go@s/wordW+hw <= width {/wordW+hw < width {/@soft hyphen that fits exactly passed over
layout@wrap.go@s/if w+cw > room \&\& i > start {/if w+cw >= room \&\& i > start {/@an address cut one character early
layout@wrap.go@s/curW+space+fitW > width {/curW+space+fitW >= width {/@a word that exactly fills the line moved on
layout@flow.go@s/<= fl.spec.Bottom+0.01 }/<= fl.spec.Bottom }/@fits without its rounding tolerance
layout@flow.go@s/<= fl.spec.Bottom+0.01 }/< fl.spec.Bottom }/@a row ending exactly at the bottom moved on
content@decode.go@s/ok \&\& n > MaxLine {/ok \&\& n >= MaxLine {/@MaxLine off by one
content@decode.go@s/if len(brandKeys) < 2 {/if len(brandKeys) < 1 {/@one brand-like key called a brand file
content@inline.go@s/d.canOpen = !sa \&\& (!pa || sb || pb)/d.canOpen = !sa/@CommonMark left-flanking dropped
content@inline.go@s/d.canClose = !sb \&\& (!pb || sa || pa)/d.canClose = !sb/@CommonMark right-flanking dropped
content@bodymarks.go@s/if j > 0 \&\& j < 3 \&\& j+1/if j > 0 \&\& j <= 3 \&\& j+1/@three-digit list numbers taken as steps
check@check.go@s/h.Reviewed.After(now.AddDate(0, 0, 1))/h.Reviewed.After(now)/@no day of grace for a review date
check@check.go@s/h.Reviewed.After(now.AddDate(0, 0, 1))/!h.Reviewed.Before(now.AddDate(0, 0, 1))/@grace ends a moment early
check@check.go@s/^\t\tstyles\[fontset.Bold\] = true/\t\t_ = fontset.Bold/@glyphs missing from the bold face passed
check@check.go@s/styles\[fontset.Regular.With(s.Bold, s.Italic)\] = true/styles[fontset.Regular.With(s.Bold, false)] = true/@italic spans checked in the upright face
suggest@suggest.go@s/if len(s) <= 4 {/if len(s) < 4 {/@four-letter keys allowed two edits
suggest@suggest.go@s/if best == "" || bestDist > limit {/if best == "" || bestDist >= limit {/@Suggest one edit short
.@render.go@s/pdfwriter.CommonText(p.Patient+p.Clinician/pdfwriter.CommonText(p.Clinician/@patient name kept in shared subsets
serve@render.go@s/if len(req.Handouts) > maxPacket {/if len(req.Handouts) >= maxPacket {/@a packet of exactly the maximum refused
layout@flow.go@s/if k > 0 \&\& fl.rows\[k\].Frame != nil \&\& fl.rows\[k-1\].Frame == fl.rows\[k\].Frame {/if k > 0 \&\& fl.rows[k].Frame != nil {/@a box first row taken as continuing the box before it
layout@flow.go@s/for j < len(fl.rows) \&\& fl.rows\[j\].KeepWithPrev {/for j < len(fl.rows) \&\& false {/@keep-with-previous ignored when paging
layout@flow.go@s/h += fr.Pad + fr.ContinuedH/h += fr.Pad/@no room kept for a continued box label
layout@flow.go@s/h += fl.rows\[j\].Frame.Pad/h += 0/@no room kept for a split box closing padding
layout@flow.go@s/extra -= cont.Pad/extra += cont.Pad/@a spring takes a split box closing padding
layout@compose.go@s/if first == 1 \&\& c.spec.MinLast > 0/if first == 0 \&\& c.spec.MinLast > 0/@a nearly empty last page not priced
layout@compose.go@s/if cost <= best+1e-6 {/if cost < best-1e-6 {/@equal costs: the emptier page wins
layout@compose.go@s/h < c.spec.MinFirst\*room {/h > c.spec.MinFirst*room {/@a title-only first page not priced
layout@wrap.go@s/return len(rest) > 1 \/\/ not before/return len(rest) > 0 \/\/ not before/@an address broken before its final mark
layout@wrap.go@s/if prev == \(.\/.\) || prev == .-. {/if prev == \1 {/@an address broken after a hyphen
layout@wrap.go@s/case .\.., \(.-., .?., .#.\)/case \1/@an address never broken before a dot
layout@wrap.go@s/if wordW > width {/if wordW >= width {/@a word exactly as wide as the line cut in pieces
layout@wrap.go@s/if b.some \&\& toks\[i\].space {/if toks[i].space {/@a line indented by the space before its first word
layout@wrap.go@s/if toks\[i\].soft {/if false \&\& toks[i].soft {/@no hyphen printed at a soft-hyphen break
layout@wrap.go@/last.Style == t.style/,/return/s/if x > b.curW {/if x >= b.curW {/@a space put inside a word joined across styles
layout@concat.go@s/if s.Parent == 0 \&\& d.Meta.Lang != out.Meta.Lang \&\& s.Lang == "" {/if false {/@a packet handout in another language not marked with it
layout@concat.go@s/op.Level++/op.Level += 0/@a packet handout bookmarks not under its title
labels@punct.go@s/unicode.IsPunct(r) \&\& r != .). \&\&/unicode.IsPunct(r) \&\&/@a run-in heading ending in ) gets no colon
format@format.go@s/if n < 2 {/if n < 3 {/@a two-page guide nearly empty last page kept
format@format.go@s/err == nil \&\& len(p) < n {/err == nil \&\& len(p) <= n {/@spacing closed up without saving a page
format@format.go@s/if len(doc.Pages) <= allowed || size == LargePrintSize {/if len(doc.Pages) < allowed || size == LargePrintSize {/@a large-print summary shrunk though it fits
format@format.go@s/if level > 1 \&\& rest > 0 \&\& l >= level {/if level > 1 \&\& rest > 0 \&\& l > level {/@the too-long message asks to cut the wrong bullets
format@typography.go@s/if opens(prev) \&\& !isDigit(next) {/if opens(prev) \&\& (true || !isDigit(next)) {/@the apostrophe of a year (the 90s) curled as an opening quote
format@typography.go@s/if len(a) == 3 \&\& len(b) == 4 {/if false {/@a phone number (555-1234) set with an en dash
format@typography.go@s/return atoi(a) < atoi(b)/return atoi(a) <= atoi(b)/@5-5 set as a range
format@typography.go@s/^\t\tcase isAddress(w.text):/\t\tcase false:/@quotes and dashes typeset inside a web address
format@typography.go@s/^\t\tisSpacedDash(r):/\t\tfalse:/@a line may open with a spaced dash
format@blocks.go@s/row.KeepWithPrev = i == 1 || i > 0 \&\& i == len(lines)-1/row.KeepWithPrev = i == 1/@a paragraph last line alone at the top of a page
format@blocks.go@s/if i == 1 || i == total-1 {/if i == 1 {/@a list last item alone at the top of a page
format@blocks.go@s/case above < h\/2:/case above < h\/4:/@a callout split leaving a sliver behind
format@blocks.go@s/mark.Text = strconv.Itoa(i+1) + "."/mark.Text = strconv.Itoa(i) + "."/@numbered items start at 0
format@blocks.go@s/for k := 1; k < n; k++ {/for k := 1; k < 2; k++ {/@the second key-points column always begins at item two
format@furniture.go@s/name != "" \&\& nameW+gap+titleW <= th.Width {/name != "" \&\& nameW+titleW <= th.Width {/@the header clinic name runs into the title
format@furniture.go@/right := ""/,/}/s/if total > 1 {/if total > 0 {/@Page 1 of 1 printed on a one-page sheet
format@contact.go@s/y <= h-below+0.01; y += spacing/y < h-below; y += spacing/@the FAQ last write-in line dropped
pdfwriter@object.go@s/\(, .(.\), .).:/\1:/@an unbalanced ) in a string not escaped
pdfwriter@object.go@s/case .\\r.:/case 0:/@a carriage return in a string written raw
pdfwriter@object.go@s/if s\[i\] < 0x20 || s\[i\] > 0x7E {/if s[i] < 0x20 || s[i] > 0x7F {/@a DEL in a text string written as a literal
pdfwriter@object.go@s/c > 0x7E || c == .#. || /c > 0x7E || /@a # in a name not escaped
pdfwriter@object.go@/b = append(b, digits\[c>>4\]/s/digits\[c>>4\], digits\[c\&15\]/digits[c\&15], digits[c>>4]/@hex strings (glyph codes) written with nibbles swapped
pdfwriter@content.go@s/if string(c.b\[start:\]) == "-0" {/if false {/@-0 written for a zero (readers parse it as 0)@eq
pdfwriter@content.go@s/c.num(c.pageH-y, prec)/c.num(y, prec)/@y not flipped to PDF coordinates
pdfwriter@content.go@s/c.num(-h, 2)/c.num(h, 2)/@a rectangle drawn upward from its top
pdfwriter@content.go@s/curve(x+w-r+k, y, x+w, y+r-k, x+w, y+r)/curve(x+w-r-k, y, x+w, y+r-k, x+w, y+r)/@a rounded corner control point on the wrong side
pdfwriter@content.go@s/c.point(x, y+h, 4, "cm \/")/c.point(x, y, 4, "cm \/")/@an image drawn one height too high
pdfwriter@content.go@s/case n == 1 \&\& stroke:/case n == 1 \&\& !stroke:/@grey fill and stroke operators swapped
pdfwriter@content.go@s/float64(x)\/255/float64(x)\/256/@colour components divided by 256
pdfwriter@pdfwriter.go@s/^\t\t\tcase .\&.:/\t\t\tcase 0:/@an & in the XMP metadata not escaped
pdfwriter@tounicode.go@s/if j-i > 1 {/if j-i > 2 {/@two-code runs written as bfchar, not bfrange (same map)@eq
pdfwriter@tag.go@s/if last == section || last == sub {/if last == section {/@a second subheading tagged H2 instead of H3
linkcheck@printed.go@s/return strings.Contains(strings.ToLower(words), strings.ToLower(addr))/return strings.EqualFold(words, addr)/@a link description (and the page) repeats the address its words already give
pdfwriter@assemble.go@s/if c < 0x21 || c > 0x7E {/if c < 0x20 || c > 0x7E {/@a space in a link URI not percent-encoded
content@decode.go@s/ok \&\& len(items) > MaxSummary {/ok \&\& len(items) >= MaxSummary {/@a summary of exactly the most bullets refused
content@decode.go@s/if len(items) < MinSummary {/if len(items) <= MinSummary {/@a summary of exactly the fewest bullets refused
content@decode.go@s/if mo < 1 || mo > 12 {/if mo < 1 || mo >= 12 {/@December called no month in a bad date
content@decode.go@s/case n%100 >= 11 \&\& n%100 <= 13:/case n%100 >= 11 \&\& n%100 <= 12:/@13rd (only days past 28 are ever named)@eq
linkcheck@link.go@s/strings.HasPrefix(lower, "tel:") \&\& len(u) > 4:/strings.HasPrefix(lower, "tel:") \&\& len(u) >= 4:/@an empty tel: link accepted
linkcheck@link.go@s/case host == "" || !strings.Contains(host, ".") \&\& host != "localhost":/case host == "":/@a link or website with no host name accepted
content@decode.go@s/if d.links++; d.links == MaxLinks+1 {/if d.links++; d.links == MaxLinks {/@exactly the most links refused
content@decode.go@s/ >= 0 \&\& raw\[i+1\] != .\\\\. {/ >= 0 {/@a doubled backslash in plain text warned about
content@inline.go@s/if isDigit(before) \&\& isDigit(after) {/if false {/@2*3*4 turns italic
content@inline.go@s/\(case c == .).\) \&\& strings.Count(s, "(") < strings.Count(s, ")"):/\1:/@the ) that closes an address ( cut from it (a ) is never markup: literal either way)@eq
content@inline.go@s/IndexByte("?!.,:;/IndexByte("?!,:;/@a sentence full stop made part of an address (a . is never markup: literal either way)@eq
suggest@suggest.go@s/if i > 1 \&\& j > 1 \&\& ra/if false \&\& i > 1 \&\& j > 1 \&\& ra/@swapped letters cost two edits
yamldoc@yamldoc.go@s/case r < 0x20 || r >= 0x7f \&\& r < 0xa0 || r == 0xfffe/case r < 0x20 || r > 0x7f \&\& r < 0xa0 || r == 0xfffe/@a DEL control character let through
yamldoc@yamldoc.go@s/if n <= MaxKeys {/if n < MaxKeys {/@a file of exactly the most keys refused
yamldoc@yamldoc.go@s/if \(c == .\\n.\) || c == .\\r. \&\& (i+1 == len(d.Src) || d.Src\[i+1\] != .\\n.) {/if \1 {/@lines ended by a lone CR numbered wrong in messages
yamldoc@yamldoc.go@s/if n < 1 || n > len(d.lineStarts) {/if n < 1 || n >= len(d.lineStarts) {/@the last line not quoted in a message
yamldoc@yamldoc.go@s/\(case !inQuote \&\& c == .#. \&\& i > 0\) \&\& line\[i-1\] == . .:/\1:/@a # inside a word read as a comment
check@check.go@s/if len(h.Summary) > MaxSummaryBullets {/if len(h.Summary) >= MaxSummaryBullets {/@a summary of exactly the advised bullets warned
check@check.go@s/n > MaxBulletWords {/n >= MaxBulletWords {/@a bullet of exactly the advised words warned
check@check.go@s/if !h.Reviewed.IsZero() \&\& now.Sub(h.Reviewed) > StaleAfter {/if now.Sub(h.Reviewed) > StaleAfter {/@a handout with no review date called stale
check@readability.go@s/s.Words <= MaxSentenceWords/s.Words < MaxSentenceWords/@a sentence of exactly the advised length warned
check@pemat.go@s/n > MaxSectionWords {/n >= MaxSectionWords {/@a section of exactly the advised words flagged
check@check.go@s/ratio < colour.MinTextContrast {/ratio <= colour.MinTextContrast {/@a contrast of exactly 4.5:1 warned (no colour gives it)@eq
readability@formulas.go@s/float64(s.Polysyllables)\*30/float64(s.Polysyllables)*20/@SMOG normalised to 20 sentences
readability@formulas.go@s/ - 15.59, true/ - 15.9, true/@the Flesch-Kincaid constant mistyped
readability@formulas.go@s/case score < 55:/case score <= 55:/@an INFLESZ score of 55 called algo dificil
readability@sentences.go@s/if syl >= 3 {/if syl > 3 {/@three-syllable words not counted as polysyllables
readability@sentences.go@s/if n < 2 || n > 4 ||/if n < 2 || n > 3 ||/@a three-digit list number read as a word
readability@syllables_es.go@s/case k == strongVowel \&\& prev == strongVowel:/case false:/@a Spanish hiatus not split
readability@syllables_es.go@s/if i > 0 \&\& w\[i-1\] == .q. {/if false {/@the u of que counted as a vowel (qu comes only before e or i: a diphthong either way)@eq
readability@sentences.go@s/if newlines >= 2 {/if newlines > 2 {/@a blank line does not end a sentence
readability@sentences.go@s/s.cur.words > 0 \&\& upper {/s.cur.words > 0 \&\& (upper || true) {/@an abbreviation before a lower-case word ends a sentence
brand@brand.go@s/func(tag string) bool { return tag == lang },/func(tag string) bool { return false },/@es-MX text passed over for es
brand@brand.go@s/for i := len(layers) - 1; i >= 0; i-- {/for i := 0; i < len(layers); i++ {/@the brand file wins over flags
brand@contact.go@s/case unicode.IsLetter(r) \&\& d.Len() > 0:/case false:/@a phone extension dialled as part of the number
linkcheck@link.go@s/case p.User != nil:/case false:/@a website with a user name before the at sign accepted
brand@logo.go@s/if p\[0\] != p\[1\] || p\[1\] != p\[2\] {/if p[0] != p[1] {/@a logo with R = G != B stored as grey
brand@labels.go@s/return specificity(out\[i\].Tag) < specificity(out\[j\].Tag)/return specificity(out[i].Tag) > specificity(out[j].Tag)/@labels for es override those for es-MX
serve@server.go@s/h.Set("Cache-Control", "no-store")/h.Set("Cache-Control", "private")/@a patient PDF may be kept in the browser cache
serve@server.go@s/case "cross-site", "same-site":/case "cross-site":/@a post from a sibling subdomain accepted
serve@server.go@s/return site == "same-origin"/return true/@Origin null accepted without Sec-Fetch-Site
serve@server.go@s/return err == nil \&\& u.Host != "" \&\& strings.EqualFold(u.Host, r.Host)/return err == nil \&\& u.Host != ""/@a post from another site accepted
serve@server.go@s/if s.cfg.Token == "" \&\& !loopbackHost(r.Host) {/if false {/@any Host answered without a token (DNS rebinding)
serve@server.go@s/if ok \&\& !now.Before(end) {/if ok \&\& now.After(end) {/@a session still valid at its end
serve@server.go@s/len(a) > 7 \&\& strings.EqualFold/len(a) >= 7 \&\& strings.EqualFold/@a bare Bearer header compared (never equals a token)@eq
serve@server.go@s/r.Method, r.URL.Path, rec.status/r.Method, r.URL.RequestURI(), rec.status/@the query (a patient name) logged
serve@server.go@s/for len(s.sessions) >= maxSessions {/for len(s.sessions) > maxSessions {/@one session more than the most kept
labels@match.go@s/region == "TW" || region == "HK" || region == "MO"/region == "TW" || region == "MO"/@zh-HK given Simplified labels
labels@match.go@s/if t == nil || script != "" \&\& script != t.script \&\& !sameScript\[script+" "+t.script\] {/if t == nil {/@a tag in another script given the labels anyway
labels@labels.go@s/^\t\tcase 1:$/\t\tcase 1, 2:/@a placeholder given twice accepted
shape@breaks.go@s/if strings.ContainsRune(noLineStart, next) || strings.ContainsRune(noLineEnd, prev) {/if strings.ContainsRune(noLineStart, next) {/@a CJK line ends with an opening bracket (each is OP or an opening quote, after which UAX #14 never breaks)@eq
shape@breaks.go@s/if strings.ContainsRune(noLineStart, next) || /if /@a CJK line starts with a full stop
shape@line.go@s/for l := hi; l >= lo \&\& l > 0; l-- {/for l := hi; l > lo \&\& l > 0; l-- {/@bidi reordering stops a level early
fontset@fontset.go@s/b := s == Bold || s == BoldItalic || bold/b := s == Bold || bold/@bold italic loses its bold
fontset@fontset.go@s/ || IsNoBreakSpace(r) \&\& fam.Has(style, . .) || / || /@a no-break space reported missing from a font
fontset@fontset.go@s/ || size > len(data)-off {/ {/@a truncated font table read past its end
fontset@subset.go@s/if gi < long {/if gi <= long {/@a subset glyph after the long metrics given a wrong width
'

mutants() { printf "%s\n" "$list" | grep -v '^$' | while IFS='@' read -r pkg file expr what eq; do
	case "$pkg/$file" in *"$filter"*) printf "%s@%s@%s@%s@%s\n" "$pkg" "$file" "$expr" "$what" "$eq" ;; esac
done; }

# Every package's own tests must pass unmutated, or no score means anything.
# Worker $1 of $jobs takes every jobs-th package, then every jobs-th mutant.
base() {
	w=$m/w$1
	mkdir -p "$w"
	k=0
	for pkg in $(mutants | cut -d@ -f1 | sort -u); do
		k=$((k + 1))
		[ $(((k - 1) % jobs)) -eq "$1" ] || continue
		if ! build "$pkg" "" >"$w/base.log" 2>&1 || ! run "$pkg" >>"$w/base.log" 2>&1; then
			cat "$w/base.log"
			echo "the tests of handout/$pkg fail without a mutant: no score" >&2
			touch "$m/basefail"
			return
		fi
		echo "BASE    handout/$pkg: tests pass, $(cpu) s CPU"
	done
}
one() {
	w=$m/w$1
	mkdir -p "$w"
	i=0
	mutants | while IFS='@' read -r pkg file expr what eq; do
		i=$((i + 1))
		[ $(((i - 1) % jobs)) -eq "$1" ] || continue
		f="$tree/handout/$pkg/$file"
		tag=""
		case "$eq" in eq*) tag=" [likely equivalent]" ;; esac
		if [ ! -f "$f" ]; then
			echo "STALE   #$i $pkg/$file: no such file ($what)"
			echo stale >>"$m/tally"
			continue
		fi
		sed "$expr" "$f" >"$w/$i.go"
		printf '{"Replace": {"%s": "%s"}}\n' "$f" "$w/$i.go" >"$w/overlay.json"
		changed=$(diff "$f" "$w/$i.go" | grep -c '^>')
		if [ "$changed" -ne 1 ]; then
			echo "STALE   #$i $pkg/$file: pattern changes $changed lines, not 1 ($what)"
			echo stale >>"$m/tally"
		elif $dry; then
			if (cd "$tree" && go build -overlay "$w/overlay.json" "./handout/$pkg") >"$w/build.log" 2>&1; then
				echo "OK      #$i $pkg/$file: $what$tag"
			else
				echo "STALE   #$i $pkg/$file: does not build ($what)"
				echo stale >>"$m/tally"
			fi
		elif ! build "$pkg" "$w/overlay.json" >"$w/build.log" 2>&1; then
			echo "STALE   #$i $pkg/$file: does not build ($what)"
			echo stale >>"$m/tally"
		else
			b=$(cpu)
			if run "$pkg" -test.failfast >/dev/null 2>&1; then
				echo "SURVIVE #$i $pkg/$file: $what$tag (build $b s, tests $(cpu) s CPU)"
				echo "survive ${eq%% *} $b $(cpu)" >>"$m/tally"
			else
				echo "CAUGHT  #$i $pkg/$file: $what$tag (build $b s, tests $(cpu) s CPU)"
				echo "caught ${eq%% *} $b $(cpu)" >>"$m/tally"
			fi
		fi
		rm -f "$w/$i.go"
	done
}
all() { # function: run it in jobs workers at once
	n=0
	while [ $n -lt "$jobs" ]; do
		"$1" $n &
		n=$((n + 1))
	done
	wait
}
if ! $dry; then
	all base
	[ -e "$m/basefail" ] && exit 1
fi
all one
touch "$m/tally"
k=$(grep -c '^stale' "$m/tally")
if $dry; then
	echo "$k stale"
	[ "$k" -eq 0 ]
	exit
fi
c=$(grep -c '^caught' "$m/tally"); s=$(grep -c '^survive' "$m/tally")
ce=$(grep -c '^caught eq' "$m/tally"); se=$(grep -c '^survive eq' "$m/tally")
pct() { [ "$2" -gt 0 ] && echo "$((100 * $1 / $2)) %" || echo "-"; }
echo "caught $c of $((c + s)) mutants: $(pct "$c" $((c + s))) ($k stale)"
echo "leaving out the $((ce + se)) likely equivalent: caught $((c - ce)) of $((c + s - ce - se)): $(pct $((c - ce)) $((c + s - ce - se)))"
awk '$1 != "stale" { n = NF; b += $(n-1); t += $n } END { printf "CPU: builds %.0f s, tests %.0f s\n", b, t }' "$m/tally"
echo "wall: $(( $(date +%s) - start )) s, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
