//! The Customers list: search by company name or domain, sortable columns, Add customer.

use crate::components::empty::empty_state;
use crate::components::errors::RequirePermission;
use crate::components::export::{export_button, CsvFile};
use crate::ctx::use_app;
use crate::i18n::country_name;
use crate::i18n::fold;
use crate::i18n::Key;
use crate::messages;
use crate::route::{CustomerListQuery, CustomerSort, Route};
use csp_engine::customers::search_with;
use csp_engine::export::{self, Cell};
use csp_engine::roles::Permission;
use leptos::prelude::*;

/// Company name, domain, country, segment (in the page's language) and customer ID.
type CustomerRow = (String, String, String, String, String);

#[component]
pub fn CustomersPage(query: CustomerListQuery) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    // The route is followed below (`current`); the shell keeps this page while only its query changes.
    let _ = query;
    // The URL is the source of truth for search and sort.
    let current = Memo::new(move |_| {
        app.route.with(|r| match r {
            Route::Customers(q) => q.clone(),
            _ => CustomerListQuery::default(),
        })
    });
    let set_query = move |next: CustomerListQuery| app.replace_route(Route::Customers(next));
    let rows = Memo::new(move |_| {
        let locale = i18n.locale.get();
        let query = current.get();
        app.state.with(|s| {
            let mut rows: Vec<(String, CustomerRow)> = search_with(s, &query.text, fold)
                .into_iter()
                .map(|c| {
                    let row = (
                        c.company_name.clone(),
                        c.domain.clone(),
                        country_name(&c.country, locale),
                        messages::segment(c.segment).text(locale).to_string(),
                        c.id.0.clone(),
                    );
                    // Each row's key folded once (not at every comparison); domains are lower-case ASCII.
                    let key = match query.sort {
                        CustomerSort::Name => fold(&row.0),
                        CustomerSort::Domain => row.1.clone(),
                        CustomerSort::Country => fold(&row.2),
                        CustomerSort::Segment => fold(&row.3),
                    };
                    (key, row)
                })
                .collect();
            csp_engine::sort::sort_by(&mut rows, |a, b| a.0.cmp(&b.0).then_with(|| a.1 .0.cmp(&b.1 .0)));
            if query.descending {
                rows.reverse();
            }
            rows.into_iter().map(|(_, row)| row).collect::<Vec<_>>()
        })
    });
    let columns = [
        (CustomerSort::Name, Key::ColName),
        (CustomerSort::Domain, Key::ColDomain),
        (CustomerSort::Country, Key::ColCountry),
        (CustomerSort::Segment, Key::ColSegment),
    ];
    let header = move |sort: CustomerSort, key: Key| {
        let aria = move || {
            let cur = current.get();
            if cur.sort != sort {
                "none"
            } else if cur.descending {
                "descending"
            } else {
                "ascending"
            }
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button
                    type="button"
                    class="sort"
                    aria-label=move || i18n.tf(Key::SortBy, &[("column", i18n.t(key))])
                    on:click=move |_| {
                        let mut next = current.get_untracked();
                        next.descending = next.sort == sort && !next.descending;
                        next.sort = sort;
                        set_query(next);
                    }
                >
                    {move || i18n.t(key)}
                    {move || {
                        let cur = current.get();
                        match (cur.sort == sort, cur.descending) {
                            (false, _) => "",
                            (true, true) => " ▼",
                            (true, false) => " ▲",
                        }
                    }}
                </button>
            </th>
        }
    };

    view! {
        <section>
            <h1>{move || i18n.t(Key::CustomersTitle)}</h1>
            <RequirePermission permission=Permission::ViewCustomers>
                <div class="toolbar">
                    <label class="search">
                        <span class="visually-hidden">{move || i18n.t(Key::SearchCustomers)}</span>
                        <input
                            type="search"
                            placeholder=move || i18n.t(Key::SearchCustomers)
                            aria-label=move || i18n.t(Key::SearchCustomers)
                            prop:value=move || current.get().text
                            on:input=move |ev| {
                                let mut next = current.get_untracked();
                                next.text = event_target_value(&ev);
                                set_query(next);
                            }
                        />
                    </label>
                    <Show when=move || app.can(Permission::EditCustomers)>
                        <a class="button primary" href=Route::NewCustomer.href()>{move || i18n.t(Key::AddCustomer)}</a>
                    </Show>
                    {export_button("export-customers", move |locale, today| {
                        let header = columns.map(|(_, k)| k.text(locale));
                        let rows: Vec<Vec<Cell>> = rows.with_untracked(|rows| {
                            rows.iter().map(|r| [&r.0, &r.1, &r.2, &r.3].map(|c| Cell::text(c.as_str())).to_vec()).collect()
                        });
                        CsvFile::new(export::file_name("customers", today), &header, rows)
                    })}
                </div>
                <p role="status">{move || {
                    let n = rows.with(|r| r.len()) as i64;
                    i18n.tn(Key::CustomersCount, n, &[("count", &crate::i18n::format::integer(n, i18n.locale.get()))])
                }}</p>
                <Show
                    when=move || rows.with(|r| !r.is_empty())
                    fallback=move || {
                        // None at all: say how to start; none matching: how to see them all again.
                        let none = app.state.with(|s| s.customers.is_empty());
                        move || {
                            let locale = i18n.locale.get();
                            if none {
                                empty_state(Key::PagesNoCustomersYet, Key::AddCustomer, Route::NewCustomer.href(), locale).into_any()
                            } else {
                                let all = Route::Customers(Default::default()).href();
                                empty_state(Key::NoCustomers, Key::PagesClearSearch, all, locale).into_any()
                            }
                        }
                    }
                >
                    <div class="table-scroll">
                        <table class="grid" data-testid="customers-table">
                            <thead>
                                <tr>{columns.map(|(sort, key)| header(sort, key)).collect_view()}</tr>
                            </thead>
                            <tbody>
                                <For each=move || rows.get() key=|r| r.clone() let:r>
                                    <tr>
                                        <td>
                                            <a href=Route::Customer { id: csp_engine::ids::CustomerId(r.4.clone()), tab: Default::default() }.href()>
                                                {r.0.clone()}
                                            </a>
                                        </td>
                                        <td>{r.1.clone()}</td>
                                        <td>{r.2.clone()}</td>
                                        <td>{r.3.clone()}</td>
                                    </tr>
                                </For>
                            </tbody>
                        </table>
                    </div>
                </Show>
            </RequirePermission>
        </section>
    }
}
