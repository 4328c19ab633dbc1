//! `annals eval` agrees with the reference scorer (shared/eval/annals_eval.py) to 0.01 on the
//! same output, for both tasks.

use std::path::PathBuf;
use std::process::Command;

fn shared_eval() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/eval");
    assert!(
        dir.join("annals_eval.py").exists(),
        "the evaluation data belongs at {} (../shared beside the repo)",
        dir.display()
    );
    dir
}

fn summary(output: std::process::Output) -> Vec<f64> {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let last = text.lines().last().unwrap_or_default().to_string();
    last.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|w| w.contains('.'))
        .filter_map(|w| w.parse().ok())
        .collect()
}

fn compare(reference: Vec<f64>, ours: Vec<f64>) {
    assert!(
        !ours.is_empty() && ours.len() == reference.len(),
        "{reference:?} vs {ours:?}"
    );
    for (r, o) in reference.iter().zip(&ours) {
        assert!(
            (r - o).abs() <= 0.01,
            "reference {reference:?} vs annals eval {ours:?}"
        );
    }
}

#[test]
fn timex_figures_agree_with_the_reference_scorer() {
    let eval = shared_eval();
    let annals = env!("CARGO_BIN_EXE_annals");
    let corpus = eval.join("timeml/aquaint");
    let reference = Command::new("python3")
        .arg(eval.join("annals_eval.py"))
        .args(["timex", "--cmd", &format!("{annals} extract --format json")])
        .arg(&corpus)
        .output()
        .expect("python3 runs");
    let ours = Command::new(annals)
        .args(["eval", "timex"])
        .arg(&corpus)
        .output()
        .unwrap();
    // strict, relaxed, value; the speed that follows differs by design.
    let first_three = |mut v: Vec<f64>| {
        v.truncate(3);
        v
    };
    compare(first_three(summary(reference)), first_three(summary(ours)));
}

#[test]
fn attribution_figures_agree_with_the_reference_scorer() {
    let eval = shared_eval();
    let annals = env!("CARGO_BIN_EXE_annals");
    let split = eval.join("polnear/dev");
    let reference = Command::new("python3")
        .arg(eval.join("annals_eval.py"))
        .args([
            "attribution",
            "--cmd",
            &format!("{annals} extract --format json"),
            "--metadata",
        ])
        .arg(eval.join("polnear/metadata.tsv"))
        .arg(&split)
        .output()
        .expect("python3 runs");
    let ours = Command::new(annals)
        .args(["eval", "attribution"])
        .arg(&split)
        .output()
        .unwrap();
    compare(summary(reference), summary(ours));
}
