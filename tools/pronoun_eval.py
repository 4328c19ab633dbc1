#!/usr/bin/env python3
"""Scores how often "he", "she" and "they" sources resolve to the right person.

tools/pronoun_sample.json holds 50 + 50 pronoun sources drawn at random from the
statements `annals extract` found in PolNeAR dev (seed 42) and train (seed 7), each with
the person it refers to as a reader would take it from the text before it (character
offsets into the PolNeAR text; "?" where the text leaves it open, skipped). The dev sample
was read while the resolution rules were written; the train sample was labelled before
its outputs were looked at and measures the rules as they stand. A resolution is right
when the speaker name contains the label (any of its "|" alternatives; "Clinton" is wrong
when the name is "Bill Clinton").

Usage (from the repository root, after `cargo build -p server --bin annals`):
    python3 tools/pronoun_eval.py [--annals PATH] [--polnear DIR] [-v]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import train_statement_filter as tsf  # noqa: E402  (the PolNeAR loader)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--annals", default=os.path.join(ROOT, "target/debug/annals"))
    ap.add_argument("--polnear", default=os.path.join(ROOT, "../shared/eval/polnear"))
    ap.add_argument("-v", action="store_true", help="print every item")
    a = ap.parse_args()
    sample = json.load(open(os.path.join(ROOT, "tools/pronoun_sample.json"), encoding="utf-8"))
    for split, items in sample.items():
        docs = {d["name"]: d for d in tsf.load(os.path.join(a.polnear, split), os.path.join(a.polnear, "metadata.tsv"))}
        outputs = {}
        with tempfile.TemporaryDirectory() as tmp:
            for name in sorted({i["doc"] for i in items}):
                path = os.path.join(tmp, name + ".txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(docs[name]["text"])
                run = subprocess.run([a.annals, "extract", "--published", docs[name]["published"], path],
                                     capture_output=True, text=True, check=True)
                outputs[name] = json.loads(run.stdout)
        right = total = 0
        for item in items:
            if item["antecedent"] == "?":
                continue
            text = docs[item["doc"]]["text"]
            got = None
            for e in outputs[item["doc"]]["events"]:
                span = tsf.char_span(text, e["source"]) if e.get("source") else None
                if span == (item["start"], item["end"]):
                    got = (e.get("actor") or {}).get("canonical") or (e.get("actor") or {}).get("name")
                    break
            total += 1
            labels = item["antecedent"].split("|")
            ok = got is not None and any(l.lower() in got.lower() for l in labels)
            if item["antecedent"] == "Clinton" and got and "Bill" in got:
                ok = False
            right += ok
            if a.v:
                print("%s %-20s %-5s -> %s" % ("ok " if ok else "BAD", item["antecedent"], item["pronoun"], got))
        print("%s: %d of %d pronoun sources resolved right (%.0f%%)" % (split, right, total, 100 * right / total))


if __name__ == "__main__":
    main()
