//! Billing: the invoices by calendar month (RULES §7), and the wording shared by the billing pages
//! (charge types, service periods) and the clock summary (RULES §8).

use crate::components::chart::MonthlyChart;
use crate::components::empty::empty_state;
use crate::components::errors::RequirePermission;
use crate::components::export::{self as cell, export_button, CsvFile};
use crate::ctx::use_app;
use crate::i18n::{fill, format, Key, Locale};
use crate::route::Route;
use csp_engine::billing::Period;
use csp_engine::export::{self, Cell};
use csp_engine::ledger::{invoices, ChargeType};
use csp_engine::roles::Permission;
use csp_engine::subscriptions::DueSummary;
use leptos::prelude::*;

const INVOICE_COLUMNS: [Key; 4] =
    [Key::ColInvoiceMonth, Key::ColInvoiceCurrency, Key::ColInvoiceEntries, Key::ColTotal];

#[component]
pub fn BillingPage() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    view! {
        <section>
            <h1>{move || i18n.t(Key::BillingTitle)}</h1>
            <p>
                <a href=Route::Renewals.href()>{move || i18n.t(Key::RenewalsLink)}</a>
            </p>
            <RequirePermission permission=Permission::ViewBilling>
                <h2>{move || i18n.t(Key::ExportBillingChart)}</h2>
                <MonthlyChart customer=None/>
                <div class="toolbar">
                    <h2>{move || i18n.t(Key::BillingInvoices)}</h2>
                    {export_button("export-invoices", move |locale, today| {
                        let rows: Vec<Vec<Cell>> = app.state.with_untracked(invoices)
                            .into_iter()
                            .map(|inv| {
                                vec![
                                    Cell::Number(format!("{:04}-{:02}", inv.year, inv.month)),
                                    Cell::text(inv.currency.code()),
                                    Cell::integer(inv.entries as i64),
                                    Cell::money(inv.total),
                                ]
                            })
                            .collect();
                        let header = INVOICE_COLUMNS.map(|k| k.text(locale));
                        CsvFile::new(export::file_name("invoices", today), &header, rows)
                    })}
                </div>
                {move || {
                    let locale = i18n.locale.get();
                    let list = app.state.with(invoices);
                    if list.is_empty() {
                        let customers = Route::Customers(Default::default()).href();
                        return empty_state(Key::NoInvoicesYet, Key::PagesEmptyInvoicesAction, customers, i18n.locale.get())
                            .into_any();
                    }
                    view! {
                        <div class="table-scroll">
                        <table class="grid" data-testid="invoices-table">
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t(Key::ColInvoiceMonth)}</th>
                                    <th scope="col">{i18n.t(Key::ColInvoiceCurrency)}</th>
                                    <th scope="col" class="num">{i18n.t(Key::ColInvoiceEntries)}</th>
                                    <th scope="col" class="num">{i18n.t(Key::ColTotal)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list
                                    .into_iter()
                                    .map(|inv| {
                                        let href = Route::Invoice { year: inv.year, month: inv.month }.href();
                                        view! {
                                            <tr>
                                                <th scope="row">
                                                    <a href=href>
                                                        <time datetime=format!("{:04}-{:02}", inv.year, inv.month)>
                                                            {format::month_year(inv.year, inv.month, locale)}
                                                        </time>
                                                    </a>
                                                </th>
                                                <td>{inv.currency.code()}</td>
                                                <td class="num">{format::integer(inv.entries as i64, locale)}</td>
                                                <td class="num">{cell::amount(inv.total, locale)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }
                    .into_any()
                }}
            </RequirePermission>
        </section>
    }
}

/// The words of a ledger entry's charge type.
pub fn charge_type(c: ChargeType) -> Key {
    match c {
        ChargeType::Purchase => Key::ChargePurchase,
        ChargeType::CycleCharge => Key::ChargeCycle,
        ChargeType::Proration => Key::ChargeProration,
        ChargeType::Renewal => Key::ChargeRenewal,
        ChargeType::Credit => Key::ChargeCredit,
        ChargeType::Refund => Key::ChargeRefund,
        ChargeType::Fee => Key::ChargeFee,
    }
}

/// "Jan 13, 2018 – Feb 12, 2018".
pub fn period(p: Period, locale: Locale) -> String {
    fill(
        Key::ServicePeriod.text(locale),
        &[("from", &format::date(p.start, locale)), ("to", &format::date(p.end, locale))],
    )
}

/// What a move of the simulated date did, in words ("3 renewals, 1 trial expired"), from the engine's
/// [`DueSummary`] of the events the move returned.
pub fn clock_summary(s: &DueSummary, locale: Locale) -> String {
    let rows = [
        (s.renewals, Key::SumRenewals),
        (s.cycles_billed, Key::SumCycles),
        (s.terms_ended, Key::SumTermsEnded),
        (s.trials_expired, Key::SumTrialsExpired),
        (s.trials_converted, Key::SumTrialsConverted),
        (s.cancellations, Key::SumCancellations),
        (s.deletions, Key::SumDeletions),
        (s.reservations_billed, Key::SumReservationPayments),
        (s.reservations_expired, Key::SumReservationsExpired),
    ];
    let parts: Vec<String> = rows
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, key)| fill(key.counted(locale, n as i64), &[("count", &format::integer(n as i64, locale))]))
        .collect();
    if parts.is_empty() {
        Key::NothingDue.text(locale).to_string()
    } else {
        format!("{}.", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_summary_counts_in_words() {
        let s = DueSummary { renewals: 3, trials_expired: 1, ..DueSummary::default() };
        assert_eq!(clock_summary(&s, Locale::En), "3 renewals, 1 trial expired.");
        assert_eq!(clock_summary(&s, Locale::Fr), "3 renouvellements, 1 essai expiré.");
        assert_eq!(clock_summary(&DueSummary::default(), Locale::En), "Nothing was due.");
        let many = DueSummary { cycles_billed: 1_200, deletions: 2, ..DueSummary::default() };
        assert_eq!(clock_summary(&many, Locale::En), "1,200 billing cycles charged, 2 subscriptions deleted.");
        let ones = DueSummary { cycles_billed: 1, deletions: 1, reservations_billed: 2, ..DueSummary::default() };
        assert_eq!(
            clock_summary(&ones, Locale::En),
            "1 billing cycle charged, 1 subscription deleted, 2 reservation payments."
        );
        assert_eq!(
            clock_summary(&ones, Locale::Fr),
            "1 cycle de facturation facturé, 1 abonnement supprimé, 2 paiements de réservation."
        );
    }
}
