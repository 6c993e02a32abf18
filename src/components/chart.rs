//! Bar charts in SVG that draw under the app's reset and its CSP.
//!
//! `.cspm * { all: revert }` reverts the CSS geometry properties of SVG 2 (`x`, `y`, `width`, `height` of a
//! `<rect>`, the outer `<svg>`'s size) to their defaults, so `<rect>` bars measured 0×0 px. Bars are therefore
//! `<polygon points>` (`points` is an attribute only, never a CSS property), and the `<svg>` gets its size
//! from the scoped rules under `/* ── export: … ── */` in `style/main.css`. No inline style (the CSP forbids
//! it): the viewBox scales to the box (`preserveAspectRatio="none"`).
//!
//! Accessible: `role="img"` labelled by its `<title>` and described by its `<desc>`, and the same figures as
//! a table for screen readers (visually hidden). Axis labels are HTML beside the SVG, so they never stretch.

use crate::ctx::use_app;
use crate::i18n::{fill, format, Key};
use chrono::Datelike;
use csp_engine::ids::CustomerId;
use leptos::prelude::*;

/// One bar: its axis label (may be empty), its label in the table, its value (`None`: nothing recorded, drawn
/// as a grey stub) and the value's words (with a `<data value>` for the figure).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub axis: String,
    pub label: String,
    pub value: Option<i64>,
    pub shown: String,
    /// The plain figure (`1234.50`, `60`) carried by the table's `<data value>`.
    pub figure: String,
}

/// The words around a chart.
pub struct ChartText {
    pub title: String,
    pub desc: String,
    pub label_column: String,
    pub value_column: String,
    /// The top of the scale in words (the largest value), shown beside the axis.
    pub max: String,
    pub zero: String,
    /// The least top of the scale (100 for percentages; 0 lets the largest value set it).
    pub top: i64,
}

/// Drawing units of the viewBox: each bar takes `SLOT` wide, of which a gap; the height is `HEIGHT`.
const SLOT: i64 = 10;
const GAP: i64 = 2;
const HEIGHT: i64 = 100;

/// The scale from the lowest (≤ 0) to the highest (≥ 0) value: the y of a value, and whether it goes below 0.
fn scale(values: &[Option<i64>], top: i64) -> (impl Fn(i64) -> f64, bool) {
    let max = values.iter().flatten().copied().max().unwrap_or(0).max(top.max(0));
    let min = values.iter().flatten().copied().min().unwrap_or(0).min(0);
    let span = (max - min).max(1) as f64;
    (move |v: i64| (max - v) as f64 / span * HEIGHT as f64, min < 0)
}

/// The y of the zero line when a value is negative (a credit month): the bars then start from a line inside
/// the chart, not from its bottom edge, and the chart draws it.
pub fn zero_line(values: &[Option<i64>], top: i64) -> Option<f64> {
    let (y, negative) = scale(values, top);
    negative.then(|| y(0))
}

/// The polygon points of each bar, on a scale from the lowest (≤ 0) to the highest (≥ 0) value. A bar of
/// value 0 is flat; a missing value is a stub of 1 unit at the baseline.
pub fn geometry(values: &[Option<i64>], top: i64) -> Vec<String> {
    let (y, _) = scale(values, top);
    let zero = y(0);
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (x0, x1) = ((i as i64 * SLOT + GAP / 2) as f64, ((i as i64 + 1) * SLOT - GAP / 2) as f64);
            let (top, bottom) = match v {
                Some(v) => {
                    let end = y(*v);
                    (end.min(zero), end.max(zero))
                }
                None => (zero - 1.0, zero),
            };
            format!("{x0},{top:.3} {x1},{top:.3} {x1},{bottom:.3} {x0},{bottom:.3}")
        })
        .collect()
}

/// A bar chart with its screen-reader table. `id` makes the title and description IDs unique on the page.
pub fn bar_chart(id: String, testid: &'static str, text: ChartText, bars: Vec<Bar>) -> impl IntoView {
    let width = (bars.len() as i64 * SLOT).max(SLOT);
    let values: Vec<Option<i64>> = bars.iter().map(|b| b.value).collect();
    let points = geometry(&values, text.top);
    let zero = zero_line(&values, text.top)
        .map(|z| view! { <polyline class="zero" points=format!("0,{z:.3} {width},{z:.3}")></polyline> });
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let (labelledby, describedby) = (title_id.clone(), desc_id.clone());
    let shapes = bars
        .iter()
        .zip(points)
        .map(|(b, p)| {
            let class = if b.value.is_some() { "bar" } else { "nodata" };
            view! { <polygon class=class points=p></polygon> }
        })
        .collect_view();
    let axis = bars.iter().map(|b| view! { <span>{b.axis.clone()}</span> }).collect_view();
    let rows = bars
        .iter()
        .map(|b| {
            view! {
                <tr>
                    <th scope="row">{b.label.clone()}</th>
                    <td><data value=b.figure.clone()>{b.shown.clone()}</data></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid=testid>
            <div class="chart-plot">
                <div class="chart-scale" aria-hidden="true">
                    <span>{text.max}</span>
                    <span>{text.zero}</span>
                </div>
                <svg
                    class="chart-svg"
                    viewBox=format!("0 0 {width} {HEIGHT}")
                    preserveAspectRatio="none"
                    role="img"
                    aria-labelledby=labelledby
                    aria-describedby=describedby
                    focusable="false"
                >
                    <title id=title_id>{text.title.clone()}</title>
                    <desc id=desc_id>{text.desc}</desc>
                    {shapes}
                    {zero}
                </svg>
            </div>
            <div class="chart-axis" aria-hidden="true">{axis}</div>
            // A table cannot be shrunk to 1 px (it widens to its content): the wrapper is what hides it.
            <div class="visually-hidden">
            <table data-testid=format!("{testid}-table")>
                <caption>{text.title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text.label_column}</th>
                        <th scope="col">{text.value_column}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
        </figure>
    }
}

/// What was billed each month over the last 12 months (the simulated date's month last), for one customer
/// (its page) or the whole partner (Billing): one chart per currency billed in that time.
#[component]
pub fn MonthlyChart(customer: Option<CustomerId>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let (testid, title_key, desc_key) = match customer {
        Some(_) => ("spend-chart", Key::ExportChartSpendTitle, Key::ExportChartSpendDesc),
        None => ("billing-chart", Key::ExportChartBillingTitle, Key::ExportChartBillingDesc),
    };
    move || {
        let locale = i18n.locale.get();
        let series = app.state.with(|s| {
            let today = s.clock.date_naive();
            csp_engine::ledger::monthly_totals(s, customer.as_ref(), (today.year(), today.month()), 12)
        });
        if series.is_empty() {
            return view! { <p>{i18n.t(Key::ExportChartNone)}</p> }.into_any();
        }
        series
            .into_iter()
            .map(|(currency, months)| {
                let bars: Vec<Bar> = months
                    .iter()
                    .map(|((y, m), money)| Bar {
                        axis: format::month_short(*m, locale).to_string(),
                        label: format::month_year(*y, *m, locale),
                        value: Some(money.minor),
                        shown: format::money(*money, locale),
                        figure: csp_engine::export::decimal(*money),
                    })
                    .collect();
                let zero = csp_engine::money::Money::new(0, currency);
                let max = months.iter().map(|(_, m)| *m).max_by_key(|m| m.minor).unwrap_or(zero);
                // The bottom of the scale: 0, or the deepest month of net credits.
                let min = months.iter().map(|(_, m)| *m).min_by_key(|m| m.minor).unwrap_or(zero);
                let (first, last) = (months[0].0, months[months.len() - 1].0);
                let args = [
                    ("currency", currency.code()),
                    ("from", &format::month_year(first.0, first.1, locale)),
                    ("to", &format::month_year(last.0, last.1, locale)),
                ];
                let text = ChartText {
                    title: fill(title_key.text(locale), &args),
                    desc: fill(desc_key.text(locale), &args),
                    label_column: Key::ExportChartMonth.text(locale).to_string(),
                    value_column: fill(Key::ExportChartAmount.text(locale), &args),
                    max: format::money(if max.minor > 0 { max } else { zero }, locale),
                    zero: format::money(if min.minor < 0 { min } else { zero }, locale),
                    top: 0,
                };
                bar_chart(format!("{testid}-{}", currency.code()), testid, text, bars)
            })
            .collect_view()
            .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (top, bottom) of each polygon.
    fn spans(values: &[Option<i64>]) -> Vec<(f64, f64)> {
        geometry(values, 0)
            .iter()
            .map(|p| {
                let ys: Vec<f64> = p.split(' ').map(|xy| xy.split(',').nth(1).unwrap().parse().unwrap()).collect();
                (ys[0], ys[2])
            })
            .collect()
    }

    #[test]
    fn bar_heights_are_in_proportion_to_values() {
        let cases: &[(&[Option<i64>], &[f64])] = &[
            (&[Some(100), Some(50), Some(0), Some(25)], &[100.0, 50.0, 0.0, 25.0]),
            (&[Some(3), Some(1)], &[100.0, 33.333]),
            (&[Some(0), Some(0)], &[0.0, 0.0]),
            (&[None, Some(60)], &[1.0, 100.0]),
            (&[Some(100), Some(-100)], &[50.0, 50.0]),
        ];
        for (values, heights) in cases {
            let got: Vec<f64> = spans(values).iter().map(|(t, b)| ((b - t) * 1000.0).round() / 1000.0).collect();
            assert_eq!(&got, heights, "{values:?}");
        }
        let pct = spans(&[Some(60)]);
        assert_eq!(pct[0].1 - pct[0].0, 100.0, "the largest value fills the height by default");
        let top = geometry(&[Some(60)], 100);
        assert_eq!(top[0], "1,40.000 9,40.000 9,100.000 1,100.000", "on a scale to 100");
        // A negative bar hangs below the zero line.
        let s = spans(&[Some(100), Some(-100)]);
        assert_eq!(s[0].1, s[1].0);
    }

    #[test]
    fn a_zero_line_is_drawn_where_bars_start_when_a_value_is_negative() {
        assert_eq!(zero_line(&[Some(100), Some(50)], 0), None, "the bottom edge is zero");
        assert_eq!(zero_line(&[None, Some(0)], 0), None);
        let z = zero_line(&[Some(100), None, Some(-50)], 0).unwrap();
        assert!((z - 66.667).abs() < 0.001, "{z}");
        // The line is where the positive bars end and the negative ones start.
        let s = spans(&[Some(100), None, Some(-50)]);
        assert!((s[0].1 - z).abs() < 0.001 && (s[2].0 - z).abs() < 0.001);
    }
}
