//! "If cancelled on …": a cancellation quote for any day (issue 15 §4). The engine quotes each day (its
//! quote functions take the moment to quote at); this component only picks the day and draws the credit of
//! every day of the window as a step chart, with today and the chosen day marked.

use crate::components::date_field::{DateField, DateInput};
use crate::components::step_chart::StepChart;
use crate::ctx::use_app;
use crate::i18n::{fill, format, Key};
use chrono::{DateTime, NaiveDate, Utc};
use csp_engine::money::Money;
use leptos::prelude::*;

/// What the engine says of cancelling on one day.
#[derive(Clone, Debug, PartialEq)]
pub struct DayQuote {
    pub credit: Money,
    pub fee: Money,
    /// The rule that applies on that day, in words (already in the UI's language).
    pub rule: String,
}

/// The moment `day` stands for: the simulated clock's time of day on that date (a quote at "now" and at
/// today's date agree).
pub fn at_day(clock: DateTime<Utc>, day: NaiveDate) -> DateTime<Utc> {
    day.and_time(clock.time()).and_utc()
}

/// The day picker, the quote of the chosen day, and the chart over `window` (first and last day).
/// `quote(day)` asks the engine; `None` when the day is outside what can be quoted.
#[component]
pub fn QuoteForDay<Q>(window: Signal<Option<(NaiveDate, NaiveDate)>>, quote: Q) -> impl IntoView
where
    Q: Fn(NaiveDate) -> Option<DayQuote> + Copy + Send + Sync + 'static,
{
    let app = use_app();
    let i18n = app.i18n;
    let today = Memo::new(move |_| app.state.with(|s| s.clock.date_naive()));
    // The day field follows the simulated date until the user types another day (in the UI's format).
    let input = DateInput::new(None);
    input.follow(move || today.get());
    // The chosen day; a day outside the window says so (unreadable text is the field's own message).
    let chosen = Memo::new(move |_| {
        let day = input.date.get().unwrap_or(today.get());
        match window.get() {
            Some((from, to)) if day >= from && day <= to => Ok(day),
            _ => Err(()),
        }
    });
    let points = Signal::derive(move || {
        window.get().map_or_else(Vec::new, |(from, to)| {
            from.iter_days().take_while(|d| *d <= to).map(|d| (d, quote(d).map_or(0, |q| q.credit.minor))).collect()
        })
    });
    let label = Signal::derive(move || {
        let locale = i18n.locale.get();
        let (from, to) = window.get().unwrap_or((today.get(), today.get()));
        let day = chosen.get().unwrap_or(today.get());
        fill(
            Key::QuoteChartLabel.text(locale),
            &[
                ("from", &format::date(from, locale)),
                ("to", &format::date(to, locale)),
                ("today", &format::date(today.get(), locale)),
                ("day", &format::date(day, locale)),
            ],
        )
    });
    view! {
        <div class="quote-day" data-testid="quote-day">
            <DateField input label=Key::QuoteIfCancelledOn testid="quote-day-input"/>
            <div role="status" data-testid="quote-day-result">
                {move || {
                    let locale = i18n.locale.get();
                    match chosen.get() {
                        Err(()) => {
                            let (from, to) = window.get().unwrap_or((today.get(), today.get()));
                            view! {
                                <p class="field-error">
                                    {fill(
                                        Key::QuoteDayOutside.text(locale),
                                        &[("from", &format::date(from, locale)), ("to", &format::date(to, locale))],
                                    )}
                                </p>
                            }
                                .into_any()
                        }
                        Ok(day) => match quote(day) {
                            Some(q) => view! {
                                <p>
                                    <strong>
                                        {fill(
                                            Key::QuoteCreditOnDay.text(locale),
                                            &[
                                                ("date", &format::date(day, locale)),
                                                ("amount", &format::money(q.credit, locale)),
                                                ("fee", &format::money(q.fee, locale)),
                                            ],
                                        )}
                                    </strong>
                                </p>
                                <p>{q.rule}</p>
                            }
                                .into_any(),
                            None => view! { <p>{Key::QuoteNothingOnDay.text(locale)}</p> }.into_any(),
                        },
                    }
                }}
            </div>
            <StepChart points today=Signal::from(today) chosen=Signal::derive(move || chosen.get().ok()) label/>
            <p class="chart-range" aria-hidden="true">
                {move || {
                    let locale = i18n.locale.get();
                    window
                        .get()
                        .map(|(from, to)| {
                            view! {
                                <span>{format::date(from, locale)}</span>
                                <span>{format::date(to, locale)}</span>
                            }
                        })
                }}
            </p>
            <p class="chart-legend" aria-hidden="true">
                <span class="today">{move || i18n.t(Key::QuoteLegendToday)}</span>
                <span class="chosen">{move || i18n.t(Key::QuoteLegendChosen)}</span>
            </p>
        </div>
    }
}
