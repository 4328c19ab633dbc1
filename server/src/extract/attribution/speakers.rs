//! Speakers: splitting a source into name and role, and resolving pronouns, "the
//! president"-style descriptions and bare surnames to earlier mentions. The mentions are
//! the sources before, and the people the text names between them ("Tina Houchins had a
//! question"); "he" and "she" take the first person of their gender in the sentence, else
//! in the sentences before it (`tools/pronoun_eval.py` scores them on PolNeAR).

use super::lexicon::{
    Gender, DESCRIPTIONS, FEMALE_FIRST_NAMES, FEMALE_WORDS, GROUP_WORDS, HONORIFICS,
    MALE_FIRST_NAMES, MALE_WORDS, NAME_TITLES, PLACES, PRESIDENT_LIKE, PRONOUNS, TITLE_WORDS,
};
use super::text::{is_party, is_party_label, np_backward, tokenize};
use super::{Span, Speaker};

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Every word that may open a name: courtesy titles, titles before names, first names.
static NAME_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    HONORIFICS
        .iter()
        .chain(NAME_TITLES)
        .chain(FEMALE_FIRST_NAMES)
        .chain(MALE_FIRST_NAMES)
        .copied()
        .collect()
});

/// The first names of [`FEMALE_FIRST_NAMES`] and [`MALE_FIRST_NAMES`], for lookups.
static FEMALE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| FEMALE_FIRST_NAMES.iter().copied().collect());
static MALE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| MALE_FIRST_NAMES.iter().copied().collect());

/// A speaker, actor or named person seen earlier in the document.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    role: Option<String>,
    span: Span,
    person: bool,
    /// Male or Female when the name, a courtesy title or a role word tells.
    gender: Option<Gender>,
}

/// How many mentions back a description or a pronoun of a gender no nearby person has
/// is looked up: far more than one news article holds, and a bound on the work a long
/// text costs.
const LOOKBACK: usize = 400;

/// How many sentences back "he" and "she" look for a person of their gender before
/// taking the latest one anywhere.
const PRONOUN_REACH: usize = 4;

/// The mentions seen so far, in document order; later ones win when resolving.
#[derive(Default)]
pub struct Registry {
    entries: Vec<Entry>,
    /// Where each sentence starts, in order: "he" and "she" search by sentence.
    sentence_starts: Vec<usize>,
    /// How far the text has been read for names outside sources.
    scanned: usize,
    /// Whether the reading stopped inside a quotation, whose names are skipped.
    in_quote: bool,
    /// A buffer for lowercasing words.
    lower: String,
    /// Genders learnt from pronouns that resolved to a name ("Fallon ... he said").
    genders: HashMap<String, Gender>,
    /// Genders of surnames seen after a known first name anywhere, possessives and
    /// quotations included ("Donald Trump’s campaign" makes "Trump" a man).
    surname_genders: HashMap<String, Gender>,
    // Kept up to date by `push` so that a long document is not scanned back once per
    // source.
    /// The latest person with a full name, by the name's last word (the surname).
    by_surname: HashMap<String, usize>,
}

impl Registry {
    /// Resolves the source written at `span` (inside the sentence starting at
    /// `sentence_start`) to a speaker, and remembers it for later back-references.
    pub fn resolve(&mut self, text: &str, span: Span, sentence_start: usize) -> Speaker {
        self.observe(text, span.start);
        let before = self.entries.len();
        let speaker = self.resolve_source(text, span, sentence_start);
        // A source that names no person may hold one ("The ad uses footage of Hillary
        // Clinton"): its names count as mentions.
        let person = self.entries[before..].iter().any(|e| e.person);
        if !person && self.scanned <= span.start {
            self.observe(text, span.end);
        }
        self.scanned = self.scanned.max(span.end);
        speaker
    }

    /// A registry that knows where the document's sentences start.
    pub fn new(sentence_starts: Vec<usize>) -> Self {
        Registry {
            sentence_starts,
            ..Registry::default()
        }
    }

    fn resolve_source(&mut self, text: &str, span: Span, sentence_start: usize) -> Speaker {
        let written = text[span.start..span.end].trim_end_matches(',').trim();
        let lower = written.to_lowercase();
        if let Some(&(_, gender)) = PRONOUNS.iter().find(|(p, _)| *p == lower) {
            let found = match gender {
                Gender::Male | Gender::Female => self.person_for(gender, span.start),
                Gender::Plural => self.plural_for(span.start),
                Gender::Neuter => self.singular_group_for(span.start),
                Gender::Relative => self.relative_antecedent(text, span, sentence_start),
                Gender::Speaker => None,
            };
            // "he" or "she" resolved to a name teaches the name's gender.
            if let (Some(e), Gender::Male | Gender::Female) = (&found, gender) {
                if self.gender_of(e).is_none() {
                    self.genders.insert(e.name.clone(), gender);
                }
            }
            // An unresolved pronoun is one actor however it is written ("They", "they").
            let mut shown = written.to_string();
            if let Some(first) = shown.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            return self.back_reference(&shown, span, found);
        }
        if let Some(title) = definite_title(written) {
            let found = self
                .last(|e| {
                    let titled = e.person
                        && (e.role.as_deref().is_some_and(|r| has_word(r, title))
                            || (title == "president" && is_president_like(&e.name)));
                    // Someone unnamed: "A U.S. law enforcement official ..." is "the
                    // official".
                    let unnamed =
                        opens_with(&e.name, &["a", "A", "an", "An"]) && has_word(&e.name, title);
                    titled || unnamed
                })
                .or_else(|| {
                    // Otherwise the person a reader has in mind: the first one named in the
                    // sentence, else in those before it ("Marco Rubio has more delegates
                    // than Kasich, and the Florida senator ..."), of the description's
                    // gender when it has one.
                    let gender = gender_in(&[written]);
                    self.first_person(span.start, |e| {
                        gender.is_none_or(|g| self.gender_of(e).is_none_or(|h| h == g))
                    })
                });
            return self.back_reference(written, span, found);
        }
        let (mut name, mut role) = name_and_role(written);
        let mut antecedent = None;
        // A bare surname ("Trump") is the earlier full name ("Donald Trump"), of the
        // same gender ("Mrs. Clinton" is not "Bill Clinton").
        if !name.contains(' ') && name.chars().next().is_some_and(char::is_uppercase) {
            let told = gender_in(&[written]);
            if let Some(e) = self.full_name(&name, told) {
                antecedent = Some(e.span);
                role = role.or_else(|| e.role.clone());
                name = e.name.clone();
            }
        }
        let person = is_person(&name, role.is_some());
        let gender = person
            .then(|| gender_of(&[written, role.as_deref().unwrap_or("")], &name))
            .flatten();
        self.push(Entry {
            name: name.clone(),
            role: role.clone(),
            span,
            person,
            gender,
        });
        Speaker {
            name,
            role,
            mention: span,
            antecedent,
        }
    }

    /// Builds the speaker for a back-reference resolved to `found`; the resolved
    /// mention is remembered again so that chains of pronouns stay on it.
    fn back_reference(&mut self, written: &str, span: Span, found: Option<Entry>) -> Speaker {
        match found {
            Some(e) => {
                self.push(Entry { span, ..e.clone() });
                Speaker {
                    name: e.name,
                    role: e.role,
                    mention: span,
                    antecedent: Some(e.span),
                }
            }
            None => Speaker {
                name: written.to_string(),
                role: None,
                mention: span,
                antecedent: None,
            },
        }
    }

    /// Remembers a mention, keeping the latest-entry indexes current.
    fn push(&mut self, e: Entry) {
        let k = self.entries.len();
        if e.person {
            if let Some((_, surname)) = e.name.rsplit_once(' ') {
                match self.by_surname.get_mut(surname) {
                    Some(slot) => *slot = k,
                    None => {
                        self.by_surname.insert(surname.to_string(), k);
                    }
                }
            }
        }
        self.entries.push(e);
    }

    /// The entry at an index from the latest-entry indexes.
    fn entry(&self, k: Option<usize>) -> Option<Entry> {
        k.map(|k| self.entries[k].clone())
    }

    /// The latest entry matching `pred`, among the last [`LOOKBACK`].
    fn last(&self, pred: impl Fn(&Entry) -> bool) -> Option<Entry> {
        self.entries
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|e| pred(e))
            .cloned()
    }

    /// For "who"/"which": the noun phrase just before the pronoun ("Clinton, who said").
    fn relative_antecedent(
        &mut self,
        text: &str,
        span: Span,
        sentence_start: usize,
    ) -> Option<Entry> {
        // "Trump, who", "Graham—who", "Sanders - who", "David Duke (who".
        let before = text[sentence_start..span.start].trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-' | '(')
        });
        let toks = tokenize(text, sentence_start, sentence_start + before.len());
        let first = np_backward(&toks, toks.len())?;
        let np = Span {
            start: toks[first].start,
            end: toks[toks.len() - 1].end,
        };
        let speaker = self.resolve_source(text, np, sentence_start);
        let person = is_person(&speaker.name, speaker.role.is_some());
        Some(Entry {
            gender: person
                .then(|| {
                    gender_of(
                        &[&speaker.name, speaker.role.as_deref().unwrap_or("")],
                        &speaker.name,
                    )
                })
                .flatten(),
            person,
            name: speaker.name,
            role: speaker.role,
            span: np,
        })
    }

    /// The person last named in full with this surname, when no gender tells them
    /// apart: the latest one, or the latest of the gender a courtesy title gives.
    fn full_name(&self, surname: &str, gender: Option<Gender>) -> Option<Entry> {
        let latest = self.entry(self.by_surname.get(surname).copied())?;
        match gender {
            Some(g) if self.gender_of(&latest).is_some_and(|h| h != g) => self.last(|e| {
                e.person
                    && e.name.rsplit(' ').next() == Some(surname)
                    && e.name.contains(' ')
                    && self.gender_of(e) == Some(g)
            }),
            _ => Some(latest),
        }
    }

    /// The gender known for an entry: its own, or one learnt for its name.
    fn gender_of(&self, e: &Entry) -> Option<Gender> {
        e.gender
            .or_else(|| self.genders.get(&e.name).copied())
            .or_else(|| {
                let surname = e.name.rsplit(' ').next()?;
                self.surname_genders.get(surname).copied()
            })
    }

    /// The sentence holding byte `at`.
    fn sentence_of(&self, at: usize) -> usize {
        self.sentence_starts
            .partition_point(|&s| s <= at)
            .saturating_sub(1)
    }

    /// "he" / "she" at byte `at`: the first person of a fitting gender in the
    /// sentence before the pronoun, else in the sentences before it, each read from
    /// its start (a subject before an object, as readers take it); beyond
    /// [`PRONOUN_REACH`] sentences, the latest fitting person; a person of the other
    /// gender never.
    fn person_for(&self, gender: Gender, at: usize) -> Option<Entry> {
        self.first_person(at, |e| self.gender_of(e).is_none_or(|g| g == gender))
    }

    /// The first person that `fits` in the sentence of byte `at` (before it), else in the
    /// sentences before, each read from its start; beyond [`PRONOUN_REACH`] sentences, the
    /// latest fitting person.
    fn first_person(&self, at: usize, fits: impl Fn(&Entry) -> bool) -> Option<Entry> {
        let fits = |e: &Entry| e.person && fits(e);
        if !self.sentence_starts.is_empty() {
            let here = self.sentence_of(at);
            for back in 0..=PRONOUN_REACH.min(here) {
                let si = here - back;
                let lo = self.sentence_starts[si];
                let hi = if back == 0 {
                    at
                } else {
                    self.sentence_starts.get(si + 1).copied().unwrap_or(at)
                };
                let first = self
                    .entries
                    .iter()
                    .rev()
                    .take_while(|e| e.span.start >= lo)
                    .filter(|e| e.span.start >= lo && e.span.start < hi && fits(e))
                    .min_by_key(|e| e.span.start);
                if let Some(e) = first {
                    return Some(e.clone());
                }
            }
        }
        self.last(|e| fits(e) && e.span.start < at)
    }

    /// "they" at byte `at`: the latest mention that reads as plural ("Facebook officials",
    /// "Cruz and Rubio", "Republicans") or is someone unnamed ("a person familiar with the
    /// talks"), else none: a wrong name is worse than the pronoun itself.
    fn plural_for(&self, at: usize) -> Option<Entry> {
        self.latest_near(at, |e| {
            reads_plural(&e.name, e.person) || unnamed_one(&e.name)
        })
    }

    /// "it" at byte `at`: the latest mention of a group, an organisation or a thing that
    /// does not read as plural, else none ("It was less than two weeks ago that ..." names
    /// nobody).
    fn singular_group_for(&self, at: usize) -> Option<Entry> {
        self.latest_near(at, |e| {
            !e.person && e.gender.is_none() && !it_is_plural(&e.name)
        })
    }

    /// The latest mention before byte `at` that `fits`, within [`PRONOUN_REACH`] sentences.
    fn latest_near(&self, at: usize, fits: impl Fn(&Entry) -> bool) -> Option<Entry> {
        let here = self.sentence_of(at);
        self.entries
            .iter()
            .rev()
            .filter(|e| e.span.start < at)
            .take_while(|e| here - self.sentence_of(e.span.start).min(here) <= PRONOUN_REACH)
            .find(|e| fits(e))
            .cloned()
    }

    /// Registers the people named in the text read since the last source, up to byte
    /// `upto`: a known first name, a courtesy title or a title before capitalized words
    /// ("Tina Houchins", "Mr. Trump", "House Speaker Paul Ryan"), or the surname of a
    /// person already named ("Clinton"). Possessives ("Clinton's plan") and names inside
    /// quotations are left out: they are seldom what a later "he" or "she" means.
    fn observe(&mut self, text: &str, upto: usize) {
        if upto <= self.scanned || upto > text.len() {
            return;
        }
        // Most of the text is lowercase: the scan jumps from one byte that matters to
        // the next (a capital, a quotation mark, a line break), so it costs little more
        // than reading the bytes.
        let bytes = text.as_bytes();
        let mut i = self.scanned;
        self.scanned = upto;
        while i < upto {
            let Some(k) = bytes[i..upto]
                .iter()
                .position(|&b| INTERESTING[usize::from(b)])
            else {
                break;
            };
            i += k;
            let b = bytes[i];
            match b {
                // A quotation left open at the end of its paragraph ends there.
                b'\n' => self.in_quote = false,
                b'"' => self.in_quote = !self.in_quote,
                b'\'' | b'`' if bytes.get(i + 1) == Some(&b) => {
                    self.in_quote = !self.in_quote;
                    i += 1;
                }
                0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                    Some(0x9C) => self.in_quote = true,
                    Some(0x9D) => self.in_quote = false,
                    _ => {}
                },
                _ => {}
            }
            let starts_word =
                b.is_ascii_uppercase() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
            if !starts_word || self.in_quote {
                i += 1;
                continue;
            }
            // The word, checked before any tokenizing: a title, a courtesy title, a known
            // first name or a surname already named.
            let mut j = i;
            while j < upto && bytes[j].is_ascii_alphanumeric() {
                j += 1;
            }
            let word = &text[i..j];
            self.lower.clear();
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
            let opener = NAME_OPENERS.contains(self.lower.as_str());
            let surname = !opener && self.by_surname.contains_key(word);
            // A known surname standing alone ("Clinton said"), the most common case, is
            // taken without tokenizing; a possessive one is passed.
            if surname
                && !follows_capitalized(bytes, i)
                && !(bytes.get(j) == Some(&b' ')
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_uppercase))
                && bytes.get(j) != Some(&b'.')
            {
                let rest = &text[j..];
                if !(rest.starts_with('\'') || rest.starts_with('’')) {
                    self.mention(text, Span { start: i, end: j }, word, 1);
                }
                i = j;
                continue;
            }
            let next = if opener || surname {
                let window = floor_char_boundary(text, (i + 80).min(upto));
                self.name_at(text, i, window, follows_capitalized(bytes, i))
            } else {
                // A plural noun opening a sentence before a lowercase word is its subject
                // ("Supporters gave each other high-fives"), for a later "they".
                let subject = bytes.get(j) == Some(&b' ')
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_lowercase)
                    && self.sentence_starts.binary_search(&i).is_ok()
                    && ANIMATE_PLURAL_ENDS.iter().any(|e| self.lower.ends_with(e))
                    && !PLACES.contains(&self.lower.as_str())
                    && reads_plural(word, false);
                if subject {
                    self.push(Entry {
                        name: word.to_string(),
                        role: None,
                        span: Span { start: i, end: j },
                        person: false,
                        gender: Some(Gender::Plural),
                    });
                }
                j
            };
            i = next.max(i + 1);
        }
    }

    /// Registers the person named by the capitalized word at byte `at` (see
    /// [`Registry::observe`]), reading no further than `window`; returns where to go on.
    fn name_at(
        &mut self,
        text: &str,
        at: usize,
        window: usize,
        previous_capitalized: bool,
    ) -> usize {
        let toks = tokenize(text, at, window);
        let Some(t) = toks.first() else {
            return at + 1;
        };
        let lower = t.lower();
        let honorific =
            HONORIFICS.contains(&lower.as_ref()) && toks.get(1).is_some_and(|d| d.text == ".");
        let title = NAME_TITLES.contains(&lower.as_ref());
        let first_name = first_name_gender(&lower);
        if !honorific && !title && first_name.is_none() && !self.by_surname.contains_key(t.text) {
            return t.end;
        }
        // The capitalized words of the name (initials and their periods included),
        // past the titles ("Vice President", "Gov.").
        let mut from = if honorific { 2 } else { 0 };
        if title {
            while toks
                .get(from)
                .is_some_and(|t| t.text == "." || TITLE_WORDS.contains(&t.lower().as_ref()))
            {
                from += 1;
            }
        }
        let mut end = from;
        while end < toks.len()
            && end - from < 4
            && (toks[end].is_capitalized() && toks[end].is_word()
                || (toks[end].text == "." && end > from && toks[end - 1].text.chars().count() == 1))
        {
            end += 1;
        }
        let words = toks[from..end].iter().filter(|t| t.is_word()).count();
        let known_surname = words == 1
            && !title
            && !honorific
            && !previous_capitalized
            && self.by_surname.contains_key(toks[from].text);
        let named = (honorific || title) && words >= 1
            || first_name.is_some() && words >= 2
            || known_surname;
        let possessive = end > from
            && (toks[end - 1].text.ends_with("’s")
                || toks[end - 1].text.ends_with("'s")
                || toks.get(end).is_some_and(|n| matches!(n.text, "’" | "'")));
        if let Some(gender) = first_name.filter(|_| words >= 2) {
            let surname = toks[end - 1]
                .text
                .trim_end_matches("’s")
                .trim_end_matches("'s");
            if self.surname_genders.get(surname) != Some(&gender) {
                self.surname_genders.insert(surname.to_string(), gender);
            }
        }
        if !named || possessive {
            // "House Speaker Paul Ryan": a title or a first name may come later in the
            // capitalized run; a possessive name is passed whole.
            return if possessive && end > 0 {
                toks[end - 1].end
            } else {
                t.end
            };
        }
        let span = Span {
            start: toks[from].start,
            end: toks[end - 1].end,
        };
        self.mention(text, span, &text[t.start..t.end], words);
        span.end
    }

    /// Registers the person named at `span` (after `lead`, a courtesy title or title
    /// when there is one); a lone surname is the person last named in full with it.
    fn mention(&mut self, text: &str, span: Span, lead: &str, words: usize) {
        let written = &text[span.start..span.end];
        let mut name = written.to_string();
        let mut role = None;
        if words == 1 {
            let told = gender_in(&[lead]);
            if let Some(e) = self.full_name(written, told) {
                name = e.name.clone();
                role = e.role.clone();
            }
        }
        let role_words = role.as_deref().unwrap_or("");
        let gender =
            gender_of(&[lead, role_words], &name).or_else(|| gender_in(&[written, role_words]));
        // Two people named together ("Cruz and Rubio", "Hillary Clinton and Senator
        // Elizabeth Warren") are also one plural mention, for a later "they".
        let pair = self.entries.last().filter(|e| {
            e.person
                && e.gender != Some(Gender::Plural)
                && text.get(e.span.end..span.start).is_some_and(joins_names)
        });
        let pair = pair.map(|e| Entry {
            name: format!("{} and {name}", e.name),
            role: None,
            span: Span {
                start: e.span.start,
                end: span.end,
            },
            person: false,
            gender: Some(Gender::Plural),
        });
        self.push(Entry {
            name,
            role,
            span,
            person: true,
            gender,
        });
        if let Some(pair) = pair {
            self.push(pair);
        }
    }
}

/// The bytes the name scan stops at: capitals, quotation marks (straight, doubled,
/// and the lead byte of curly ones) and line breaks.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = b'A';
    while b <= b'Z' {
        t[b as usize] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[b'\n' as usize] = true;
    t[0xE2] = true;
    t
};

/// Whether the word ending just before byte `i` (past spaces) is capitalized: "Bill
/// Clinton" is one name, not a mention of a known "Clinton".
fn follows_capitalized(bytes: &[u8], i: usize) -> bool {
    let mut k = i;
    while k > 0 && bytes[k - 1] == b' ' {
        k -= 1;
    }
    let end = k;
    while k > 0 && bytes[k - 1].is_ascii_alphanumeric() {
        k -= 1;
    }
    k < end && bytes[k].is_ascii_uppercase()
}

/// The char boundary at or before `i`.
fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The gender a gendered word in the phrases tells: a courtesy title or a role word
/// ("Mrs.", "congresswoman", "father").
fn gender_in(phrases: &[&str]) -> Option<Gender> {
    let is = |list: &[&str], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    let words = phrases
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty());
    for w in words {
        if is(FEMALE_WORDS, w) {
            return Some(Gender::Female);
        }
        if is(MALE_WORDS, w) {
            return Some(Gender::Male);
        }
    }
    None
}

/// The gender of a known first name (lowercase).
fn first_name_gender(first: &str) -> Option<Gender> {
    if FEMALE.contains(first) {
        Some(Gender::Female)
    } else if MALE.contains(first) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The gender of a full name by its first name ("Hillary Clinton"; not "Clinton").
fn name_gender(name: &str) -> Option<Gender> {
    let mut parts = name.split_whitespace();
    let first = parts.next()?;
    parts.next()?;
    first_name_gender(&first.to_ascii_lowercase())
}

/// The gender a person's description or name tells: a gendered word, else the name's
/// first name.
fn gender_of(phrases: &[&str], name: &str) -> Option<Gender> {
    gender_in(phrases).or_else(|| name_gender(name))
}

/// "the president", "the former minister", "The former first lady and U.S. senator" →
/// the title word, when the phrase is a definite description ending in a title, with no
/// name in it.
fn definite_title(written: &str) -> Option<&'static str> {
    let rest = written
        .strip_prefix("the ")
        .or_else(|| written.strip_prefix("The "))?;
    let lower = rest.to_lowercase();
    let head = lower.rsplit(' ').next()?;
    // A description ("the New York businessman") names no office to look up.
    let title = TITLE_WORDS
        .iter()
        .find(|t| **t == head)
        .filter(|t| !DESCRIPTIONS.contains(t))?;
    // A capitalised role word ends a name: "the Associated Press" is no press officer.
    let capital = rest
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    if capital && !NAME_TITLES.contains(title) {
        return None;
    }
    // "the next president" is nobody named yet.
    if lower
        .split(' ')
        .any(|w| matches!(w, "next" | "future" | "incoming" | "eventual"))
    {
        return None;
    }
    // Short descriptions ("the former president"), not "the president's office"; a
    // longer one only of lowercase words and abbreviations ("U.S.").
    let words: Vec<&str> = rest.split(' ').collect();
    let plain = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_lowercase) || w.ends_with('.') && w.len() <= 5
    });
    (words.len() <= 3 || (words.len() <= 7 && plain)).then_some(*title)
}

/// Whether `word` is one of the words of `phrase`, ignoring case: "presidential
/// candidate" has no "president".
fn has_word(phrase: &str, word: &str) -> bool {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

fn is_president_like(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|s| PRESIDENT_LIKE.contains(&s.to_lowercase().as_str()))
}

/// Whether a resolved name denotes one person (for he/she): a capitalized name that is
/// not an organisation, or anyone given a title.
fn is_person(name: &str, titled: bool) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // The head noun decides: "a White House spokesman" is a person, "Mexico's
    // government" is not; a country alone is a state.
    let head = words.last().map_or(String::new(), |w| {
        w.to_lowercase()
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .to_string()
    });
    if GROUP_WORDS.contains(&head.as_str()) || (words.len() == 1 && PLACES.contains(&head.as_str()))
    {
        return false;
    }
    if titled || TITLE_WORDS.contains(&head.as_str()) {
        return true;
    }
    let capitalized = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let all_caps = words.len() == 1
        && words[0]
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    capitalized && !all_caps
}

/// Whether a mention reads as plural: two names joined ("Johnson and Weld"), or a head
/// noun (the word before "of", "from", "who", ... or the last) in the plural
/// ("Facebook officials", "the Democratic chairs from Jefferson", "people"), but not a
/// person's surname ("Sanders").
fn reads_plural(name: &str, person: bool) -> bool {
    name.contains(" and ") || head_is_plural(name, person)
}

/// Whether the head noun of a mention is plural (see [`reads_plural`]): "a study by
/// economists at Duke and Ottawa" is one study.
fn head_is_plural(name: &str, person: bool) -> bool {
    let head = head_noun(name);
    if person && head.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lower = head.to_lowercase();
    IRREGULAR_PLURALS.contains(&lower.as_str())
        || (lower.len() > 3
            && lower.ends_with('s')
            && !["ss", "us", "is", "'s", "’s"]
                .iter()
                .any(|e| lower.ends_with(e))
            && !NOT_PLURALS.contains(&lower.as_str()))
}

/// Whether "it" cannot take a mention: its head is plural, unless it is a name with an
/// article ("the Times", "the United States" are one body each).
fn it_is_plural(name: &str) -> bool {
    let named = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .is_some_and(|rest| {
            head_noun(rest)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
    !named && head_is_plural(name, false)
}

/// Whether a mention is someone left unnamed whom news writing calls "they" ("a person
/// familiar with the talks", "a source close to the campaign").
fn unnamed_one(name: &str) -> bool {
    let determiner = ["a", "an", "one", "another", "the"];
    // The head is among the next words: "a person familiar with", "a senior source".
    name.split_whitespace()
        .next()
        .is_some_and(|w| determiner.contains(&w.to_lowercase().as_str()))
        && name
            .split_whitespace()
            .skip(1)
            .take(3)
            .any(|w| UNNAMED_HEADS.contains(&w.trim_end_matches(',').to_lowercase().as_str()))
}

/// Whether the first word of `name` is one of `words`, as written.
fn opens_with(name: &str, words: &[&str]) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|w| words.contains(&w))
}

/// The head of a noun phrase: its word before "of", "from", "who", ... (or a comma), else
/// its last word, without trailing punctuation.
fn head_noun(name: &str) -> &str {
    name.split([',', '('])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take_while(|w| !HEAD_ENDS.contains(w))
        .last()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// Heads of a description that hides who spoke.
const UNNAMED_HEADS: &[&str] = &["person", "source", "someone", "individual", "insider"];

/// Words that end a noun phrase's head: what follows them modifies it (prepositions,
/// relative pronouns, and the adjectives that follow their noun: "officials familiar with
/// the talks").
const HEAD_ENDS: &[&str] = &[
    "of",
    "from",
    "in",
    "at",
    "with",
    "for",
    "on",
    "by",
    "who",
    "whose",
    "which",
    "that",
    "to",
    "familiar",
    "close",
    "involved",
    "knowledgeable",
    "briefed",
];

/// Whether the text between two names joins them: " and ", maybe with a title before the
/// second ("and Senator").
fn joins_names(between: &str) -> bool {
    between.strip_prefix(" and ").is_some_and(|rest| {
        rest.len() <= 24
            && rest.split_whitespace().all(|w| {
                let l = w.to_lowercase();
                TITLE_WORDS.contains(&l.trim_end_matches('.'))
                    || HONORIFICS.contains(&l.trim_end_matches('.'))
            })
    })
}

/// Endings of plural nouns for people, which may say something ("Supporters", "Analysts",
/// "Republicans", "Critics", "Officials", "Conservatives", "Employees", "Authorities");
/// "Wages" or "Pieces" may not.
const ANIMATE_PLURAL_ENDS: &[&str] = &[
    "ers", "ors", "ists", "ans", "ats", "ics", "ants", "ents", "als", "ives", "ees", "ies",
];

/// Words in "s" that are no plural nouns.
const NOT_PLURALS: &[&str] = &[
    "sometimes",
    "always",
    "does",
    "perhaps",
    "besides",
    "unless",
    "whereas",
    "towards",
    "afterwards",
    "nevertheless",
];

/// Plural heads that do not end in "s".
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "police",
    "staff",
    "media",
    "men",
    "women",
    "children",
    "public",
    "crowd",
    "audience",
    "clergy",
    "personnel",
];

/// Splits a source phrase into its name and role:
/// "Mexico Defense Minister Ricardo Trevilla" → ("Ricardo Trevilla", "Mexico Defense Minister"),
/// "Trump's national security adviser, Mike Waltz" → ("Mike Waltz", "Trump's national security adviser"),
/// "Mr. Kasich" → ("Kasich", None), "a CIA rep" → ("a CIA rep", None).
pub fn name_and_role(phrase: &str) -> (String, Option<String>) {
    let phrase = phrase.trim().trim_end_matches(',').trim();
    // A party label or a place after a titled name is part of the role: "Sen. Ted Cruz
    // (R-Texas)" → ("Ted Cruz", "Sen. (R-Texas)"), "Gov. John Kasich of Ohio" → ("John
    // Kasich", "Gov. of Ohio").
    // A party label follows an untitled name too ("Martin O’Malley (D)"); a place only
    // a titled one ("Bank of America" is a name).
    if let Some((head, tail)) = trailing_label(phrase) {
        let (name, role) = name_and_role(head);
        if is_name(&name) && (role.is_some() || tail.starts_with('(')) {
            let role = role.map_or_else(|| tail.to_string(), |r| format!("{r} {tail}"));
            return (name, Some(role));
        }
    }
    if let Some((a, b)) = phrase.split_once(", ") {
        let b = b.trim_end_matches(',').trim();
        if b.starts_with("who ") || b.starts_with("which ") {
            return name_and_role(a);
        }
        if is_name(a) {
            return (strip_honorific(a), Some(b.to_string()));
        }
        if is_name(b) {
            return (strip_honorific(b), Some(a.to_string()));
        }
        return name_and_role(a);
    }
    let words: Vec<&str> = phrase.split(' ').collect();
    let last_title = words.iter().rposition(|w| {
        let l = w.to_lowercase();
        TITLE_WORDS.contains(&l.trim_end_matches('.'))
    });
    if let Some(k) = last_title {
        let rest = &words[k + 1..];
        // A description is a role only before a full name and after no clause of its
        // own: not "supporters of Democrat Hillary Clinton", "the Democrat Party".
        let described = DESCRIPTIONS.contains(&words[k].to_lowercase().as_str());
        let plain = !described
            || (rest.len() >= 2
                && !words[..k]
                    .iter()
                    .any(|w| matches!(*w, "of" | "and" | "for" | "to" | "by" | "with")));
        if plain && !rest.is_empty() && is_name(&rest.join(" ")) {
            return (
                strip_honorific(&rest.join(" ")),
                Some(words[..=k].join(" ")),
            );
        }
    }
    (strip_honorific(phrase), None)
}

/// A name's trailing party or state label in parentheses ("(R-Texas)", "(D)", "(Tex.)") or
/// place ("of Ohio", "of West Virginia"): the phrase before it and the label.
fn trailing_label(phrase: &str) -> Option<(&str, &str)> {
    if let Some(open) = phrase.strip_suffix(')').and_then(|p| p.rfind(" (")) {
        let inner = &phrase[open + 2..phrase.len() - 1];
        // "(D)", "(R-Texas)", or a state alone: "(Tex.)", "(TX)".
        let state = !inner.contains(' ')
            && inner.chars().next().is_some_and(char::is_uppercase)
            && ((inner.len() <= 7 && inner.ends_with('.'))
                || (inner.len() == 2 && inner.chars().all(|c| c.is_ascii_uppercase())));
        let party = is_party(inner) || state;
        return party.then(|| (&phrase[..open], &phrase[open + 1..]));
    }
    let of = phrase.rfind(" of ")?;
    let place = &phrase[of + 4..];
    let words = place.split(' ').count();
    (words <= 3 && is_name(place)).then(|| (&phrase[..of], &phrase[of + 1..]))
}

/// Every word capitalized (or a connecting particle), at most five words; not a party
/// and state label ("R-Ky.", "D-N.Y.").
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let party = words.len() == 1 && is_party_label(s);
    !party
        && !words.is_empty()
        && words.len() <= 5
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "de" | "van" | "von" | "al" | "bin" | "da" | "del")
        })
        && !words
            .iter()
            .any(|w| TITLE_WORDS.contains(&w.to_lowercase().trim_end_matches('.')))
}

/// Drops a courtesy title: "Mr. Trump" → "Trump".
fn strip_honorific(s: &str) -> String {
    if let Some((first, rest)) = s.split_once(' ') {
        if HONORIFICS.contains(&first.to_lowercase().trim_end_matches('.')) {
            return rest.to_string();
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_appositives() {
        assert_eq!(
            name_and_role("Mexico Defense Minister Ricardo Trevilla"),
            (
                "Ricardo Trevilla".into(),
                Some("Mexico Defense Minister".into())
            )
        );
        assert_eq!(
            name_and_role("Trump’s national security adviser, Mike Waltz,"),
            (
                "Mike Waltz".into(),
                Some("Trump’s national security adviser".into())
            )
        );
        assert_eq!(name_and_role("a CIA rep"), ("a CIA rep".into(), None));
        assert_eq!(name_and_role("Mr. Kasich"), ("Kasich".into(), None));
    }

    #[test]
    fn party_labels_and_places_after_a_titled_name() {
        let cases = [
            (
                "Sen. Ted Cruz (R-Texas)",
                "Ted Cruz",
                Some("Sen. (R-Texas)"),
            ),
            (
                "Rep. Zoe Lofgren (D-Calif.)",
                "Zoe Lofgren",
                Some("Rep. (D-Calif.)"),
            ),
            (
                "Sen. Bernie Sanders (I-Vt.)",
                "Bernie Sanders",
                Some("Sen. (I-Vt.)"),
            ),
            ("Sen. Ted Cruz (Tex.)", "Ted Cruz", Some("Sen. (Tex.)")),
            (
                "Rep. Michael McCaul (TX)",
                "Michael McCaul",
                Some("Rep. (TX)"),
            ),
            (
                "Gov. John Kasich of Ohio",
                "John Kasich",
                Some("Gov. of Ohio"),
            ),
            (
                "Gov. Earl Ray Tomblin of West Virginia",
                "Earl Ray Tomblin",
                Some("Gov. of West Virginia"),
            ),
            ("Sen. Ted Cruz of Texas,", "Ted Cruz", Some("Sen. of Texas")),
            // Without a title a place is not split off: "of" may belong to the name.
            ("Bank of America", "Bank of America", None),
            ("the University of Texas", "the University of Texas", None),
            ("Martin O’Malley (D)", "Martin O’Malley", Some("(D)")),
            // Not a party label, and not a place.
            ("Sen. Ted Cruz (who else)", "Sen. Ted Cruz (who else)", None),
            (
                "Gov. John Kasich of the state",
                "Gov. John Kasich of the state",
                None,
            ),
            // Descriptions before a full name are roles too.
            (
                "Democrat Hillary Clinton",
                "Hillary Clinton",
                Some("Democrat"),
            ),
            (
                "Republican presidential front-runner Donald Trump",
                "Donald Trump",
                Some("Republican presidential front-runner"),
            ),
            // Not before one word, and not after a clause of their own.
            ("the Democrat Party", "the Democrat Party", None),
            (
                "supporters of Democrat Hillary Clinton",
                "supporters of Democrat Hillary Clinton",
                None,
            ),
        ];
        for (phrase, name, role) in cases {
            let (n, r) = name_and_role(phrase);
            assert_eq!((n.as_str(), r.as_deref()), (name, role), "{phrase}");
        }
    }

    #[test]
    fn name_titles_are_the_head_of_the_title_words() {
        // NAME_TITLES is a prefix of TITLE_WORDS by count: the last title before a name
        // and the first role word must stay where the count expects them.
        assert_eq!(NAME_TITLES.last(), Some(&"congresswoman"));
        assert_eq!(TITLE_WORDS.get(NAME_TITLES.len()), Some(&"director"));
        assert_eq!(DESCRIPTIONS.first(), Some(&"democrat"));
    }

    #[test]
    fn people_groups_and_places() {
        assert!(is_person("a White House spokesman", false));
        assert!(is_person("Ricardo Trevilla", false));
        assert!(!is_person("Mexico", false));
        assert!(!is_person("Mexico’s government", false));
        assert!(!is_person("The New York Times", false));
    }

    #[test]
    fn surnames_and_pronouns_resolve() {
        let text = "Donald Trump spoke. Trump said so. He said more.";
        let mut reg = Registry::default();
        let a = reg.resolve(text, Span { start: 0, end: 12 }, 0);
        assert_eq!(a.name, "Donald Trump");
        let b = reg.resolve(text, Span { start: 20, end: 25 }, 20);
        assert_eq!(b.name, "Donald Trump");
        assert_eq!(b.antecedent, Some(Span { start: 0, end: 12 }));
        let c = reg.resolve(text, Span { start: 35, end: 37 }, 35);
        assert_eq!(c.name, "Donald Trump");
    }

    /// The speaker of the source `source` (its first occurrence after `after`), with every
    /// earlier source in `sources` resolved first, in order.
    fn speaker_of(text: &str, sources: &[(&str, usize)]) -> String {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices(". ").map(|(i, _)| i + 2))
            .collect();
        let mut reg = Registry::new(starts.clone());
        let mut last = String::new();
        for &(source, after) in sources {
            let start = after + text[after..].find(source).expect("source in text");
            let span = Span {
                start,
                end: start + source.len(),
            };
            let sentence = starts
                .iter()
                .rev()
                .find(|&&s| s <= start)
                .copied()
                .unwrap_or(0);
            last = reg.resolve(text, span, sentence).name;
        }
        last
    }

    #[test]
    fn who_is_the_phrase_before_it() {
        // After a comma, a dash or a parenthesis.
        for (t, name) in [
            (
                "Bernie Sanders, who lost, said he would go on.",
                "Bernie Sanders",
            ),
            (
                "Bernie Sanders - who lost - said he would go on.",
                "Bernie Sanders",
            ),
            (
                "Bernie Sanders—who lost—said he would go on.",
                "Bernie Sanders",
            ),
            (
                "David Duke (who backs Trump) said he would go on.",
                "David Duke",
            ),
        ] {
            assert_eq!(speaker_of(t, &[("who", 0)]), name, "{t}");
        }
    }

    #[test]
    fn they_is_a_plural_mention_or_stays_they() {
        // Two people named together outside any statement.
        let t = "Ted Cruz debated Marco Rubio. Cruz and Rubio both turned on Trump. They said he had no plan.";
        assert_eq!(
            speaker_of(t, &[("They", 0)]),
            "Ted Cruz and Marco Rubio",
            "{t}"
        );
        let t = "Hillary Clinton and Senator Elizabeth Warren held a rally. They said wages lag.";
        assert_eq!(
            speaker_of(t, &[("They", 0)]),
            "Hillary Clinton and Elizabeth Warren"
        );
        // A plural source before, not the singular one after it.
        let t = "Facebook officials say the posts are reviewed. Trump said it was not enough. They say more is coming.";
        assert_eq!(
            speaker_of(t, &[("Facebook officials", 0), ("Trump", 0), ("They", 0)]),
            "Facebook officials"
        );
        // Someone unnamed.
        let t = "A person familiar with the talks confirmed it. They were not authorized to speak.";
        assert_eq!(
            speaker_of(t, &[("A person familiar with the talks", 0), ("They", 0)]),
            "A person familiar with the talks"
        );
        // A plural noun for people opening a sentence is its subject; one for things is not.
        let t = "Supporters cheered the result. They said it was earned.";
        assert_eq!(speaker_of(t, &[("They", 0)]), "Supporters");
        let t = "Wages fell again. They said it was temporary.";
        assert_eq!(speaker_of(t, &[("They", 0)]), "They");
        // Unresolved, "they" is one actor however it is written.
        let t = "Wages fell again, and they said it was temporary.";
        assert_eq!(speaker_of(t, &[("they", 0)]), "They");
        // Only a person or a surname in "s" before: "they" stays "they".
        let t = "Bernie Sanders said the race was close. The woman agreed. They said it was over.";
        assert_eq!(
            speaker_of(t, &[("Bernie Sanders", 0), ("The woman", 0), ("They", 0)]),
            "They"
        );
    }

    #[test]
    fn a_future_office_holder_is_nobody_named() {
        let t = "Kristan Hawkins, the president of Students for Life, spoke. The next president appoints the justices.";
        assert_eq!(
            speaker_of(
                t,
                &[
                    ("Kristan Hawkins, the president of Students for Life,", 0),
                    ("The next president", 0)
                ]
            ),
            "The next president"
        );
        let t =
            "Kristan Hawkins, the president of Students for Life, spoke. The president said no.";
        assert_eq!(
            speaker_of(
                t,
                &[
                    ("Kristan Hawkins, the president of Students for Life,", 0),
                    ("The president", 0)
                ]
            ),
            "Kristan Hawkins"
        );
    }

    #[test]
    fn it_is_a_singular_body_or_stays_it() {
        let t = "“He was broke,” the Times wrote. “But his fortunes changed,” it added.";
        assert_eq!(speaker_of(t, &[("the Times", 0), ("it", 30)]), "the Times");
        let t = "A study by economists at Duke and Ottawa found a small effect. It said fuel cost more.";
        assert_eq!(
            speaker_of(
                t,
                &[("A study by economists at Duke and Ottawa", 0), ("It", 10)]
            ),
            "A study by economists at Duke and Ottawa"
        );
        // A plural mention is no "it".
        let t =
            "The local environmental groups said the mine should close. It said the plan was late.";
        assert_eq!(
            speaker_of(t, &[("The local environmental groups", 0), ("It", 0)]),
            "It"
        );
    }

    #[test]
    fn descriptions_take_the_person_in_mind() {
        // No role says "senator": the first person of the sentence, not the last named.
        let t = "Marco Rubio has more delegates than John Kasich, and the Florida senator said he would stay.";
        assert_eq!(speaker_of(t, &[("the Florida senator", 0)]), "Marco Rubio");
        // An unnamed official is "the official".
        let t = "A U.S. official familiar with the case said it was closed. Donald Trump disagreed. The official said more.";
        assert_eq!(
            speaker_of(
                t,
                &[
                    ("A U.S. official familiar with the case", 0),
                    ("The official", 60)
                ]
            ),
            "A U.S. official familiar with the case"
        );
        // A name that ends in a role word is no description.
        let t = "Hillary Clinton led. The lead is small, the Associated Press said.";
        assert_eq!(
            speaker_of(t, &[("the Associated Press", 0)]),
            "the Associated Press"
        );
    }

    #[test]
    fn plural_heads() {
        for (name, plural) in [
            ("Facebook officials", true),
            ("Six Gannett newspapers in New Jersey", true),
            ("the Democratic chairs from Jefferson, Colorado", true),
            ("people who have battled online threats", true),
            ("officials familiar with the system", true),
            ("Other Republicans", true),
            ("the Obama administration", false),
            ("the court of appeals", false),
            ("Reuters’ Luciana Lopez", false),
            ("sometimes", false),
            ("the press", false),
        ] {
            assert_eq!(reads_plural(name, false), plural, "{name}");
        }
        // A person's surname in "s" is no plural.
        assert!(!reads_plural("Bernie Sanders", true));
        assert!(unnamed_one("The person familiar with the planning"));
        assert!(unnamed_one("a source close to the campaign"));
        assert!(!unnamed_one("an economics professor at Berkeley"));
    }
}
