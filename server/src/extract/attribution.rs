//! Attribution: who said or did what. Finds statements (direct quotes and reported
//! speech) with PolNeAR-style Source, Cue and Content spans, and actions of policy
//! weight (signed, deployed, introduced ...) with actor and object, then resolves each
//! source to a speaker (name, role), following pronouns, "the president"-style
//! descriptions and bare surnames back to earlier mentions.
//!
//! Rules only, with lexicons derived from PolNeAR train statistics; regexes are
//! compiled once. Every rule is listed in [`rules`] with example sentences.

mod actions;
mod filter;
mod lexicon;
mod signoffs;
mod speakers;
mod statements;
mod text;

use super::sentences::Sentence;

/// A UTF-8 byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

impl Span {
    /// Whether the two spans share a byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies within this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Whether an attribution reports words or deeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributionKind {
    /// Something said, written or claimed.
    Statement,
    /// A policy act: signing, ordering, deploying, introducing legislation ...
    Action,
}

/// The resolved source of an attribution, or the actor of an action.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The name at its fullest as written in the text ("Ricardo Trevilla", "a CIA rep").
    pub name: String,
    /// Title, role or organisation when the text gives it ("Mexico Defense Minister").
    pub role: Option<String>,
    /// Where this attribution's source is written (may be "he", "the president").
    pub mention: Span,
    /// For back-references: the mention it was resolved to.
    pub antecedent: Option<Span>,
}

/// One statement or action.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Statement or action.
    pub kind: AttributionKind,
    /// Index into the sentences passed to [`extract`] (the cue's sentence).
    pub sentence: usize,
    /// PolNeAR-style Source span.
    pub source: Option<Span>,
    /// The cue ("said", "has called for", "according to"); for actions the verb.
    pub cue: Span,
    /// PolNeAR-style Content span; for actions the object.
    pub content: Option<Span>,
    /// Direct words inside quotation marks, when any.
    pub quote: Option<Span>,
    /// The speaker, or for actions the actor.
    pub speaker: Option<Speaker>,
    /// Ids of the rules that produced it (see [`rules`]).
    pub rules: Vec<&'static str>,
    /// A rough probability that the attribution is right, from train statistics.
    pub confidence: f32,
}

impl Attribution {
    /// Whether it frames its sentence's main clause ("According to federal data, births
    /// rose ..."): its content is the sentence's own report, not words of its source.
    pub fn frames_main_clause(&self) -> bool {
        self.rules.contains(&"according_to")
    }
}

/// A rule with the sentences it must and must not fire on.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    /// The id reported in [`Attribution::rules`].
    pub id: &'static str,
    /// Sentences on which `extract` yields an attribution with this rule.
    pub positives: &'static [&'static str],
    /// Sentences on which it does not.
    pub negatives: &'static [&'static str],
}

/// What a rule module finds before speakers are resolved.
#[derive(Clone, Debug)]
struct Found {
    sentence: usize,
    source: Option<Span>,
    cue: Span,
    content: Option<Span>,
    quote: Option<Span>,
    rule: &'static str,
    confidence: f32,
}

static RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "source_cue_quote",
        positives: &["Mexico President Claudia Sheinbaum said, “The important thing is to share information.”"],
        negatives: &["The important thing is to share information."],
    },
    RuleInfo {
        id: "reported_speech",
        positives: &[
            "Mexico’s government said it is monitoring a reported uptick in missions.",
            "Trump has publicly called for the use of military force against cartels.",
            "Dean Johnson, a salesman from Sumter, South Carolina, said he liked the plan.",
        ],
        negatives: &[
            "The government is monitoring a reported uptick in missions.",
            "Matt Bennett, a founder of the center-left think tank Third Way, spoke.",
            "A new group called Black Votes Matter is trying to register voters.",
        ],
    },
    RuleInfo {
        id: "content_source_cue",
        positives: &[
            "“The cartels have become so large,” he told reporters at the time.",
            "The drones are unarmed, a US official said.",
        ],
        negatives: &["“The cartels have become so large.”"],
    },
    RuleInfo {
        id: "content_cue_source",
        positives: &["“We will not back down,” said Senator John Smith."],
        negatives: &["He said nothing."],
    },
    RuleInfo {
        id: "coordinated_cue",
        positives: &[
            "Graham called Trump crazy and said the party is bound to lose.",
            "Trump joked about stereotypes, declined to affirm his support for a united Jerusalem.",
            "Trump insisted that he has \u{201c}expanded the Republican party,\u{201d} claiming that he is responsible for higher turnout.",
        ],
        negatives: &[
            "Graham and the party lost.",
            "\u{201c}The party has expanded,\u{201d} claiming credit for turnout.",
        ],
    },
    RuleInfo {
        id: "colon_cue",
        positives: &[
            "Sanders: Endorsements prove Clinton the candidate of the establishment.",
            "\"WALLACE: Let us start with the news. After the debate, what changed?",
            "Pollsters agree - Carl Bialik: \u{201c}Keep on contacting voters as late as possible.\u{201d}",
            "What that means for the election - More from Jones: \u{201c}Partisanship is a start.\u{201d}",
        ],
        negatives: &[
            "Q: How did things go for you?",
            "Twitter: @Milbank.",
            "\"Q: How did things go for you?",
            "Editor\u{2019}s Note: The following is part 3 of 3 exclusive excerpts.",
            "Question: What do you call a boy who calls himself a girl?",
            "Late results - see the table: \u{201c}Iowa\u{201d} leads.",
        ],
    },
    RuleInfo {
        id: "signoff",
        positives: &["“He represents our greatest shame.” ― Sonya Herridge"],
        negatives: &["He called it “a disgrace” — Smith"],
    },
    RuleInfo {
        id: "quote_verb",
        positives: &[
            "“Mexico!” the audience screamed back.",
            "“Maybe let some people stay?” Hannity pressed. “Or not?”",
        ],
        negatives: &[
            "“Mexico!” the audience screamed at the stage.",
            "“Mexico!” Trump said.",
            "The audience screamed back.",
        ],
    },
    RuleInfo {
        id: "poll_in",
        positives: &["In a Des Moines Register poll last month, Mr. Cruz had a 10-point lead."],
        negatives: &["In a speech last month, Mr. Cruz praised the troops."],
    },
    RuleInfo {
        id: "reportedly",
        positives: &[
            "The FBI is reportedly making arrangements to interview Hillary Clinton.",
            "In total, the hackers have reportedly infiltrated more than 100 party officials.",
        ],
        negatives: &[
            "Trump reportedly said he would win.",
            "He called it “reportedly true” in jest.",
        ],
    },
    RuleInfo {
        id: "asked_clause",
        positives: &["Asked whether he would run again, Smith said he did not know."],
        negatives: &["He asked."],
    },
    RuleInfo {
        id: "opening_participle",
        positives: &[
            "Noting that only Sen. Mark Kirk voted with Democrats, Tester said the votes were not there.",
            "Citing \u{201c}obligations in Tennessee,\u{201d} the former vice president\u{2019}s spokeswoman told POLITICO he would stay home.",
            "In describing fellow billionaire Donald Trump, Cuban said he sees someone without the intellect.",
        ],
        negatives: &[
            "Talking animals, celebrity cameos and rock songs are the themes.",
            "Noting the date.",
            "Adding to the wariness, the campaign of Cruz, after suspending, is gone.",
        ],
    },
    RuleInfo {
        id: "passive_by",
        positives: &[
            "The fraud allegations were highlighted during the campaign by some of Trump's competitors.",
            "As reported by Western Journalism, the former secretary was made aware of her duties.",
        ],
        negatives: &[
            "The allegations were highlighted during the campaign.",
            // A manner or a measure after "by" is no agent.
            "Carson concluded by admonishing journalists to be fair.",
            "Ms. Gao said by telephone that the company would close.",
            "Mr. Trump is backed by an overwhelming margin among evangelicals.",
        ],
    },
    RuleInfo {
        id: "according_to",
        positives: &["The drones can carry payloads, according to former officials."],
        negatives: &["The drones were sent according."],
    },
    RuleInfo {
        id: "action_verb",
        positives: &[
            "Trump signed an executive order that moves to designate the gangs.",
            "Obama Signs Bill On Veterans' Health Care",
            "The governor signs the bill on Friday.",
            "The company sent affected customers a temporary hotspot.",
            "Last week, South Dakota's governor vetoed a bill on school bathrooms.",
            "The senator introduced her bill on Tuesday.",
            "He signed on Monday an order closing the camp.",
        ],
        negatives: &[
            "The order was a surprise.",
            "The aide was not authorized to speak publicly.",
            "Clinton testified that she neither sent nor received marked emails.",
            "Rubio stressed defense issues during the visit.",
            "His campaign showed no immediate signs of relenting.",
            "She spoke on the issues he championed.",
            "They reviewed an email sent out Friday by the group.",
            "Officials are reviewing visas issued in the past two years.",
            "Fans left flowers around the marker designating it a historic site.",
            "Some people signed up for a real estate class.",
            "Trump fired back at his critics.",
            "Bill Clinton introduced his wife in Hudson.",
            "Police behavior and social issues matter to voters.",
            "Gowdy's office slammed a lawsuit filed by a fired staffer.",
            "There are good provisions in the document approved Saturday in St. Louis.",
            "Supporters held Trump signs high above their heads.",
        ],
    },
    RuleInfo {
        id: "action_participle",
        positives: &["For its part, Mexico has stepped up its response, deploying thousands of troops to the border."],
        negatives: &["Thousands of troops are at the border."],
    },
];

/// Every rule with its example sentences.
pub fn rules() -> &'static [RuleInfo] {
    RULES
}

/// Every statement and action the rules find, with valid spans, unfiltered and unsorted.
fn find_all(text: &str, sentences: &[Sentence]) -> Vec<(AttributionKind, Found)> {
    let quotes = text::quotations(text);
    let shadow = text::ascii_shadow(text);
    let mut statements = statements::find(text, &shadow, sentences, &quotes);
    // A signed quotation that no cue in its sentences already claims.
    for f in signoffs::find(text, sentences) {
        let claimed = statements
            .iter()
            .any(|s| s.content.zip(f.content).is_some_and(|(a, b)| a.overlaps(b)));
        if !claimed {
            statements.push(f);
        }
    }
    let actions = actions::find(text, &shadow, sentences, &statements);
    statements
        .into_iter()
        .map(|f| (AttributionKind::Statement, f))
        .chain(actions.into_iter().map(|f| (AttributionKind::Action, f)))
        .filter(|(_, f)| valid(text, f))
        .collect()
}

/// Finds the statements and actions in `text`, split into `sentences` (see
/// [`super::sentences::split`]), in document order, with speakers resolved. Statements the
/// learned filter (see `filter.rs`) rejects are left out.
pub fn extract(text: &str, sentences: &[Sentence]) -> Vec<Attribution> {
    let all = find_all(text, sentences);
    let nested = statements_nested(&all);
    let kept = all
        .into_iter()
        .zip(nested)
        .filter(|((kind, f), nested)| {
            *kind == AttributionKind::Action || filter::keep(text, f, *nested)
        })
        .map(|(x, _)| x)
        .collect();
    resolve(text, sentences, kept)
}

/// For each finding, whether it is a statement whose cue lies inside another statement's
/// content (the filter's `nested` feature); actions never are.
fn statements_nested(all: &[(AttributionKind, Found)]) -> Vec<bool> {
    let statements: Vec<&Found> = all
        .iter()
        .filter(|(kind, _)| *kind == AttributionKind::Statement)
        .map(|(_, f)| f)
        .collect();
    let mut nested = filter::nested(&statements).into_iter();
    all.iter()
        .map(|(kind, _)| *kind == AttributionKind::Statement && nested.next().unwrap_or(false))
        .collect()
}

/// A statement as the rules propose it, before the learned filter, with the filter's view.
#[derive(Clone, Debug)]
pub struct StatementFeatures {
    pub source: Option<Span>,
    pub cue: Span,
    pub content: Option<Span>,
    /// The filter's features (see `filter.rs`).
    pub features: Vec<String>,
    /// The filter's probability that the cue is right.
    pub probability: f64,
    /// Whether the filter keeps it.
    pub kept: bool,
}

/// Every statement the rules propose, unfiltered, in document order, with the features the
/// learned filter sees: what `tools/train_statement_filter.py` trains on.
pub fn statement_features(text: &str, sentences: &[Sentence]) -> Vec<StatementFeatures> {
    let all = find_all(text, sentences);
    let nested = statements_nested(&all);
    let mut out: Vec<StatementFeatures> = all
        .into_iter()
        .zip(nested)
        .filter(|((kind, _), _)| *kind == AttributionKind::Statement)
        .map(|((_, f), nested)| {
            let probability = filter::probability(text, &f, nested);
            StatementFeatures {
                source: f.source,
                cue: f.cue,
                content: f.content,
                features: filter::features(text, &f, nested),
                kept: filter::keeps(probability),
                probability,
            }
        })
        .collect();
    out.sort_by_key(|s| reading_order(s.source, s.cue));
    out
}

/// Speakers resolve in reading order: the source's position, else the cue's.
fn reading_order(source: Option<Span>, cue: Span) -> (usize, usize) {
    (
        source.map_or(cue.start, |s| s.start.min(cue.start)),
        cue.start,
    )
}

/// Resolves speakers in reading order and builds the attributions.
fn resolve(
    text: &str,
    sentences: &[Sentence],
    mut all: Vec<(AttributionKind, Found)>,
) -> Vec<Attribution> {
    all.sort_by_key(|(_, f)| reading_order(f.source, f.cue));
    let mut registry = speakers::Registry::new(sentences.iter().map(|s| s.start).collect());
    all.into_iter()
        .map(|(kind, f)| {
            let sentence_start = sentences.get(f.sentence).map_or(0, |s| s.start);
            let speaker = f.source.map(|s| registry.resolve(text, s, sentence_start));
            Attribution {
                kind,
                sentence: f.sentence,
                source: f.source,
                cue: f.cue,
                content: f.content,
                quote: f.quote,
                speaker,
                rules: vec![f.rule],
                confidence: f.confidence,
            }
        })
        .collect()
}

/// Whether all spans are non-empty, inside the text and on character boundaries.
fn valid(text: &str, f: &Found) -> bool {
    [f.source, Some(f.cue), f.content, f.quote]
        .into_iter()
        .flatten()
        .all(|s| {
            s.start < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        })
}

#[cfg(test)]
mod tests {
    use super::super::sentences::split;
    use super::*;
    use proptest::prelude::*;

    /// The rules' statements and actions, before the learned filter: the rule table
    /// tests the rules, and the filter (retrained whenever they change) has its own.
    fn unfiltered(text: &str) -> Vec<Attribution> {
        let sentences = split(text);
        resolve(text, &sentences, find_all(text, &sentences))
    }

    /// [`unfiltered`]'s statements.
    fn statements(t: &str) -> Vec<Attribution> {
        unfiltered(t)
            .into_iter()
            .filter(|a| a.kind == AttributionKind::Statement)
            .collect()
    }

    /// The cues, sources and contents of [`statements`], as text.
    fn cue_texts(t: &str) -> Vec<String> {
        statements(t)
            .iter()
            .map(|a| t[a.cue.start..a.cue.end].to_string())
            .collect()
    }

    fn source_texts(t: &str) -> Vec<String> {
        statements(t)
            .iter()
            .filter_map(|a| a.source.map(|s| t[s.start..s.end].to_string()))
            .collect()
    }

    fn content_texts(t: &str) -> Vec<String> {
        statements(t)
            .iter()
            .filter_map(|a| a.content.map(|c| t[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn every_rule_fires_on_its_positives_only() {
        for r in rules() {
            for p in r.positives {
                let found = unfiltered(p);
                assert!(
                    found.iter().any(|a| a.rules.contains(&r.id)),
                    "{} should fire on {p:?}: {found:?}",
                    r.id
                );
            }
            for n in r.negatives {
                let found = unfiltered(n);
                assert!(
                    !found.iter().any(|a| a.rules.contains(&r.id)),
                    "{} should not fire on {n:?}: {found:?}",
                    r.id
                );
            }
        }
    }

    /// The app's seed article: who said and did what, with back-references resolved.
    const SEED: &str = r#"The CIA has sent drones on secret missions over Mexico to spy on drug cartels — and may use them for armed strikes, according to former and current officials.
The covert missions, carried out with MQ-9 Reaper drones, are sizing up the drug gangs and their laboratories over the southern US border as a possible precursor to trying to eliminate them by air, sources told CNN.
The drone flights, which were begun under the Biden administration but previously unreported, go “well into sovereign Mexico,” a US official told the New York Times.
“Countering drug cartels in Mexico and regionally is a priority for the CIA as a part of the Trump administration’s broader efforts to end the grave threat from narco-trafficking,” a CIA rep said, according to CNN. “Director [John] Ratcliffe is determined to put the CIA’s unique expertise to work against this multi-faceted challenge.”
The drones flying into Mexico are currently unarmed but can be easily adapted to fit payloads and carry out precision strikes on targets, as regularly used by the US in conflicts in Iraq, Somalia, and Syria, CNN said.
Mexico’s government said it is monitoring a reported uptick in American spy plane missions around the border.
“We cannot rule out espionage because we do not know exactly what was done. However, they did not violate national airspace,” Mexico Defense Minister Ricardo Trevilla insisted to reporters last week.
Mexico President Claudia Sheinbaum, responding to a press question Friday about increased US flights over international airspace near the country, said, “The important thing here, I think, in the declaration, which is what we have always proposed, is that they share information with the government of Mexico.”
For its part, Mexico has stepped up its response to the Trump administration’s concerns over the illicit fentanyl trade, deploying thousands of troops to the border this month to try and crack down on smuggling.
Trump has publicly called for the use of military force against violent drug cartels since 2019, during his first term, when he said the US was ready to “wage war” on the groups.
“The cartels have become so large and powerful that you sometimes need an army to defeat an army,” he told reporters at the time.
Trump signed an executive order when he was sworn into office for his second term Jan. 20 that moves to designate such drug gangs as foreign terrorist organizations.
Asked by reporters at the time if he would send special operations forces over the border, the president replied, “Stranger things have happened.”
Trump’s national security adviser, Mike Waltz, has called for offensive action against Mexican cartels, co-introducing legislation in 2023 while a Florida congressman that would have authorized military force against such groups.
Trump’s secretary of defense, Pete Hegseth, has also said he is open to using force within Mexico.
“All options will be on the table if we’re dealing with what are designated to be foreign terrorist organizations who are specifically targeting Americans on our border,” he recently told Fox News.
Read the full article here"#;

    /// The speaker each statement's pronoun or description resolved to, by cue.
    fn speaker_of<'a>(found: &'a [Attribution], t: &str, cue: &str) -> Option<&'a str> {
        found
            .iter()
            .find(|a| &t[a.cue.start..a.cue.end] == cue)
            .and_then(|a| a.speaker.as_ref())
            .map(|s| s.name.as_str())
    }

    #[test]
    fn pronouns_agree_in_gender_and_reach_people_named_outside_sources() {
        // "she" skips a man named later than the woman she refers to.
        let t = "Hillary Clinton said the plan was sound. Donald Trump said it would fail. She added that it would pass.";
        let found = unfiltered(t);
        assert_eq!(speaker_of(&found, t, "added"), Some("Hillary Clinton"));
        // A person named in the text, not as a source, is there for "she"; the first
        // person of the sentence before goes before a later one.
        let t = "President Barack Obama answered questions on Wednesday night. During the town hall, Tina Houchins had a question for the president. “My son gave his life,” she said.";
        let found = unfiltered(t);
        assert_eq!(speaker_of(&found, t, "said"), Some("Tina Houchins"));
        // A name inside a quotation is not what a later "he" means.
        let t =
            "Chris Matthews said the night went well. “I think Mike Pence won,” he told viewers.";
        let found = unfiltered(t);
        assert_eq!(speaker_of(&found, t, "told"), Some("Chris Matthews"));
        // A courtesy title keeps "Mrs. Clinton" apart from the "Bill Clinton" named last.
        let t = "Bill Clinton spoke first. Mrs. Clinton is relying on him, and she said his record was strong.";
        let found = unfiltered(t);
        assert_ne!(speaker_of(&found, t, "said"), Some("Bill Clinton"));
        // A party and state label is no name; a description without a name goes back to
        // the person it describes.
        let t = "“The veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.";
        let found = unfiltered(t);
        assert_eq!(
            speaker_of(&found, t, "said Tuesday"),
            Some("Mitch McConnell")
        );
        let t = "Clinton, the former secretary of state, said the raid was right. The former first lady and U.S. senator said it was a mistake to use private email.";
        let found = unfiltered(t);
        let said: Vec<_> = found
            .iter()
            .filter_map(|a| a.speaker.as_ref().map(|s| s.name.as_str()))
            .collect();
        assert_eq!(said, ["Clinton", "Clinton"]);
    }

    #[test]
    fn seed_article_speakers_and_actions() {
        let found = extract(SEED, &split(SEED));
        let cut = |s: Span| &SEED[s.start..s.end];
        let has = |kind: AttributionKind, cue: &str, name: &str, role: Option<&str>| {
            found.iter().any(|a| {
                a.kind == kind
                    && cut(a.cue) == cue
                    && a.speaker.as_ref().is_some_and(|s| {
                        s.name == name && (role.is_none() || s.role.as_deref() == role)
                    })
            })
        };
        let st = AttributionKind::Statement;
        let act = AttributionKind::Action;
        for (cue, name, role) in [
            ("told", "a US official", None),
            ("said", "a CIA rep", None),
            ("told", "sources", None),
            ("said", "Mexico’s government", None),
            (
                "insisted",
                "Ricardo Trevilla",
                Some("Mexico Defense Minister"),
            ),
            ("said", "Claudia Sheinbaum", Some("Mexico President")),
            ("has publicly called for", "Trump", None),
            ("said", "Trump", None),
            ("told", "Trump", None),
            ("replied", "Trump", None),
            (
                "has called for",
                "Mike Waltz",
                Some("Trump’s national security adviser"),
            ),
            ("has also said", "Pete Hegseth", None),
            ("recently told", "Pete Hegseth", None),
        ] {
            assert!(has(st, cue, name, role), "{name} {cue}: {found:#?}");
        }
        for (cue, name) in [
            ("deploying", "Mexico"),
            ("signed", "Trump"),
            ("co-introducing", "Mike Waltz"),
        ] {
            assert!(has(act, cue, name, None), "{name} {cue}: {found:#?}");
        }
        // Back-references: "he said", "he told reporters", "the president replied".
        for (mention, cue) in [("he", "said"), ("he", "told"), ("the president", "replied")] {
            assert!(found
                .iter()
                .any(|a| a.source.is_some_and(|s| cut(s) == mention)
                    && cut(a.cue) == cue
                    && a.speaker
                        .as_ref()
                        .is_some_and(|s| s.name == "Trump" && s.antecedent.is_some())));
        }
    }

    /// A long s or Kelvin sign case-folds to an ASCII letter, so such texts are matched
    /// on their original characters rather than an ASCII shadow; the cue regex then
    /// still reads "ſaid" as "said".
    #[test]
    fn case_folding_characters_still_match_cues() {
        let t = "Trump ſaid the wall will rise. Mexico \u{212A}ept quiet.";
        let found = extract(t, &split(t));
        assert!(
            found.iter().any(|a| &t[a.cue.start..a.cue.end] == "ſaid"),
            "{found:?}"
        );
    }

    /// The source text of the first statement found in `t`.
    fn first_source(t: &str) -> Option<&str> {
        source_cue(t).first().and_then(|f| f.0)
    }

    /// (source, cue) texts of the statements found in `t`.
    fn source_cue(t: &str) -> Vec<(Option<&str>, &str)> {
        extract(t, &split(t))
            .into_iter()
            .filter(|a| a.kind == AttributionKind::Statement)
            .map(|a| {
                (
                    a.source.map(|s| &t[s.start..s.end]),
                    &t[a.cue.start..a.cue.end],
                )
            })
            .collect()
    }

    #[test]
    fn non_inverting_cue_after_a_comma_keeps_its_source_before() {
        // "told" never takes its source after it: the appositive source comes first.
        let t = "“This party is not divided,” Jeff Sessions, an adviser to Trump, told AFP.";
        assert_eq!(
            source_cue(t),
            vec![(Some("Jeff Sessions, an adviser to Trump,"), "told")]
        );
        let t = "“It works,” Butz, 49, told The Huffington Post.";
        assert_eq!(source_cue(t), vec![(Some("Butz, 49,"), "told")]);
        // An inverting head still takes the source after the comma.
        let t = "The plan is dead, said Senator John Smith.";
        assert_eq!(source_cue(t), vec![(Some("Senator John Smith"), "said")]);
    }

    #[test]
    fn a_dated_participle_stays_inside_its_source() {
        // "released Friday" dates the poll: the source is the whole phrase.
        let t = "A new poll released Friday found that voters are split.";
        assert_eq!(
            source_cue(t),
            vec![(Some("A new poll released Friday"), "found")]
        );
        let t = "A new batch of emails released this week showed that the server was open.";
        assert_eq!(
            source_cue(t),
            vec![(Some("A new batch of emails released this week"), "showed")]
        );
        let t = "A Monmouth poll out Monday showed that voters are split.";
        assert_eq!(
            source_cue(t),
            vec![(Some("A Monmouth poll out Monday"), "showed")]
        );
        // A weekday after a name is not a participle's date: the name is the source.
        let t = "Sanders Friday said that voters are split.";
        assert_eq!(source_cue(t), vec![(Some("Sanders"), "said")]);
    }

    #[test]
    fn lone_quantifiers_states_and_parties_in_sources() {
        let t = "Several said they would rather federal officials dole out funding.";
        assert_eq!(source_cue(t), vec![(Some("Several"), "said")]);
        // So does a number word, alone, after "the" or counting a part.
        for (t, source, cue) in [
            ("Three said they would vote for him.", "Three", "said"),
            (
                "The two write that they do not understand it.",
                "The two",
                "write",
            ),
            (
                "One in three said the party does not care.",
                "One in three",
                "said",
            ),
        ] {
            assert_eq!(source_cue(t), vec![(Some(source), cue)], "{t}");
        }
        assert!(source_cue("He sold the two said items.").is_empty());
        // A quantifier floating after its subject is not the source.
        let t = "Trump and Sanders have both argued that workers lost jobs.";
        assert!(
            source_cue(t).iter().all(|(s, _)| *s != Some("both")),
            "{:?}",
            source_cue(t)
        );
        // A party and state, or a state, inside the appositive.
        let t = "Sen. Marco Rubio, R-Fla., appearing on Fox News right after the speech, said Obama failed to address public concerns.";
        assert_eq!(
            source_cue(t),
            vec![(Some("Sen. Marco Rubio, R-Fla.,"), "said")]
        );
        let t = "Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said he works.";
        assert_eq!(
            source_cue(t),
            vec![(
                Some("Paul Porter, a truck driver from Ava, Mo., who is a member of the union,"),
                "said"
            )]
        );
        let t = "Sen. Jack Reed (D-R.I.), said that he had not read it.";
        assert_eq!(
            source_cue(t),
            vec![(Some("Sen. Jack Reed (D-R.I.),"), "said")]
        );
        // A lone comma after a clause is no source's end.
        let t = "The department obscured facts, admitted it withheld emails.";
        assert!(
            source_cue(t)
                .iter()
                .all(|(s, _)| *s != Some("The department obscured facts,")),
            "{:?}",
            source_cue(t)
        );
    }

    #[test]
    fn asides_with_places_and_times_before_the_cue() {
        let cases = [
            // A place and its state is one piece of a participial or "during" aside.
            (
                "Clinton, during a town hall meeting in Columbus, Ohio, said she would act.",
                "Clinton",
            ),
            (
                "Trump, speaking at a rally in Wilmington, N.C., warned that Clinton would act.",
                "Trump",
            ),
            // A participial aside after the opening name runs to the cue.
            (
                "Sen. Chuck Grassley, facing a challenge in Iowa, a swing state, said he would welcome Cruz.",
                "Sen. Chuck Grassley",
            ),
            // An appositive with a place stays in the source, "of" included.
            (
                "Johnnie Wilson, of Springfield, Va., said he had fought in Vietnam.",
                "Johnnie Wilson, of Springfield, Va.,",
            ),
            (
                "Dean Johnson, a salesman from Sumter, South Carolina, said he likes Trump.",
                "Dean Johnson, a salesman from Sumter, South Carolina,",
            ),
            // A place adverb after the noun stays with it.
            (
                "Her campaign workers here said they have been working the state.",
                "Her campaign workers here",
            ),
            ("Officials there said the plant would close.", "Officials there"),
            // Coordinated speakers after an opening conjunction, phrase or quotation.
            (
                "But attorneys and legal experts said that is highly unlikely.",
                "attorneys and legal experts",
            ),
            (
                "However, Sen. Bernie Sanders and former governor Martin O'Malley suggested that she was wrong.",
                "Sen. Bernie Sanders and former governor Martin O'Malley",
            ),
            (
                "“North Korea is a paranoid nation,” the Vermont senator and Democratic candidate said.",
                "the Vermont senator and Democratic candidate",
            ),
            // Not inside a clause with a verb of its own.
            (
                "They learned of the deal with Mills, Samuelson and Bentel and quickly disclosed it.",
                "They",
            ),
            // A quoted title before the source is not what was said.
            (
                "On Tuesday’s episode of “The Morning Show,” the former secretary of state said she wanted to speak.",
                "the former secretary of state",
            ),
            // The one who asks.
            (
                "When asked by a reporter whether this differed from the plan, Trump said no.",
                "a reporter",
            ),
            (
                "Neera Tanden, a Clinton supporter, asked former Attorney General Eric Holder whether he had thoughts.",
                "Neera Tanden, a Clinton supporter,",
            ),
            // Nor is a measured time.
            (
                "Fiorina a month later announced that 6,000 jobs would go.",
                "Fiorina",
            ),
            // The occasion between a name and its cue is not.
            (
                "Trump in his announcement speech said Mexico was sending rapists.",
                "Trump",
            ),
            ("Trump at the time said he would pay.", "Trump"),
            // A time after the comma that closes the source.
            (
                "Reince Priebus, the GOP chairman, this past week announced that a website would open.",
                "Reince Priebus, the GOP chairman,",
            ),
            // A relative clause that reports speech is no part of the source; one that
            // describes the speaker is.
            (
                "Podesta, who said the project was vetted by counsel, added that it was legal.",
                "Podesta",
            ),
            (
                "The official, who spoke on the condition of anonymity, said talks had stalled.",
                "The official",
            ),
            (
                "Chris Cox, who runs the NRA’s lobbying arm, said the bill would fail.",
                "Chris Cox, who runs the NRA’s lobbying arm,",
            ),
            // A finite verb after an appositive is no participle of the sentence's subject.
        (
            "Marvin Teske, 53, a security guard at a Reno casino, is backing Hillary Clinton because she is ready.",
            "Marvin Teske, 53, a security guard at a Reno casino,",
        ),
        // After a quotation, an appositive holding a comma keeps the name it describes.
        (
            "“It is odd,” J.J. Goldberg, editor at large of The Forward, a New York newspaper, wrote last week.",
            "J.J. Goldberg, editor at large of The Forward, a New York newspaper,",
        ),
        // A relative clause with commas of its own runs to the cue.
            (
                "Joseph R. Biden Jr., who was to travel to Columbus, Ohio, on Wednesday, said they touched on a core issue.",
                "Joseph R. Biden Jr., who was to travel to Columbus, Ohio, on Wednesday,",
            ),
        ];
        for (t, want) in cases {
            let found = source_cue(t);
            assert_eq!(
                found.first().and_then(|f| f.0),
                Some(want),
                "{t}: {found:?}"
            );
        }
        // A list of short phrases opening the sentence is one source; an introductory
        // phrase or a clause with a verb is no list item.
        let t = "But labor unions, environmental groups, and many Democratic lawmakers claim it will cost jobs.";
        assert_eq!(
            first_source(t),
            Some("labor unions, environmental groups, and many Democratic lawmakers")
        );
        let t = "Friends, lobbyists and former foes say the senator was fair.";
        assert_eq!(first_source(t), Some("Friends, lobbyists and former foes"));
        let t =
            "In separate interviews, three current and former employees said the firm had erred.";
        assert_eq!(first_source(t), Some("three current and former employees"));
        // After an opening name and its appositive, a name after the cue is the
        // content's subject; after a clause, the source (with its relative clause).
        let t = "Frank Luntz, a Republican expert on political messaging, said Mr. Cameron and the ''Remain'' camp had failed.";
        assert_eq!(
            first_source(t),
            Some("Frank Luntz, a Republican expert on political messaging,")
        );
        let t = "Even if the department no longer existed, its work would go on, said DeSantis, who was elected in 2012.";
        assert!(
            source_cue(t)
                .first()
                .and_then(|f| f.0)
                .is_some_and(|s| s.starts_with("DeSantis")),
            "{:?}",
            source_cue(t)
        );
        let t = "Gov. John Kasich of Ohio, a Republican, said the Khan family deserved better.";
        assert_eq!(
            first_source(t),
            Some("Gov. John Kasich of Ohio, a Republican,")
        );
        // "including" and "like" asides stay in the source; "despite" asides do not; a
        // hometown after a name and age; a time between source and cue.
        let cases = [
            (
                "Proponents, including the United States Conference of Mayors, say the program works.",
                "Proponents, including the United States Conference of Mayors,",
            ),
            (
                "House Speaker Paul Ryan, R-Wis., despite admitting that he had doubts, said he would vote for Trump.",
                "House Speaker Paul Ryan, R-Wis.,",
            ),
            (
                "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony, said she was moved.",
                "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony,",
            ),
            (
                "The Supreme Court this month ruled that the law stands.",
                "The Supreme Court",
            ),
            (
                "Wells Fargo just this month announced it would end the incentives.",
                "Wells Fargo",
            ),
        ];
        for (t, want) in cases {
            assert_eq!(first_source(t), Some(want), "{t}");
        }
        // A parenthesis before a time closes the source; after a quotation any past
        // tense inverts.
        let t = "Sen. Bernie Sanders (I-Vt.) on Saturday criticized the accord.";
        assert_eq!(first_source(t), Some("Sen. Bernie Sanders (I-Vt.)"));
        let t = "“Imagine Thor against Trump on one stage,” mused Blaze co-host Stu Burguiere.";
        assert_eq!(first_source(t), Some("Blaze co-host Stu Burguiere"));
        // A noun in "-ly" is no adverb before the cue; a real adverb is.
        let t = "Scott's family called on people to protest peacefully.";
        assert_eq!(
            source_cue(t).first().map(|f| (f.0, f.1)),
            Some((Some("Scott's family"), "called on"))
        );
        let t = "Trump publicly called for a ban.";
        assert_eq!(
            source_cue(t).first().map(|f| (f.0, f.1)),
            Some((Some("Trump"), "publicly called for"))
        );
        // A participle after a comma goes on the sentence's first speaker, not a
        // nested one.
        let t = "Byrne also wrote the agents knew to brace for the eruptions, saying, “They did not happen every day.”";
        assert!(
            source_cue(t).contains(&(Some("Byrne"), "saying")),
            "{:?}",
            source_cue(t)
        );
        // A participle with a "by" agent after a comma: the agent is the source.
        let t = "The immigration bill, opposed by House Republicans, never became law.";
        assert_eq!(
            source_cue(t).first().map(|f| (f.0, f.1)),
            Some((Some("House Republicans"), "opposed"))
        );
        // A restrictive "who" clause ending at the cue stays in the source.
        let t = "Supporters who have heard directly from the Rubio campaign say he will win.";
        assert_eq!(
            first_source(t),
            Some("Supporters who have heard directly from the Rubio campaign")
        );
        // A party and state after a quotation is the person's, not a place.
        let t = "“The veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.";
        assert!(
            source_cue(t)
                .iter()
                .any(|f| f.0 == Some("Senate Majority Leader Mitch McConnell, R-Ky.,")),
            "{:?}",
            source_cue(t)
        );
    }

    #[test]
    fn according_to_runs_to_the_comma_or_the_clause_end() {
        let cases = [
            (
                "No one mentioned the shutdown, according to members who spoke with reporters afterward.",
                "members who spoke with reporters afterward",
            ),
            (
                "According to the budget office, the deficit will rise.",
                "the budget office",
            ),
            (
                "Ad spending fell, according to Brian Wieser, an analyst at Pivotal Research Group.",
                "Brian Wieser, an analyst at Pivotal Research Group",
            ),
            (
                "Over the long term, according to the budget office, the rise in deficits is large.",
                "the budget office",
            ),
            (
                "The plan costs $1,380 a year, according to the document he released.",
                "the document he released",
            ),
        ];
        for (t, want) in cases {
            let found = source_cue(t);
            assert!(
                found
                    .iter()
                    .any(|f| f.0 == Some(want) && f.1.eq_ignore_ascii_case("according to")),
                "{t}: {found:?}"
            );
        }
    }

    #[test]
    fn train_derived_cue_heads_and_particles() {
        let t = "Trump boasted of his poll numbers in Iowa.";
        assert_eq!(source_cue(t), vec![(Some("Trump"), "boasted of")]);
        let t = "Clinton lambasted the Republican plan on taxes.";
        assert_eq!(source_cue(t), vec![(Some("Clinton"), "lambasted")]);
        let t = "Sanders mused about the future of the party.";
        assert_eq!(source_cue(t), vec![(Some("Sanders"), "mused about")]);
        // "agreed to" keeps its bare head: only "with" joins "agree".
        let t = "Kasich agreed with the governor on the budget.";
        assert_eq!(source_cue(t), vec![(Some("Kasich"), "agreed with")]);
        // Weak heads the statement filter lets through in a reporting context.
        let t = "Senators voiced concern that the bill would raise costs for farmers.";
        assert_eq!(source_cue(t), vec![(Some("Senators"), "voiced")]);
        // The noun "express" and the verb "boasted" with a possession are no cues.
        assert!(source_cue("They stayed at the Holiday Inn Express in Wisconsin.").is_empty());
    }

    #[test]
    fn a_verb_governing_the_cue_in_the_infinitive_joins_it() {
        let cases = [
            (
                "The email goes on to say that Trump wants a wall.",
                "The email",
                "goes on to say",
            ),
            (
                "He went on to explain that the plan had failed.",
                "He",
                "went on to explain",
            ),
            (
                "Sexton was quick to point out that not all supporters agreed.",
                "Sexton",
                "was quick to point out",
            ),
            (
                "He continues to insist that he will win.",
                "He",
                "continues to insist",
            ),
            (
                "Trump has refused to say whether he would run.",
                "Trump",
                "has refused to say",
            ),
            (
                "Democratic voters are slightly more likely to say that Clinton represents them.",
                "Democratic voters",
                "are slightly more likely to say",
            ),
        ];
        for (t, source, cue) in cases {
            assert_eq!(source_cue(t), vec![(Some(source), cue)], "{t}");
        }
        // A governed verb outside the lexicon leaves the governor as it was; "likely"
        // alone governs nothing.
        let t = "Trump refused to release his tax returns.";
        assert_eq!(source_cue(t), vec![(Some("Trump"), "refused")]);
        assert!(source_cue("She is likely to say nothing at all.")
            .iter()
            .all(|(_, cue)| !cue.contains("likely")));
    }

    #[test]
    fn words_after_the_head_that_belong_to_the_cue() {
        // A part of the day after the weekday, a manner adverb after the head.
        let t = "Clinton said Tuesday night that the race was close.";
        assert_eq!(source_cue(t), vec![(Some("Clinton"), "said Tuesday night")]);
        let t = "Trump said Tuesday that the race was close.";
        assert_eq!(source_cue(t), vec![(Some("Trump"), "said Tuesday")]);
        let t = "Sanders said repeatedly that the system is rigged.";
        assert_eq!(source_cue(t), vec![(Some("Sanders"), "said repeatedly")]);
        // "Reportedly" is no manner of saying; "publicly" only counts as a whole word.
        let t = "Sanders said publicity was not the point.";
        assert_eq!(source_cue(t), vec![(Some("Sanders"), "said")]);
        // "in a statement" stays in the cue unless it names a document sent somewhere.
        let t = "Ryan said in a statement that the bill would pass.";
        assert_eq!(source_cue(t), vec![(Some("Ryan"), "said in a statement")]);
        let t = "Ryan said in a statement provided to CNN that the bill would pass.";
        assert_eq!(source_cue(t), vec![(Some("Ryan"), "said")]);
    }

    #[test]
    fn talking_and_responding_need_their_particle() {
        let t = "Trump was talking about the wall on the border.";
        assert_eq!(source_cue(t), vec![(Some("Trump"), "was talking about")]);
        assert!(source_cue("Trump was talking to donors in Ohio.").is_empty());
        let t = "The campaign did not respond to a request for comment.";
        assert_eq!(
            source_cue(t),
            vec![(Some("The campaign"), "did not respond to")]
        );
        assert!(source_cue("Voters respond well to his plan.").is_empty());
    }

    #[test]
    fn coordinated_source_opening_the_sentence() {
        let t = "Real estate mogul and reality television star Donald Trump tweeted a chart.";
        assert_eq!(
            source_cue(t),
            vec![(
                Some("Real estate mogul and reality television star Donald Trump"),
                "tweeted"
            )]
        );
        // After a comma, "and" joins clauses: only the second subject is the source.
        let t = "His parents died in 1987, and he said the loss shaped him.";
        assert_eq!(source_cue(t), vec![(Some("he"), "said")]);
        // A participle never takes a "subject" found after it.
        let t = "But other advisers to the government have been urging a default, saying that only a catastrophe would move Congress.";
        assert!(unfiltered(t).iter().all(|a| a
            .source
            .is_none_or(|s| s.end <= a.cue.start || s.start >= a.cue.end)));
        // A verb coordinated inside a relative clause goes with its "who".
        let t = "Bujnowski also interviewed the reporter Ben Terris, who saw the incident and described it in print.";
        let found = unfiltered(t);
        let described = found
            .iter()
            .find(|a| &t[a.cue.start..a.cue.end] == "described")
            .expect("described");
        assert_eq!(described.source.map(|s| &t[s.start..s.end]), Some("who"));
    }

    #[test]
    fn a_quotation_cut_off_with_a_later_clause_goes_with_it() {
        let t = "Trump has called for force since 2019, when he said the US was ready to \u{201c}wage war\u{201d} on the groups.";
        let found = extract(t, &split(t));
        let quote_of = |cue: &str| {
            let a = found
                .iter()
                .find(|a| &t[a.cue.start..a.cue.end] == cue)
                .expect(cue);
            (
                a.content.map(|c| &t[c.start..c.end]),
                a.quote.map(|q| &t[q.start..q.end]),
            )
        };
        assert_eq!(quote_of("has called for"), (Some("force since 2019"), None));
        assert_eq!(quote_of("said").1, Some("\u{201c}wage war\u{201d}"));
    }

    #[test]
    fn a_name_that_is_also_a_modal_or_a_cue_stays_a_name() {
        // (sentence, source, cue)
        let cases = [
            (
                "British Prime Minister Theresa May said the country would leave.",
                "British Prime Minister Theresa May",
                "said",
            ),
            (
                "Theresa May, the prime minister, said the country would leave.",
                "Theresa May, the prime minister,",
                "said",
            ),
            ("May said later that talks would start.", "May", "said"),
            (
                "In particular, George Will wrote, Christie can win.",
                "George Will",
                "wrote",
            ),
            // A modal is still a modal.
            ("Officials may say the plan failed.", "Officials", "may say"),
            // A cue word as a given name.
            (
                "Trump spokeswoman Hope Hicks told reporters the campaign would respond.",
                "Trump spokeswoman Hope Hicks",
                "told",
            ),
        ];
        for (t, source, cue) in cases {
            let found = unfiltered(t);
            let text_of = |s: Span| &t[s.start..s.end];
            assert!(
                found
                    .iter()
                    .any(|a| a.source.map(text_of) == Some(source) && text_of(a.cue) == cue),
                "{t}: {found:?}"
            );
            assert!(
                found.iter().all(|a| text_of(a.cue) != "Hope"),
                "{t}: {found:?}"
            );
        }
        // In a headline the capitalised head is the cue.
        let t = "Trump Says He Will Win The Nomination";
        assert!(unfiltered(t)
            .iter()
            .any(|a| &t[a.cue.start..a.cue.end] == "Says"));
    }

    #[test]
    fn cue_words_next_to_nouns_keep_their_statements() {
        // A noun in "-ly" before the auxiliaries.
        assert_eq!(
            cue_texts("The family has called on police to release the videos."),
            ["has called on"]
        );
        // A document's participle.
        assert_eq!(
            cue_texts("The Security Council issued a statement calling the test a violation."),
            ["issued a statement calling"]
        );
        // A headline's capitalised verb.
        assert_eq!(cue_texts("New Poll Shows Bump For Clinton"), ["Shows"]);
        // The nouns themselves are still no cues.
        assert!(cue_texts("He watched the Daily Show in New York.").is_empty());
        assert!(cue_texts("It was name-calling at its worst.").is_empty());
    }

    #[test]
    fn hitting_back_is_a_cue_with_its_particle() {
        let statement = |t: &str| {
            statements(t).first().map(|a| {
                (
                    t[a.cue.start..a.cue.end].to_string(),
                    a.content.map(|c| t[c.start..c.end].to_string()),
                )
            })
        };
        assert_eq!(
            statement("Sanders lashed out at the media on Sunday."),
            Some(("lashed out at".into(), Some("the media on Sunday".into())))
        );
        assert_eq!(
            statement("Trump fired back at Clinton, calling her a liar."),
            Some(("fired back at".into(), Some("Clinton".into())))
        );
        assert_eq!(statement("The officer fired two shots at the car."), None);
    }

    #[test]
    fn a_cue_runs_to_a_colon_that_opens_a_quotation() {
        assert_eq!(
            cue_texts("Trump said on Twitter: “Hillary Clinton has announced it.”"),
            ["said on Twitter:"]
        );
        assert_eq!(
            cue_texts("Christie added warily: “There's always something.”"),
            ["added warily:"]
        );
        // An addressee stays out, and so does a colon that opens no quotation.
        assert_eq!(cue_texts("He told the crowd: “We will win.”"), ["told"]);
        assert_eq!(
            cue_texts("She said in the end: two things matter."),
            ["said"]
        );
        // Any verb in -ed after its speaker, before such a colon.
        assert_eq!(
            cue_texts("And Mr. Christie gloated: ''I told you he wouldn't be ready.''"),
            ["gloated:"]
        );
        assert!(
            !cue_texts("Clinton seemed irritated: “It's a public statement.”")
                .contains(&"irritated:".to_string())
        );
        // The speaker opens its clause.
        assert!(cue_texts("Here is what voters wanted: “More jobs.”").is_empty());
    }

    #[test]
    fn a_label_after_what_is_a_statement_only_when_quoted() {
        assert!(cue_texts("They will fight what he called homegrown terrorism.").is_empty());
        assert_eq!(
            cue_texts("They want to shed what Gilbert called “a perception problem.”"),
            ["called"]
        );
        assert_eq!(
            cue_texts("It was what Zimmerman described as \"a piece of history.\""),
            ["described"]
        );
    }

    #[test]
    fn an_occasion_after_the_time_of_a_cue_is_no_content() {
        assert_eq!(
            content_texts(
                "Newt Gingrich said Wednesday on Fox News Channel’s “Hannity,” if Trump \
                 picked him it would be an honor."
            ),
            ["if Trump picked him it would be an honor"]
        );
    }

    #[test]
    fn one_word_is_a_content_when_it_names_someone_or_what_was_said() {
        assert_eq!(content_texts("Cruz attacked Trump."), ["Trump"]);
        assert_eq!(content_texts("He said so."), ["so"]);
        assert!(content_texts("She agreed entirely.").is_empty());
    }

    #[test]
    fn an_opening_adverbial_is_no_content() {
        assert_eq!(
            content_texts("So far, they have sided overwhelmingly with Clinton."),
            ["overwhelmingly with Clinton"]
        );
        assert_eq!(
            content_texts("As the day went on, Trump offered stronger defenses of Lewandowski."),
            ["stronger defenses of Lewandowski"]
        );
        // A clause before the source still is.
        assert_eq!(
            content_texts("The plan is dead, they have said repeatedly."),
            ["The plan is dead"]
        );
    }

    #[test]
    fn a_headline_verb_after_a_comma_shares_the_subject() {
        let t = "Clinton Says Russians Hacked DNC, Calls Trump’s Putin Remarks ‘Troubling.’";
        let found: Vec<(String, String)> = unfiltered(t)
            .iter()
            .filter_map(|a| {
                let s = a.source?;
                Some((
                    t[s.start..s.end].to_string(),
                    t[a.cue.start..a.cue.end].to_string(),
                ))
            })
            .collect();
        assert!(found.contains(&("Clinton".into(), "Calls".into())));
        // Not in running text, where a capital after a comma opens a name.
        assert!(unfiltered("She visited the factory, Urges voters to run.")
            .iter()
            .all(|a| !a.rules.contains(&"coordinated_cue")));
    }

    #[test]
    fn a_relative_clause_stays_with_the_source_it_modifies() {
        let source_of = |t: &str| -> Vec<String> {
            unfiltered(t)
                .iter()
                .filter(|a| t[a.cue.start..a.cue.end].starts_with("sa"))
                .filter_map(|a| a.source.map(|s| t[s.start..s.end].to_string()))
                .collect()
        };
        assert_eq!(
            source_of("Some who advocate free speech say the law is wrong."),
            ["Some who advocate free speech"]
        );
        assert_eq!(
            source_of("Only 27 percent of those who named a candidate said they were sure."),
            ["Only 27 percent of those who named a candidate"]
        );
        assert_eq!(
            source_of(
                "Geoff Garin, a Democratic pollster who is working with Priorities USA, \
                 a pro-Clinton super PAC, said the race was close."
            ),
            [
                "Geoff Garin, a Democratic pollster who is working with Priorities USA, \
              a pro-Clinton super PAC,"
            ]
        );
        // A single appositive (the two commas are one aside).
        assert_eq!(
            source_of("Mike Smith, a pollster, said the race was close."),
            ["Mike Smith, a pollster,"]
        );
    }

    #[test]
    fn an_appositive_stays_with_its_source() {
        // A title's participle opens no clause.
        assert_eq!(
            source_texts("“It is a platform,” said Ken Sena, managing director at Evercore."),
            ["Ken Sena, managing director at Evercore"]
        );
        // The appositive ends at the full stop even when a quotation follows.
        assert_eq!(
            source_texts(
                "It will be part of the postmortem, said Jake Horowitz, editor in chief of \
                 Mic.com. “You have a sophisticated operation.”"
            )[0],
            "Jake Horowitz, editor in chief of Mic.com"
        );
        // A sentence adverb after the auxiliary is the verb group's.
        assert_eq!(
            source_texts("Clinton has nevertheless called his vote an irresponsible one."),
            ["Clinton"]
        );
        // A town's state after a comma.
        assert_eq!(
            source_texts("Stacy Baker of Columbia, South Carolina says she will vote."),
            ["Stacy Baker of Columbia, South Carolina"]
        );
        // After an opening "According to", an appositive between commas.
        assert_eq!(
            source_texts(
                "According to Lorella Praeli, Clinton's Latino vote director, the campaign \
                 has tried."
            ),
            ["Lorella Praeli, Clinton's Latino vote director,"]
        );
        assert_eq!(
            source_texts("According to the report, released Tuesday, the plan failed."),
            ["the report"]
        );
    }

    #[test]
    fn an_inverted_source_may_open_with_a_quantifier_or_title() {
        assert_eq!(
            source_texts("Her rise surprised many in the party, said several observers."),
            ["several observers"]
        );
        assert_eq!(
            source_texts("The convention is $9 million short, said former governor Ed Rendell."),
            ["former governor Ed Rendell"]
        );
        // A verb after the phrase makes it the content's subject.
        assert!(
            source_texts("The report was wrong, said several officials were fired.").is_empty()
        );
    }

    #[test]
    fn framing_verbs_are_cues_only_with_as() {
        assert_eq!(
            cue_texts("Clinton cast her rival as offering a narrow economic vision."),
            ["cast"]
        );
        assert_eq!(
            cue_texts("Israel regards all of Jerusalem as its indivisible capital."),
            ["regards"]
        );
        assert!(cue_texts("Voters cast their ballots on Tuesday.").is_empty());
        // Not past punctuation: "as" opens another clause there.
        assert!(cue_texts("Voters cast their ballots, as expected.").is_empty());
    }

    #[test]
    fn the_subject_stands_before_the_auxiliary_of_its_verb_group() {
        // (sentence, source, cue)
        let cases = [
            (
                "The American Legion has twice complained that the plan is unfair.",
                Some("The American Legion"),
                "has twice complained",
            ),
            (
                "Mr. Trump has lately started asking his supporters to pledge loyalty.",
                Some("Mr. Trump"),
                "has lately started asking",
            ),
            // In a relative clause, the pronoun.
            (
                "There are officials who have repeatedly warned that the plan will fail.",
                Some("who"),
                "have repeatedly warned",
            ),
        ];
        for (t, source, cue) in cases {
            let found = unfiltered(t);
            let text_of = |s: Span| &t[s.start..s.end];
            let a = found
                .iter()
                .find(|a| text_of(a.cue).ends_with(cue.rsplit(' ').next().unwrap_or(cue)))
                .unwrap_or_else(|| panic!("{t}: {found:?}"));
            assert_eq!(
                (a.source.map(text_of), text_of(a.cue)),
                (source, cue),
                "{t}"
            );
        }
    }

    #[test]
    fn a_later_clause_with_its_own_cue_ends_the_content() {
        // (content of the first cue, the later cue and its content)
        let cases = [
            // The later cue shares the source named before the first one.
            (
                "Cruz had effusively praised Trump, stating there was a benefit to having him in the race.",
                "Trump",
                "stating",
                "there was a benefit to having him in the race",
            ),
            // Its own source.
            (
                "Sanders condemned the vote, and Clinton said the bill was a mistake.",
                "the vote",
                "said",
                "the bill was a mistake",
            ),
            // An inflection the lexicon has from its siblings ("vowed", "vows").
            (
                "Members of the party are denouncing the platform and vow to expand funding.",
                "the platform",
                "vow",
                "to expand funding",
            ),
        ];
        for (t, first, cue, content) in cases {
            let found = unfiltered(t);
            let text_of = |s: Span| &t[s.start..s.end];
            assert_eq!(found[0].content.map(text_of), Some(first), "{t}: {found:?}");
            let later = found
                .iter()
                .find(|a| text_of(a.cue) == cue)
                .unwrap_or_else(|| panic!("{t}: no {cue:?} in {found:?}"));
            assert_eq!(later.content.map(text_of), Some(content), "{t}");
        }
        // A statement nested in a that-clause belongs to it.
        let t = "Trump said that Comey found no evidence.";
        let found = unfiltered(t);
        assert_eq!(
            found[0].content.map(|c| &t[c.start..c.end]),
            Some("that Comey found no evidence")
        );
    }

    #[test]
    fn a_quoted_title_is_no_content() {
        let content_of = |t: &str| {
            let found = extract(t, &split(t));
            let a = found
                .iter()
                .find(|a| t[a.cue.start..a.cue.end].starts_with("said"))
                .expect("said");
            a.content.map(|c| t[c.start..c.end].to_string())
        };
        // Before the source, and after the cue.
        assert_eq!(
            content_of(
                "On Tuesday’s episode of “The Morning Show,” the nominee said she wanted to speak."
            ),
            Some("she wanted to speak".into())
        );
        assert_eq!(
            content_of("“She just made it up,” Trump said on “This Week.”"),
            Some("“She just made it up,”".into())
        );
        // A quotation before the source is still the content.
        assert_eq!(
            content_of("“She just made it up,” the nominee said."),
            Some("“She just made it up,”".into())
        );
    }

    #[test]
    fn a_quotation_inside_a_doubled_apostrophe_quotation_closes_first() {
        // The New York Times' style: '' for quotation marks, ' inside them.
        let t = "''I would use the word 'old-school,''' said Gregory W. Slayton, a former envoy.";
        let found = extract(t, &split(t));
        let said = found
            .iter()
            .find(|a| &t[a.cue.start..a.cue.end] == "said")
            .expect("a statement");
        assert_eq!(
            said.content.map(|c| &t[c.start..c.end]),
            Some("''I would use the word 'old-school,'''")
        );
        assert_eq!(
            said.source.map(|s| &t[s.start..s.end]),
            Some("Gregory W. Slayton, a former envoy")
        );
        // Three apostrophes after a space open the quotation, then the inner one.
        let t = "He said ''' Tis the season,' she wrote,'' and left.";
        assert_eq!(text::quotations(t).len(), 1);
    }

    #[test]
    fn a_colon_closing_its_paragraph_takes_the_next_one() {
        let t = "Cruz continued:\n\n\u{201c}You look at the questions.\u{201d}\n\nThe governor added:\n\nIt is typical of her. She knows nothing.\n\nHe added:\n\nNo.";
        let found = extract(t, &split(t));
        let parts: Vec<_> = found
            .iter()
            .map(|a| {
                (
                    a.source.map(|s| &t[s.start..s.end]),
                    &t[a.cue.start..a.cue.end],
                    a.content.map(|c| &t[c.start..c.end]),
                )
            })
            .collect();
        assert_eq!(
            parts,
            vec![
                (
                    Some("Cruz"),
                    "continued:",
                    Some("\u{201c}You look at the questions.\u{201d}")
                ),
                (
                    Some("The governor"),
                    "added:",
                    Some("It is typical of her. She knows nothing.")
                ),
            ]
        );
        // "He added:\n\nNo.": a one-word paragraph is no content.
    }

    #[test]
    fn participles_before_their_noun_are_no_cues() {
        for t in [
            "Trump so far has won 758 pledged delegates, compared to 538 for Cruz.",
            "Trump\u{2019}s proposed tax cuts would cost $6 trillion.",
            "The stated goal was never met.",
        ] {
            assert!(source_cue(t).is_empty(), "{t}: {:?}", source_cue(t));
        }
        let t = "He pledged to cut taxes.";
        assert_eq!(source_cue(t), vec![(Some("He"), "pledged")]);
    }

    #[test]
    fn modal_see_and_decide_are_no_cues() {
        assert!(source_cue("Voters will see the ad ten times before the primary.").is_empty());
        assert!(source_cue("The state of Nevada will decide whether he is right.").is_empty());
        let t = "Sanders said he did not see a path to the nomination.";
        assert!(source_cue(t).contains(&(Some("Sanders"), "said")));
        // "has long": the adverb is part of the cue.
        let t = "Republicans have long argued that taxes are too high.";
        assert_eq!(
            source_cue(t),
            vec![(Some("Republicans"), "have long argued")]
        );
    }

    #[test]
    fn sources_after_the_cue_keep_labels_and_modifiers() {
        let t = "“We need this bill,” said Rep. Bobby Scott (D-Va.).";
        assert_eq!(
            source_cue(t),
            vec![(Some("Rep. Bobby Scott (D-Va.)"), "said")]
        );
        let t = "The deal is off, according to one person with knowledge of the talks.";
        assert_eq!(
            source_cue(t),
            vec![(
                Some("one person with knowledge of the talks"),
                "according to"
            )]
        );
        let t = "“He is ready,” said a longtime adviser to Trump, who asked not to be named.";
        assert!(source_cue(t)
            .iter()
            .any(|(s, _)| s.is_some_and(|s| s.starts_with("a longtime adviser to Trump"))));
        // "in" keeps a place or a medium, not an occasion or a year.
        let t = "Trump leads the field, according to a new article in Politico.";
        assert_eq!(
            source_cue(t),
            vec![(Some("a new article in Politico"), "according to")]
        );
        let t = "“We will not back down,” said House Speaker Paul Ryan in a statement.";
        assert_eq!(
            source_cue(t),
            vec![(Some("House Speaker Paul Ryan"), "said")]
        );
        // A relative clause running to the end stays in, unless it reports speech.
        let t = "“It is a mess,” said Jon Ralston, who runs a Nevada politics newsletter.";
        assert_eq!(
            source_cue(t).first(),
            Some(&(
                Some("Jon Ralston, who runs a Nevada politics newsletter"),
                "said"
            ))
        );
        let t = "“It is a mess,” said Jon Ralston, who said the race had tightened.";
        assert_eq!(source_cue(t).first(), Some(&(Some("Jon Ralston"), "said")));
        let t = "“It was a sizable purchase,” said Bruce Willsie, who declined to give a price.";
        assert_eq!(
            source_cue(t).first(),
            Some(&(Some("Bruce Willsie"), "said"))
        );
        // So does a participial aside.
        let t = "“This is a show,” said delegate Beau Correll, angered that party leaders ignored the movement.";
        assert_eq!(
            source_cue(t).first(),
            Some(&(Some("delegate Beau Correll"), "said"))
        );
        // A parenthesis that is no party label stays out.
        let t = "“We need this bill,” said Bobby Scott (pictured).";
        assert_eq!(source_cue(t), vec![(Some("Bobby Scott"), "said")]);
    }

    #[test]
    fn a_passive_cue_without_its_agent_has_no_source() {
        let t = "Clinton came under fire when it was revealed that she had used a private server.";
        assert!(source_cue(t)
            .iter()
            .any(|(s, c)| c.contains("revealed") && s.is_none()));
        let t = "Sanders was declared the winner in New Hampshire.";
        assert!(source_cue(t)
            .iter()
            .any(|(s, c)| c.contains("declared") && s.is_none()));
    }

    #[test]
    fn early_and_at_least_open_the_source() {
        let t = "Early polls show voters in Iowa are angry.";
        assert!(source_cue(t).contains(&(Some("Early polls"), "show")));
        let t = "At least half of voters in each state said the economy mattered most.";
        assert!(source_cue(t).contains(&(Some("At least half of voters in each state"), "said")));
        // A time opening the sentence stays out.
        let t = "Early Tuesday, Trump said he would win.";
        assert!(source_cue(t).contains(&(Some("Trump"), "said")));
    }

    #[test]
    fn neither_nor_coordinates_the_source() {
        let t = "Neither Cruz nor Christie acknowledged the problem on Tuesday.";
        assert_eq!(
            source_cue(t),
            vec![(Some("Neither Cruz nor Christie"), "acknowledged")]
        );
    }

    #[test]
    fn appositives_with_commas_keep_the_name_they_describe() {
        let t = "Dean Johnson, a salesman from Sumter, South Carolina, said he liked the plan.";
        assert_eq!(
            source_cue(t),
            vec![(
                Some("Dean Johnson, a salesman from Sumter, South Carolina,"),
                "said"
            )]
        );
        let t = "Nevada's governor, Brian Sandoval, a Republican, said the state would wait.";
        assert_eq!(
            source_cue(t),
            vec![(
                Some("Nevada's governor, Brian Sandoval, a Republican,"),
                "said"
            )]
        );
        // A sentence adverb or a participial aside is no name to extend to.
        let t = "Still, Tad Devine, a senior adviser to Mr. Sanders, said the race was open.";
        assert_eq!(
            source_cue(t),
            vec![(Some("Tad Devine, a senior adviser to Mr. Sanders,"), "said")]
        );
        // A participial aside is left out of the source, whole (PolNeAR train marks
        // "Trump" alone in "Trump, speaking at a rally in Wilmington, N.C., warned").
        let t = "Trump, speaking at a rally in Wilmington, N.C., said the race was over.";
        assert_eq!(source_cue(t), vec![(Some("Trump"), "said")]);
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(text in "\\PC{0,300}") {
            let sentences = split(&text);
            for a in extract(&text, &sentences) {
                for s in [a.source, Some(a.cue), a.content, a.quote].into_iter().flatten() {
                    prop_assert!(s.start < s.end && s.end <= text.len());
                    prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
            }
        }

        #[test]
        fn news_like_text_never_panics(text in "([A-Z][a-z]{0,6}|said|told|“|”|\"|''|,|\\.|:| |\n|signed|he|according to|é|—){0,80}") {
            let sentences = split(&text);
            for a in extract(&text, &sentences) {
                prop_assert!(a.cue.start < a.cue.end && a.cue.end <= text.len());
            }
        }

        /// Names, titles and pronouns in any order: the speaker registry's name scan and
        /// its pronoun search.
        #[test]
        fn names_and_pronouns_never_panic(text in "(Mr\\.|Mrs\\.|Sen\\.|President|Hillary|Donald|Clinton|Trump|J\\.|’s|'s|he|she|they|The former first lady|said|told|“|”|\"|''|``|,|\\.| |\n|É|—){0,80}") {
            let sentences = split(&text);
            for a in extract(&text, &sentences) {
                if let Some(s) = a.speaker {
                    prop_assert!(s.mention.end <= text.len());
                }
            }
        }
    }
}
