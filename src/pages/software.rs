//! Software (RULES §5): the customer's Software tab (keys, downloads, links, cancellation, the support
//! requests filed for the customer), the software key-access and download log, and the "CSP
//! Purchase/Refund on behalf of customers" support request form. Every decision is the engine's.

use super::customer::order_number;
use crate::browser;
use crate::components::badge;
use crate::components::date_field::DateInput;
use crate::components::dialog::Dialog;
use crate::components::empty::empty_state;
use crate::components::errors::{field_error, field_invalid, RejectionList, RequirePermission, TextInput};
use crate::components::quote_day::{at_day, DayQuote, QuoteForDay};
use crate::components::table::{date_range_filter, log_entries, show_all_dates, table_with_numbers};
use crate::ctx::use_app;
use crate::i18n::{fill, format, Arg, Key, Locale, Message};
use crate::messages;
use crate::route::{CustomerTab, Route};
use csp_engine::ids::{CustomerId, SoftwarePurchaseId};
use csp_engine::records::{PurchaseStatus, SoftwareKind};
use csp_engine::rejection::Field;
use csp_engine::roles::Permission;
use csp_engine::software::activity::{access_csv, default_range, AccessKind};
use csp_engine::software::links::download_file;
use csp_engine::software::selection::SelectionChoices;
use csp_engine::software::{
    access_log, cancellation_quote, choices_for, credit_posted, current_link, key_for, link_status, order_choices,
    purchases_of, Bitness, Language, LinkState, ProductSelection, SoftwareVersion, SupportRequestForm,
};
use csp_engine::support::{support_requests_of, SupportRequestStatus};
use csp_engine::{Command, Event, Rejection, Violation};
use leptos::prelude::*;

fn language_key(l: Language) -> Key {
    match l {
        Language::English => Key::SwLangEnglish,
        Language::French => Key::SwLangFrench,
        Language::German => Key::SwLangGerman,
        Language::Japanese => Key::SwLangJapanese,
        Language::Spanish => Key::SwLangSpanish,
        Language::Italian => Key::SwLangItalian,
        Language::PortugueseBrazil => Key::SwLangPortugueseBrazil,
        Language::PortuguesePortugal => Key::SwLangPortuguesePortugal,
        Language::ChineseSimplified => Key::SwLangChineseSimplified,
        Language::ChineseTraditional => Key::SwLangChineseTraditional,
        Language::Korean => Key::SwLangKorean,
        Language::Russian => Key::SwLangRussian,
        Language::Dutch => Key::SwLangDutch,
        Language::Polish => Key::SwLangPolish,
        Language::Swedish => Key::SwLangSwedish,
        Language::Turkish => Key::SwLangTurkish,
        Language::Czech => Key::SwLangCzech,
        Language::Hungarian => Key::SwLangHungarian,
    }
}

fn bit_key(b: Bitness) -> Key {
    match b {
        Bitness::X64 => Key::SwBit64,
        Bitness::X86 => Key::SwBit32,
    }
}

fn access_key(k: AccessKind) -> Key {
    match k {
        AccessKind::KeyAccessed => Key::ActSoftwareKeyAccessed,
        AccessKind::LinkIssued => Key::ActSoftwareLinkIssued,
        AccessKind::Downloaded => Key::ActSoftwareDownloaded,
        AccessKind::LinkCopied => Key::ActSoftwareLinkCopied,
    }
}

fn support_status_key(s: SupportRequestStatus) -> Key {
    match s {
        SupportRequestStatus::Submitted => Key::SwStatusSubmitted,
        SupportRequestStatus::Fulfilled => Key::SwStatusFulfilled,
    }
}

/// A labelled `<select>` of `options` (read again when they change) showing `selected`; choosing one
/// calls `pick` with it (the version, language and bitness of a software download).
fn choice_select<T>(
    label: Key,
    options: impl Fn() -> Vec<T> + Copy + Send + Sync + 'static,
    code: fn(T) -> &'static str,
    text: fn(T, Locale) -> String,
    selected: impl Fn() -> T + Copy + Send + Sync + 'static,
    pick: impl Fn(T) + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_app().i18n;
    view! {
        <label>
            {move || i18n.t(label)}
            <select on:change=move |ev| {
                let value = event_target_value(&ev);
                if let Some(x) = untrack(options).into_iter().find(|x| code(*x) == value) {
                    pick(x);
                }
            }>
                {move || {
                    let locale = i18n.locale.get();
                    options()
                        .into_iter()
                        .map(|x| view! { <option value=code(x) selected=move || selected() == x>{text(x, locale)}</option> })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// "Windows Server 2022 · English · 64-bit" (the version is a proper noun).
fn describe(s: &ProductSelection, locale: Locale) -> String {
    format!("{} · {} · {}", s.version.name(), language_key(s.language).text(locale), bit_key(s.bit).text(locale))
}

/// The customer's Software tab. The caller has checked `OpenSoftware`; the actions need `SoftwareKeysAndCancel`.
#[component]
pub fn SoftwareTab(id: CustomerId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let notice = RwSignal::new(None::<String>);
    let cancelling = RwSignal::new(None::<SoftwarePurchaseId>);
    let customer = StoredValue::new(id);
    let may_act = move || app.can(Permission::SoftwareKeysAndCancel);
    // The purchases that have keys and downloads, for one panel each.
    let with_media = Memo::new(move |_| {
        app.state.with(|s| {
            purchases_of(s, &customer.get_value())
                .into_iter()
                .filter(|(_, has_key)| *has_key)
                .map(|(p, _)| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let rows = move || {
        let locale = i18n.locale.get();
        let act = may_act();
        let list = app.state.with(|s| {
            purchases_of(s, &customer.get_value())
                .into_iter()
                .map(|(p, has_key)| {
                    let keys = match p.status {
                        PurchaseStatus::Cancelled => fill(
                            Key::SwKeysRevoked.text(locale),
                            &[(
                                "date",
                                &p.cancelled_at.map(|t| format::date(t.date_naive(), locale)).unwrap_or_default(),
                            )],
                        ),
                        PurchaseStatus::Active if has_key => Key::SwKeysAvailable.text(locale).to_string(),
                        PurchaseStatus::Active => Key::SwKeysNone.text(locale).to_string(),
                    };
                    let credit = credit_posted(s, &p.id).map(|e| {
                        use chrono::Datelike;
                        let (y, m) = (e.posted_at.year(), e.posted_at.month());
                        let text = fill(
                            Key::SwCreditPosted.text(locale),
                            &[
                                // "Credit $440.00", as the dialog and the notice say it: the word carries the
                                // sign (the ledger posts it as -$440.00, and the invoice shows that).
                                ("amount", &format::money(e.amount.abs(), locale)),
                                ("month", &format::month_year(y, m, locale)),
                            ],
                        );
                        (text, Route::Invoice { year: y, month: m }.href())
                    });
                    let cells = [
                        p.name.clone(),
                        messages::software_kind(p.kind, locale),
                        order_number(s, &p.order),
                        format::date(p.purchased_at.date_naive(), locale),
                        format::integer(p.quantity as i64, locale),
                    ];
                    let status = p.status;
                    let cancelled = p.status == PurchaseStatus::Cancelled;
                    // SUSE and Red Hat plans are never cancellable: Cancel is shown disabled, with why.
                    let never = (p.kind == SoftwareKind::LinuxPlan && !cancelled).then(|| {
                        let why = messages::violation(
                            &Violation::SoftwareNeverCancellable { purchase: p.id.clone() },
                            locale,
                        );
                        let support =
                            Route::SupportRequest { customer: p.customer.clone(), purchase: Some(p.id.clone()) }.href();
                        (why, support)
                    });
                    (p.id.clone(), cells, status, keys, credit, cancelled, act && !cancelled, never)
                })
                .collect::<Vec<_>>()
        });
        if list.is_empty() {
            let query = crate::route::CatalogQuery { tab: csp_engine::catalog::Tab::Software, ..Default::default() };
            let add = Route::AddProducts { customer: customer.get_value(), query }.href();
            return empty_state(Key::NoSoftware, Key::AddProducts, add, locale).into_any();
        }
        let headers = [
            Key::SwColProduct,
            Key::ColType,
            Key::ColOrderNumber,
            Key::ColPurchaseDate,
            Key::ColQuantity,
            Key::ColStatus,
            Key::SwColKeys,
        ];
        view! {
            <div class="table-scroll">
                <table class="grid" data-testid="software-table" tabindex="0">
                    <thead>
                        <tr>
                            {headers.map(|k| view! { <th scope="col" class:num=k == Key::ColQuantity>{i18n.t(k)}</th> }).collect_view()}
                            {act.then(|| view! { <th scope="col"><span class="visually-hidden">{i18n.t(Key::ColAction)}</span></th> })}
                        </tr>
                    </thead>
                    <tbody>
                        {list
                            .into_iter()
                            .map(|(pid, cells, status, keys, credit, cancelled, can_cancel, never)| {
                                view! {
                                    <tr class:cancelled=cancelled>
                                        // The quantity (fifth cell) is a number: right-aligned like every figure.
                                        {cells.into_iter().enumerate().map(|(i, c)| view! { <td class:num=i == 4>{c}</td> }).collect_view()}
                                        <td>{badge::purchase(status, locale)}</td>
                                        <td>
                                            {keys}
                                            {credit.map(|(text, href)| view! { <br/><a href=href data-testid="software-credit">{text}</a> })}
                                        </td>
                                        {act.then(|| view! {
                                            <td class="actions">
                                                {can_cancel.then(|| {
                                                    let pid = pid.clone();
                                                    match never.clone() {
                                                        Some((why, support)) => {
                                                            let hint = format!("cancel-why-{}", pid.0);
                                                            view! {
                                                                <button type="button" disabled aria-describedby=hint.clone()>{i18n.t(Key::Cancel)}</button>
                                                                <span class="hint" id=hint data-testid="cancel-unavailable">{why}</span>
                                                                " "
                                                                <a href=support>{i18n.t(Key::SwSupportRequestLink)}</a>
                                                            }
                                                            .into_any()
                                                        }
                                                        None => view! {
                                                            <button type="button" on:click=move |_| cancelling.set(Some(pid.clone()))>
                                                                {i18n.t(Key::Cancel)}
                                                            </button>
                                                        }
                                                        .into_any(),
                                                    }
                                                })}
                                            </td>
                                        })}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="software" aria-label=move || i18n.t(Key::TabSoftware)>
            {move || notice.get().map(|n| view! { <p class="alert ok" role="status" data-testid="software-notice">{n}</p> })}
            {move || {
                (!may_act())
                    .then(|| {
                        let roles = messages::roles_list(
                            Permission::SoftwareKeysAndCancel.allowed_roles(),
                            i18n.locale.get(),
                        );
                        view! { <p class="alert info" role="status">{i18n.tf(Key::SwActionsNeedRole, &[("roles", &roles)])}</p> }
                    })
            }}
            {rows}
            <Show when=may_act>
                <For each=move || with_media.get() key=|p| p.clone() let:purchase>
                    <SoftwareItem purchase/>
                </For>
            </Show>
            {move || {
                cancelling
                    .get()
                    .map(|purchase| view! { <CancelDialog purchase customer=customer.get_value() notice cancelling/> })
            }}
            <SupportRequestsList customer=customer.get_value()/>
        </section>
    }
}

/// One product's panel: Version / Language / Bit, Get keys and downloads, then Get key, Download, Copy link.
#[component]
fn SoftwareItem(purchase: SoftwarePurchaseId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let Some((name, order, choices)) = app.state.with_untracked(|s| {
        s.software.get(&purchase).map(|p| (p.name.clone(), order_number(s, &p.order), choices_for(p)))
    }) else {
        return ().into_any();
    };
    let Some(initial) = choices.default_selection() else {
        return ().into_any();
    };
    let choices = StoredValue::new(choices);
    let purchase = StoredValue::new(purchase);
    let selection = RwSignal::new(initial);
    let rejection = RwSignal::new(None::<Rejection>);
    let status = RwSignal::new(None::<Message>);
    let key_dialog = RwSignal::new(None::<(String, String)>);
    let link = Memo::new(move |_| {
        app.state
            .with(|s| current_link(s, &purchase.get_value()).map(|l| (l.clone(), link_status(&s.policy, l, s.clock))))
    });
    let max_downloads = move || app.state.with(|s| s.policy.download_link_max_downloads);

    let languages_of = move |v: SoftwareVersion| {
        choices.with_value(|c: &SelectionChoices| {
            c.languages.iter().find(|(x, _)| *x == v).map(|(_, l)| l.clone()).unwrap_or_default()
        })
    };
    let bits_of = move |v: SoftwareVersion| {
        choices.with_value(|c: &SelectionChoices| {
            c.bits.iter().find(|(x, _)| *x == v).map(|(_, b)| b.clone()).unwrap_or_default()
        })
    };
    let set_version = move |v: SoftwareVersion| {
        let (langs, bits) = (languages_of(v), bits_of(v));
        selection.update(|s| {
            s.version = v;
            if !langs.contains(&s.language) {
                if let Some(l) = langs.iter().copied().find(|l| *l == Language::English).or(langs.first().copied()) {
                    s.language = l;
                }
            }
            if !bits.contains(&s.bit) {
                if let Some(b) = bits.first() {
                    s.bit = *b;
                }
            }
        });
    };

    let outcome = move |r: Result<Vec<Event>, Rejection>, ok: Option<Message>| match r {
        Ok(_) => {
            rejection.set(None);
            status.set(ok);
            true
        }
        Err(e) => {
            status.set(None);
            rejection.set(Some(e));
            false
        }
    };
    let issue = move |_| {
        let cmd = Command::IssueDownloadLink { purchase: purchase.get_value(), selection: selection.get_untracked() };
        outcome(app.dispatch(cmd), Some(Key::SwLinkIssued.into()));
    };
    let get_key = move |_| {
        let Some((l, _)) = link.get_untracked() else { return };
        let cmd = Command::GetKey { purchase: purchase.get_value(), selection: l.selection };
        if outcome(app.dispatch(cmd), None) {
            let user = app.user.get_untracked();
            match app.state.with_untracked(|s| key_for(s, &user, &purchase.get_value(), &l.selection)) {
                Ok(key) => key_dialog.set(Some((key, describe(&l.selection, i18n.locale.get_untracked())))),
                Err(e) => rejection.set(Some(e)),
            }
        }
    };
    let download = move |_| {
        let Some((l, _)) = link.get_untracked() else { return };
        if outcome(app.dispatch(Command::Download { link: l.id.clone() }), None) {
            let file = app.state.with_untracked(|s| {
                let p = s.software.get(&purchase.get_value())?;
                let l = s.download_links.get(&l.id)?;
                Some(download_file(p, l))
            });
            if let Some((file, body)) = file {
                let _ = browser::download_text(&file, "text/plain;charset=utf-8", &body);
                status.set(Some(Message::new(Key::SwDownloadStarted).arg("file", Arg::Text(file))));
            }
        }
    };
    let copy = move |_| {
        let Some((l, _)) = link.get_untracked() else { return };
        if outcome(app.dispatch(Command::CopyLink { link: l.id.clone() }), None) {
            browser::copy_to_clipboard(&l.url);
            status.set(Some(Key::SwLinkCopied.into()));
        }
    };
    let heading = name.clone();
    view! {
        <section class="card software-item" aria-label=name>
            <h3>{heading}</h3>
            <p class="hint">{move || i18n.tf(Key::SwOrderOf, &[("order", &order)])}</p>
            <fieldset class="media">
                <legend>{move || i18n.t(Key::SwChooseMedia)}</legend>
                {choice_select(
                    Key::FieldSoftwareVersion,
                    move || choices.with_value(|c| c.versions.clone()),
                    SoftwareVersion::code,
                    |v, _| v.name().to_string(),
                    move || selection.with(|s| s.version),
                    set_version,
                )}
                {choice_select(
                    Key::FieldSoftwareLanguage,
                    move || languages_of(selection.with(|s| s.version)),
                    Language::code,
                    |l, locale| language_key(l).text(locale).to_string(),
                    move || selection.with(|s| s.language),
                    move |l| selection.update(|s| s.language = l),
                )}
                {choice_select(
                    Key::FieldSoftwareBit,
                    move || bits_of(selection.with(|s| s.version)),
                    Bitness::code,
                    |b, locale| bit_key(b).text(locale).to_string(),
                    move || selection.with(|s| s.bit),
                    move |b| selection.update(|s| s.bit = b),
                )}
                <button type="button" class="primary" on:click=issue>{move || i18n.t(Key::SwGetKeysAndDownloads)}</button>
            </fieldset>
            {move || {
                link.get()
                    .map(|(l, st)| {
                        let locale = i18n.locale.get();
                        let state_text = match st.state {
                            LinkState::Active => fill(
                                Key::SwLinkActive.counted(locale, max_downloads() as i64),
                                &[
                                    ("date", &format::date(st.expires_at.date_naive(), locale)),
                                    ("max", &format::integer(max_downloads() as i64, locale)),
                                    ("left", &format::integer(st.downloads_left as i64, locale)),
                                ],
                            ),
                            LinkState::Expired { reason, at } => messages::violation(
                                &Violation::DownloadLinkExpired { link: l.id.clone(), reason, expired_at: at },
                                locale,
                            ),
                            LinkState::Revoked { at } => messages::violation(
                                &Violation::DownloadLinkRevoked { link: l.id.clone(), revoked_at: at },
                                locale,
                            ),
                        };
                        let active = st.is_active();
                        view! {
                            <div class="link" data-testid="download-link">
                                <p>
                                    <strong>{fill(Key::SwLinkFor.text(locale), &[("selection", &describe(&l.selection, locale))])}</strong>
                                </p>
                                <label class="url">
                                    {Key::SwLinkUrl.text(locale)}
                                    <input type="text" readonly prop:value=l.url.clone()/>
                                </label>
                                <p class:expired=!active data-testid="link-status">{state_text}</p>
                                <div class="toolbar">
                                    <button type="button" on:click=get_key>{Key::SwGetKey.text(locale)}</button>
                                    <button type="button" on:click=download>{Key::SwDownload.text(locale)}</button>
                                    <button type="button" on:click=copy>{Key::SwCopyLink.text(locale)}</button>
                                </div>
                            </div>
                        }
                    })
            }}
            {move || status.get().map(|s| view! { <p class="flash ok" role="status">{i18n.msg(&s)}</p> })}
            <RejectionList rejection=rejection.into()/>
            {move || key_dialog.get().map(|(key, about)| view! { <KeyDialog key about on_close=move || key_dialog.set(None)/> })}
        </section>
    }
    .into_any()
}

/// The product key in a dialog, with a copy button.
#[component]
fn KeyDialog(key: String, about: String, on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_app().i18n;
    let copied = RwSignal::new(false);
    let to_copy = key.clone();
    view! {
        <Dialog title=Key::SwKeyDialogTitle on_close>
            <p>{about}</p>
            <p><code class="product-key" data-testid="product-key">{key}</code></p>
            <div class="toolbar">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        browser::copy_to_clipboard(&to_copy);
                        copied.set(true);
                    }
                >
                    {move || i18n.t(Key::SwCopyKey)}
                </button>
                <button type="button" on:click=move |_| on_close()>{move || i18n.t(Key::SwClose)}</button>
            </div>
            {move || copied.get().then(|| view! { <p class="flash ok" role="status">{i18n.t(Key::SwKeyCopied)}</p> })}
        </Dialog>
    }
}

/// Cancel a purchase: Order number, days left or why not, the Important note, acknowledgement, Submit.
#[component]
fn CancelDialog(
    purchase: SoftwarePurchaseId,
    customer: CustomerId,
    notice: RwSignal<Option<String>>,
    cancelling: RwSignal<Option<SoftwarePurchaseId>>,
) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let initial_order = app.state.with_untracked(|s| s.software.get(&purchase).map(|p| p.order.0.clone()));
    let purchase = StoredValue::new(purchase);
    let customer = StoredValue::new(customer);
    let choices = Memo::new(move |_| app.state.with(|s| order_choices(s, &purchase.get_value())));
    let chosen = RwSignal::new(initial_order.unwrap_or_default());
    let current = move || choices.with(|c| c.iter().find(|o| o.order.0 == chosen.get()).cloned());
    let quote = Memo::new(move |_| {
        let c = current()?;
        app.state.with(|s| {
            let q = cancellation_quote(s, &c.purchase, &c.order, s.clock).ok()?;
            let kind = s.software.get(&c.purchase).map(|p| p.kind)?;
            Some((q, kind))
        })
    });
    // "If cancelled on …": the window from the purchase to a few days past its close, quoted day by day.
    let day_window = Signal::derive(move || {
        let c = current()?;
        app.state.with(|s| s.software.get(&c.purchase).map(|p| csp_engine::software::cancel::quote_days(&s.policy, p)))
    });
    let day_quote = move |day: chrono::NaiveDate| {
        let c = current()?;
        app.state.with(|s| {
            let q = cancellation_quote(s, &c.purchase, &c.order, at_day(s.clock, day)).ok()?;
            let locale = i18n.locale.get();
            let zero = csp_engine::money::Money::zero(q.credit.currency);
            let closed_on = format::date(q.window_closes_at.date_naive(), locale);
            let (credit, rule) = if q.window_passed {
                (zero, fill(Key::QuoteSwRuleClosed.text(locale), &[("date", &closed_on)]))
            } else if let Some(v) = q.blockers.iter().find(|v| !matches!(v, Violation::OrderDoesNotHoldPurchase { .. }))
            {
                (zero, messages::violation(v, locale))
            } else {
                let rule = fill(
                    Key::QuoteSwRuleWithin.text(locale),
                    &[
                        ("day", &format::integer(q.day, locale)),
                        ("window", &format::integer(i64::from(s.policy.software_cancel_days), locale)),
                        ("date", &closed_on),
                    ],
                );
                (q.credit, rule)
            };
            Some(DayQuote { credit, fee: zero, rule })
        })
    };
    let acknowledged = RwSignal::new(false);
    let rejection = RwSignal::new(None::<Rejection>);
    let close = move || cancelling.set(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(c) = current() else { return };
        let cmd = Command::CancelSoftwarePurchase {
            purchase: c.purchase.clone(),
            order: c.order.clone(),
            acknowledged: acknowledged.get_untracked(),
        };
        match app.dispatch(cmd) {
            Ok(events) => {
                let locale = i18n.locale.get_untracked();
                let credit = events.iter().find_map(|e| match e {
                    Event::SoftwareCancelled { credit, .. } => Some(*credit),
                    _ => None,
                });
                let amount = credit.map(|m| format::money(m, locale)).unwrap_or_default();
                notice.set(Some(fill(Key::SwCancelled.text(locale), &[("order", &c.number), ("amount", &amount)])));
                close();
            }
            Err(r) => rejection.set(Some(r)),
        }
    };
    view! {
        <Dialog title=Key::SwCancelTitle on_close=close>
            <form on:submit=submit novalidate>
                <label>
                    {move || i18n.t(Key::ColOrderNumber)}
                    <select on:change=move |ev| {
                        chosen.set(event_target_value(&ev));
                        rejection.set(None);
                    }>
                        {move || {
                            let locale = i18n.locale.get();
                            choices
                                .get()
                                .into_iter()
                                .map(|o| {
                                    let value = o.order.0.clone();
                                    let selected = value == chosen.get_untracked();
                                    let label = format!(
                                        "{} ({})",
                                        o.number,
                                        format::date(o.purchased_at.date_naive(), locale),
                                    );
                                    view! { <option value=value selected=selected>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <div class="quote" data-testid="cancel-quote">
                    {move || {
                        let locale = i18n.locale.get();
                        quote
                            .get()
                            .map(|(q, kind)| {
                                if q.cancellable {
                                    let credit_key = match kind {
                                        SoftwareKind::Perpetual => Key::SwCreditPerpetual,
                                        _ => Key::SwCreditProrated,
                                    };
                                    view! {
                                        <p>
                                            {fill(
                                                Key::SwDaysLeft.counted(locale, q.days_left as i64),
                                                &[
                                                    ("days", &format::integer(q.days_left as i64, locale)),
                                                    ("date", &format::date(q.window_closes_at.date_naive(), locale)),
                                                ],
                                            )}
                                        </p>
                                        <p>{fill(credit_key.text(locale), &[("amount", &format::money(q.credit, locale))])}</p>
                                    }
                                        .into_any()
                                } else {
                                    let support = q.offer_support_request.then(|| {
                                        let href = Route::SupportRequest {
                                            customer: customer.get_value(),
                                            purchase: Some(q.purchase.clone()),
                                        }
                                        .href();
                                        view! { <p><a href=href>{Key::SwSupportRequestLink.text(locale)}</a></p> }
                                    });
                                    view! {
                                        <div class="reasons" data-testid="cancel-blockers">
                                            <ul>
                                                {q.blockers
                                                    .iter()
                                                    .map(|v| view! { <li>{messages::violation(v, locale)}</li> })
                                                    .collect_view()}
                                            </ul>
                                            {support}
                                        </div>
                                    }
                                        .into_any()
                                }
                            })
                    }}
                </div>
                <QuoteForDay window=day_window quote=day_quote/>
                <div class="important" role="note">
                    <strong>{move || i18n.t(Key::SwImportant)}</strong>
                    <p>{move || i18n.t(Key::SwImportantBody)}</p>
                </div>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=acknowledged
                        on:change=move |ev| acknowledged.set(event_target_checked(&ev))
                    />
                    {move || i18n.t(Key::SwAcknowledge)}
                </label>
                <RejectionList rejection=rejection.into()/>
                <div class="toolbar">
                    <button
                        type="submit"
                        disabled=move || !(acknowledged.get() && quote.with(|q| q.as_ref().is_some_and(|(q, _)| q.cancellable)))
                    >
                        {move || i18n.t(Key::SwSubmit)}
                    </button>
                    <button type="button" on:click=move |_| close()>{move || i18n.t(Key::SwClose)}</button>
                </div>
            </form>
        </Dialog>
    }
}

/// The customer's "CSP Purchase/Refund on behalf of customers" requests: ID, date, status.
#[component]
fn SupportRequestsList(customer: CustomerId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    view! {
        <section class="support-requests" aria-label=move || i18n.t(Key::SwSupportRequests)>
            <h2>{move || i18n.t(Key::SwSupportRequests)}</h2>
            {move || {
                let locale = i18n.locale.get();
                let rows = app.state.with(|s| {
                    support_requests_of(s, &customer)
                        .into_iter()
                        .filter_map(|r| {
                            let d = r.csp_purchase_refund()?;
                            Some(vec![
                                r.id.to_string(),
                                format::datetime(r.filed_at, locale),
                                Key::SwProblemTypeCsp.text(locale).to_string(),
                                d.order_or_subscription.clone(),
                                format::money(r.amount, locale),
                                support_status_key(r.status).text(locale).to_string(),
                            ])
                        })
                        .collect::<Vec<_>>()
                });
                table_with_numbers(
                    "support-requests-table",
                    vec![
                        Key::SwColRequestId,
                        Key::ColDate,
                        Key::SwProblemType,
                        Key::FieldOrderOrSubscription,
                        Key::FieldAmountRequested,
                        Key::ColStatus,
                    ],
                    rows,
                    Key::SwNoSupportRequests,
                    &[4],
                )
            }}
        </section>
    }
}

/// Who accessed software keys and downloads (RULES §5): a date range, the entries, CSV export.
#[component]
pub fn SoftwareActivityPage() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let (from0, to0) = default_range(app.state.with_untracked(|s| s.clock));
    let from = DateInput::new(Some(from0));
    let to = DateInput::new(Some(to0));
    let range = move || (from.date.get(), to.date.get());
    let headers = [
        Key::ColDate,
        Key::ColUser,
        Key::ColCustomer,
        Key::SwColProduct,
        Key::SwColVersion,
        Key::SwColLanguage,
        Key::SwColBit,
        Key::ColAction,
    ];
    let rows = Memo::new(move |_| {
        let locale = i18n.locale.get();
        let (f, t) = range();
        app.state.with(|s| {
            access_log(s, f, t)
                .into_iter()
                .map(|e| {
                    vec![
                        format::datetime(e.at, locale),
                        e.user_name.clone(),
                        s.customers
                            .get(&e.customer)
                            .map(|c| c.company_name.clone())
                            .unwrap_or_else(|| e.customer.0.clone()),
                        e.product.clone(),
                        e.selection.version.name().to_string(),
                        language_key(e.selection.language).text(locale).to_string(),
                        bit_key(e.selection.bit).text(locale).to_string(),
                        access_key(e.kind).text(locale).to_string(),
                    ]
                })
                .collect::<Vec<_>>()
        })
    });
    let export = move |_| {
        let locale = i18n.locale.get_untracked();
        let (f, t) = (from.date.get_untracked(), to.date.get_untracked());
        let header = [
            Key::SwColTime,
            Key::ColUser,
            Key::SwColUserId,
            Key::ColCustomer,
            Key::SwColPurchase,
            Key::SwColProduct,
            Key::SwColVersion,
            Key::SwColLanguage,
            Key::SwColBit,
            Key::ColAction,
        ]
        .map(|k| k.text(locale));
        let csv = app.state.with_untracked(|s| access_csv(&header, &access_log(s, f, t)));
        let name =
            csp_engine::export::file_name("software-activity", app.state.with_untracked(|s| s.clock.date_naive()));
        let _ = browser::download_text(&name, "text/csv;charset=utf-8", &csv);
    };
    view! {
        <section>
            <h1>{move || i18n.t(Key::SwActivityTitle)}</h1>
            <p><a href=Route::ActivityLog.href()>{move || i18n.t(Key::SwGeneralActivity)}</a></p>
            <RequirePermission permission=Permission::ViewSoftwareActivity>
                <p>{move || i18n.t(Key::SwActivityIntro)}</p>
                {date_range_filter(from, to, export)}
                {move || {
                    let (f, t) = range();
                    (f.zip(t).is_some_and(|(f, t)| f > t))
                        .then(|| view! { <p class="alert error" role="alert">{i18n.t(Key::SwRangeInvalid)}</p> })
                }}
                {log_entries("software-activity-table", headers.to_vec(), rows)}
                {show_all_dates(from, to, rows)}
            </RequirePermission>
        </section>
    }
}

/// The file input's value is `C:\fakepath\name.ext` in browsers: keep the name.
fn file_name(value: &str) -> Option<String> {
    let name = value.rsplit(['\\', '/']).next().unwrap_or_default().trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// "CSP Purchase/Refund on behalf of customers": every field validated by the engine; no money moves.
#[component]
pub fn SupportRequestPage(customer: CustomerId, purchase: Option<SoftwarePurchaseId>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let (company, about) = app.state.with_untracked(|s| {
        let company = s.customers.get(&customer).map(|c| c.company_name.clone());
        let about = purchase
            .as_ref()
            .and_then(|p| s.software.get(p))
            .filter(|p| p.customer == customer)
            .map(|p| (p.name.clone(), order_number(s, &p.order)));
        (company, about)
    });
    let form = RwSignal::new(SupportRequestForm {
        customer: customer.clone(),
        tenant_or_domain: String::new(),
        order_or_subscription: about.as_ref().map(|(_, o)| o.clone()).unwrap_or_default(),
        refund_reason: String::new(),
        amount_requested: String::new(),
        contact_name: String::new(),
        email: String::new(),
        phone: String::new(),
        attachment: None,
    });
    let rejection = RwSignal::new(None::<Rejection>);
    let filed = RwSignal::new(None::<String>);
    let currency = app.state.with_untracked(|s| s.partner.currency());
    let back = Route::Customer { id: customer.clone(), tab: CustomerTab::Software }.href();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match app.dispatch(Command::FileSupportRequest(form.get_untracked())) {
            Ok(events) => {
                rejection.set(None);
                let locale = i18n.locale.get_untracked();
                let text = events.iter().find_map(|e| match e {
                    Event::SupportRequestFiled(r) => Some(fill(
                        Key::SwSupportFiled.text(locale),
                        &[
                            ("id", r.id.as_str()),
                            ("date", &format::datetime(r.filed_at, locale)),
                            ("status", support_status_key(r.status).text(locale)),
                        ],
                    )),
                    _ => None,
                });
                filed.set(text);
            }
            Err(r) => rejection.set(Some(r)),
        }
    };
    let text_field =
        move |field: Field,
              label: Key,
              get: fn(&_) -> &String,
              set: fn(&mut _, String),
              kind: &'static str,
              hint: Option<String>| { TextInput { field, label, get, set, kind, hint }.view(form, rejection) };
    let title = move || i18n.t(Key::SwSupportTitle);
    view! {
        <section>
            <h1>{title}</h1>
            <RequirePermission permission=Permission::SoftwareKeysAndCancel>
                {match company.clone() {
                    None => view! { <p class="alert error" role="alert">{move || i18n.t(Key::NoSuchCustomer)}</p> }.into_any(),
                    Some(company) => {
                        let about = about.clone();
                        let back = back.clone();
                        view! {
                            <p>{move || i18n.tf(Key::SwSupportAbout, &[("customer", &company)])}</p>
                            {about.map(|(product, order)| view! {
                                <p>{move || i18n.tf(Key::SwSupportPurchase, &[("product", &product), ("order", &order)])}</p>
                            })}
                            <p class="hint">{move || i18n.t(Key::SwSupportNoMoney)}</p>
                            {move || {
                                let back = back.clone();
                                match filed.get() {
                                    Some(text) => view! {
                                        <p class="alert ok" role="status" data-testid="support-filed">{text}</p>
                                        <p><a class="button" href=back>{i18n.t(Key::SwBackToSoftware)}</a></p>
                                    }
                                        .into_any(),
                                    None => view! {
                                        <form class="card" on:submit=submit novalidate aria-label=title>
                                            {move || rejection.with(|r| r.is_some()).then(|| view! { <p class="alert error" role="alert">{i18n.t(Key::FixErrors)}</p> })}
                                            <p>
                                                <strong>{move || i18n.t(Key::SwProblemType)} {move || i18n.t(Key::Colon)}</strong>
                                                {move || i18n.t(Key::SwProblemTypeCsp)}
                                            </p>
                                            {text_field(Field::SupportTenantOrDomain, Key::FieldTenantOrDomain, |f| &f.tenant_or_domain, |f, v| f.tenant_or_domain = v, "text", None)}
                                            {text_field(Field::SupportOrderOrSubscription, Key::FieldOrderOrSubscription, |f| &f.order_or_subscription, |f, v| f.order_or_subscription = v, "text", None)}
                                            <label>
                                                {move || i18n.t(Key::FieldRefundReason)}
                                                <textarea
                                                    rows="4"
                                                    prop:value=move || form.with(|f| f.refund_reason.clone())
                                                    on:input=move |ev| form.update(|f| f.refund_reason = event_target_value(&ev))
                                                    aria-invalid=field_invalid(rejection, Field::SupportRefundReason)
                                                ></textarea>
                                                {field_error(rejection, Field::SupportRefundReason)}
                                            </label>
                                            {text_field(Field::SupportAmount, Key::FieldAmountRequested, |f| &f.amount_requested, |f, v| f.amount_requested = v, "text", Some(currency.code().to_string()))}
                                            {text_field(Field::ContactName, Key::FieldContactName, |f| &f.contact_name, |f, v| f.contact_name = v, "text", None)}
                                            {text_field(Field::ContactEmail, Key::FieldContactEmail, |f| &f.email, |f, v| f.email = v, "email", None)}
                                            {text_field(Field::ContactPhone, Key::FieldContactPhone, |f| &f.phone, |f, v| f.phone = v, "tel", None)}
                                            <label>
                                                {move || i18n.t(Key::FieldAttachment)}
                                                <input
                                                    type="file"
                                                    on:change=move |ev| form.update(|f| f.attachment = file_name(&event_target_value(&ev)))
                                                    aria-invalid=field_invalid(rejection, Field::SupportAttachment)
                                                />
                                                <span class="hint">{move || i18n.t(Key::SwOptional)}</span>
                                                {field_error(rejection, Field::SupportAttachment)}
                                            </label>
                                            <RejectionList rejection=Signal::derive(move || {
                                                rejection.get().filter(|r| r.violations.iter().any(|v| !matches!(v, Violation::Invalid { .. })))
                                            })/>
                                            <div class="toolbar">
                                                <button type="submit">{move || i18n.t(Key::SwSubmit)}</button>
                                                <a class="button" href=back.clone()>{move || i18n.t(Key::Cancel)}</a>
                                            </div>
                                        </form>
                                    }
                                        .into_any(),
                                }
                            }}
                        }
                            .into_any()
                    }
                }}
            </RequirePermission>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_input_values_give_the_file_name() {
        let cases = [
            ("C:\\fakepath\\invoice.pdf", Some("invoice.pdf")),
            ("/home/me/report.txt", Some("report.txt")),
            ("plain.png", Some("plain.png")),
            ("", None),
            ("C:\\fakepath\\", None),
        ];
        for (value, want) in cases {
            assert_eq!(file_name(value).as_deref(), want, "{value}");
        }
    }

    #[test]
    fn every_language_and_bit_has_a_name_in_both_locales() {
        use csp_engine::software::selection::VERSIONS;
        for m in VERSIONS {
            for l in m.languages {
                for locale in [Locale::En, Locale::Fr] {
                    assert!(!language_key(*l).text(locale).is_empty());
                }
            }
        }
        assert_eq!(bit_key(Bitness::X64).text(Locale::En), "64-bit");
    }
}
