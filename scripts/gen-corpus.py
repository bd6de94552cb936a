#!/usr/bin/env python3
"""Runs ../shared/bench/gen_corpus.py (same arguments, same output) with its one quadratic
step made linear, so that 100,000 pages take minutes instead of hours.

The generator resolves each page's link placeholder `{LINKj}` by trying every k from 0
until `{LINKk}` is in the body: n tries of a substring search over 8 KB per page, which at
100,000 pages is about 5 * 10^9 searches. Here the placeholder is read with a regular
expression instead; the smallest k found is taken, as the loop would. When the
generator's text no longer holds that loop, it runs unchanged, with a warning.
"""
import pathlib
import re
import sys

GEN = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "gen_corpus.py"
SLOW = '''        for k in range(n):  # resolve the one link placeholder
            key = "{LINK%d}" % k
            if key in b:
                b = b.replace(key, link(ps[k], flavor))
                break
'''
FAST = '''        found = [int(x) for x in re.findall(r"\\{LINK(\\d+)\\}", b) if int(x) < n]
        if found:
            k = min(found)
            b = b.replace("{LINK%d}" % k, link(ps[k], flavor))
'''

source = GEN.read_text(encoding="utf-8")
if SLOW in source:
    source = "import re\n" + source.replace(SLOW, FAST)
else:
    print(f"warning: {GEN} changed; running it unchanged (slow at 100,000 pages)", file=sys.stderr)
sys.argv[0] = str(GEN)
exec(compile(source, str(GEN), "exec"), {"__name__": "__main__", "__file__": str(GEN)})
