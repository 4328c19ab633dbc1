//! The wire form of a timeline's marks: one array per field instead of one object per mark, dates
//! as day numbers (each start relative to the one before), kinds and precisions as one letter
//! each, and flags and references listed only for the marks that have them. A page of 100,000
//! marks carries no field name 100,000 times, and the browser decodes it faster.
//! Use it as `#[serde(with = "columns")]` on a `Vec<Mark>`.

use chrono::{Datelike, NaiveDate};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Mark, MarkWhen};
use crate::model::{EventKind, Precision};

/// The marks as columns. `S` is `&str` when writing, `String` when reading.
#[derive(Serialize, Deserialize)]
struct Columns<S> {
    /// Event ids.
    id: Vec<S>,
    /// Document ids (`null` for none).
    doc: Vec<Option<i64>>,
    /// One letter per mark: `s` statement, `a` action.
    kind: String,
    /// Index into the timeline's actors.
    actor: Vec<usize>,
    summary: Vec<S>,
    /// Start day (days since 1 Jan 1 CE) minus the previous mark's start day.
    start: Vec<i64>,
    /// End day minus start day.
    length: Vec<i64>,
    /// One letter per mark: see [`precision_letter`].
    precision: String,
    /// `[mark, flags]` for the marks whose flags are not zero.
    flags: Vec<(usize, u8)>,
    /// `[mark, TIMEX3 value]` for the marks that keep one.
    reference: Vec<(usize, S)>,
}

fn precision_letter(p: Precision) -> char {
    match p {
        Precision::Day => 'd',
        Precision::Week => 'w',
        Precision::Month => 'm',
        Precision::Quarter => 'q',
        Precision::Year => 'y',
        Precision::Decade => 'c',
    }
}

fn precision_of(letter: char) -> Option<Precision> {
    Some(match letter {
        'd' => Precision::Day,
        'w' => Precision::Week,
        'm' => Precision::Month,
        'q' => Precision::Quarter,
        'y' => Precision::Year,
        'c' => Precision::Decade,
        _ => return None,
    })
}

fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

fn date_of(day: i64) -> Option<NaiveDate> {
    i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

pub fn serialize<S: Serializer>(marks: &[Mark], serializer: S) -> Result<S::Ok, S::Error> {
    let mut previous = 0;
    let mut start = Vec::with_capacity(marks.len());
    for m in marks {
        let day = day_number(m.when.start);
        start.push(day - previous);
        previous = day;
    }
    Columns {
        id: marks.iter().map(|m| m.id.as_str()).collect(),
        doc: marks.iter().map(|m| m.document_id).collect(),
        kind: marks
            .iter()
            .map(|m| match m.kind {
                EventKind::Statement => 's',
                EventKind::Action => 'a',
            })
            .collect(),
        actor: marks.iter().map(|m| m.actor).collect(),
        summary: marks.iter().map(|m| m.summary.as_str()).collect(),
        start,
        length: marks
            .iter()
            .map(|m| day_number(m.when.end) - day_number(m.when.start))
            .collect(),
        precision: marks
            .iter()
            .map(|m| precision_letter(m.when.precision))
            .collect(),
        flags: marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.when.flags != 0)
            .map(|(i, m)| (i, m.when.flags))
            .collect(),
        reference: marks
            .iter()
            .enumerate()
            .filter_map(|(i, m)| m.when.reference.as_deref().map(|r| (i, r)))
            .collect(),
    }
    .serialize(serializer)
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Mark>, D::Error> {
    let c = Columns::<String>::deserialize(deserializer)?;
    let n = c.id.len();
    let kinds: Vec<char> = c.kind.chars().collect();
    let precisions: Vec<char> = c.precision.chars().collect();
    let lengths = [
        c.doc.len(),
        kinds.len(),
        c.actor.len(),
        c.summary.len(),
        c.start.len(),
        c.length.len(),
        precisions.len(),
    ];
    if lengths.iter().any(|&l| l != n) {
        return Err(D::Error::custom(format!(
            "mark columns of unequal lengths: {n} ids, others {lengths:?}"
        )));
    }
    let mut marks = Vec::with_capacity(n);
    let mut day = 0i64;
    let columns = c.id.into_iter().zip(c.doc).zip(c.actor).zip(c.summary);
    for (i, (((id, document_id), actor), summary)) in columns.enumerate() {
        day = day
            .checked_add(c.start[i])
            .ok_or_else(|| D::Error::custom("a mark's start day is out of range"))?;
        let start = date_of(day);
        let end = day.checked_add(c.length[i]).and_then(date_of);
        let (Some(start), Some(end)) = (start, end) else {
            return Err(D::Error::custom(format!(
                "mark {i} has a date out of range"
            )));
        };
        let kind = match kinds[i] {
            's' => EventKind::Statement,
            'a' => EventKind::Action,
            other => return Err(D::Error::custom(format!("unknown mark kind {other:?}"))),
        };
        let precision = precision_of(precisions[i])
            .ok_or_else(|| D::Error::custom(format!("unknown precision {:?}", precisions[i])))?;
        marks.push(Mark {
            id,
            document_id,
            kind,
            actor,
            summary,
            when: MarkWhen {
                start,
                end,
                precision,
                flags: 0,
                reference: None,
            },
        });
    }
    for (i, flags) in c.flags {
        let mark = marks
            .get_mut(i)
            .ok_or_else(|| D::Error::custom(format!("flags for mark {i} of {n}")))?;
        mark.when.flags = flags;
    }
    for (i, reference) in c.reference {
        let mark = marks
            .get_mut(i)
            .ok_or_else(|| D::Error::custom(format!("a reference for mark {i} of {n}")))?;
        mark.when.reference = Some(reference);
    }
    Ok(marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Wire {
        #[serde(with = "super")]
        marks: Vec<Mark>,
    }

    fn mark(i: usize, start: (i32, u32, u32), days: u64, flags: u8) -> Mark {
        let start = NaiveDate::from_ymd_opt(start.0, start.1, start.2).unwrap();
        Mark {
            id: format!("{}-{i}", i % 7),
            document_id: (!i.is_multiple_of(5)).then_some(i as i64 % 7),
            kind: if i.is_multiple_of(3) {
                EventKind::Action
            } else {
                EventKind::Statement
            },
            actor: i % 4,
            summary: format!("said \"thing\" number {i} — ünïcode"),
            when: MarkWhen {
                start,
                end: start + chrono::Days::new(days),
                precision: [Precision::Day, Precision::Week, Precision::Decade][i % 3],
                flags,
                reference: (flags & 1 != 0).then(|| "PAST_REF".to_string()),
            },
        }
    }

    #[test]
    fn marks_round_trip_through_columns() {
        let marks = vec![
            mark(0, (2025, 2, 14), 0, 0),
            mark(1, (2019, 1, 1), 2240, 3),
            mark(2, (2025, 2, 10), 6, 1),
            mark(3, (1, 1, 1), 0, 12),
            mark(4, (9999, 12, 31), 0, 0),
        ];
        let wire = Wire { marks };
        let json = serde_json::to_string(&wire).unwrap();
        assert_eq!(serde_json::from_str::<Wire>(&json).unwrap(), wire);
        assert_eq!(
            serde_json::from_str::<Wire>(r#"{"marks":{"id":[],"doc":[],"kind":"","actor":[],"summary":[],"start":[],"length":[],"precision":"","flags":[],"reference":[]}}"#)
                .unwrap()
                .marks,
            vec![]
        );
    }

    #[test]
    fn columns_are_much_smaller_than_one_object_per_mark() {
        let marks: Vec<Mark> = (0..1000)
            .map(|i| mark(i, (2020, 1, 1 + (i % 28) as u32), (i % 3) as u64, 0))
            .collect();
        let columns = serde_json::to_string(&Wire {
            marks: marks.clone(),
        })
        .unwrap();
        // The same marks written the obvious way, one object each.
        let objects = serde_json::to_string(
            &marks
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "id": m.id, "doc": m.document_id, "kind": m.kind, "actor": m.actor,
                        "summary": m.summary, "start": m.when.start, "end": m.when.end,
                        "precision": m.when.precision,
                    })
                })
                .collect::<Vec<_>>(),
        )
        .unwrap();
        assert!(
            columns.len() * 10 < objects.len() * 6,
            "{} bytes as columns, {} as objects",
            columns.len(),
            objects.len()
        );
    }

    #[test]
    fn malformed_columns_are_errors_not_panics() {
        let bad = [
            // Unequal lengths.
            r#"{"marks":{"id":["a","b"],"doc":[null],"kind":"s","actor":[0],"summary":["x"],"start":[1],"length":[0],"precision":"d","flags":[],"reference":[]}}"#,
            // Flags for a mark that is not there.
            r#"{"marks":{"id":["a"],"doc":[null],"kind":"s","actor":[0],"summary":["x"],"start":[700000],"length":[0],"precision":"d","flags":[[5,1]],"reference":[]}}"#,
            // Unknown letters and dates out of range.
            r#"{"marks":{"id":["a"],"doc":[null],"kind":"z","actor":[0],"summary":["x"],"start":[700000],"length":[0],"precision":"d","flags":[],"reference":[]}}"#,
            r#"{"marks":{"id":["a"],"doc":[null],"kind":"s","actor":[0],"summary":["x"],"start":[700000],"length":[0],"precision":"?","flags":[],"reference":[]}}"#,
            r#"{"marks":{"id":["a"],"doc":[null],"kind":"s","actor":[0],"summary":["x"],"start":[9223372036854775807],"length":[1],"precision":"d","flags":[],"reference":[]}}"#,
            r#"{"marks":{"id":["a","b"],"doc":[null,null],"kind":"ss","actor":[0,0],"summary":["x","y"],"start":[9223372036854775807,9223372036854775807],"length":[0,0],"precision":"dd","flags":[],"reference":[]}}"#,
        ];
        for json in bad {
            assert!(serde_json::from_str::<Wire>(json).is_err(), "{json}");
        }
    }
}
