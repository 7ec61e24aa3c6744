#!/bin/sh
# A crash loses nothing: open the sample, save it, make changes through
# the window's actions over D-Bus, wait for the recovery copy, kill -9,
# start again, restore, save, and compare the saved review with the copy
# and with the changes that were made.
#
#   test-crash.sh BITEXT
# Needs BITEXT_CLI, a display, a session bus, gdbus, xdotool and python3;
# skips without them.
set -u

bitext=${1:?usage: test-crash.sh BITEXT}
echo "1..1"
skip () { echo "ok 1 # SKIP $1"; exit 0; }
[ -n "${DISPLAY:-}" ] || skip "no display: run under xvfb-run (build-aux/test does)"
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || skip "no session bus: run under dbus-run-session"
for tool in gdbus xdotool python3; do
  command -v $tool >/dev/null || skip "$tool is not installed"
done

dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; [ -n "${BITEXT_KEEP:-}" ] || rm -rf "$dir"' EXIT
export XDG_STATE_HOME="$dir/state"
copies="$XDG_STATE_HOME/bitext"
app=/io/github/bitext/Bitext
win=$app/window/1

fail () { echo "not ok 1 - $1"; sed 's/^/# /' "$dir/log"*; exit 1; }

start () {
  "$bitext" >"$dir/log.$1" 2>&1 &
  pid=$!
}

# Waits for a window of the process whose title matches $1.
wait_title () {
  for _ in $(seq 1 150); do
    [ -n "$(xdotool search --all --pid "$pid" --name "$1" 2>/dev/null)" ] && return 0
    sleep 0.2
  done
  fail "no window titled $1 appeared"
}

# Waits until the window exports action $1 on the bus.
wait_action () {
  for _ in $(seq 1 100); do
    gdbus call --session --dest io.github.bitext.Bitext --object-path $win \
      --method org.gtk.Actions.List 2>/dev/null | grep -q "'$1'" && return 0
    sleep 0.2
  done
  fail "the window does not export $1"
}

# act PATH ACTION [PARAMETER]
act () {
  gdbus call --session --dest io.github.bitext.Bitext --object-path "$1" \
    --method org.gtk.Actions.Activate "$2" "[${3:-}]" "{}" >/dev/null ||
    fail "activating $2 failed"
}

wait_file () {
  for _ in $(seq 1 "$2"); do
    [ -s "$1" ] && return 0
    sleep 0.2
  done
  fail "$1 was not written"
}

count_copies () {
  find "$copies" -name '*.xlf' 2>/dev/null | wc -l
}

# First run: the sample, saved, then changed.
start 1
wait_title '^sample-zh\.txt$'
wait_action save-to
act $win save-to "<'$dir/initial.xlf'>"
wait_file "$dir/initial.xlf" 50
wait_title '^initial\.xlf$'
act $win select-paragraph '<uint32 0>'
act $win accept
act $win mark-reviewed
act $win select-paragraph '<uint32 2>'
act $win reject
act $win select-paragraph '<uint32 4>'
act $win select-sentence '<uint32 0>'
act $win toggle-link
act $win select-paragraph '<uint32 5>'
act $win mark-reviewed
act $win undo
changed=$(date +%s)

# The copy is written within 10 s of the changes; wait a little longer
# so that no write is under way when the process dies.
for _ in $(seq 1 60); do
  [ "$(count_copies)" -eq 1 ] && break
  sleep 0.2
done
[ "$(count_copies)" -eq 1 ] || fail "no recovery copy within 12 s of the changes"
echo "# recovery copy after $(( $(date +%s) - changed )) s"
sleep 2
cp "$copies"/*.xlf "$dir/copy.xlf"
kill -9 "$pid"
wait "$pid" 2>/dev/null
pid=
[ "$(count_copies)" -eq 1 ] || fail "the recovery copy did not outlive the crash"

# Second run: restore, then save.
start 2
wait_action restore-recovery
act $win restore-recovery
wait_title '^• initial\.xlf$'
[ "$(count_copies)" -eq 0 ] || fail "the restored copy was not removed"
act $win save-to "<'$dir/restored.xlf'>"
wait_file "$dir/restored.xlf" 50
wait_title '^restored\.xlf$'
[ "$(count_copies)" -eq 0 ] || fail "a saved review kept a recovery copy"
act $app quit
for _ in $(seq 1 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
kill -0 "$pid" 2>/dev/null && fail "bitext did not quit"
pid=
[ -z "$(ls -A "$copies" 2>/dev/null)" ] || fail "recovery files were left after a clean quit: $(ls "$copies")"

for name in initial copy restored; do
  "${BITEXT_CLI:?}" convert "$dir/$name.xlf" --format json -o "$dir/$name.json" ||
    fail "$name.xlf does not convert"
done
python3 - "$dir" <<'PY' || fail "the restored review is not the one that was made"
import json, sys
load = lambda name: json.load(open(f"{sys.argv[1]}/{name}.json", encoding="utf-8"))
initial, copy, restored = load("initial"), load("copy"), load("restored")
assert restored == copy, "the restored review differs from the last recovery copy"

def status(review, p):
    return review["source"]["paragraphs"][p]["status"]

def links(review, p):
    return {l["target"]: l for l in review["links"] if l["source"] == f"p{p + 1}"}

# Everything the first run did, and nothing else.
assert status(restored, 0) == "reviewed", status(restored, 0)
assert all(l["state"] == "accepted" for l in links(restored, 0).values()), links(restored, 0)
assert all(l["state"] != "suggested" for l in links(restored, 2).values()), links(restored, 2)
assert all(o["state"] != "suggested" for o in restored["omissions"] if o["source"] == "p3")
before, after = links(initial, 4).get("e1"), links(restored, 4).get("e1")
if before is None:
    assert after is not None and after["origin"] == "reviewer", after
else:
    assert after is None, after
assert status(restored, 5) == status(initial, 5), "the undone step came back"
assert restored != initial, "no change was restored"
untouched = lambda r: [p for i, p in enumerate(r["source"]["paragraphs"]) if i not in (0, 2, 4)]
assert untouched(restored) == untouched(initial)
assert restored["target"] == initial["target"]
PY
echo "ok 1 - changes made before kill -9 come back after a restart"
