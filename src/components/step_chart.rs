//! A small step chart: a credit (or any amount) per day over a window, with today and a chosen day marked.
//! Drawn with `polyline` and `line` (their geometry is attributes, not CSS properties, so the `.cspm *
//! { all: revert }` reset cannot undo it); sizes and colours come from CSS rules under `.cspm`.

use chrono::NaiveDate;
use leptos::prelude::*;

const W: f64 = 600.0;
const H: f64 = 120.0;
const PAD: f64 = 4.0;

/// The polyline of a step function through `points` (day, value), sorted by day, scaled into the box.
fn step_points(points: &[(NaiveDate, i64)]) -> String {
    let (Some(first), Some(last)) = (points.first(), points.last()) else { return String::new() };
    let span = (last.0 - first.0).num_days().max(1) as f64;
    let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1) as f64;
    let x = |d: NaiveDate| PAD + (d - first.0).num_days() as f64 / span * (W - 2.0 * PAD);
    let y = |v: i64| H - PAD - (v.max(0) as f64 / max) * (H - 2.0 * PAD);
    let mut out = Vec::with_capacity(points.len() * 2);
    let mut previous: Option<i64> = None;
    for (d, v) in points {
        if let Some(p) = previous {
            if p != *v {
                out.push(format!("{:.1},{:.1}", x(*d), y(p)));
            }
        }
        out.push(format!("{:.1},{:.1}", x(*d), y(*v)));
        previous = Some(*v);
    }
    out.join(" ")
}

/// The x position of `day` within the chart, if it lies in the window.
fn day_x(points: &[(NaiveDate, i64)], day: NaiveDate) -> Option<f64> {
    let (first, last) = (points.first()?.0, points.last()?.0);
    if day < first || day > last {
        return None;
    }
    let span = (last - first).num_days().max(1) as f64;
    Some(PAD + (day - first).num_days() as f64 / span * (W - 2.0 * PAD))
}

/// `points`: the value on each day of the window (a step per change). `label`: the chart's accessible name
/// (what it shows and which days are marked); the figures themselves are in the text beside it.
#[component]
pub fn StepChart(
    #[prop(into)] points: Signal<Vec<(NaiveDate, i64)>>,
    #[prop(into)] today: Signal<NaiveDate>,
    #[prop(into)] chosen: Signal<Option<NaiveDate>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let marker = move |day: Option<NaiveDate>, class: &'static str| {
        points.with(|p| day.and_then(|d| day_x(p, d))).map(|x| {
            let x = format!("{x:.1}");
            view! { <line class=class x1=x.clone() x2=x y1="0" y2=H.to_string()></line> }
        })
    };
    view! {
        <svg
            class="step-chart"
            viewBox=format!("0 0 {W} {H}")
            preserveAspectRatio="none"
            role="img"
            aria-label=move || label.get()
            data-testid="step-chart"
        >
            <line class="axis" x1="0" x2=W.to_string() y1=(H - PAD).to_string() y2=(H - PAD).to_string()></line>
            <polyline class="step" points=move || points.with(|p| step_points(p))></polyline>
            {move || marker(Some(today.get()), "today")}
            {move || marker(chosen.get(), "chosen")}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap()
    }

    #[test]
    fn a_drop_is_drawn_as_a_vertical_step() {
        let pts = step_points(&[(d(1), 100), (d(2), 100), (d(3), 0)]);
        assert_eq!(pts, "4.0,4.0 300.0,4.0 596.0,4.0 596.0,116.0");
    }

    #[test]
    fn markers_outside_the_window_are_not_drawn() {
        let p = [(d(1), 1), (d(11), 0)];
        assert_eq!(day_x(&p, d(6)), Some(300.0));
        assert_eq!(day_x(&p, d(12)), None);
        assert_eq!(step_points(&[]), "");
    }
}
