//! `annals eval`: the extraction scored on annotated news with the reference scorer's
//! definitions (../shared/eval/annals_eval.py), so figures agree with it.

pub mod attribution;
pub mod timex;

use std::path::{Path, PathBuf};

/// An evaluation that could not run: which file and why.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("reading {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("no documents found in {0}")]
    Empty(String),
}

/// The error for paths that held no documents.
fn no_documents(paths: &[impl AsRef<Path>]) -> EvalError {
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.as_ref().display().to_string())
        .collect();
    EvalError::Empty(names.join(", "))
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Files with `extension` in a folder (sorted), or the path itself when it is a file.
fn files_in(path: &Path, extension: &str) -> Result<Vec<PathBuf>, EvalError> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|source| EvalError::Read {
            path: path.to_path_buf(),
            source,
        })?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    Ok(files)
}

/// F1 from matches and the two counts, as the reference scorer computes it.
fn f1(matched: usize, gold: usize, system: usize) -> f64 {
    if gold + system == 0 {
        0.0
    } else {
        2.0 * matched as f64 / (gold + system) as f64
    }
}

/// UTF-8 byte offsets → character offsets (the reference scorer counts characters).
fn char_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if start > end {
        return None;
    }
    Some((
        text.get(..start)?.chars().count(),
        text.get(..end)?.chars().count(),
    ))
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}
