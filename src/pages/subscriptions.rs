//! The partner-wide Subscriptions list: every customer's subscriptions, filtered by status, customer,
//! publisher and "renews within N days" (filters in the URL), exportable as CSV.

use crate::components::badge;
use crate::components::empty::empty_state;
use crate::components::errors::RequirePermission;
use crate::components::export::{self as cell, export_button, CsvFile};
use crate::components::filter_select::{filter_select, FilterOption};
use crate::ctx::use_app;
use crate::i18n::{fold, Key, Locale};
use crate::messages;
use crate::route::{Route, SubscriptionListQuery, MAX_WITHIN_DAYS, PUBLISHERS, STATUSES};
use chrono::NaiveDate;
use csp_engine::catalog::PublisherKind;
use csp_engine::export::{self, Cell};
use csp_engine::ids::CustomerId;
use csp_engine::records::{self, Subscription};
use csp_engine::roles::Permission;
use csp_engine::State;
use leptos::prelude::*;
use std::collections::BTreeMap;

const COLUMNS: [Key; 7] = [
    Key::ColCustomer,
    Key::ColName,
    Key::ColPublisher,
    Key::ColQuantity,
    Key::ColStatus,
    Key::ColTermEnd,
    Key::FactAutoRenew,
];

fn publisher(s: &Subscription) -> PublisherKind {
    match s.publisher {
        records::PublisherKind::Microsoft => PublisherKind::Microsoft,
        records::PublisherKind::Isv => PublisherKind::Partner,
    }
}

/// The subscriptions the filters keep, by customer name then subscription name. A bad N filters nothing
/// (the page says why).
fn matching<'a>(state: &'a State, q: &SubscriptionListQuery, today: NaiveDate) -> Vec<&'a Subscription> {
    let within = q.within_days().ok().flatten();
    // Each customer's name folded once (the fold may ask the browser), not at every comparison.
    let names: BTreeMap<&CustomerId, String> =
        state.customers.iter().map(|(id, c)| (id, fold(&c.company_name))).collect();
    let mut out: Vec<(&str, &Subscription)> = state
        .subscriptions
        .values()
        .filter(|s| q.status.is_none_or(|st| s.status == st))
        .filter(|s| q.customer.as_ref().is_none_or(|c| &s.customer == c))
        .filter(|s| q.publisher.is_none_or(|p| publisher(s) == p))
        .filter(|s| within.is_none_or(|n| csp_engine::subscriptions::renews_within(s, today, n)))
        .map(|s| (names.get(&s.customer).map_or("", String::as_str), s))
        .collect();
    csp_engine::sort::sort_by(&mut out, |(an, a), (bn, b)| {
        an.cmp(bn).then_with(|| a.name.cmp(&b.name)).then_with(|| a.id.cmp(&b.id))
    });
    out.into_iter().map(|(_, s)| s).collect()
}

/// The options of a filter whose values are the URL's slugs, worded in `locale`.
fn slug_options<T: Copy>(table: &[(&str, T)], name: fn(T) -> Key, locale: Locale) -> Vec<FilterOption<T>> {
    table.iter().map(|(slug, v)| (slug.to_string(), *v, name(*v).text(locale).to_string())).collect()
}

fn yes_no(b: bool) -> Key {
    if b {
        Key::RsvYes
    } else {
        Key::RsvNo
    }
}

fn customer_name(state: &State, id: &CustomerId) -> String {
    state.customers.get(id).map(|c| c.company_name.clone()).unwrap_or_else(|| id.0.clone())
}

fn csv(state: &State, q: &SubscriptionListQuery, today: NaiveDate, locale: Locale) -> CsvFile {
    let rows: Vec<Vec<Cell>> = matching(state, q, today)
        .into_iter()
        .map(|s| {
            vec![
                Cell::text(customer_name(state, &s.customer)),
                Cell::text(s.name.clone()),
                Cell::text(messages::publisher_kind(publisher(s)).text(locale)),
                Cell::integer(s.quantity.into()),
                Cell::text(badge::subscription_words(s, locale)),
                Cell::date(s.term_end),
                Cell::text(yes_no(s.auto_renew).text(locale)),
            ]
        })
        .collect();
    CsvFile::new(export::file_name("subscriptions", today), &COLUMNS.map(|k| k.text(locale)), rows)
}

#[component]
pub fn SubscriptionsPage() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let query = Memo::new(move |_| {
        app.route.with(|r| match r {
            Route::Subscriptions(q) => q.clone(),
            _ => SubscriptionListQuery::default(),
        })
    });
    let set = move |f: &dyn Fn(&mut SubscriptionListQuery)| {
        let mut next = query.get_untracked();
        f(&mut next);
        app.replace_route(Route::Subscriptions(next));
    };
    let today = Memo::new(move |_| app.state.with(|s| s.clock.date_naive()));
    let rows = Memo::new(move |_| {
        let q = query.get();
        let today = today.get();
        app.state.with(|s| matching(s, &q, today).into_iter().cloned().collect::<Vec<_>>())
    });
    let customers = Memo::new(move |_| {
        app.state.with(|s| {
            let mut list: Vec<(String, CustomerId, String)> =
                s.customers.values().map(|c| (fold(&c.company_name), c.id.clone(), c.company_name.clone())).collect();
            csp_engine::sort::sort_by(&mut list, |a, b| a.0.cmp(&b.0));
            list.into_iter().map(|(_, id, n)| (id, n)).collect::<Vec<_>>()
        })
    });
    let bad_within = move || query.with(|q| q.within_days().is_err());
    // The typed N stays in the field as typed; the URL carries it so a link shares the view (and Clear
    // filters empties it).
    let within_text = move || query.with(|q| q.within.clone());

    let table = move || {
        let locale = i18n.locale.get();
        let list = rows.get();
        if list.is_empty() {
            // Filters that keep nothing offer the way back to the whole list.
            if query.with(|q| *q == SubscriptionListQuery::default()) {
                return view! { <p>{i18n.t(Key::NoSubscriptions)}</p> }.into_any();
            }
            let all = Route::Subscriptions(SubscriptionListQuery::default()).href();
            return empty_state(Key::ExportSubsNone, Key::ClearFilters, all, locale).into_any();
        }
        let body = app.state.with(|s| {
            list.iter()
                .map(|sub| {
                    let href = Route::Subscription { customer: sub.customer.clone(), id: sub.id.clone() }.href();
                    let customer = Route::Customer { id: sub.customer.clone(), tab: Default::default() }.href();
                    view! {
                        <tr>
                            <td><a href=customer>{customer_name(s, &sub.customer)}</a></td>
                            <td><a href=href>{sub.name.clone()}</a></td>
                            <td>{i18n.t(messages::publisher_kind(publisher(sub)))}</td>
                            <td class="num">{sub.quantity.to_string()}</td>
                            <td>{badge::subscription(sub, locale)}</td>
                            <td>{cell::date(sub.term_end, locale)}</td>
                            <td>{i18n.t(yes_no(sub.auto_renew))}</td>
                        </tr>
                    }
                })
                .collect_view()
        });
        view! {
            <div class="table-scroll">
                <table class="grid" data-testid="all-subscriptions-table">
                    <thead>
                        <tr>{COLUMNS.map(|k| view! { <th scope="col">{i18n.t(k)}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    view! {
        <section>
            <h1>{move || i18n.t(Key::ExportSubsTitle)}</h1>
            <RequirePermission permission=Permission::ViewCustomers>
                <form class="filters subs-filters" on:submit=|ev| ev.prevent_default() aria-label=move || i18n.t(Key::ExportSubsFilters)>
                    {filter_select(
                        Key::ColStatus,
                        Some("filter-status"),
                        move || slug_options(&STATUSES, messages::subscription_status, i18n.locale.get()),
                        move || query.with(|q| q.status),
                        move |v| set(&|q| q.status = v),
                    )}
                    {filter_select(
                        Key::ColCustomer,
                        Some("filter-customer"),
                        move || customers.get().into_iter().map(|(id, name)| (id.0.clone(), id, name)).collect(),
                        move || query.with(|q| q.customer.clone()),
                        move |v| set(&|q| q.customer = v.clone()),
                    )}
                    {filter_select(
                        Key::ColPublisher,
                        Some("filter-publisher"),
                        move || slug_options(&PUBLISHERS, messages::publisher_kind, i18n.locale.get()),
                        move || query.with(|q| q.publisher),
                        move |v| set(&|q| q.publisher = v),
                    )}
                    <label>
                        {move || i18n.t(Key::ExportRenewsWithin)}
                        <input
                            type="text"
                            inputmode="numeric"
                            size="6"
                            data-testid="filter-within"
                            prop:value=within_text
                            aria-invalid=move || bad_within().then_some("true")
                            aria-describedby="subs-within-error"
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                set(&|q| q.within = v.clone());
                            }
                        />
                    </label>
                    {export_button("export-subscriptions", move |locale, today| {
                        let q = query.get_untracked();
                        app.state.with_untracked(|s| csv(s, &q, today, locale))
                    })}
                </form>
                <p id="subs-within-error" class="field-error" role="alert">
                    {move || {
                        bad_within()
                            .then(|| i18n.tf(Key::ExportBadDays, &[("max", &MAX_WITHIN_DAYS.to_string())]))
                    }}
                </p>
                <p role="status">
                    {move || {
                        let n = rows.with(|r| r.len());
                        let key = if n == 1 || (n == 0 && i18n.locale.get() == Locale::Fr) {
                            Key::ExportSubsCountOne
                        } else {
                            Key::ExportSubsCountMany
                        };
                        i18n.tf(key, &[("count", &n.to_string())])
                    }}
                </p>
                {table}
            </RequirePermission>
        </section>
    }
}
