import time
from tagger import *
t0=time.time()
tr = get("train"); dv = get("dev")
Ptr = [prep(d, True) for d in tr]; Pdv = [prep(d, True) for d in dv]
fx = Fast()
W = train_fast(Ptr, 6, fx)
print("train", time.time()-t0, len(W))
pickle.dump((fx.ids, W), open("w_sys.pkl","wb"))
def ov(a, b): return a[0] < b[1] and b[0] < a[1]
for bias in (0, -2, -4):
    for d, P in zip(dv, Pdv): d["m"] = spans(P, decode_fast(P, W, fx, bias))
    sysc = lambda d: [e["Cue"] for e in d["sys"] if "Cue" in e]
    print("bias", bias, "model", score(dv, lambda d: d["m"]))
    print("  add", score(dv, lambda d: sysc(d) + [m for m in d["m"] if not any(ov(m, s) for s in sysc(d))]))
    print("  filter", score(dv, lambda d: [s for s in sysc(d) if any(ov(m, s) for m in d["m"])]))
    print("  fixbounds", score(dv, lambda d: [next((m for m in d["m"] if ov(m, s)), s) for s in sysc(d)]))
