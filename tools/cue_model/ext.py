import re
from data import *
from e2e import full, ov
from collections import Counter
WT = re.compile(r"\s*(\w+(?:['’]\w+)*|[^\w\s])")
def nexts(T, end, k=4):
    out = []; p = end
    for _ in range(k):
        m = WT.match(T, p)
        if not m: break
        p = m.end(); out.append((T[end:p].strip().lower(), p))
    return out
def key_last(T, s):
    ws = T[s[0]:s[1]].lower().split(); return ws[-1] if ws else ""
def collect(docs):
    seen = Counter(); hit = Counter()
    for d in docs:
        T = d["text"]; gold = [g["Cue"] for g in d["gold"] if "Cue" in g]
        for e in d["sys"]:
            if "Cue" not in e: continue
            s = e["Cue"]; lw = key_last(T, s)
            for ext, p in nexts(T, s[1]):
                for key in ((lw, ext), ("*", ext)):
                    seen[key] += 1
                    if (s[0], p) in gold: hit[key] += 1
    return seen, hit
def apply(d, seen, hit, th=0.5, minc=3, back=8):
    T = d["text"]; out = []
    for e in d["sys"]:
        e = dict(e)
        if "Cue" in e:
            s = e["Cue"]; lw = key_last(T, s); best = None; br = th
            for ext, p in nexts(T, s[1]):
                if seen[(lw, ext)] >= minc: r = hit[(lw, ext)] / seen[(lw, ext)]
                elif seen[("*", ext)] >= back: r = hit[("*", ext)] / seen[("*", ext)]
                else: continue
                if r > br: br = r; best = p
            if best and not ("Source" in e and e["Source"][0] < best and e["Source"][0] >= s[1]):
                e["Cue"] = (s[0], best)
                if "Content" in e and s[1] <= e["Content"][0] < best:
                    m = re.match(r"\s*", T[best:]); e["Content"] = (best + m.end(), e["Content"][1])
        out.append(e)
    return out
if __name__ == "__main__":
    tr = get("train"); dv = get("dev")
    seen, hit = collect(tr)
    print("dev base", full(dv, lambda d: d["sys"]))
    for th, minc, back in ((0.5, 3, 8), (0.5, 2, 5), (0.6, 3, 8), (0.4, 3, 8), (0.5, 5, 1e9)):
        print("dev", th, minc, back, full(dv, lambda d: apply(d, seen, hit, th, minc, back)))
    # train figure is in-sample
    print("train in-sample", full(tr, lambda d: apply(d, seen, hit)))
