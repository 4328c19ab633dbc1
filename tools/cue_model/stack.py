import math, random
from evfilter import *
oof = pickle.load(open("oof.pkl", "rb"))
def tagfeats(d, e):
    if "Cue" not in e: return ["tag_nocue"]
    toks, tags, sc = oof[d["name"]]; a, b = e["Cue"]
    idx = [i for i, (x, y) in enumerate(toks) if x >= a and y <= b]
    if not idx: return ["tag_noidx"]
    m = max(sc[i] for i in idx)
    bk = "m<-5" if m < -5 else "m<0" if m < 0 else "m<5" if m < 5 else "m<15" if m < 15 else "m>=15"
    span_exact = tags[idx[0]] == "B" and all(tags[i] == "I" for i in idx[1:]) and (idx[-1] + 1 >= len(tags) or tags[idx[-1] + 1] != "I")
    anyt = any(tags[i] != "O" for i in idx)
    return ["tagm=" + bk, "tagexact=%s" % span_exact, "tagany=%s" % anyt]
tr = get("train"); dv = get("dev")
for D in (tr, dv):
    for d in D:
        for e in d["sys"]: e["fs"] = efeats(d, e) + tagfeats(d, e)
names = sorted({d["name"] for d in tr}); random.seed(2); random.shuffle(names)
fold = {n: i % 5 for i, n in enumerate(names)}
for k in range(5):
    w = train_lr([(e["fs"], label(d, e)) for d in tr if fold[d["name"]] != k for e in d["sys"]])
    for d in tr:
        if fold[d["name"]] == k:
            for e in d["sys"]: e["p"] = prob(w, e["fs"])
best = max((full(tr, lambda d: [e for e in d["sys"] if e["p"] >= th])["Cue_ex"], th) for th in (0.2, 0.3, 0.4, 0.5, 0.6))
print("train cv best cue_ex, th", best)
for th in (0.2, 0.3, 0.4, 0.5, 0.6):
    print("train cv", th, full(tr, lambda d: [e for e in d["sys"] if e["p"] >= th]))
w = train_lr([(e["fs"], label(d, e)) for d in tr for e in d["sys"]])
for d in dv:
    for e in d["sys"]: e["p"] = prob(w, e["fs"])
for th in (0.2, 0.3, 0.4, 0.5, 0.6):
    print("dev", th, full(dv, lambda d: [e for e in d["sys"] if e["p"] >= th]))
print({k: round(v, 2) for k, v in w.items() if k.startswith("tag")})
