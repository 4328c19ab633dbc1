use chrono::NaiveDate;

use crate::model::EventFilter;
use crate::timeline::geom::{day_number, LaneBy, Viewport};

/// The view a URL asks for: `view=2019-01-01..2025-03-01`, `event=ID`, `lanes=document`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InitialView {
    pub range: Option<(NaiveDate, NaiveDate)>,
    pub event: Option<String>,
    pub lanes: LaneBy,
    /// The list view's page, from 1.
    pub page: usize,
}

impl InitialView {
    /// Reads the `view` and `event` query values; malformed ones are ignored.
    pub fn from_query(
        view: Option<&str>,
        event: Option<&str>,
        lanes: Option<&str>,
        page: Option<&str>,
    ) -> Self {
        let range = view.and_then(|v| {
            let (a, b) = v.split_once("..")?;
            Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
        });
        let event = event
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_string);
        Self {
            range,
            event,
            lanes: lanes.map(LaneBy::parse).unwrap_or_default(),
            page: page.and_then(|p| p.trim().parse().ok()).unwrap_or(1).max(1),
        }
    }

    /// The viewport for the range, if one was given.
    pub fn viewport(&self) -> Option<Viewport> {
        self.range
            .map(|(a, b)| Viewport::new(day_number(a), day_number(b) + 1.0))
    }
}

/// `path`, with `?query` when the query is not empty.
pub fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// The query string that reproduces a view: the filter, the visible range and the selection.
pub fn view_query(
    filter: &EventFilter,
    view: Viewport,
    event: Option<&str>,
    lanes: LaneBy,
) -> String {
    let (first, last) = view.dates();
    let mut query = filter.to_query();
    if !query.is_empty() {
        query.push('&');
    }
    query.push_str(&format!("view={first}..{last}"));
    if let Some(id) = event {
        query.push_str(&format!("&event={}", urlencoding::encode(id)));
    }
    if lanes != LaneBy::Actor {
        query.push_str(&format!("&lanes={}", lanes.as_str()));
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_round_trips_through_the_query() {
        let view = Viewport::new(
            day_number(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()),
            day_number(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()),
        );
        let query = view_query(&EventFilter::default(), view, Some("3-2"), LaneBy::Kind);
        assert_eq!(query, "view=2019-01-01..2025-03-01&event=3-2&lanes=kind");
        let back = InitialView::from_query(
            Some("2019-01-01..2025-03-01"),
            Some("3-2"),
            Some("kind"),
            Some("2"),
        );
        assert_eq!(back.page, 2);
        assert_eq!(back.lanes, LaneBy::Kind);
        assert_eq!(back.event.as_deref(), Some("3-2"));
        assert_eq!(
            back.range.unwrap().0,
            NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()
        );
    }

    #[test]
    fn queries_join_paths_only_when_present() {
        assert_eq!(with_query("/t/all", ""), "/t/all");
        assert_eq!(with_query("/t/all", "actor=Trump"), "/t/all?actor=Trump");
    }

    #[test]
    fn malformed_views_are_ignored() {
        assert_eq!(
            InitialView::from_query(Some("soon..later"), Some(" "), None, Some("x")),
            InitialView {
                page: 1,
                ..InitialView::default()
            }
        );
    }
}
