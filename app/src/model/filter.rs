use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Event, EventKind};

/// A selection of events, as written in URL queries (`?actor=&q=&from=&to=&doc=&kind=`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventFilter {
    /// Actor names, comma-separated; each matches part of the name or canonical name, ignoring case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// Free text searched in the summary, quote, sentence and actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// Events ending on or after this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Events starting on or before this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// Only this document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
}

impl EventFilter {
    /// The query keys a filter reads.
    pub const KEYS: [&'static str; 6] = ["actor", "q", "from", "to", "doc", "kind"];

    /// Whether the event passes every condition that is set.
    pub fn matches(&self, event: &Event) -> bool {
        let actors = self.actors();
        if !actors.is_empty() {
            // Roles are left out: "Trump" should not find "Trump's national security adviser".
            let fields = [event.actor.name.as_str(), event.actor.canonical.as_str()];
            let wanted = actors
                .iter()
                .any(|a| fields.iter().any(|f| contains_ignore_case(f, a)));
            if !wanted {
                return false;
            }
        }
        if let Some(q) = self.q.as_deref().filter(|q| !q.trim().is_empty()) {
            let haystacks = [
                event.summary.as_str(),
                event.sentence_text.as_str(),
                event.actor.name.as_str(),
                event.actor.canonical.as_str(),
                event.quote.as_deref().unwrap_or(""),
            ];
            // Every word must appear somewhere: "trump order" finds the signing.
            let all_words = q
                .split_whitespace()
                .all(|w| haystacks.iter().any(|h| contains_ignore_case(h, w)));
            if !all_words {
                return false;
            }
        }
        if self.from.is_some_and(|from| event.when.end < from) {
            return false;
        }
        if self.to.is_some_and(|to| event.when.start > to) {
            return false;
        }
        if self.doc.is_some_and(|doc| event.document_id != Some(doc)) {
            return false;
        }
        if self.kind.is_some_and(|kind| event.kind != kind) {
            return false;
        }
        true
    }

    /// The actor names asked for, one per comma-separated part.
    pub fn actors(&self) -> Vec<&str> {
        self.actor
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .collect()
    }

    /// Whether no condition is set.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The filter as a URL query without the leading `?` (empty when no condition is set).
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(a) = &self.actor {
            pairs.push(("actor", a.clone()));
        }
        if let Some(q) = &self.q {
            pairs.push(("q", q.clone()));
        }
        if let Some(d) = self.from {
            pairs.push(("from", d.to_string()));
        }
        if let Some(d) = self.to {
            pairs.push(("to", d.to_string()));
        }
        if let Some(d) = self.doc {
            pairs.push(("doc", d.to_string()));
        }
        if let Some(k) = self.kind {
            pairs.push(("kind", k.as_str().to_string()));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", urlencoding::encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads a filter from query parameters; unparsable values are ignored, as a URL typed by hand
    /// should still show a timeline.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut filter = Self::default();
        for (key, value) in pairs {
            // A bad value leaves that condition unset.
            let _ = filter.set(key, value);
        }
        filter
    }

    /// Reads a filter from query parameters, refusing values that do not parse (for the API,
    /// where a typo should be an error rather than a silently wider result).
    pub fn try_from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, String> {
        let mut filter = Self::default();
        for (key, value) in pairs {
            filter.set(key, value)?;
        }
        Ok(filter)
    }

    /// Sets one condition from its query form; unknown keys are ignored, empty values unset.
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(());
        }
        let date = |v: &str| {
            v.parse::<NaiveDate>()
                .map_err(|_| format!("{key}: {v:?} is not a date (YYYY-MM-DD)"))
        };
        match key {
            // A multiple select sends one `actor` per choice: keep them all.
            "actor" => {
                self.actor = Some(match self.actor.take() {
                    Some(previous) => format!("{previous},{value}"),
                    None => value.to_string(),
                })
            }
            "q" => self.q = Some(value.to_string()),
            "from" => self.from = Some(date(value)?),
            "to" => self.to = Some(date(value)?),
            "doc" => {
                self.doc = Some(
                    value
                        .parse()
                        .map_err(|_| format!("doc: {value:?} is not a document id"))?,
                )
            }
            "kind" => {
                self.kind = Some(
                    EventKind::parse(value)
                        .ok_or_else(|| format!("kind: {value:?} is not statement or action"))?,
                )
            }
            _ => {}
        }
        Ok(())
    }
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trips() {
        let filter = EventFilter {
            actor: Some("Trump, Sheinbaum".into()),
            q: Some("war & peace".into()),
            from: NaiveDate::from_ymd_opt(2019, 1, 1),
            to: NaiveDate::from_ymd_opt(2025, 2, 18),
            doc: Some(3),
            kind: Some(EventKind::Statement),
        };
        let query = filter.to_query();
        let decoded: Vec<(String, String)> = query
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_string(), urlencoding::decode(v).unwrap().into_owned())
            })
            .collect();
        let back = EventFilter::from_pairs(decoded.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, filter);
    }

    #[test]
    fn repeated_actors_add_up() {
        let f = EventFilter::from_pairs([("actor", "Trump"), ("q", "x"), ("actor", "Sheinbaum")]);
        assert_eq!(f.actor.as_deref(), Some("Trump,Sheinbaum"));
        assert_eq!(f.actors(), ["Trump", "Sheinbaum"]);
    }

    #[test]
    fn bad_values_are_ignored() {
        let f = EventFilter::from_pairs([("from", "yesterday"), ("kind", "x"), ("doc", "a")]);
        assert!(f.is_empty());
        let err = EventFilter::try_from_pairs([("from", "yesterday")]).unwrap_err();
        assert_eq!(err, "from: \"yesterday\" is not a date (YYYY-MM-DD)");
    }
}
