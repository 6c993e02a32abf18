//! Add subscription / Add products: the catalog for one customer, by tab and filters (kept in the URL),
//! with every reason an offer cannot be bought, and Add to cart.

use crate::components::dialog::Dialog;
use crate::components::errors::{RejectionList, RequirePermission};
use crate::components::filter_select::{self, enum_options};
use crate::ctx::use_app;
use crate::i18n::{format, Arg, Key, Message};
use crate::messages;
use crate::route::{CatalogQuery, CustomerTab, Route};
use csp_engine::cart::{LineInput, ReservationOptions, ScopeChoice};
use csp_engine::catalog::{search_positions, BillingType, Category, Family, Offer, OfferFilter, PublisherKind, Tab};
use csp_engine::customers::Segment;
use csp_engine::eligibility::{eligibility, Ineligible};
use csp_engine::ids::{CustomerId, OfferId, SubscriptionId};
use csp_engine::records::{BillingFrequency, ReservationBilling, ReservationOptimize, Term};
use csp_engine::roles::Permission;
use csp_engine::{Command, Rejection};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn tab_key(t: Tab) -> Key {
    match t {
        Tab::OnlineServices => Key::TabOnlineServices,
        Tab::Software => Key::TabSoftwareProducts,
        Tab::Azure => Key::TabAzure,
    }
}

/// A filter over one enum of the query (the shared `filter_select`). Changing it rewrites the URL.
fn filter_select<T: Copy + PartialEq + Send + Sync + 'static>(
    label: Key,
    options: &'static [T],
    name: fn(T) -> Key,
    get: fn(&CatalogQuery) -> Option<T>,
    set: fn(&mut CatalogQuery, Option<T>),
    query: Memo<CatalogQuery>,
    apply: impl Fn(CatalogQuery) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_app().i18n;
    filter_select::filter_select(
        label,
        None,
        move || enum_options(options, name, i18n.locale.get()),
        move || query.with(get),
        move |v| {
            let mut q = query.get_untracked();
            set(&mut q, v);
            apply(q);
        },
    )
}

/// Offers rendered at first, and added by each "Show more": a page never renders a 10,000-offer catalog at
/// once, so typing in the search box costs the same whatever the catalog's size. 20 cards (a couple of
/// screens) keep a filter change that replaces every card within one frame (measured: 40 cards took
/// ≈ 12 ms at the median and 18–21 ms at p95 in Chromium; see BENCHMARKS.md).
pub const PAGE_SIZE: usize = 20;

const PUBLISHERS: [PublisherKind; 2] = [PublisherKind::Microsoft, PublisherKind::Partner];
const BILLING_TYPES: [BillingType; 2] = [BillingType::License, BillingType::Usage];
const CATEGORIES: [Category; 3] = [Category::Enterprise, Category::SmallBusiness, Category::Trial];

#[component]
pub fn CatalogPage(customer: CustomerId, query: CatalogQuery) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    // The route is followed below (`current`); the shell keeps this page while only its query changes.
    let _ = query;
    let customer = StoredValue::new(customer);
    let current = Memo::new(move |_| {
        app.route.with(|r| match r {
            Route::AddProducts { query, .. } => query.clone(),
            _ => CatalogQuery::default(),
        })
    });
    let apply =
        move |q: CatalogQuery| app.replace_route(Route::AddProducts { customer: customer.get_value(), query: q });
    // Eligibility of every offer for this customer: once per state change, never per keystroke.
    let eligible = Memo::new(move |_| app.state.with(|s| eligibility(s, &customer.get_value())));
    // Every match, as positions in the catalog: nothing is copied for the offers not shown.
    let offers = Memo::new(move |_| {
        let q = current.get();
        let filter = OfferFilter {
            tab: Some(q.tab),
            publisher: q.publisher,
            billing_type: q.billing_type,
            category: q.category,
            segment: q.segment,
            text: q.text,
        };
        app.state.with(|s| search_positions(&s.catalog, &filter))
    });
    let shown = RwSignal::new(PAGE_SIZE);
    // A new search or filter starts again from the first page.
    Effect::new(move |_| {
        current.track();
        if shown.get_untracked() != PAGE_SIZE {
            shown.set(PAGE_SIZE);
        }
    });
    let visible = Memo::new(move |_| {
        let n = shown.get();
        app.state.with(|s| {
            eligible.with(|e| {
                offers.with(|positions| {
                    positions
                        .iter()
                        .take(n)
                        .filter_map(|&i| s.catalog.offers().get(i))
                        .map(|o| (o.clone(), e.as_ref().map(|e| e.reasons(&o.id).to_vec()).unwrap_or_default()))
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    // One outcome of the last Add to cart on the page at a time: the "added" message, the engine's refusal,
    // or the offer whose quantity is not a whole number (a newer one replaces the others, issue 16).
    let flash = RwSignal::new(None::<Message>);
    let rejection = RwSignal::new(None::<Rejection>);
    let not_whole = RwSignal::new(None::<OfferId>);
    // The offer just added: its row shows the Review link right after its Add button (the next Tab stop).
    let added = RwSignal::new(None::<OfferId>);
    let name = move || {
        app.state.with(|s| s.customers.get(&customer.get_value()).map(|c| c.company_name.clone()).unwrap_or_default())
    };

    let section = NodeRef::<leptos::html::Section>::new();
    // Enter in the search box goes to the results: the first quantity that can be bought (typing a number and
    // Enter adds it), else the first control of the list.
    let to_first_offer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let first = section.get_untracked().and_then(|s| {
            [
                "[data-testid=offers] input[type=number]",
                "[data-testid=offers] :is(input, select, button:not([disabled]), a[href])",
            ]
            .into_iter()
            .find_map(|q| s.query_selector(q).ok().flatten())
        });
        if let Some(el) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    };
    view! {
        <section class="catalog-page" node_ref=section>
            // Keyboard order (issue 16): the back link, the heading (focused on arrival), then the search box,
            // whose Enter takes the focus to the first offer.
            <p class="breadcrumb">
                <a href=move || Route::Customer { id: customer.get_value(), tab: CustomerTab::Subscriptions }.href()>
                    {name}
                </a>
            </p>
            <h1>{move || i18n.tf(Key::CatalogFor, &[("customer", &name())])}</h1>
            <RequirePermission permission=Permission::ViewCustomers action=Permission::ManageSubscriptions>
                // The search, filters, tabs, count and the outcome of the last Add stay in view while the list
                // scrolls.
                <div class="catalog-bar">
                <form class="filters" on:submit=to_first_offer role="search">
                    <label>
                        {move || i18n.t(Key::FilterSearch)}
                        <input
                            type="search"
                            prop:value=move || current.get().text
                            on:input=move |ev| {
                                let mut q = current.get_untracked();
                                q.text = event_target_value(&ev);
                                apply(q);
                            }
                        />
                    </label>
                    {filter_select(Key::FilterPublisher, &PUBLISHERS, messages::publisher_kind, |q| q.publisher, |q, v| q.publisher = v, current, apply)}
                    {filter_select(Key::FilterBillingType, &BILLING_TYPES, messages::billing_type, |q| q.billing_type, |q, v| q.billing_type = v, current, apply)}
                    {filter_select(Key::FilterCategory, &CATEGORIES, messages::category, |q| q.category, |q, v| q.category = v, current, apply)}
                    {filter_select(Key::FilterSegment, &Segment::ALL, messages::segment, |q| q.segment, |q, v| q.segment = v, current, apply)}
                    <button
                        type="button"
                        prop:disabled=move || !current.get().is_filtered()
                        on:click=move |_| apply(current.get_untracked().cleared())
                    >
                        {move || i18n.t(Key::ClearFilters)}
                    </button>
                </form>
                <nav class="tabs" aria-label=move || i18n.t(Key::AddProducts)>
                    {[Tab::OnlineServices, Tab::Software, Tab::Azure]
                        .into_iter()
                        .map(|t| {
                            let href = move || {
                                Route::AddProducts {
                                    customer: customer.get_value(),
                                    query: CatalogQuery { tab: t, ..current.get() },
                                }
                                    .href()
                            };
                            view! {
                                <a href=href aria-current=move || (current.get().tab == t).then_some("page")>
                                    {move || i18n.t(tab_key(t))}
                                </a>
                            }
                        })
                        .collect_view()}
                </nav>
                <p role="status" class="offers-count">
                    {move || {
                        let (count, on_page) = (offers.with(|o| o.len()), visible.with(|v| v.len()));
                        if on_page < count {
                            i18n.tn(Key::ShowingOffers, count as i64, &[("shown", &on_page.to_string()), ("count", &count.to_string())])
                        } else {
                            i18n.tn(Key::OffersCount, count as i64, &[("count", &count.to_string())])
                        }
                    }}
                </p>
                {move || flash.get().map(|m| view! {
                    <p class="flash ok" role="status">{i18n.msg(&m)}</p>
                })}
                <RejectionList rejection=rejection.into()/>
                // Column names for sighted users; each row's controls carry their own labels.
                <div class="offer-head" aria-hidden="true">
                    <span>{move || i18n.t(Key::ColOffer)}</span>
                    <span>{move || i18n.t(Key::ReservationBilling)}</span>
                    <span>{move || i18n.t(Key::ColPrice)}</span>
                    <span>{move || i18n.t(Key::PagesColEligibility)}</span>
                    <span>{move || i18n.t(Key::ColQuantity)}</span>
                    <span></span>
                </div>
                </div>
                <Show when=move || offers.with(|o| !o.is_empty()) fallback=move || view! { <p>{move || i18n.t(Key::NoOffers)}</p> }>
                    <ul class="offers" data-testid="offers">
                        <For
                            each=move || visible.get()
                            key=|(o, reasons)| (o.id.clone(), format!("{reasons:?}"))
                            children=move |(offer, reasons)| {
                                view! { <OfferRow offer reasons customer=customer.get_value() flash rejection not_whole added/> }
                            }
                        />
                    </ul>
                    <Show when=move || visible.with(|v| v.len()) < offers.with(|o| o.len())>
                        <button type="button" on:click=move |_| shown.update(|n| *n += PAGE_SIZE)>
                            {move || i18n.t(Key::ShowMoreOffers)}
                        </button>
                    </Show>
                </Show>
            </RequirePermission>
        </section>
    }
}

/// One offer as one row: name and publisher, billing, price, eligibility, quantity, Add. A reservation's
/// options (term, billing, scope, subscription, optimization) are chosen once, in a dialog opened from its row.
#[component]
fn OfferRow(
    offer: Offer,
    reasons: Vec<Ineligible>,
    customer: CustomerId,
    flash: RwSignal<Option<Message>>,
    rejection: RwSignal<Option<Rejection>>,
    not_whole: RwSignal<Option<OfferId>>,
    added: RwSignal<Option<OfferId>>,
) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let currency = app.state.with_untracked(|s| s.partner.currency());
    let trial_qty = app.state.with_untracked(|s| s.policy.trial_licenses);
    let default_qty = if offer.is_trial() { trial_qty } else { offer.min_quantity.max(1) };
    let quantity = RwSignal::new(default_qty.to_string());
    let billing = RwSignal::new(offer.billing.first().copied().unwrap_or(BillingFrequency::None));
    let term = RwSignal::new(offer.terms.first().copied().unwrap_or(Term::OneYear));
    let is_reservation = offer.family == Family::AzureReservation;
    let res_billing = RwSignal::new(ReservationBilling::Upfront);
    let scope = RwSignal::new(ScopeChoice::Shared);
    let azure_sub = RwSignal::new(None::<SubscriptionId>);
    let optimize = RwSignal::new(ReservationOptimize::InstanceSizeFlexibility);
    let dialog_open = RwSignal::new(false);
    let offer = StoredValue::new(offer);
    let qty_error = move || not_whole.with(|n| n.as_ref().is_some_and(|id| offer.with_value(|o| &o.id == id)));
    let eligible = reasons.is_empty();
    let exclusive = reasons.contains(&Ineligible::ExclusiveToOtherPartners);
    let customer = StoredValue::new(customer);

    let price = move || {
        let locale = i18n.locale.get();
        offer.with_value(|o| {
            let b = if is_reservation { BillingFrequency::OneTime } else { billing.get() };
            let date = app.state.with(|s| s.clock.date_naive());
            let quoted = app.state.with(|s| csp_engine::pricelist::price_on(s, o, currency, b, Some(term.get()), date));
            match quoted {
                Some(p) if is_reservation => i18n.tf(
                    Key::ReservationRate,
                    &[
                        ("price", &format::money(p, locale)),
                        ("term", &messages::term(term.get()).text(locale).to_lowercase()),
                    ],
                ),
                Some(p) if o.billing_type == BillingType::Usage => {
                    i18n.tf(Key::UsageRate, &[("price", &format::money(p, locale))])
                }
                Some(p) => i18n.tf(
                    Key::PerUnitPer,
                    &[
                        ("price", &format::money(p, locale)),
                        ("billing", &messages::frequency(b).text(locale).to_lowercase()),
                    ],
                ),
                None => i18n.tf(Key::NoPriceInCurrency, &[("currency", currency.code())]),
            }
        })
    };
    let azure_subs = move || {
        app.state.with(|s| {
            s.subscriptions_of(&customer.get_value())
                .filter(|sub| {
                    sub.status == csp_engine::records::SubscriptionStatus::Active
                        && s.catalog.get(&sub.offer).is_some_and(|o| o.family == Family::AzurePlan)
                })
                .map(|sub| (sub.id.clone(), format!("{} ({})", sub.name, sub.id)))
                .collect::<Vec<_>>()
        })
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(qty) = quantity.get_untracked().trim().parse::<i64>() else {
            flash.set(None);
            added.set(None);
            rejection.set(None);
            not_whole.set(Some(offer.with_value(|o| o.id.clone())));
            return;
        };
        not_whole.set(None);
        let reservation = is_reservation.then(|| ReservationOptions {
            azure_subscription: azure_sub.get_untracked(),
            scope: scope.get_untracked(),
            optimize: optimize.get_untracked(),
            billing: res_billing.get_untracked(),
        });
        let line = LineInput {
            offer: offer.with_value(|o| o.id.clone()),
            quantity: qty,
            billing: billing.get_untracked(),
            term: term.get_untracked(),
            reservation,
        };
        match app.dispatch(Command::AddToCart { customer: customer.get_value(), line }) {
            Ok(_) => {
                rejection.set(None);
                added.set(Some(offer.with_value(|o| o.id.clone())));
                dialog_open.set(false);
                flash.set(Some(
                    Message::new(Key::AddedToCart).arg("offer", Arg::Text(offer.with_value(|o| o.name.clone()))),
                ));
            }
            Err(r) => {
                flash.set(None);
                added.set(None);
                rejection.set(Some(r));
            }
        }
    };
    // After a successful Add, the Review link follows this row's button: the next Tab stop (issue 16).
    let review_link = move || {
        let here = added.with(|a| a.as_ref().is_some_and(|id| offer.with_value(|o| &o.id == id)));
        here.then(|| {
            view! {
                <a class="button review-link" href=Route::Review { customer: customer.get_value() }.href()>
                    {i18n.t(Key::Review)}
                </a>
            }
        })
    };
    let reasons_view = move || {
        let locale = i18n.locale.get();
        reasons
            .iter()
            .map(|r| {
                let link = match r {
                    Ineligible::SuspendedSubscription { subscription } => Some((
                        Route::Subscription { customer: customer.get_value(), id: subscription.clone() }.href(),
                        i18n.tf(Key::OpenSubscription, &[("subscription", subscription.as_str())]),
                    )),
                    _ => None,
                };
                view! {
                    <li>
                        {messages::ineligible(r, locale)}
                        {link.map(|(href, text)| view! { " " <a href=href>{text}</a> })}
                    </li>
                }
            })
            .collect_view()
    };
    let (o_name, o_publisher, o_kind, o_billing_type, o_category) =
        offer.with_value(|o| (o.name.clone(), o.publisher.clone(), o.publisher_kind, o.billing_type, o.category));
    let form_label = o_name.clone();
    let billings = offer.with_value(|o| o.billing.clone());
    let terms = offer.with_value(|o| o.terms.clone());
    let setup = offer.with_value(|o| o.setup_url.clone());
    let qty_label = if is_reservation { Key::ColQuantity } else { Key::Licenses };
    let quantity_input = move || {
        view! {
            <input
                type="number"
                inputmode="numeric"
                step="1"
                prop:value=quantity
                on:input=move |ev| quantity.set(event_target_value(&ev))
            />
        }
    };
    let term_select = {
        let terms = terms.clone();
        move || {
            let terms = terms.clone();
            view! {
                <select on:change=move |ev| {
                    if let Some(t) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| terms.get(i).copied()) {
                        term.set(t);
                    }
                }>
                    {offer.with_value(|o| o.terms.clone()).into_iter().enumerate().map(|(i, t)| view! {
                        <option value=i.to_string() selected=move || term.get() == t>{move || i18n.t(messages::term(t))}</option>
                    }).collect_view()}
                </select>
            }
        }
    };
    // The billing cell: a choice where the offer has several, plain words otherwise.
    let billing_cell = {
        let term_select = term_select.clone();
        let billings = billings.clone();
        move || {
            if is_reservation {
                return view! {
                    <span>{move || format!("{} / {}", i18n.t(Key::BillingUpfront), i18n.t(Key::BillingMonthlyRes))}</span>
                }
                .into_any();
            }
            let words = billings.first().copied().map(messages::frequency);
            let several = billings.len() > 1 && eligible;
            let billings = billings.clone();
            view! {
                {several.then(|| view! {
                    <label>
                        <span class="visually-hidden">{move || i18n.t(Key::ColBilling)}</span>
                        <select on:change=move |ev| {
                            if let Some(b) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| billings.get(i).copied()) {
                                billing.set(b);
                            }
                        }>
                            {offer.with_value(|o| o.billing.clone()).into_iter().enumerate().map(|(i, b)| view! {
                                <option value=i.to_string() selected=move || billing.get() == b>{move || i18n.t(messages::frequency(b))}</option>
                            }).collect_view()}
                        </select>
                    </label>
                })}
                {(!several).then(|| words.map(|k| view! { <span>{move || i18n.t(k)}</span> }))}
                {(terms.len() > 1 && eligible).then(|| view! {
                    <label>
                        <span class="visually-hidden">{move || i18n.t(Key::ColTerm)}</span>
                        {term_select.clone()}
                    </label>
                })}
            }
            .into_any()
        }
    };
    let dialog = move || {
        let term_select = term_select.clone();
        view! {
            <Dialog title=Key::PagesReservationOptions on_close=move || dialog_open.set(false)>
                <p class="dialog-offer">{offer.with_value(|o| o.name.clone())}</p>
                <form class="reservation-options" on:submit=add novalidate aria-label=move || format!("{} — {}", i18n.t(Key::AddToCart), offer.with_value(|o| o.name.clone()))>
                    <label>
                        {move || i18n.t(Key::ColQuantity)}
                        {quantity_input()}
                    </label>
                    <label>{move || i18n.t(Key::ColTerm)} {term_select()}</label>
                    <label>
                        {move || i18n.t(Key::ReservationBilling)}
                        <select on:change=move |ev| res_billing.set(if event_target_value(&ev) == "monthly" { ReservationBilling::Monthly } else { ReservationBilling::Upfront })>
                            <option value="upfront" selected=move || res_billing.get() == ReservationBilling::Upfront>{move || i18n.t(Key::BillingUpfront)}</option>
                            <option value="monthly" selected=move || res_billing.get() == ReservationBilling::Monthly>{move || i18n.t(Key::BillingMonthlyRes)}</option>
                        </select>
                    </label>
                    <label>
                        {move || i18n.t(Key::Scope)}
                        <select on:change=move |ev| scope.set(if event_target_value(&ev) == "single" { ScopeChoice::Single } else { ScopeChoice::Shared })>
                            <option value="shared" selected=move || scope.get() == ScopeChoice::Shared>{move || i18n.t(Key::ScopeShared)}</option>
                            <option value="single" selected=move || scope.get() == ScopeChoice::Single>{move || i18n.t(Key::ScopeSingle)}</option>
                        </select>
                    </label>
                    <label>
                        {move || i18n.t(Key::AzureSubscription)}
                        <select on:change=move |ev| {
                            let v = event_target_value(&ev);
                            azure_sub.set((!v.is_empty()).then_some(SubscriptionId(v)));
                        }>
                            <option value="">{move || i18n.t(Key::ChooseAzureSubscription)}</option>
                            {move || azure_subs().into_iter().map(|(id, label)| {
                                let selected = azure_sub.get_untracked().as_ref() == Some(&id);
                                view! { <option value=id.0 selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {move || i18n.t(Key::Optimize)}
                        <select on:change=move |ev| optimize.set(if event_target_value(&ev) == "capacity" { ReservationOptimize::CapacityPriority } else { ReservationOptimize::InstanceSizeFlexibility })>
                            <option value="flexibility" selected=move || optimize.get() == ReservationOptimize::InstanceSizeFlexibility>{move || i18n.t(Key::OptimizeFlexibility)}</option>
                            <option value="capacity" selected=move || optimize.get() == ReservationOptimize::CapacityPriority>{move || i18n.t(Key::OptimizeCapacity)}</option>
                        </select>
                    </label>
                    <p class="price">{price}</p>
                    {move || qty_error().then(|| view! { <span class="field-error" role="alert">{i18n.t(Key::QuantityNotWhole)}</span> })}
                    <RejectionList rejection=rejection.into()/>
                    <div class="toolbar">
                        <button type="submit">{move || i18n.t(Key::AddToCart)}</button>
                        <button type="button" on:click=move |_| dialog_open.set(false)>{move || i18n.t(Key::Cancel)}</button>
                    </div>
                </form>
            </Dialog>
        }
    };
    view! {
        <li class="offer" data-offer=offer.with_value(|o| o.id.0.clone()) aria-label=o_name.clone()>
            <div class="cell name">
                <h3>{o_name.clone()}</h3>
                <p class="meta">
                    // "Microsoft · Microsoft" says nothing: the kind is shown only for ISV (marketplace) offers.
                    <span>
                        {o_publisher}
                        {(o_kind != PublisherKind::Microsoft)
                            .then(|| view! { " · " {move || i18n.t(messages::publisher_kind(o_kind))} })}
                    </span>
                    " · "
                    <span>{move || i18n.t(messages::billing_type(o_billing_type))}</span>
                    " · "
                    <span>{move || i18n.t(messages::category(o_category))}</span>
                </p>
            </div>
            <div class="cell billing">{billing_cell}</div>
            <div class="cell price">{price}<ErpMargin offer=offer.with_value(|o| o.id.clone()) billing term is_reservation/></div>
            <div class="cell eligibility">
                {eligible.then(|| view! { <span class="badge ok">{move || i18n.t(Key::PagesEligible)}</span> })}
                {(!eligible).then(|| view! {
                    <div class="reasons" role="note">
                        <p>
                            <span class="badge warn" aria-hidden="true">{move || i18n.t(Key::PagesCannotBuyShort)}</span>
                            <span class="visually-hidden">{move || i18n.t(Key::CannotBuy)}</span>
                        </p>
                        <ul>{reasons_view.clone()}</ul>
                        {exclusive.then(|| {
                            let href = setup.clone().unwrap_or_else(|| "#".into());
                            view! { <a class="button" href=href target="_blank" rel="noopener">{move || i18n.t(Key::ContactPublisher)}</a> }
                        })}
                    </div>
                })}
            </div>
            {(eligible && !is_reservation).then(|| view! {
                <form class="add" on:submit=add novalidate aria-label=move || format!("{} — {}", i18n.t(Key::AddToCart), form_label)>
                    <label class="cell quantity">
                        <span class="visually-hidden">{move || i18n.t(qty_label)}</span>
                        {quantity_input()}
                    </label>
                    <div class="cell action">
                        <button type="submit">{move || i18n.t(Key::AddToCart)}</button>
                        {review_link}
                        {move || qty_error().then(|| view! { <span class="field-error" role="alert">{i18n.t(Key::QuantityNotWhole)}</span> })}
                    </div>
                </form>
            })}
            {(eligible && is_reservation).then(|| view! {
                <div class="cell action options">
                    <button type="button" class="primary" on:click=move |_| dialog_open.set(true)>
                        {move || i18n.t(Key::PagesChooseOptions)}
                    </button>
                    {review_link}
                </div>
            })}
            {move || (dialog_open.get() && is_reservation).then(dialog.clone())}
        </li>
    }
}

/// prices: the ERP price and the partner's margin beside the price, when an imported list gives them.
#[component]
fn ErpMargin(
    offer: csp_engine::ids::OfferId,
    billing: RwSignal<BillingFrequency>,
    term: RwSignal<Term>,
    is_reservation: bool,
) -> impl IntoView {
    let app = use_app();
    move || {
        let b = if is_reservation { BillingFrequency::OneTime } else { billing.get() };
        let locale = app.i18n.locale.get();
        app.state.with(|s| csp_engine::pricelist::erp_now(s, &offer, b, Some(term.get()))).map(|(erp, margin)| {
            let text = app.i18n.tf(
                Key::ErpAndMargin,
                &[("erp", &format::money(erp, locale)), ("margin", &format::money(margin, locale))],
            );
            view! { " " <span class="erp" data-testid="erp-margin">{text}</span> }
        })
    }
}
