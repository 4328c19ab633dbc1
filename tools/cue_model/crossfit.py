"""Out-of-fold tagger outputs on train (5 folds by document) and full-train outputs on dev."""
import random
import tagger2, tagger
from tagger import *
tagger.feats = tagger2.feats2
tr = get("train"); dv = get("dev")
names = sorted({d["name"] for d in tr}); random.seed(1); random.shuffle(names)
fold = {n: i % 5 for i, n in enumerate(names)}
oof = {}
def margins(P, W, fx):
    # greedy decode, keep per-token scores
    if "F" not in P: fx.precompute(P, False)
    out = []; prev = "O"; names_ = ("O", "B", "I"); sc = []
    for i, base in enumerate(P["F"]):
        fs = base + fx.prevf(prev, P["wl"][i], False)
        s = [0.0, 0.0, 0.0]
        for f in fs:
            w = W.get(f)
            if w: s[0] += w[0]; s[1] += w[1]; s[2] += w[2]
        if prev == "O": s[2] = -1e9
        t = names_[max(range(3), key=s.__getitem__)]; out.append(t); prev = t; sc.append(max(s[1], s[2]) - s[0])
    return out, sc
for k in range(5):
    Ptr = [tagger2.prep2(d, True) for d in tr if fold[d["name"]] != k]
    fx = Fast(); W = train_fast(Ptr, 6, fx)
    for d in tr:
        if fold[d["name"]] == k:
            P = tagger2.prep2(d, True); tags, sc = margins(P, W, fx)
            oof[d["name"]] = (P["toks"], tags, sc)
    print("fold", k, "done", flush=True)
ids, W = pickle.load(open("w_v2_8.pkl", "rb")); fx = Fast(); fx.ids = ids
for d in dv:
    P = tagger2.prep2(d, True); tags, sc = margins(P, W, fx); oof[d["name"]] = (P["toks"], tags, sc)
pickle.dump(oof, open("oof.pkl", "wb"))
