import tagger2, tagger
from tagger import *
from e2e import full, ov
from evfilter import efeats, prob
tagger.feats = tagger2.feats2
ids, W = pickle.load(open("w_v2_8.pkl", "rb")); fx = Fast(); fx.ids = ids
wev = pickle.load(open("w_ev.pkl", "rb"))
dv = get("dev")
Pdv = [tagger2.prep2(d, True) for d in dv]
for d, P in zip(dv, Pdv):
    d["m0"] = spans(P, decode_fast(P, W, fx, 0)); d["m8"] = spans(P, decode_fast(P, W, fx, 8))
    for e in d["sys"]: e["p"] = prob(wev, efeats(d, e))
keep = lambda d, e, th: ("Cue" not in e or any(ov(m, e["Cue"]) for m in d["m0"])) and e["p"] >= th
for th in (0.1, 0.2, 0.3):
    print("both th", th, full(dv, lambda d: [e for e in d["sys"] if keep(d, e, th)]))
keep2 = lambda d, e, th: ("Cue" not in e or any(ov(m, e["Cue"]) for m in d["m0"])) or e["p"] >= th
for th in (0.5, 0.7):
    print("either th", th, full(dv, lambda d: [e for e in d["sys"] if keep2(d, e, th)]))
def plusadd(d):
    s = [e for e in d["sys"] if keep(d, e, 0.2)]
    return s + [{"Cue": m} for m in d["m8"] if not any("Cue" in e and ov(m, e["Cue"]) for e in d["sys"])]
print("both0.2+add8", full(dv, plusadd))
