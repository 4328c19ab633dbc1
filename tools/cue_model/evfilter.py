import math, random, re
from e2e import *
PR = {"he","she","they","it","i","we","you","who"}
def bucket(n):
    return 0 if n == 0 else 1 if n < 3 else 2 if n < 8 else 3 if n < 20 else 4
def efeats(d, e):
    T = d["text"]; r = e["raw"]; f = ["b"]
    for x in r.get("rules", []):
        if not x.startswith("date:"): f.append("rule=" + x)
    f.append("conf=%.1f" % r.get("confidence", 0))
    if "Cue" in e:
        a, b = e["Cue"]; ct = T[a:b].lower(); ws = ct.split()
        f += ["cue=" + ct, "cuehead=" + (ws[-1] if ws else ct), "cuefirst=" + (ws[0] if ws else ct), "cuen=%d" % min(len(ws), 4)]
        left = re.findall(r"\w+|[^\w\s]", T[max(0, a - 40):a])[-2:]
        right = re.findall(r"\w+|[^\w\s]", T[b:b + 40])[:2]
        for i, w in enumerate(reversed(left)): f.append("L%d=%s" % (i + 1, w.lower()))
        for i, w in enumerate(right): f.append("R%d=%s" % (i + 1, w.lower()))
        f.append("R1cue=%s_%s" % (right[0].lower() if right else "", ws[-1] if ws else ""))
        f.append("L1cue=%s_%s" % (left[-1].lower() if left else "", ws[-1] if ws else ""))
    for role in ("Source", "Content"):
        if role in e:
            a, b = e[role]; txt = T[a:b]; n = len(txt.split())
            f.append(role + "_len=%d" % bucket(n))
            if "Cue" in e: f.append(role + "_pos=" + ("before" if b <= e["Cue"][0] else "after"))
            if role == "Source":
                f.append("src_pron=%s" % (txt.lower() in PR)); f.append("src_cap=%s" % txt[:1].isupper())
                f.append("src_first=" + txt.split()[0].lower() if txt.split() else "")
            else:
                f.append("con_first=" + (txt.split()[0].lower() if txt.split() else ""))
                f.append("con_quote=%s" % (txt[:1] in "“\"" or txt[-1:] in "”\""))
        else:
            f.append(role + "_none")
    f.append("quote=%s" % (r.get("quote") is not None))
    return f
def label(d, e):
    return int("Cue" in e and any(ov(g["Cue"], e["Cue"]) for g in d["gold"] if "Cue" in g))
def data(docs):
    return [(efeats(d, e), label(d, e)) for d in docs for e in d["sys"]]
def train_lr(X, epochs=8, lr=0.1, l2=1e-5):
    w = {}
    idx = list(range(len(X)))
    for ep in range(epochs):
        random.seed(ep); random.shuffle(idx)
        for i in idx:
            fs, y = X[i]
            z = sum(w.get(x, 0.0) for x in fs); p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = (y - p) * lr
            for x in fs: w[x] = w.get(x, 0.0) * (1 - l2) + g
    return w
def prob(w, fs):
    z = sum(w.get(x, 0.0) for x in fs); return 1 / (1 + math.exp(-max(-30, min(30, z))))
if __name__ == "__main__":
    tr = get("train"); dv = get("dev")
    # CV on train to choose threshold
    names = sorted({d["name"] for d in tr}); random.seed(1); random.shuffle(names)
    fold = {n: i % 5 for i, n in enumerate(names)}
    for d in tr:
        for e in d["sys"]: e["fs"] = efeats(d, e)
    for k in range(5):
        w = train_lr([(e["fs"], label(d, e)) for d in tr if fold[d["name"]] != k for e in d["sys"]])
        for d in tr:
            if fold[d["name"]] == k:
                for e in d["sys"]: e["p"] = prob(w, e["fs"])
    print("train base", full(tr, lambda d: d["sys"]))
    for th in (0.2, 0.3, 0.4, 0.5):
        print("train cv th", th, full(tr, lambda d: [e for e in d["sys"] if e["p"] >= th]))
    w = train_lr([(e["fs"], label(d, e)) for d in tr for e in d["sys"]])
    pickle.dump(w, open("w_ev.pkl", "wb"))
    for d in dv:
        for e in d["sys"]: e["p"] = prob(w, efeats(d, e))
    print("dev base", full(dv, lambda d: d["sys"]))
    for th in (0.2, 0.3, 0.4, 0.5):
        print("dev th", th, full(dv, lambda d: [e for e in d["sys"] if e["p"] >= th]))
    top = sorted(w.items(), key=lambda kv: kv[1])
    print("neg", top[:25]); print("pos", top[-25:])
