use app::model::TimelineEvents;
use chrono::Datelike;
use serde_json::{json, Value};

/// The events in TimelineJS3's JSON format, so a newsroom can load them into its tool.
pub fn to_timelinejs(data: &TimelineEvents) -> Value {
    let events: Vec<Value> = data
        .events
        .iter()
        .map(|e| {
            let date = |d: chrono::NaiveDate| json!({ "year": d.year(), "month": d.month(), "day": d.day() });
            let mut event = json!({
                "unique_id": e.id,
                "start_date": date(e.when.start),
                "text": { "headline": format!("{}: {}", e.actor.name, e.when.label()), "text": e.summary },
                "group": e.actor.canonical,
                "display_date": e.when.label(),
            });
            if e.when.end != e.when.start {
                event["end_date"] = date(e.when.end);
            }
            event
        })
        .collect();
    json!({ "title": { "text": { "headline": data.title } }, "events": events })
}
