#!/bin/sh
# A reviewer's short session through real key and pointer events (xdotool):
# open the sample, link a sentence to the first paragraph with L, accept
# the paragraph's suggestions, mark it reviewed,
# flag the next paragraph as omitted with a comment, save with Ctrl+S
# through the file chooser; then read the saved review back.
#
#   test-session.sh BITEXT
# Needs BITEXT_CLI, a display, xdotool and python3; skips without them.
set -u

bitext=${1:?usage: test-session.sh BITEXT}
echo "1..1"
skip () { echo "ok 1 # SKIP $1"; exit 0; }
[ -n "${DISPLAY:-}" ] || skip "no display: run under xvfb-run (build-aux/test does)"
command -v xdotool >/dev/null || skip "xdotool is not installed"
command -v python3 >/dev/null || skip "python3 is not installed"

dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
"$bitext" >"$dir/log" 2>&1 &
pid=$!

fail () { echo "not ok 1 - $1"; sed 's/^/# /' "$dir/log"; exit 1; }

# The title becomes the source's name once the sample is loaded.
window=
for _ in $(seq 1 100); do
  window=$(xdotool search --all --onlyvisible --pid "$pid" --name '^sample-zh\.txt$' 2>/dev/null | head -n 1)
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || fail "the window with the sample did not appear"
sleep 1.5

# The first paragraph's row sits right under the header bar. Without a
# window manager the keyboard follows the pointer, which stays there.
xdotool mousemove --window "$window" 200 75 click 1
sleep 0.5
# Select the third English sentence, then L links it to the paragraph.
xdotool mousemove --window "$window" 800 205 click 1
sleep 0.5
xdotool key l
sleep 0.3
xdotool mousemove --window "$window" 200 75
xdotool key Return
sleep 0.3
xdotool key r
sleep 0.3
xdotool key shift+o
sleep 0.8
xdotool key alt+o
xdotool type --delay 20 "dateline dropped"
xdotool key Return
sleep 0.5

xdotool key ctrl+s
sleep 2
xdotool key ctrl+a
xdotool type --delay 10 "$dir/session.xlf"
xdotool key Return
for _ in $(seq 1 50); do
  [ -s "$dir/session.xlf" ] && break
  sleep 0.2
done
[ -s "$dir/session.xlf" ] || { [ -n "${BITEXT_SHOT:-}" ] && import -window root "$BITEXT_SHOT"; fail "Ctrl+S wrote no review"; }
sleep 0.5

"${BITEXT_CLI:?}" convert "$dir/session.xlf" --format json -o "$dir/session.json" ||
  fail "the saved review does not convert"
python3 - "$dir/session.json" <<'PY' 2>&1 || fail "the saved review does not hold the session's decisions"
import json, sys
review = json.load(open(sys.argv[1], encoding="utf-8"))
paragraphs = review["source"]["paragraphs"]
assert paragraphs[0]["status"] == "reviewed", paragraphs[0]["status"]
# Without a dictionary the aligner may suggest nothing for the headline.
links = [l for l in review["links"] if l["source"] == "p1"]
assert all(l["state"] != "suggested" for l in links), links
assert any(l["target"] == "e3" and l["origin"] == "reviewer" and l["state"] == "accepted"
           for l in links), links
flagged = [o for o in review["omissions"]
           if o["source"] == "p2" and o["comment"] == "dateline dropped"]
assert len(flagged) == 1, review["omissions"]
o = flagged[0]
assert o["start"] == 0 and o["end"] == len(paragraphs[1]["text"]), o
assert o["origin"] == "reviewer" and o["state"] == "accepted", o
assert o["category"] == "condensation" and o["severity"] == "minor", o
PY
echo "ok 1 - a session from the sample to the saved review"
