//! Command-level tests of RULES §5 through `execute`: every refusal leaves the state untouched.
// Case tables are slices of tuples, one row per case, by design.
#![allow(clippy::type_complexity)]

use super::test_support::*;
use super::*;
use crate::audit::AuditAction;
use crate::ids::{OrderId, SoftwarePurchaseId, UserId};
use crate::money::{Currency, Money};
use crate::records::SoftwareKind;
use crate::rejection::{Field, Problem};
use crate::roles::Role;
use crate::{execute, Command, Event, Violation};
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};

fn ws2022_en() -> ProductSelection {
    ProductSelection { version: SoftwareVersion::WindowsServer2022, language: Language::English, bit: Bitness::X64 }
}

fn order_of(state: &State, p: &SoftwarePurchaseId) -> OrderId {
    state.software[p].order.clone()
}

/// Run a command that must be refused; assert it changed nothing and return the violations.
fn refused(state: &mut State, actor: &UserId, cmd: Command, now: DateTime<Utc>) -> Vec<Violation> {
    let before = state.clone();
    let err = execute(state, actor, cmd.clone(), now).expect_err(&format!("{cmd:?} should be refused"));
    assert_eq!(*state, before, "a refused {cmd:?} leaves the state untouched");
    err.violations
}

fn issue(state: &mut State, actor: &UserId, p: &SoftwarePurchaseId, now: DateTime<Utc>) -> DownloadLinkId {
    let cmd = Command::IssueDownloadLink { purchase: p.clone(), selection: ws2022_en() };
    let events = execute(state, actor, cmd, now).unwrap();
    match &events[0] {
        Event::DownloadLinkIssued { link, .. } => link.id.clone(),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn cancel_window_edges_count_whole_days_from_the_order_timestamp() {
    // (case, offset from purchase, cancellable, days left shown)
    let cases: &[(&str, Duration, bool, u32)] = &[
        ("day 0", Duration::hours(1), true, 60),
        ("day 1", Duration::days(1), true, 59),
        ("day 59 start", Duration::days(59), true, 1),
        ("day 59 last second", Duration::days(60) - Duration::seconds(1), true, 1),
        ("day 60 exactly", Duration::days(60), false, 0),
        ("day 60 afternoon", Duration::days(60) + Duration::hours(6), false, 0),
        ("day 61", Duration::days(61), false, 0),
    ];
    let closes = t0() + Duration::days(60);
    for (case, offset, ok, days_left) in cases {
        let mut state = state();
        let agent = admin_agent(&state);
        let now = t0() + *offset;
        let order = order_of(&state, &ws_sub());
        let quote = cancellation_quote(&state, &ws_sub(), &order, now).unwrap();
        assert_eq!(quote.cancellable, *ok, "{case}: quote");
        assert_eq!(quote.days_left, *days_left, "{case}: days left");
        assert_eq!(quote.window_closes_at, closes, "{case}");
        assert_eq!(quote.offer_support_request, !ok, "{case}: support link only when the window passed");
        let cmd = Command::CancelSoftwarePurchase { purchase: ws_sub(), order, acknowledged: true };
        if *ok {
            execute(&mut state, &agent, cmd, now).unwrap_or_else(|e| panic!("{case}: {e:?}"));
            assert_eq!(state.software[&ws_sub()].status, crate::records::PurchaseStatus::Cancelled, "{case}");
        } else {
            let v = refused(&mut state, &agent, cmd, now);
            assert_eq!(
                v,
                vec![Violation::SoftwareCancelWindowClosed {
                    closed_at: closes,
                    closed_on: NaiveDate::from_ymd_opt(2026, 5, 9).unwrap()
                }],
                "{case}"
            );
        }
    }
}

#[test]
fn credit_is_full_for_perpetual_and_prorated_for_subscriptions_to_the_cent() {
    let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 9, 30, 0).unwrap();
    // (case, kind, paid, purchased at, days after, credit)
    let cases: &[(&str, SoftwareKind, Money, DateTime<Utc>, i64, Money)] = &[
        (
            "perpetual day 30",
            SoftwareKind::Perpetual,
            Money::new(100_000, Currency::USD),
            t0(),
            30,
            Money::new(100_000, Currency::USD),
        ),
        (
            "perpetual odd cents day 59",
            SoftwareKind::Perpetual,
            Money::new(123_457, Currency::EUR),
            t0(),
            59,
            Money::new(123_457, Currency::EUR),
        ),
        (
            "1 year day 0",
            SoftwareKind::Subscription { years: 1 },
            Money::new(100_000, Currency::USD),
            t0(),
            0,
            Money::new(100_000, Currency::USD),
        ),
        // 335 / 365 × 1000.00 = 917.808… → 917.81
        (
            "1 year day 30",
            SoftwareKind::Subscription { years: 1 },
            Money::new(100_000, Currency::USD),
            t0(),
            30,
            Money::new(91_781, Currency::USD),
        ),
        // 306 / 365 × 1000.00 = 838.356… → 838.36
        (
            "1 year day 59",
            SoftwareKind::Subscription { years: 1 },
            Money::new(100_000, Currency::USD),
            t0(),
            59,
            Money::new(83_836, Currency::USD),
        ),
        // 364 / 365 × 1234.57 = 1231.187… → 1231.19
        (
            "1 year day 1 odd cents",
            SoftwareKind::Subscription { years: 1 },
            Money::new(123_457, Currency::USD),
            t0(),
            1,
            Money::new(123_119, Currency::USD),
        ),
        // term 2027-06-01 → 2028-06-01 spans 29 Feb: 366 days; 356 / 366 × 999.99 = 972.666… → 972.67
        (
            "1 year over a leap day",
            SoftwareKind::Subscription { years: 1 },
            Money::new(99_999, Currency::USD),
            at(2027, 6, 1),
            10,
            Money::new(97_267, Currency::USD),
        ),
        // term 2026-03-10 → 2029-03-10: 1096 days; 1051 / 1096 × 1000.00 = 958.941… → 958.94
        (
            "3 years day 45",
            SoftwareKind::Subscription { years: 3 },
            Money::new(100_000, Currency::USD),
            t0(),
            45,
            Money::new(95_894, Currency::USD),
        ),
        // 1037 / 1096 × 1000.00 = 946.167… → 946.17
        (
            "3 years day 59",
            SoftwareKind::Subscription { years: 3 },
            Money::new(100_000, Currency::USD),
            t0(),
            59,
            Money::new(94_617, Currency::USD),
        ),
        // JPY has no minor unit: 364 / 365 × 120000 = 119671.2… → 119671
        (
            "1 year JPY day 1",
            SoftwareKind::Subscription { years: 1 },
            Money::new(120_000, Currency::JPY),
            t0(),
            1,
            Money::new(119_671, Currency::JPY),
        ),
    ];
    for (case, kind, paid, purchased_at, days, want) in cases {
        let mut state = state();
        let agent = admin_agent(&state);
        let p = state.software.get_mut(&ws_sub()).unwrap();
        p.kind = *kind;
        p.paid = *paid;
        p.purchased_at = *purchased_at;
        let order = p.order.clone();
        let now = *purchased_at + Duration::days(*days) + Duration::hours(3);
        let quote = cancellation_quote(&state, &ws_sub(), &order, now).unwrap();
        assert_eq!(quote.credit, *want, "{case}: quote");
        let cmd = Command::CancelSoftwarePurchase { purchase: ws_sub(), order: order.clone(), acknowledged: true };
        let events = execute(&mut state, &agent, cmd, now).unwrap();
        assert_eq!(
            events[0],
            Event::SoftwareCancelled { purchase: ws_sub(), customer: customer(), order, at: now, credit: *want },
            "{case}: the event carries the credit for the ledger"
        );
        assert!(matches!(events.last(), Some(Event::Audited(e)) if e.action == AuditAction::SoftwarePurchaseCancelled));
    }
}

#[test]
fn suse_and_red_hat_plans_are_never_cancellable() {
    for (case, id, days) in [("Red Hat day 1", rhel(), 1), ("SUSE day 0", suse(), 0), ("Red Hat day 61", rhel(), 61)] {
        let mut state = state();
        let agent = admin_agent(&state);
        let now = t0() + Duration::days(days);
        let order = order_of(&state, &id);
        let quote = cancellation_quote(&state, &id, &order, now).unwrap();
        assert!(!quote.cancellable && quote.offer_support_request, "{case}");
        assert_eq!(quote.credit, Money::zero(Currency::USD), "{case}");
        let cmd = Command::CancelSoftwarePurchase { purchase: id.clone(), order, acknowledged: true };
        assert_eq!(
            refused(&mut state, &agent, cmd, now),
            vec![Violation::SoftwareNeverCancellable { purchase: id.clone() }],
            "{case}"
        );
    }
}

#[test]
fn cancel_refusals_list_every_reason() {
    let day = |n| t0() + Duration::days(n);
    let own = OrderId("O-0001".into());
    let other = OrderId("O-0002".into());
    let wrong_order =
        Violation::OrderDoesNotHoldPurchase { order: other.clone(), purchase: ws_sub(), held_by: own.clone() };
    let closed = Violation::SoftwareCancelWindowClosed {
        closed_at: t0() + Duration::days(60),
        closed_on: NaiveDate::from_ymd_opt(2026, 5, 9).unwrap(),
    };
    // (case, purchase, order, acknowledged, when, violations)
    let cases: Vec<(&str, SoftwarePurchaseId, OrderId, bool, DateTime<Utc>, Vec<Violation>)> = vec![
        ("not acknowledged", ws_sub(), own.clone(), false, day(5), vec![Violation::CancellationNotAcknowledged]),
        ("order does not hold it", ws_sub(), other.clone(), true, day(5), vec![wrong_order.clone()]),
        (
            "all at once",
            ws_sub(),
            other.clone(),
            false,
            day(70),
            vec![wrong_order, closed, Violation::CancellationNotAcknowledged],
        ),
        (
            "unknown purchase",
            SoftwarePurchaseId("SW-0099".into()),
            own.clone(),
            true,
            day(5),
            vec![Violation::NoSuchSoftwarePurchase { purchase: SoftwarePurchaseId("SW-0099".into()) }],
        ),
    ];
    for (case, id, order, acknowledged, now, want) in cases {
        let mut state = state();
        let agent = admin_agent(&state);
        let cmd = Command::CancelSoftwarePurchase { purchase: id, order, acknowledged };
        assert_eq!(refused(&mut state, &agent, cmd, now), want, "{case}");
    }
}

#[test]
fn cancelling_revokes_keys_and_links_and_cannot_repeat() {
    let mut state = state();
    let agent = admin_agent(&state);
    let link = issue(&mut state, &agent, &ws_sub(), t0() + Duration::days(1));
    let at = t0() + Duration::days(2);
    let order = order_of(&state, &ws_sub());
    let cmd = Command::CancelSoftwarePurchase { purchase: ws_sub(), order: order.clone(), acknowledged: true };
    execute(&mut state, &agent, cmd.clone(), at).unwrap();
    let later = at + Duration::hours(1);
    let gone = Violation::SoftwarePurchaseCancelled { purchase: ws_sub(), cancelled_at: Some(at) };
    let cases: Vec<(&str, Command, Vec<Violation>)> = vec![
        ("cancel again", cmd, vec![gone.clone()]),
        (
            "download",
            Command::Download { link: link.clone() },
            vec![Violation::DownloadLinkRevoked { link: link.clone(), revoked_at: at }],
        ),
        (
            "copy link",
            Command::CopyLink { link: link.clone() },
            vec![Violation::DownloadLinkRevoked { link: link.clone(), revoked_at: at }],
        ),
        ("get key", Command::GetKey { purchase: ws_sub(), selection: ws2022_en() }, vec![gone.clone()]),
        ("new link", Command::IssueDownloadLink { purchase: ws_sub(), selection: ws2022_en() }, vec![gone.clone()]),
    ];
    for (case, cmd, want) in cases {
        assert_eq!(refused(&mut state, &agent, cmd, later), want, "{case}");
    }
    assert_eq!(key_for(&state, &agent, &ws_sub(), &ws2022_en()).unwrap_err().violations, vec![gone]);
    let rows = purchases_of(&state, &customer());
    let row = rows.iter().find(|(p, _)| p.id == ws_sub()).unwrap();
    assert!(!row.1, "the cancelled purchase stays listed, without key");
    assert_eq!(rows.len(), 5, "cancelled ones included");
    let quote = cancellation_quote(&state, &ws_sub(), &order, later).unwrap();
    assert!(!quote.offer_support_request, "nothing left to request for a cancelled purchase");
}

#[test]
fn link_expires_fourteen_days_after_issue() {
    let issued = t0() + Duration::days(1);
    let expires = issued + Duration::days(14);
    // (case, when, allowed)
    let cases = [
        ("at issue", issued, true),
        ("day 13", issued + Duration::days(13), true),
        ("last second", expires - Duration::seconds(1), true),
        ("day 14 exactly", expires, false),
        ("day 15", issued + Duration::days(15), false),
    ];
    for (case, now, ok) in cases {
        let mut state = state();
        let agent = admin_agent(&state);
        let link = issue(&mut state, &agent, &ws_sub(), issued);
        let status = link_status(&state.policy, &state.download_links[&link], now);
        assert_eq!(status.expires_at, expires, "{case}");
        assert_eq!(status.is_active(), ok, "{case}");
        let cmd = Command::Download { link: link.clone() };
        if ok {
            execute(&mut state, &agent, cmd, now).unwrap();
            assert_eq!(state.download_links[&link].downloads, 1, "{case}");
        } else {
            assert_eq!(
                refused(&mut state, &agent, cmd, now),
                vec![Violation::DownloadLinkExpired { link, reason: LinkExpiry::Time, expired_at: expires }],
                "{case}"
            );
        }
    }
}

#[test]
fn link_is_used_up_by_the_fiftieth_download() {
    let mut state = state();
    let agent = admin_agent(&state);
    let issued = t0();
    let link = issue(&mut state, &agent, &ws_sub(), issued);
    let minute = |n: i64| issued + Duration::minutes(n);
    for n in 1..=50 {
        execute(&mut state, &agent, Command::Download { link: link.clone() }, minute(n))
            .unwrap_or_else(|e| panic!("download {n}: {e:?}"));
        let status = link_status(&state.policy, &state.download_links[&link], minute(n));
        assert_eq!(status.downloads_left, 50 - n as u32, "after download {n}");
        assert_eq!(status.is_active(), n < 50, "after download {n}");
    }
    let used_up =
        Violation::DownloadLinkExpired { link: link.clone(), reason: LinkExpiry::Downloads, expired_at: minute(50) };
    // (case, when): the 51st download is refused, and stays "used up" even after the 14 days pass.
    for (case, now) in [("51st download", minute(51)), ("after 14 days", issued + Duration::days(20))] {
        assert_eq!(
            refused(&mut state, &agent, Command::Download { link: link.clone() }, now),
            vec![used_up.clone()],
            "{case}"
        );
        assert_eq!(
            refused(&mut state, &agent, Command::CopyLink { link: link.clone() }, now),
            vec![used_up.clone()],
            "{case}: copy"
        );
    }
}

#[test]
fn get_keys_and_downloads_again_issues_a_fresh_link() {
    let mut state = state();
    let agent = admin_agent(&state);
    let first = issue(&mut state, &agent, &ws_sub(), t0());
    let later = t0() + Duration::days(15);
    let v = refused(&mut state, &agent, Command::Download { link: first.clone() }, later);
    assert!(matches!(v[..], [Violation::DownloadLinkExpired { reason: LinkExpiry::Time, .. }]));
    let second = issue(&mut state, &agent, &ws_sub(), later);
    let third = issue(&mut state, &agent, &ws_sub(), later);
    let cases = [("first", &first, "DL-0001"), ("second", &second, "DL-0002"), ("third", &third, "DL-0003")];
    for (case, id, want) in cases {
        assert_eq!(id.as_str(), want, "{case}: IDs are deterministic");
        assert!(state.download_links[id].url.starts_with(links::DOWNLOAD_HOST), "{case}");
    }
    assert_ne!(state.download_links[&second].url, state.download_links[&third].url, "each link has its own URL");
    assert_eq!(current_link(&state, &ws_sub()).map(|l| &l.id), Some(&third), "the newest is current");
    assert_eq!(links_of(&state, &ws_sub()).len(), 3);
    execute(&mut state, &agent, Command::Download { link: second.clone() }, later).unwrap();
    execute(&mut state, &agent, Command::CopyLink { link: third.clone() }, later).unwrap();
    let (name, body) = links::download_file(&state.software[&ws_sub()], &state.download_links[&second]);
    assert_eq!(name, "WS2022_en-US_64-bit.txt");
    for part in ["Windows Server 2022 Standard", "Version: Windows Server 2022", "Language: en-US", "Bit: 64-bit"] {
        assert!(body.contains(part), "{part} in {body}");
    }
}

#[test]
fn keys_need_a_valid_selection_and_a_product_with_media() {
    let x86 = ProductSelection { bit: Bitness::X86, ..ws2022_en() };
    let invalid = |field| Violation::Invalid { field, problem: Problem::NotOffered };
    let cases: Vec<(&str, SoftwarePurchaseId, ProductSelection, Vec<Violation>)> = vec![
        ("no 32-bit Windows Server 2022", ws_sub(), x86, vec![invalid(Field::SoftwareBit)]),
        ("SQL Server purchase, Windows version", sql_perpetual(), ws2022_en(), vec![invalid(Field::SoftwareVersion)]),
        ("Red Hat plan", rhel(), ws2022_en(), vec![Violation::NoKeysForProduct { purchase: rhel() }]),
    ];
    for (case, id, selection, want) in cases {
        for cmd in [
            Command::GetKey { purchase: id.clone(), selection },
            Command::IssueDownloadLink { purchase: id.clone(), selection },
        ] {
            let mut state = state();
            let agent = admin_agent(&state);
            assert_eq!(refused(&mut state, &agent, cmd, t0()), want, "{case}");
        }
    }
}

#[test]
fn get_key_records_access_and_shows_the_deterministic_key() {
    let mut state = state();
    let agent = admin_agent(&state);
    let cmd = Command::GetKey { purchase: ws_sub(), selection: ws2022_en() };
    execute(&mut state, &agent, cmd.clone(), t0()).unwrap();
    execute(&mut state, &agent, cmd, t0() + Duration::days(3)).unwrap();
    let key = key_for(&state, &agent, &ws_sub(), &ws2022_en()).unwrap();
    assert_eq!(key, product_key(&state.software[&ws_sub()], &ws2022_en()));
    assert!(keys::is_well_formed_key(&key));
    assert_eq!(key_for(&state, &agent, &ws_sub(), &ws2022_en()).unwrap(), key, "same key every time");
    assert!(!state.audit.iter().any(|e| e.details.contains(&key)), "the key never lands in a log");
    assert_eq!(state.software_access.len(), 2);
}

/// Every software command, for every role: only the Admin agent may; others are told who may.
#[test]
fn every_action_is_admin_agent_only() {
    let base = state();
    let agent = admin_agent(&base);
    let mut with_link = base.clone();
    let link = issue(&mut with_link, &agent, &ws_sub(), t0());
    let form = valid_form(&with_link);
    let commands: Vec<(&str, Command)> = vec![
        ("get keys and downloads", Command::IssueDownloadLink { purchase: ws_sub(), selection: ws2022_en() }),
        ("get key", Command::GetKey { purchase: ws_sub(), selection: ws2022_en() }),
        ("download", Command::Download { link: link.clone() }),
        ("copy link", Command::CopyLink { link }),
        (
            "cancel",
            Command::CancelSoftwarePurchase {
                purchase: ws_sub(),
                order: order_of(&base, &ws_sub()),
                acknowledged: true,
            },
        ),
        ("support request", Command::FileSupportRequest(form)),
    ];
    let not_permitted =
        Violation::NotPermitted { permission: Permission::SoftwareKeysAndCancel, allowed: vec![Role::AdminAgent] };
    for (case, cmd) in &commands {
        for role in Role::ALL {
            let mut state = with_link.clone();
            let actor = user(&state, role);
            let now = t0() + Duration::hours(1);
            if role == Role::AdminAgent {
                execute(&mut state, &actor, cmd.clone(), now).unwrap_or_else(|e| panic!("{case}: {e:?}"));
            } else {
                assert_eq!(
                    refused(&mut state, &actor, cmd.clone(), now),
                    vec![not_permitted.clone()],
                    "{case} by {role:?}"
                );
            }
        }
    }
    let ghost = UserId("U-0999".into());
    assert_eq!(refused(&mut with_link.clone(), &ghost, commands[0].1.clone(), t0()), vec![Violation::UnknownUser]);
}

#[test]
fn reading_the_page_and_the_log_is_gated_by_role() {
    let state = state();
    // (role, may open the Software page, may read the software activity log)
    let cases = [
        (Role::AdminAgent, true, false),
        (Role::SalesAgent, false, false),
        (Role::HelpdeskAgent, false, false),
        (Role::BillingAdmin, false, false),
        (Role::GlobalAdmin, true, true),
        (Role::UserManagementAdmin, false, false),
        (Role::AccountAdmin, false, true),
        (Role::ReferralAdmin, false, true),
        (Role::MarketingContentAdmin, false, true),
    ];
    for (role, open, view) in cases {
        let actor = user(&state, role);
        assert_eq!(authorize_open_software(&state, &actor).is_ok(), open, "{role:?} opens Software");
        assert_eq!(authorize_view_activity(&state, &actor).is_ok(), view, "{role:?} reads the log");
        if !view {
            let err = authorize_view_activity(&state, &actor).unwrap_err();
            assert!(err.has(|v| matches!(v, Violation::NotPermitted { allowed, .. } if allowed.len() == 4)));
        }
    }
}

#[test]
fn every_access_is_logged_with_who_when_customer_product_and_selection() {
    let mut state = state();
    let agent = admin_agent(&state);
    let agent_name = state.user(&agent).unwrap().name.clone();
    let day = |n| t0() + Duration::days(n);
    let link = issue(&mut state, &agent, &ws_sub(), day(0));
    execute(&mut state, &agent, Command::GetKey { purchase: ws_sub(), selection: ws2022_en() }, day(1)).unwrap();
    execute(&mut state, &agent, Command::Download { link: link.clone() }, day(2)).unwrap();
    execute(&mut state, &agent, Command::CopyLink { link: link.clone() }, day(3)).unwrap();
    let expected = [
        (AccessKind::LinkIssued, day(0), Some(&link), AuditAction::SoftwareLinkIssued),
        (AccessKind::KeyAccessed, day(1), None, AuditAction::SoftwareKeyAccessed),
        (AccessKind::Downloaded, day(2), Some(&link), AuditAction::SoftwareDownloaded),
        (AccessKind::LinkCopied, day(3), Some(&link), AuditAction::SoftwareLinkCopied),
    ];
    assert_eq!(state.software_access.len(), expected.len());
    assert_eq!(state.audit.len(), expected.len(), "each also writes the general activity log");
    for ((kind, at, l, action), (e, a)) in expected.iter().zip(state.software_access.iter().zip(&state.audit)) {
        assert_eq!((e.kind, e.at, e.link.as_ref()), (*kind, *at, *l), "{kind:?}");
        assert_eq!((&e.user, &e.user_name, &e.customer), (&agent, &agent_name, &customer()), "{kind:?}");
        assert_eq!(
            (&e.purchase, e.product.as_str(), e.selection),
            (&ws_sub(), "Windows Server 2022 Standard", ws2022_en())
        );
        assert_eq!((a.action, a.at, a.customer.as_ref()), (*action, *at, Some(&customer())), "{kind:?} audit");
    }

    let d = |n: i64| Some(day(n).date_naive());
    // (case, from, to, kinds newest first)
    let cases: &[(&str, Option<NaiveDate>, Option<NaiveDate>, &[AccessKind])] = &[
        (
            "all",
            None,
            None,
            &[AccessKind::LinkCopied, AccessKind::Downloaded, AccessKind::KeyAccessed, AccessKind::LinkIssued],
        ),
        ("inclusive bounds", d(1), d(2), &[AccessKind::Downloaded, AccessKind::KeyAccessed]),
        ("one day", d(3), d(3), &[AccessKind::LinkCopied]),
        ("from only", d(2), None, &[AccessKind::LinkCopied, AccessKind::Downloaded]),
        ("to only", None, d(0), &[AccessKind::LinkIssued]),
        ("empty", d(10), d(20), &[]),
    ];
    for (case, from, to, want) in cases {
        let got: Vec<AccessKind> = access_log(&state, *from, *to).iter().map(|e| e.kind).collect();
        assert_eq!(&got, want, "{case}");
    }

    let entries = access_log(&state, d(2), d(2));
    let csv = activity::access_csv(&activity::CSV_COLUMNS, &entries);
    assert_eq!(
        csv,
        format!(
            "\u{feff}time,user,user_id,customer,purchase,product,version,language,bit,action\r\n\
             2026-03-12T09:30:00Z,{agent_name},{agent},C-0001,SW-0001,Windows Server 2022 Standard,WS2022,en-US,64-bit,downloaded\r\n"
        )
    );
    let now = Utc.with_ymd_and_hms(2026, 3, 31, 12, 0, 0).unwrap();
    assert_eq!(
        activity::default_range(now),
        (NaiveDate::from_ymd_opt(2026, 2, 28).unwrap(), NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()),
        "the last month, clamped to the shorter month"
    );
}

#[test]
fn order_drop_down_lists_the_orders_holding_that_product_for_that_customer() {
    let mut state = state();
    let mut again =
        test_support::purchase("SW-0006", "Windows Server 2022 Standard", SoftwareKind::Subscription { years: 1 });
    again.purchased_at = t0() + Duration::days(3);
    let mut elsewhere =
        test_support::purchase("SW-0007", "Windows Server 2022 Standard", SoftwareKind::Subscription { years: 1 });
    elsewhere.customer = crate::ids::CustomerId("C-0002".into());
    for p in [again, elsewhere] {
        state.orders.insert(p.order.clone(), order_for(&p));
        state.software.insert(p.id.clone(), p);
    }
    let got: Vec<(String, String)> =
        order_choices(&state, &ws_sub()).into_iter().map(|c| (c.order.to_string(), c.number)).collect();
    assert_eq!(got, vec![("O-0001".into(), "100001".into()), ("O-0006".into(), "100006".into())]);
    assert!(order_choices(&state, &SoftwarePurchaseId("SW-0099".into())).is_empty());
}

fn valid_form(state: &State) -> SupportRequestForm {
    SupportRequestForm {
        customer: customer(),
        tenant_or_domain: state.customers[&customer()].domain.clone(),
        order_or_subscription: state.software[&ws_sub()].order.to_string(),
        refund_reason: "Bought the wrong edition".into(),
        amount_requested: "1000.00".into(),
        contact_name: "Alex Martin".into(),
        email: "alex.martin@contoso-partners.com".into(),
        phone: "+1 (425) 555-0100".into(),
        attachment: Some("invoice.pdf".into()),
    }
}

#[test]
fn support_request_validates_every_field() {
    let base = state();
    let invalid = |field, problem| Violation::Invalid { field, problem };
    type Edit = fn(&mut SupportRequestForm);
    let cases: &[(&str, Edit, Vec<Violation>)] = &[
        ("valid", |_| {}, vec![]),
        ("tenant GUID", |f| f.tenant_or_domain = crate::customers::tenant_id(&customer()), vec![]),
        (
            "tenant GUID in capitals",
            |f| f.tenant_or_domain = crate::customers::tenant_id(&customer()).to_uppercase(),
            vec![],
        ),
        ("domain in capitals", |f| f.tenant_or_domain = "ContosoLtd.OnMicrosoft.com".into(), vec![]),
        (
            "another tenant's GUID",
            |f| f.tenant_or_domain = "3f2504e0-4f89-11d3-9a0c-0305e82c3301".into(),
            vec![invalid(Field::SupportTenantOrDomain, Problem::NotThisCustomer)],
        ),
        (
            "another customer's domain",
            |f| f.tenant_or_domain = "fabrikamfr.onmicrosoft.com".into(),
            vec![invalid(Field::SupportTenantOrDomain, Problem::NotThisCustomer)],
        ),
        (
            "unknown customer",
            |f| f.customer = crate::ids::CustomerId("C-0099".into()),
            vec![Violation::NoSuchCustomer { customer: crate::ids::CustomerId("C-0099".into()) }],
        ),
        ("order number", |f| f.order_or_subscription = "100001".into(), vec![]),
        ("purchase ID", |f| f.order_or_subscription = "sw-0002".into(), vec![]),
        ("no attachment", |f| f.attachment = None, vec![]),
        ("blank attachment", |f| f.attachment = Some("  ".into()), vec![]),
        ("amount with comma", |f| f.amount_requested = "12,5".into(), vec![]),
        (
            "tenant neither GUID nor domain",
            |f| f.tenant_or_domain = "contoso".into(),
            vec![invalid(Field::SupportTenantOrDomain, Problem::InvalidTenantOrDomain)],
        ),
        (
            "broken GUID",
            |f| f.tenant_or_domain = "3f2504e0-4f89-11d3-9a0c-0305e82c330".into(),
            vec![invalid(Field::SupportTenantOrDomain, Problem::InvalidTenantOrDomain)],
        ),
        (
            "order of nobody",
            |f| f.order_or_subscription = "O-0042".into(),
            vec![invalid(Field::SupportOrderOrSubscription, Problem::UnknownReference)],
        ),
        (
            "another customer's order and tenant",
            |f| f.customer = crate::ids::CustomerId("C-0002".into()),
            vec![
                invalid(Field::SupportTenantOrDomain, Problem::NotThisCustomer),
                invalid(Field::SupportOrderOrSubscription, Problem::UnknownReference),
            ],
        ),
        (
            "reason too long",
            |f| f.refund_reason = "x".repeat(2001),
            vec![invalid(Field::SupportRefundReason, Problem::TooLong { max: 2000 })],
        ),
        (
            "negative amount",
            |f| f.amount_requested = "-5".into(),
            vec![invalid(Field::SupportAmount, Problem::NotPositive)],
        ),
        (
            "zero amount",
            |f| f.amount_requested = "0.00".into(),
            vec![invalid(Field::SupportAmount, Problem::NotPositive)],
        ),
        (
            "three decimals",
            |f| f.amount_requested = "1.005".into(),
            vec![invalid(Field::SupportAmount, Problem::TooManyDecimals { max: 2 })],
        ),
        ("letters", |f| f.amount_requested = "12a".into(), vec![invalid(Field::SupportAmount, Problem::InvalidAmount)]),
        (
            "trailing dot",
            |f| f.amount_requested = "12.".into(),
            vec![invalid(Field::SupportAmount, Problem::InvalidAmount)],
        ),
        (
            "overflow",
            |f| f.amount_requested = "99999999999999999999".into(),
            vec![invalid(Field::SupportAmount, Problem::InvalidAmount)],
        ),
        ("bad e-mail", |f| f.email = "alex@".into(), vec![invalid(Field::ContactEmail, Problem::InvalidEmail)]),
        ("short phone", |f| f.phone = "555-01".into(), vec![invalid(Field::ContactPhone, Problem::InvalidPhone)]),
        (
            "phone letters",
            |f| f.phone = "+1 425 CALL NOW".into(),
            vec![invalid(Field::ContactPhone, Problem::InvalidPhone)],
        ),
        (
            "plus inside phone",
            |f| f.phone = "1+4255550100".into(),
            vec![invalid(Field::ContactPhone, Problem::InvalidPhone)],
        ),
        (
            "path in attachment",
            |f| f.attachment = Some("../etc/passwd".into()),
            vec![invalid(Field::SupportAttachment, Problem::InvalidFileName)],
        ),
        (
            "everything empty",
            |f| {
                *f = SupportRequestForm {
                    customer: f.customer.clone(),
                    tenant_or_domain: " ".into(),
                    order_or_subscription: String::new(),
                    refund_reason: String::new(),
                    amount_requested: String::new(),
                    contact_name: String::new(),
                    email: String::new(),
                    phone: String::new(),
                    attachment: None,
                }
            },
            vec![
                invalid(Field::SupportTenantOrDomain, Problem::Required),
                invalid(Field::SupportOrderOrSubscription, Problem::Required),
                invalid(Field::SupportRefundReason, Problem::Required),
                invalid(Field::SupportAmount, Problem::Required),
                invalid(Field::ContactName, Problem::Required),
                invalid(Field::ContactEmail, Problem::Required),
                invalid(Field::ContactPhone, Problem::Required),
            ],
        ),
    ];
    for (case, edit, want) in cases {
        let mut state = base.clone();
        let agent = admin_agent(&state);
        let mut form = valid_form(&state);
        edit(&mut form);
        let cmd = Command::FileSupportRequest(form);
        if want.is_empty() {
            execute(&mut state, &agent, cmd, t0()).unwrap_or_else(|e| panic!("{case}: {e:?}"));
        } else {
            assert_eq!(&refused(&mut state, &agent, cmd, t0()), want, "{case}");
        }
    }
}

#[test]
fn filing_a_support_request_records_it_and_changes_no_money() {
    let mut state = state();
    let agent = admin_agent(&state);
    let before = state.clone();
    let form = valid_form(&state);
    let now = t0() + Duration::days(70);
    let events = execute(&mut state, &agent, Command::FileSupportRequest(form.clone()), now).unwrap();
    assert_eq!(events.len(), 2, "the request and its log entry, nothing financial");
    execute(&mut state, &agent, Command::FileSupportRequest(form.clone()), now + Duration::hours(1)).unwrap();
    let requests = support_requests_of(&state, &customer());
    let got: Vec<(&str, DateTime<Utc>)> = requests.iter().map(|r| (r.id.as_str(), r.filed_at)).collect();
    assert_eq!(
        got,
        vec![("SR-0002", now + Duration::hours(1)), ("SR-0001", now)],
        "newest first, IDs from the counter"
    );
    let r = requests[1];
    assert_eq!(r.status, support::SupportRequestStatus::Submitted);
    let details = r.csp_purchase_refund().expect("a CSP Purchase/Refund request");
    assert_eq!(
        (details.order_or_subscription.as_str(), details.attachment.as_deref()),
        (form.order_or_subscription.as_str(), Some("invoice.pdf"))
    );
    assert_eq!((r.contact.phone.as_str(), r.contact.preferred), ("+1 (425) 555-0100", None));
    assert_eq!(r.amount, Money::new(100_000, Currency::USD), "in the partner's currency");
    assert_eq!(state.counters.support_request, 2);
    assert_eq!(state.software, before.software, "no purchase changed");
    assert!(support_requests_of(&state, &crate::ids::CustomerId("C-0002".into())).is_empty());
}

#[test]
fn amounts_parse_in_the_partner_currency() {
    let cases: &[(&str, Currency, Result<i64, Problem>)] = &[
        ("1000", Currency::USD, Ok(100_000)),
        (" 12.5 ", Currency::EUR, Ok(1_250)),
        ("0.01", Currency::USD, Ok(1)),
        ("1500", Currency::JPY, Ok(1_500)),
        ("1500.5", Currency::JPY, Err(Problem::TooManyDecimals { max: 0 })),
        ("", Currency::USD, Err(Problem::Required)),
        ("1.2.3", Currency::USD, Err(Problem::InvalidAmount)),
        (".5", Currency::USD, Err(Problem::InvalidAmount)),
        ("1 000", Currency::USD, Err(Problem::InvalidAmount)),
        ("+5", Currency::USD, Err(Problem::InvalidAmount)),
    ];
    for (raw, currency, want) in cases {
        let got = support::parse_amount(raw, *currency).map(|m| m.minor);
        assert_eq!(&got, want, "{raw:?} {currency}");
    }
}

#[test]
fn software_state_round_trips_through_json() {
    let mut state = state();
    let agent = admin_agent(&state);
    let link = issue(&mut state, &agent, &ws_sub(), t0());
    execute(&mut state, &agent, Command::Download { link }, t0()).unwrap();
    let form = valid_form(&state);
    execute(&mut state, &agent, Command::FileSupportRequest(form.clone()), t0()).unwrap();
    let json = serde_json::to_string(&state).unwrap();
    let back: State = serde_json::from_str(&json).unwrap();
    assert_eq!(back, state);
    // A state saved before this area existed still loads.
    let mut value: serde_json::Value = serde_json::to_value(demo_state_without_software()).unwrap();
    let fields = value.as_object_mut().expect("a state is an object");
    for key in ["download_links", "software_access", "support_requests"] {
        assert!(fields.remove(key).is_some(), "{key} was saved");
    }
    assert!(serde_json::from_value::<State>(value).is_ok());
}

fn demo_state_without_software() -> State {
    crate::demo::demo_state(t0())
}

#[test]
fn unknown_purchases_and_links_are_named() {
    let ghost_purchase = SoftwarePurchaseId("SW-0099".into());
    let ghost_link = DownloadLinkId("DL-0099".into());
    let cases: Vec<(&str, Command, Violation)> = vec![
        (
            "get key",
            Command::GetKey { purchase: ghost_purchase.clone(), selection: ws2022_en() },
            Violation::NoSuchSoftwarePurchase { purchase: ghost_purchase.clone() },
        ),
        (
            "issue link",
            Command::IssueDownloadLink { purchase: ghost_purchase.clone(), selection: ws2022_en() },
            Violation::NoSuchSoftwarePurchase { purchase: ghost_purchase.clone() },
        ),
        (
            "download",
            Command::Download { link: ghost_link.clone() },
            Violation::NoSuchDownloadLink { link: ghost_link.clone() },
        ),
        (
            "copy",
            Command::CopyLink { link: ghost_link.clone() },
            Violation::NoSuchDownloadLink { link: ghost_link.clone() },
        ),
    ];
    for (case, cmd, want) in cases {
        let mut state = state();
        let agent = admin_agent(&state);
        assert_eq!(refused(&mut state, &agent, cmd, t0()), vec![want], "{case}");
    }
    assert!(cancellation_quote(&state(), &ghost_purchase, &OrderId("O-0001".into()), t0()).is_err());
}

mod properties {
    use super::super::cancel::credit;
    use super::super::test_support::purchase;
    use crate::money::{Currency, Money};
    use crate::policy::Policy;
    use crate::records::SoftwareKind;
    use chrono::Duration;
    use proptest::prelude::*;

    proptest! {
        /// A credit is never negative, never above what was paid, and never grows as days pass.
        #[test]
        fn credit_is_bounded_and_shrinks_with_time(
            paid in 0i64..1_000_000_000,
            years in prop::sample::select(vec![1u32, 3]),
            day in 0i64..1200,
        ) {
            let policy = Policy::default();
            let mut p = purchase("SW-0001", "Windows Server 2022 Standard", SoftwareKind::Subscription { years });
            p.paid = Money::new(paid, Currency::USD);
            let today = credit(&policy, &p, p.purchased_at + Duration::days(day));
            let tomorrow = credit(&policy, &p, p.purchased_at + Duration::days(day + 1));
            prop_assert!(today.minor >= 0 && today.minor <= paid);
            prop_assert!(tomorrow.minor <= today.minor);
            p.kind = SoftwareKind::Perpetual;
            prop_assert_eq!(credit(&policy, &p, p.purchased_at + Duration::days(day)).minor, paid);
        }
    }
}

#[test]
fn cancelling_posts_one_credit_entry_on_that_months_invoice() {
    use crate::billing::Period;
    use crate::ledger::{invoice, ChargeType, LedgerRef};
    let usd = |m| Money::new(m, Currency::USD);
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // (case, purchase, days after t0 (2026-03-10 09:30), credit, days of service the credit covers)
    let cases: &[(&str, SoftwarePurchaseId, i64, Money, Option<Period>)] = &[
        ("perpetual day 30: 100 %", sql_perpetual(), 30, usd(100_000), None),
        // 335 / 365 × 1000.00 = 917.81 for the unused days 2026-04-09 ..= 2027-03-09.
        (
            "1-year subscription day 30: prorated",
            ws_sub(),
            30,
            usd(91_781),
            Some(Period { start: day(2026, 4, 9), end: day(2027, 3, 9) }),
        ),
        (
            "3-year subscription day 0: the whole term unused",
            SoftwarePurchaseId("SW-0005".into()),
            0,
            usd(100_000),
            Some(Period { start: day(2026, 3, 10), end: day(2029, 3, 9) }),
        ),
    ];
    for (case, id, days, credit, service) in cases {
        let mut state = state();
        let agent = admin_agent(&state);
        let now = t0() + Duration::days(*days);
        let order = order_of(&state, id);
        let cmd = Command::CancelSoftwarePurchase { purchase: id.clone(), order: order.clone(), acknowledged: true };
        let events = execute(&mut state, &agent, cmd, now).unwrap();
        let posted = events.iter().filter(|e| matches!(e, Event::LedgerPosted(_))).count();
        assert_eq!(posted, 1, "{case}: one entry per financial effect");
        assert_eq!(state.ledger.len(), 1, "{case}");
        let e = &state.ledger[0];
        assert_eq!(
            (e.id.as_str(), e.charge_type, e.amount, &e.reference, e.order.as_ref(), &e.customer),
            (
                "L-0001",
                ChargeType::Credit,
                credit.negate(),
                &LedgerRef::Software(id.clone()),
                Some(&order),
                &customer()
            ),
            "{case}"
        );
        assert_eq!(e.service, *service, "{case}: service period");
        assert_eq!(e.posted_at, now, "{case}");
        let inv = invoice(&state, now.year(), now.month());
        assert_eq!(inv.totals, vec![credit.negate()], "{case}: the invoice of the month carries the credit");
        assert_eq!(inv.entries.iter().map(|e| e.amount.minor).sum::<i64>(), inv.totals[0].minor, "{case}");
    }
    // Two cancellations in one month: two entries, numbered in turn, one invoice total.
    let mut state = state();
    let agent = admin_agent(&state);
    for (p, day) in [(sql_perpetual(), 5), (ws_sub(), 6)] {
        let order = order_of(&state, &p);
        let cmd = Command::CancelSoftwarePurchase { purchase: p, order, acknowledged: true };
        execute(&mut state, &agent, cmd, t0() + Duration::days(day)).unwrap();
    }
    let ids: Vec<&str> = state.ledger.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, vec!["L-0001", "L-0002"]);
    // 1-year subscription day 6: 359 / 365 × 1000.00 = 983.56.
    assert_eq!(invoice(&state, 2026, 3).totals, vec![usd(-100_000 - 98_356)]);
}

#[test]
fn the_posted_credit_of_a_cancellation_is_found_per_purchase() {
    let usd = |m| Money::new(m, Currency::USD);
    let mut state = state();
    let agent = admin_agent(&state);
    let order = order_of(&state, &sql_perpetual());
    let cmd = Command::CancelSoftwarePurchase { purchase: sql_perpetual(), order, acknowledged: true };
    execute(&mut state, &agent, cmd, t0() + Duration::days(3)).unwrap();
    // (case, purchase, credit amount found)
    let cases: &[(&str, SoftwarePurchaseId, Option<Money>)] = &[
        ("cancelled perpetual: its credit", sql_perpetual(), Some(usd(-100_000))),
        ("active purchase: none", ws_sub(), None),
        ("unknown purchase: none", SoftwarePurchaseId("SW-9999".into()), None),
    ];
    for (case, id, want) in cases {
        assert_eq!(credit_posted(&state, id).map(|e| e.amount), *want, "{case}");
    }
}

#[test]
fn cancel_quote_days_run_past_the_window_by_a_tenth_of_it() {
    let state = state();
    let p = &state.software[&ws_sub()];
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    // (case, window in days, last day offered): a tenth of the window past its close, at least 3 days.
    let cases = [("60 days: 6 more", 60, d(5, 15)), ("14 days: at least 3 more", 14, d(3, 27))];
    for (case, days, last) in cases {
        let policy = crate::policy::Policy { software_cancel_days: days, ..state.policy.clone() };
        assert_eq!(cancel::quote_days(&policy, p), (t0().date_naive(), last), "{case}");
    }
}
