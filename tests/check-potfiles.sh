#!/bin/sh
# Checks the translation setup against the sources.
#
#   check-potfiles.sh potfiles SRCDIR
#     fails when a source file with translatable strings is missing from
#     po/POTFILES.in, or when POTFILES.in names a file that does not exist;
#   check-potfiles.sh translations SRCDIR
#     extracts the strings of every file in POTFILES.in, merges them into
#     each language of po/LINGUAS and fails on any untranslated or fuzzy
#     message, so a string added without its translations is caught.
set -eu
export LC_ALL=C.UTF-8

mode=${1:?usage: check-potfiles.sh potfiles|translations SRCDIR}
srcdir=${2:?usage: check-potfiles.sh potfiles|translations SRCDIR}
cd "$srcdir"

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
  return $status
}

extract_template () {
  potfiles_listed > "$1/files"
  xgettext --from-code=UTF-8 --add-comments --package-name=bitext \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
    --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
    --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
    --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
    --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    --files-from="$1/files" --output="$1/bitext.pot"
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

case $mode in
  potfiles) check_potfiles ;;
  translations) check_translations ;;
  *) echo "unknown mode: $mode" >&2; exit 2 ;;
esac
