import tagger2, tagger
from tagger import *
from e2e import full, ov
tagger.feats = tagger2.feats2
ids, W = pickle.load(open("w_v2_8.pkl", "rb")); fx = Fast(); fx.ids = ids
dv = get("dev")
Pdv = [tagger2.prep2(d, True) for d in dv]
for bias in (0, 2, 4, 6, 8):
    tp = n = 0; words = Counter()
    for d, P in zip(dv, Pdv):
        m = spans(P, decode_fast(P, W, fx, bias))
        gold = [g["Cue"] for g in d["gold"] if "Cue" in g]
        sysc = [e["Cue"] for e in d["sys"] if "Cue" in e]
        for x in m:
            if not any(ov(x, s) for s in sysc):
                n += 1; ok = x in gold; tp += ok
                words[(d["text"][x[0]:x[1]].lower(), ok)] += 1
    print("bias", bias, "additions", n, "exact-correct", tp, "P %.1f" % (100.0 * tp / max(n, 1)))
    if bias == 0: print(words.most_common(40))
