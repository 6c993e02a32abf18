use super::*;
use crate::roles::{Permission, Role};
use crate::testkit::{date, empty_state, now, user_with};
use crate::{demo, execute, Command};

fn good_form() -> CustomerForm {
    CustomerForm {
        company_name: "Adventure Works".into(),
        domain: "AdventureWorks".into(),
        country: "fr".into(),
        segment: Some(Segment::Commercial),
        account_opened: "2026-01-10".into(),
        first_billing: "2026-02-01".into(),
    }
}

fn invalid(field: Field, problem: Problem) -> Violation {
    Violation::Invalid { field, problem }
}

#[test]
fn domain_normalisation() {
    let long = "a".repeat(63);
    let too_long = "a".repeat(64);
    let cases: &[(&str, Result<String, Problem>)] = &[
        ("contoso", Ok("contoso.onmicrosoft.com".into())),
        (" Contoso.OnMicrosoft.com ", Ok("contoso.onmicrosoft.com".into())),
        ("con-toso9", Ok("con-toso9.onmicrosoft.com".into())),
        ("a", Ok("a.onmicrosoft.com".into())),
        (&long, Ok(format!("{long}.onmicrosoft.com"))),
        (&too_long, Err(Problem::TooLong { max: 63 })),
        ("", Err(Problem::Required)),
        ("   ", Err(Problem::Required)),
        ("-contoso", Err(Problem::InvalidDomain)),
        ("contoso-", Err(Problem::InvalidDomain)),
        ("con toso", Err(Problem::InvalidDomain)),
        ("contoso.com", Err(Problem::InvalidDomain)),
        ("contoso_ltd", Err(Problem::InvalidDomain)),
        (".onmicrosoft.com", Err(Problem::InvalidDomain)),
        ("café", Err(Problem::InvalidDomain)),
    ];
    for (input, want) in cases {
        assert_eq!(&normalise_domain(input), want, "{input:?}");
    }
}

#[test]
fn tenant_ids_are_deterministic_guids() {
    let a = tenant_id(&CustomerId("C-0001".into()));
    assert_eq!(a, tenant_id(&CustomerId("C-0001".into())), "same ID, same tenant");
    assert_ne!(a, tenant_id(&CustomerId("C-0002".into())));
    let groups: Vec<usize> = a.split('-').map(str::len).collect();
    assert_eq!(groups, vec![8, 4, 4, 4, 12], "{a}");
    assert!(a.chars().all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()), "{a}");
}

/// Every field of the form, each invalid way, one row per case (today is 2026-11-21).
#[test]
fn customer_form_validation() {
    type Edit = fn(&mut CustomerForm);
    let cases: &[(&str, Edit, Vec<Violation>)] = &[
        ("valid", |_| {}, vec![]),
        ("name missing", |f| f.company_name = "  ".into(), vec![invalid(Field::CustomerName, Problem::Required)]),
        (
            "name too long",
            |f| f.company_name = "x".repeat(101),
            vec![invalid(Field::CustomerName, Problem::TooLong { max: 100 })],
        ),
        ("domain missing", |f| f.domain = String::new(), vec![invalid(Field::CustomerDomain, Problem::Required)]),
        (
            "domain invalid",
            |f| f.domain = "bad domain".into(),
            vec![invalid(Field::CustomerDomain, Problem::InvalidDomain)],
        ),
        (
            "domain taken (other case, with suffix)",
            |f| f.domain = "FABRIKAM.onmicrosoft.com".into(),
            vec![invalid(Field::CustomerDomain, Problem::Taken)],
        ),
        (
            "country unknown",
            |f| f.country = "Atlantis".into(),
            vec![invalid(Field::CustomerCountry, Problem::UnknownCountry)],
        ),
        (
            "country empty",
            |f| f.country = String::new(),
            vec![invalid(Field::CustomerCountry, Problem::UnknownCountry)],
        ),
        ("segment missing", |f| f.segment = None, vec![invalid(Field::CustomerSegment, Problem::Required)]),
        (
            "opened missing",
            |f| f.account_opened = String::new(),
            vec![invalid(Field::CustomerAccountOpened, Problem::Required)],
        ),
        (
            "opened not a date",
            |f| f.account_opened = "2026-02-30".into(),
            vec![invalid(Field::CustomerAccountOpened, Problem::InvalidDate)],
        ),
        ("opened today", |f| (f.account_opened, f.first_billing) = ("2026-11-21".into(), "2026-12-01".into()), vec![]),
        (
            "opened tomorrow",
            |f| (f.account_opened, f.first_billing) = ("2026-11-22".into(), "2026-12-01".into()),
            vec![invalid(Field::CustomerAccountOpened, Problem::DateAfter { max: date(2026, 11, 21) })],
        ),
        (
            "first billing missing",
            |f| f.first_billing = " ".into(),
            vec![invalid(Field::CustomerFirstBilling, Problem::Required)],
        ),
        (
            "first billing garbage",
            |f| f.first_billing = "01/02/2026".into(),
            vec![invalid(Field::CustomerFirstBilling, Problem::InvalidDate)],
        ),
        ("first billing same day as opened", |f| f.first_billing = "2026-01-10".into(), vec![]),
        (
            "first billing the day before opened",
            |f| f.first_billing = "2026-01-09".into(),
            vec![invalid(Field::CustomerFirstBilling, Problem::DateBefore { min: date(2026, 1, 10) })],
        ),
        (
            "everything wrong at once",
            |f| *f = CustomerForm::default(),
            vec![
                invalid(Field::CustomerName, Problem::Required),
                invalid(Field::CustomerDomain, Problem::Required),
                invalid(Field::CustomerCountry, Problem::UnknownCountry),
                invalid(Field::CustomerSegment, Problem::Required),
                invalid(Field::CustomerAccountOpened, Problem::Required),
                invalid(Field::CustomerFirstBilling, Problem::Required),
            ],
        ),
    ];
    let admin = demo::global_admin();
    for (name, edit, want) in cases {
        let mut state = empty_state();
        let mut taken = good_form();
        taken.domain = "fabrikam".into();
        execute(&mut state, &admin, Command::AddCustomer(taken), now()).unwrap();
        let before = state.clone();
        let mut form = good_form();
        edit(&mut form);
        let result = execute(&mut state, &admin, Command::AddCustomer(form), now());
        if want.is_empty() {
            assert!(result.is_ok(), "{name}: {result:?}");
            assert_eq!(state.customers.len(), 2, "{name}");
        } else {
            assert_eq!(&result.unwrap_err().violations, want, "{name}");
            assert_eq!(state, before, "{name}: a refusal leaves the state untouched");
        }
    }
}

#[test]
fn add_then_edit_keeps_identity_and_is_audited() {
    let mut state = empty_state();
    let admin = demo::global_admin();
    execute(&mut state, &admin, Command::AddCustomer(good_form()), now()).unwrap();
    let (id, added) = state.customers.iter().next().map(|(k, v)| (k.clone(), v.clone())).unwrap();
    assert_eq!(id.as_str(), "C-0001");
    assert_eq!(added.domain, "adventureworks.onmicrosoft.com");
    assert_eq!(added.country, "FR");
    assert_eq!(added.days_opened_to_first_billing(), 22);
    let last = state.audit.last().unwrap();
    assert_eq!((last.action, last.customer.as_ref()), (AuditAction::CustomerAdded, Some(&id)));

    // Editing keeps its own domain (not "taken"), its tenant and creation time.
    let mut form = good_form();
    form.company_name = "Adventure Works Cycles".into();
    form.domain = "adventureworks.onmicrosoft.com".into();
    let later = now() + chrono::Duration::days(1);
    execute(&mut state, &admin, Command::EditCustomer { customer: id.clone(), form }, later).unwrap();
    let edited = &state.customers[&id];
    assert_eq!(edited.company_name, "Adventure Works Cycles");
    assert_eq!((edited.tenant_id.as_str(), edited.created_at), (added.tenant_id.as_str(), added.created_at));
    assert_eq!(state.audit.last().unwrap().action, AuditAction::CustomerUpdated);

    let unknown = CustomerId("C-9999".into());
    let err =
        execute(&mut state, &admin, Command::EditCustomer { customer: unknown.clone(), form: good_form() }, now());
    assert_eq!(err.unwrap_err().violations, vec![Violation::NoSuchCustomer { customer: unknown }]);
}

#[test]
fn adding_and_editing_customers_is_gated_by_role() {
    let base = demo::demo_state(now());
    let existing = base.customers.keys().next().unwrap().clone();
    for role in Role::ALL {
        let allowed = Permission::EditCustomers.granted_to(&[role]);
        let cmds = [
            Command::AddCustomer(good_form()),
            Command::EditCustomer { customer: existing.clone(), form: good_form() },
        ];
        for cmd in cmds {
            let mut state = base.clone();
            let actor = user_with(&state, role);
            let result = execute(&mut state, &actor, cmd.clone(), now());
            assert_eq!(result.is_ok(), allowed, "{role:?} {cmd:?}");
            if !allowed {
                assert_eq!(state, base, "{role:?}: refusal changes nothing");
                assert!(result.unwrap_err().has(|v| matches!(v, Violation::NotPermitted { .. })));
            }
        }
    }
}

#[test]
fn search_by_name_or_domain() {
    let state = demo::demo_state(now());
    let cases: &[(&str, &[&str])] = &[
        ("contoso", &["Contoso Ltd"]),
        ("LITWAREJP", &["Litware Japan KK"]),
        ("trust", &["Tailspin Trust UK"]),
        ("zzz", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<&str> = search(&state, text).iter().map(|c| c.company_name.as_str()).collect();
        assert_eq!(&got, want, "{text}");
    }
    assert_eq!(search(&state, "").len(), state.customers.len());
}

#[test]
fn search_with_the_callers_fold() {
    let mut state = demo::demo_state(now());
    let ids: Vec<CustomerId> = state.customers.keys().take(2).cloned().collect();
    state.customers.get_mut(&ids[0]).unwrap().company_name = "Zeta Études".into();
    state.customers.get_mut(&ids[1]).unwrap().company_name = "École Nord".into();
    // What the app's browser fold does to these names: lower case, accents removed.
    let fold = |t: &str| t.to_lowercase().replace(['é', 'è'], "e");
    let cases: &[(&str, &[&str])] = &[
        ("ecole", &["École Nord"]),
        ("ÉTUDES", &["Zeta Études"]),
        ("  nord ", &["École Nord"]),
        ("litwarejp", &["Litware Japan KK"]),
    ];
    for (text, want) in cases {
        let got: Vec<&str> = search_with(&state, text, fold).iter().map(|c| c.company_name.as_str()).collect();
        assert_eq!(&got, want, "{text}");
    }
    // Ordered by the folded name: "École" among the E's, not after "Zeta" as by code point.
    let all: Vec<&str> = search_with(&state, "", fold).iter().map(|c| c.company_name.as_str()).collect();
    let at = |name: &str| all.iter().position(|n| *n == name).unwrap();
    assert!(at("École Nord") < at("Zeta Études"), "{all:?}");
    assert!(all.windows(2).all(|w| fold(w[0]) <= fold(w[1])), "{all:?}");
    // `search` folds case only.
    assert!(search(&state, "ecole").is_empty());
    assert_eq!(search(&state, "école").len(), 1);
}

#[test]
fn segment_matrix_of_rules_1_3() {
    use Segment::*;
    // Rows: customer; columns: offer segment Commercial, Education, Government, NonProfit.
    let table: &[(Segment, [bool; 4])] = &[
        (Commercial, [true, false, false, false]),
        (Education, [true, true, false, false]),
        (Government, [false, false, true, false]),
        (NonProfit, [true, false, false, true]),
    ];
    for (customer, row) in table {
        for (offer, want) in Segment::ALL.iter().zip(row) {
            assert_eq!(customer.may_buy(*offer), *want, "{customer:?} buying {offer:?}");
        }
    }
}

proptest::proptest! {
    /// Whatever is typed, normalisation never panics; what it accepts is canonical and stable.
    #[test]
    fn domain_normalisation_is_idempotent(input in "\\PC{0,80}") {
        if let Ok(d) = normalise_domain(&input) {
            proptest::prop_assert!(d.ends_with(DOMAIN_SUFFIX));
            proptest::prop_assert_eq!(normalise_domain(&d), Ok(d.clone()));
            proptest::prop_assert_eq!(d.to_ascii_lowercase(), d);
        }
    }
}
