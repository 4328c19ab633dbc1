//! A learned cue tagger: an averaged perceptron that tags each token of a sentence as
//! the beginning of a cue, inside one, or outside (B/I/O), greedily left to right, from
//! the word, its suffix, its neighbours, the quotation marks around it and the previous
//! tag. It finds the cues the lexicon does not list ("reserved his passion for", "view")
//! and vouches for the lexicon cues that it also finds.
//!
//! Trained on PolNeAR train only, by `annals train cues ../shared/eval/polnear/train`
//! (see [`train`]), which writes `cue_model.tsv` next to this file; that file is
//! compiled in. Only words that open a cue at least [`MIN_VOCAB`] times (and in at least
//! [`MIN_VOCAB_RATE`] of their occurrences) in train may open one, outside quotations,
//! so most tokens are decided without computing any feature; and the statement rules
//! run it only on the sentences they read anyway (those with a lexicon cue word or a
//! colon): on every sentence it cost about twice the rules' time.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::LazyLock;

use super::text::{is_quote_mark, strictly_in_quote, Token};
use super::Span;

/// The weights, built from train by [`train`].
const MODEL_TSV: &str = include_str!("cue_model.tsv");

/// Words must open a cue this many times in train to be tried as a cue's first word ...
pub const MIN_VOCAB: usize = 2;

/// ... and in at least this share of their train occurrences ("to", "in" and "of" open
/// cues too, but too rarely to be worth scoring everywhere).
pub const MIN_VOCAB_RATE: f64 = 0.02;

/// Features seen fewer times than this in the first pass are left out of the model file.
pub const MIN_FEATURE_COUNT: u32 = 6;

/// Training passes over the documents.
pub const EPOCHS: usize = 6;

/// Tags: begin, inside, outside.
const B: usize = 0;
const I: usize = 1;
const O: usize = 2;
/// The previous tag's name in features; index 3 is the sentence start.
const TAG_NAMES: [&str; 4] = ["B", "I", "O", "S"];

/// Feature weights per tag, keyed by the FNV-1a hash of the feature's name.
pub struct Model {
    weights: HashMap<u64, [f32; 3], Prehashed>,
    vocab: HashSet<u64, Prehashed>,
}

/// The keys are hashes already: they index the table as they are.
#[derive(Clone, Copy, Default)]
struct Prehashed;

impl std::hash::BuildHasher for Prehashed {
    type Hasher = PassThrough;
    fn build_hasher(&self) -> PassThrough {
        PassThrough(0)
    }
}

/// Keeps the last `u64` written.
struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

static MODEL: LazyLock<Model> = LazyLock::new(|| Model::parse(MODEL_TSV));

impl Model {
    /// Reads `v\tword` (a word that may open a cue) and `f\tname\tB\tI\tO` lines; other
    /// lines are ignored.
    pub fn parse(tsv: &str) -> Self {
        let mut weights = HashMap::with_hasher(Prehashed);
        let mut vocab = HashSet::with_hasher(Prehashed);
        for line in tsv.lines() {
            let mut cells = line.split('\t');
            match cells.next() {
                Some("v") => {
                    if let Some(w) = cells.next() {
                        vocab.insert(fnv(w.as_bytes()));
                    }
                }
                Some("f") => {
                    let Some(name) = cells.next() else { continue };
                    let mut w = [0f32; 3];
                    for slot in &mut w {
                        *slot = cells.next().and_then(|c| c.parse().ok()).unwrap_or(0.0);
                    }
                    weights.insert(fnv(name.as_bytes()), w);
                }
                _ => {}
            }
        }
        Self { weights, vocab }
    }

    fn scores(&self, feats: &[u64]) -> [f32; 3] {
        let mut s = [0f32; 3];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for k in 0..3 {
                    s[k] += w[k];
                }
            }
        }
        s
    }
}

/// The cue spans the model finds among a sentence's tokens, each with the margin by
/// which its first token's B beat the other tags.
pub fn tag<'a>(toks: &'a [Token<'a>], quotes: &'a [Span]) -> Vec<(Span, f32)> {
    let model = &*MODEL;
    // Only words of the vocabulary outside quotations may open a cue (a cue inside a
    // quotation is the quoted speaker's and dropped anyway): most sentences have none,
    // and most tokens are decided without features.
    let opens: Vec<bool> = toks
        .iter()
        .map(|t| t.is_word() || t.text == ":" || t.text == "[")
        .zip(toks)
        .map(|(plausible, t)| {
            plausible
                && model.vocab.contains(&lower_hash(t.text))
                && !strictly_in_quote(quotes, t.start, t.end)
        })
        .collect();
    if !opens.contains(&true) {
        return Vec::new();
    }
    let sent = SentenceView::new(toks, quotes);
    let mut tags = Vec::with_capacity(toks.len());
    let mut margins = Vec::with_capacity(toks.len());
    let mut feats = Vec::new();
    let mut prev = 3;
    for (i, &open) in opens.iter().enumerate() {
        let mut margin = 0.0;
        let y = if (prev == O || prev == 3) && !open {
            O
        } else {
            feats.clear();
            sent.features(i, prev, &mut |name| feats.push(name.hash()));
            let s = model.scores(&feats);
            let can_continue = prev == B || prev == I;
            let mut best = O;
            for y in [B, I] {
                if (y == B || can_continue) && s[y] > s[best] {
                    best = y;
                }
            }
            if best == B {
                let other = if can_continue { s[I].max(s[O]) } else { s[O] };
                margin = s[B] - other;
            }
            best
        };
        tags.push(y);
        margins.push(margin);
        prev = y;
    }
    spans(toks, &tags, &margins)
}

/// The hash of a word's lowercase form, without allocating for ASCII words.
fn lower_hash(word: &str) -> u64 {
    if word.is_ascii() {
        let mut h = FNV_OFFSET;
        for b in word.bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    } else {
        fnv(word.to_lowercase().as_bytes())
    }
}

/// Cue spans from B/I/O tags.
fn spans(toks: &[Token], tags: &[usize], margins: &[f32]) -> Vec<(Span, f32)> {
    let mut out: Vec<(Span, f32)> = Vec::new();
    let mut open = false;
    for ((t, &y), &m) in toks.iter().zip(tags).zip(margins) {
        match y {
            B => {
                out.push((
                    Span {
                        start: t.start,
                        end: t.end,
                    },
                    m,
                ));
                open = true;
            }
            I if open => {
                if let Some(last) = out.last_mut() {
                    last.0.end = t.end;
                }
            }
            _ => open = false,
        }
    }
    out
}

/// A feature's name, hashed as the bytes of its template and parts joined by '|'.
struct Name<'a> {
    template: &'a str,
    parts: [&'a str; 2],
    n: usize,
}

impl Name<'_> {
    fn hash(&self) -> u64 {
        let mut h = FNV_OFFSET;
        h = fnv_feed(h, self.template.as_bytes());
        for (k, p) in self.parts[..self.n].iter().enumerate() {
            if k > 0 {
                h = fnv_feed(h, b"|");
            }
            h = fnv_feed(h, p.as_bytes());
        }
        h
    }

    fn text(&self) -> String {
        let mut s = self.template.to_string();
        s.push_str(&self.parts[..self.n].join("|"));
        s
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv_feed(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn fnv(bytes: &[u8]) -> u64 {
    fnv_feed(FNV_OFFSET, bytes)
}

/// A sentence's tokens with what the features read from them.
struct SentenceView<'a> {
    toks: &'a [Token<'a>],
    quotes: &'a [Span],
    /// Lowercased tokens, computed when a feature first reads them.
    lower: Vec<OnceCell<Cow<'a, str>>>,
}

impl<'a> SentenceView<'a> {
    fn new(toks: &'a [Token<'a>], quotes: &'a [Span]) -> Self {
        Self {
            toks,
            quotes,
            lower: vec![OnceCell::new(); toks.len()],
        }
    }

    fn lower_at(&self, i: usize) -> &str {
        self.lower[i].get_or_init(|| self.toks[i].lower())
    }

    /// 0 outside quotations, 1 inside, 2 a quotation mark.
    fn quoted(&self, i: usize) -> u8 {
        let t = &self.toks[i];
        if is_quote_mark(t.text) {
            2
        } else {
            u8::from(strictly_in_quote(self.quotes, t.start, t.end))
        }
    }

    fn lower_hash(&self, i: usize) -> u64 {
        fnv(self.lower_at(i).as_bytes())
    }

    fn word(&self, i: isize) -> &str {
        if i < 0 {
            "<s>"
        } else {
            let i = i as usize;
            if i < self.toks.len() {
                self.lower_at(i)
            } else {
                "</s>"
            }
        }
    }

    fn shape(&self, i: isize) -> &'static str {
        if i < 0 {
            return "<s>";
        }
        let Some(t) = self.toks.get(i as usize) else {
            return "</s>";
        };
        match t.text.chars().next() {
            Some(c) if c.is_uppercase() => "C",
            Some(c) if c.is_lowercase() => "l",
            Some(c) if c.is_numeric() => "d",
            _ => "p",
        }
    }

    /// Calls `emit` with every feature of token `i` after tag `prev`.
    fn features(&self, i: usize, prev: usize, emit: &mut dyn FnMut(&Name)) {
        let ii = i as isize;
        let w = self.lower_at(i);
        let suffix = |n: usize| {
            let k = w.char_indices().rev().nth(n - 1).map_or(0, |(k, _)| k);
            &w[k..]
        };
        let position = ["0", "1", "2", "3", "4", "5"][i.min(5)];
        let quoted = ["0", "1", "2"][usize::from(self.quoted(i))];
        let near_quote = {
            let mut d = "0";
            for k in 1..=5usize {
                if i >= k && self.quoted(i - k) == 2 {
                    d = ["-1", "-2", "-3", "-4", "-5"][k - 1];
                    break;
                }
                if i + k < self.toks.len() && self.quoted(i + k) == 2 {
                    d = ["1", "2", "3", "4", "5"][k - 1];
                    break;
                }
            }
            d
        };
        let prev_tag = TAG_NAMES[prev];
        let names: [(&str, &str, Option<&str>); 16] = [
            ("b", "", None),
            ("w=", w, None),
            ("s3=", suffix(3), None),
            ("s2=", suffix(2), None),
            ("sh=", self.shape(ii), None),
            ("p=", self.word(ii - 1), None),
            ("n=", self.word(ii + 1), None),
            ("pp=", self.word(ii - 2), None),
            ("nn=", self.word(ii + 2), None),
            ("pw=", self.word(ii - 1), Some(w)),
            ("wn=", w, Some(self.word(ii + 1))),
            ("q=", quoted, None),
            ("t=", prev_tag, None),
            ("tw=", prev_tag, Some(w)),
            ("pi=", position, None),
            ("dq=", near_quote, None),
        ];
        for (template, a, b) in names {
            emit(&Name {
                template,
                parts: [a, b.unwrap_or("")],
                n: 1 + usize::from(b.is_some()),
            });
        }
        let that_ahead = (i + 1..(i + 4).min(self.toks.len())).any(|k| self.lower_at(k) == "that");
        let next = self.word(ii + 1);
        let next_suffix = {
            let k = next.char_indices().rev().nth(1).map_or(0, |(k, _)| k);
            &next[k..]
        };
        let after_quote = i >= 1
            && (self.quoted(i - 1) == 2
                || (i >= 2 && self.quoted(i - 2) == 2 && self.lower_at(i - 1) == ","));
        let extra: [(&str, &str, Option<&str>); 10] = [
            ("ppw=", self.word(ii - 2), Some(w)),
            ("nsh=", self.shape(ii + 1), None),
            ("aq=", if after_quote { "1" } else { "0" }, Some(w)),
            ("psh=", self.shape(ii - 1), None),
            ("pshw=", self.shape(ii - 1), Some(w)),
            ("ppp=", self.word(ii - 2), Some(self.word(ii - 1))),
            ("nnn=", next, Some(self.word(ii + 2))),
            ("ns2=", next_suffix, None),
            ("th=", if that_ahead { "1" } else { "0" }, Some(w)),
            ("qw=", quoted, Some(w)),
        ];
        for (template, a, b) in extra {
            emit(&Name {
                template,
                parts: [a, b.unwrap_or("")],
                n: 1 + usize::from(b.is_some()),
            });
        }
    }
}

/// One training sentence: its tokens and their gold tags.
pub struct TrainSentence<'a> {
    pub toks: Vec<Token<'a>>,
    pub tags: Vec<usize>,
}

/// Gold B/I/O tags of a sentence's tokens from the document's gold cue spans (byte
/// offsets): a token inside a cue is I, or B when it is the cue's first.
pub fn gold_tags(toks: &[Token], cues: &[Span]) -> Vec<usize> {
    let mut tags = vec![O; toks.len()];
    for c in cues {
        let mut first = true;
        for (k, t) in toks.iter().enumerate() {
            if t.start >= c.start && t.end <= c.end {
                tags[k] = if first { B } else { I };
                first = false;
            }
        }
    }
    tags
}

/// Trains the tagger on `sentences` (each with its document's quotations) and returns
/// the model file: the vocabulary of words that open a cue at least [`MIN_VOCAB`]
/// times, then the averaged weights of features seen at least [`MIN_FEATURE_COUNT`] times,
/// rounded.
pub fn train(sentences: &[(&TrainSentence, &[Span])]) -> String {
    let mut opens: HashMap<String, (usize, usize)> = HashMap::new();
    for (s, _) in sentences {
        for (t, &y) in s.toks.iter().zip(&s.tags) {
            let e = opens.entry(t.lower().into_owned()).or_default();
            e.1 += 1;
            if y == B {
                e.0 += 1;
            }
        }
    }
    let mut vocab: Vec<&String> = opens
        .iter()
        .filter(|(_, (b, n))| *b >= MIN_VOCAB && *b as f64 >= MIN_VOCAB_RATE * *n as f64)
        .map(|(w, _)| w)
        .collect();
    vocab.sort();
    let vocab_hashes: HashSet<u64> = vocab.iter().map(|w| fnv(w.as_bytes())).collect();

    let mut w: HashMap<u64, [f32; 3]> = HashMap::new();
    let mut u: HashMap<u64, [f32; 3]> = HashMap::new();
    let mut seen: HashMap<u64, (String, u32)> = HashMap::new();
    let mut c = 1f32;
    // A fixed shuffle per epoch (a linear congruential order), so training is
    // reproducible.
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut feats: Vec<u64> = Vec::new();
    for epoch in 0..EPOCHS {
        for k in (1..order.len()).rev() {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let j = (state >> 33) as usize % (k + 1);
            order.swap(k, j);
        }
        for &si in &order {
            let (s, quotes) = &sentences[si];
            let view = SentenceView::new(&s.toks, quotes);
            let mut prev = 3;
            for i in 0..s.toks.len() {
                let gold = s.tags[i];
                if (prev == O || prev == 3) && !vocab_hashes.contains(&view.lower_hash(i)) {
                    prev = gold;
                    c += 1.0;
                    continue;
                }
                feats.clear();
                view.features(i, prev, &mut |name| {
                    let h = name.hash();
                    if epoch == 0 {
                        seen.entry(h).or_insert_with(|| (name.text(), 0)).1 += 1;
                    }
                    feats.push(h);
                });
                let mut s_ = [0f32; 3];
                for f in &feats {
                    if let Some(x) = w.get(f) {
                        for k in 0..3 {
                            s_[k] += x[k];
                        }
                    }
                }
                let can_continue = prev == B || prev == I;
                let mut guess = O;
                for y in [B, I] {
                    if (y == B || can_continue) && s_[y] > s_[guess] {
                        guess = y;
                    }
                }
                if guess != gold {
                    for f in &feats {
                        let x = w.entry(*f).or_default();
                        x[gold] += 1.0;
                        x[guess] -= 1.0;
                        let a = u.entry(*f).or_default();
                        a[gold] += c;
                        a[guess] -= c;
                    }
                }
                c += 1.0;
                prev = gold;
            }
        }
    }
    let mut out = String::from(
        "# Cue tagger weights (averaged perceptron), built from PolNeAR train by\n\
         # `annals train cues`; see cue_model.rs.\n",
    );
    for v in &vocab {
        let _ = writeln!(out, "v\t{v}");
    }
    let mut rows: Vec<(&String, [f32; 3])> = w
        .iter()
        .filter_map(|(h, x)| {
            let (name, n) = seen.get(h)?;
            if *n < MIN_FEATURE_COUNT {
                return None;
            }
            let a = u.get(h).copied().unwrap_or_default();
            let avg = [0, 1, 2].map(|k| ((x[k] - a[k] / c) * 100.0).round() / 100.0);
            avg.iter().any(|v| *v != 0.0).then_some((name, avg))
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(b.0));
    for (name, a) in rows {
        if name.contains(['\t', '\n']) {
            continue;
        }
        let _ = writeln!(out, "f\t{name}\t{}\t{}\t{}", a[0], a[1], a[2]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    #[test]
    fn the_compiled_model_has_a_vocabulary_and_weights() {
        assert!(MODEL.vocab.len() > 100, "{}", MODEL.vocab.len());
        assert!(MODEL.weights.len() > 1000, "{}", MODEL.weights.len());
    }

    #[test]
    fn a_model_trained_on_a_few_sentences_finds_their_cue() {
        let text = "Smith grumbled that taxes rose. Jones grumbled that rents rose. \
                    Brown grumbled that prices rose. Green ate lunch.";
        let cues: Vec<Span> = text
            .match_indices("grumbled")
            .map(|(k, w)| Span {
                start: k,
                end: k + w.len(),
            })
            .collect();
        let sentences: Vec<TrainSentence> = text
            .split_inclusive(". ")
            .scan(0, |at, s| {
                let start = *at;
                *at += s.len();
                Some((start, start + s.trim_end().len()))
            })
            .map(|(start, end)| {
                let toks = tokenize(text, start, end);
                let tags = gold_tags(&toks, &cues);
                TrainSentence { toks, tags }
            })
            .collect();
        let pairs: Vec<(&TrainSentence, &[Span])> =
            sentences.iter().map(|s| (s, &[][..])).collect();
        let model = Model::parse(&train(&pairs));
        assert!(model.vocab.contains(&fnv(b"grumbled")));
        let probe = "White grumbled that fees rose.";
        let toks = tokenize(probe, 0, probe.len());
        let view = SentenceView::new(&toks, &[]);
        let mut feats = Vec::new();
        view.features(1, O, &mut |n| feats.push(n.hash()));
        let s = model.scores(&feats);
        assert!(s[B] > s[O], "{s:?}");
    }

    #[test]
    fn feature_hashes_match_their_names() {
        let name = Name {
            template: "pw=",
            parts: ["he", "said"],
            n: 2,
        };
        assert_eq!(name.text(), "pw=he|said");
        assert_eq!(name.hash(), fnv(b"pw=he|said"));
    }
}
