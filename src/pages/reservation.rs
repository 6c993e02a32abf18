//! Azure reservations (RULES §6): the customer's tab, the Manage page (Overview, Configuration,
//! Properties, utilisation) and the refund / exchange support request wizard. Every amount, rule, cap
//! and value shown here comes from `csp_engine::reservations`; every change goes through `dispatch`.

use crate::components::badge;
use crate::components::chart::{bar_chart, Bar, ChartText};
use crate::components::date_field::{DateField, DateInput};
use crate::components::empty::empty_state;
use crate::components::errors::{field_error, field_invalid, RejectionList};
use crate::components::quote_day::{at_day, DayQuote, QuoteForDay};
use crate::ctx::use_app;
use crate::i18n::{fill, format, Arg, Key, Locale, Message};
use crate::messages;
use crate::route::{CatalogQuery, CustomerTab, RequestKind, Route};
use csp_engine::catalog::Tab;
use csp_engine::ids::{CustomerId, OfferId, ReservationId, SubscriptionId};
use csp_engine::money::{Currency, Money};
use csp_engine::records::{
    Reservation, ReservationBilling, ReservationChangeKind, ReservationOptimize, ReservationScope, ReservationStatus,
    Term,
};
use csp_engine::rejection::Field;
use csp_engine::reservations::{
    self as rsv, ContactForm, ContactMethod, NewReservation, NewReservationChoice, RefundQuote, RefundRule,
    ReservationRequestKind, UtilisationPoint,
};
use csp_engine::roles::Permission;
use csp_engine::support::{SupportRequest, SupportRequestStatus};
use csp_engine::{Command, Event, Rejection, State, Violation};
use leptos::prelude::*;

// ── Small renderers shared by the pages ──

fn scope_text(scope: &ReservationScope, locale: Locale) -> String {
    match scope {
        ReservationScope::Shared => Key::ScopeShared.text(locale).to_string(),
        ReservationScope::Single(sub) => fill(Key::ScopeSingleOf.text(locale), &[("subscription", sub.as_str())]),
    }
}

fn optimize_key(o: ReservationOptimize) -> Key {
    match o {
        ReservationOptimize::InstanceSizeFlexibility => Key::OptimizeFlexibility,
        ReservationOptimize::CapacityPriority => Key::OptimizeCapacity,
    }
}

fn billing_key(b: ReservationBilling) -> Key {
    match b {
        ReservationBilling::Upfront => Key::BillingUpfront,
        ReservationBilling::Monthly => Key::BillingMonthlyRes,
    }
}

fn usd(minor: i64) -> Money {
    Money::new(minor, Currency::USD)
}

/// A policy value in basis points as a percentage ("12", "12.5").
fn percent_of_bp(bp: u32) -> String {
    if bp.is_multiple_of(100) {
        (bp / 100).to_string()
    } else {
        format!("{}.{:02}", bp / 100, bp % 100).trim_end_matches('0').to_string()
    }
}

/// The credit rule of a quote, in words, with the policy's numbers.
fn rule_text(rule: RefundRule, state: &State, locale: Locale) -> String {
    let days = state.policy.reservation_full_refund_days.to_string();
    let fee = percent_of_bp(state.policy.early_termination_fee_bp);
    let key = match rule {
        RefundRule::Full100 => Key::RsvRuleFull,
        RefundRule::Prorated => Key::RsvRuleProrated,
        RefundRule::ProratedMinusFee => Key::RsvRuleProratedFee,
    };
    fill(key.counted(locale, state.policy.reservation_full_refund_days as i64), &[("days", &days), ("fee", &fee)])
}

fn user_name(state: &State, id: &csp_engine::ids::UserId) -> String {
    state.users.iter().find(|u| &u.id == id).map(|u| u.name.clone()).unwrap_or_else(|| id.0.clone())
}

fn request_href(customer: &CustomerId, kind: RequestKind, ids: Vec<ReservationId>) -> String {
    Route::ReservationRequest { customer: customer.clone(), kind, reservations: ids }.href()
}

fn tab_href(customer: &CustomerId) -> String {
    Route::Customer { id: customer.clone(), tab: CustomerTab::Reservations }.href()
}

/// A definition list of (label, value) pairs.
fn facts(testid: &'static str, rows: Vec<(String, String)>) -> impl IntoView {
    view! {
        <dl class="facts" data-testid=testid>
            {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
        </dl>
    }
}

/// Shows `children` when the signed-in user holds `permission`, otherwise which roles may. Unlike a plain
/// closure over `app.can`, the check is memoised, so the forms inside keep their inputs and messages when
/// the state changes (a recorded utilisation, a saved configuration, the clock).
#[component]
fn Guard(permission: Permission, #[prop(optional)] action: Option<Permission>, children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    let allowed = Memo::new(move |_| app.can(permission));
    view! {
        <Show
            when=move || allowed.get()
            fallback=move || {
                view! { <p class="alert info" role="status">{crate::components::errors::page_refusal(permission, action, app.locale())}</p> }
            }
        >
            {children()}
        </Show>
    }
}

// ── The customer's Azure reservations tab ──

#[component]
pub fn ReservationsTab(id: CustomerId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let customer = StoredValue::new(id);
    let selected = RwSignal::new(Vec::<ReservationId>::new());
    let list = Memo::new(move |_| {
        app.state.with(|s| rsv::reservations_of(s, &customer.get_value()).into_iter().cloned().collect::<Vec<_>>())
    });
    // Why this customer cannot buy a reservation now (market, no active Azure plan): the engine's reasons.
    let blockers = Memo::new(move |_| {
        app.state.with(|s| {
            let c = customer.get_value();
            let country = s.customers.get(&c).map(|c| c.country.clone()).unwrap_or_default();
            rsv::purchase_checks(s, &c, &country)
        })
    });
    let can_manage = move || app.can(Permission::ManageReservations);
    let catalog = move |text: &str| {
        Route::AddProducts {
            customer: customer.get_value(),
            query: CatalogQuery { tab: Tab::Azure, text: text.to_string(), ..CatalogQuery::default() },
        }
        .href()
    };
    let azure_plan_href = catalog("Azure plan");
    let buy_href = catalog("");
    let toggle = move |rid: ReservationId, on: bool| {
        selected.update(|v| {
            v.retain(|x| x != &rid);
            if on {
                v.push(rid);
            }
        })
    };
    let rows = move || {
        let locale = i18n.locale.get();
        let manage = can_manage();
        list.get()
            .into_iter()
            .map(|r| {
                let active = r.status == ReservationStatus::Active;
                let rid = r.id.clone();
                let manage_href = Route::Reservation { customer: customer.get_value(), id: r.id.clone() }.href();
                let refund_href = request_href(&customer.get_value(), RequestKind::Refund, vec![r.id.clone()]);
                let checked = {
                    let rid = rid.clone();
                    move || selected.with(|v| v.contains(&rid))
                };
                let select_label = fill(Key::RsvSelect.text(locale), &[("reservation", r.id.as_str())]);
                view! {
                    <tr data-reservation=r.id.0.clone()>
                        <td>
                            {(active && manage).then(|| {
                                let rid = rid.clone();
                                view! {
                                    <input
                                        type="checkbox"
                                        aria-label=select_label.clone()
                                        prop:checked=checked.clone()
                                        on:change=move |ev| toggle(rid.clone(), event_target_checked(&ev))
                                    />
                                }
                            })}
                        </td>
                        <td>{r.name.clone()} <span class="hint">{r.id.0.clone()}</span></td>
                        <td>{r.vm_size.clone()}</td>
                        <td>{r.region.clone()}</td>
                        <td class="num">{format::integer(r.quantity as i64, locale)}</td>
                        <td>{messages::term(r.term).text(locale)}</td>
                        <td>{scope_text(&r.scope, locale)}</td>
                        <td>{badge::reservation(r.status, locale)}</td>
                        <td>{format::date(r.expires, locale)}</td>
                        <td class="actions">
                            <a href=manage_href aria-label=fill(Key::RsvManageOf.text(locale), &[("reservation", r.id.as_str())])>
                                {Key::RsvManage.text(locale)}
                            </a>
                            {(active && manage).then(|| view! {
                                " "
                                <a href=refund_href aria-label=fill(Key::RsvRefundOf.text(locale), &[("reservation", r.id.as_str())])>
                                    {Key::RsvRefund.text(locale)}
                                </a>
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let exchange = move |_| {
        let ids = selected.get_untracked();
        if !ids.is_empty() {
            app.navigate(Route::ReservationRequest {
                customer: customer.get_value(),
                kind: RequestKind::Exchange,
                reservations: ids,
            });
        }
    };
    view! {
        <div class="reservations">
            <div class="toolbar">
                <a class="button" href=azure_plan_href>{move || i18n.t(Key::RsvAddAzurePlan)}</a>
                <a class="button" href=buy_href>{move || i18n.t(Key::RsvBuyReservations)}</a>
                <Show when=move || can_manage() && list.with(|l| l.iter().any(|r| r.status == ReservationStatus::Active))>
                    <button
                        type="button"
                        class="primary"
                        prop:disabled=move || selected.with(|v| v.is_empty())
                        on:click=exchange
                    >
                        {move || i18n.t(Key::RsvExchange)}
                    </button>
                    <span class="hint">{move || i18n.t(Key::RsvExchangeHint)}</span>
                </Show>
            </div>
            {move || {
                let locale = i18n.locale.get();
                let reasons = blockers.get();
                (!reasons.is_empty()).then(|| view! {
                    <div class="reasons" role="note" data-testid="reservation-blockers">
                        <p>{Key::RsvCannotBuyNow.text(locale)}</p>
                        <ul>{reasons.iter().map(|v| view! { <li>{messages::violation(v, locale)}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <Show
                when=move || list.with(|l| !l.is_empty())
                fallback=move || move || {
                    let query = CatalogQuery { tab: csp_engine::catalog::Tab::Azure, ..Default::default() };
                    let add = Route::AddProducts { customer: customer.get_value(), query }.href();
                    empty_state(Key::NoReservations, Key::AddProducts, add, i18n.locale.get())
                }
            >
                <div class="table-scroll">
                    <table class="grid" data-testid="reservations-table">
                        <thead>
                            <tr>
                                {[
                                    Key::RsvColSelect,
                                    Key::ColName,
                                    Key::ColSize,
                                    Key::ColRegion,
                                    Key::ColQuantity,
                                    Key::ColTerm,
                                    Key::ColScope,
                                    Key::ColStatus,
                                    Key::ColExpires,
                                    Key::RsvColActions,
                                ]
                                    .into_iter()
                                    .map(|k| view! { <th scope="col" class:num=k == Key::ColQuantity>{move || i18n.t(k)}</th> })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
            <RequestsList customer=customer.get_value()/>
        </div>
    }
}

/// The customer's reservation refund and exchange requests (recorded with their ID and amount).
#[component]
fn RequestsList(customer: CustomerId) -> impl IntoView {
    let app = use_app();
    move || {
        let locale = app.locale();
        let rows: Vec<SupportRequest> = app.state.with(|s| {
            csp_engine::support::support_requests_of(s, &customer)
                .into_iter()
                .filter(|r| r.reservation().is_some())
                .cloned()
                .collect()
        });
        (!rows.is_empty()).then(|| {
            view! {
                <h2>{Key::RsvRequestsHeading.text(locale)}</h2>
                <div class="table-scroll">
                    <table class="grid" data-testid="reservation-requests" tabindex="0">
                        <thead>
                            <tr>
                                {[Key::RsvColRequest, Key::ColDate, Key::RsvRequestKind, Key::FieldRequestReservations, Key::RsvColAmount, Key::ColStatus]
                                    .into_iter()
                                    .map(|k| view! { <th scope="col" class:num=k == Key::RsvColAmount>{k.text(locale)}</th> })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|req| {
                                    let r = req.reservation().cloned();
                                    let action = match r.as_ref().map(|r| (&r.action, &r.new_reservation)) {
                                        Some((ReservationRequestKind::Exchange(_), Some(new))) => {
                                            fill(Key::RsvActionExchangeFor.text(locale), &[("reservation", new.as_str())])
                                        }
                                        Some((ReservationRequestKind::Exchange(_), None)) => Key::RsvExchange.text(locale).to_string(),
                                        _ => Key::RsvActionRefund.text(locale).to_string(),
                                    };
                                    let ids = r
                                        .map(|r| r.reservations.iter().map(|i| i.0.clone()).collect::<Vec<_>>().join(", "))
                                        .unwrap_or_default();
                                    let status = match req.status {
                                        SupportRequestStatus::Fulfilled => Key::RsvRequestFulfilled,
                                        SupportRequestStatus::Submitted => Key::RsvRequestSubmitted,
                                    };
                                    view! {
                                        <tr>
                                            <td>{req.id.0.clone()}</td>
                                            <td>{format::datetime(req.filed_at, locale)}</td>
                                            <td>{action}</td>
                                            <td>{ids}</td>
                                            <td class="num">{format::money(req.amount, locale)}</td>
                                            <td>{badge::request(req.status, status, locale)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
    }
}

// ── The Manage page ──

/// A reservation's Manage page.
#[component]
pub fn ReservationPage(customer: CustomerId, id: ReservationId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let customer = StoredValue::new(customer);
    let rid = StoredValue::new(id);
    let res = Memo::new(move |_| {
        app.state.with(|s| s.reservations.get(&rid.get_value()).filter(|r| r.customer == customer.get_value()).cloned())
    });
    let exists = Memo::new(move |_| res.with(|r| r.is_some()));
    let title = move || res.with(|r| r.as_ref().map(|r| r.name.clone())).unwrap_or_else(|| rid.get_value().0);
    view! {
        <section class="reservation-page">
            <h1>{title}</h1>
            <Guard permission=Permission::ViewCustomers action=Permission::ManageReservations>
                <p><a href=tab_href(&customer.get_value())>{move || i18n.t(Key::RsvBackToList)}</a></p>
                <Show
                    when=move || exists.get()
                    fallback=move || view! {
                        <p class="alert error" role="alert">
                            {move || i18n.tf(Key::RsvNoSuchReservation, &[("reservation", rid.get_value().as_str())])}
                        </p>
                    }
                >
                    <Overview customer=customer.get_value() res/>
                    <Configuration res/>
                    <Properties res/>
                </Show>
            </Guard>
        </section>
    }
}

#[component]
fn Overview(customer: CustomerId, res: Memo<Option<Reservation>>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let customer = StoredValue::new(customer);
    let active = Memo::new(move |_| res.with(|r| r.as_ref().is_some_and(|r| r.status == ReservationStatus::Active)));
    let summary = move || {
        let locale = i18n.locale.get();
        res.get().map(|r| {
            let t = |k: Key| k.text(locale).to_string();
            facts(
                "reservation-overview",
                vec![
                    (t(Key::ColStatus), t(messages::reservation_status(r.status))),
                    (t(Key::ColExpires), format::date(r.expires, locale)),
                    (t(Key::ColScope), scope_text(&r.scope, locale)),
                    (t(Key::Optimize), t(optimize_key(r.optimize))),
                    (t(Key::ColSize), r.vm_size.clone()),
                    (t(Key::ColRegion), r.region.clone()),
                    (t(Key::ColQuantity), format::integer(r.quantity as i64, locale)),
                    (t(Key::ColTerm), t(messages::term(r.term))),
                    (t(Key::RsvBilling), t(billing_key(r.billing))),
                    (t(Key::RsvPurchased), format::datetime(r.purchased_at, locale)),
                    (t(Key::RsvTotalCommitment), format::money(r.total, locale)),
                ],
            )
        })
    };
    let not_active = move || {
        let locale = i18n.locale.get();
        res.get().filter(|r| r.status != ReservationStatus::Active).map(|r| {
            let status = messages::reservation_status(r.status).text(locale).to_lowercase();
            view! { <p class="alert info" role="status">{fill(Key::RsvNotActive.text(locale), &[("status", &status)])}</p> }
        })
    };
    let go = move |kind: RequestKind| {
        if let Some(r) = res.get_untracked() {
            app.navigate(Route::ReservationRequest { customer: customer.get_value(), kind, reservations: vec![r.id] });
        }
    };
    view! {
        <section class="card" aria-labelledby="rsv-overview">
            <h2 id="rsv-overview">{move || i18n.t(Key::RsvOverview)}</h2>
            {not_active}
            {summary}
            <Show when=move || active.get() && app.can(Permission::ManageReservations)>
                <div class="toolbar">
                    <button type="button" on:click=move |_| go(RequestKind::Refund)>{move || i18n.t(Key::RsvRefund)}</button>
                    <button type="button" on:click=move |_| go(RequestKind::Exchange)>{move || i18n.t(Key::RsvExchange)}</button>
                </div>
            </Show>
            <h3>{move || i18n.t(Key::RsvUtilisation)}</h3>
            <UtilisationChart res/>
            <Show when=move || active.get()>
                <Guard permission=Permission::ManageReservations>
                    <UtilisationForm res/>
                </Guard>
            </Show>
        </section>
    }
}

/// Utilisation per day as bars (`components::chart`: drawn under the `.cspm` reset and the CSP), with the
/// recorded days listed beneath for copying.
#[component]
fn UtilisationChart(res: Memo<Option<Reservation>>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let series = Memo::new(move |_| {
        let id = res.with(|r| r.as_ref().map(|r| r.id.clone()));
        app.state.with(|s| id.map(|id| rsv::utilisation_series(s, &id, s.clock.date_naive())).unwrap_or_default())
    });
    move || {
        let locale = i18n.locale.get();
        let points = series.get();
        let (Some(first), Some(last)) = (points.first().cloned(), points.last().cloned()) else {
            return view! { <p>{Key::RsvUtilisationNone.text(locale)}</p> }.into_any();
        };
        let label = fill(
            Key::RsvUtilisationChart.text(locale),
            &[("from", &format::date(first.date, locale)), ("to", &format::date(last.date, locale))],
        );
        let recorded: Vec<UtilisationPoint> = points.iter().filter(|p| p.percent.is_some()).cloned().collect();
        let n = points.len();
        let bars: Vec<Bar> = points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let pct = p.percent.map(|v| v.min(100));
                Bar {
                    // Only the first and last days are named under the axis; the table names every day.
                    axis: if i == 0 || i + 1 == n { format::date(p.date, locale) } else { String::new() },
                    label: format::date(p.date, locale),
                    value: pct.map(i64::from),
                    shown: pct
                        .map(|v| fill(Key::ExportPercent.text(locale), &[("value", &v.to_string())]))
                        .unwrap_or_else(|| Key::ExportChartNoData.text(locale).into()),
                    figure: pct.map(|v| v.to_string()).unwrap_or_default(),
                }
            })
            .collect();
        let text = ChartText {
            title: label.clone(),
            desc: Key::ExportChartUtilDesc.text(locale).to_string(),
            label_column: Key::ColDate.text(locale).to_string(),
            value_column: Key::FieldUtilisationPercent.text(locale).to_string(),
            max: fill(Key::ExportPercent.text(locale), &[("value", "100")]),
            zero: fill(Key::ExportPercent.text(locale), &[("value", "0")]),
            top: 100,
        };
        view! {
            <figure class="util">
                {bar_chart(format!("util-{}", first.date), "utilisation-chart", text, bars)}
                <figcaption>
                    <span class="hint">{label}</span>
                    {if recorded.is_empty() {
                        view! { <p>{Key::RsvUtilisationNone.text(locale)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="util-days" data-testid="utilisation-days">
                                {recorded
                                    .into_iter()
                                    .map(|p| {
                                        let pct = p.percent.unwrap_or(0).to_string();
                                        view! {
                                            <li>{fill(Key::RsvUtilisationDay.text(locale), &[("date", &format::date(p.date, locale)), ("percent", &pct)])}</li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                </figcaption>
            </figure>
        }
        .into_any()
    }
}

#[component]
fn UtilisationForm(res: Memo<Option<Reservation>>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    // The simulated date until the user types another one.
    let date = DateInput::new(Some(app.state.with_untracked(|s| s.clock.date_naive())));
    date.follow(move || app.state.with(|s| s.clock.date_naive()));
    let percent = RwSignal::new(String::new());
    let local_error = RwSignal::new(None::<Key>);
    let rejection = RwSignal::new(None::<Rejection>);
    let flash = RwSignal::new(None::<Message>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        flash.set(None);
        rejection.set(None);
        let Some(r) = res.get_untracked() else { return };
        // A text that is not a date shows its message in the field.
        let Some(day) = date.required() else { return };
        let Ok(pct) = percent.get_untracked().trim().parse::<u8>() else {
            local_error.set(Some(Key::RsvPercentNotWhole));
            return;
        };
        local_error.set(None);
        match app.dispatch(Command::RecordUtilisation { reservation: r.id, date: day, percent: pct }) {
            Ok(_) => {
                flash.set(Some(
                    Message::new(Key::RsvUtilisationRecorded)
                        .arg("percent", Arg::Integer(pct.into()))
                        .arg("date", Arg::Date(day)),
                ));
            }
            Err(r) => rejection.set(Some(r)),
        }
    };
    let percent_error = move || {
        rejection.with(|r| r.as_ref().and_then(|r| messages::field_error(r, Field::UtilisationPercent, app.locale())))
    };
    view! {
        <form class="inline-form" on:submit=submit novalidate aria-label=move || i18n.t(Key::RsvRecordUtilisation)>
            <DateField input=date label=Key::FieldDate/>
            <label>
                {move || i18n.t(Key::FieldUtilisationPercent)}
                <input
                    type="number"
                    inputmode="numeric"
                    min="0"
                    max="100"
                    step="1"
                    prop:value=percent
                    on:input=move |ev| percent.set(event_target_value(&ev))
                />
                {move || percent_error().map(|m| view! { <span class="field-error">{m}</span> })}
            </label>
            <button type="submit">{move || i18n.t(Key::RsvRecordUtilisation)}</button>
            {move || local_error.get().map(|k| view! { <p class="field-error" role="alert">{i18n.t(k)}</p> })}
            <RejectionList rejection=Signal::derive(move || {
                rejection.get().filter(|r| r.violations.iter().any(|v| !matches!(v, Violation::Invalid { .. })))
            })/>
            {move || flash.get().map(|m| view! { <p class="flash ok" role="status">{i18n.msg(&m)}</p> })}
        </form>
    }
}

/// Scope (Shared, or Single with one of the customer's Azure subscriptions) and optimisation inputs,
/// shared by the Configuration section and the exchange's new reservation.
#[derive(Copy, Clone)]
struct ScopeInputs {
    single: RwSignal<bool>,
    subscription: RwSignal<Option<SubscriptionId>>,
    optimize: RwSignal<ReservationOptimize>,
}

impl ScopeInputs {
    fn new(scope: &ReservationScope, optimize: ReservationOptimize, first_sub: Option<SubscriptionId>) -> ScopeInputs {
        let (single, sub) = match scope {
            ReservationScope::Single(s) => (true, Some(s.clone())),
            ReservationScope::Shared => (false, first_sub),
        };
        ScopeInputs {
            single: RwSignal::new(single),
            subscription: RwSignal::new(sub),
            optimize: RwSignal::new(optimize),
        }
    }

    /// The scope chosen; `None` for a single scope without a subscription.
    fn scope(&self) -> Option<ReservationScope> {
        if self.single.get_untracked() {
            self.subscription.get_untracked().map(ReservationScope::Single)
        } else {
            Some(ReservationScope::Shared)
        }
    }

    fn view(self, customer: CustomerId) -> impl IntoView {
        let app = use_app();
        let i18n = app.i18n;
        let customer = StoredValue::new(customer);
        let subs = move || {
            app.state.with(|s| {
                rsv::azure_subscriptions_of(s, &customer.get_value())
                    .into_iter()
                    .map(|sub| (sub.id.clone(), format!("{} ({})", sub.name, sub.id)))
                    .collect::<Vec<_>>()
            })
        };
        let ScopeInputs { single, subscription, optimize } = self;
        view! {
            <label>
                {move || i18n.t(Key::Scope)}
                <select on:change=move |ev| single.set(event_target_value(&ev) == "single")>
                    <option value="shared" selected=move || !single.get()>{move || i18n.t(Key::ScopeShared)}</option>
                    <option value="single" selected=move || single.get()>{move || i18n.t(Key::ScopeSingle)}</option>
                </select>
            </label>
            <label>
                {move || i18n.t(Key::AzureSubscription)}
                <select
                    prop:disabled=move || !single.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        subscription.set((!v.is_empty()).then_some(SubscriptionId(v)));
                    }
                >
                    <option value="" selected=move || subscription.with(|s| s.is_none())>
                        {move || i18n.t(Key::ChooseAzureSubscription)}
                    </option>
                    {move || {
                        subs()
                            .into_iter()
                            .map(|(id, label)| {
                                let sel = id.clone();
                                view! { <option value=id.0 selected=move || subscription.with(|s| s.as_ref() == Some(&sel))>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label>
                {move || i18n.t(Key::Optimize)}
                <select on:change=move |ev| {
                    optimize.set(if event_target_value(&ev) == "capacity" {
                        ReservationOptimize::CapacityPriority
                    } else {
                        ReservationOptimize::InstanceSizeFlexibility
                    })
                }>
                    <option value="flexibility" selected=move || optimize.get() == ReservationOptimize::InstanceSizeFlexibility>
                        {move || i18n.t(Key::OptimizeFlexibility)}
                    </option>
                    <option value="capacity" selected=move || optimize.get() == ReservationOptimize::CapacityPriority>
                        {move || i18n.t(Key::OptimizeCapacity)}
                    </option>
                </select>
            </label>
        }
    }
}

#[component]
fn Configuration(res: Memo<Option<Reservation>>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let Some(r) = res.get_untracked() else { return ().into_any() };
    let first_sub =
        app.state.with_untracked(|s| rsv::azure_subscriptions_of(s, &r.customer).first().map(|s| s.id.clone()));
    let inputs = ScopeInputs::new(&r.scope, r.optimize, first_sub);
    let rejection = RwSignal::new(None::<Rejection>);
    let flash = RwSignal::new(None::<Message>);
    let missing_sub = RwSignal::new(false);
    let active = Memo::new(move |_| res.with(|r| r.as_ref().is_some_and(|r| r.status == ReservationStatus::Active)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        flash.set(None);
        rejection.set(None);
        let Some(r) = res.get_untracked() else { return };
        let Some(scope) = inputs.scope() else {
            missing_sub.set(true);
            return;
        };
        missing_sub.set(false);
        let cmd =
            Command::ChangeReservationScope { reservation: r.id, scope, optimize: inputs.optimize.get_untracked() };
        match app.dispatch(cmd) {
            Ok(_) => flash.set(Some(Key::RsvConfigSaved.into())),
            Err(r) => rejection.set(Some(r)),
        }
    };
    let history = move || {
        let locale = i18n.locale.get();
        let Some(r) = res.get() else { return ().into_any() };
        if r.history.is_empty() {
            return view! { <p>{Key::RsvNoHistory.text(locale)}</p> }.into_any();
        }
        let entries = app.state.with(|s| {
            r.history
                .iter()
                .map(|h| {
                    let change = match &h.kind {
                        ReservationChangeKind::Configured { from_scope, to_scope, from_optimize, to_optimize } => fill(
                            Key::RsvHistConfigured.text(locale),
                            &[
                                ("from", &scope_text(from_scope, locale)),
                                ("to", &scope_text(to_scope, locale)),
                                ("from_optimize", optimize_key(*from_optimize).text(locale)),
                                ("to_optimize", optimize_key(*to_optimize).text(locale)),
                            ],
                        ),
                        ReservationChangeKind::Refunded { request, credit } => fill(
                            Key::RsvHistRefunded.text(locale),
                            &[("request", request.as_str()), ("credit", &format::money(*credit, locale))],
                        ),
                        ReservationChangeKind::Exchanged { request, into } => fill(
                            Key::RsvHistExchanged.text(locale),
                            &[("request", request.as_str()), ("reservation", into.as_str())],
                        ),
                        ReservationChangeKind::CreatedByExchange { request, from } => {
                            let from = from.iter().map(|f| f.0.clone()).collect::<Vec<_>>().join(", ");
                            fill(
                                Key::RsvHistCreated.text(locale),
                                &[("request", request.as_str()), ("reservations", &from)],
                            )
                        }
                    };
                    fill(
                        Key::RsvHistEntry.text(locale),
                        &[
                            ("when", &format::datetime(h.at, locale)),
                            ("user", &user_name(s, &h.by)),
                            ("change", &change),
                        ],
                    )
                })
                .collect::<Vec<_>>()
        });
        view! { <ol class="history" data-testid="reservation-history">{entries.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ol> }
            .into_any()
    };
    let customer = StoredValue::new(r.customer.clone());
    view! {
        <section class="card" aria-labelledby="rsv-configuration">
            <h2 id="rsv-configuration">{move || i18n.t(Key::RsvConfiguration)}</h2>
            <p class="hint">{move || i18n.t(Key::RsvNotFinancial)}</p>
            <Show when=move || active.get()>
                <Guard permission=Permission::ManageReservations>
                    <form class="card-form" on:submit=submit novalidate aria-label=move || i18n.t(Key::RsvConfiguration)>
                        {inputs.view(customer.get_value())}
                        {move || missing_sub.get().then(|| view! { <p class="field-error" role="alert">{i18n.t(Key::LineSingleNeedsSubscription)}</p> })}
                        <RejectionList rejection=rejection.into()/>
                        <button type="submit">{move || i18n.t(Key::Save)}</button>
                        {move || flash.get().map(|m| view! { <p class="flash ok" role="status">{i18n.msg(&m)}</p> })}
                    </form>
                </Guard>
            </Show>
            <h3>{move || i18n.t(Key::RsvHistory)}</h3>
            {history}
        </section>
    }
    .into_any()
}

#[component]
fn Properties(res: Memo<Option<Reservation>>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let copied = RwSignal::new(None::<String>);
    let row = move |label: Key, copy: Key, value: fn(&Reservation) -> String, testid: &'static str| {
        view! {
            <dt>{move || i18n.t(label)}</dt>
            <dd>
                <code data-testid=testid>{move || res.with(|r| r.as_ref().map(value)).unwrap_or_default()}</code>
                " "
                <button
                    type="button"
                    on:click=move |_| {
                        if let Some(v) = res.with_untracked(|r| r.as_ref().map(value)) {
                            crate::browser::copy_to_clipboard(&v);
                            copied.set(Some(v));
                        }
                    }
                >
                    {move || i18n.t(copy)}
                </button>
            </dd>
        }
    };
    view! {
        <section class="card" aria-labelledby="rsv-properties">
            <h2 id="rsv-properties">{move || i18n.t(Key::RsvProperties)}</h2>
            <dl class="facts">
                {row(Key::RsvReservationId, Key::RsvCopyReservationId, |r| r.id.0.clone(), "reservation-id")}
                {row(Key::RsvReservationOrderId, Key::RsvCopyOrderId, |r| r.reservation_order.0.clone(), "reservation-order-id")}
            </dl>
            <p class="hint">{move || i18n.t(Key::RsvPropertiesNote)}</p>
            <p role="status" class="flash ok">
                {move || copied.get().map(|v| i18n.tf(Key::RsvCopied, &[("value", &v)]))}
            </p>
        </section>
    }
}

// ── The refund / exchange support request ──

/// The refund / exchange support request wizard.
#[component]
pub fn ReservationRequestPage(
    customer: CustomerId,
    kind: RequestKind,
    reservations: Vec<ReservationId>,
) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let customer = StoredValue::new(customer);
    let ids = StoredValue::new(reservations);
    let done = RwSignal::new(None::<SupportRequest>);
    let title = match kind {
        RequestKind::Refund => Key::RsvRefundTitle,
        RequestKind::Exchange => Key::RsvExchangeTitle,
    };
    view! {
        <section class="reservation-request">
            <h1>{move || i18n.t(title)}</h1>
            <Guard permission=Permission::ManageReservations>
                <p><a href=tab_href(&customer.get_value())>{move || i18n.t(Key::RsvBackToList)}</a></p>
                {move || match done.get() {
                    Some(req) => view! { <Created req customer=customer.get_value()/> }.into_any(),
                    None => {
                        let new_res = RwSignal::new(None::<Result<NewReservation, Rejection>>);
                        view! {
                            {match kind {
                                RequestKind::Refund => view! { <RefundQuotes ids=ids.get_value()/> }.into_any(),
                                RequestKind::Exchange => view! { <ExchangeConfig customer=customer.get_value() ids=ids.get_value() new_res/> }.into_any(),
                            }}
                            <Wizard kind ids=ids.get_value() new_res done/>
                        }
                        .into_any()
                    }
                }}
            </Guard>
        </section>
    }
}

/// One refund quote per reservation, at the simulated date, with the cap and the fee day.
#[component]
fn RefundQuotes(ids: Vec<ReservationId>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    ids.into_iter()
        .map(|id| {
            let rid = StoredValue::new(id);
            let quote = move || {
                let locale = i18n.locale.get();
                app.state.with(|s| match rsv::refund_quote(s, &rid.get_value(), s.clock) {
                    Ok(q) => quote_view(s, &q, locale).into_any(),
                    Err(r) => view! {
                        <div class="alert error" role="alert">
                            <ul>{messages::rejection(&r, locale).into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        </div>
                    }
                    .into_any(),
                })
            };
            view! {
                {quote}
                <ReservationDayQuote id=rid/>
            }
        })
        .collect_view()
}

/// "If cancelled on …" for one reservation: any day of its term, quoted by the engine.
#[component]
fn ReservationDayQuote(id: StoredValue<ReservationId>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let window = Signal::derive(move || {
        app.state.with(|s| {
            let r = s.reservations.get(&id.get_value()).filter(|r| r.status == ReservationStatus::Active)?;
            Some((r.purchased_at.date_naive(), r.expires))
        })
    });
    let quote = move |day: chrono::NaiveDate| {
        app.state.with(|s| {
            let q = rsv::refund_quote(s, &id.get_value(), at_day(s.clock, day)).ok()?;
            let locale = i18n.locale.get();
            let rule = rule_text(q.rule, s, locale);
            // On a day the refund limit would refuse it, say so, with when it frees up (issue 15 §4).
            let rule = match &q.cap_violation {
                Some(v) => format!("{rule}. {}", messages::violation(v, locale)),
                None => rule,
            };
            Some(DayQuote { credit: q.credit, fee: q.fee, rule })
        })
    };
    view! {
        <Show when=move || window.with(|w| w.is_some())>
            <section class="card" data-testid="reservation-day-quote">
                <QuoteForDay window quote/>
            </section>
        </Show>
    }
}

fn quote_view(s: &State, q: &RefundQuote, locale: Locale) -> impl IntoView {
    let t = |k: Key| k.text(locale).to_string();
    let m = |x: Money| format::money(x, locale);
    let window_days = s.policy.refund_window_days as i64;
    let window = window_days.to_string();
    let paid = match q.billing {
        ReservationBilling::Upfront => m(q.paid),
        ReservationBilling::Monthly => {
            let n = q.payments_made as i64;
            fill(
                Key::RsvPaidMonthly.counted(locale, n),
                &[("amount", &m(q.paid)), ("count", &format::integer(n, locale))],
            )
        }
    };
    let mut rows = vec![
        (t(Key::RsvDaysSincePurchase), format::integer(q.days_since_purchase, locale)),
        (t(Key::RsvUsageSoFar), t(if q.had_usage { Key::RsvYes } else { Key::RsvNo })),
        (t(Key::RsvRule), rule_text(q.rule, s, locale)),
        (t(Key::RsvBilling), t(billing_key(q.billing))),
        (t(Key::RsvPaid), paid),
        (
            t(Key::RsvPeriod),
            fill(
                Key::RsvPeriodValue.counted(locale, q.unused_days),
                &[
                    ("start", &format::date(q.period_start, locale)),
                    ("end", &format::date(q.period_end, locale)),
                    ("unused", &format::integer(q.unused_days, locale)),
                    ("days", &format::integer(q.days_paid_for, locale)),
                ],
            ),
        ),
        (t(Key::RsvProrated), m(q.prorated)),
        (t(Key::RsvFee), m(q.fee)),
    ];
    if q.billing == ReservationBilling::Monthly {
        rows.push((t(Key::RsvCancelledFuture), m(q.cancelled_future)));
    }
    rows.push((t(Key::RsvCredit), m(q.credit)));
    let cap = &q.cap;
    let mut cap_rows = vec![
        (fill(Key::RsvCapLimit.counted(locale, window_days), &[("days", &window)]), m(usd(cap.cap_usd_minor))),
        (fill(Key::RsvCapUsed.counted(locale, window_days), &[("days", &window)]), m(usd(cap.used_usd_minor))),
        (t(Key::RsvCapLeft), m(usd(cap.left_usd_minor))),
    ];
    if let Some(c) = q.counts_usd_minor {
        cap_rows.push((t(Key::RsvCapCounts), m(usd(c))));
    }
    cap_rows.push(match cap.more_available_on {
        Some(d) => (
            t(Key::QuotesCapNextRelease),
            fill(
                Key::QuotesCapReleaseValue.text(locale),
                &[("amount", &m(usd(cap.frees_usd_minor))), ("date", &format::date(d, locale))],
            ),
        ),
        None => (t(Key::RsvCapMoreOn), t(Key::RsvCapAllAvailable)),
    });
    // The quote the day before the fee starts and the day it starts.
    let fee_day = rsv::fee_starts_on_day(&s.policy);
    let days: Vec<(u32, Option<RefundQuote>)> = [fee_day.saturating_sub(1), fee_day]
        .into_iter()
        .map(|d| (d, rsv::quote_on_day(s, &q.reservation, d).ok()))
        .collect();
    let violation = q.cap_violation.as_ref().map(|v| messages::violation(v, locale));
    let heading = fill(
        Key::RsvQuoteHeading.text(locale),
        &[("reservation", q.reservation.as_str()), ("date", &format::date(q.at.date_naive(), locale))],
    );
    view! {
        <section class="card quote" data-testid="refund-quote" data-reservation=q.reservation.0.clone()>
            <h2>{heading}</h2>
            {facts("quote-facts", rows)}
            <h3>{t(Key::RsvCapHeading)}</h3>
            {facts("cap-facts", cap_rows)}
            {violation.map(|v| view! { <p class="alert error" role="alert" data-testid="cap-refusal">{v}</p> })}
            <h3>{fill(Key::RsvFeeDayHeading.text(locale), &[("day", &fee_day.to_string())])}</h3>
            <div class="table-scroll">
                <table class="grid" data-testid="fee-day-table" tabindex="0">
                    <thead>
                        <tr>
                            <th scope="col">{t(Key::RsvColDay)}</th>
                            <th scope="col">{t(Key::RsvRule)}</th>
                            <th scope="col" class="num">{t(Key::RsvProrated)}</th>
                            <th scope="col" class="num">{t(Key::RsvFee)}</th>
                            <th scope="col" class="num">{t(Key::RsvCredit)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {days
                            .into_iter()
                            .filter_map(|(d, q)| q.map(|q| (d, q)))
                            .map(|(d, dq)| view! {
                                <tr>
                                    <th scope="row">{fill(Key::RsvDayN.text(locale), &[("day", &d.to_string())])}</th>
                                    <td>{rule_text(dq.rule, s, locale)}</td>
                                    <td class="num">{m(dq.prorated)}</td>
                                    <td class="num">{m(dq.fee)}</td>
                                    <td class="num">{m(dq.credit)}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The new reservation of an exchange (from the catalog's reservation offers, priced by the engine) and
/// the value the returned reservations give back.
#[component]
fn ExchangeConfig(
    customer: CustomerId,
    ids: Vec<ReservationId>,
    new_res: RwSignal<Option<Result<NewReservation, Rejection>>>,
) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let ids = StoredValue::new(ids);
    // Start from the first returned reservation's configuration.
    let (start, first_sub) = app.state.with_untracked(|s| {
        let first = ids.get_value().first().and_then(|id| s.reservations.get(id)).cloned();
        let sub = rsv::azure_subscriptions_of(s, &customer).first().map(|s| s.id.clone());
        (first, sub)
    });
    let offers: Vec<(OfferId, String, Vec<Term>)> = app.state.with_untracked(|s| {
        rsv::exchange_offers(s)
            .into_iter()
            .map(|o| {
                let label = o
                    .reservation
                    .as_ref()
                    .map(|r| format!("{} · {}", r.vm_size, r.region))
                    .unwrap_or_else(|| o.name.clone());
                (o.id.clone(), label, o.terms.clone())
            })
            .collect()
    });
    let default_offer = start
        .as_ref()
        .map(|r| r.offer.clone())
        .filter(|o| offers.iter().any(|(id, _, _)| id == o))
        .or_else(|| offers.first().map(|(id, _, _)| id.clone()))
        .unwrap_or_else(|| OfferId(String::new()));
    let offer = RwSignal::new(default_offer);
    let term = RwSignal::new(start.as_ref().map(|r| r.term).unwrap_or(Term::OneYear));
    let billing = RwSignal::new(start.as_ref().map(|r| r.billing).unwrap_or(ReservationBilling::Upfront));
    let quantity = RwSignal::new(start.as_ref().map(|r| r.quantity).unwrap_or(1).to_string());
    let inputs = ScopeInputs::new(
        &start.as_ref().map(|r| r.scope.clone()).unwrap_or(ReservationScope::Shared),
        start.as_ref().map(|r| r.optimize).unwrap_or(ReservationOptimize::InstanceSizeFlexibility),
        first_sub,
    );
    let missing_sub = Memo::new(move |_| inputs.single.get() && inputs.subscription.with(|s| s.is_none()));
    // The new reservation, priced from the catalog by the engine, whenever an input changes.
    Effect::new(move |_| {
        let scope = if inputs.single.get() {
            inputs.subscription.get().map(ReservationScope::Single).unwrap_or(ReservationScope::Shared)
        } else {
            ReservationScope::Shared
        };
        let choice = NewReservationChoice {
            offer: offer.get(),
            term: term.get(),
            billing: billing.get(),
            scope,
            optimize: inputs.optimize.get(),
            // Anything but a whole number is quantity 0, which the engine refuses with the offer's bounds.
            quantity: quantity.with(|q| q.trim().parse::<u32>().unwrap_or(0)),
        };
        let priced = app.state.with(|s| rsv::new_reservation_from_catalog(s, &choice));
        new_res.set(Some(priced));
    });
    let offer_options = offers.clone();
    let offers = StoredValue::new(offers);
    let terms = move || {
        offer.with(|o| {
            offers
                .with_value(|all| all.iter().find(|(id, _, _)| id == o).map(|(_, _, t)| t.clone()).unwrap_or_default())
        })
    };
    let quote = move || {
        let locale = i18n.locale.get();
        let new = new_res.get();
        let new_total = match &new {
            Some(Ok(n)) => Some(n.total),
            _ => None,
        };
        app.state.with(|s| {
            let zero = Money::zero(s.partner.currency());
            let q = rsv::exchange_quote(s, &ids.get_value(), new_total.unwrap_or(zero), s.clock);
            match q {
                Err(r) => view! {
                    <div class="alert error" role="alert">
                        <ul>{messages::rejection(&r, locale).into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
                Ok(q) => {
                    let m = |x: Money| format::money(x, locale);
                    let summary = match (new_total, &q.short_by) {
                        (Some(_), Some(short_by)) => {
                            let v = Violation::ExchangeShortfall {
                                returned: q.returned_total,
                                new_total: q.new_total,
                                short_by: *short_by,
                            };
                            view! { <p class="alert error" role="alert" data-testid="exchange-shortfall">{messages::violation(&v, locale)}</p> }.into_any()
                        }
                        (Some(_), None) => view! { <p class="alert info" role="status">{Key::RsvCovers.text(locale)}</p> }.into_any(),
                        (None, _) => ().into_any(),
                    };
                    view! {
                        <section class="card" data-testid="exchange-quote">
                            <h2>{Key::RsvReturnedHeading.text(locale)}</h2>
                            <div class="table-scroll">
                                <table class="grid" tabindex="0">
                                    <thead>
                                        <tr>
                                            <th scope="col">{Key::RsvReservationId.text(locale)}</th>
                                            <th scope="col">{Key::RsvReservationOrderId.text(locale)}</th>
                                            <th scope="col" class="num">{Key::RsvColCredit.text(locale)}</th>
                                            <th scope="col" class="num">{Key::RsvCancelledFuture.text(locale)}</th>
                                            <th scope="col" class="num">{Key::RsvColValue.text(locale)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {q.returned.iter().map(|r| view! {
                                            <tr>
                                                <td>{r.reservation.0.clone()}</td>
                                                <td>{r.reservation_order.0.clone()}</td>
                                                <td class="num">{m(r.credit)}</td>
                                                <td class="num">{m(r.cancelled_future)}</td>
                                                <td class="num">{m(r.value)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <p class="hint">{Key::RsvExchangeNoFee.text(locale)}</p>
                            {facts(
                                "exchange-amounts",
                                vec![
                                    (Key::RsvValueReturned.text(locale).to_string(), m(q.returned_total)),
                                    (
                                        Key::RsvNewCommitment.text(locale).to_string(),
                                        new_total.map(m).unwrap_or_else(|| "—".into()),
                                    ),
                                ],
                            )}
                            {summary}
                            <p class="hint">
                                {fill(Key::RsvTermStarts.text(locale), &[("date", &format::date(s.clock.date_naive(), locale))])}
                            </p>
                        </section>
                    }
                    .into_any()
                }
            }
        })
    };
    let choice_error = move || {
        let locale = i18n.locale.get();
        new_res
            .with(|n| match n {
                Some(Err(r)) => Some(r.clone()),
                _ => None,
            })
            .map(|r| {
                let quantity = messages::field_error(&r, Field::ReservationQuantity, locale);
                let others: Vec<String> = r
                    .violations
                    .iter()
                    .filter(|v| !matches!(v, Violation::Invalid { field: Field::ReservationQuantity, .. }))
                    .map(|v| messages::violation(v, locale))
                    .collect();
                (quantity, others)
            })
    };
    view! {
        <form class="card new-reservation" on:submit=|ev| ev.prevent_default() aria-label=move || i18n.t(Key::RsvNewHeading)>
            <h2>{move || i18n.t(Key::RsvNewHeading)}</h2>
            <div class="fields">
                <label>
                    {move || i18n.t(Key::RsvVmSizeRegion)}
                    <select on:change=move |ev| offer.set(OfferId(event_target_value(&ev)))>
                        {offer_options
                            .into_iter()
                            .map(|(id, label, _)| {
                                let sel = id.clone();
                                view! { <option value=id.0 selected=move || offer.with(|o| o == &sel)>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    {move || i18n.t(Key::ColTerm)}
                    <select on:change=move |ev| {
                        if let Some(t) = terms().into_iter().find(|t| format!("{t:?}") == event_target_value(&ev)) {
                            term.set(t);
                        }
                    }>
                        {move || terms()
                            .into_iter()
                            .map(|t| view! { <option value=format!("{t:?}") selected=move || term.get() == t>{move || i18n.t(messages::term(t))}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    {move || i18n.t(Key::ReservationBilling)}
                    <select on:change=move |ev| billing.set(if event_target_value(&ev) == "monthly" { ReservationBilling::Monthly } else { ReservationBilling::Upfront })>
                        <option value="upfront" selected=move || billing.get() == ReservationBilling::Upfront>{move || i18n.t(Key::BillingUpfront)}</option>
                        <option value="monthly" selected=move || billing.get() == ReservationBilling::Monthly>{move || i18n.t(Key::BillingMonthlyRes)}</option>
                    </select>
                </label>
                {inputs.view(customer.clone())}
                <label>
                    {move || i18n.t(Key::ColQuantity)}
                    <input type="number" inputmode="numeric" step="1" min="1" prop:value=quantity on:input=move |ev| quantity.set(event_target_value(&ev))/>
                    {move || choice_error().and_then(|(q, _)| q).map(|m| view! { <span class="field-error">{m}</span> })}
                </label>
            </div>
            {move || missing_sub.get().then(|| view! { <p class="field-error" role="alert">{i18n.t(Key::LineSingleNeedsSubscription)}</p> })}
            {move || choice_error().map(|(_, others)| others).filter(|o| !o.is_empty()).map(|o| view! {
                <div class="alert error" role="alert"><ul>{o.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul></div>
            })}
        </form>
        {quote}
    }
}

/// Basics, Problem, Contact information, Review and create (RULES §6.5).
#[component]
fn Wizard(
    kind: RequestKind,
    ids: Vec<ReservationId>,
    new_res: RwSignal<Option<Result<NewReservation, Rejection>>>,
    done: RwSignal<Option<SupportRequest>>,
) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let ids = StoredValue::new(ids);
    let step = RwSignal::new(1u8);
    let (name, email) = app.state.with_untracked(|s| {
        let me = app.user.get_untracked();
        s.users.iter().find(|u| u.id == me).map(|u| (u.name.clone(), u.email.clone())).unwrap_or_default()
    });
    let contact = RwSignal::new(ContactForm { name, email, phone: String::new(), preferred: ContactMethod::Email });
    let contact_rej = RwSignal::new(None::<Rejection>);
    let create_rej = RwSignal::new(None::<Rejection>);
    const STEPS: [Key; 4] = [Key::RsvStepBasics, Key::RsvStepProblem, Key::RsvStepContact, Key::RsvStepCreate];
    let orders = move || {
        app.state.with(|s| {
            ids.get_value()
                .iter()
                .map(|id| {
                    let order = s.reservations.get(id).map(|r| r.reservation_order.0.clone()).unwrap_or_default();
                    (id.0.clone(), order)
                })
                .collect::<Vec<_>>()
        })
    };
    let check_contact = move || {
        let r = Rejection::check(rsv::check_contact(&contact.get_untracked())).err();
        let ok = r.is_none();
        contact_rej.set(r);
        ok
    };
    let create = move || {
        create_rej.set(None);
        let request = match kind {
            RequestKind::Refund => ReservationRequestKind::Refund,
            RequestKind::Exchange => match new_res.get_untracked() {
                Some(Ok(n)) => ReservationRequestKind::Exchange(n),
                Some(Err(r)) => return create_rej.set(Some(r)),
                None => return,
            },
        };
        let cmd = Command::FileReservationRequest {
            reservations: ids.get_value(),
            kind: request,
            contact: contact.get_untracked(),
        };
        match app.dispatch(cmd) {
            Ok(events) => done.set(events.into_iter().find_map(|e| match e {
                Event::SupportRequestFiled(r) => Some(*r),
                _ => None,
            })),
            Err(r) => create_rej.set(Some(r)),
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match step.get_untracked() {
            3 => {
                if check_contact() {
                    step.set(4)
                }
            }
            4 => create(),
            n => step.set(n + 1),
        }
    };
    let text = move |field: Field,
                     label: Key,
                     kind: &'static str,
                     get: fn(&ContactForm) -> String,
                     set: fn(&mut ContactForm, String)| {
        view! {
            <label>
                {move || i18n.t(label)}
                <input
                    type=kind
                    prop:value=move || contact.with(get)
                    on:input=move |ev| contact.update(|c| set(c, event_target_value(&ev)))
                    aria-invalid=field_invalid(contact_rej, field)
                />
                {field_error(contact_rej, field)}
            </label>
        }
    };
    let step_heading = move |n: u8| {
        let name = i18n.t(STEPS[usize::from(n - 1)]);
        i18n.tf(Key::RsvStepOf, &[("n", &n.to_string()), ("total", &STEPS.len().to_string()), ("name", name)])
    };
    let kind_key = match kind {
        RequestKind::Refund => Key::RsvKindRefund,
        RequestKind::Exchange => Key::RsvKindExchange,
    };
    let ids_view = move || {
        let locale = i18n.locale.get();
        let rows = orders();
        let (rids, oids): (Vec<String>, Vec<String>) = rows.into_iter().unzip();
        facts(
            "request-ids",
            vec![
                (Key::RsvReservationId.text(locale).to_string(), rids.join(", ")),
                (Key::RsvReservationOrderId.text(locale).to_string(), oids.join(", ")),
            ],
        )
    };
    let single = move |label: Key, value: Key| {
        view! {
            <label>
                {move || i18n.t(label)}
                <select>
                    <option selected=true>{move || i18n.t(value)}</option>
                </select>
            </label>
        }
    };
    let back = move |_| step.update(|n| *n = n.saturating_sub(1).max(1));
    let has_previous = move || step.get() > 1;
    view! {
        <form class="card wizard" on:submit=submit novalidate aria-label=move || i18n.t(Key::RsvWizard)>
            <ol class="steps" aria-label=move || i18n.t(Key::RsvWizard)>
                {(1..=4u8)
                    .map(|n| view! {
                        <li aria-current=move || (step.get() == n).then_some("step")>{move || i18n.t(STEPS[usize::from(n - 1)])}</li>
                    })
                    .collect_view()}
            </ol>
            <h2>{move || step_heading(step.get())}</h2>
            {move || match step.get() {
                1 => view! {
                    {single(Key::RsvIssueType, Key::RsvIssueBilling)}
                    <p><strong>{move || i18n.t(Key::RsvRequestKind)} {move || i18n.t(Key::Colon)}</strong>{move || i18n.t(kind_key)}</p>
                }
                .into_any(),
                2 => view! {
                    {single(Key::RsvProblemType, Key::RsvProblemReservations)}
                    {single(Key::RsvCategory, Key::RsvCategoryExchangesRefunds)}
                    {ids_view}
                }
                .into_any(),
                3 => view! {
                    {text(Field::ContactName, Key::FieldContactName, "text", |c| c.name.clone(), |c, v| c.name = v)}
                    {text(Field::ContactEmail, Key::FieldContactEmail, "email", |c| c.email.clone(), |c, v| c.email = v)}
                    <fieldset class="radios">
                        <legend>{move || i18n.t(Key::RsvPreferred)}</legend>
                        <label>
                            <input
                                type="radio"
                                name="preferred"
                                prop:checked=move || contact.with(|c| c.preferred == ContactMethod::Email)
                                on:change=move |_| contact.update(|c| c.preferred = ContactMethod::Email)
                            />
                            {move || i18n.t(Key::RsvMethodEmail)}
                        </label>
                        <label>
                            <input
                                type="radio"
                                name="preferred"
                                prop:checked=move || contact.with(|c| c.preferred == ContactMethod::Phone)
                                on:change=move |_| contact.update(|c| c.preferred = ContactMethod::Phone)
                            />
                            {move || i18n.t(Key::RsvMethodPhone)}
                        </label>
                    </fieldset>
                    {text(Field::ContactPhone, Key::FieldContactPhone, "tel", |c| c.phone.clone(), |c, v| c.phone = v)}
                    <span class="hint">{move || i18n.t(Key::RsvPhoneHint)}</span>
                }
                .into_any(),
                _ => {
                    let locale = i18n.locale.get();
                    let c = contact.get();
                    let t = |k: Key| k.text(locale).to_string();
                    let method = t(if c.preferred == ContactMethod::Phone { Key::RsvMethodPhone } else { Key::RsvMethodEmail });
                    view! {
                        {facts(
                            "request-summary",
                            vec![
                                (t(Key::RsvRequestKind), t(kind_key)),
                                (t(Key::RsvIssueType), t(Key::RsvIssueBilling)),
                                (t(Key::RsvProblemType), t(Key::RsvProblemReservations)),
                                (t(Key::RsvCategory), t(Key::RsvCategoryExchangesRefunds)),
                                (t(Key::FieldContactName), c.name.clone()),
                                (t(Key::FieldContactEmail), c.email.clone()),
                                (t(Key::FieldContactPhone), c.phone.clone()),
                                (t(Key::RsvPreferred), method),
                            ],
                        )}
                        {ids_view}
                    }
                    .into_any()
                }
            }}
            <RejectionList rejection=create_rej.into()/>
            <div class="toolbar">
                <Show when=has_previous>
                    <button type="button" on:click=back>{move || i18n.t(Key::RsvPrevious)}</button>
                </Show>
                <button type="submit">
                    {move || if step.get() < 4 { i18n.t(Key::RsvNext) } else { i18n.t(Key::RsvCreate) }}
                </button>
            </div>
        </form>
    }
}

/// What a created request did: its ID and amount, the reservations ended, the credit on the next invoice.
#[component]
fn Created(req: SupportRequest, customer: CustomerId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let req = StoredValue::new(req);
    move || {
        let locale = i18n.locale.get();
        let r = req.get_value();
        let Some(detail) = r.reservation().cloned() else { return ().into_any() };
        let ids = detail.reservations.iter().map(|i| i.0.clone()).collect::<Vec<_>>().join(", ");
        let amount = format::money(r.amount, locale);
        let (what, new_link) = match (&detail.action, &detail.new_reservation) {
            (ReservationRequestKind::Exchange(_), Some(new)) => {
                let total = app.state.with(|s| s.reservations.get(new).map(|n| n.total));
                let text = fill(
                    Key::RsvCreatedExchange.text(locale),
                    &[
                        ("reservations", &ids),
                        ("amount", &amount),
                        ("reservation", new.as_str()),
                        ("total", &total.map(|t| format::money(t, locale)).unwrap_or_default()),
                    ],
                );
                let href = Route::Reservation { customer: customer.clone(), id: new.clone() }.href();
                let label = fill(Key::RsvOpenReservation.text(locale), &[("reservation", new.as_str())]);
                (text, Some((href, label)))
            }
            _ => (fill(Key::RsvCreatedRefund.text(locale), &[("reservations", &ids), ("amount", &amount)]), None),
        };
        let statuses = app.state.with(|s| {
            detail
                .reservations
                .iter()
                .filter_map(|id| s.reservations.get(id))
                .map(|x| (x.id.0.clone(), messages::reservation_status(x.status).text(locale).to_string()))
                .collect::<Vec<_>>()
        });
        view! {
            <div class="card created" data-testid="request-created">
                <p class="alert info" role="status">{fill(Key::RsvCreated.text(locale), &[("request", r.id.as_str())])}</p>
                <p>{what}</p>
                {facts(
                    "created-facts",
                    [
                        vec![
                            (Key::RsvColRequest.text(locale).to_string(), r.id.0.clone()),
                            (Key::RsvColAmount.text(locale).to_string(), amount.clone()),
                        ],
                        statuses,
                    ]
                    .concat(),
                )}
                <div class="toolbar">
                    {new_link.map(|(href, label)| view! { <a class="button primary" href=href>{label}</a> })}
                    <a class="button" href=tab_href(&customer)>{Key::RsvBackToList.text(locale)}</a>
                    {app.can(Permission::ViewBilling).then(|| view! { <a class="button" href=Route::Billing.href()>{Key::RsvOpenBilling.text(locale)}</a> })}
                </div>
            </div>
        }
        .into_any()
    }
}
