//! Cart, Review and the order confirmation (RULES §3). Every line is validated by the engine on every
//! change; an invalid line says why and blocks Buy while the others keep their values.

use crate::components::empty::empty_state;
use crate::components::errors::{RejectionList, RequirePermission};
use crate::ctx::use_app;
use crate::i18n::{format, Key};
use crate::messages;
use crate::route::{CatalogQuery, CustomerTab, Route};
use chrono::Datelike;
use csp_engine::cart::{review, validate_cart, CartLine, LineId, LineInput};
use csp_engine::checkout::orders_of_cart;
use csp_engine::ids::{CartId, CustomerId};
use csp_engine::money::Money;
use csp_engine::roles::Permission;
use csp_engine::{Command, Rejection};
use leptos::prelude::*;
use std::collections::BTreeMap;

fn customer_name(customer: &CustomerId) -> String {
    use_app().state.with(|s| s.customers.get(customer).map(|c| c.company_name.clone()).unwrap_or_default())
}

/// The customer's open cart, if any.
fn cart_of(customer: &CustomerId) -> Option<CartId> {
    use_app().state.with(|s| s.carts.get(customer).map(|c| c.id.clone()))
}

/// The quantities typed on the Cart that are not whole numbers, by line, for the customer's open cart.
fn drafts_of(customer: &CustomerId) -> BTreeMap<LineId, String> {
    let app = use_app();
    let Some(cart) = cart_of(customer) else { return BTreeMap::new() };
    app.cart_drafts.with(|d| d.iter().filter(|((c, _), _)| *c == cart).map(|((_, l), t)| (*l, t.clone())).collect())
}

#[component]
pub fn CartPage(customer: CustomerId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let customer = StoredValue::new(customer);
    let rejection = RwSignal::new(None::<Rejection>);
    let lines = Memo::new(move |_| {
        app.state.with(|s| s.carts.get(&customer.get_value()).map(|c| c.lines.clone()).unwrap_or_default())
    });
    let add_more = move || Route::AddProducts { customer: customer.get_value(), query: CatalogQuery::default() }.href();
    view! {
        <section>
            <h1>{move || i18n.tf(Key::CartTitle, &[("customer", &customer_name(&customer.get_value()))])}</h1>
            <RequirePermission permission=Permission::ViewCustomers action=Permission::ManageSubscriptions>
                <RejectionList rejection=rejection.into()/>
                <Show
                    when=move || lines.with(|l| !l.is_empty())
                    fallback=move || move || empty_state(Key::CartEmpty, Key::AddProducts, add_more(), i18n.locale.get())
                >
                    <div class="table-scroll">
                        <table class="grid" data-testid="cart-table">
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t(Key::ColOffer)}</th>
                                    <th scope="col">{move || i18n.t(Key::ColQuantity)}</th>
                                    <th scope="col">{move || i18n.t(Key::ColBilling)}</th>
                                    <th scope="col">{move || i18n.t(Key::ColTerm)}</th>
                                    <th scope="col" class="num">{move || i18n.t(Key::ColLineTotal)}</th>
                                    <th scope="col"></th>
                                </tr>
                            </thead>
                            <tbody>
                                <For
                                    each=move || lines.get()
                                    key=|l| l.id
                                    children=move |line| view! { <CartRow line customer=customer.get_value() rejection/> }
                                />
                            </tbody>
                        </table>
                    </div>
                </Show>
                <Show when=move || lines.with(|l| !l.is_empty())>
                    <div class="toolbar">
                        <a class="button" href=add_more>{move || i18n.t(Key::ContinueShopping)}</a>
                        <a class="button primary" href=move || Route::Review { customer: customer.get_value() }.href()>
                            {move || i18n.t(Key::Review)}
                        </a>
                    </div>
                </Show>
            </RequirePermission>
        </section>
    }
}

#[component]
fn CartRow(line: CartLine, customer: CustomerId, rejection: RwSignal<Option<Rejection>>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let id: LineId = line.id;
    let customer = StoredValue::new(customer);
    let offer = app.state.with_untracked(|s| s.catalog.get(&line.offer).cloned());
    let name = offer.as_ref().map(|o| o.name.clone()).unwrap_or_else(|| line.offer.0.clone());
    let billings = offer.as_ref().map(|o| o.billing.clone()).unwrap_or_default();
    let terms = offer.as_ref().map(|o| o.terms.clone()).unwrap_or_default();
    let is_reservation = line.reservation.is_some();
    // A quantity typed earlier that is not a whole number stays, with its error, until corrected.
    let draft_key = move || cart_of(&customer.get_value()).map(|c| (c, id));
    let draft = move || draft_key().and_then(|k| app.cart_drafts.with(|d| d.get(&k).cloned()));
    let quantity = RwSignal::new(draft().unwrap_or_else(|| line.quantity.to_string()));
    let not_whole = Memo::new(move |_| draft().is_some());
    let base = StoredValue::new(line);

    let update = move |change: &dyn Fn(&mut LineInput)| {
        // The line as it is now (an earlier change of this row may have changed it).
        let current = app.state.with_untracked(|s| {
            s.carts.get(&customer.get_value()).and_then(|c| c.lines.iter().find(|l| l.id == id).cloned())
        });
        let l = current.unwrap_or_else(|| base.get_value());
        let mut input = LineInput {
            offer: l.offer,
            quantity: l.quantity,
            billing: l.billing,
            term: l.term,
            reservation: l.reservation,
        };
        change(&mut input);
        match app.dispatch(Command::UpdateCartLine { customer: customer.get_value(), line: id, input }) {
            Ok(_) => rejection.set(None),
            Err(r) => rejection.set(Some(r)),
        }
    };
    let on_quantity = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        quantity.set(text.clone());
        let Some(key) = draft_key() else { return };
        match text.trim().parse::<i64>() {
            Ok(q) => {
                app.cart_drafts.update(|d| {
                    d.remove(&key);
                });
                update(&|i| i.quantity = q);
            }
            Err(_) => app.cart_drafts.update(|d| {
                d.insert(key, text);
            }),
        }
    };
    let issues = Memo::new(move |_| {
        let locale = i18n.locale.get();
        app.state.with(|s| {
            validate_cart(s, &customer.get_value())
                .into_iter()
                .find(|(l, _)| *l == id)
                .map(|(_, issues)| issues.iter().map(|i| messages::line_issue(i, locale)).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let total = move || {
        let locale = i18n.locale.get();
        if not_whole.get() {
            return String::new();
        }
        app.state.with(|s| {
            review(s, &customer.get_value())
                .and_then(|r| r.lines.into_iter().find(|l| l.line == id))
                .and_then(|l| l.line_total)
                .map(|m| format::money(m, locale))
                .unwrap_or_default()
        })
    };
    let remove = move |_| {
        let key = draft_key();
        match app.dispatch(Command::RemoveCartLine { customer: customer.get_value(), line: id }) {
            Ok(_) => {
                if let Some(key) = key {
                    app.cart_drafts.update(|d| {
                        d.remove(&key);
                    });
                }
                rejection.set(None)
            }
            Err(r) => rejection.set(Some(r)),
        }
    };
    let label = name.clone();
    // The billing and term selects are named like the quantity field: column — offer (axe: select-name).
    let (billing_label, term_label) = (name.clone(), name.clone());
    view! {
        <tr data-line=id.to_string() aria-invalid=move || (not_whole.get() || issues.with(|i| !i.is_empty())).then_some("true")>
            <th scope="row">
                {name.clone()}
                <Show when=move || issues.with(|i| !i.is_empty()) || not_whole.get()>
                    <ul class="line-issues" role="alert">
                        {move || not_whole.get().then(|| view! { <li>{i18n.t(Key::QuantityNotWhole)}</li> })}
                        {move || issues.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                </Show>
            </th>
            <td>
                <input
                    type="number"
                    step="1"
                    aria-label=move || format!("{} — {}", i18n.t(Key::ColQuantity), label)
                    prop:value=quantity
                    aria-invalid=move || not_whole.get().then_some("true")
                    on:change=on_quantity
                />
            </td>
            <td>
                {if is_reservation || billings.len() < 2 {
                    view! { <span>{move || i18n.t(messages::frequency(base.with_value(|l| l.billing)))}</span> }.into_any()
                } else {
                    let options = billings.clone();
                    view! {
                        <select aria-label=move || format!("{} — {}", i18n.t(Key::ColBilling), billing_label) on:change=move |ev| {
                            if let Some(b) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| billings.get(i).copied()) {
                                update(&|i| i.billing = b);
                            }
                        }>
                            {options.into_iter().enumerate().map(|(i, b)| view! {
                                <option value=i.to_string() selected=base.with_value(|l| l.billing) == b>{move || i18n.t(messages::frequency(b))}</option>
                            }).collect_view()}
                        </select>
                    }.into_any()
                }}
            </td>
            <td>
                {if terms.len() < 2 {
                    let t = base.with_value(|l| l.term);
                    view! { <span>{move || if terms.is_empty() { "—" } else { i18n.t(messages::term(t)) }}</span> }.into_any()
                } else {
                    let options = terms.clone();
                    view! {
                        <select aria-label=move || format!("{} — {}", i18n.t(Key::ColTerm), term_label) on:change=move |ev| {
                            if let Some(t) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| terms.get(i).copied()) {
                                update(&|i| i.term = t);
                            }
                        }>
                            {options.into_iter().enumerate().map(|(i, t)| view! {
                                <option value=i.to_string() selected=base.with_value(|l| l.term) == t>{move || i18n.t(messages::term(t))}</option>
                            }).collect_view()}
                        </select>
                    }.into_any()
                }}
            </td>
            <td class="num">{total}</td>
            <td class="actions">
                <button type="button" on:click=remove>{move || i18n.t(Key::RemoveLine)}</button>
            </td>
        </tr>
    }
}

#[component]
pub fn ReviewPage(customer: CustomerId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let customer = StoredValue::new(customer);
    let rejection = RwSignal::new(None::<Rejection>);
    let summary = Memo::new(move |_| app.state.with(|s| review(s, &customer.get_value())));
    // Quantities typed on the Cart that are not whole numbers: the engine's lines still hold the last
    // whole number, which the partner did not enter — those lines are invalid and block Buy.
    let drafts = Memo::new(move |_| drafts_of(&customer.get_value()));
    let buy = move |_| {
        if drafts.with_untracked(|d| !d.is_empty()) {
            return;
        }
        let Some(cart) = summary.get_untracked().and_then(|r| r.cart) else { return };
        match app.dispatch(Command::Checkout { customer: customer.get_value(), cart: cart.clone() }) {
            Ok(_) => {
                rejection.set(None);
                app.navigate(Route::Confirmation { customer: customer.get_value(), cart });
            }
            Err(r) => rejection.set(Some(r)),
        }
    };
    view! {
        <section>
            <h1>{move || i18n.tf(Key::ReviewTitle, &[("customer", &customer_name(&customer.get_value()))])}</h1>
            <RequirePermission permission=Permission::ViewCustomers action=Permission::ManageSubscriptions>
                {move || {
                    let locale = i18n.locale.get();
                    let Some(r) = summary.get() else {
                        return view! { <p class="alert error">{i18n.t(Key::NoSuchCustomer)}</p> }.into_any();
                    };
                    if r.lines.is_empty() {
                        return view! { <p>{i18n.t(Key::CartEmpty)}</p> }.into_any();
                    }
                    let drafts = drafts.get();
                    let has_issues = !drafts.is_empty() || r.lines.iter().any(|l| !l.issues.is_empty());
                    let can_buy = r.can_buy && drafts.is_empty();
                    let credit = &r.credit;
                    let credit_text = match credit.limit {
                        None => i18n.t(Key::NoCreditLimit).to_string(),
                        Some(limit) => i18n.tf(
                            if credit.exceeded { Key::CreditLimitExceeded } else { Key::CreditLimitOk },
                            &[
                                ("limit", &format::money(limit, locale)),
                                ("outstanding", &format::money(credit.outstanding, locale)),
                                ("order", &format::money(credit.order_total, locale)),
                            ],
                        ),
                    };
                    view! {
                        <div class="table-scroll">
                            <table class="grid" data-testid="review-table" tabindex="0">
                                <thead>
                                    <tr>
                                        <th scope="col">{i18n.t(Key::ColOffer)}</th>
                                        <th scope="col" class="num">{i18n.t(Key::ColQuantity)}</th>
                                        <th scope="col">{i18n.t(Key::ColBilling)}</th>
                                        <th scope="col" class="num">{i18n.t(Key::ColUnitPrice)}</th>
                                        <th scope="col" class="num">{i18n.t(Key::ColLineTotal)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {r.lines.iter().map(|l| {
                                        let draft = drafts.get(&l.line).cloned();
                                        let mut issues: Vec<String> = l.issues.iter().map(|i| messages::line_issue(i, locale)).collect();
                                        if draft.is_some() {
                                            issues.insert(0, Key::QuantityNotWhole.text(locale).to_string());
                                        }
                                        let quantity = draft.clone().unwrap_or_else(|| format::integer(l.quantity, locale));
                                        let total = if draft.is_some() { None } else { l.line_total };
                                        let invalid = !issues.is_empty();
                                        view! {
                                            <tr aria-invalid=invalid.then_some("true")>
                                                <th scope="row">
                                                    {l.name.clone()}
                                                    {invalid.then(|| view! {
                                                        <ul class="line-issues" role="alert">
                                                            {issues.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                                                        </ul>
                                                    })}
                                                </th>
                                                <td class="num">{quantity}</td>
                                                <td>{messages::frequency(l.billing).text(locale)}</td>
                                                <td class="num">
                                                    {l.unit_price.map(|m| format::money(m, locale)).unwrap_or_default()}
                                                    {app.state.with_untracked(|s| csp_engine::pricelist::erp_now(s, &l.offer, l.billing, Some(l.term))).map(|(erp, margin)| view! {
                                                        <span class="erp" data-testid="erp-margin">{i18n.tf(Key::ErpAndMargin, &[("erp", &format::money(erp, locale)), ("margin", &format::money(margin, locale))])}</span>
                                                    })}
                                                </td>
                                                <td class="num">{total.map(|m| format::money(m, locale)).unwrap_or_default()}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                                <tfoot>
                                    // No total while a typed quantity is not a whole number: it would add up a quantity not entered.
                                    {r.totals.iter().filter(|_| can_buy || drafts.is_empty()).map(|(b, m)| view! {
                                        <tr>
                                            <th scope="row" colspan="4">{i18n.tf(Key::TotalFor, &[("billing", &messages::frequency(*b).text(locale).to_lowercase())])}</th>
                                            <td class="num" data-testid="review-total">{format::money(*m, locale)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tfoot>
                            </table>
                        </div>
                        <p data-testid="tax-note">{i18n.t(if r.prices_include_tax { Key::PricesIncludeTax } else { Key::PricesExcludeTax })}</p>
                        <p class=if credit.exceeded { "alert error" } else { "" }>{credit_text}</p>
                        {has_issues.then(|| view! { <p class="alert error" role="alert">{i18n.t(Key::FixLinesToBuy)}</p> })}
                        <div class="toolbar">
                            <a class="button" href=Route::Cart { customer: customer.get_value() }.href()>{i18n.t(Key::BackToCart)}</a>
                            <button type="button" class="primary" prop:disabled=!can_buy on:click=buy>{i18n.t(Key::Buy)}</button>
                        </div>
                    }
                    .into_any()
                }}
                <RejectionList rejection=rejection.into()/>
            </RequirePermission>
        </section>
    }
}

/// The records one order created: subscriptions, software purchases and reservations, each with its page.
fn created_by_order(s: &csp_engine::State, order: &csp_engine::ids::OrderId) -> Vec<(String, String)> {
    let customer = |c: &CustomerId| c.clone();
    let mut out: Vec<(String, String)> = s
        .subscriptions
        .values()
        .filter(|x| &x.order == order)
        .map(|x| {
            let href = Route::Subscription { customer: customer(&x.customer), id: x.id.clone() }.href();
            (format!("{} ({})", x.name, x.id), href)
        })
        .collect();
    out.extend(s.software.values().filter(|x| &x.order == order).map(|x| {
        let href = Route::Customer { id: customer(&x.customer), tab: CustomerTab::Software }.href();
        (format!("{} ({})", x.name, x.id), href)
    }));
    out.extend(s.reservations.values().filter(|x| &x.order == order).map(|x| {
        let href = Route::Reservation { customer: customer(&x.customer), id: x.id.clone() }.href();
        (format!("{} ({})", x.name, x.id), href)
    }));
    out
}

/// After Buy: each order with its lines, quantities, amounts and billing group, links to what it created,
/// and to the invoice of the billing month where its charges will appear.
#[component]
pub fn ConfirmationPage(customer: CustomerId, cart: CartId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let orders = {
        let cart = cart.clone();
        move || app.state.with(|s| orders_of_cart(s, &cart).into_iter().cloned().collect::<Vec<_>>())
    };
    let setup_links = {
        let cart = cart.clone();
        move || {
            app.state.with(|s| {
                let order_ids: Vec<_> = orders_of_cart(s, &cart).into_iter().map(|o| o.id.clone()).collect();
                s.subscriptions
                    .values()
                    .filter(|sub| order_ids.contains(&sub.order))
                    .filter_map(|sub| {
                        s.catalog.get(&sub.offer).and_then(|o| o.setup_url.clone()).map(|url| (sub.name.clone(), url))
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let orders_href = Route::Customer { id: customer.clone(), tab: CustomerTab::Orders }.href();
    view! {
        <section class="confirmation">
            <h1>{move || i18n.t(Key::ConfirmationTitle)}</h1>
            {move || {
                let orders = orders();
                let locale = i18n.locale.get();
                let Some(first) = orders.first() else {
                    return view! { <p class="alert error">{i18n.t(Key::NoSuchCart)}</p> }.into_any();
                };
                let numbers = orders.iter().map(|o| o.number.clone()).collect::<Vec<_>>().join(", ");
                let day = first.created_at.date_naive();
                let (year, month) = (day.year(), day.month());
                let month_name = format::month_year(year, month, locale);
                let cards = orders
                    .iter()
                    .map(|o| {
                        let total = Money::sum(o.lines.iter().map(|l| l.line_total));
                        let created = app.state.with(|s| created_by_order(s, &o.id));
                        let lines = o
                            .lines
                            .iter()
                            .map(|l| {
                                view! {
                                    <tr>
                                        <td>{l.offer_name.clone()}</td>
                                        <td class="num">{l.quantity}</td>
                                        <td>{i18n.t(messages::term(l.term))}</td>
                                        <td class="num">{format::money(l.unit_price, locale)}</td>
                                        <td class="num">{format::money(l.line_total, locale)}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        view! {
                            <section class="card order" data-testid="confirmed-order" data-order=o.number.clone()>
                                <h2>{i18n.tf(Key::PagesOrderHeading, &[("number", &o.number)])}</h2>
                                <p class="billing-group">
                                    {i18n.tf(Key::PagesBillingGroup, &[("billing", i18n.t(messages::frequency(o.billing)))])}
                                    <br/>
                                    <strong>
                                        {total.map(|t| i18n.tf(Key::PagesOrderTotal, &[("total", &format::money(t, locale))]))}
                                    </strong>
                                </p>
                                <div class="table-scroll">
                                    <table class="grid" tabindex="0">
                                        <thead>
                                            <tr>
                                                <th scope="col">{i18n.t(Key::ColOffer)}</th>
                                                <th scope="col" class="num">{i18n.t(Key::ColQuantity)}</th>
                                                <th scope="col">{i18n.t(Key::ColTerm)}</th>
                                                <th scope="col" class="num">{i18n.t(Key::ColUnitPrice)}</th>
                                                <th scope="col" class="num">{i18n.t(Key::ColLineTotal)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>{lines}</tbody>
                                        <tfoot>
                                            <tr>
                                                <th scope="row" colspan="4">{i18n.t(Key::ColTotal)}</th>
                                                <td class="num">{total.map(|t| format::money(t, locale)).unwrap_or_default()}</td>
                                            </tr>
                                        </tfoot>
                                    </table>
                                </div>
                                {(!created.is_empty()).then(|| view! {
                                    <h3>{i18n.t(Key::PagesCreatedByOrder)}</h3>
                                    <ul class="created">
                                        {created.into_iter().map(|(text, href)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
                                    </ul>
                                })}
                            </section>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="flash ok" role="status">{i18n.t(Key::OrderConfirmed)}</p>
                    <p data-testid="order-numbers">{i18n.tf(Key::OrderNumbers, &[("numbers", &numbers)])}</p>
                    {cards}
                    <p class="invoice-to-come" data-testid="invoice-to-come">
                        {i18n.tf(Key::PagesInvoiceToCome, &[("month", &month_name)])} " "
                        <a href=Route::Invoice { year, month }.href()>{i18n.tf(Key::PagesOpenInvoice, &[("month", &month_name)])}</a>
                    </p>
                }
                .into_any()
            }}
            <ul class="setup-links">
                {move || setup_links().into_iter().map(|(name, url)| view! {
                    <li>{name} ": " <a href=url target="_blank" rel="noopener">{i18n.t(Key::SetupLink)}</a></li>
                }).collect_view()}
            </ul>
            <a class="button" href=orders_href>{move || i18n.t(Key::TabOrders)}</a>
        </section>
    }
}
