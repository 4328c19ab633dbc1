//! Attributions + time mentions → dated events. Each time mention dates the cue it belongs to;
//! a cue with none takes an earlier time through "when" clauses, else the publication date
//! ("reported by"), marked approximate.

use app::model::{Actor, Event, EventKind, Span, When, WhenBasis};
use chrono::NaiveDate;

use super::attribution::{Attribution, AttributionKind};
use super::dating::{range_of, reported, when_of_mention};
use super::sentences::Sentence;
use super::timex::{counted_from_story, TimexMention, TimexType};

/// How far before a cue a "when" may stand and still put the cue in a "when" clause.
const WHEN_CLAUSE_REACH: usize = 40;
/// Summaries are cut to this many characters.
const SUMMARY_CHARS: usize = 140;

/// Builds the events; returns them with the number of attributions nothing could date.
pub fn assemble(
    text: &str,
    sentences: &[Sentence],
    timexes: &[TimexMention],
    attributions: &[Attribution],
    anchor: Option<NaiveDate>,
) -> (Vec<Event>, usize) {
    // Mentions come sorted by start, sentences in text order: both are searched by bisection.
    // "Two days later" joins them as a date counted from the last one named before.
    let counted = counted_from_story(text, timexes);
    let mut datable: Vec<&TimexMention> = timexes
        .iter()
        .chain(&counted)
        .filter(|t| {
            matches!(t.kind, TimexType::Date | TimexType::Time)
                && range_of(&t.value, anchor).is_some()
        })
        .collect();
    datable.sort_by_key(|t| t.start);
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for (i, a) in attributions.iter().enumerate() {
        if let Some(list) = by_sentence.get_mut(a.sentence) {
            list.push(i);
        }
    }
    let mut owned: Vec<Vec<usize>> = vec![Vec::new(); attributions.len()];
    for (k, t) in datable.iter().enumerate() {
        if let Some(owner) = owner_of(text, sentences, &by_sentence, attributions, t) {
            owned[owner].push(k);
        }
    }
    let mut events = Vec::new();
    let mut undated = 0;
    for (index, attribution) in attributions.iter().enumerate() {
        let Some(sentence) = sentences.get(attribution.sentence).copied() else {
            continue;
        };
        let cue = (attribution.cue.start, attribution.cue.end);
        // What the text reports has happened by the time it is published, unless the cue
        // looks ahead ("will sign", "plans to"): a time wholly after the publication date
        // belongs to something else in the sentence ("said he plans to present a
        // strategy after Christmas, insisting ...").
        let possible = |t: &&TimexMention| {
            // "soon" (FUTURE_REF) starts at the publication date but looks ahead all the same.
            let after = anchor.is_some_and(|a| {
                t.value == "FUTURE_REF"
                    || range_of(&t.value, Some(a)).is_some_and(|(start, ..)| start > a)
            });
            !after || future_marked(text, sentence, attribution.cue)
        };
        let own = owned[index]
            .iter()
            .map(|&k| datable[k])
            .filter(possible)
            .min_by_key(|t| distance((t.start, t.end), cue));
        let opening = || {
            let opener = opening_clause(
                text,
                sentence,
                &by_sentence[attribution.sentence],
                attributions,
                index,
            )?;
            owned[opener].first().map(|&k| datable[k])
        };
        let dated = match own.or_else(opening) {
            Some(t) => date_mention(text, t, anchor),
            None => when_clause_date(text, sentence, &datable, attribution, anchor)
                .or_else(|| anchor.map(|a| (reported(a), "date:reported"))),
        };
        let Some((when, date_rule)) = dated else {
            undated += 1;
            continue;
        };
        events.push(build_event(
            text,
            sentence,
            attribution,
            when,
            date_rule,
            events.len() + 1,
        ));
    }
    (events, undated)
}

/// The sentence holding `start..end`, found by bisection.
fn sentence_of(sentences: &[Sentence], start: usize, end: usize) -> Option<usize> {
    let i = sentences
        .partition_point(|s| s.start <= start)
        .checked_sub(1)?;
    (end <= sentences[i].end).then_some(i)
}

/// The attribution a datable mention dates: the nearest cue in its sentence, except that
/// "since X" belongs to the cue before it (a perfect tense: "has called for ... since 2019") and a
/// statement's own content or quote does not date the statement, nor does its source. A time
/// inside a relative clause set off by a comma dates only a cue in the same clause: "Bob said
/// he had not seen the movie, which opened Friday" was not said on Friday.
fn owner_of(
    text: &str,
    sentences: &[Sentence],
    by_sentence: &[Vec<usize>],
    attributions: &[Attribution],
    t: &TimexMention,
) -> Option<usize> {
    let sentence = sentence_of(sentences, t.start, t.end)?;
    let since = preceded_by(text, t.start, "since");
    let inside = |span: Option<super::attribution::Span>| {
        span.is_some_and(|c| c.start <= t.start && t.end <= c.end)
    };
    // "according to former and current officials": a time inside a source dates the speaker,
    // not anything said or done in the sentence.
    if by_sentence[sentence]
        .iter()
        .any(|&i| inside(attributions[i].source))
    {
        return None;
    }
    let clause = relative_clause(text, sentences[sentence], t);
    // A time inside what a statement reports dates only cues inside that report, or a cue
    // of the same speaker going on ("reiterated that approach in his interview last week,
    // saying ..."): "he told the tale of Pershing in the early 1900s" does not date "Trump
    // was defending". "According to" frames the sentence's own main clause: no report.
    let report = by_sentence[sentence]
        .iter()
        .map(|&i| &attributions[i])
        .filter(|a| a.kind == AttributionKind::Statement && !since && !a.frames_main_clause())
        .filter(|a| inside(a.content))
        .min_by_key(|a| a.content.map_or(0, |c| c.end - c.start));
    let speaker = |a: &Attribution| a.source.and_then(|s| text.get(s.start..s.end));
    // Quoted words are the speaker's alone: "“... between now and then,” he said, arguing
    // ..." does not date the arguing now.
    let quotation = by_sentence[sentence]
        .iter()
        .filter_map(|&i| attributions[i].quote)
        .find(|&q| inside(Some(q)));
    let candidates = by_sentence[sentence].iter().copied().filter(|&i| {
        let a = &attributions[i];
        let in_report = report.is_none_or(|r| {
            r.content.is_some_and(|c| c.contains(a.cue))
                || (quotation.is_none() && speaker(r).is_some_and(|s| Some(s) == speaker(a)))
        }) && quotation.is_none_or(|q| q.contains(a.cue));
        let in_clause =
            in_report && clause.is_none_or(|(start, end)| start <= a.cue.start && a.cue.end <= end);
        // "According to federal data, births rose threefold since the 1960s": the main
        // clause's time is not the source's, "since" or not.
        ((since && !a.frames_main_clause())
            || a.kind == AttributionKind::Action
            || !(inside(a.content) || inside(a.quote)))
            && in_clause
    });
    if since {
        candidates
            .filter(|&i| attributions[i].cue.end <= t.start)
            .max_by_key(|&i| attributions[i].cue.end)
    } else {
        candidates.min_by_key(|&i| {
            distance(
                (t.start, t.end),
                (attributions[i].cue.start, attributions[i].cue.end),
            )
        })
    }
}

/// The relative clause that opens after a comma ("..., which opened Friday", "..., who also
/// held a rally on Wednesday night") and holds the mention `t`, running to the next comma,
/// semicolon, dash or the end of the sentence; with no comma between the pronoun and the
/// mention.
fn relative_clause(text: &str, sentence: Sentence, t: &TimexMention) -> Option<(usize, usize)> {
    let before = text.get(sentence.start..t.start)?;
    let comma = before.rfind(',')?;
    let after_comma = before[comma + 1..].trim_start();
    let pronoun = ["which ", "who ", "whose ", "where "]
        .iter()
        .any(|p| after_comma.starts_with(p));
    if !pronoun {
        return None;
    }
    let start = sentence.start + comma;
    let rest = text.get(t.end..sentence.end)?;
    let end = rest
        .find([',', ';', '—', '–'])
        .map_or(sentence.end, |k| t.end + k);
    Some((start, end))
}

fn date_mention(
    text: &str,
    t: &TimexMention,
    anchor: Option<NaiveDate>,
) -> Option<(When, &'static str)> {
    let since = preceded_by(text, t.start, "since");
    let surface = text.get(t.start..t.end).unwrap_or("").to_ascii_lowercase();
    let fuzzy = [
        "early",
        "late",
        "mid",
        "about",
        "around",
        "some time",
        "sometime",
    ]
    .iter()
    .any(|m| surface.starts_with(m));
    let (basis, rule) = match (t.refers_to, since) {
        (Some(_), _) => (WhenBasis::Anaphora, "date:anaphora"),
        (None, true) => (WhenBasis::Mention, "date:since"),
        (None, false) => (WhenBasis::Mention, "date:mention"),
    };
    let when = when_of_mention(
        &t.value,
        anchor,
        since,
        fuzzy,
        basis,
        Span {
            start: t.start,
            end: t.end,
        },
    )?;
    Some((when, rule))
}

/// "Asked by reporters at the time ..., the president replied": a sentence that opens with a
/// participle clause carrying a time gives that time to the main clause's cue too. Returns the
/// opening attribution, if the sentence has one before `index`.
fn opening_clause(
    text: &str,
    sentence: Sentence,
    in_sentence: &[usize],
    attributions: &[Attribution],
    index: usize,
) -> Option<usize> {
    in_sentence.iter().copied().find(|&j| {
        let a = &attributions[j];
        a.cue.start < attributions[index].cue.start
            && text
                .get(sentence.start..a.cue.start)
                .is_some_and(|before| before.trim().is_empty())
    })
}

/// "..., when he said ...": a cue in a "when" clause happened at the time named before it.
fn when_clause_date(
    text: &str,
    sentence: Sentence,
    datable: &[&TimexMention],
    attribution: &Attribution,
    anchor: Option<NaiveDate>,
) -> Option<(When, &'static str)> {
    let clause_start = attribution.source.map_or(attribution.cue.start, |s| {
        s.start.min(attribution.cue.start)
    });
    let reach_start = floor_char_boundary(
        text,
        clause_start
            .saturating_sub(WHEN_CLAUSE_REACH)
            .max(sentence.start),
    );
    let before = text.get(reach_start..clause_start)?.to_ascii_lowercase();
    if !before.contains("when ") {
        return None;
    }
    let from = datable.partition_point(|t| t.start < sentence.start);
    let to = datable.partition_point(|t| t.start < clause_start);
    let earlier = datable[from..to.max(from)]
        .iter()
        .filter(|t| t.end <= clause_start)
        .max_by_key(|t| t.start)?;
    let mut when = when_of_mention(
        &earlier.value,
        anchor,
        false,
        true,
        WhenBasis::Anaphora,
        Span {
            start: earlier.start,
            end: earlier.end,
        },
    )?;
    when.approximate = true;
    Some((when, "date:when-clause"))
}

fn build_event(
    text: &str,
    sentence: Sentence,
    a: &Attribution,
    when: When,
    date_rule: &str,
    n: usize,
) -> Event {
    let slice = |s: Option<crate::extract::attribution::Span>| {
        s.and_then(|s| text.get(s.start..s.end)).map(str::trim)
    };
    let cue_text = text.get(a.cue.start..a.cue.end).unwrap_or("").to_string();
    let quote =
        slice(a.quote).map(|q| q.trim_matches(|c| matches!(c, '"' | '“' | '”')).to_string());
    let content = slice(a.content).map(str::to_string);
    let actor = match &a.speaker {
        Some(speaker) => Actor {
            name: speaker.name.clone(),
            canonical: speaker.name.clone(),
            role: speaker.role.clone(),
        },
        None => {
            let name = slice(a.source)
                .map(str::to_string)
                .or_else(|| passive_agent(text, a.cue.end))
                .unwrap_or_else(|| "Unnamed source".to_string());
            Actor {
                canonical: name.clone(),
                name,
                role: None,
            }
        }
    };
    let summary = match (&quote, &content) {
        (Some(q), _) => cut(&format!("{cue_text}: “{q}”"), SUMMARY_CHARS),
        (None, Some(c)) => cut(&format!("{cue_text} {c}"), SUMMARY_CHARS),
        (None, None) => cue_text.clone(),
    };
    let kind = match a.kind {
        AttributionKind::Statement => EventKind::Statement,
        AttributionKind::Action => EventKind::Action,
    };
    let span = |s: crate::extract::attribution::Span| Span {
        start: s.start,
        end: s.end,
    };
    let mut rules: Vec<String> = a.rules.iter().map(|r| r.to_string()).collect();
    rules.push(date_rule.to_string());
    Event {
        id: format!("e{n}"),
        document_id: None,
        kind,
        actor,
        cue_text,
        quote,
        summary,
        when,
        confidence: a.confidence,
        rules,
        source: a.source.map(span),
        cue: span(a.cue),
        content: a.content.map(span),
        sentence: Span {
            start: sentence.start,
            end: sentence.end,
        },
        sentence_text: text
            .get(sentence.start..sentence.end)
            .unwrap_or("")
            .to_string(),
    }
}

/// "Asked by reporters ...": the agent named right after a passive cue, up to the next
/// preposition or punctuation.
fn passive_agent(text: &str, cue_end: usize) -> Option<String> {
    const STOP: [&str; 8] = ["at", "on", "in", "if", "whether", "about", "for", "during"];
    let rest = text.get(cue_end..)?.trim_start().strip_prefix("by ")?;
    let words: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| !STOP.contains(&w.to_ascii_lowercase().as_str()))
        .take(6)
        .collect();
    let mut agent = words.join(" ");
    if let Some(cut) = agent.find([',', ';', '.', '“', '"']) {
        agent.truncate(cut);
    }
    let agent = agent.trim();
    (!agent.is_empty()).then(|| agent.to_string())
}

/// Words that put what follows in the future: "will sign", "plans to", "is expected to".
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "'ll",
    "’ll",
    "shall",
    "would",
    "to",
    "going",
    "expected",
    "expects",
    "plans",
    "planned",
    "scheduled",
    "set",
    "could",
    "may",
    "might",
    "intends",
];

/// Whether the cue, or one of the three words before it in its sentence, looks ahead ("to"
/// only before the cue: "according to" does not).
fn future_marked(text: &str, sentence: Sentence, cue: crate::extract::attribution::Span) -> bool {
    let from = floor_char_boundary(text, cue.start.saturating_sub(40).max(sentence.start));
    let Some(before) = text.get(from..cue.start) else {
        return false;
    };
    let cue_text = text.get(cue.start..cue.end).unwrap_or("");
    let before = before.split_whitespace().rev().take(3).map(|w| (w, true));
    let within = cue_text.split_whitespace().map(|w| (w, false));
    before.chain(within).any(|(w, before_cue)| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let lower = w.to_lowercase();
        (FUTURE_MARKERS.contains(&lower.as_str()) && (before_cue || lower != "to"))
            || FUTURE_MARKERS
                .iter()
                .any(|m| m.starts_with(['\'', '’']) && lower.ends_with(m))
    })
}

/// Whether `word` ends right before `at` (ignoring spaces), case-insensitively.
fn preceded_by(text: &str, at: usize, word: &str) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end();
    before.len() >= word.len()
        && before.is_char_boundary(before.len() - word.len())
        && before[before.len() - word.len()..].eq_ignore_ascii_case(word)
        && before[..before.len() - word.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
    // The gap between two spans; zero when they touch or overlap.
    b.0.saturating_sub(a.1).max(a.0.saturating_sub(b.1))
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn cut(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let mut out: String = text.chars().take(max_chars - 1).collect();
    if let Some(space) = out.rfind(' ') {
        out.truncate(space);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preceded_by_matches_whole_words() {
        let text = "called for force since 2019, and convince 2020";
        assert!(preceded_by(text, text.find("2019").unwrap(), "since"));
        assert!(!preceded_by(text, text.find("2020").unwrap(), "since"));
        assert!(!preceded_by(text, 0, "since"));
    }

    #[test]
    fn passive_agents_stop_at_prepositions() {
        let text = "Asked by reporters at the time if he would";
        assert_eq!(passive_agent(text, 5).as_deref(), Some("reporters"));
        assert_eq!(
            passive_agent("Asked by the Senate committee, she", 5).as_deref(),
            Some("the Senate committee")
        );
        assert_eq!(passive_agent("Asked whether", 5), None);
    }

    #[test]
    fn distance_between_spans() {
        assert_eq!(distance((0, 5), (10, 12)), 5);
        assert_eq!(distance((10, 12), (0, 5)), 5);
        assert_eq!(distance((0, 5), (3, 8)), 0);
    }

    #[test]
    fn cut_keeps_words_whole() {
        assert_eq!(cut("a  b\nc", 10), "a b c");
        let long = cut(&"word ".repeat(50), 20);
        assert!(long.ends_with('…') && long.chars().count() <= 20);
    }

    #[test]
    fn a_time_in_the_source_does_not_date_the_statement() {
        let anchor = NaiveDate::from_ymd_opt(2025, 2, 18);
        let text =
            "The CIA has sent drones over Mexico, according to former and current officials.";
        let out = crate::extract::extract(text, anchor);
        let cue = out
            .events
            .iter()
            .find(|e| e.cue_text == "according to")
            .expect("the according-to statement");
        assert_eq!(cue.when.basis, WhenBasis::Reported);
        assert_eq!(cue.when.value, "2025-02-18");
        // Nor does it date the other event of the sentence.
        assert!(
            out.events.iter().all(|e| e.when.value != "PRESENT_REF"),
            "{:?}",
            out.events
        );
        // A time after the cue, outside the source, still dates it.
        let text = "The CIA may use drones for strikes, officials said Friday.";
        let out = crate::extract::extract(text, anchor);
        let said = out.events.iter().find(|e| e.cue_text.starts_with("said"));
        assert_eq!(said.map(|e| e.when.value.as_str()), Some("2025-02-14"));
    }

    /// The date of the event whose cue text starts with `cue`.
    fn when_of(text: &str, anchor: Option<NaiveDate>, cue: &str) -> (String, WhenBasis) {
        let out = crate::extract::extract(text, anchor);
        let e = out
            .events
            .iter()
            .find(|e| e.cue_text.starts_with(cue))
            .unwrap_or_else(|| panic!("{cue}: {:?}", out.events));
        (e.when.value.clone(), e.when.basis)
    }

    #[test]
    fn a_time_in_what_a_statement_reports_dates_only_that_report() {
        let anchor = NaiveDate::from_ymd_opt(2016, 2, 20);
        // The 1900s are the tale's, not the defending's.
        let text = "Trump was defending his record at a rally when he told the tale of Gen. John Pershing in the early 1900s.";
        assert_eq!(
            when_of(text, anchor, "was defending"),
            ("2016-02-20".to_string(), WhenBasis::Reported)
        );
        // The same speaker going on takes it.
        let text = "Podesta reiterated that approach in his interview last week, saying Clinton was committed.";
        assert_eq!(when_of(text, anchor, "saying").0, "2016-W06");
        // Quoted words are the speaker's alone.
        let text =
            "“We can do good things between now and then,” he said, arguing that contests help.";
        assert_eq!(when_of(text, anchor, "arguing").1, WhenBasis::Reported);
        // "According to" frames the main clause, whose time is not the source's.
        let text = "According to federal data, births rose threefold since the 1960s.";
        assert_eq!(when_of(text, anchor, "According").1, WhenBasis::Reported);
        // "According to" frames the main clause, whose time dates what is in it.
        let text = "The relatives watched the videos on Thursday, according to their attorneys, and said they had questions.";
        assert_eq!(when_of(text, anchor, "said").0, "2016-02-18");
    }

    #[test]
    fn a_time_in_a_relative_clause_dates_only_that_clause() {
        let anchor = NaiveDate::from_ymd_opt(2016, 1, 16);
        let text = "Bob said he had not seen the movie, which opened Friday.";
        assert_eq!(
            when_of(text, anchor, "said"),
            ("2016-01-16".to_string(), WhenBasis::Reported)
        );
        let text = "Cruz is praising Jeb Bush, who ended his bid on Saturday, as a decent man.";
        assert_eq!(when_of(text, anchor, "is praising").1, WhenBasis::Reported);
        // A cue inside the clause takes it; a clause that is no relative one leaves it.
        let text = "Sanders, who endorsed Canova in late May and said he would campaign with him, stayed home.";
        assert_eq!(when_of(text, anchor, "said").0, "2015-05");
        let text = "Bob said on Friday, after a long silence, that he had seen it.";
        assert_eq!(when_of(text, anchor, "said").0, "2016-01-15");
    }

    #[test]
    fn a_duration_later_counts_from_the_last_date_named() {
        let anchor = NaiveDate::from_ymd_opt(2025, 2, 21);
        let text =
            "On Jan. 20, Trump signed the order. Two days later, Sheinbaum said she would respond.";
        assert_eq!(
            when_of(text, anchor, "said"),
            ("2025-01-22".to_string(), WhenBasis::Anaphora)
        );
        let text =
            "On Jan. 20, Trump signed the order. A week later, Sheinbaum said she would respond.";
        assert_eq!(when_of(text, anchor, "said").0, "2025-01-27");
        // With no date before it, or none fine enough, it dates nothing.
        let text = "Trump signed the order. Two days later, Sheinbaum said she would respond.";
        assert_eq!(when_of(text, anchor, "said").1, WhenBasis::Reported);
        let text =
            "Trump signed the order in January. A week later, Sheinbaum said she would respond.";
        assert_eq!(when_of(text, anchor, "said").1, WhenBasis::Reported);
        // TimeML still sees only the duration.
        let tagged = crate::extract::timex::tag(text, anchor);
        assert!(tagged.iter().any(|t| &text[t.start..t.end] == "A week"));
    }

    #[test]
    fn a_reported_event_is_not_dated_after_publication_unless_it_looks_ahead() {
        let anchor = NaiveDate::from_ymd_opt(2015, 12, 23);
        let text = "Carson said he plans to present a strategy after Christmas, insisting that the threat is growing.";
        assert_eq!(
            when_of(text, anchor, "insisting"),
            ("2015-12-23".to_string(), WhenBasis::Reported)
        );
        // "Soon" looks ahead too, though it starts today.
        let text = "Mr. Putin forecast that the slumping economy would soon rebound and praised efforts by Secretary of State John Kerry.";
        assert_eq!(when_of(text, anchor, "praised").1, WhenBasis::Reported);
        let text = "Trump will announce on Christmas Eve that he is running.";
        assert_eq!(
            when_of(text, anchor, "will announce"),
            ("2015-12-24".to_string(), WhenBasis::Mention)
        );
    }
}
