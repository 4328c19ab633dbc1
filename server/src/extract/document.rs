//! A document's metadata: front matter, sidecar files, datelines, and how its publication date
//! was found.

use std::path::Path;
use std::sync::LazyLock;

use anyhow::Context as _;

use app::model::PublishedBasis;
use chrono::NaiveDate;
use regex::Regex;

/// Metadata given with a document (front matter or a sidecar file).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentMeta {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// A document split into its metadata and body.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedDocument<'a> {
    pub meta: DocumentMeta,
    /// The text after the front matter; every offset refers to it.
    pub body: &'a str,
}

/// Why a document's metadata could not be read.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum DocumentError {
    #[error("the front matter opened with --- on line 1 is never closed by a --- line")]
    UnclosedFrontMatter,
    #[error("line {line}: {key}: {value:?} is not a date in the form YYYY-MM-DD")]
    BadDate {
        line: usize,
        key: String,
        value: String,
    },
    #[error("line {line}: expected `key: value`, found {text:?}")]
    BadLine { line: usize, text: String },
}

/// Splits optional front matter (`---`, `key: value` lines, `---`) from the body.
pub fn parse_document(raw: &str) -> Result<ParsedDocument<'_>, DocumentError> {
    let Some(after_open) = raw
        .strip_prefix("---\n")
        .or_else(|| raw.strip_prefix("---\r\n"))
    else {
        return Ok(ParsedDocument {
            meta: DocumentMeta::default(),
            body: raw,
        });
    };
    let mut offset = raw.len() - after_open.len();
    let mut block_end = None;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "---" {
            block_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let (end, body_start) = block_end.ok_or(DocumentError::UnclosedFrontMatter)?;
    let header = &raw[raw.len() - after_open.len()..end];
    // Line numbers count from the opening ---, which is line 1.
    let meta = parse_metadata_lines(header, 2)?;
    Ok(ParsedDocument {
        meta,
        body: &raw[body_start..],
    })
}

/// Reads `key: value` lines (a sidecar file's whole text). Blank lines and `#` comments are
/// skipped; unknown keys are ignored so metadata can grow.
pub fn parse_metadata(text: &str) -> Result<DocumentMeta, DocumentError> {
    parse_metadata_lines(text, 1)
}

fn parse_metadata_lines(text: &str, first_line: usize) -> Result<DocumentMeta, DocumentError> {
    let mut meta = DocumentMeta::default();
    for (i, line) in text.lines().enumerate() {
        let line_no = first_line + i;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            return Err(DocumentError::BadLine {
                line: line_no,
                text: trimmed.to_string(),
            });
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim().trim_matches('"').trim();
        let value = (!value.is_empty()).then(|| value.to_string());
        match key.as_str() {
            "title" => meta.title = value,
            "source" | "outlet" => meta.source = value,
            "url" => meta.url = value,
            "published" | "date" => {
                meta.published = match value {
                    Some(v) => Some(v.parse().map_err(|_| DocumentError::BadDate {
                        line: line_no,
                        key: key.clone(),
                        value: v.clone(),
                    })?),
                    None => None,
                }
            }
            _ => {}
        }
    }
    Ok(meta)
}

/// The metadata of the text file at `path`: its front matter, completed by a sidecar
/// `NAME.meta` beside `NAME.txt` where one exists (front matter wins key by key). The seed
/// loader and `annals extract` both read documents this way, so a sidecar's publication date
/// anchors the same dates in the app and on the command line.
pub fn with_sidecar(path: &Path, front: &DocumentMeta) -> anyhow::Result<DocumentMeta> {
    let sidecar = path.with_extension("meta");
    if sidecar == path || !sidecar.is_file() {
        return Ok(front.clone());
    }
    let text = std::fs::read_to_string(&sidecar)
        .with_context(|| format!("reading {}", sidecar.display()))?;
    let side =
        parse_metadata(&text).with_context(|| format!("metadata in {}", sidecar.display()))?;
    Ok(DocumentMeta {
        title: front.title.clone().or(side.title),
        published: front.published.or(side.published),
        source: front.source.clone().or(side.source),
        url: front.url.clone().or(side.url),
    })
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[A-Z][A-Za-z .'\-]{1,40},\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)",
    )
    .expect("the dateline pattern is valid")
});

/// The date of a news dateline ("WASHINGTON, Feb. 18, 2025 (AP) —") at the start of the body.
pub fn dateline(body: &str) -> Option<NaiveDate> {
    let caps = DATELINE.captures(body.get(..body.len().min(200)).unwrap_or(body))?;
    let month = match &caps[1][..3] {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        _ => 12,
    };
    NaiveDate::from_ymd_opt(caps[3].parse().ok()?, month, caps[2].parse().ok()?)
}

/// The publication date and how it was found: the user's word, then metadata, then a dateline,
/// then the latest full date written in the text (said to be inferred), else unknown.
pub fn publication_date(
    user: Option<NaiveDate>,
    meta: &DocumentMeta,
    body: &str,
) -> (Option<NaiveDate>, PublishedBasis) {
    if let Some(day) = user {
        return (Some(day), PublishedBasis::User);
    }
    if let Some(day) = meta.published {
        return (Some(day), PublishedBasis::Metadata);
    }
    if let Some(day) = dateline(body) {
        return (Some(day), PublishedBasis::Dateline);
    }
    let latest_full_date = super::timex::tag(body, None)
        .iter()
        .filter(|m| m.value.len() == 10)
        .filter_map(|m| m.value.parse::<NaiveDate>().ok())
        .max();
    match latest_full_date {
        Some(day) => (Some(day), PublishedBasis::Text),
        None => (None, PublishedBasis::Unknown),
    }
}

/// A title for a document that has none: its first sentence, cut at a word near 90 characters.
pub fn derive_title(body: &str) -> String {
    let first = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("Untitled document");
    let sentence_end = first
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '?' | '!') && first[i + c.len_utf8()..].starts_with(' '))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(first.len());
    let sentence = &first[..sentence_end];
    if sentence.chars().count() <= 90 {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(90).collect();
    let at_word = cut.rfind(' ').map(|i| &cut[..i]).unwrap_or(&cut);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ', '—']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_from_the_body() {
        let raw =
            "---\ntitle: Drones\npublished: 2025-02-18\nsource: \nflavour: x\n---\nBody text.\n";
        let doc = parse_document(raw).unwrap();
        assert_eq!(doc.body, "Body text.\n");
        assert_eq!(doc.meta.title.as_deref(), Some("Drones"));
        assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2025, 2, 18));
        assert_eq!(doc.meta.source, None);
    }

    #[test]
    fn no_front_matter_means_all_body() {
        let doc = parse_document("Just text\n---\n").unwrap();
        assert_eq!(doc.body, "Just text\n---\n");
    }

    #[test]
    fn bad_front_matter_says_where() {
        assert_eq!(
            parse_document("---\ntitle: x\n"),
            Err(DocumentError::UnclosedFrontMatter)
        );
        let err = parse_document("---\npublished: Feb 18\n---\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2: published: \"Feb 18\" is not a date in the form YYYY-MM-DD"
        );
        assert!(matches!(
            parse_document("---\nnonsense\n---\n"),
            Err(DocumentError::BadLine { line: 2, .. })
        ));
    }

    #[test]
    fn datelines_give_dates() {
        assert_eq!(
            dateline("WASHINGTON, Feb. 18, 2025 (AP) — The"),
            NaiveDate::from_ymd_opt(2025, 2, 18)
        );
        assert_eq!(
            dateline("MEXICO CITY, September 3, 2024 -- Troops"),
            NaiveDate::from_ymd_opt(2024, 9, 3)
        );
        assert_eq!(dateline("The CIA, Feb. 18 said"), None);
    }

    #[test]
    fn publication_date_prefers_the_user_then_metadata() {
        let meta = DocumentMeta {
            published: NaiveDate::from_ymd_opt(2025, 2, 18),
            ..Default::default()
        };
        let user = NaiveDate::from_ymd_opt(2025, 3, 1);
        assert_eq!(publication_date(user, &meta, "").1, PublishedBasis::User);
        assert_eq!(
            publication_date(None, &meta, "").1,
            PublishedBasis::Metadata
        );
        assert_eq!(
            publication_date(None, &DocumentMeta::default(), "No dates here."),
            (None, PublishedBasis::Unknown)
        );
    }

    #[test]
    fn titles_come_from_the_first_sentence() {
        assert_eq!(derive_title("\nShort one. Second."), "Short one.");
        let long = derive_title(&"word ".repeat(40));
        assert!(long.ends_with('…') && long.chars().count() <= 91);
    }
}
