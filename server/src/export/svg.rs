use app::model::{EventKind, TimelineEvents};
use app::timeline::geom::{
    self, LaneBy, TimelineIndex, Viewport, AXIS_HEIGHT, CLUSTER_STRIP_HEIGHT, ROW_HEIGHT,
};
use chrono::NaiveDate;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Width of the exported drawing, in pixels.
pub const SVG_WIDTH: u32 = 1200;
const MARGIN_TOP: i32 = 56;
const MARGIN_X: i32 = 16;

const INK: RGBColor = RGBColor(0x1f, 0x23, 0x28);
const MUTED: RGBColor = RGBColor(0x5b, 0x63, 0x6e);
const RULE: RGBColor = RGBColor(0xd8, 0xdc, 0xe1);
const BAND: RGBColor = RGBColor(0xf4, 0xf6, 0xf8);
const STATEMENT: RGBColor = RGBColor(0x1f, 0x6f, 0xb2);
const ACTION: RGBColor = RGBColor(0xc2, 0x4e, 0x1a);

/// Drawing failed (plotters reports errors as text).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SvgError(String);

fn err(e: impl std::fmt::Display) -> SvgError {
    SvgError(e.to_string())
}

/// The timeline as a standalone SVG: the same layout as the page, fitted to every event.
pub fn to_svg(data: &TimelineEvents, lanes: LaneBy) -> Result<String, SvgError> {
    let anchor = data
        .documents
        .iter()
        .filter_map(|d| d.published)
        .max()
        .unwrap_or(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default());
    let inner_width = f64::from(SVG_WIDTH) - 2.0 * f64::from(MARGIN_X);
    let (marks, actors) = data.marks();
    let view = Viewport::fit(&marks, anchor);
    let index = TimelineIndex::new(&marks, &actors, &data.documents, lanes, view, inner_width);
    let layout = geom::layout(&index, view, inner_width, None, geom::ALL_ROWS, None);
    let drawing_height = index.height;
    let height = (MARGIN_TOP as f64 + drawing_height + 24.0).ceil() as u32;

    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (SVG_WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let title =
            TextStyle::from(("sans-serif", 22).into_font().style(FontStyle::Bold)).color(&INK);
        root.draw_text(&data.title, &title, (MARGIN_X, 12))
            .map_err(err)?;
        let subtitle = TextStyle::from(("sans-serif", 13).into_font()).color(&MUTED);
        let count = format!("{} of {} events · Annals", data.events.len(), data.total);
        root.draw_text(&count, &subtitle, (MARGIN_X, 36))
            .map_err(err)?;

        let x = |px: f64| MARGIN_X + px.round() as i32;
        let y = |py: f64| MARGIN_TOP + py.round() as i32;
        let right = MARGIN_X + inner_width as i32;

        for (n, lane) in index.lanes.iter().enumerate() {
            let top = y(lane.y);
            let bottom = y(lane.y + lane.height);
            if n % 2 == 0 {
                root.draw(&Rectangle::new(
                    [(MARGIN_X, top), (right, bottom)],
                    BAND.filled(),
                ))
                .map_err(err)?;
            }
            let name =
                TextStyle::from(("sans-serif", 13).into_font().style(FontStyle::Bold)).color(&INK);
            root.draw_text(&lane.key, &name, (MARGIN_X + 4, top + 3))
                .map_err(err)?;
            if let Some(role) = &lane.subtitle {
                let offset = (lane.key.chars().count() as f64 * 7.6) as i32 + 12;
                root.draw_text(role, &subtitle, (MARGIN_X + offset, top + 4))
                    .map_err(err)?;
            }
        }

        let axis_y = y(AXIS_HEIGHT - 4.0);
        root.draw(&PathElement::new(
            vec![(MARGIN_X, axis_y), (right, axis_y)],
            RULE.stroke_width(1),
        ))
        .map_err(err)?;
        let tick_style = TextStyle::from(("sans-serif", 12).into_font()).color(&MUTED);
        for tick in &layout.ticks {
            let tx = layout.view.x(tick.day, inner_width);
            if !(0.0..=inner_width).contains(&tx) {
                continue;
            }
            root.draw(&PathElement::new(
                vec![(x(tx), axis_y - 5), (x(tx), y(drawing_height - 8.0))],
                RULE.stroke_width(1),
            ))
            .map_err(err)?;
            root.draw_text(&tick.label, &tick_style, (x(tx) + 3, y(2.0)))
                .map_err(err)?;
        }

        let marker_style = TextStyle::from(("sans-serif", 11).into_font()).color(&ACTION);
        let markers = geom::publication_markers(
            data.documents.iter().filter_map(|d| d.published),
            geom::MAX_PUBLICATION_MARKERS,
        );
        for day in markers {
            let mx = layout.view.x(geom::day_number(day) + 0.5, inner_width);
            if (0.0..=inner_width).contains(&mx) {
                root.draw(&PathElement::new(
                    vec![(x(mx), axis_y), (x(mx), y(drawing_height - 8.0))],
                    ACTION.mix(0.5).stroke_width(1),
                ))
                .map_err(err)?;
                let label = format!("Published {}", app::model::format_day(day));
                root.draw_text(
                    &label,
                    &marker_style.pos(Pos::new(HPos::Right, VPos::Top)),
                    (x(mx) - 3, y(2.0)),
                )
                .map_err(err)?;
            }
        }

        let label_style = TextStyle::from(("sans-serif", 12).into_font())
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        for placement in &layout.placements {
            let event = &data.events[placement.mark as usize];
            let geom = &index.marks[placement.mark as usize];
            let color = if event.kind == EventKind::Statement {
                STATEMENT
            } else {
                ACTION
            };
            // Approximate dates are drawn fainter, as on the page.
            let fill = if event.when.approximate {
                color.mix(0.45)
            } else {
                color.mix(1.0)
            };
            let mid = y(placement.y + ROW_HEIGHT / 2.0 - 4.0);
            let start = x(placement.x_start);
            if placement.is_point {
                root.draw(&Circle::new((start + 6, mid), 5, fill.filled()))
                    .map_err(err)?;
            } else {
                let end = x(placement.x_end).max(start + 3);
                root.draw(&Rectangle::new(
                    [(start, mid - 5), (end, mid + 5)],
                    fill.filled(),
                ))
                .map_err(err)?;
                if event.when.approximate {
                    root.draw(&Rectangle::new(
                        [(start, mid - 5), (end, mid + 5)],
                        color.stroke_width(1),
                    ))
                    .map_err(err)?;
                }
            }
            let text = format!("{} · {}", event.when.label(), geom.label);
            root.draw_text(
                &text,
                &label_style,
                (x(placement.x_start + placement.label_shift) + 16, mid),
            )
            .map_err(err)?;
        }
        let badge_style = TextStyle::from(("sans-serif", 11).into_font())
            .color(&INK)
            .pos(Pos::new(HPos::Center, VPos::Center));
        for cluster in &layout.clusters {
            let (left, right) = (x(cluster.x_start), x(cluster.x_end - 2.0));
            let top = y(cluster.y + 2.0);
            let bottom = y(cluster.y + CLUSTER_STRIP_HEIGHT - 4.0);
            root.draw(&Rectangle::new(
                [(left, top), (right, bottom)],
                RULE.filled(),
            ))
            .map_err(err)?;
            root.draw_text(
                &format!("+{}", cluster.count),
                &badge_style,
                ((left + right) / 2, (top + bottom) / 2),
            )
            .map_err(err)?;
        }
        let footer = TextStyle::from(("sans-serif", 11).into_font()).color(&MUTED);
        let note = "Faint marks: approximate dates (reported, relative or fuzzy). +N: events too close together to draw one by one.";
        root.draw_text(note, &footer, (MARGIN_X, y(drawing_height + 4.0)))
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(out)
}
