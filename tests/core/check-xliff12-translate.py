#!/usr/bin/python3
# check-xliff12-translate.py: prints every unit of an XLIFF 1.2 file as
# translate-toolkit reads it, one JSON object a line, for test-xliff12
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

try:
    from translate.storage import xliff
except ImportError:
    print("SKIP translate-toolkit is not installed")
    sys.exit(0)

with open(sys.argv[1], "rb") as f:
    store = xliff.xlifffile(f)
for unit in store.units:
    print(json.dumps({
        "id": unit.xmlelement.get("id"),
        "source": unit.source,
        "target": unit.target or "",
        "notes": unit.getnotes(),
    }, ensure_ascii=False, sort_keys=True))
