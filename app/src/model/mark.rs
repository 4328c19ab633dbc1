pub mod columns;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Event, EventKind, Precision, When, WhenBasis};

/// One event as the timeline draws and lists it: its date, lane keys and summary. The page
/// carries only these; the full event (sentence, spans, rules) is fetched when it is selected,
/// so a page of 10,000 events stays small. On the wire a list of marks is written as
/// [`columns`].
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub id: String,
    pub document_id: Option<i64>,
    pub kind: EventKind,
    /// Index into [`super::TimelineData::actors`].
    pub actor: usize,
    pub summary: String,
    pub when: MarkWhen,
}

/// An actor as lanes and lists show it: the canonical name and a role.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorInfo {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// [`When`] without the mention span and, for plain dates, without the TIMEX3 value: what the
/// timeline needs to place a mark and write its date label.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkWhen {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    /// Bits: 1 approximate, 2 open end, 4 reported, 8 anaphora.
    pub flags: u8,
    /// The TIMEX3 value, kept only for the fuzzy references the label names ("PAST_REF").
    pub reference: Option<String>,
}

const APPROXIMATE: u8 = 1;
const OPEN_END: u8 = 2;
const REPORTED: u8 = 4;
const ANAPHORA: u8 = 8;

impl MarkWhen {
    pub fn approximate(&self) -> bool {
        self.flags & APPROXIMATE != 0
    }

    pub fn open_end(&self) -> bool {
        self.flags & OPEN_END != 0
    }

    /// A point mark: one day, not running on.
    pub fn is_point(&self) -> bool {
        self.start == self.end && !self.open_end()
    }

    /// The full date again, for its label ("week of Feb. 10, 2025", "c. 2019").
    pub fn to_when(&self) -> When {
        let basis = if self.flags & REPORTED != 0 {
            WhenBasis::Reported
        } else if self.flags & ANAPHORA != 0 {
            WhenBasis::Anaphora
        } else {
            WhenBasis::Mention
        };
        When {
            value: self.reference.clone().unwrap_or_default(),
            start: self.start,
            end: self.end,
            precision: self.precision,
            approximate: self.approximate(),
            basis,
            open_end: self.open_end(),
            mention: None,
        }
    }

    /// The date label, as [`When::label`] writes it.
    pub fn label(&self) -> String {
        self.to_when().label()
    }
}

impl From<&When> for MarkWhen {
    fn from(when: &When) -> Self {
        let mut flags = 0;
        if when.approximate {
            flags |= APPROXIMATE;
        }
        if when.open_end {
            flags |= OPEN_END;
        }
        match when.basis {
            WhenBasis::Reported => flags |= REPORTED,
            WhenBasis::Anaphora => flags |= ANAPHORA,
            WhenBasis::Mention => {}
        }
        let reference = when.value.ends_with("_REF").then(|| when.value.clone());
        Self {
            start: when.start,
            end: when.end,
            precision: when.precision,
            flags,
            reference,
        }
    }
}

/// Events as marks, with the table of actors the marks point into (in order of first use).
pub fn marks_of<'a>(events: impl IntoIterator<Item = &'a Event>) -> (Vec<Mark>, Vec<ActorInfo>) {
    let mut actors: Vec<ActorInfo> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let marks = events
        .into_iter()
        .map(|e| {
            let actor = *index.entry(e.actor.canonical.as_str()).or_insert_with(|| {
                actors.push(ActorInfo {
                    name: e.actor.canonical.clone(),
                    role: None,
                });
                actors.len() - 1
            });
            if actors[actor].role.is_none() {
                actors[actor].role = e.actor.role.clone();
            }
            Mark {
                id: e.id.clone(),
                document_id: e.document_id,
                kind: e.kind,
                actor,
                summary: e.summary.clone(),
                when: MarkWhen::from(&e.when),
            }
        })
        .collect();
    (marks, actors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_dates_keep_their_labels() {
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        let cases = [
            When {
                value: "2025-W07".into(),
                start: d(2, 10),
                end: d(2, 16),
                precision: Precision::Week,
                approximate: true,
                basis: WhenBasis::Mention,
                open_end: false,
                mention: None,
            },
            When {
                value: "PAST_REF".into(),
                start: d(1, 1),
                end: d(2, 18),
                precision: Precision::Month,
                approximate: true,
                basis: WhenBasis::Mention,
                open_end: false,
                mention: None,
            },
            When {
                value: "2025-02-18".into(),
                start: d(2, 18),
                end: d(2, 18),
                precision: Precision::Day,
                approximate: true,
                basis: WhenBasis::Reported,
                open_end: false,
                mention: None,
            },
            When {
                value: "2019".into(),
                start: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
                end: d(2, 18),
                precision: Precision::Year,
                approximate: true,
                basis: WhenBasis::Anaphora,
                open_end: true,
                mention: None,
            },
        ];
        for when in cases {
            let mark = MarkWhen::from(&when);
            assert_eq!(mark.label(), when.label());
            assert_eq!(mark.approximate(), when.approximate);
            assert_eq!(mark.open_end(), when.open_end);
            assert_eq!(mark.to_when().basis, when.basis);
        }
    }
}
