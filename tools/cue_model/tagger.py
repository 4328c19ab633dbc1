"""Averaged-perceptron BIO cue tagger over token-context features."""
import os, re, sys, random, pickle
from collections import defaultdict
from data import *

LEX = {}
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../server/src/extract/attribution/lexicon.rs")).read()
body = src[src.index("pub const STATEMENT_CUES"):src.index("pub const PREV_CLASS_CUES")]
for h, w in re.findall(r'\("([^"]+)",\s*([0-9.]+)\)', body):
    LEX[h] = float(w)
LEXFIRST = {}
for h, w in LEX.items():
    f = h.split()[0]
    LEXFIRST[f] = max(LEXFIRST.get(f, 0), w)
PRON = {"he", "she", "they", "i", "we", "you", "it", "who"}
QUOTES = set('"“”‘’\'')

def shape(w):
    if w[0].isupper():
        return "X" if not w.isupper() or len(w) == 1 else "XX"
    if w[0].isdigit(): return "d"
    if w[0].isalpha(): return "x"
    return w

def prep(d, use_sys=True):
    T = d["text"]
    toks = tokens(T)
    words = [T[a:b] for a, b in toks]
    n = len(toks)
    # sentence starts: after . ! ? or newline
    sent = [0] * n
    for i in range(n):
        if i == 0: sent[i] = 1
        else:
            pa, pb = toks[i - 1]
            if words[i - 1] in ".!?" or "\n" in T[pb:toks[i][0]]:
                sent[i] = 1
    # inside curly quotes
    inq = [0] * n; q = 0
    for i, w in enumerate(words):
        if w == "“": q = 1; inq[i] = 0; continue
        if w == "”": q = 0
        if sent[i] and "\n" in T[toks[i-1][1] if i else 0:toks[i][0]]: q = 0
        inq[i] = q
    systag = ["O"] * n
    if use_sys:
        for e in d.get("sys", []):
            if "Cue" not in e: continue
            a, b = e["Cue"]
            first = True
            for i, (x, y) in enumerate(toks):
                if x >= a and y <= b:
                    systag[i] = "B" if first else "I"; first = False
    gold = ["O"] * n
    for g in d["gold"]:
        if "Cue" not in g: continue
        a, b = g["Cue"]; first = True
        for i, (x, y) in enumerate(toks):
            if x >= a and y <= b:
                if gold[i] == "O":
                    gold[i] = "B" if first else "I"
                first = False
    return dict(toks=toks, words=words, sent=sent, inq=inq, systag=systag, gold=gold)

def feats(P, i):
    W = P["words"]; n = len(W)
    L = lambda j: W[j].lower() if 0 <= j < n else ("<s>" if j < 0 else "</s>")
    w = W[i]; l = w.lower()
    f = ["b", "w=" + l, "s3=" + l[-3:], "s2=" + l[-2:], "sh=" + shape(w)]
    for k in (-3, -2, -1, 1, 2, 3):
        f.append("w%d=%s" % (k, L(i + k)))
    f.append("w-1w=%s_%s" % (L(i - 1), l)); f.append("ww+1=%s_%s" % (l, L(i + 1)))
    f.append("w-2w-1=%s_%s" % (L(i - 2), L(i - 1)))
    f.append("w+1w+2=%s_%s" % (L(i + 1), L(i + 2)))
    f.append("sh-1=%s" % (shape(W[i-1]) if i else "<s>")); f.append("sh+1=%s" % (shape(W[i+1]) if i+1<n else "</s>"))
    lw = LEX.get(l)
    f.append("lex=%s" % (None if lw is None else round(lw, 1)))
    lf = LEXFIRST.get(l)
    f.append("lexf=%s" % (None if lf is None else round(lf, 1)))
    bg = l + " " + L(i + 1)
    f.append("lexbg=%s" % (bg in LEX or any(h.startswith(bg) for h in ())))
    f.append("inq=%d" % P["inq"][i])
    f.append("sent=%d" % P["sent"][i])
    f.append("sent+1=%d" % (P["sent"][i + 1] if i + 1 < n else 1))
    q = [j for j in range(max(0, i - 3), min(n, i + 4)) if W[j] in QUOTES and j != i]
    f.append("qL=%d" % any(j < i for j in q)); f.append("qR=%d" % any(j > i for j in q))
    f.append("that+=%d" % any(L(i + k) == "that" for k in (1, 2, 3)))
    f.append("comma-1=%d" % (L(i - 1) == ",")); f.append("comma+1=%d" % (L(i + 1) == ","))
    f.append("pron-1=%d" % (L(i - 1) in PRON))
    f.append("cap-1=%d" % (i > 0 and W[i - 1][:1].isupper()))
    st = P["systag"]
    f.append("sys=" + st[i]); f.append("sys-1=" + (st[i-1] if i else "O")); f.append("sys+1=" + (st[i+1] if i+1<n else "O"))
    f.append("sys=%s_w=%s" % (st[i], l))
    f.append("sys=%s_lexf=%s" % (st[i], lf is not None))
    return f

TAGS = ("O", "B", "I")

class Perc:
    def __init__(self):
        self.w = defaultdict(float); self.tot = defaultdict(float); self.ts = defaultdict(int); self.t = 0
    def score(self, fs, w=None):
        w = w or self.w
        return {t: sum(w.get(t + "|" + x, 0.0) for x in fs) for t in TAGS}
    def upd(self, fs, good, bad):
        self.t += 1
        for t, s in ((good, 1.0), (bad, -1.0)):
            for x in fs:
                k = t + "|" + x
                self.tot[k] += (self.t - self.ts[k]) * self.w[k]
                self.ts[k] = self.t
                self.w[k] += s
    def average(self):
        self.t += 1
        return {k: (self.tot[k] + (self.t - self.ts[k]) * v) / self.t for k, v in self.w.items() if v or self.tot[k]}

def seqfeats(P, i, prev):
    return feats(P, i) + ["prev=" + prev, "prev=%s_w=%s" % (prev, P["words"][i].lower())]

def decode(P, w, bias=0.0):
    out = []; prev = "O"
    for i in range(len(P["words"])):
        fs = seqfeats(P, i, prev)
        s = {t: sum(w.get(t + "|" + x, 0.0) for x in fs) for t in TAGS}
        s["O"] += bias
        if prev == "O": s["I"] = -1e9
        t = max(s, key=s.get); out.append(t); prev = t
    return out

def spans(P, tags):
    res = []; cur = None
    for i, t in enumerate(tags):
        if t == "B" or (t == "I" and cur is None):
            if cur: res.append(cur)
            cur = [P["toks"][i][0], P["toks"][i][1]]
        elif t == "I": cur[1] = P["toks"][i][1]
        else:
            if cur: res.append(cur); cur = None
    if cur: res.append(cur)
    return [tuple(x) for x in res]

def train(Ps, epochs=5):
    m = Perc()
    for ep in range(epochs):
        random.seed(ep); order = list(range(len(Ps))); random.shuffle(order); err = 0
        for k in order:
            P = Ps[k]; prev = "O"
            for i in range(len(P["words"])):
                fs = seqfeats(P, i, prev)
                s = m.score(fs)
                if prev == "O": s["I"] = -1e9
                t = max(s, key=s.get); g = P["gold"][i]
                if t != g: m.upd(fs, g, t); err += 1
                prev = g  # teacher forcing
        print("epoch", ep, "errors", err, file=sys.stderr)
    return m.average()

# ---- fast version: interned features, weights as feature id -> [O, B, I]
TI = {"O": 0, "B": 1, "I": 2}

class Fast:
    def __init__(self):
        self.ids = {}
    def enc(self, fs, grow):
        ids = self.ids
        if grow:
            return [ids.setdefault(x, len(ids)) for x in fs]
        return [ids[x] for x in fs if x in ids]
    def precompute(self, P, grow):
        P["F"] = [self.enc(feats(P, i), grow) for i in range(len(P["words"]))]
        P["wl"] = [w.lower() for w in P["words"]]
    def prevf(self, prev, wl, grow):
        return self.enc(["prev=" + prev, "prev=%s_w=%s" % (prev, wl)], grow)

def train_fast(Ps, epochs, fx):
    for P in Ps: fx.precompute(P, True)
    W = {}; U = {}; C = [1]
    def upd(fs, g, t):
        for f in fs:
            w = W.get(f)
            if w is None:
                w = W[f] = [0.0, 0.0, 0.0]; U[f] = [0.0, 0.0, 0.0]
            u = U[f]
            w[g] += 1; w[t] -= 1; u[g] += C[0]; u[t] -= C[0]
    for ep in range(epochs):
        random.seed(ep); order = list(range(len(Ps))); random.shuffle(order); err = 0
        for k in order:
            P = Ps[k]; prev = "O"
            for i, base in enumerate(P["F"]):
                fs = base + fx.prevf(prev, P["wl"][i], True)
                s = [0.0, 0.0, 0.0]
                for f in fs:
                    w = W.get(f)
                    if w: s[0] += w[0]; s[1] += w[1]; s[2] += w[2]
                if prev == "O": s[2] = -1e9
                t = max(range(3), key=s.__getitem__); g = TI[P["gold"][i]]
                if t != g: upd(fs, g, t); err += 1
                C[0] += 1
                prev = P["gold"][i]
        print("epoch", ep, "errors", err, file=sys.stderr)
    c = C[0]
    return {f: [w[j] - U[f][j] / c for j in range(3)] for f, w in W.items()}

def decode_fast(P, W, fx, bias=0.0):
    if "F" not in P: fx.precompute(P, False)
    out = []; prev = "O"; names = ("O", "B", "I")
    for i, base in enumerate(P["F"]):
        fs = base + fx.prevf(prev, P["wl"][i], False)
        s = [bias, 0.0, 0.0]
        for f in fs:
            w = W.get(f)
            if w: s[0] += w[0]; s[1] += w[1]; s[2] += w[2]
        if prev == "O": s[2] = -1e9
        t = names[max(range(3), key=s.__getitem__)]; out.append(t); prev = t
    return out
