from tagger import *
from collections import Counter
def ov(a, b): return a[0] < b[1] and b[0] < a[1]
def full(docs, evkey):
    roles = ("Source", "Cue", "Content")
    c = {r: [0, 0, 0, 0] for r in roles}; e2e = [0, 0, 0]
    for d in docs:
        system = evkey(d)
        for r in roles:
            gold = [g[r] for g in d["gold"] if r in g]; s_ = [s[r] for s in system if r in s]
            c[r][0] += len(gold); c[r][1] += len(s_)
            c[r][2] += sum((Counter(gold) & Counter(s_)).values())
            used = set()
            for g in gold:
                for k, s in enumerate(s_):
                    if k not in used and ov(g, s): used.add(k); c[r][3] += 1; break
        e2e[0] += len(d["gold"]); e2e[1] += len(system); used = set()
        for g in d["gold"]:
            if "Content" not in g: continue
            for k, s in enumerate(system):
                if k in used or "Content" not in s or not ov(g["Content"], s["Content"]): continue
                if "Source" in g and not ("Source" in s and ov(g["Source"], s["Source"])): continue
                used.add(k); e2e[2] += 1; break
    f = lambda m, a, b: 200.0 * m / (a + b) if a + b else 0
    out = {r[:3] + "_ex": round(f(c[r][2], c[r][0], c[r][1]), 2) for r in roles}
    out.update({r[:3] + "_ov": round(f(c[r][3], c[r][0], c[r][1]), 2) for r in roles})
    out["stmt"] = round(f(e2e[2], e2e[0], e2e[1]), 2); out["n"] = e2e[1]
    return out
if __name__ == "__main__":
    ids, W = pickle.load(open("w_sys.pkl","rb")); fx = Fast(); fx.ids = ids
    dv = get("dev")
    for d in dv:
        P = prep(d, True); d["m"] = spans(P, decode_fast(P, W, fx, 0))
    print("base   ", full(dv, lambda d: d["sys"]))
    def filt(d): return [e for e in d["sys"] if "Cue" not in e or any(ov(m, e["Cue"]) for m in d["m"])]
    print("filter ", full(dv, filt))
    def fix(d):
        out = []
        for e in filt(d):
            e = dict(e)
            if "Cue" in e:
                m = next((m for m in d["m"] if ov(m, e["Cue"])), None)
                if m and not ("Source" in e and ov(m, e["Source"])) and not ("Content" in e and ov(m, e["Content"])): e["Cue"] = m
            out.append(e)
        return out
    print("fix    ", full(dv, fix))
    def add(d):
        s = fix(d)
        return s + [{"Cue": m} for m in d["m"] if not any("Cue" in e and ov(m, e["Cue"]) for e in s)]
    print("add    ", full(dv, add))
