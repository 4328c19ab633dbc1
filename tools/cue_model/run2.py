import time, sys
import tagger2
from tagger import *
from e2e import full, ov
EP = int(sys.argv[1]); V = sys.argv[2]
t0 = time.time()
tr = get("train"); dv = get("dev")
prepf = tagger2.prep2 if V == "2" else prep
if V == "1": import tagger as T; T.feats = T.__dict__["feats"]
Ptr = [prepf(d, True) for d in tr]; Pdv = [prepf(d, True) for d in dv]
fx = Fast(); W = train_fast(Ptr, EP, fx)
print("train", time.time() - t0, len(W))
pickle.dump((fx.ids, W), open("w_v%s_%d.pkl" % (V, EP), "wb"))
for d, P in zip(dv, Pdv): d["m"] = spans(P, decode_fast(P, W, fx, 0))
print("model", score(dv, lambda d: d["m"]))
def filt(d): return [e for e in d["sys"] if "Cue" not in e or any(ov(m, e["Cue"]) for m in d["m"])]
print("filter", full(dv, filt))
