//! TempEval-3 measures on TimeML files.

use std::path::Path;
use std::time::Instant;

use super::{files_in, read, EvalError};
use crate::extract::timeml::{load_timeml, score, TimexScores};

/// Scores of one run, with its size and speed.
#[derive(Debug)]
pub struct TimexRun {
    pub scores: TimexScores,
    pub documents: usize,
    pub kib: f64,
    pub seconds: f64,
}

/// Tags every `.tml` file under `paths` (resolving against each file's DCT) and scores it.
pub fn run(paths: &[impl AsRef<Path>]) -> Result<TimexRun, EvalError> {
    let mut docs = Vec::new();
    for path in paths {
        for file in files_in(path.as_ref(), "tml")? {
            let raw = read(&file)?;
            let doc = load_timeml(&raw).map_err(|e| EvalError::Parse {
                path: file.clone(),
                message: e.to_string(),
            })?;
            docs.push(doc);
        }
    }
    if docs.is_empty() {
        return Err(super::no_documents(paths));
    }
    let began = Instant::now();
    let tagged: Vec<_> = docs
        .into_iter()
        .map(|doc| {
            let mentions = crate::extract::timex::tag(&doc.text, Some(doc.published));
            (doc, mentions)
        })
        .collect();
    let seconds = began.elapsed().as_secs_f64();
    let kib = tagged.iter().map(|(d, _)| d.text.len()).sum::<usize>() as f64 / 1024.0;
    Ok(TimexRun {
        scores: score(&tagged),
        documents: tagged.len(),
        kib,
        seconds,
    })
}
