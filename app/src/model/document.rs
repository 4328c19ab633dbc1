use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a document's publication date was found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedBasis {
    /// Front matter or a sidecar file.
    Metadata,
    /// A news dateline at the top of the text ("WASHINGTON, Feb. 18 (AP) —").
    Dateline,
    /// Inferred from dates written in the text.
    Text,
    /// Given by the user (upload form or `--published`).
    User,
    /// Not known: relative dates stay unresolved.
    #[default]
    Unknown,
}

impl PublishedBasis {
    /// The lowercase name used in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Metadata => "metadata",
            Self::Dateline => "dateline",
            Self::Text => "text",
            Self::User => "user",
            Self::Unknown => "unknown",
        }
    }

    /// Parses [`Self::as_str`]'s names; anything else is `Unknown`.
    pub fn parse(name: &str) -> Self {
        match name {
            "metadata" => Self::Metadata,
            "dateline" => Self::Dateline,
            "text" => Self::Text,
            "user" => Self::User,
            _ => Self::Unknown,
        }
    }

    /// A phrase for people: "publication date from metadata".
    pub fn describe(self) -> &'static str {
        match self {
            Self::Metadata => "from the document's metadata",
            Self::Dateline => "from the dateline",
            Self::Text => "inferred from the text",
            Self::User => "given by the user",
            Self::Unknown => "unknown",
        }
    }
}

/// A news document as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: i64,
    pub title: String,
    /// The outlet, when known.
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_basis: PublishedBasis,
    /// The body text; every span of its events points into it.
    pub text: String,
    /// When it was added, RFC 3339.
    pub added_at: String,
}

/// A document without its text, for lists and legends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    pub id: i64,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_basis: PublishedBasis,
    pub event_count: usize,
}
