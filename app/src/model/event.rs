use serde::{Deserialize, Serialize};

use super::When;

/// A half-open range of UTF-8 byte offsets into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The text this span covers, or `None` when it does not fit `text`.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }
}

/// Whether someone said something or did something.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Said, told, insisted, called for...
    Statement,
    /// Signed, deployed, launched, introduced...
    Action,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Statement => "statement",
            Self::Action => "action",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "statement" => Some(Self::Statement),
            "action" => Some(Self::Action),
            _ => None,
        }
    }
}

/// Who said or did it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// The name at its fullest as the document writes it ("Ricardo Trevilla", "a CIA rep").
    pub name: String,
    /// One name for the same actor across documents ("Trump" and "Donald Trump" → "Donald Trump").
    pub canonical: String,
    /// Title, role or organisation when the text gives it.
    pub role: Option<String>,
}

/// A dated statement or action, pointing back into its document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    /// The stored document it comes from (absent in `annals extract` output).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_id: Option<i64>,
    pub kind: EventKind,
    pub actor: Actor,
    /// The cue verb as written ("said", "insisted", "signed").
    pub cue_text: String,
    /// Direct words inside quotation marks, if any.
    pub quote: Option<String>,
    /// A short summary for labels.
    pub summary: String,
    pub when: When,
    /// 0..1: how sure the rules that produced it are.
    pub confidence: f32,
    /// Ids of the rules that produced it.
    pub rules: Vec<String>,
    pub source: Option<Span>,
    pub cue: Span,
    pub content: Option<Span>,
    pub sentence: Span,
    /// The sentence's text, so views need not load the document.
    pub sentence_text: String,
}
