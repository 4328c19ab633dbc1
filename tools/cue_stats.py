#!/usr/bin/env python3
"""Cue statistics on PolNeAR train, behind the cue lexicon (server/src/extract/attribution/lexicon.rs).

For every lowercase word form: how often it occurs in the train texts and how often an
occurrence lies inside a gold cue span. Their ratio is the confidence STATEMENT_CUES
gives a head. Only train is read.

Usage (from the repository root):
    python3 tools/cue_stats.py [--polnear DIR] [--min N] [--words w1,w2,...]
        prints forms with at least N occurrences (default 10), the most often in a cue
        first, and marks those STATEMENT_CUES lists;
    python3 tools/cue_stats.py --siblings
        forms missing from STATEMENT_CUES whose inflections (same stem: -s, -ed, -ing,
        -es, -d, final e dropped) are listed, with their own figures and the pooled
        ones;
    python3 tools/cue_stats.py --inflections
        the entries to add to STATEMENT_CUES: forms of a verb with at least two forms
        listed (base, -s, -ed, -ing, spelled by the regular rules) that occur in train
        as a cue at least once, when the listed forms together are cues at least
        MIN_SHARE of the time and the form itself is too (or occurs under RARE times);
        the confidence is the form's own share, or the pooled one for a rare form;
    python3 tools/cue_stats.py --prev-class --words w1,w2,...
        the same counts split by the class of the word before (as
        statements::prev_class reads it): p a personal pronoun, c a capitalised word,
        l another lowercase word, - punctuation or the line start (PREV_CLASS_CUES).
Standard library only.
"""
import argparse
import os
import re
from collections import Counter

from train_statement_filter import load

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN_SHARE = 0.3
RARE = 5
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def lexicon():
    """The heads of STATEMENT_CUES as written in lexicon.rs."""
    src = open(os.path.join(ROOT, "server/src/extract/attribution/lexicon.rs"), encoding="utf-8").read()
    body = src.split("pub const STATEMENT_CUES", 1)[1].split("];", 1)[0]
    return {w: float(c) for w, c in re.findall(r'\("([^"]+)",\s*([0-9.]+)\)', body)}


PRONOUNS = {"he", "she", "they", "i", "we", "you"}


def prev_class(text, at):
    """The class of the word before offset `at`, as statements::prev_class reads it."""
    before = text[:at].rstrip()
    line = before.rsplit("\n", 1)[-1]
    prev = line.rsplit(None, 1)[-1] if line.strip() else ""
    if not prev or not all(c.isalpha() or c in "-.'’" for c in prev):
        return "-"
    if prev.lower() in PRONOUNS:
        return "p"
    return "c" if prev[0].isupper() else ("l" if prev[0].islower() else "-")


def counts(docs, by_class=False):
    """Occurrences and in-cue occurrences of each lowercase form (keyed by (form,
    class of the word before) when by_class)."""
    seen, cue = Counter(), Counter()
    for d in docs:
        text = d["text"]
        spans = sorted(g["Cue"] for g in d["gold"] if "Cue" in g)
        for m in WORD.finditer(text):
            w = m.group(0).lower()
            key = (w, prev_class(text, m.start())) if by_class else w
            seen[key] += 1
            if any(a <= m.start() and m.end() <= b for a, b in spans):
                cue[key] += 1
    return seen, cue


def stem(w):
    for suffix in ("ing", "ed", "es", "s", "d", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def paradigm(base):
    """The regular forms of a verb: base, -s, -ed, -ing."""
    consonant_y = base.endswith("y") and base[-2:-1] not in "aeiou"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    elif consonant_y:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past, gerund = base + "d", base[:-1] + "ing"
    elif consonant_y:
        past, gerund = base[:-1] + "ied", base + "ing"
    else:
        past, gerund = base + "ed", base + "ing"
    return {base, third, past, gerund}


def bases(form):
    """Every base form that could inflect to `form` by the regular rules."""
    out = {form}
    if form.endswith("ied") or form.endswith("ies"):
        out.add(form[:-3] + "y")
    if form.endswith("ed"):
        out |= {form[:-2], form[:-1]}
    if form.endswith("ing"):
        out |= {form[:-3], form[:-3] + "e"}
    if form.endswith("es"):
        out.add(form[:-2])
    if form.endswith("s"):
        out.add(form[:-1])
    return {b for b in out if len(b) >= 3 and " " not in b}


def inflections(seen, cue, lex):
    """Forms to add to the lexicon, as {form: confidence}."""
    add = {}
    for base in sorted({b for h in lex for b in bases(h)}):
        forms = paradigm(base)
        listed = [f for f in forms if f in lex]
        occurrences = sum(seen[f] for f in listed)
        if len(listed) < 2 or occurrences == 0:
            continue
        pooled = sum(cue[f] for f in listed) / occurrences
        for f in forms - set(listed):
            if cue[f] == 0 or pooled < MIN_SHARE:
                continue
            own = cue[f] / seen[f]
            if seen[f] < RARE:
                add[f] = pooled
            elif own >= MIN_SHARE:
                add[f] = own
    return add


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", default=os.path.join(ROOT, "..", "shared", "eval", "polnear"))
    ap.add_argument("--min", type=int, default=10)
    ap.add_argument("--words", help="comma-separated forms to report whatever their counts")
    ap.add_argument("--siblings", action="store_true")
    ap.add_argument("--inflections", action="store_true")
    ap.add_argument("--prev-class", action="store_true")
    a = ap.parse_args()
    docs = load(os.path.join(a.polnear, "train"), os.path.join(a.polnear, "metadata.tsv"))
    if a.prev_class:
        seen, cue = counts(docs, by_class=True)
        for w in (a.words or "").split(","):
            row = ["%s %d/%d %.2f" % (k, cue[(w, k)], seen[(w, k)], cue[(w, k)] / max(seen[(w, k)], 1)) for k in "pcl-"]
            print("%-14s %s" % (w, "   ".join(row)))
        return
    seen, cue = counts(docs)
    lex = lexicon()
    if a.inflections:
        for f, share in sorted(inflections(seen, cue, lex).items()):
            print('    ("%s", %.2f),' % (f, share))
        return
    if a.siblings:
        groups = {}
        for w in seen:
            groups.setdefault(stem(w), []).append(w)
        for s, forms in sorted(groups.items()):
            listed = [f for f in forms if f in lex]
            missing = [f for f in forms if f not in lex and cue[f] > 0]
            if not listed or not missing:
                continue
            pooled = sum(cue[f] for f in forms) / sum(seen[f] for f in forms)
            row = ", ".join("%s %d/%d%s" % (f, cue[f], seen[f], "*" if f in lex else "") for f in sorted(forms))
            print("%-12s pooled %.2f: %s" % (s, pooled, row))
        return
    words = a.words.split(",") if a.words else [w for w in seen if seen[w] >= a.min and cue[w] > 0]
    for w in sorted(words, key=lambda w: -cue[w]):
        print("%-16s %5d of %5d  %.2f%s" % (w, cue[w], seen[w], cue[w] / max(seen[w], 1), "  listed" if w in lex else ""))


if __name__ == "__main__":
    main()
