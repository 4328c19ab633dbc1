"""PolNeAR loading (as annals_eval.py, robust to multi-line spans), system runs, tokens."""
import glob, os, json, re, subprocess, tempfile, pickle
from collections import Counter

ROOT = "/work/shared/eval/polnear"
ANNALS = os.environ.get("ANNALS", "/work/cue-target/debug/annals")
# System outputs and trained weights (pickles) live outside the repo, in CUE_CACHE;
# the scripts run with it as working directory.
CACHE = os.environ.get("CUE_CACHE", "/work/cue-tools")
os.makedirs(CACHE, exist_ok=True)
os.chdir(CACHE)

def load(split):
    published = {}
    with open(os.path.join(ROOT, "metadata.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            published[row["filename"]] = row["publication_date"]
    docs, seen = [], set()
    for ann in sorted(glob.glob(os.path.join(ROOT, split, "attributions", "*.ann"))):
        base = os.path.basename(ann)[:-4].rsplit("_", 1)[0]
        if base in seen:
            continue
        seen.add(base)
        text = open(os.path.join(ROOT, split, "text", base + ".txt"), encoding="utf-8").read()
        spans, gold = {}, []
        for line in open(ann, encoding="utf-8"):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2:
                continue
            if fields[0].startswith("T"):
                try:
                    kind, ranges = fields[1].split(" ", 1)
                    bounds = [int(x) for r in ranges.split(";") for x in r.split(" ")]
                except ValueError:
                    continue
                spans[fields[0]] = (kind, min(bounds), max(bounds))
            elif fields[0].startswith("E"):
                roles = dict(p.split(":", 1) for p in fields[1].split()[1:] if ":" in p)
                gold.append({r: spans[t][1:] for r, t in roles.items() if t in spans})
        docs.append(dict(name=base, published=published.get(base, "2016-01-01"), text=text, gold=gold))
    return docs

def char_span(text, s):
    body = text.encode("utf-8")
    a, b = s["start"], s["end"]
    if not (0 <= a <= b <= len(body)):
        return None
    try:
        return len(body[:a].decode("utf-8")), len(body[:b].decode("utf-8"))
    except UnicodeDecodeError:
        return None

def run_system(docs, cmd=None):
    cmd = cmd or [ANNALS, "extract", "--format", "json"]
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for d in docs:
            p = os.path.join(tmp, d["name"] + ".txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write("---\npublished: %s\n---\n%s" % (d["published"], d["text"]))
            paths.append(p)
        proc = subprocess.run(cmd + paths, capture_output=True, text=True, check=True)
        for line in proc.stdout.splitlines():
            if line.strip():
                o = json.loads(line)
                out[os.path.basename(o["file"])[:-4]] = o
    for d in docs:
        evs = []
        for e in out[d["name"]].get("events", []):
            if e.get("kind") != "statement":
                continue
            sp = {}
            for r in ("source", "cue", "content"):
                if e.get(r):
                    c = char_span(d["text"], e[r])
                    if c and c[0] < c[1]:
                        sp[r.capitalize()] = c
            sp["raw"] = e
            evs.append(sp)
        d["sys"] = evs
    return docs

TOK = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")

def tokens(text):
    return [(m.start(), m.end()) for m in TOK.finditer(text)]

def get(split):
    p = os.path.join(CACHE, "cache_%s.pkl" % split)
    if os.path.exists(p):
        return pickle.load(open(p, "rb"))
    docs = run_system(load(split))
    pickle.dump(docs, open(p, "wb"))
    return docs

def score(docs, key):
    """exact and overlap F1 of cue spans: key(d) -> list of system cue spans."""
    g = s = ex = ov = 0
    for d in docs:
        gold = [x["Cue"] for x in d["gold"] if "Cue" in x]
        sys_ = key(d)
        g += len(gold); s += len(sys_)
        ex += sum((Counter(gold) & Counter(sys_)).values())
        used = set()
        for a in gold:
            for k, b in enumerate(sys_):
                if k not in used and a[0] < b[1] and b[0] < a[1]:
                    used.add(k); ov += 1; break
    f = lambda m: 200.0 * m / (g + s) if g + s else 0
    return dict(gold=g, sys=s, exact=ex, P=100.0*ex/max(s,1), R=100.0*ex/max(g,1), F=f(ex), oF=f(ov))
