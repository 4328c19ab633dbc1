//! PolNeAR attribution measures: Source, Cue and Content span F1 (exact and overlapping) and
//! end-to-end statement F1, as the reference scorer defines them.

use std::collections::HashMap;
use std::path::Path;

use app::model::EventKind;
use chrono::NaiveDate;

use super::{char_span, f1, files_in, overlaps, read, EvalError};

/// The fallback publication date the reference scorer uses for documents missing from metadata.
const DEFAULT_PUBLISHED: &str = "2016-01-01";
const ROLES: [&str; 3] = ["Source", "Cue", "Content"];

/// One gold document: its text, publication date and attributions (role → character span).
struct GoldDoc {
    text: String,
    published: NaiveDate,
    gold: Vec<HashMap<String, (usize, usize)>>,
}

/// The figures, keyed as the reference scorer prints them.
#[derive(Debug, Default)]
pub struct AttributionScores {
    pub figures: Vec<(String, f64)>,
    pub gold_attributions: usize,
    pub system_statements: usize,
    pub documents: usize,
}

impl AttributionScores {
    /// A figure by name, e.g. `statement_f1`.
    pub fn get(&self, name: &str) -> f64 {
        self.figures
            .iter()
            .find(|(k, _)| k == name)
            .map_or(0.0, |(_, v)| *v)
    }
}

fn load_metadata(path: &Path) -> Result<HashMap<String, String>, EvalError> {
    let text = read(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name);
    let (Some(file_col), Some(date_col)) = (column("filename"), column("publication_date")) else {
        return Err(EvalError::Parse {
            path: path.to_path_buf(),
            message: "needs filename and publication_date columns".into(),
        });
    };
    Ok(lines
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            Some((
                cells.get(file_col)?.to_string(),
                cells.get(date_col)?.to_string(),
            ))
        })
        .collect())
}

/// Reads one brat `.ann` file. Lines that do not fit the format are skipped, as a partly broken
/// annotation file should not stop the evaluation.
fn parse_ann(ann: &str) -> Vec<HashMap<String, (usize, usize)>> {
    let mut spans: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut gold = Vec::new();
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let id = fields[0];
        if id.starts_with('T') {
            let Some((_, ranges)) = fields.get(1).and_then(|f| f.split_once(' ')) else {
                continue;
            };
            let bounds: Vec<usize> = ranges
                .split(';')
                .flat_map(|r| r.split(' '))
                .filter_map(|x| x.parse().ok())
                .collect();
            if let (Some(&lo), Some(&hi)) = (bounds.iter().min(), bounds.iter().max()) {
                spans.insert(id, (lo, hi)); // a broken span counts as its hull
            }
        } else if id.starts_with('E') {
            let Some(roles) = fields.get(1) else { continue };
            let mut attribution = HashMap::new();
            for part in roles.split_whitespace().skip(1) {
                if let Some((role, target)) = part.split_once(':') {
                    if let Some(&span) = spans.get(target) {
                        attribution.insert(role.to_string(), span);
                    }
                }
            }
            gold.push(attribution);
        }
    }
    gold
}

fn load_split(dir: &Path, published: &HashMap<String, String>) -> Result<Vec<GoldDoc>, EvalError> {
    let mut docs: Vec<(String, GoldDoc)> = Vec::new();
    for ann in files_in(&dir.join("attributions"), "ann")? {
        let stem = ann
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The annotator's code follows the last underscore; the first annotator's reading counts.
        let base = stem
            .rsplit_once('_')
            .map_or(stem.as_str(), |(b, _)| b)
            .to_string();
        if docs.iter().any(|(name, _)| *name == base) {
            continue;
        }
        let text = read(&dir.join("text").join(format!("{base}.txt")))?;
        let date = published
            .get(&base)
            .map_or(DEFAULT_PUBLISHED, String::as_str);
        let published = date.parse().map_err(|_| EvalError::Parse {
            path: ann.clone(),
            message: format!("publication date {date:?}"),
        })?;
        docs.push((
            base,
            GoldDoc {
                text,
                published,
                gold: parse_ann(&read(&ann)?),
            },
        ));
    }
    Ok(docs.into_iter().map(|(_, d)| d).collect())
}

/// Extracts statements from every document of the splits and scores them.
pub fn run(splits: &[impl AsRef<Path>], metadata: &Path) -> Result<AttributionScores, EvalError> {
    let published = load_metadata(metadata)?;
    let mut docs = Vec::new();
    for split in splits {
        docs.extend(load_split(split.as_ref(), &published)?);
    }
    if docs.is_empty() {
        return Err(super::no_documents(splits));
    }
    let mut counts: HashMap<&str, [usize; 4]> = ROLES.iter().map(|r| (*r, [0; 4])).collect(); // gold, sys, exact, overlap
    let (mut e2e_gold, mut e2e_sys, mut e2e_matched) = (0, 0, 0);
    for doc in &docs {
        let extraction = crate::extract::extract(&doc.text, Some(doc.published));
        let system: Vec<HashMap<&str, (usize, usize)>> = extraction
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Statement)
            .map(|e| {
                let mut spans = HashMap::new();
                for (role, span) in [
                    ("Source", e.source),
                    ("Cue", Some(e.cue)),
                    ("Content", e.content),
                ] {
                    if let Some(c) = span
                        .and_then(|s| char_span(&doc.text, s.start, s.end))
                        .filter(|c| c.0 < c.1)
                    {
                        spans.insert(role, c);
                    }
                }
                spans
            })
            .collect();
        for role in ROLES {
            let gold: Vec<(usize, usize)> = doc
                .gold
                .iter()
                .filter_map(|g| g.get(role).copied())
                .collect();
            let sys: Vec<(usize, usize)> =
                system.iter().filter_map(|s| s.get(role).copied()).collect();
            let c = counts.get_mut(role).expect("every role has counts");
            c[0] += gold.len();
            c[1] += sys.len();
            // Exact: multiset intersection.
            let mut remaining: HashMap<(usize, usize), usize> = HashMap::new();
            for s in &sys {
                *remaining.entry(*s).or_default() += 1;
            }
            for g in &gold {
                if let Some(n) = remaining.get_mut(g).filter(|n| **n > 0) {
                    *n -= 1;
                    c[2] += 1;
                }
            }
            let mut used = vec![false; sys.len()];
            for g in &gold {
                if let Some(k) = (0..sys.len()).find(|&k| !used[k] && overlaps(*g, sys[k])) {
                    used[k] = true;
                    c[3] += 1;
                }
            }
        }
        e2e_gold += doc.gold.len();
        e2e_sys += system.len();
        let mut used = vec![false; system.len()];
        for g in &doc.gold {
            let Some(&content) = g.get("Content") else {
                continue;
            };
            let found = (0..system.len()).find(|&k| {
                let s = &system[k];
                !used[k]
                    && s.get("Content").is_some_and(|c| overlaps(content, *c))
                    && g.get("Source")
                        .is_none_or(|gs| s.get("Source").is_some_and(|ss| overlaps(*gs, *ss)))
            });
            if let Some(k) = found {
                used[k] = true;
                e2e_matched += 1;
            }
        }
    }
    let mut figures = Vec::new();
    for role in ROLES {
        let c = counts[role];
        let name = role.to_lowercase();
        figures.push((format!("{name}_exact_f1"), 100.0 * f1(c[2], c[0], c[1])));
        figures.push((format!("{name}_overlap_f1"), 100.0 * f1(c[3], c[0], c[1])));
    }
    figures.push((
        "statement_f1".into(),
        100.0 * f1(e2e_matched, e2e_gold, e2e_sys),
    ));
    Ok(AttributionScores {
        figures,
        gold_attributions: e2e_gold,
        system_statements: e2e_sys,
        documents: docs.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_events_collect_their_roles() {
        let ann = "T1\tSource 0 3\tBob\nT2\tCue 4 8\tsaid\nT3\tContent 9 12;14 20\tyes\nE1\tAttribution:T9 Source:T1 Cue:T2 Content:T3\nbroken line\n";
        let gold = parse_ann(ann);
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0]["Source"], (0, 3));
        assert_eq!(gold[0]["Content"], (9, 20), "a broken span is its hull");
        assert!(
            !gold[0].contains_key("Attribution"),
            "unknown targets are skipped"
        );
    }
}
