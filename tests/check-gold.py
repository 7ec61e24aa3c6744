#!/usr/bin/env python3
"""Checks that a gold alignment agrees with the texts it was made for.

Usage: check-gold.py ZH.txt EN.txt GOLD.json [EXPECTED-SENTENCES [BITEXT-CLI]]

Prints TAP. The gold must be in the JSON shape of the review format, its
paragraphs must be the lines of ZH.txt, its target sentences must read, in
order, as the lines of EN.txt, every offset must lie inside its paragraph,
every target sentence must be linked or an addition, and every paragraph
must be linked or omitted as a whole. Given bitext-cli, the gold's
sentences must also be those that `bitext-cli segment` finds.
"""

import json
import subprocess
import sys

CATEGORIES = {"condensation", "substantive", "detail", "attribution", "other"}
SEVERITIES = {"neutral", "minor", "major", "critical"}
STATES = {"suggested", "accepted", "rejected"}
ORIGINS = {"auto", "reviewer"}


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def check(self, ok, name, detail=""):
        self.count += 1
        if ok:
            print("ok %d - %s" % (self.count, name))
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.count, name))
            if detail:
                print("# " + str(detail))

    def finish(self):
        print("1..%d" % self.count)
        return 1 if self.failed else 0


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line for line in f.read().split("\n") if line.strip()]


def check_source(tap, gold, zh_lines):
    paras = gold["source"]["paragraphs"]
    tap.check([p["text"] for p in paras] == zh_lines,
              "source paragraphs are the lines of the Chinese file")
    tap.check([p["id"] for p in paras] == ["p%d" % (i + 1) for i in range(len(paras))],
              "paragraph ids run p1, p2, … in order")
    bad = []
    for p in paras:
        spans = p["sentences"]
        ends = [0] + [e for _, e in spans]
        starts = [s for s, _ in spans] + [len(p["text"])]
        if not spans or ends != starts or any(s >= e for s, e in spans):
            bad.append(p["id"])
    tap.check(not bad, "sentence spans tile each paragraph", bad)


def check_target(tap, gold, en_lines, expected):
    sents = gold["target"]["sentences"]
    tap.check([s["id"] for s in sents] == ["e%d" % (i + 1) for i in range(len(sents))],
              "sentence ids run e1, e2, … in order")
    rebuilt = {}
    for s in sents:
        rebuilt.setdefault(s["paragraph"], []).append(s["text"])
    joined = [" ".join(rebuilt[k]) for k in sorted(rebuilt)]
    tap.check(joined == [line.strip() for line in en_lines],
              "target sentences read as the lines of the English file")
    paragraphs = [s["paragraph"] for s in sents]
    tap.check(paragraphs == sorted(paragraphs) and set(paragraphs) == set(range(1, len(en_lines) + 1)),
              "target paragraph numbers run 1…%d in order" % len(en_lines))
    if expected is not None:
        tap.check(len(sents) == expected, "%d target sentences" % expected, len(sents))


def check_items(tap, gold):
    paras = {p["id"]: p for p in gold["source"]["paragraphs"]}
    sents = {s["id"] for s in gold["target"]["sentences"]}
    links = gold["links"]
    tap.check(all(l["source"] in paras and l["target"] in sents for l in links),
              "links name existing paragraphs and sentences")
    tap.check(all(l["origin"] in ORIGINS and l["state"] in STATES for l in links),
              "links have a known origin and state")
    bad = [o for o in gold["omissions"]
           if o["source"] not in paras
           or not 0 <= o["start"] < o["end"] <= len(paras[o["source"]]["text"])
           or o["category"] not in CATEGORIES or o["severity"] not in SEVERITIES
           or o["state"] not in STATES or o["origin"] not in ORIGINS]
    tap.check(not bad, "omissions lie inside their paragraphs, with known labels", bad)
    additions = {a["target"] for a in gold["additions"]}
    linked = {l["target"] for l in links}
    tap.check(additions <= sents and not additions & linked,
              "additions are unlinked target sentences")
    tap.check(linked | additions == sents,
              "every target sentence is linked or an addition", sents - linked - additions)
    whole = {o["source"] for o in gold["omissions"]
             if o["start"] == 0 and o["end"] == len(paras[o["source"]]["text"])}
    sources = {l["source"] for l in links}
    tap.check(sources | whole == set(paras) and not sources & whole,
              "every paragraph is linked or omitted as a whole, not both",
              set(paras) ^ (sources | whole))
    overlaps = []
    by_para = {}
    for o in gold["omissions"]:
        by_para.setdefault(o["source"], []).append((o["start"], o["end"]))
    for pid, spans in by_para.items():
        spans.sort()
        overlaps += [pid for a, b in zip(spans, spans[1:]) if a[1] > b[0]]
    tap.check(not overlaps, "omissions of a paragraph do not overlap", overlaps)


def segment(cli, path, lang):
    out = subprocess.run([cli, "segment", path, "--lang", lang, "--format", "tsv"],
                         check=True, capture_output=True, text=True).stdout
    rows = [line.split("\t") for line in out.splitlines()]
    return [(int(r[0]), int(r[2]), int(r[3])) for r in rows]


def check_segmenter(tap, gold, cli, zh_path, en_path):
    want_zh = [(i + 1, s, e) for i, p in enumerate(gold["source"]["paragraphs"])
               for s, e in p["sentences"]]
    got_zh = segment(cli, zh_path, "zh")
    tap.check(got_zh == want_zh, "bitext-cli segment finds the gold's Chinese sentences",
              sorted(set(got_zh) ^ set(want_zh)))
    want_en = [s["paragraph"] for s in gold["target"]["sentences"]]
    got_en = [para for para, _, _ in segment(cli, en_path, "en")]
    tap.check(got_en == want_en, "bitext-cli segment finds the gold's English sentences",
              "paragraph of each sentence: %s" % got_en)


def main(argv):
    if len(argv) not in (4, 5, 6):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    tap = Tap()
    zh_lines = read_lines(argv[1])
    en_lines = read_lines(argv[2])
    with open(argv[3], encoding="utf-8") as f:
        gold = json.load(f)
    tap.check(gold.get("format") == "bitext-review" and gold.get("version") == 1,
              "format bitext-review, version 1")
    tap.check(gold["source"]["language"] == "zh" and gold["target"]["language"] == "en",
              "languages zh and en")
    check_source(tap, gold, zh_lines)
    check_target(tap, gold, en_lines, int(argv[4]) if len(argv) >= 5 else None)
    check_items(tap, gold)
    if len(argv) == 6:
        check_segmenter(tap, gold, argv[5], argv[1], argv[2])
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
