use app::model::TimelineEvents;

/// The events as CSV (RFC 4180): one row each, dates and spans included.
pub fn to_csv(data: &TimelineEvents) -> String {
    let mut out = String::from(
        "id,document_id,kind,actor,canonical_actor,role,start,end,precision,approximate,date_label,cue,quote,summary,sentence\n",
    );
    for e in &data.events {
        let row = [
            e.id.clone(),
            e.document_id.map(|d| d.to_string()).unwrap_or_default(),
            e.kind.as_str().to_string(),
            e.actor.name.clone(),
            e.actor.canonical.clone(),
            e.actor.role.clone().unwrap_or_default(),
            e.when.start.to_string(),
            e.when.end.to_string(),
            format!("{:?}", e.when.precision).to_lowercase(),
            e.when.approximate.to_string(),
            e.when.label(),
            e.cue_text.clone(),
            e.quote.clone().unwrap_or_default(),
            e.summary.clone(),
            e.sentence_text.clone(),
        ];
        let cells: Vec<String> = row.iter().map(|cell| field(cell)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn field(value: &str) -> String {
    // A leading =, +, - or @ would run as a formula in spreadsheets: prefix it.
    let guarded = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_and_guarded() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
    }
}
