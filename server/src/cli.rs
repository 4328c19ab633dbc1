//! The `annals` command line: `serve`, `extract`, `export`, `eval`.

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use app::model::{EventFilter, EventKind};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;

use crate::extract::document::{derive_title, parse_document, publication_date, with_sidecar};
use crate::extract::timex::TimexMention;
use crate::markup::escape;

/// Annals: news documents in, a timeline of who said or did what, when, out.
#[derive(Debug, Parser)]
#[command(name = "annals", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web app (pages, JSON API, oEmbed, exports).
    Serve {
        #[arg(long, default_value = "127.0.0.1:3000")]
        addr: SocketAddr,
        /// The SQLite file; created on first start.
        #[arg(long, default_value = "annals.sqlite")]
        db: PathBuf,
        /// Documents to load when they are not in the database yet.
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
        /// Where the WASM bundle and CSS were built (holds pkg/).
        #[arg(long, env = "ANNALS_SITE_ROOT", default_value = "target/site")]
        site_root: PathBuf,
    },
    /// Extract time expressions and events from text files; one JSON object per file on stdout.
    Extract {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The publication date that relative dates resolve against; overrides front matter.
        #[arg(long)]
        published: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
    },
    /// For training the statement filter: every statement the rules propose, unfiltered, with
    /// the filter's features; one JSON object per file (byte spans of the body).
    #[command(hide = true)]
    StatementFeatures {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Export a timeline from the database to stdout.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Svg)]
        format: ExportFormat,
        #[arg(long, default_value = "annals.sqlite")]
        db: PathBuf,
        /// Documents to load first when they are not in the database yet.
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
        /// The saved timeline to start from.
        #[arg(long, default_value = "all")]
        timeline: String,
        /// Lanes for the SVG: actor, document or kind.
        #[arg(long, default_value = "actor")]
        lanes: String,
        #[arg(long)]
        actor: Option<String>,
        #[arg(long)]
        q: Option<String>,
        #[arg(long)]
        from: Option<NaiveDate>,
        #[arg(long)]
        to: Option<NaiveDate>,
        #[arg(long)]
        doc: Option<i64>,
        #[arg(long, value_parser = parse_kind)]
        kind: Option<EventKind>,
    },
    /// Add a synthetic corpus of N events to the database, to try the timeline at scale.
    DemoCorpus {
        #[arg(long, default_value_t = 1000)]
        events: usize,
        #[arg(long, default_value = "annals.sqlite")]
        db: PathBuf,
        /// The same seed gives the same corpus; a corpus already added is not added again.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Score the extraction on annotated news (same definitions as shared/eval/annals_eval.py).
    Eval {
        #[command(subcommand)]
        task: EvalTask,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvalTask {
    /// TempEval-3 measures on TimeML files or folders of them.
    Timex {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// PolNeAR attribution measures on split folders (holding text/ and attributions/).
    Attribution {
        #[arg(required = true)]
        splits: Vec<PathBuf>,
        /// PolNeAR's metadata.tsv (publication dates); by default the one beside the first split.
        #[arg(long)]
        metadata: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Json,
    Timeml,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Svg,
    Json,
    Csv,
}

fn parse_kind(value: &str) -> Result<EventKind, String> {
    EventKind::parse(value).ok_or_else(|| format!("{value:?} is not statement or action"))
}

/// Runs the command line; errors are printed with their causes.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,server=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("annals: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::DemoCorpus { events, db, seed } => {
            let store = crate::store::Store::open(&db)
                .with_context(|| format!("opening {}", db.display()))?;
            let mut added = 0;
            for (doc, extraction) in crate::demo::generate(events, seed) {
                if doc
                    .origin
                    .as_deref()
                    .is_some_and(|o| store.has_origin(o).unwrap_or(false))
                {
                    continue;
                }
                store.add_document(&doc, &extraction, &crate::startup::now_rfc3339())?;
                added += extraction.events.len();
            }
            eprintln!("annals: added {added} demo events to {}", db.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { task } => {
            print_eval(task)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            addr,
            db,
            seeds,
            site_root,
        } => {
            let seeds = seeds.exists().then_some(seeds);
            let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
            runtime.block_on(crate::startup::serve(crate::startup::ServeConfig {
                addr,
                db,
                seeds,
                site_root,
            }))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            files,
            published,
            format,
        } => extract_files(&files, published, format),
        Command::StatementFeatures { files } => statement_features(&files),
        Command::Export {
            format,
            db,
            seeds,
            timeline,
            lanes,
            actor,
            q,
            from,
            to,
            doc,
            kind,
        } => {
            let store = crate::startup::open_store(&db, seeds.exists().then_some(seeds.as_path()))?;
            let filter = EventFilter {
                actor,
                q,
                from,
                to,
                doc,
                kind,
            };
            let data = store
                .timeline_events(&timeline, &filter)?
                .with_context(|| format!("there is no timeline named {timeline:?}"))?;
            let out = match format {
                ExportFormat::Svg => {
                    crate::export::to_svg(&data, app::timeline::geom::LaneBy::parse(&lanes))?
                }
                ExportFormat::Json => crate::export::to_timelinejs(&data).to_string(),
                ExportFormat::Csv => crate::export::to_csv(&data),
            };
            std::io::stdout()
                .write_all(out.as_bytes())
                .context("writing to stdout")?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_eval(task: EvalTask) -> anyhow::Result<()> {
    match task {
        EvalTask::Timex { paths } => {
            let run = crate::eval::timex::run(&paths)?;
            let s = &run.scores;
            for (name, value) in [
                ("strict_f1", s.strict_f1),
                ("relaxed_f1", s.relaxed_f1),
                ("relaxed_p", s.relaxed_p),
                ("relaxed_r", s.relaxed_r),
                ("type_f1", s.type_f1),
                ("value_f1", s.value_f1),
                ("value_accuracy", s.value_accuracy),
            ] {
                println!("{name:<22} {value:.2}");
            }
            println!("{:<22} {}\n{:<22} {}", "gold", s.gold, "system", s.system);
            let speed = if run.seconds > 0.0 {
                run.kib / 1024.0 / run.seconds
            } else {
                0.0
            };
            println!(
                "summary: strict {:.2} relaxed {:.2} value {:.2} (F1, {} docs, {speed:.1} MiB/s tagging)",
                s.strict_f1, s.relaxed_f1, s.value_f1, run.documents
            );
        }
        EvalTask::Attribution { splits, metadata } => {
            let metadata = match metadata {
                Some(m) => m,
                None => splits[0]
                    .parent()
                    .unwrap_or(Path::new("."))
                    .join("metadata.tsv"),
            };
            let scores = crate::eval::attribution::run(&splits, &metadata)?;
            for (name, value) in &scores.figures {
                println!("{name:<22} {value:.2}");
            }
            println!("{:<22} {}", "gold_attributions", scores.gold_attributions);
            println!("{:<22} {}", "system_statements", scores.system_statements);
            println!(
                "summary: source {:.2} cue {:.2} content {:.2} exact, statement {:.2} (F1, {} docs)",
                scores.get("source_exact_f1"),
                scores.get("cue_exact_f1"),
                scores.get("content_exact_f1"),
                scores.get("statement_f1"),
                scores.documents
            );
        }
    }
    Ok(())
}

/// Extracts each file in turn. A file that cannot be read is reported on stderr and skipped, so
/// one bad file does not cost the others' output; the exit code then says something failed.
fn extract_files(
    files: &[PathBuf],
    published: Option<NaiveDate>,
    format: ExtractFormat,
) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for path in files {
        match extract_file(path, published, format) {
            Ok(line) => {
                out.write_all(line.as_bytes())
                    .context("writing to stdout")?;
                out.write_all(b"\n").context("writing to stdout")?;
            }
            Err(e) => {
                failed += 1;
                eprintln!("annals: {}: {e:#}", path.display());
            }
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn extract_file(
    path: &Path,
    published: Option<NaiveDate>,
    format: ExtractFormat,
) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).context("reading the file")?;
    let raw = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let parsed = parse_document(&raw)?;
    let meta = with_sidecar(path, &parsed.meta)?;
    let (anchor, basis) = publication_date(published, &meta, parsed.body);
    let extraction = crate::extract::extract(parsed.body, anchor);
    let timexes: Vec<&TimexMention> = extraction.timexes.iter().filter(|t| t.timeml).collect();
    Ok(match format {
        ExtractFormat::Json => {
            let title = meta
                .title
                .clone()
                .unwrap_or_else(|| derive_title(parsed.body));
            json!({
                "file": path.display().to_string(),
                "document": { "title": title, "published": anchor, "published_basis": basis },
                "timexes": timexes.iter().map(|t| json!({
                    "start": t.start,
                    "end": t.end,
                    "text": &parsed.body[t.start..t.end],
                    "type": t.kind.as_str(),
                    "value": t.value,
                    "rule": t.rule,
                })).collect::<Vec<_>>(),
                "events": extraction.events,
                "undated": extraction.undated,
            })
            .to_string()
        }
        ExtractFormat::Timeml => to_timeml(parsed.body, anchor, &timexes),
    })
}

fn statement_features(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in files {
        let raw =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let parsed = parse_document(&raw)?;
        let sentences = crate::extract::sentences::split(parsed.body);
        let span = |s: crate::extract::attribution::Span| json!({"start": s.start, "end": s.end});
        let statements: Vec<_> =
            crate::extract::attribution::statement_features(parsed.body, &sentences)
                .into_iter()
                .map(|s| {
                    json!({
                        "source": s.source.map(span),
                        "cue": span(s.cue),
                        "content": s.content.map(span),
                        "features": s.features,
                        "probability": s.probability,
                        "kept": s.kept,
                    })
                })
                .collect();
        let line = json!({"file": path.display().to_string(), "statements": statements});
        writeln!(out, "{line}").context("writing to stdout")?;
    }
    out.flush().context("writing to stdout")?;
    Ok(ExitCode::SUCCESS)
}

/// The body as a TimeML document with TIMEX3 tags around each mention.
fn to_timeml(body: &str, anchor: Option<NaiveDate>, timexes: &[&TimexMention]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" ?>\n<TimeML>\n");
    if let Some(day) = anchor {
        out.push_str(&format!("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{day}\" functionInDocument=\"CREATION_TIME\">{day}</TIMEX3></DCT>\n"));
    }
    out.push_str("<TEXT>");
    let mut at = 0;
    for (i, t) in timexes.iter().enumerate() {
        if t.start < at {
            continue;
        }
        out.push_str(&escape(&body[at..t.start]));
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\">{}</TIMEX3>",
            i + 1,
            t.kind.as_str(),
            escape(&t.value),
            escape(&body[t.start..t.end])
        ));
        at = t.end;
    }
    out.push_str(&escape(&body[at..]));
    out.push_str("</TEXT>\n</TimeML>");
    out
}
