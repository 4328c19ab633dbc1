from tagger import *
import tagger
LEXWORDS = {w for h in LEX for w in h.split()}
MAXH = max(len(h.split()) for h in LEX)
def prep2(d, use_sys=True):
    P = prep(d, use_sys); W = [w.lower() for w in P["words"]]; n = len(W)
    # longest lexicon phrase starting at i
    P["lexlen"] = [0] * n; P["lexin"] = [0] * n
    for i in range(n):
        for k in range(min(MAXH, n - i), 0, -1):
            if " ".join(W[i:i + k]) in LEX:
                P["lexlen"][i] = k
                for j in range(i, i + k): P["lexin"][j] = 1
                break
    # sentence index per token, system cue count per sentence, quote in sentence
    sid = []; s = -1
    for i in range(n):
        if P["sent"][i]: s += 1
        sid.append(s)
    P["sid"] = sid
    nsys = Counter(); nq = Counter()
    for i in range(n):
        if P["systag"][i] == "B": nsys[sid[i]] += 1
        if W[i] in ("“", "”", '"'): nq[sid[i]] += 1
    P["nsys"] = nsys; P["nq"] = nq
    rules = [None] * n
    for e in d.get("sys", []) if use_sys else []:
        if "Cue" not in e: continue
        a, b = e["Cue"]
        rs = [r for r in e["raw"].get("rules", []) if not r.startswith("date:")]
        for i, (x, y) in enumerate(P["toks"]):
            if x >= a and y <= b: rules[i] = rs
    P["rules"] = rules
    # sentence position
    pos = [0] * n; c = 0
    for i in range(n):
        c = 0 if P["sent"][i] else c + 1
        pos[i] = c
    P["pos"] = pos
    return P
def feats2(P, i):
    f = feats(P, i)
    W = P["words"]; n = len(W)
    f.append("lexlen=%d" % P["lexlen"][i]); f.append("lexin=%d" % P["lexin"][i])
    own = 1 if P["systag"][i] == "B" else 0
    f.append("othersys=%d" % min(2, P["nsys"][P["sid"][i]] - own))
    f.append("sentq=%d" % min(2, P["nq"][P["sid"][i]]))
    f.append("pos=%d" % min(P["pos"][i], 5))
    if P["rules"][i]:
        for r in P["rules"][i]: f.append("rule=" + r)
    # nearest quote mark distance left/right within 8
    dl = next((k for k in range(1, 9) if i - k >= 0 and W[i - k] in QUOTES), 9)
    dr = next((k for k in range(1, 9) if i + k < n and W[i + k] in QUOTES), 9)
    f.append("dql=%d" % min(dl, 4)); f.append("dqr=%d" % min(dr, 4))
    return f
tagger.feats = feats2
