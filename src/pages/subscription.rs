//! Subscriptions: the customer's Subscriptions tab and a subscription's page (RULES §4): header facts,
//! Status (Active / Suspended / ISV Cancel), auto-renew, licenses with a prorated preview, add-ons, trial
//! conversion, and the history. Every decision, quote, preview and date comes from the engine.

use super::billing::{charge_type, period};
use super::customer::order_number;
use super::renewals::upcoming_kind;
use crate::components::badge;
use crate::components::empty::empty_state;
use crate::components::errors::{RejectionList, RequirePermission};
use crate::components::export::{self as cell, export_button, CsvFile};
use crate::components::quote_day::{at_day, DayQuote, QuoteForDay};
use crate::ctx::use_app;
use crate::i18n::{fill, format, Arg, Key, Locale, Message};
use crate::messages;
use crate::route::{CustomerTab, Route};
use csp_engine::dates::Deadline;
use csp_engine::export::{self, Cell};
use csp_engine::ids::{CustomerId, OfferId, SubscriptionId};
use csp_engine::ledger::LedgerEntry;
use csp_engine::money::Money;
use csp_engine::records::{BillingFrequency, PublisherKind, Subscription, SubscriptionStatus};
use csp_engine::roles::Permission;
use csp_engine::subscriptions::{
    add_on_preview, available_add_ons, cancel_quote, cancel_quote_days, conversion_offer, conversion_preview,
    deletion_deadline, deletion_if_suspended, history, next_milestone, quantity_preview, trial_deadline, AddOnChoice,
    CancelQuote, HistoryItem, SubscriptionChange, UpcomingKind,
};
use csp_engine::{Command, Rejection, SuspensionReason};
use leptos::prelude::*;

#[component]
pub fn SubscriptionsTab(id: CustomerId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let headers =
        [Key::ColName, Key::ColQuantity, Key::ColBilling, Key::ColStatus, Key::ColTermEnd, Key::ColOrderNumber];
    let subs = {
        let id = id.clone();
        Memo::new(move |_| app.state.with(|s| s.subscriptions_of(&id).cloned().collect::<Vec<_>>()))
    };
    let export = {
        let id = id.clone();
        export_button("export-customer-subscriptions", move |locale, today| {
            let rows: Vec<Vec<Cell>> = app.state.with_untracked(|s| {
                subs.get_untracked()
                    .iter()
                    .map(|sub| {
                        vec![
                            Cell::text(sub.name.clone()),
                            Cell::integer(sub.quantity.into()),
                            Cell::text(messages::frequency(sub.billing).text(locale)),
                            Cell::text(badge::subscription_words(sub, locale)),
                            Cell::date(sub.term_end),
                            Cell::text(order_number(s, &sub.order)),
                        ]
                    })
                    .collect()
            });
            let name = export::file_name(&format!("subscriptions-{}", id.as_str()), today);
            CsvFile::new(name, &headers.map(|k| k.text(locale)), rows)
        })
    };
    let table = move || {
        let locale = app.locale();
        let list = subs.get();
        if list.is_empty() {
            let add = Route::AddProducts { customer: id.clone(), query: Default::default() }.href();
            return empty_state(Key::NoSubscriptions, Key::AddSubscription, add, locale).into_any();
        }
        let rows = app.state.with(|s| {
            list.iter()
                .map(|sub| {
                    let href = Route::Subscription { customer: id.clone(), id: sub.id.clone() }.href();
                    view! {
                        <tr>
                            <td>
                                <a href=href>{sub.name.clone()}</a>
                            </td>
                            <td class="num">{format::integer(sub.quantity as i64, locale)}</td>
                            <td>{messages::frequency(sub.billing).text(locale)}</td>
                            <td>{badge::subscription(sub, locale)}</td>
                            <td>{cell::date(sub.term_end, locale)}</td>
                            <td>{order_number(s, &sub.order)}</td>
                        </tr>
                    }
                })
                .collect_view()
        });
        view! {
            <div class="table-scroll">
                <table class="grid" data-testid="subscriptions-table">
                    <thead>
                        <tr>
                            {headers
                                .into_iter()
                                .map(|k| view! { <th scope="col" class:num=k == Key::ColQuantity>{i18n.t(k)}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="toolbar">{export}</div>
        {table}
    }
}

/// What the customer has been billed, net of credits (the customer page's Account tab).
pub fn spend(customer: &CustomerId, locale: Locale) -> String {
    let totals = use_app().state.with(|s| csp_engine::ledger::customer_spend(s, customer));
    if totals.is_empty() {
        return Key::NoSpend.text(locale).into();
    }
    totals.into_iter().map(|m| format::money(m, locale)).collect::<Vec<_>>().join(" + ")
}

type Sub = Memo<Option<Subscription>>;

/// A success message shown at the top of the page (it outlives the section that set it).
type Flash = RwSignal<Option<Message>>;

fn lower(key: Key, locale: Locale) -> String {
    key.text(locale).to_lowercase()
}

/// A subscription's page.
#[component]
pub fn SubscriptionPage(customer: CustomerId, id: SubscriptionId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let customer = StoredValue::new(customer);
    let id = StoredValue::new(id);
    let sub: Sub = Memo::new(move |_| {
        app.state.with(|s| s.subscriptions.get(&id.get_value()).filter(|x| x.customer == customer.get_value()).cloned())
    });
    let exists = Memo::new(move |_| sub.with(|s| s.is_some()));
    let open = Memo::new(move |_| {
        sub.with(|s| {
            s.as_ref().is_some_and(|s| matches!(s.status, SubscriptionStatus::Active | SubscriptionStatus::Suspended))
        })
    });
    // Add-ons are Microsoft online services (RULES §2.1, §4.4): an ISV SaaS page has no Add-ons card.
    let is_base = Memo::new(move |_| {
        sub.with(|s| s.as_ref().is_some_and(|s| s.base.is_none() && s.publisher == PublisherKind::Microsoft))
    });
    let convertible = Memo::new(move |_| {
        app.state.with(|st| sub.with(|s| s.as_ref().is_some_and(|s| conversion_offer(st, s).is_some())))
    });
    let flash: Flash = RwSignal::new(None);
    let customer_name = move || {
        app.state.with(|s| s.customers.get(&customer.get_value()).map(|c| c.company_name.clone()).unwrap_or_default())
    };
    let back = move || Route::Customer { id: customer.get_value(), tab: CustomerTab::Subscriptions }.href();
    view! {
        <section class="subscription">
            <RequirePermission permission=Permission::ViewCustomers action=Permission::ManageSubscriptions>
                <p>
                    <a href=back>{move || i18n.tf(Key::BackToCustomer, &[("customer", &customer_name())])}</a>
                </p>
                <Show
                    when=move || exists.get()
                    fallback=move || {
                        view! {
                            <h1>{move || i18n.t(Key::TabSubscriptions)}</h1>
                            <p class="alert error" role="alert">{move || i18n.t(Key::NoSuchSubscription)}</p>
                        }
                    }
                >
                    <h1>{move || sub.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default())}</h1>
                    {move || flash.get().map(|m| view! { <p class="flash ok" role="status" data-testid="flash">{i18n.msg(&m)}</p> })}
                    <Facts sub/>
                    <Show when=move || open.get() fallback=move || view! { <ReadOnly sub/> }>
                        <StatusSection sub flash/>
                        <QuantitySection sub flash/>
                        <Show when=move || is_base.get()>
                            <AddOnsSection sub flash/>
                        </Show>
                        <Show when=move || convertible.get()>
                            <ConvertSection sub flash/>
                        </Show>
                    </Show>
                    <HistorySection sub/>
                </Show>
            </RequirePermission>
        </section>
    }
}

#[component]
fn Facts(sub: Sub) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    move || {
        let locale = i18n.locale.get();
        let s = sub.get()?;
        let (facts, setup, isv_trial) = app.state.with(|st| {
            let offer = st.catalog.get(&s.offer);
            let publisher = offer.map(|o| o.publisher.clone()).unwrap_or_default();
            let yes_no = |b: bool| if b { Key::AutoRenewOn } else { Key::AutoRenewOff }.text(locale).to_string();
            let mut facts: Vec<(String, AnyView)> = vec![
                (i18n.t(Key::FactSubscriptionId).into(), s.id.0.clone().into_any()),
                (i18n.t(Key::FactOffer).into(), s.name.clone().into_any()),
                (i18n.t(Key::FactPublisher).into(), publisher.into_any()),
                (i18n.t(Key::FactLicenses).into(), format::integer(s.quantity as i64, locale).into_any()),
                (i18n.t(Key::FactBilling).into(), messages::frequency(s.billing).text(locale).to_string().into_any()),
                (
                    i18n.t(Key::FactUnitPrice).into(),
                    format!("{} / {}", format::money(s.unit_price, locale), lower(messages::frequency(s.billing), locale))
                        .into_any(),
                ),
                (i18n.t(Key::FactTermStart).into(), format::date(s.term_start, locale).into_any()),
                (i18n.t(Key::FactTermEnd).into(), format::date(s.term_end, locale).into_any()),
            ];
            match next_milestone(st, &s) {
                Some((on, UpcomingKind::Renewal)) => {
                    facts.push((i18n.t(Key::FactNextRenewal).into(), format::date(on, locale).into_any()))
                }
                Some((on, UpcomingKind::TermEnds)) => facts.push((
                    i18n.t(Key::FactNextRenewal).into(),
                    fill(Key::NoRenewal.text(locale), &[("date", &format::date(on, locale))]).into_any(),
                )),
                Some((on, UpcomingKind::TrialEnds)) => {
                    // The trial's end with its days left (the engine's count).
                    let end = trial_deadline(&s, st.clock.date_naive()).unwrap_or(Deadline { on, days_left: 0 });
                    let text = fill(
                        Key::QuotesDateDaysLeft.counted(locale, end.days_left),
                        &[("date", &format::date(end.on, locale)), ("count", &format::integer(end.days_left, locale))],
                    );
                    facts.push((i18n.t(Key::UpTrialEnds).into(), text.into_any()))
                }
                Some((on, kind)) => facts.push((i18n.t(upcoming_kind(kind)).into(), format::date(on, locale).into_any())),
                None => {}
            }
            facts.push((
                i18n.t(Key::FactStatus).into(),
                view! {
                    <span data-testid="subscription-status">
                        {badge::badge(messages::subscription_status(s.status), badge::subscription_tone(s.status), locale)}
                    </span>
                    {(s.trial_ends.is_some() && s.status == SubscriptionStatus::Active)
                        .then(|| view! { " " {badge::badge(Key::Trial, badge::Tone::Info, locale)} })}
                }
                .into_any(),
            ));
            facts.push((i18n.t(Key::FactAutoRenew).into(), yes_no(s.auto_renew).into_any()));
            facts.push((i18n.t(Key::FactOrderNumber).into(), order_number(st, &s.order).into_any()));
            facts.push((i18n.t(Key::FactPurchased).into(), format::datetime(s.created_at, locale).into_any()));
            if let Some(base) = &s.base {
                let href = Route::Subscription { customer: s.customer.clone(), id: base.clone() }.href();
                let name = st.subscriptions.get(base).map(|b| b.name.clone()).unwrap_or_else(|| base.0.clone());
                facts.push((i18n.t(Key::FactBase).into(), view! { <a href=href>{name}</a> }.into_any()));
            }
            let isv = s.publisher == PublisherKind::Isv;
            let setup = offer.and_then(|o| o.setup_url.clone()).filter(|_| isv);
            let isv_trial = trial_deadline(&s, st.clock.date_naive()).filter(|_| isv);
            (facts, setup, isv_trial)
        });
        Some(view! {
            <dl class="facts" data-testid="subscription-facts" aria-label=i18n.t(Key::SubscriptionFacts)>
                {facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
            {isv_trial
                .map(|end| {
                    let text = fill(
                        Key::IsvFreeTrial.counted(locale, end.days_left),
                        &[("date", &format::date(end.on, locale)), ("count", &format::integer(end.days_left, locale))],
                    );
                    view! { <p class="alert info" data-testid="trial-notice">{text}</p> }
                })}
            {setup
                .map(|url| {
                    view! {
                        <p class="setup">
                            <a href=url target="_blank" rel="noopener noreferrer">{i18n.t(Key::SetupLink)}</a>
                            <span class="hint">{i18n.t(Key::SetupLinkHint)}</span>
                        </p>
                    }
                })}
        })
    }
}

/// Closed subscriptions (Deleted, Cancelled, Expired): nothing can change; the engine's refusal of a
/// reactivation says why.
#[component]
fn ReadOnly(sub: Sub) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    move || {
        let locale = i18n.locale.get();
        let id = sub.with(|s| s.as_ref().map(|s| s.id.clone()))?;
        let user = app.user.get();
        let why = app.state.with(|st| {
            csp_engine::decide(st, &user, &Command::ReactivateSubscription { subscription: id }, st.clock).err()
        });
        let reasons = why.map(|r| messages::rejection(&r, locale)).unwrap_or_default();
        Some(view! {
            <div class="alert info" role="status" data-testid="read-only">
                <p>{i18n.t(Key::ReadOnlySubscription)}</p>
                <ul>{reasons.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            </div>
        })
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Choice {
    Active,
    /// With the reason for an ISV SaaS subscription (RULES §4.3: only for non-payment or fraud).
    Suspended(Option<SuspensionReason>),
    Cancel,
}

fn quote_text(q: &CancelQuote, locale: Locale) -> String {
    match q {
        // Days left (the engine's): "for 3 more days (until Dec 6, 2026)"; within a day of the end, the hour.
        CancelQuote::FullCredit { amount, until, days_left } if *days_left >= 2 => {
            let days = *days_left;
            fill(
                Key::QuoteFullCreditDays.text(locale),
                &[
                    ("amount", &format::money(*amount, locale)),
                    ("count", &format::integer(days, locale)),
                    ("date", &format::date(until.date_naive(), locale)),
                ],
            )
        }
        CancelQuote::FullCredit { amount, until, .. } => fill(
            Key::QuoteFullCredit.text(locale),
            &[("amount", &format::money(*amount, locale)), ("until", &format::datetime(*until, locale))],
        ),
        CancelQuote::Scheduled { on } => {
            fill(Key::QuoteScheduled.text(locale), &[("date", &format::date(*on, locale))])
        }
        CancelQuote::Free => Key::QuoteFree.text(locale).into(),
        CancelQuote::Deprovision => Key::QuoteDeprovision.text(locale).into(),
    }
}

#[component]
fn StatusSection(sub: Sub, flash: Flash) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let initial = |s: &Option<Subscription>| match s.as_ref().map(|s| s.status) {
        Some(SubscriptionStatus::Suspended) => Choice::Suspended(None),
        _ => Choice::Active,
    };
    // Microsoft subscriptions are suspended for any reason; others only for non-payment or fraud.
    let microsoft = sub.with_untracked(|s| s.as_ref().is_none_or(|s| s.publisher == PublisherKind::Microsoft));
    let choice = RwSignal::new(sub.with_untracked(initial));
    let rejection = RwSignal::new(None::<Rejection>);
    let notice = RwSignal::new(None::<Key>);
    let dialog = RwSignal::new(false);
    let cancel_details = RwSignal::new(String::new());
    // What cancelling now would do (ISV SaaS), or why Cancel is not offered.
    let quote = Memo::new(move |_| {
        app.state.with(|st| sub.with(|s| s.as_ref().and_then(|s| cancel_quote(st, s, st.clock).ok())))
    });
    // The deletion date shown below Suspended: the suspended subscription's, or what suspending today gives.
    let deadline = move || {
        let locale = i18n.locale.get();
        app.state.with(|st| {
            sub.with(|s| {
                let s = s.as_ref()?;
                let today = st.clock.date_naive();
                let (key, d) = match deletion_deadline(st, s, today) {
                    Some(d) => (Key::SuspendedUntil, d),
                    None => (Key::SuspendDeadlinePreview, deletion_if_suspended(st, s, today)),
                };
                Some(fill(
                    key.counted(locale, d.days_left),
                    &[("date", &format::date(d.on, locale)), ("count", &format::integer(d.days_left, locale))],
                ))
            })
        })
    };
    let scheduled = move || sub.with(|s| s.as_ref().and_then(|s| s.cancel_at));
    // "If cancelled on …" (paid ISV SaaS only): from the order to a few days past the full-credit window,
    // each day quoted by the engine.
    let day_window = Signal::derive(move || {
        app.state.with(|st| sub.with(|s| cancel_quote_days(st, s.as_ref()?, st.clock.date_naive())))
    });
    let day_quote = move |day: chrono::NaiveDate| {
        app.state.with(|st| {
            sub.with(|s| {
                let s = s.as_ref()?;
                let q = cancel_quote(st, s, at_day(st.clock, day)).ok()?;
                let zero = Money::zero(s.unit_price.currency);
                let credit = match &q {
                    CancelQuote::FullCredit { amount, .. } => *amount,
                    _ => zero,
                };
                Some(DayQuote { credit, fee: zero, rule: quote_text(&q, i18n.locale.get()) })
            })
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        rejection.set(None);
        notice.set(None);
        flash.set(None);
        let Some(s) = sub.get_untracked() else { return };
        let cmd = match (choice.get_untracked(), s.status) {
            (Choice::Active, SubscriptionStatus::Active) | (Choice::Suspended(_), SubscriptionStatus::Suspended) => {
                notice.set(Some(Key::NothingToSubmit));
                return;
            }
            (Choice::Cancel, _) => {
                dialog.set(true);
                return;
            }
            (Choice::Suspended(reason), _) => Command::SuspendSubscription { subscription: s.id.clone(), reason },
            (Choice::Active, _) => Command::ReactivateSubscription { subscription: s.id.clone() },
        };
        let ok = if matches!(cmd, Command::SuspendSubscription { .. }) {
            Key::SubscriptionSuspendedOk
        } else {
            Key::SubscriptionReactivatedOk
        };
        match app.dispatch(cmd) {
            Ok(_) => flash.set(Some(ok.into())),
            Err(r) => rejection.set(Some(r)),
        }
    };
    let confirm_cancel = move |_| {
        let Some(s) = sub.get_untracked() else { return };
        let details = cancel_details.get_untracked();
        match app.dispatch(Command::CancelIsvSubscription { subscription: s.id.clone(), details }) {
            Ok(_) => {
                dialog.set(false);
                choice.set(Choice::Active);
                let cancelled = app.state.with_untracked(|st| {
                    st.subscriptions.get(&s.id).is_some_and(|x| x.status == SubscriptionStatus::Cancelled)
                });
                if cancelled {
                    flash.set(Some(Key::CancelledOk.into()));
                }
            }
            Err(r) => {
                dialog.set(false);
                rejection.set(Some(r));
            }
        }
    };
    let radio = move |c: Choice, key: Key| {
        let key = move || i18n.t(key);
        view! {
            <label>
                <input type="radio" name="subscription-status" prop:checked=move || choice.get() == c on:change=move |_| {
                    choice.set(c);
                    notice.set(None);
                }/>
                {key}
            </label>
        }
    };
    // Not once a cancellation is scheduled: the subscription ends at renewal and cannot auto-renew.
    let auto_renew =
        move || sub.with(|s| s.as_ref().is_some_and(|s| s.commercial_marketplace && s.cancel_at.is_none()));
    view! {
        <div class="card" role="region" aria-labelledby="status-heading">
            <h2 id="status-heading">{move || i18n.t(Key::StatusSection)}</h2>
            <form on:submit=submit novalidate aria-label=move || i18n.t(Key::StatusSection)>
                <fieldset class="radios status-choices">
                    <legend class="visually-hidden">{move || i18n.t(Key::StatusSection)}</legend>
                    <div class="choice">{radio(Choice::Active, Key::StatusActive)}</div>
                    {if microsoft {
                        view! {
                            <div class="choice">
                                {radio(Choice::Suspended(None), Key::StatusSuspended)}
                                <span class="hint" data-testid="deletion-date">{deadline}</span>
                            </div>
                        }
                        .into_any()
                    } else {
                        view! {
                            <div class="choice" data-testid="isv-suspend">
                                {SuspensionReason::ALL
                                    .into_iter()
                                    .map(|r| view! { <div>{radio(Choice::Suspended(Some(r)), messages::suspension_reason(r))}</div> })
                                    .collect_view()}
                                <span class="hint">{move || i18n.t(Key::IsvSuspendHint)}</span>
                                " "
                                <span class="hint" data-testid="deletion-date">{deadline}</span>
                            </div>
                        }
                        .into_any()
                    }}
                    {move || {
                        quote
                            .get()
                            .map(|q| {
                                let text = quote_text(&q, i18n.locale.get());
                                view! {
                                    <div class="choice">
                                        {radio(Choice::Cancel, Key::Cancel)}
                                        <span class="hint" data-testid="cancel-quote">{text}</span>
                                    </div>
                                }
                            })
                    }}
                </fieldset>
                {move || {
                    scheduled()
                        .map(|on| {
                            let locale = i18n.locale.get();
                            view! {
                                <p class="alert info" role="status" data-testid="cancellation-scheduled">
                                    {fill(Key::CancellationScheduledNotice.text(locale), &[("date", &format::date(on, locale))])}
                                </p>
                            }
                        })
                }}
                <button type="submit">{move || i18n.t(Key::SubSubmit)}</button>
                {move || notice.get().map(|k| view! { <span class="flash" role="status">{i18n.t(k)}</span> })}
            </form>
            <Show when=move || day_window.with(|w| w.is_some())>
                <QuoteForDay window=day_window quote=day_quote/>
            </Show>
            <Show when=move || dialog.get()>
                {move || {
                    let locale = i18n.locale.get();
                    let name = sub.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default());
                    let title = fill(Key::CancelDialogTitle.text(locale), &[("name", &name)]);
                    let text = quote.get().map(|q| quote_text(&q, locale)).unwrap_or_default();
                    view! {
                        <div class="confirm" role="alertdialog" aria-modal="true" aria-labelledby="cancel-title" aria-describedby="cancel-quote">
                            <h3 id="cancel-title">{title}</h3>
                            <p id="cancel-quote">{text}</p>
                            <label>
                                {i18n.t(Key::CancelDetails)}
                                <textarea
                                    rows="3"
                                    maxlength="500"
                                    prop:value=cancel_details
                                    on:input=move |ev| cancel_details.set(event_target_value(&ev))
                                ></textarea>
                            </label>
                            <button type="button" class="danger" on:click=confirm_cancel>{i18n.t(Key::YesCancel)}</button>
                            <button type="button" on:click=move |_| dialog.set(false)>{i18n.t(Key::KeepSubscription)}</button>
                        </div>
                    }
                }}
            </Show>
            <RejectionList rejection=rejection.into()/>
            <Show when=auto_renew>
                <AutoRenewForm sub flash/>
            </Show>
        </div>
    }
}

#[component]
fn AutoRenewForm(sub: Sub, flash: Flash) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let checked = RwSignal::new(sub.with_untracked(|s| s.as_ref().is_some_and(|s| s.auto_renew)));
    let rejection = RwSignal::new(None::<Rejection>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        rejection.set(None);
        let Some(s) = sub.get_untracked() else { return };
        let on = checked.get_untracked();
        match app.dispatch(Command::SetAutoRenew { subscription: s.id.clone(), auto_renew: on }) {
            Ok(_) => {
                let state = Arg::LowerKey(if on { Key::AutoRenewOn } else { Key::AutoRenewOff });
                flash.set(Some(Message::new(Key::AutoRenewSubmitted).arg("state", state)));
            }
            Err(r) => rejection.set(Some(r)),
        }
    };
    view! {
        <form class="subform" on:submit=submit novalidate aria-label=move || i18n.t(Key::FactAutoRenew)>
            <label class="check">
                <input type="checkbox" prop:checked=checked on:change=move |ev| checked.set(event_target_checked(&ev))/>
                {move || i18n.t(Key::FactAutoRenew)}
            </label>
            <button type="submit">{move || i18n.t(Key::SubSubmit)}</button>
            <RejectionList rejection=rejection.into()/>
        </form>
    }
}

/// A whole number of licenses typed by the user: negative clamps to 0 and huge to the maximum, so the
/// engine's range message answers; `None` when it is not a whole number.
fn parse_quantity(text: &str) -> Option<u32> {
    text.trim().parse::<i64>().ok().map(|n| n.clamp(0, u32::MAX as i64) as u32)
}

/// The ledger lines a change would post, with their net, or the engine's reasons against it.
fn preview_view(result: Result<Vec<LedgerEntry>, Rejection>, locale: Locale) -> AnyView {
    match result {
        Err(r) => {
            let items = messages::rejection(&r, locale);
            view! {
                <div class="alert error" role="alert" data-testid="preview-refusal">
                    <ul>{items.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any()
        }
        Ok(entries) if entries.is_empty() => {
            view! { <p class="preview" role="status">{Key::PreviewNothing.text(locale)}</p> }.into_any()
        }
        Ok(entries) => {
            let net = Money::sum(entries.iter().map(|e| e.amount));
            let rows = entries
                .into_iter()
                .map(|e| {
                    let service = e.service.map(|p| period(p, locale)).unwrap_or_default();
                    view! {
                        <tr>
                            <td>{Key::text(charge_type(e.charge_type), locale)}</td>
                            <td>{service}</td>
                            <td class="num">{format::integer(e.quantity as i64, locale)}</td>
                            <td class="num">{format::money(e.amount, locale)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="preview" role="status" data-testid="preview">
                    <p>{Key::PreviewTitle.text(locale)}</p>
                    <div class="table-scroll">
                        <table class="grid" tabindex="0">
                            <thead>
                                <tr>
                                    <th scope="col">{Key::ColChargeType.text(locale)}</th>
                                    <th scope="col">{Key::ColServicePeriod.text(locale)}</th>
                                    <th scope="col" class="num">{Key::ColQuantity.text(locale)}</th>
                                    <th scope="col" class="num">{Key::ColLedgerAmount.text(locale)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {net
                        .map(|n| {
                            view! {
                                <p class="net" data-testid="preview-net">
                                    {fill(Key::PreviewNet.text(locale), &[("amount", &format::money(n, locale))])}
                                </p>
                            }
                        })}
                </div>
            }
            .into_any()
        }
    }
}

fn not_whole(locale: Locale) -> AnyView {
    view! { <span class="field-error" role="alert">{Key::QuantityNotWhole.text(locale)}</span> }.into_any()
}

#[component]
fn QuantitySection(sub: Sub, flash: Flash) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let text = RwSignal::new(sub.with_untracked(|s| s.as_ref().map(|s| s.quantity.to_string()).unwrap_or_default()));
    let touched = RwSignal::new(false);
    let rejection = RwSignal::new(None::<Rejection>);
    let preview = move || {
        if !touched.get() {
            return None;
        }
        let locale = i18n.locale.get();
        let Some(q) = parse_quantity(&text.get()) else { return Some(not_whole(locale)) };
        let id = sub.with(|s| s.as_ref().map(|s| s.id.clone()))?;
        let result = app.state.with(|st| quantity_preview(st, &id, q, st.clock));
        Some(preview_view(result, locale))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        rejection.set(None);
        let Some(s) = sub.get_untracked() else { return };
        let Some(q) = parse_quantity(&text.get_untracked()) else {
            touched.set(true);
            return;
        };
        match app.dispatch(Command::ChangeSubscriptionQuantity { subscription: s.id.clone(), quantity: q }) {
            Ok(_) => {
                touched.set(false);
                flash.set(Some(Message::new(Key::QuantityChangedOk).arg("quantity", Arg::Integer(q.into()))));
            }
            Err(r) => rejection.set(Some(r)),
        }
    };
    view! {
        <div class="card" role="region" aria-labelledby="quantity-heading">
            <h2 id="quantity-heading">{move || i18n.t(Key::QuantitySection)}</h2>
            <form on:submit=submit novalidate aria-label=move || i18n.t(Key::QuantitySection)>
                <label>
                    {move || i18n.t(Key::Licenses)}
                    <input
                        type="number"
                        step="1"
                        prop:value=text
                        on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            touched.set(true);
                            rejection.set(None);
                        }
                    />
                </label>
                {preview}
                <button type="submit">{move || i18n.t(Key::SubSubmit)}</button>
            </form>
            <RejectionList rejection=rejection.into()/>
        </div>
    }
}

#[component]
fn AddOnsSection(sub: Sub, flash: Flash) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let choices = Memo::new(move |_| {
        app.state
            .with(|st| sub.with(|s| s.as_ref().map(|s| available_add_ons(st, &s.id, st.clock)).unwrap_or_default()))
    });
    let held = move || {
        let locale = i18n.locale.get();
        app.state.with(|st| {
            sub.with(|s| {
                let Some(base) = s.as_ref() else { return Vec::new() };
                st.subscriptions
                    .values()
                    .filter(|a| a.base.as_ref() == Some(&base.id))
                    .map(|a| {
                        let href = Route::Subscription { customer: a.customer.clone(), id: a.id.clone() }.href();
                        let label = format!(
                            "{} × {} — {}",
                            format::integer(a.quantity as i64, locale),
                            a.name,
                            messages::subscription_status(a.status).text(locale)
                        );
                        view! {
                            <li>
                                <a href=href>{label}</a>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <div class="card" role="region" aria-labelledby="addons-heading">
            <h2 id="addons-heading">{move || i18n.t(Key::AddOnsSection)}</h2>
            {move || {
                let items = held();
                (!items.is_empty())
                    .then(|| {
                        view! {
                            <h3>{i18n.t(Key::AddOnsOfThis)}</h3>
                            <ul data-testid="held-add-ons">{items}</ul>
                        }
                    })
            }}
            <h3>{move || i18n.t(Key::AvailableAddOns)}</h3>
            <Show
                when=move || choices.with(|c| !c.is_empty())
                fallback=move || view! { <p>{move || i18n.t(Key::NoAddOnsAvailable)}</p> }
            >
                <ul class="add-ons" data-testid="available-add-ons">
                    <For
                        each=move || choices.get()
                        key=|c| c.offer.clone()
                        children=move |choice| view! { <AddOnRow sub choice flash/> }
                    />
                </ul>
            </Show>
        </div>
    }
}

#[component]
fn AddOnRow(sub: Sub, choice: AddOnChoice, flash: Flash) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let text = RwSignal::new(choice.min_quantity.to_string());
    let rejection = RwSignal::new(None::<Rejection>);
    let offer: StoredValue<OfferId> = StoredValue::new(choice.offer.clone());
    let name = StoredValue::new(choice.name.clone());
    let (unit, billing) = (choice.unit_price, choice.billing);
    let price = move || {
        let locale = i18n.locale.get();
        fill(
            Key::PerUnitPer.text(locale),
            &[("price", &format::money(unit, locale)), ("billing", &lower(messages::frequency(billing), locale))],
        )
    };
    let first_charge = move || {
        let locale = i18n.locale.get();
        let Some(q) = parse_quantity(&text.get()) else { return Some(not_whole(locale)) };
        let base = sub.with(|s| s.as_ref().map(|s| s.id.clone()))?;
        let result = app.state.with(|st| add_on_preview(st, &base, &offer.get_value(), q, st.clock));
        Some(match result {
            Ok(entries) => {
                let total = Money::sum(entries.iter().map(|e| e.amount)).map(|m| format::money(m, locale));
                view! {
                    <span class="hint" role="status">
                        {fill(Key::AddOnFirstCharge.text(locale), &[("amount", &total.unwrap_or_default())])}
                    </span>
                }
                .into_any()
            }
            Err(r) => preview_view(Err(r), locale),
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        rejection.set(None);
        let Some(base) = sub.get_untracked() else { return };
        let Some(q) = parse_quantity(&text.get_untracked()) else { return };
        let cmd = Command::AddAddOn { base: base.id.clone(), offer: offer.get_value(), quantity: q };
        match app.dispatch(cmd) {
            Ok(_) => flash.set(Some(Message::new(Key::AddOnAddedOk).arg("name", Arg::Text(name.get_value())))),
            Err(r) => rejection.set(Some(r)),
        }
    };
    view! {
        <li class="add-on" aria-label=choice.name.clone()>
            <form class="add" on:submit=submit novalidate>
                <strong>{choice.name.clone()}</strong>
                <span class="price">{price}</span>
                <label>
                    {move || i18n.t(Key::Licenses)}
                    <input type="number" step="1" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))/>
                </label>
                <button type="submit">{move || i18n.t(Key::SubSubmit)}</button>
                {first_charge}
            </form>
            <RejectionList rejection=rejection.into()/>
        </li>
    }
}

#[component]
fn ConvertSection(sub: Sub, flash: Flash) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let offer = app
        .state
        .with_untracked(|st| sub.with_untracked(|s| s.as_ref().and_then(|s| conversion_offer(st, s)).cloned()));
    let offer_name = offer.as_ref().map(|o| o.name.clone()).unwrap_or_default();
    let billings: Vec<BillingFrequency> = offer.as_ref().map(|o| o.billing.clone()).unwrap_or_default();
    let text = RwSignal::new(sub.with_untracked(|s| s.as_ref().map(|s| s.quantity.to_string()).unwrap_or_default()));
    let billing = RwSignal::new(billings.first().copied().unwrap_or(BillingFrequency::Monthly));
    let rejection = RwSignal::new(None::<Rejection>);
    let preview = move || {
        let locale = i18n.locale.get();
        let Some(q) = parse_quantity(&text.get()) else { return Some(not_whole(locale)) };
        let id = sub.with(|s| s.as_ref().map(|s| s.id.clone()))?;
        let result = app.state.with(|st| conversion_preview(st, &id, q, billing.get(), st.clock));
        Some(preview_view(result, locale))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        rejection.set(None);
        let Some(s) = sub.get_untracked() else { return };
        let Some(q) = parse_quantity(&text.get_untracked()) else { return };
        let cmd = Command::ConvertTrial { subscription: s.id.clone(), quantity: q, billing: billing.get_untracked() };
        match app.dispatch(cmd) {
            Ok(_) => flash.set(Some(Key::TrialConvertedOk.into())),
            Err(r) => rejection.set(Some(r)),
        }
    };
    let options = billings.clone();
    view! {
        <div class="card" role="region" aria-labelledby="convert-heading">
            <h2 id="convert-heading">{move || i18n.t(Key::ConvertTrialTitle)}</h2>
            <p>{move || i18n.tf(Key::ConvertTrialExplain, &[("offer", &offer_name)])}</p>
            <form on:submit=submit novalidate aria-label=move || i18n.t(Key::ConvertTrialTitle)>
                <label>
                    {move || i18n.t(Key::Licenses)}
                    <input type="number" step="1" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))/>
                </label>
                <label>
                    {move || i18n.t(Key::ColBilling)}
                    <select on:change=move |ev| {
                        if let Some(b) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| billings.get(i).copied()) {
                            billing.set(b);
                        }
                    }>
                        {options
                            .into_iter()
                            .enumerate()
                            .map(|(i, b)| {
                                view! {
                                    <option value=i.to_string() selected=move || billing.get() == b>
                                        {move || i18n.t(messages::frequency(b))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                {preview}
                <button type="submit">{move || i18n.t(Key::SubSubmit)}</button>
            </form>
            <RejectionList rejection=rejection.into()/>
        </div>
    }
}

fn change_text(c: &SubscriptionChange, locale: Locale) -> String {
    let t = |k: Key| k.text(locale).to_string();
    let f = |k: Key, args: &[(&str, &str)]| fill(k.text(locale), args);
    let day = |d| format::date(d, locale);
    match c {
        SubscriptionChange::Purchased => t(Key::ChgPurchased),
        SubscriptionChange::Suspended => t(Key::ChgSuspended),
        SubscriptionChange::SuspendedWithBase { base } => f(Key::ChgSuspendedWithBase, &[("base", base.as_str())]),
        SubscriptionChange::Reactivated => t(Key::ChgReactivated),
        SubscriptionChange::QuantityChanged { from, to } => {
            f(Key::ChgQuantity, &[("from", &from.to_string()), ("to", &to.to_string())])
        }
        SubscriptionChange::AutoRenewSet { auto_renew: true } => t(Key::ChgAutoRenewOn),
        SubscriptionChange::AutoRenewSet { auto_renew: false } => t(Key::ChgAutoRenewOff),
        SubscriptionChange::Cancelled { credited: true } => t(Key::ChgCancelledCredited),
        SubscriptionChange::Cancelled { credited: false } => t(Key::ChgCancelled),
        SubscriptionChange::CancellationScheduled { on } => f(Key::ChgCancellationScheduled, &[("date", &day(*on))]),
        SubscriptionChange::TrialConverted => t(Key::ChgTrialConverted),
        SubscriptionChange::AddOnAdded { base } => f(Key::ChgAddOnAdded, &[("base", base.as_str())]),
        SubscriptionChange::CycleBilled { period } => {
            f(Key::ChgCycleBilled, &[("from", &day(period.start)), ("to", &day(period.end))])
        }
        SubscriptionChange::Renewed { term } => {
            f(Key::ChgRenewed, &[("from", &day(term.start)), ("to", &day(term.end))])
        }
        SubscriptionChange::TermEnded => t(Key::ChgTermEnded),
        SubscriptionChange::TrialExpired => t(Key::ChgTrialExpired),
        SubscriptionChange::TrialEndedPaid => t(Key::ChgTrialEndedPaid),
        SubscriptionChange::Deleted => t(Key::ChgDeleted),
    }
}

#[component]
fn HistorySection(sub: Sub) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let rows = move || {
        let locale = i18n.locale.get();
        let id = sub.with(|s| s.as_ref().map(|s| s.id.clone()))?;
        let items = app.state.with(|st| history(st, &id));
        Some(
            items
                .into_iter()
                .map(|item| {
                    let when = format::datetime(item.at(), locale);
                    let (event, amount) = match &item {
                        HistoryItem::Change(c) => (change_text(&c.change, locale), String::new()),
                        HistoryItem::Ledger(e) => {
                            let service = e.service.map(|p| format!(" ({})", period(p, locale))).unwrap_or_default();
                            (
                                format!("{}{service}", Key::text(charge_type(e.charge_type), locale)),
                                format::money(e.amount, locale),
                            )
                        }
                    };
                    view! {
                        <tr>
                            <td>{when}</td>
                            <td>{event}</td>
                            <td class="num">{amount}</td>
                        </tr>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <div class="card" role="region" aria-labelledby="history-heading">
            <h2 id="history-heading">{move || i18n.t(Key::HistorySection)}</h2>
            <div class="table-scroll">
                <table class="grid" data-testid="history-table" tabindex="0">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::ColDate)}</th>
                            <th scope="col">{move || i18n.t(Key::ColHistoryEvent)}</th>
                            <th scope="col" class="num">{move || i18n.t(Key::ColLedgerAmount)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
