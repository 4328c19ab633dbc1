import sys, time
import tagger2, tagger
from tagger import *
from e2e import full, ov
drop = tuple(sys.argv[1].split(","))
base = tagger2.feats2
tagger.feats = lambda P, i: [x for x in base(P, i) if not x.startswith(drop)]
tr = get("train"); dv = get("dev")
Ptr = [tagger2.prep2(d, True) for d in tr]; Pdv = [tagger2.prep2(d, True) for d in dv]
fx = Fast(); W = train_fast(Ptr, 6, fx)
for d, P in zip(dv, Pdv): d["m"] = spans(P, decode_fast(P, W, fx, 0))
r = score(dv, lambda d: d["m"])
def filt(d): return [e for e in d["sys"] if "Cue" not in e or any(ov(m, e["Cue"]) for m in d["m"])]
print("drop", drop, "model P %.1f R %.1f F %.2f" % (r["P"], r["R"], r["F"]), "filter", full(dv, filt))
