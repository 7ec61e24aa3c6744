#!/bin/sh
# Checks the translation setup against the sources.
#
#   check-potfiles.sh potfiles SRCDIR
#     fails when a source file with translatable strings is missing from
#     po/POTFILES.in, or when POTFILES.in names a file that does not exist;
#   check-potfiles.sh translations SRCDIR
#     extracts the strings of every file in POTFILES.in, merges them into
#     each language of po/LINGUAS and fails on any untranslated or fuzzy
#     message, so a string added without its translations is caught;
#   check-potfiles.sh selftest
#     runs both checks on small made-up trees and fails unless they
#     accept the good ones and refuse the bad ones.
set -eu
export LC_ALL=C.UTF-8

usage="usage: check-potfiles.sh potfiles|translations SRCDIR | selftest"
mode=${1:?$usage}
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
if [ "$mode" != selftest ]; then
  srcdir=${2:?$usage}
  cd "$srcdir"
fi

potfiles_listed () {
  sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in | sort -u
}

candidate_files () {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -- '*.c' '*.ui' '*.desktop.in' '*.metainfo.xml.in'
  else
    find . -path ./.git -prune -o -path './_build*' -prune -o -type f \
         \( -name '*.c' -o -name '*.ui' -o -name '*.desktop.in' \
            -o -name '*.metainfo.xml.in' \) -print | sed 's|^\./||'
  fi
}

has_translatable_strings () {
  case $1 in
    *.desktop.in|*.metainfo.xml.in) return 0 ;;
    *.ui) grep -q 'translatable="yes"' "$1" ;;
    *) grep -Eq '(^|[^A-Za-z0-9_])(N|C|NC)?_ ?\(|g_dngettext|g_dpgettext2' "$1" ;;
  esac
}

check_potfiles () {
  listed=$(mktemp)
  trap 'rm -f "$listed"' EXIT
  potfiles_listed > "$listed"
  status=0
  for f in $(candidate_files); do
    [ -f "$f" ] || continue
    if has_translatable_strings "$f" && ! grep -qxF "$f" "$listed"; then
      echo "po/POTFILES.in: missing $f, which has translatable strings"
      status=1
    fi
  done
  while read -r f; do
    if [ ! -f "$f" ]; then
      echo "po/POTFILES.in: lists $f, which does not exist"
      status=1
    fi
  done < "$listed"
  [ $status -eq 0 ] && echo "po/POTFILES.in lists every file with translatable strings"
  # xgettext stops a message at a format macro, so gettext never finds
  # its translation at run time; format the number apart instead.
  while read -r f; do
    case $f in *.c) ;; *) continue ;; esac
    grep -nE '_ ?\("([^"\\]|\\.)*%" *G_G[A-Z0-9]*_FORMAT' "$f" \
      | sed "s|^|warning: $f:|; s|\$| (cut at a format macro: never translated)|" || true
  done < "$listed"
  return $status
}

# C sources and XML-like files are extracted apart: after a C file,
# xgettext 0.21 wrongly flags a builder string such as "90% confidence"
# as a C format.
extract_template () {
  potfiles_listed > "$1/all"
  grep -E '\.[ch]$' "$1/all" > "$1/c-files" || true
  grep -vE '\.[ch]$' "$1/all" > "$1/other-files" || true
  for group in c-files other-files; do
    [ -s "$1/$group" ] || continue
    xgettext --from-code=UTF-8 --add-comments --package-name=bitext \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
      --keyword=g_dpgettext2:2c,3 \
      --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
      --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
      --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
      --flag=g_string_append_printf:2:c-format \
      --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
      --files-from="$1/$group" --output="$1/$group.pot"
  done
  msgcat --use-first --output-file="$1/bitext.pot" "$1"/*.pot
}

check_translations () {
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  extract_template "$work"
  status=0
  for lang in $(sed -e 's/#.*//' po/LINGUAS); do
    po=po/$lang.po
    if [ ! -f "$po" ]; then
      echo "$po: missing, though po/LINGUAS lists $lang"
      status=1
      continue
    fi
    msgmerge --quiet --no-fuzzy-matching --output-file="$work/$lang.po" \
      "$po" "$work/bitext.pot"
    if ! msgfmt --check --statistics --output-file=/dev/null \
           "$work/$lang.po" 2>"$work/$lang.log"; then
      sed "s|$work/|po/|g" "$work/$lang.log"
      status=1
      continue
    fi
    stats=$(sed "s|$work/|po/|g" "$work/$lang.log")
    echo "$po: $stats"
    case $stats in
      *fuzzy*|*untranslated*)
        msgattrib --no-wrap --untranslated --no-fuzzy "$work/$lang.po" \
          | sed -n 's/^msgid /untranslated: /p' | grep -v '^untranslated: ""$' || true
        msgattrib --no-wrap --only-fuzzy "$work/$lang.po" \
          | sed -n 's/^msgid /fuzzy: /p' | grep -v '^fuzzy: ""$' || true
        status=1
        ;;
    esac
  done
  return $status
}

write_po () {
  cat > "$1" <<EOF_PO
msgid ""
msgstr ""
"Language: $2\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

$3
EOF_PO
}

# expect NAME WANTED-STATUS MODE DIR
expect () {
  if "$self" "$3" "$4" >"$4/out" 2>&1; then got=0; else got=1; fi
  count=$((count + 1))
  if [ "$got" -eq "$2" ]; then
    echo "ok - $1"
  else
    echo "not ok - $1 (exit status $got, wanted $2)"
    sed 's/^/# /' "$4/out"
    failures=$((failures + 1))
  fi
}

selftest () {
  tree=$(mktemp -d)
  trap 'rm -rf "$tree"' EXIT
  failures=0
  count=0
  mkdir -p "$tree/po" "$tree/src"
  printf '%s\n' zh_CN > "$tree/po/LINGUAS"
  printf '#include "x.h"\nconst char *a = _("Open");\n' > "$tree/src/a.c"
  printf 'int b (void) { return 1; }\n' > "$tree/src/b.c"
  printf '<interface><object class="GtkLabel"><property name="label" translatable="yes">Save</property></object></interface>\n' \
    > "$tree/src/w.ui"
  printf '# none yet\nsrc/a.c\n' > "$tree/po/POTFILES.in"
  expect "a .ui file with translatable strings is missing" 1 potfiles "$tree"
  printf 'src/a.c\nsrc/w.ui\nsrc/gone.c\n' > "$tree/po/POTFILES.in"
  expect "POTFILES.in lists a file that does not exist" 1 potfiles "$tree"
  printf 'src/a.c\nsrc/w.ui\n' > "$tree/po/POTFILES.in"
  expect "every file with strings is listed" 0 potfiles "$tree"
  printf 'const char *c = C_("menu", "Quit");\n' > "$tree/src/c.c"
  expect "a file with C_() strings is missing" 1 potfiles "$tree"
  printf 'src/a.c\nsrc/w.ui\nsrc/c.c\n' > "$tree/po/POTFILES.in"

  write_po "$tree/po/zh_CN.po" zh_CN 'msgid "Open"
msgstr "打开"

msgid "Save"
msgstr "保存"'
  expect "a string without translation" 1 translations "$tree"
  write_po "$tree/po/zh_CN.po" zh_CN 'msgid "Open"
msgstr "打开"

msgid "Save"
msgstr "保存"

msgctxt "menu"
msgid "Quit"
msgstr "退出"'
  expect "every string translated" 0 translations "$tree"
  write_po "$tree/po/zh_CN.po" zh_CN 'msgid "Open"
msgstr "打开"

#, fuzzy
msgid "Save"
msgstr "保存"

msgctxt "menu"
msgid "Quit"
msgstr "退出"'
  expect "a fuzzy translation" 1 translations "$tree"
  printf '%s\n' zh_CN zh_TW > "$tree/po/LINGUAS"
  expect "a language without its po file" 1 translations "$tree"
  echo "1..$count"
  [ "$failures" -eq 0 ]
}

case $mode in
  potfiles) check_potfiles ;;
  translations) check_translations ;;
  selftest) selftest ;;
  *) echo "unknown mode: $mode" >&2; exit 2 ;;
esac
