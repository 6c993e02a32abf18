use super::parse::{parse_date, parse_price};
use super::*;
use crate::catalog;
use crate::customers::Segment;
use crate::demo;
use crate::execute;
use crate::roles::{Permission, Role};
use crate::testkit::{add_customer, date, empty_state, now, user_with};
use crate::Command;

const SAMPLE: &str = include_str!("../../../examples/price-list.csv");
const SAMPLE_FR: &str = include_str!("../../../examples/price-list-fr.csv");
const HEADER: &str = "Change indicator,Offer ID,Valid from,Valid to,List price,ERP price,Currency";

fn parsed(text: &str) -> Result<Parsed, FileProblem> {
    parse(text, &catalog::builtin())
}

fn one_rejection(row: &str) -> (u64, Column, RowProblem) {
    let p = parsed(&format!("{HEADER}\n{row}\n")).expect("the file reads");
    assert!(p.rows.is_empty(), "{row}: {:?}", p.rows);
    let [r] = &p.rejected[..] else { panic!("{row}: {:?}", p.rejected) };
    (r.line, r.column, r.problem.clone())
}

#[test]
fn the_sample_reads_every_row() {
    let p = parsed(SAMPLE).unwrap();
    assert_eq!(p.separator, b',');
    assert_eq!(p.rows.len(), 21);
    assert!(p.rejected.is_empty(), "{:?}", p.rejected);
    let bi = p.rows.iter().find(|r| r.offer.0 == "power-bi-pro").unwrap();
    assert_eq!((bi.change, bi.list, bi.erp, bi.currency), (Change::Chg, 1400, 1680, Currency::USD));
    assert_eq!((bi.valid_from, bi.valid_to), (date(2027, 1, 1), None));
    assert_eq!((bi.agreement, bi.secondary), (Some(Agreement::Corporate), Some(Secondary::NonSpecific)));
}

#[test]
fn the_french_variant_semicolons_bom_crlf_decimal_commas_reads_the_same_rows() {
    assert!(SAMPLE_FR.starts_with('\u{feff}'));
    let fr = parsed(SAMPLE_FR).unwrap();
    assert_eq!(fr.separator, b';');
    assert!(fr.rejected.is_empty(), "{:?}", fr.rejected);
    assert_eq!(fr.rows, parsed(SAMPLE).unwrap().rows);
}

#[test]
fn a_bom_and_any_column_order_and_header_case_are_accepted() {
    let text = "\u{feff} currency ,OFFER ID,List Price,ERP price,Valid from,Change indicator\nEUR,o365-e3,\"1,234.5\",30,2026-12-01,chg\n";
    let p = parsed(text).unwrap();
    assert!(p.rejected.is_empty(), "{:?}", p.rejected);
    assert_eq!((p.rows[0].currency, p.rows[0].list, p.rows[0].erp), (Currency::EUR, 123450, 3000));
}

#[test]
fn each_rejection_reason_names_its_line_and_column() {
    use Column as C;
    use RowProblem as P;
    let d = date(2026, 12, 1);
    let cases: Vec<(&str, Column, RowProblem)> = vec![
        ("CHG,o365-e3,12/1/2026,,10.00,12.00,XYZ", C::Currency, P::UnknownCurrency("XYZ".into())),
        ("CHG,o365-e3,12/1/2026,,-1.00,12.00,USD", C::ListPrice, P::NegativePrice),
        ("CHG,o365-e3,12/1/2026,,10.00,-12.00,USD", C::ErpPrice, P::NegativePrice),
        (
            "CHG,o365-e3,12/1/2026,11/30/2026,10.00,12.00,USD",
            C::ValidTo,
            P::EndsBeforeStart { from: d, to: date(2026, 11, 30) },
        ),
        ("CHG,o365-e3,12/1/2026,,ten,12.00,USD", C::ListPrice, P::BadNumber("ten".into())),
        ("CHG,o365-e3,13/1/2026,,10.00,12.00,USD", C::ValidFrom, P::BadDate("13/1/2026".into())),
        ("CHG,o365-e3,2026-02-30,,10.00,12.00,USD", C::ValidFrom, P::BadDate("2026-02-30".into())),
        ("NEW,o365-e3,12/1/2026,,10.00,12.00,USD", C::ChangeIndicator, P::BadIndicator("NEW".into())),
        ("CHG,no-such-offer,12/1/2026,,10.00,12.00,USD", C::OfferId, P::UnknownOffer("no-such-offer".into())),
        ("CHG,o365-e3,12/1/2026,,,12.00,USD", C::ListPrice, P::Empty),
        ("CHG,,12/1/2026,,10.00,12.00,USD", C::OfferId, P::Empty),
        // A short row: the missing cells are empty.
        ("CHG,o365-e3,12/1/2026", C::Currency, P::Empty),
    ];
    for (row, column, problem) in cases {
        assert_eq!(one_rejection(row), (2, column, problem), "{row}");
    }
}

#[test]
fn a_duplicate_offer_is_rejected_naming_the_first_line_and_the_rest_is_kept() {
    let text = format!(
        "{HEADER}\nCHG,o365-e3,12/1/2026,,10.00,12.00,USD\nCHG,o365-e1,12/1/2026,,5,6,USD\n\nCHG,o365-e3,12/1/2026,,11.00,13.00,USD\nCHG,o365-e3,12/1/2026,,11.00,13.00,EUR\n"
    );
    let p = parsed(&text).unwrap();
    assert_eq!(p.rows.len(), 3, "the first o365-e3, o365-e1, and o365-e3 in EUR");
    assert_eq!(
        p.rejected,
        vec![RejectedRow { line: 5, column: Column::OfferId, problem: RowProblem::DuplicateOffer { first_line: 2 } }]
    );
}

#[test]
fn optional_columns_are_checked_when_present() {
    let text = "Change indicator,Offer ID,Valid from,List price,ERP price,Currency,License agreement type,Secondary license type\n\
                CHG,o365-e3,12/1/2026,1,2,USD,Military,non-specific\n\
                CHG,o365-e1,12/1/2026,1,2,USD,Charity,bundle\n";
    let p = parsed(text).unwrap();
    let got: Vec<(u64, Column)> = p.rejected.iter().map(|r| (r.line, r.column)).collect();
    assert_eq!(got, vec![(2, Column::LicenseAgreementType), (3, Column::SecondaryLicenseType)]);
}

#[test]
fn a_missing_required_column_refuses_the_file() {
    let cases = [
        ("Change indicator,Offer ID,Valid from,ERP price,Currency\n", vec![Column::ListPrice]),
        ("Offer ID;Valid from\n", vec![Column::ChangeIndicator, Column::ListPrice, Column::ErpPrice, Column::Currency]),
        ("just some text", Column::ALL.into_iter().filter(|c| c.required()).collect()),
    ];
    for (text, missing) in cases {
        assert_eq!(parsed(text), Err(FileProblem::MissingColumns(missing)), "{text}");
    }
    assert_eq!(parsed(""), Err(FileProblem::Empty));
    assert_eq!(parsed("\u{feff}\n  \n"), Err(FileProblem::Empty));
}

#[test]
fn prices_read_with_a_point_or_a_comma_and_round_to_the_minor_unit() {
    let cases: [(&str, u32, Option<i64>); 12] = [
        ("6.50", 2, Some(650)),
        ("6,50", 2, Some(650)),
        ("1 234,56", 2, Some(123456)),
        ("1\u{a0}234,56", 2, Some(123456)),
        ("1.234,56", 2, Some(123456)),
        ("1,234.56", 2, Some(123456)),
        ("7", 2, Some(700)),
        ("0.125", 2, Some(13)),
        ("1234", 0, Some(1234)),
        ("12.5", 0, Some(13)),
        ("-3.2", 2, Some(-320)),
        ("3.2.x", 2, None),
    ];
    for (raw, digits, want) in cases {
        assert_eq!(parse_price(raw, digits), want, "{raw}");
    }
}

#[test]
fn dates_read_iso_or_with_slashes_by_separator() {
    assert_eq!(parse_date("2026-12-01", false), Some(date(2026, 12, 1)));
    assert_eq!(parse_date("12/1/2026", false), Some(date(2026, 12, 1)));
    assert_eq!(parse_date("1/12/2026", true), Some(date(2026, 12, 1)));
    assert_eq!(parse_date("12/1/2026 12:00:00 AM", false), Some(date(2026, 12, 1)));
    assert_eq!(parse_date("31/12/2026", false), None);
    assert_eq!(parse_date("12/1/26", false), None);
}

fn demo_with_sample() -> State {
    let mut s = demo::demo_state(now());
    execute(
        &mut s,
        &demo::global_admin(),
        Command::ImportPriceList { file: "price-list.csv".into(), text: SAMPLE.into() },
        now(),
    )
    .unwrap();
    s
}

#[test]
fn the_preview_counts_added_changed_removed_and_rejected() {
    let s = demo::demo_state(now());
    let mut text = SAMPLE.to_string();
    text.push_str("CHG,Bad,o365-e3,Corporate,Licenses,Non-specific,Commercial,-1,2,USD,12/1/2026,\n");
    let p = preview(&s, &parsed(&text).unwrap());
    assert_eq!((p.added.len(), p.changed.len(), p.removed.len(), p.unchanged), (2, 6, 1, 12));
    assert_eq!(p.importable(), 21);
    assert_eq!(p.valid_from, Some(date(2027, 1, 1)));
    let bi = p.changed.iter().find(|l| l.offer.0 == "power-bi-pro").unwrap();
    assert_eq!(
        (bi.old, bi.new, bi.erp),
        (Some(Money::new(1000, Currency::USD)), Money::new(1400, Currency::USD), Money::new(1680, Currency::USD))
    );
    assert_eq!(p.removed[0].offer.0, "exchange-online-kiosk");
    assert_eq!(p.rejected.len(), 1);
    assert_eq!((p.rejected[0].line, p.rejected[0].column), (23, Column::ListPrice));
    // The preview compares with the lists already applied: the same file again changes nothing.
    let again = preview(&demo_with_sample(), &parsed(SAMPLE).unwrap());
    assert_eq!((again.added.len(), again.changed.len(), again.unchanged), (2, 0, 18));
}

#[test]
fn apply_stores_the_list_logs_it_and_refuses_bad_files() {
    let s = demo_with_sample();
    let [list] = &s.price_lists[..] else { panic!() };
    assert_eq!((list.number, list.valid_from, list.entries.len(), list.rejected), (1, date(2027, 1, 1), 21, 0));
    let last = s.audit.last().unwrap();
    assert_eq!(last.action, AuditAction::PriceListImported);
    assert!(last.details.contains("price-list.csv: 21 rows"), "{}", last.details);

    let mut s = demo::demo_state(now());
    let admin = demo::global_admin();
    let before = s.clone();
    let refuse = |s: &mut State, text: &str| {
        execute(s, &admin, Command::ImportPriceList { file: "x.csv".into(), text: text.into() }, now())
            .unwrap_err()
            .violations
    };
    assert_eq!(
        refuse(&mut s, "Offer ID,List price\nx,1\n"),
        vec![Violation::PriceListRefused(FileProblem::MissingColumns(vec![
            Column::ChangeIndicator,
            Column::ValidFrom,
            Column::ErpPrice,
            Column::Currency
        ]))]
    );
    assert_eq!(
        refuse(&mut s, &format!("{HEADER}\nCHG,o365-e3,12/1/2026,,-1,1,USD\n")),
        vec![Violation::PriceListNoRows { rejected: 1 }]
    );
    assert_eq!(s, before);
}

#[test]
fn only_those_who_edit_partner_settings_import() {
    let mut s = empty_state();
    for role in Role::ALL {
        let user = user_with(&s, role);
        let cmd = Command::ImportPriceList { file: "p.csv".into(), text: SAMPLE.into() };
        let result = execute(&mut s, &user, cmd, now());
        assert_eq!(result.is_ok(), Permission::EditPartnerSettings.allowed_roles().contains(&role), "{role:?}");
        if let Err(r) = result {
            assert!(matches!(
                r.violations[..],
                [Violation::NotPermitted { permission: Permission::EditPartnerSettings, .. }]
            ));
        }
    }
}

#[test]
fn the_price_in_force_depends_on_the_date() {
    let s = demo_with_sample();
    let offer = s.catalog.get(&OfferId("power-bi-pro".into())).unwrap().clone();
    let usd = Currency::USD;
    let q = |billing, d| quote(&s.price_lists, &offer, usd, billing, Some(Term::OneYear), d).unwrap();
    let cases = [
        // Before Valid from: the catalog's price, no ERP.
        (BillingFrequency::Monthly, date(2026, 12, 31), 1000, None),
        (BillingFrequency::Monthly, date(2027, 1, 1), 1400, Some(1680)),
        // The annual plan moves by the same ratio (120.00 × 14/10).
        (BillingFrequency::Annual, date(2027, 1, 1), 16800, Some(20160)),
        (BillingFrequency::Monthly, date(2027, 6, 1), 1400, Some(1680)),
    ];
    for (billing, d, list, erp) in cases {
        let got = q(billing, d);
        assert_eq!((got.list.minor, got.erp.map(|e| e.minor)), (list, erp), "{billing:?} {d}");
    }
    assert_eq!(q(BillingFrequency::Monthly, date(2027, 1, 1)).margin(), Some(Money::new(280, usd)));
    // A later list wins from its own date; a bounded row stops at its Valid to.
    let mut s2 = s.clone();
    let text = format!("{HEADER}\nCHG,power-bi-pro,2/1/2027,2/28/2027,15.00,18.00,USD\n");
    execute(&mut s2, &demo::global_admin(), Command::ImportPriceList { file: "feb.csv".into(), text }, now()).unwrap();
    let at =
        |d| quote(&s2.price_lists, &offer, usd, BillingFrequency::Monthly, Some(Term::OneYear), d).unwrap().list.minor;
    assert_eq!((at(date(2027, 1, 31)), at(date(2027, 2, 1)), at(date(2027, 3, 1))), (1400, 1500, 1400));
}

#[test]
fn a_withdrawn_offer_cannot_be_bought_from_its_valid_from_date() {
    let mut s = demo_with_sample();
    let kiosk = OfferId("exchange-online-kiosk".into());
    assert_eq!(withdrawn_on(&s, &kiosk, Currency::USD, date(2026, 12, 31)), None);
    assert_eq!(withdrawn_on(&s, &kiosk, Currency::USD, date(2027, 1, 1)), Some(date(2027, 1, 1)));
    let c = add_customer(&mut s, "US", Segment::Commercial);
    let offer = s.catalog.get(&kiosk).unwrap().clone();
    let customer = s.customers.get(&c).unwrap().clone();
    assert!(!crate::eligibility::offer_reasons(&s, &customer, &offer)
        .contains(&crate::eligibility::Ineligible::Withdrawn { since: date(2027, 1, 1) }));
    let admin = demo::global_admin();
    execute(&mut s, &admin, Command::AdvanceClock { to: now() + chrono::Duration::days(42) }, now()).unwrap();
    assert!(crate::eligibility::offer_reasons(&s, &customer, &offer)
        .contains(&crate::eligibility::Ineligible::Withdrawn { since: date(2027, 1, 1) }));
}

/// Buy `quantity` of `offer` (monthly, one year) for `customer` on the state's date; the new subscription.
fn buy(s: &mut State, customer: &crate::ids::CustomerId, offer: &str) -> crate::ids::SubscriptionId {
    let admin = demo::global_admin();
    let line = crate::cart::LineInput {
        offer: OfferId(offer.into()),
        quantity: 2,
        billing: BillingFrequency::Monthly,
        term: Term::OneYear,
        reservation: None,
    };
    let at = s.clock;
    execute(s, &admin, Command::AddToCart { customer: customer.clone(), line }, at).unwrap();
    let cart = s.carts.get(customer).unwrap().id.clone();
    let before: Vec<_> = s.subscriptions.keys().cloned().collect();
    execute(s, &admin, Command::Checkout { customer: customer.clone(), cart }, at).unwrap();
    s.subscriptions.keys().find(|k| !before.contains(k)).unwrap().clone()
}

fn advance_to(s: &mut State, d: NaiveDate) {
    let to = d.and_hms_opt(9, 0, 0).unwrap().and_utc();
    let at = s.clock;
    execute(s, &demo::global_admin(), Command::AdvanceClock { to }, at).unwrap();
}

#[test]
fn a_purchase_keeps_its_price_for_the_term_and_renews_at_the_price_then_in_force() {
    let mut s = demo_with_sample();
    let c = add_customer(&mut s, "US", Segment::Commercial);
    let usd = |m| Money::new(m, Currency::USD);
    // Bought before the list's Valid from: the catalog price.
    let early = buy(&mut s, &c, "power-bi-pro");
    assert_eq!(s.subscriptions[&early].unit_price, usd(1000));
    advance_to(&mut s, date(2027, 1, 1));
    // Bought on Valid from: the new price; the earlier subscription keeps its own.
    let late = buy(&mut s, &c, "power-bi-pro");
    assert_eq!(s.subscriptions[&late].unit_price, usd(1400));
    assert_eq!(s.subscriptions[&early].unit_price, usd(1000));
    // Its cycles are still charged at 10.00, before and after the list's Valid from.
    let charged = |s: &State, id: &crate::ids::SubscriptionId, on: NaiveDate| {
        s.ledger
            .iter()
            .filter(|e| e.reference == crate::ledger::LedgerRef::Subscription(id.clone()) && e.period_start == Some(on))
            .map(|e| e.unit_price)
            .collect::<Vec<_>>()
    };
    assert_eq!(charged(&s, &early, date(2026, 12, 21)), vec![usd(1000)]);
    assert_eq!(charged(&s, &early, date(2027, 1, 21)), Vec::<Money>::new());
    advance_to(&mut s, date(2027, 1, 22));
    assert_eq!(charged(&s, &early, date(2027, 1, 21)), vec![usd(1000)]);
    // After its term: renewed at the price in force at renewal, and charged at it.
    let end = s.subscriptions[&early].term_end;
    advance_to(&mut s, end.succ_opt().unwrap());
    let renewed = &s.subscriptions[&early];
    assert_eq!((renewed.term_start, renewed.unit_price), (end.succ_opt().unwrap(), usd(1400)));
    assert_eq!(charged(&s, &early, renewed.term_start), vec![usd(1400)]);
}

#[test]
fn a_subscription_to_a_withdrawn_offer_renews_at_its_last_price() {
    let mut s = demo_with_sample();
    let c = add_customer(&mut s, "US", Segment::Commercial);
    let kiosk = buy(&mut s, &c, "exchange-online-kiosk");
    assert_eq!(s.subscriptions[&kiosk].unit_price, Money::new(200, Currency::USD));
    let end = s.subscriptions[&kiosk].term_end;
    advance_to(&mut s, end.succ_opt().unwrap());
    let sub = &s.subscriptions[&kiosk];
    assert_eq!((sub.term_start, sub.unit_price), (end.succ_opt().unwrap(), Money::new(200, Currency::USD)));
    assert!(crate::invariants::check(&s).is_empty());
}

#[test]
fn price_lists_survive_the_saved_form() {
    let s = demo_with_sample();
    let back = crate::persist::decode(&crate::persist::encode(&s)).unwrap();
    assert_eq!(back.price_lists, s.price_lists);
    assert_eq!(back, s);
    // A state without a list writes no `price_lists` key (older readers and the fixtures).
    let plain = serde_json::to_string(&demo::demo_state(now())).unwrap();
    assert!(!plain.contains("price_lists"));
}
