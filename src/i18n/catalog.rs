//! Every user-visible string, English then French. Vocabulary follows the Partner Center pages
//! (`shared/seeds/`): English from `english/`, French from `original/`.

use super::countries::{ENGLISH_COUNTRIES, ENGLISH_COUNTRIES_ORDER, FRENCH_COUNTRIES, FRENCH_COUNTRIES_ORDER};
use super::first_page::FIRST_PAGE;
use super::Locale;
use csp_engine::country::COUNTRY_CODES;

macro_rules! catalog {
    ($($key:ident => $en:literal $(| $en_other:literal)?, $fr:literal $(| $fr_other:literal)?;)*) => {
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }

        /// Every English text, as a constant: only the entries code refers to are in the build, so the
        /// first-load module holds only [`FIRST_PAGE`]'s (through `FIRST_PAGE_ENGLISH`); [`ENGLISH`] (all of them)
        /// is referred to only by [`english_texts`], loaded on demand in the split build.
        const ENGLISH_TEXTS: &[&str] = &[$(last!($en $(, $en_other)?)),*];

        /// The English "one" forms (few, and the first page counts its customers): always here.
        static ENGLISH_ONES: &[(Key, &str)] = &[$($(one_row(Key::$key, $en, $en_other),)?)*];

        static ENGLISH: Texts = Texts {
            texts: ENGLISH_TEXTS,
            ones: ENGLISH_ONES,
            countries: &ENGLISH_COUNTRIES,
            country_order: &ENGLISH_COUNTRIES_ORDER,
        };

        /// French: referred to only by [`french_texts`], so the split build loads it when French is shown.
        static FRENCH: Texts = Texts {
            texts: &[$(last!($fr $(, $fr_other)?)),*],
            ones: &[$($(one_row(Key::$key, $fr, $fr_other),)?)*],
            countries: &FRENCH_COUNTRIES,
            country_order: &FRENCH_COUNTRIES_ORDER,
        };
    };
}

/// One language's texts: a table indexed by the key, not a `match` (a match compiles to code for every arm,
/// ≈ 20 KB of wasm; the table is data the size of its pointers). A counted entry's text is its "other" form;
/// its "one" form is in `ones`. `countries` names each of `COUNTRY_CODES`, in its order; `country_order` lists
/// their indexes alphabetically by name.
pub struct Texts {
    texts: &'static [&'static str],
    ones: &'static [(Key, &'static str)],
    countries: &'static [&'static str],
    country_order: &'static [u8],
}

on_demand! { english;
    /// Every English text (its own chunk in the split build, fetched once the first page shows).
    fn english_texts() -> &'static Texts {
        &ENGLISH
    }
}

on_demand! { french;
    /// The French texts (their own chunk in the split build: an English session never downloads them).
    fn french_texts() -> &'static Texts {
        &FRENCH
    }
}

/// The English texts of the first page (the shell, the Customers list, the not-found page, the refusals and
/// load failures they may show), in the first-load module. Built at compile time from [`FIRST_PAGE`].
static FIRST_PAGE_ENGLISH: [(Key, &str); FIRST_PAGE.len()] = {
    let mut out = [(Key::AppName, ""); FIRST_PAGE.len()];
    let mut i = 0;
    while i < FIRST_PAGE.len() {
        out[i] = (FIRST_PAGE[i], ENGLISH_TEXTS[FIRST_PAGE[i] as usize]);
        i += 1;
    }
    out
};

/// Each language's texts once loaded (the split build), set by [`load`].
static ENGLISH_LOADED: std::sync::OnceLock<&'static Texts> = std::sync::OnceLock::new();
static FRENCH_LOADED: std::sync::OnceLock<&'static Texts> = std::sync::OnceLock::new();

thread_local! {
    /// Bumped when a language's texts arrive, for what had to be shown before them (reactive).
    static ARRIVED: leptos::prelude::RwSignal<u32> = leptos::prelude::RwSignal::new(0);
}

/// Make every text of `locale` available (the split build fetches it once). The first page needs only English's
/// [`FIRST_PAGE`] entries, which are always here; every other page waits for this.
pub async fn load(locale: Locale) -> Result<(), crate::LoadError> {
    use leptos::prelude::Update;
    if texts(locale).is_some() {
        return Ok(());
    }
    let (cell, loaded) = match locale {
        Locale::En => (&ENGLISH_LOADED, english_texts().await?),
        Locale::Fr => (&FRENCH_LOADED, french_texts().await?),
    };
    let _ = cell.set(loaded);
    ARRIVED.with(|a| a.update(|n| *n += 1));
    Ok(())
}

/// Whether the first page can be shown in `locale` without waiting: English always; French once loaded.
pub fn first_page_ready(locale: Locale) -> bool {
    locale == Locale::En || texts(locale).is_some()
}

/// The texts of `locale` if they are all here (always, without the split build).
fn texts(locale: Locale) -> Option<&'static Texts> {
    #[cfg(feature = "split")]
    return match locale {
        Locale::En => ENGLISH_LOADED.get().copied(),
        Locale::Fr => FRENCH_LOADED.get().copied(),
    };
    #[cfg(not(feature = "split"))]
    Some(match locale {
        Locale::En => &ENGLISH,
        Locale::Fr => &FRENCH,
    })
}

/// A text asked for before its language arrived (split build): the first page's English, else nothing for now.
/// The caller re-renders when a language arrives; [`load`] is under way by then (after the first page, or
/// before any other), so this is a moment's blank at worst, never a wrong word.
fn before_arrival(key: Key) -> &'static str {
    use leptos::prelude::Track;
    ARRIVED.with(|a| a.track());
    FIRST_PAGE_ENGLISH.iter().find(|(k, _)| *k == key).map_or("", |(_, text)| *text)
}

/// The name of the country `code` in `locale` (our CLDR table, `countries.rs`); an unknown code, or French
/// names asked for before the French texts arrived (the app waits for them first), show the code itself.
pub fn country_name(code: &str, locale: Locale) -> String {
    let Ok(i) = COUNTRY_CODES.binary_search(&code) else { return code.to_string() };
    let name = match locale {
        // English names are always here: the first page shows them.
        Locale::En => Some(ENGLISH_COUNTRIES[i]),
        Locale::Fr => texts(locale).and_then(|t| t.countries.get(i).copied()),
    };
    name.unwrap_or(code).to_string()
}

/// Every country as (code, name), alphabetically by its name in `locale` (the forms' country select). Pages
/// with a form wait for their language's texts; asked before, this is empty and re-runs when they arrive.
pub fn countries_by_name(locale: Locale) -> Vec<(&'static str, &'static str)> {
    let Some(texts) = texts(locale) else {
        use leptos::prelude::Track;
        ARRIVED.with(|a| a.track());
        return Vec::new();
    };
    texts
        .country_order
        .iter()
        .filter_map(|&i| Some((*COUNTRY_CODES.get(usize::from(i))?, *texts.countries.get(usize::from(i))?)))
        .collect()
}

/// The last of one or two literals: a counted entry's "other" form, or a plain entry's only text.
macro_rules! last {
    ($a:literal) => {
        $a
    };
    ($a:literal, $b:literal) => {
        $b
    };
}

/// A `ones` row: the "other" form is dropped (the matcher takes it to pair the forms).
const fn one_row(key: Key, one: &'static str, _other: &'static str) -> (Key, &'static str) {
    (key, one)
}

impl Key {
    /// The text in `locale` (a counted entry's "other" form).
    pub fn text(self, locale: Locale) -> &'static str {
        match texts(locale) {
            Some(texts) => texts.texts.get(self as usize).copied().unwrap_or(""),
            None => before_arrival(self),
        }
    }

    /// The text for `n` of something: the entry's "one" form when `n` is in the language's "one" plural
    /// category ([`super::plural`]), else its "other" form (an entry without forms has only one text).
    pub fn counted(self, locale: Locale, n: i64) -> &'static str {
        match super::plural(locale, n) {
            super::Plural::One => self.one(locale).unwrap_or_else(|| self.text(locale)),
            super::Plural::Other => self.text(locale),
        }
    }

    /// The "one" form of a counted entry, `None` for an entry that is not counted.
    pub fn one(self, locale: Locale) -> Option<&'static str> {
        let ones = match locale {
            Locale::En => ENGLISH_ONES,
            Locale::Fr => texts(locale).map_or(ENGLISH_ONES, |t| t.ones),
        };
        ones.iter().find(|(k, _)| *k == self).map(|(_, text)| *text)
    }
}

catalog! {
    AppName => "CSP Marketplace", "CSP Marketplace";
    MainNavigation => "Main navigation", "Navigation principale";
    NavCustomers => "Customers", "Clients";
    NavBilling => "Billing", "Facturation";
    NavActivityLog => "Activity log", "Journal d’activité";
    NavSettings => "Settings", "Paramètres";
    SignedInAs => "Signed in as", "Connecté en tant que";
    Language => "Language", "Langue";
    SimulatedDate => "Simulated date", "Date simulée";
    PlusDay => "+1 day", "+1 jour";
    PlusWeek => "+1 week", "+1 semaine";
    PlusMonth => "+1 month", "+1 mois";
    MoveDateTo => "Move to", "Avancer au";
    MoveDate => "Move", "Avancer";
    DateMoved => "Simulated date moved to {date}.", "Date simulée avancée au {date}.";
    InvalidDateInput => "Enter a date as YYYY-MM-DD.", "Saisissez une date au format jj/mm/aaaa.";
    Dismiss => "Dismiss", "Fermer";
    Loading => "Loading…", "Chargement…";
    // A page's code that could not be downloaded (split build).
    UiChunkFailedTitle => "This page could not be loaded", "Cette page n’a pas pu être chargée";
    UiChunkFailedText => "Its code did not download. Check the connection, then try again: nothing you entered is lost.",
        "Son code ne s’est pas téléchargé. Vérifiez la connexion, puis réessayez : rien de ce que vous avez saisi n’est perdu.";
    UiBootFailedTitle => "The app could not start", "L’application n’a pas pu démarrer";
    UiBootFailedText => "Part of it did not download. Check the connection, then try again.",
        "Une partie ne s’est pas téléchargée. Vérifiez la connexion, puis réessayez.";
    UiRetry => "Retry", "Réessayer";
    UiExportNotLoaded => "The file was not made: part of the app did not download. Check the connection, then try again.",
        "Le fichier n’a pas été créé\u{a0}: une partie de l’application ne s’est pas téléchargée. Vérifiez la connexion, puis réessayez.";
    UiLanguageNotLoaded => "{language} could not be loaded: part of the app did not download. Check the connection, then choose it again.",
        "La langue «\u{a0}{language}\u{a0}» n’a pas pu être chargée\u{a0}: une partie de l’application ne s’est pas téléchargée. Vérifiez la connexion, puis choisissez-la de nouveau.";
    UiClockNotLoaded => "The date did not move: part of the app could not be downloaded. Check the connection, then try again.",
        "La date n’a pas changé : une partie de l’application n’a pas pu être téléchargée. Vérifiez la connexion, puis réessayez.";
    // ── export: CSV exports, the partner-wide Subscriptions list, charts (issue 15 §1 §5) ──
    ExportNavSubscriptions => "Subscriptions", "Abonnements";
    ExportSubsTitle => "Subscriptions", "Abonnements";
    ExportSubsFilters => "Filter subscriptions", "Filtrer les abonnements";
    ExportRenewsWithin => "Renews within (days)", "Renouvellement sous (jours)";
    ExportBadDays => "Enter a whole number of days from 0 to {max}.", "Saisissez un nombre entier de jours de 0 à {max}.";
    ExportSubsCountOne => "{count} subscription", "{count} abonnement";
    ExportSubsCountMany => "{count} subscriptions", "{count} abonnements";
    ExportSubsNone => "No subscription matches these filters.", "Aucun abonnement ne correspond à ces filtres.";
    ExportChartSpendTitle => "Monthly spend in {currency}, {from} to {to}", "Dépenses mensuelles en {currency}, de {from} à {to}";
    ExportChartSpendDesc => "One bar per month: what this customer was billed, net of credits, in {currency}.", "Une barre par mois\u{a0}: ce qui a été facturé à ce client, avoirs déduits, en {currency}.";
    ExportChartBillingTitle => "Monthly billing in {currency}, {from} to {to}", "Facturation mensuelle en {currency}, de {from} à {to}";
    ExportChartBillingDesc => "One bar per month: what the partner billed all customers, net of credits, in {currency}.", "Une barre par mois\u{a0}: ce que le partenaire a facturé à tous ses clients, avoirs déduits, en {currency}.";
    ExportChartUtilDesc => "One bar per day of the term: the utilization recorded that day; a grey stub where none was recorded.", "Une barre par jour du terme\u{a0}: l’utilisation enregistrée ce jour-là\u{a0}; un trait gris si rien n’a été enregistré.";
    ExportChartMonth => "Month", "Mois";
    ExportChartAmount => "Amount ({currency})", "Montant ({currency})";
    ExportChartNone => "Nothing billed in the last 12 months.", "Rien n’a été facturé ces 12 derniers mois.";
    ExportChartNoData => "not recorded", "non enregistrée";
    ExportPercent => "{value}%", "{value}\u{a0}%";
    ExportBillingChart => "Monthly billing", "Facturation mensuelle";
    ExportSpendChart => "Monthly spend", "Dépenses mensuelles";

    // ── Subscriptions, billing, invoices, clock summary, renewals (issue 4): add keys below ──
    CancelDetails => "Details (optional): why is the customer cancelling?", "Détails (facultatif)\u{a0}: pourquoi le client annule-t-il\u{a0}?";
    // Subscriptions tab and subscription page.
    BackToCustomer => "Back to {customer}", "Retour à {customer}";
    SubscriptionFacts => "Subscription details", "Détails de l’abonnement";
    FactSubscriptionId => "Subscription ID", "ID d’abonnement";
    FactOffer => "Offer", "Offre";
    FactPublisher => "Publisher", "Éditeur";
    FactLicenses => "Licenses", "Licences";
    FactBilling => "Billing frequency", "Fréquence de facturation";
    FactTermStart => "Term start", "Début du terme";
    FactTermEnd => "Term end", "Fin du terme";
    FactNextRenewal => "Next renewal", "Prochain renouvellement";
    FactStatus => "Status", "État";
    FactAutoRenew => "Auto-renew", "Renouvellement automatique";
    FactOrderNumber => "Order number", "Numéro de commande";
    FactPurchased => "Purchased", "Acheté le";
    FactTrialEnds => "Trial ends", "Fin de l’essai";
    FactBase => "Base subscription", "Abonnement de base";
    FactUnitPrice => "Price per license", "Prix par licence";
    AutoRenewOn => "On", "Activé";
    AutoRenewOff => "Off", "Désactivé";
    NoRenewal => "Not renewed: the term ends on {date}", "Pas de renouvellement\u{a0}: le terme prend fin le {date}";
    StatusSection => "Status", "État";
    SubSubmit => "Submit", "Envoyer";
    SuspendedUntil => "Data deleted on {date} unless reactivated ({count} day left)." | "Data deleted on {date} unless reactivated ({count} days left).", "Données supprimées le {date} sauf réactivation (encore {count} jour)." | "Données supprimées le {date} sauf réactivation (encore {count} jours).";
    SuspendDeadlinePreview => "If suspended today: data deleted on {date} unless reactivated, {count} day later." | "If suspended today: data deleted on {date} unless reactivated, {count} days later.", "S’il est suspendu aujourd’hui\u{a0}: données supprimées le {date} sauf réactivation, {count} jour plus tard." | "S’il est suspendu aujourd’hui\u{a0}: données supprimées le {date} sauf réactivation, {count} jours plus tard.";
    NothingToSubmit => "Nothing to submit: choose a different status first.", "Rien à envoyer\u{a0}: choisissez d’abord un autre état.";
    SubscriptionSuspendedOk => "The subscription is suspended.", "L’abonnement est suspendu.";
    SubscriptionReactivatedOk => "The subscription is active again.", "L’abonnement est de nouveau actif.";
    ReadOnlySubscription => "This subscription is read-only.", "Cet abonnement est en lecture seule.";
    QuoteFullCredit => "Cancelling now gives a full credit of {amount} on the next invoice. This holds until {until}.", "Annuler maintenant donne un crédit complet de {amount} sur la prochaine facture. Valable jusqu’au {until}.";
    QuoteScheduled => "Cancelling now schedules the cancellation for the renewal date, {date}: nothing is credited and the subscription stays active until then.", "Annuler maintenant planifie l’annulation à la date de renouvellement, le {date}\u{a0}: rien n’est crédité et l’abonnement reste actif jusque-là.";
    QuoteFree => "Cancelling during the free trial costs nothing.", "L’annulation pendant l’essai gratuit ne coûte rien.";
    QuoteDeprovision => "This metered service is de-provisioned now and is never refunded.", "Ce service facturé à l’utilisation est déprovisionné maintenant et n’est jamais remboursé.";
    CancelDialogTitle => "Cancel {name}?", "Annuler {name}\u{a0}?";
    YesCancel => "Yes, cancel", "Oui, annuler";
    KeepSubscription => "No, keep it", "Non, le conserver";
    CancelledOk => "The subscription is cancelled.", "L’abonnement est annulé.";
    CancellationScheduledNotice => "Cancellation is scheduled for {date}: the subscription stays active until then and can no longer be cancelled now.", "L’annulation est planifiée pour le {date}\u{a0}: l’abonnement reste actif jusque-là et ne peut plus être annulé maintenant.";
    SetupLinkHint => "Finish the set-up of this software as a service on the publisher’s site.", "Terminez la configuration de ce logiciel en tant que service sur le site de l’éditeur.";
    QuantitySection => "Change the number of licenses", "Modifier le nombre de licences";
    PreviewTitle => "Before you submit: what this change posts today", "Avant d’envoyer\u{a0}: ce que cette modification comptabilise aujourd’hui";
    PreviewNet => "Net: {amount}", "Net\u{a0}: {amount}";
    PreviewNothing => "Nothing is charged or credited.", "Rien n’est facturé ni crédité.";
    QuantityChangedOk => "Licenses changed to {quantity}.", "Nombre de licences modifié\u{a0}: {quantity}.";
    AutoRenewSubmitted => "Auto-renew is now {state}.", "Le renouvellement automatique est maintenant {state}.";
    AddOnsSection => "Add-ons", "Modules complémentaires";
    AddOnsOfThis => "Add-ons of this subscription", "Modules complémentaires de cet abonnement";
    AvailableAddOns => "Available add-ons", "Modules complémentaires disponibles";
    NoAddOnsAvailable => "No add-ons are available for this subscription now.", "Aucun module complémentaire n’est disponible pour cet abonnement pour l’instant.";
    AddOnFirstCharge => "First charge, prorated to the base’s period end: {amount}", "Premier prélèvement, au prorata jusqu’à la fin de la période de la base\u{a0}: {amount}";
    AddOnAddedOk => "{name} was added.", "{name} a été ajouté.";
    ConvertTrialTitle => "Convert trial to paid subscription", "Convertir l’essai en abonnement payant";
    ConvertTrialExplain => "Converts to {offer}: billing starts today, the subscription ID stays the same and a new 12-month term begins.", "Conversion vers {offer}\u{a0}: la facturation commence aujourd’hui, l’ID d’abonnement reste le même et un nouveau terme de 12 mois commence.";
    TrialConvertedOk => "The trial is now a paid subscription.", "L’essai est maintenant un abonnement payant.";
    IsvFreeTrial => "Free trial until {date} ({count} day left): it converts to paid by itself then, and cancelling before costs nothing." | "Free trial until {date} ({count} days left): it converts to paid by itself then, and cancelling before costs nothing.", "Essai gratuit jusqu’au {date} (encore {count} jour)\u{a0}: il devient payant de lui-même à cette date, et l’annuler avant ne coûte rien." | "Essai gratuit jusqu’au {date} (encore {count} jours)\u{a0}: il devient payant de lui-même à cette date, et l’annuler avant ne coûte rien.";
    HistorySection => "History", "Historique";
    ColHistoryEvent => "Event", "Événement";
    ColLedgerAmount => "Amount", "Montant";
    NoHistory => "Nothing has happened yet.", "Rien ne s’est encore produit.";
    ChgPurchased => "Purchased", "Acheté";
    ChgSuspended => "Suspended", "Suspendu";
    ChgSuspendedWithBase => "Suspended with its base subscription {base}", "Suspendu avec son abonnement de base {base}";
    ChgReactivated => "Reactivated", "Réactivé";
    ChgQuantity => "Licenses changed from {from} to {to}", "Licences modifiées de {from} à {to}";
    ChgAutoRenewOn => "Auto-renew turned on", "Renouvellement automatique activé";
    ChgAutoRenewOff => "Auto-renew turned off", "Renouvellement automatique désactivé";
    ChgCancelledCredited => "Cancelled with a full credit", "Annulé avec un crédit complet";
    ChgCancelled => "Cancelled", "Annulé";
    ChgCancellationScheduled => "Cancellation scheduled for {date}", "Annulation planifiée pour le {date}";
    ChgTrialConverted => "Trial converted to paid subscription", "Essai converti en abonnement payant";
    ChgAddOnAdded => "Added as an add-on of {base}", "Ajouté comme module complémentaire de {base}";
    ChgCycleBilled => "Billing period {from} – {to} charged", "Période de facturation du {from} au {to} facturée";
    ChgRenewed => "Renewed: new term {from} – {to}", "Renouvelé\u{a0}: nouveau terme du {from} au {to}";
    ChgTermEnded => "Term ended without renewal: expired", "Terme terminé sans renouvellement\u{a0}: expiré";
    ChgTrialExpired => "Trial ended without conversion: expired", "Essai terminé sans conversion\u{a0}: expiré";
    ChgTrialEndedPaid => "Free trial ended: now paid", "Essai gratuit terminé\u{a0}: désormais payant";
    ChgDeleted => "Retention period over: data deleted", "Période de conservation terminée\u{a0}: données supprimées";
    ChargePurchase => "Purchase", "Achat";
    ChargeCycle => "Billing cycle", "Cycle de facturation";
    ChargeProration => "Prorated charge", "Frais au prorata";
    ChargeRenewal => "Renewal", "Renouvellement";
    ChargeCredit => "Credit", "Crédit";
    ChargeRefund => "Refund", "Remboursement";
    ChargeFee => "Fee", "Frais";
    ServicePeriod => "{from} – {to}", "du {from} au {to}";
    ColServicePeriod => "Service period", "Période de service";

    // Billing, invoices, spend.
    BillingInvoices => "Invoices", "Factures";
    ColInvoiceMonth => "Month", "Mois";
    ColInvoiceCurrency => "Currency", "Devise";
    ColInvoiceEntries => "Entries", "Écritures";
    ColChargeType => "Charge type", "Type de frais";
    ColSubscriptionOrOrder => "Subscription or order", "Abonnement ou commande";
    ColLedgerDescription => "Description", "Description";
    InvoiceTitle => "Invoice for {month}", "Facture de {month}";
    InvoiceTotal => "Total ({currency})", "Total ({currency})";
    NoEntriesThisMonth => "Nothing was billed or credited in this month.", "Rien n’a été facturé ni crédité ce mois-ci.";
    BackToBilling => "Back to Billing", "Retour à la facturation";
    RenewalsLink => "Renewals, trials and suspensions ending soon", "Renouvellements, essais et suspensions arrivant à échéance";
    FactSpend => "Billed to date, net of credits", "Facturé à ce jour, crédits déduits";
    NoSpend => "Nothing billed yet", "Rien de facturé pour l’instant";

    // Renewals.
    RenewalsTitle => "Renewals", "Renouvellements";
    RenewalsWithin => "Within", "Dans les";
    WithinDays => "{days} day" | "{days} days", "{days} jour" | "{days} jours";
    NoUpcoming => "Nothing renews, ends or expires in this period.", "Rien ne se renouvelle, ne se termine ni n’expire sur cette période.";
    UpRenewal => "Renews", "Renouvellement";
    UpTermEnds => "Term ends (auto-renew off)", "Fin du terme (sans renouvellement automatique)";
    UpTrialEnds => "Trial ends", "Fin de l’essai";
    UpScheduledCancellation => "Scheduled cancellation", "Annulation planifiée";
    UpSuspensionExpires => "Suspension expires: deleted", "Fin de la suspension\u{a0}: suppression";
    ColUpcomingSubscription => "Subscription", "Abonnement";
    UpcomingCount => "{count} within {days} day" | "{count} in the next {days} days", "{count} d’ici {days} jour" | "{count} dans les {days} prochains jours";

    // Clock summary after moving the simulated date.
    NothingDue => "Nothing was due.", "Rien n’était dû.";
    SumCycles => "{count} billing cycle charged" | "{count} billing cycles charged", "{count} cycle de facturation facturé" | "{count} cycles de facturation facturés";
    SumRenewals => "{count} renewal" | "{count} renewals", "{count} renouvellement" | "{count} renouvellements";
    SumTermsEnded => "{count} term ended" | "{count} terms ended", "{count} terme terminé" | "{count} termes terminés";
    SumTrialsExpired => "{count} trial expired" | "{count} trials expired", "{count} essai expiré" | "{count} essais expirés";
    SumTrialsConverted => "{count} trial turned paid" | "{count} trials turned paid", "{count} essai devenu payant" | "{count} essais devenus payants";
    SumCancellations => "{count} cancellation" | "{count} cancellations", "{count} annulation" | "{count} annulations";
    SumDeletions => "{count} subscription deleted" | "{count} subscriptions deleted", "{count} abonnement supprimé" | "{count} abonnements supprimés";
    SumReservationPayments => "{count} reservation payment" | "{count} reservation payments", "{count} paiement de réservation" | "{count} paiements de réservation";
    SumReservationsExpired => "{count} reservation expired" | "{count} reservations expired", "{count} réservation expirée" | "{count} réservations expirées";

    // words: segments inside sentences (lower case, with an article that agrees).
    SegACommercial => "a commercial customer", "un client commercial";
    SegAnEducation => "an education customer", "un client du secteur de l’éducation";
    SegAGovernment => "a government customer", "un client de l’administration";
    SegANonProfit => "a non-profit customer", "un organisme à but non lucratif";
    SegAllCommercial => "commercial customers", "clients commerciaux";
    SegAllEducation => "education customers", "clients du secteur de l’éducation";
    SegAllGovernment => "government customers", "clients de l’administration";
    SegAllNonProfit => "non-profit customers", "organismes à but non lucratif";

    // words: the colon after a label shown in code ("Type: …"); French puts a no-break space before it.
    Colon => ": ", "\u{a0}: ";

    // words: the format a date field reads, shown as its placeholder and hint (i18n::date_input).
    DatePattern => "YYYY-MM-DD", "jj/mm/aaaa";

    // Roles (RULES §1.2), Partner Center names.
    RoleAdminAgent => "Admin agent", "Agent administrateur";
    RoleSalesAgent => "Sales agent", "Agent commercial";
    RoleHelpdeskAgent => "Helpdesk agent", "Agent du support technique";
    RoleBillingAdmin => "Billing admin", "Administrateur de facturation";
    RoleGlobalAdmin => "Global admin", "Administrateur général";
    RoleUserManagementAdmin => "User management admin", "Administrateur de gestion des utilisateurs";
    RoleAccountAdmin => "Account admin", "Administrateur de compte";
    RoleReferralAdmin => "Referral admin", "Administrateur de recommandations";
    RoleMarketingContentAdmin => "Marketing content admin", "Administrateur du contenu marketing";

    // ── Software keys and downloads, software activity, support requests (issue 5): add keys below ──
    SwColProduct => "Product", "Produit";
    SwColKeys => "Keys and downloads", "Clés et téléchargements";
    SwKeysAvailable => "Available", "Disponibles";
    SwKeysRevoked => "Revoked on {date}: no key", "Révoquées le {date}\u{a0}: aucune clé";
    SwKeysNone => "None: used in Azure", "Aucun\u{a0}: s’utilise dans Azure";
    SwCreditPosted => "Credit {amount} on the {month} invoice", "Crédit de {amount} sur la facture de {month}";
    SwActionsNeedRole => "Getting keys and downloads and cancelling a purchase need one of these roles: {roles}.", "L’obtention des clés et des téléchargements et l’annulation d’un achat nécessitent l’un de ces rôles\u{a0}: {roles}.";
    SwOrderOf => "Order {order}", "Commande {order}";
    SwChooseMedia => "Version, language and bit", "Version, langue et architecture";
    SwGetKeysAndDownloads => "Get keys and downloads", "Obtenir les clés et les téléchargements";
    SwGetKey => "Get key", "Obtenir une clé";
    SwDownload => "Download", "Télécharger";
    SwCopyLink => "Copy link", "Copier le lien";
    SwBit64 => "64-bit", "64 bits";
    SwBit32 => "32-bit", "32 bits";
    SwLinkIssued => "A new download link was issued.", "Un nouveau lien de téléchargement a été créé.";
    SwLinkFor => "Download link for {selection}", "Lien de téléchargement pour {selection}";
    SwLinkUrl => "Download link", "Lien de téléchargement";
    SwLinkActive => "This link expires on {date} or after {max} download, whichever comes first. Downloads left: {left}." | "This link expires on {date} or after {max} downloads, whichever comes first. Downloads left: {left}.", "Ce lien expire le {date} ou après {max} téléchargement, selon la première échéance. Téléchargements restants\u{a0}: {left}." | "Ce lien expire le {date} ou après {max} téléchargements, selon la première échéance. Téléchargements restants\u{a0}: {left}.";
    SwDownloadStarted => "Download of {file} started.", "Téléchargement de {file} lancé.";
    SwLinkCopied => "The download link was copied to the clipboard.", "Le lien de téléchargement a été copié dans le presse-papiers.";
    SwKeyDialogTitle => "Product key", "Clé de produit";
    SwCopyKey => "Copy key", "Copier la clé";
    SwKeyCopied => "The key was copied to the clipboard.", "La clé a été copiée dans le presse-papiers.";
    SwClose => "Close", "Fermer";
    SwCancelTitle => "Cancel a purchase", "Annuler un achat";
    SwDaysLeft => "{days} day left to cancel this order (until {date})." | "{days} days left to cancel this order (until {date}).", "Il reste {days} jour pour annuler cette commande (jusqu’au {date})." | "Il reste {days} jours pour annuler cette commande (jusqu’au {date}).";
    SwCreditPerpetual => "Credit on the next invoice if you cancel now: {amount} (perpetual software: full credit, no early termination fee).", "Crédit sur la prochaine facture si vous annulez maintenant\u{a0}: {amount} (logiciel perpétuel\u{a0}: crédit intégral, sans frais de résiliation anticipée).";
    SwCreditProrated => "Credit on the next invoice if you cancel now: {amount} (software subscription: prorated for the unused days of the term, no early termination fee).", "Crédit sur la prochaine facture si vous annulez maintenant\u{a0}: {amount} (abonnement logiciel\u{a0}: au prorata des jours non utilisés du terme, sans frais de résiliation anticipée).";
    SwImportant => "Important", "Important";
    SwImportantBody => "After you cancel, all related software keys and download links are revoked: neither you nor your customer can use them any longer. You and your customer must stop using the cancelled software, uninstall it and remove any related downloads and links.", "Après l’annulation, toutes les clés logicielles associées et tous les liens de téléchargement sont révoqués\u{a0}: ni vous ni votre client ne pouvez plus les utiliser. Vous et votre client devez cesser d’utiliser le logiciel annulé, le désinstaller et supprimer les téléchargements et liens associés.";
    SwAcknowledge => "I have read the Important note", "J’ai lu la remarque Important";
    SwSubmit => "Submit", "Soumettre";
    SwSupportRequestLink => "Create a customer support request", "Créer une demande de support technique";
    SwCancelled => "Order {order} was cancelled: its keys and download links are revoked. A credit of {amount} will appear on the next invoice.", "La commande {order} a été annulée\u{a0}: ses clés et liens de téléchargement sont révoqués. Un crédit de {amount} apparaîtra sur la prochaine facture.";
    SwSupportTitle => "Customer support request", "Demande de support technique";
    SwProblemType => "Type of problem", "Type de problème";
    SwProblemTypeCsp => "CSP Purchase/Refund on behalf of customers", "Achat/remboursement d’offres CSP pour le compte de clients";
    SwSupportAbout => "Customer: {customer}", "Client\u{a0}: {customer}";
    SwSupportPurchase => "Purchase: {product}, order {order}", "Achat\u{a0}: {product}, commande {order}";
    SwOptional => "Optional", "Facultatif";
    SwSupportNoMoney => "Filing a request changes no charge or credit: Microsoft support reviews it and answers the contact.", "Créer une demande ne modifie aucun débit ni crédit\u{a0}: le support Microsoft l’examine et répond au contact.";
    SwSupportFiled => "Support request {id} was created on {date}. Status: {status}.", "La demande de support {id} a été créée le {date}. État\u{a0}: {status}.";
    SwBackToSoftware => "Back to the Software tab", "Retour à l’onglet Logiciels";
    SwSupportRequests => "Support requests", "Demandes de support";
    SwNoSupportRequests => "No support requests for this customer.", "Aucune demande de support pour ce client.";
    SwColRequestId => "Request ID", "ID de la demande";
    SwStatusSubmitted => "Submitted", "Soumise";
    SwStatusFulfilled => "Fulfilled", "Traitée";
    SwActivityTitle => "Software key access and downloads", "Accès aux clés logicielles et téléchargements";
    SwActivityIntro => "Users who accessed software keys or downloaded software during the dates you choose.", "Utilisateurs ayant accédé à des clés logicielles ou téléchargé des logiciels pendant la période choisie.";
    SwGeneralActivity => "General activity log", "Journal d’activité général";
    SwColTime => "Time", "Heure";
    SwColUserId => "User ID", "ID de l’utilisateur";
    SwColPurchase => "Purchase", "Achat";
    SwColVersion => "Version", "Version";
    SwColLanguage => "Language", "Langue";
    SwColBit => "Bit", "Architecture";
    SwRangeInvalid => "The From date is after the To date: no entry can match.", "La date de début est postérieure à la date de fin\u{a0}: aucune entrée ne peut correspondre.";
    SwLangEnglish => "English", "Anglais";
    SwLangFrench => "French", "Français";
    SwLangGerman => "German", "Allemand";
    SwLangJapanese => "Japanese", "Japonais";
    SwLangSpanish => "Spanish", "Espagnol";
    SwLangItalian => "Italian", "Italien";
    SwLangPortugueseBrazil => "Portuguese (Brazil)", "Portugais (Brésil)";
    SwLangPortuguesePortugal => "Portuguese (Portugal)", "Portugais (Portugal)";
    SwLangChineseSimplified => "Chinese (Simplified)", "Chinois (simplifié)";
    SwLangChineseTraditional => "Chinese (Traditional)", "Chinois (traditionnel)";
    SwLangKorean => "Korean", "Coréen";
    SwLangRussian => "Russian", "Russe";
    SwLangDutch => "Dutch", "Néerlandais";
    SwLangPolish => "Polish", "Polonais";
    SwLangSwedish => "Swedish", "Suédois";
    SwLangTurkish => "Turkish", "Turc";
    SwLangCzech => "Czech", "Tchèque";
    SwLangHungarian => "Hungarian", "Hongrois";

    // ui: skip link, phone menu, simulated-date panel.
    UiSkipToMain => "Skip to main content", "Aller au contenu principal";
    UiMenu => "Menu", "Menu";
    UiChangeDate => "Change the simulated date", "Changer la date simulée";
    // Storage notices.
    StorageUnavailable => "This browser blocks local storage here, so your work is kept in memory only and will be lost when this page closes.",
        "Ce navigateur bloque le stockage local ici\u{a0}: votre travail est conservé en mémoire uniquement et sera perdu à la fermeture de la page.";
    StorageUnreadable => "Saved data could not be read ({reason}). It was kept untouched under the storage key “{key}” and the app started with demo data.",
        "Les données enregistrées n’ont pas pu être lues ({reason}). Elles ont été conservées intactes sous la clé de stockage «\u{a0}{key}\u{a0}» et l’application a démarré avec les données de démonstration.";
    SaveFailed => "Your last change could not be saved ({reason}). It stays in this page until it closes.",
        "Votre dernière modification n’a pas pu être enregistrée ({reason}). Elle reste dans cette page jusqu’à sa fermeture.";
    StorageFull => "the browser’s storage for this site is full", "l’espace de stockage du navigateur pour ce site est plein";
    StorageRefused => "the browser refused: {detail}", "le navigateur a refusé\u{a0}: {detail}";
    SavedByNewerVersion => "saved by a newer version of the app, format {format}",
        "enregistrées par une version plus récente de l’application, format {format}";
    SavedDataDamaged => "damaged; technical detail: {detail}", "endommagées\u{a0}; détail technique\u{a0}: {detail}";

    StorageUnreadableSession => "Your saved sign-in and language could not be read ({reason}). They were kept under the storage key “{key}”; your data is untouched.",
        "Votre connexion et votre langue enregistrées n’ont pas pu être lues ({reason}). Elles ont été conservées sous la clé de stockage «\u{a0}{key}\u{a0}»\u{a0}; vos données sont intactes.";
    StorageUnreadableJournal => "Changes saved by a browser tab could not be read ({reason}). They were kept under the storage key “{key}”.",
        "Des modifications enregistrées par un onglet n’ont pas pu être lues ({reason}). Elles ont été conservées sous la clé de stockage «\u{a0}{key}\u{a0}».";
    StorageNotBackedUp => "Saved data could not be read ({reason}) and could not be copied aside either, so nothing is written: your work is kept in memory only.",
        "Les données enregistrées n’ont pas pu être lues ({reason}) ni être copiées à part\u{a0}: rien n’est écrit, votre travail est conservé en mémoire uniquement.";
    ChangeUndone => "A change made in this tab was undone: another tab changed the same data first. {reasons}",
        "Une modification faite dans cet onglet a été annulée\u{a0}: un autre onglet a modifié les mêmes données avant. {reasons}";
    RestoredElsewhere => "The data was restored from a backup in another tab. This tab now shows the restored data.",
        "Les données ont été restaurées depuis une sauvegarde dans un autre onglet. Cet onglet affiche désormais les données restaurées.";
    OpenDataSettings => "Open Data settings", "Ouvrir les paramètres des données";
    DownloadBackup => "Download backup", "Télécharger une sauvegarde";

    // prices: price lists (RULES §2.5), ERP price and margin.
    PriceListsTitle => "Price lists", "Listes de prix";
    PriceListsLink => "Import Partner Center’s license-based price list, and see ERP prices and margins", "Importer la liste de prix de Partner Center (licences) et voir les prix de vente estimés et les marges";
    PriceListsExplain => "Import the license-based price list downloaded from Partner Center (CSV, comma or semicolon separated). Each row prices an offer from its Valid from date: new purchases pay the price in force on their date; a subscription keeps its price until it renews.",
        "Importez la liste de prix des licences téléchargée depuis Partner Center (CSV, séparé par des virgules ou des points-virgules). Chaque ligne fixe le prix d’une offre à partir de sa date «\u{a0}Valid from\u{a0}»\u{a0}: un nouvel achat paie le prix en vigueur à sa date\u{a0}; un abonnement garde son prix jusqu’à son renouvellement.";
    PriceListImportTitle => "Import a price list", "Importer une liste de prix";
    PriceListChooseFile => "Choose a CSV file…", "Choisir un fichier CSV…";
    PriceListFileLabel => "Price-list file (CSV)", "Fichier de liste de prix (CSV)";
    PriceListColumnsHint => "Required columns: {columns}.", "Colonnes obligatoires\u{a0}: {columns}.";
    PriceListPreviewTitle => "Preview of {file}", "Aperçu de {file}";
    PriceListPreviewNothingYet => "Nothing changes until you apply the list.", "Rien ne change tant que vous n’appliquez pas la liste.";
    PriceListEffective => "Effective from {date}", "En vigueur à partir du {date}";
    PriceListCountAdded => "{count} offer added" | "{count} offers added", "{count} offre ajoutée" | "{count} offres ajoutées";
    PriceListCountChanged => "{count} price changed" | "{count} prices changed", "{count} prix modifié" | "{count} prix modifiés";
    PriceListCountRemoved => "{count} offer withdrawn" | "{count} offers withdrawn", "{count} offre retirée" | "{count} offres retirées";
    PriceListCountUnchanged => "{count} price unchanged" | "{count} prices unchanged", "{count} prix inchangé" | "{count} prix inchangés";
    PriceListCountRejected => "{count} row rejected" | "{count} rows rejected", "{count} ligne rejetée" | "{count} lignes rejetées";
    PriceListAdded => "Added", "Ajoutées";
    PriceListChanged => "Changed", "Modifiés";
    PriceListRemoved => "Withdrawn", "Retirées";
    PriceListRejected => "Rejected rows", "Lignes rejetées";
    PriceListRejectedExplain => "These rows are left out; the rest of the file can still be applied.", "Ces lignes sont écartées\u{a0}; le reste du fichier peut tout de même être appliqué.";
    PriceListOffer => "Offer", "Offre";
    PriceListOldPrice => "Current price", "Prix actuel";
    PriceListNewPrice => "New price", "Nouveau prix";
    PriceListErp => "ERP price", "Prix de vente estimé";
    PriceListFrom => "From", "À partir du";
    PriceListLine => "Line", "Ligne";
    PriceListColumn => "Column", "Colonne";
    PriceListReason => "Reason", "Motif";
    PriceListNoPrice => "none", "aucun";
    PriceListMore => "{count} more row not shown." | "{count} more rows not shown.", "{count} autre ligne non affichée." | "{count} autres lignes non affichées.";
    PriceListEffectiveColumn => "Valid from", "En vigueur à partir du";
    PriceListApply => "Apply this price list", "Appliquer cette liste de prix";
    PriceListApplied => "Price list {file} applied: effective from {date}.", "Liste de prix {file} appliquée\u{a0}: en vigueur à partir du {date}.";
    PriceListImportedTitle => "Imported price lists", "Listes de prix importées";
    PriceListNone => "No price list imported yet: offers use the catalog’s prices.", "Aucune liste de prix importée\u{a0}: les offres suivent les prix du catalogue.";
    PriceListNumber => "No.", "N°";
    PriceListFileColumn => "File", "Fichier";
    PriceListRows => "Rows", "Lignes";
    PriceListImportedAt => "Imported", "Importée le";
    PriceListImportedBy => "By", "Par";
    PriceListFileUnreadable => "The file could not be read.", "Le fichier n’a pas pu être lu.";
    PriceListFileEmpty => "The file is empty: nothing was imported.", "Le fichier est vide\u{a0}: rien n’a été importé.";
    PriceListFileNotCsv => "The file is not readable CSV (line {line}): nothing was imported.", "Le fichier n’est pas un CSV lisible (ligne {line})\u{a0}: rien n’a été importé.";
    PriceListMissingColumn => "The file lacks the required column {columns}: nothing was imported." | "The file lacks the required columns {columns}: nothing was imported.", "Il manque au fichier la colonne obligatoire {columns}\u{a0}: rien n’a été importé." | "Il manque au fichier les colonnes obligatoires {columns}\u{a0}: rien n’a été importé.";
    PriceListNoRows => "No row of the file can be imported ({count} rejected row): nothing was imported." | "No row of the file can be imported ({count} rejected rows): nothing was imported.", "Aucune ligne du fichier ne peut être importée ({count} ligne rejetée)\u{a0}: rien n’a été importé." | "Aucune ligne du fichier ne peut être importée ({count} lignes rejetées)\u{a0}: rien n’a été importé.";
    PriceRowEmpty => "Empty: this column is required.", "Vide\u{a0}: cette colonne est obligatoire.";
    PriceRowUnknownCurrency => "Unknown currency “{value}”.", "Devise inconnue «\u{a0}{value}\u{a0}».";
    PriceRowNegative => "Negative price.", "Prix négatif.";
    PriceRowEndsBeforeStart => "Ends ({to}) before it starts ({from}).", "Se termine ({to}) avant de commencer ({from}).";
    PriceRowDuplicate => "Duplicate offer ID: already on line {line}.", "ID d’offre en double\u{a0}: déjà à la ligne {line}.";
    PriceRowBadNumber => "Not a number: “{value}”.", "N’est pas un nombre\u{a0}: «\u{a0}{value}\u{a0}».";
    PriceRowBadDate => "Not a date: “{value}”.", "N’est pas une date\u{a0}: «\u{a0}{value}\u{a0}».";
    PriceRowBadIndicator => "Unknown change indicator “{value}” (ADD, CHG, DEL or UNC).", "Indicateur de modification inconnu «\u{a0}{value}\u{a0}» (ADD, CHG, DEL ou UNC).";
    PriceRowBadValue => "Unknown value “{value}”.", "Valeur inconnue «\u{a0}{value}\u{a0}».";
    PriceRowUnknownOffer => "No offer with the ID “{value}” in the catalog.", "Aucune offre d’ID «\u{a0}{value}\u{a0}» dans le catalogue.";
    WhyWithdrawn => "Withdrawn from the price list on {date}.", "Retirée de la liste de prix le {date}.";
    ActPriceListImported => "Price list imported", "Liste de prix importée";
    ErpAndMargin => "ERP {erp} · margin {margin}", "Prix de vente estimé {erp} · marge {margin}";
    MarginLabel => "Margin", "Marge";

    // Settings → Data.
    DataTitle => "Data and backups", "Données et sauvegardes";
    DataLink => "Data and backups: download a backup file, restore one, see the backups kept in this browser.",
        "Données et sauvegardes\u{a0}: télécharger un fichier de sauvegarde, en restaurer un, voir les sauvegardes conservées dans ce navigateur.";
    DataWhereBrowser => "Your data is saved in this browser as you work, and every open tab of the app shows the same data. Download a backup file to keep a copy elsewhere or to move to another computer.",
        "Vos données sont enregistrées dans ce navigateur au fil de votre travail, et tous les onglets ouverts de l’application affichent les mêmes données. Téléchargez un fichier de sauvegarde pour en garder une copie ailleurs ou passer à un autre ordinateur.";
    DataWhereMemory => "Your data is kept in memory only: this browser does not let the app save here. Download a backup file before you close the page.",
        "Vos données sont conservées en mémoire uniquement\u{a0}: ce navigateur ne permet pas à l’application d’enregistrer ici. Téléchargez un fichier de sauvegarde avant de fermer la page.";
    DataBackUpTitle => "Back up", "Sauvegarder";
    DataBackUpExplain => "One JSON file with all of the partner’s data: customers, subscriptions, invoices, history and the simulated date.",
        "Un fichier JSON contenant toutes les données du partenaire\u{a0}: clients, abonnements, factures, historique et date simulée.";
    DataDownloaded => "The backup file was downloaded.", "Le fichier de sauvegarde a été téléchargé.";
    DataRestoreFileTitle => "Restore from a file", "Restaurer depuis un fichier";
    DataRestoreFileExplain => "Choose a backup file made by this app. You will see what it holds before anything changes.",
        "Choisissez un fichier de sauvegarde créé par cette application. Vous verrez son contenu avant toute modification.";
    DataBackupFile => "Backup file", "Fichier de sauvegarde";
    DataChooseFile => "Choose a backup file…", "Choisir un fichier de sauvegarde…";
    DataFileUnreadable => "The file could not be read.", "Le fichier n’a pas pu être lu.";
    DataRestoreNeedsRole => "Restoring or deleting backups needs one of these roles: {roles}.",
        "Restaurer ou supprimer des sauvegardes nécessite l’un de ces rôles\u{a0}: {roles}.";
    DataRestoreConfirmTitle => "Restore this backup?", "Restaurer cette sauvegarde\u{a0}?";
    DataPreviewPartner => "Partner", "Partenaire";
    DataPreviewCustomers => "Customers", "Clients";
    DataPreviewSubscriptions => "Subscriptions", "Abonnements";
    DataPreviewInvoices => "Invoices", "Factures";
    DataRestoreKeepsCurrent => "This replaces all current data in every tab. The current data is kept as a backup first, so you can go back.",
        "Cela remplace toutes les données actuelles dans tous les onglets. Les données actuelles sont d’abord conservées en sauvegarde, pour pouvoir y revenir.";
    DataRestoreConfirm => "Restore", "Restaurer";
    DataRestored => "The backup was restored. The previous data is kept in the backups below.",
        "La sauvegarde a été restaurée. Les données précédentes sont conservées dans les sauvegardes ci-dessous.";
    DataRestoreFailed => "Nothing was restored: {reason}.", "Rien n’a été restauré\u{a0}: {reason}.";
    DataBackupsTitle => "Backups in this browser", "Sauvegardes dans ce navigateur";
    DataNoBackups => "No backups yet. The app makes one when saved data cannot be read, and before each restore.",
        "Aucune sauvegarde pour l’instant. L’application en crée une lorsque des données enregistrées ne peuvent pas être lues, et avant chaque restauration.";
    DataBackups => "{count} backup takes {size} of this browser’s storage. Only you delete backups."
        | "{count} backups take {size} of this browser’s storage. Only you delete backups.",
        "{count} sauvegarde occupe {size} de l’espace de stockage de ce navigateur. Vous seul supprimez les sauvegardes."
        | "{count} sauvegardes occupent {size} de l’espace de stockage de ce navigateur. Vous seul supprimez les sauvegardes.";
    DataColWhen => "When", "Date";
    DataColWhat => "What", "Contenu";
    DataColWhy => "Why it was kept", "Raison";
    DataColSize => "Size", "Taille";
    DataColActions => "Actions", "Actions";
    DataWhenUnknown => "Unknown (an earlier version)", "Inconnue (version antérieure)";
    DataWhyBeforeRestore => "Kept before a restore", "Conservée avant une restauration";
    DataWhyUnknown => "Could not be read (an earlier version kept it)", "Illisible (conservée par une version antérieure)";
    BackupOfState => "Saved data", "Données enregistrées";
    BackupOfSession => "Sign-in and language", "Connexion et langue";
    BackupOfJournal => "A tab’s unsaved changes", "Modifications non intégrées d’un onglet";
    BackupOfBeforeRestore => "Data before a restore", "Données avant une restauration";
    BackupOfUnknown => "Saved data (earlier version)", "Données enregistrées (version antérieure)";
    DataNotAState => "Holds no partner data to restore.", "Ne contient pas de données de partenaire à restaurer.";
    Download => "Download", "Télécharger";
    Restore => "Restore", "Restaurer";
    Delete => "Delete", "Supprimer";
    DataDeleteConfirmTitle => "Delete this backup for good?", "Supprimer définitivement cette sauvegarde\u{a0}?";
    DataBackupDeleted => "The backup was deleted.", "La sauvegarde a été supprimée.";
    KilobyteUnit => "KB", "Ko";
    FileEmpty => "The file is empty.", "Le fichier est vide.";
    FileNotJson => "This is not a backup file: it is not JSON ({detail}).", "Ce n’est pas un fichier de sauvegarde\u{a0}: ce n’est pas du JSON ({detail}).";
    FileTruncated => "The file is cut short: it ends before the backup does. Download it again.",
        "Le fichier est tronqué\u{a0}: il se termine avant la fin de la sauvegarde. Téléchargez-le à nouveau.";
    FileNotABackup => "This JSON file is not a CSP Marketplace backup.", "Ce fichier JSON n’est pas une sauvegarde de CSP Marketplace.";
    FileNewer => "This backup was made by a newer version of the app (format {format}). Open it with that version.",
        "Cette sauvegarde a été créée par une version plus récente de l’application (format {format}). Ouvrez-la avec cette version.";
    FileBadShape => "The backup’s data is not complete or not valid: {detail}.", "Les données de la sauvegarde sont incomplètes ou invalides\u{a0}: {detail}.";
    FileImpossible => "The backup’s data is inconsistent, as if it had been edited: {problems}",
        "Les données de la sauvegarde sont incohérentes, comme si elles avaient été modifiées\u{a0}: {problems}";

    // What makes a backup's state impossible (an edited file).
    BadInvoiceTotal => "the invoice of {month} does not equal the sum of its lines.", "la facture de {month} n’est pas égale à la somme de ses lignes.";
    BadOrderLine => "order {order}, line {line}: the total is not the unit price times the quantity.", "commande {order}, ligne {line}\u{a0}: le total n’est pas le prix unitaire multiplié par la quantité.";
    BadLedgerCurrency => "ledger entry {entry} mixes two currencies.", "l’écriture {entry} mélange deux devises.";
    BadLedgerSign => "ledger entry {entry} has a charge below zero or a credit above zero.", "l’écriture {entry} a un débit négatif ou un crédit positif.";
    BadCreditExceedsPaid => "{record}: {credited} was credited, more than the {paid} paid.", "{record}\u{a0}: {credited} ont été crédités, plus que les {paid} payés.";
    BadRefundCap => "customer {customer}: reservation refunds exceed the yearly limit on {date}.", "client {customer}\u{a0}: les remboursements de réservations dépassent la limite annuelle le {date}.";
    BadDangling => "{from} refers to {to}, which does not exist.", "{from} fait référence à {to}, qui n’existe pas.";
    BadWrongCustomer => "{from} and {related} belong to different customers.", "{from} et {related} appartiennent à des clients différents.";
    BadKeyMismatch => "{id} is filed under another ID ({key}).", "{id} est classé sous un autre identifiant ({key}).";
    BadDuplicateId => "two records have the ID {id}.", "deux enregistrements ont l’identifiant {id}.";
    BadCounterBehind => "the next ID to be given ({number}) is already used.", "le prochain identifiant à attribuer ({number}) est déjà utilisé.";
    BadNoGlobalAdmin => "no user is a Global admin.", "aucun utilisateur n’est administrateur général.";
    BadDuplicateDomain => "two customers use the domain {domain}.", "deux clients utilisent le domaine {domain}.";
    BadFromTheFuture => "{record} is dated after the simulated date.", "{record} est daté après la date simulée.";
    BadStatusDate => "{record} has a status without its date.", "{record} a un état sans sa date.";
    BadAddOnOfAddOn => "add-on {add_on} is attached to another add-on ({base}).", "le module complémentaire {add_on} est rattaché à un autre module complémentaire ({base}).";
    BadCartLine => "cart {cart}: line {line} is numbered wrongly.", "panier {cart}\u{a0}: la ligne {line} est mal numérotée.";
    BadCartCheckedOut => "cart {cart} is open but was already bought.", "le panier {cart} est ouvert mais a déjà été acheté.";

    // ── Azure reservations: manage, refund, exchange (issue 6): add keys below ──
    RsvColSelect => "Select", "Sélectionner";
    RsvColActions => "Actions", "Actions";
    RsvSelect => "Select {reservation} for an exchange", "Sélectionner {reservation} pour un échange";
    RsvManage => "Manage", "Gérer";
    RsvRefund => "Refund", "Remboursement";
    RsvExchange => "Exchange", "Échange";
    RsvManageOf => "Manage {reservation}", "Gérer {reservation}";
    RsvRefundOf => "Refund {reservation}", "Remboursement {reservation}";
    RsvExchangeHint => "Select one or more active reservations, then Exchange.", "Sélectionnez une ou plusieurs réservations actives, puis Échange.";
    RsvAddAzurePlan => "Add an Azure plan", "Ajouter un plan Azure";
    RsvBuyReservations => "Buy reservations", "Acheter des réservations";
    RsvCannotBuyNow => "This customer can’t buy reservations now:", "Ce client ne peut pas acheter de réservations pour l’instant\u{a0}:";
    RsvRequestsHeading => "Refund and exchange requests", "Demandes de remboursement et d’échange";
    RsvColRequest => "Request", "Demande";
    RsvColAmount => "Amount", "Montant";
    RsvActionRefund => "Refund", "Remboursement";
    RsvActionExchangeFor => "Exchange for {reservation}", "Échange contre {reservation}";
    RsvRequestFulfilled => "Fulfilled", "Traitée";
    RsvRequestSubmitted => "Submitted", "Envoyée";
    RsvBackToList => "Back to Azure reservations", "Retour aux réservations Azure";
    RsvOverview => "Overview", "Vue d’ensemble";
    RsvConfiguration => "Configuration", "Configuration";
    RsvProperties => "Properties", "Propriétés";
    RsvHistory => "History", "Historique";
    RsvSections => "Reservation sections", "Sections de la réservation";
    RsvBilling => "Billing", "Facturation";
    RsvPurchased => "Purchased", "Achetée le";
    RsvTotalCommitment => "Total commitment", "Engagement total";
    RsvUtilisation => "Utilization", "Utilisation";
    RsvUtilisationChart => "Utilization per day from {from} to {to}", "Utilisation par jour du {from} au {to}";
    RsvUtilisationDay => "{date}: {percent}%", "{date}\u{a0}: {percent}\u{a0}%";
    RsvUtilisationNoData => "{date}: no data", "{date}\u{a0}: aucune donnée";
    RsvUtilisationNone => "No utilization recorded yet.", "Aucune utilisation enregistrée pour l’instant.";
    RsvRecordUtilisation => "Record utilization", "Enregistrer l’utilisation";
    RsvUtilisationRecorded => "Utilization of {percent}% recorded for {date}.", "Utilisation de {percent}\u{a0}% enregistrée pour le {date}.";
    RsvPercentNotWhole => "Enter a whole number from 0 to 100.", "Saisissez un nombre entier de 0 à 100.";
    RsvNotActive => "This reservation is {status}: it can no longer be changed, refunded or exchanged.", "Cette réservation est à l’état «\u{a0}{status}\u{a0}»\u{a0}: elle ne peut plus être modifiée, remboursée ni échangée.";
    RsvNotFinancial => "Changing the scope or the Azure subscription is not a financial transaction: nothing is charged or refunded.", "Modifier l’étendue ou l’abonnement Azure n’est pas une transaction financière\u{a0}: rien n’est facturé ni remboursé.";
    RsvConfigSaved => "Configuration saved.", "Configuration enregistrée.";
    RsvNoHistory => "No changes yet.", "Aucune modification pour l’instant.";
    RsvHistConfigured => "Scope {from} → {to}; optimized for {from_optimize} → {to_optimize}", "Étendue {from} → {to}\u{a0}; optimisation {from_optimize} → {to_optimize}";
    RsvHistRefunded => "Cancelled by request {request}; credit {credit}", "Annulée par la demande {request}\u{a0}; crédit de {credit}";
    RsvHistExchanged => "Exchanged by request {request} for {reservation}", "Échangée par la demande {request} contre {reservation}";
    RsvHistCreated => "Created by request {request} in exchange for {reservations}", "Créée par la demande {request} en échange de {reservations}";
    RsvHistEntry => "{when}, {user}: {change}", "{when}, {user}\u{a0}: {change}";
    RsvReservationId => "Reservation ID", "ID de réservation";
    RsvReservationOrderId => "Reservation order ID", "ID de commande de réservation";
    RsvCopyReservationId => "Copy reservation ID", "Copier l’ID de réservation";
    RsvCopyOrderId => "Copy reservation order ID", "Copier l’ID de commande de réservation";
    RsvCopied => "{value} copied to the clipboard.", "{value} copié dans le presse-papiers.";
    RsvPropertiesNote => "Support may ask for the reservation ID and reservation order ID.", "Le support peut vous demander l’ID de réservation et l’ID de commande de réservation.";
    RsvNoSuchReservation => "There is no reservation {reservation} for this customer.", "Il n’existe pas de réservation {reservation} pour ce client.";
    RsvRefundTitle => "New support request: refund", "Nouvelle demande de support\u{a0}: remboursement";
    RsvExchangeTitle => "New support request: exchange", "Nouvelle demande de support\u{a0}: échange";
    RsvQuoteHeading => "Refund quote for {reservation} on {date}", "Devis de remboursement de {reservation} au {date}";
    RsvDaysSincePurchase => "Days since purchase", "Jours depuis l’achat";
    RsvUsageSoFar => "Usage so far", "Utilisation jusqu’ici";
    RsvYes => "Yes", "Oui";
    RsvNo => "No", "Non";
    RsvRule => "Credit rule", "Règle de crédit";
    RsvRuleFull => "100% of what was paid, no fee ({days} day or fewer, no usage)" | "100% of what was paid, no fee ({days} days or fewer, no usage)", "100\u{a0}% du montant payé, sans frais ({days} jour ou moins, sans utilisation)" | "100\u{a0}% du montant payé, sans frais ({days} jours ou moins, sans utilisation)";
    RsvRuleProrated => "Prorated, no fee ({days} day or fewer, with usage)" | "Prorated, no fee ({days} days or fewer, with usage)", "Au prorata, sans frais ({days} jour ou moins, avec utilisation)" | "Au prorata, sans frais ({days} jours ou moins, avec utilisation)";
    RsvRuleProratedFee => "Prorated minus the {fee}% early termination fee (more than {days} day)" | "Prorated minus the {fee}% early termination fee (more than {days} days)", "Au prorata, moins les frais de résiliation anticipée de {fee}\u{a0}% (plus de {days} jour)" | "Au prorata, moins les frais de résiliation anticipée de {fee}\u{a0}% (plus de {days} jours)";
    RsvPaid => "Paid so far", "Payé à ce jour";
    RsvPaidMonthly => "{amount} ({count} monthly payment)" | "{amount} ({count} monthly payments)", "{amount} ({count} paiement mensuel)" | "{amount} ({count} paiements mensuels)";
    RsvPeriod => "Prorated period", "Période au prorata";
    RsvPeriodValue => "{start} – {end}: {unused} day unused of {days}" | "{start} – {end}: {unused} days unused of {days}", "{start} – {end}\u{a0}: {unused} jour inutilisé sur {days}" | "{start} – {end}\u{a0}: {unused} jours inutilisés sur {days}";
    RsvProrated => "Prorated amount", "Montant au prorata";
    RsvFee => "Early termination fee", "Frais de résiliation anticipée";
    RsvCancelledFuture => "Cancelled future payments", "Paiements futurs annulés";
    RsvCredit => "Refund amount (credit on the next invoice)", "Montant du remboursement (crédit sur la prochaine facture)";
    RsvCapHeading => "Refund cap", "Plafond de remboursement";
    RsvCapLimit => "Limit per {days} day" | "Limit per {days} days", "Plafond par période de {days} jour" | "Plafond par période de {days} jours";
    RsvCapUsed => "Used in the current {days}-day window" | "Used in the current {days}-day window", "Utilisé dans la fenêtre de {days} jour en cours" | "Utilisé dans la fenêtre de {days} jours en cours";
    RsvCapLeft => "Left", "Restant";
    RsvCapCounts => "This refund counts", "Ce remboursement compte pour";
    RsvCapMoreOn => "More becomes available on", "Davantage sera disponible le";
    RsvCapAllAvailable => "Nothing counted yet: the whole limit is available.", "Rien n’est encore compté\u{a0}: tout le plafond est disponible.";
    RsvFeeDayHeading => "How the quote changes on day {day}", "Évolution du devis au jour {day}";
    RsvColDay => "Day after purchase", "Jour après l’achat";
    RsvDayN => "Day {day}", "Jour {day}";
    RsvReturnedHeading => "Reservations returned", "Réservations retournées";
    RsvColCredit => "Prorated credit", "Crédit au prorata";
    RsvColValue => "Value returned", "Valeur retournée";
    RsvExchangeNoFee => "No early termination fee, and exchanges don’t count toward the refund cap.", "Aucuns frais de résiliation anticipée, et les échanges ne comptent pas dans le plafond de remboursement.";
    RsvNewHeading => "New reservation", "Nouvelle réservation";
    RsvVmSizeRegion => "VM size and region", "Taille de VM et région";
    RsvValueReturned => "Value returned", "Valeur retournée";
    RsvNewCommitment => "New commitment", "Nouvel engagement";
    RsvCovers => "The new commitment covers the value returned.", "Le nouvel engagement couvre la valeur retournée.";
    RsvTermStarts => "The new term starts on the day of the exchange ({date}).", "Le nouveau terme commence le jour de l’échange ({date}).";
    RsvWizard => "Support request steps", "Étapes de la demande de support";
    RsvStepOf => "Step {n} of {total}: {name}", "Étape {n} sur {total}\u{a0}: {name}";
    RsvStepBasics => "Basics", "Notions de base";
    RsvStepProblem => "Problem", "Problème";
    RsvStepContact => "Contact information", "Informations de contact";
    RsvStepCreate => "Review and create", "Vérifier et créer";
    RsvIssueType => "Issue type", "Type de problème";
    RsvIssueBilling => "Billing", "Facturation";
    RsvProblemType => "Problem type", "Sous-type de problème";
    RsvProblemReservations => "Reservation management", "Gestion des réservations";
    RsvCategory => "Category", "Catégorie";
    RsvCategoryExchangesRefunds => "Exchanges and refunds", "Échanges et remboursements";
    RsvPreferred => "Preferred contact method", "Méthode de contact préférée";
    RsvMethodEmail => "E-mail", "E-mail";
    RsvMethodPhone => "Phone", "Téléphone";
    RsvPhoneHint => "Required when you prefer to be called.", "Obligatoire si vous préférez être appelé.";
    RsvNext => "Next", "Suivant";
    RsvPrevious => "Previous", "Précédent";
    RsvCreate => "Create", "Créer";
    RsvRequestKind => "Request", "Demande";
    RsvKindRefund => "Refund (cancel the reservation)", "Remboursement (annuler la réservation)";
    RsvKindExchange => "Exchange for a new reservation", "Échange contre une nouvelle réservation";
    RsvCreated => "Support request {request} was created and fulfilled.", "La demande de support {request} a été créée et traitée.";
    RsvCreatedRefund => "{reservations} cancelled. The refund of {amount} is credited on the next invoice.", "{reservations}\u{a0}: annulation effectuée. Le remboursement de {amount} est crédité sur la prochaine facture.";
    RsvCreatedExchange => "{reservations} exchanged: {amount} returned and applied to {reservation} ({total}), whose term starts today. The returned value is credited on the next invoice.", "{reservations}\u{a0}: échange effectué. {amount} retournés et appliqués à {reservation} ({total}), dont le terme commence aujourd’hui. La valeur retournée est créditée sur la prochaine facture.";
    RsvOpenReservation => "Open {reservation}", "Ouvrir {reservation}";
    RsvOpenBilling => "Billing and invoices", "Facturation et factures";

    // Customers page (shell part).
    CustomersTitle => "Customers", "Clients";

    // Billing page (shell part).
    BillingTitle => "Billing", "Facturation";
    NoInvoicesYet => "No invoices yet: invoices appear here once purchases are billed.", "Aucune facture pour l’instant\u{a0}: les factures apparaissent ici dès que des achats sont facturés.";

    // Permission refusals.
    NotPermitted => "Your roles do not allow this. Roles that may: {roles}.", "Vos rôles ne le permettent pas. Rôles autorisés\u{a0}: {roles}.";
    PageNotPermitted => "You can’t open this page with your roles. Roles that may: {roles}.", "Vos rôles ne permettent pas d’ouvrir cette page. Rôles autorisés\u{a0}: {roles}.";
    // A page opened for an action: the roles that may do that action (issue 16).
    PageActionNotPermitted => "You can’t open this page with your roles. Roles that may {action}: {roles}.", "Vos rôles ne permettent pas d’ouvrir cette page. Rôles autorisés à {action}\u{a0}: {roles}.";
    ActionViewCustomers => "view customers", "consulter les clients";
    ActionEditCustomers => "add or edit customers", "ajouter ou modifier des clients";
    ActionManageSubscriptions => "buy and manage subscriptions", "acheter et gérer des abonnements";
    ActionConvertTrials => "convert trials", "convertir des essais";
    ActionOpenSoftware => "open the Software page", "ouvrir la page Logiciels";
    ActionSoftwareKeys => "get keys and downloads or cancel a purchase", "obtenir des clés et des téléchargements ou annuler un achat";
    ActionViewSoftwareActivity => "view the software activity log", "consulter le journal d’activité des logiciels";
    ActionManageReservations => "buy and manage Azure reservations", "acheter et gérer des réservations Azure";
    ActionViewBilling => "view invoices and billing", "consulter les factures et la facturation";
    ActionViewActivityLog => "view the activity log", "consulter le journal d’activité";
    ActionManageUsers => "manage partner users", "gérer les utilisateurs du partenaire";
    ActionEditPartnerSettings => "edit the partner profile and settings", "modifier le profil et les paramètres du partenaire";
    UnknownUser => "The signed-in user no longer exists. Choose another user.", "L’utilisateur connecté n’existe plus. Choisissez un autre utilisateur.";

    // Validation.
    FieldRequired => "{field}: this field is required.", "{field}\u{a0}: ce champ est obligatoire.";
    FieldTooLong => "{field}: use at most {max} character." | "{field}: use at most {max} characters.", "{field}\u{a0}: {max} caractère au maximum." | "{field}\u{a0}: {max} caractères au maximum.";
    FieldInvalidEmail => "{field}: enter an address like name@example.com.", "{field}\u{a0}: saisissez une adresse comme nom@exemple.com.";
    FieldUnknownCountry => "{field}: choose a country from the list.", "{field}\u{a0}: choisissez un pays dans la liste.";
    FieldTaken => "{field}: this value is already used.", "{field}\u{a0}: cette valeur est déjà utilisée.";
    ClockWouldGoBack => "The simulated date only moves forward; it is now {date}.", "La date simulée ne fait qu’avancer\u{a0}; elle est actuellement le {date}.";
    LastGlobalAdmin => "The partner must keep at least one Global admin.", "Le partenaire doit conserver au moins un administrateur général.";
    NoSuchUser => "This user no longer exists.", "Cet utilisateur n’existe plus.";
    FixErrors => "Nothing was saved. Fix the fields below.", "Rien n’a été enregistré. Corrigez les champs ci-dessous.";

    // Field labels.
    FieldPartnerName => "Partner name", "Nom du partenaire";
    FieldCountry => "Country", "Pays";
    FieldName => "Name", "Nom";
    FieldEmail => "E-mail", "E-mail";
    FieldRoles => "Roles", "Rôles";
    FieldDate => "Date", "Date";

    // Settings.
    SettingsTitle => "Settings", "Paramètres";
    PartnerProfile => "Partner profile", "Profil du partenaire";
    CspModel => "CSP model", "Modèle CSP";
    ModelDirectBill => "Direct bill", "Facturation directe";
    ModelIndirectProvider => "Indirect provider", "Fournisseur indirect";
    ModelIndirectReseller => "Indirect reseller", "Revendeur indirect";
    BillingCurrency => "Billing currency", "Devise de facturation";
    FieldCreditLimit => "Credit limit", "Limite de crédit";
    CreditLimitHint => "In the billing currency of the country above. Leave empty for no limit.", "Dans la devise de facturation du pays ci-dessus. Laissez vide pour aucune limite.";
    Save => "Save", "Enregistrer";
    Saved => "Saved.", "Enregistré.";
    Cancel => "Cancel", "Annuler";
    PartnerUsers => "Partner users", "Utilisateurs du partenaire";
    AddUser => "Add user", "Ajouter un utilisateur";
    EditUser => "Edit user", "Modifier l’utilisateur";
    Edit => "Edit", "Modifier";
    Remove => "Remove", "Supprimer";
    ConfirmRemoveUser => "Remove {name}? They will no longer be able to sign in.", "Supprimer {name}\u{a0}? Cet utilisateur ne pourra plus se connecter.";
    UserRemoved => "{name} was removed.", "{name} a été supprimé.";
    UserSaved => "{name} was saved.", "{name} a été enregistré.";
    DemoData => "Demo data", "Données de démonstration";
    ResetDemoData => "Reset demo data", "Réinitialiser les données de démonstration";
    ResetDemoExplain => "Replaces the partner, users, customers and purchases with the demo data. The activity log and the simulated date are kept.",
        "Remplace le partenaire, les utilisateurs, les clients et les achats par les données de démonstration. Le journal d’activité et la date simulée sont conservés.";
    ConfirmReset => "Yes, reset", "Oui, réinitialiser";
    ResetDone => "Demo data restored.", "Données de démonstration restaurées.";
    ReadOnlyForYou => "You can view this section; changing it needs one of these roles: {roles}.", "Vous pouvez consulter cette section\u{a0}; la modifier nécessite l’un de ces rôles\u{a0}: {roles}.";

    // Activity log.
    ActivityTitle => "Activity log", "Journal d’activité";
    From => "From", "De";
    To => "To", "À";
    ExportCsv => "Export CSV", "Exporter en CSV";
    ColDate => "Date", "Date";
    ColUser => "User", "Utilisateur";
    ColCustomer => "Customer", "Client";
    ColAction => "Action", "Action";
    ColDetails => "Details", "Détails";
    NoActivity => "No activity in this date range.", "Aucune activité sur cette période.";
    EntriesCount => "{count} entry" | "{count} entries", "{count} entrée" | "{count} entrées";
    ActClockAdvanced => "Simulated date moved", "Date simulée avancée";
    ActPartnerProfileUpdated => "Partner profile updated", "Profil du partenaire mis à jour";
    ActUserAdded => "User added", "Utilisateur ajouté";
    ActUserUpdated => "User updated", "Utilisateur modifié";
    ActUserRemoved => "User removed", "Utilisateur supprimé";
    ActDemoDataReset => "Demo data reset", "Données de démonstration réinitialisées";

    // Customers list and form (issue: customers, catalog, cart).
    SearchCustomers => "Search by company name or domain", "Rechercher par nom de société ou domaine";
    AddCustomer => "Add customer", "Ajouter un client";
    EditCustomer => "Edit customer", "Modifier le client";
    NoCustomers => "No customer matches this search.", "Aucun client ne correspond à cette recherche.";
    CustomersCount => "{count} customer" | "{count} customers", "{count} client" | "{count} clients";
    SortBy => "Sort by {column}", "Trier par {column}";
    FieldCompanyName => "Company name", "Nom de la société";
    FieldDomain => "Primary domain", "Domaine principal";
    FieldBillingCountry => "Billing country", "Pays de facturation";
    FieldSegment => "Segment", "Segment";
    FieldAccountOpened => "Account opened", "Date d’ouverture du compte";
    FieldFirstBilling => "First billing period", "Première période de facturation";
    DomainHint => "For example contoso or contoso.onmicrosoft.com", "Par exemple contoso ou contoso.onmicrosoft.com";
    ChooseCountry => "Choose a country", "Choisissez un pays";
    ChooseSegment => "Choose a segment", "Choisissez un segment";
    SegmentCommercial => "Commercial", "Commercial";
    SegmentEducation => "Education", "Éducation";
    SegmentGovernment => "Government", "Administration";
    SegmentNonProfit => "Non-profit", "Organisme à but non lucratif";
    CustomerSaved => "{name} was saved.", "{name} a été enregistré.";
    FieldInvalidDomain => "{field}: use letters, digits and hyphens, like contoso.onmicrosoft.com.", "{field}\u{a0}: utilisez des lettres, des chiffres et des tirets, comme contoso.onmicrosoft.com.";
    FieldInvalidDate => "{field}: enter a date as YYYY-MM-DD.", "{field}\u{a0}: saisissez une date au format jj/mm/aaaa.";
    FieldDateBefore => "{field}: must be on or after {date}.", "{field}\u{a0}: doit être le {date} ou après.";
    FieldDateAfter => "{field}: must be on or before {date}.", "{field}\u{a0}: doit être le {date} ou avant.";
    NoSuchCustomer => "This customer does not exist.", "Ce client n’existe pas.";
    NoSuchOffer => "This offer is not in the catalog.", "Cette offre ne figure pas au catalogue.";

    // Customer page.
    TabSubscriptions => "Subscriptions", "Abonnements";
    TabSoftware => "Software", "Logiciels";
    TabReservations => "Azure reservations", "Réservations Azure";
    TabOrders => "Order history", "Historique des commandes";
    TabAccount => "Account", "Compte";
    CustomerTabs => "Customer sections", "Sections du client";
    AddSubscription => "Add subscription", "Ajouter un abonnement";
    AddProducts => "Add products", "Ajouter des produits";
    TenantId => "Tenant ID", "ID de locataire";
    NoSubscriptions => "No subscriptions yet.", "Aucun abonnement pour l’instant.";
    NoSoftware => "No software purchases yet.", "Aucun achat de logiciel pour l’instant.";
    NoReservations => "No Azure reservations yet.", "Aucune réservation Azure pour l’instant.";
    NoOrders => "No orders yet.", "Aucune commande pour l’instant.";
    ColName => "Name", "Nom";
    ColDomain => "Domain", "Domaine";
    ColCountry => "Country", "Pays";
    ColSegment => "Segment", "Segment";
    ColOffer => "Offer", "Offre";
    ColQuantity => "Quantity", "Quantité";
    ColBilling => "Billing frequency", "Fréquence de facturation";
    ColStatus => "Status", "État";
    ColTermEnd => "Term end", "Fin du terme";
    ColOrderNumber => "Order number", "Numéro de commande";
    ColPurchaseDate => "Purchase date", "Date d’achat";
    ColType => "Type", "Type";
    ColSize => "VM size", "Taille de VM";
    ColRegion => "Region", "Région";
    ColTerm => "Term", "Terme";
    ColScope => "Scope", "Étendue";
    ColExpires => "Expiration date", "Date d’expiration";
    ColLines => "Lines", "Lignes";
    ColTotal => "Total", "Total";
    ColUnitPrice => "Unit price", "Prix unitaire";
    ColLineTotal => "Line total", "Total de la ligne";
    ColPublisher => "Publisher", "Éditeur";
    ColBillingType => "Billing type", "Type de facturation";
    ColPrice => "Price", "Prix";
    StatusActive => "Active", "Actif";
    StatusSuspended => "Suspended", "Suspendu";
    // ISV SaaS: suspended only for non-payment or fraud (RULES §4.3, issue 16).
    SuspendForNonPayment => "Suspended for non-payment", "Suspendu pour impayé";
    SuspendForFraud => "Suspended for fraud", "Suspendu pour fraude";
    IsvSuspendHint => "A subscription from another publisher can be suspended only for non-payment or fraud.", "Un abonnement d’un autre éditeur ne peut être suspendu que pour impayé ou fraude.";
    SuspensionNeedsReason => "A subscription from another publisher can be suspended only for non-payment or fraud: choose the reason.", "Un abonnement d’un autre éditeur ne peut être suspendu que pour impayé ou fraude\u{a0}: choisissez le motif.";
    StatusCancelled => "Cancelled", "Annulé";
    StatusExpired => "Expired", "Expiré";
    StatusDeleted => "Deleted", "Supprimé";
    StatusCompleted => "Completed", "Terminée";
    StatusPending => "Pending", "En attente";
    StatusExchanged => "Exchanged", "Échangé";
    FreqMonthly => "Monthly", "Mensuelle";
    FreqAnnual => "Annual", "Annuelle";
    FreqOneTime => "One-time", "Unique";
    FreqNone => "Free", "Gratuit";
    TermOneMonth => "1 month", "1 mois";
    TermOneYear => "1 year", "1 an";
    TermThreeYears => "3 years", "3 ans";
    SoftwareSubscriptionYears => "Subscription, {years} year" | "Subscription, {years} years", "Abonnement, {years} an" | "Abonnement, {years} ans";
    SoftwarePerpetual => "Perpetual", "Perpétuel";
    SoftwareLinuxPlan => "SUSE or Red Hat plan", "Plan SUSE ou Red Hat";
    ScopeShared => "Shared", "Partagée";
    ScopeSingle => "Single", "Unique";
    ScopeSingleOf => "Single: {subscription}", "Unique\u{a0}: {subscription}";
    Trial => "Trial", "Essai";

    // Catalog (Add products).
    CatalogFor => "Add products for {customer}", "Ajouter des produits pour {customer}";
    TabOnlineServices => "Online services", "Services en ligne";
    TabSoftwareProducts => "Software", "Logiciels";
    TabAzure => "Azure", "Azure";
    FilterPublisher => "Publisher", "Éditeur";
    FilterBillingType => "Billing type", "Type de facturation";
    FilterCategory => "Category", "Catégorie";
    FilterSegment => "Segment", "Segment";
    FilterSearch => "Search products", "Rechercher des produits";
    FilterAny => "Any", "Tous";
    ClearFilters => "Clear filters", "Effacer les filtres";
    PublisherMicrosoft => "Microsoft", "Microsoft";
    PublisherPartner => "Partner", "Partenaire";
    BillingLicense => "License", "Licence";
    BillingUsage => "Usage", "Utilisation";
    CategoryEnterprise => "Enterprise", "Entreprise";
    CategorySmallBusiness => "Small business", "Petite entreprise";
    CategoryTrial => "Trial", "Essai";
    OffersCount => "{count} offer" | "{count} offers", "{count} offre" | "{count} offres";
    NoOffers => "No offer matches these filters.", "Aucune offre ne correspond à ces filtres.";
    ShowingOffers => "Showing {shown} of {count} offer" | "Showing {shown} of {count} offers", "Offres affichées\u{a0}: {shown} sur {count}" | "Offres affichées\u{a0}: {shown} sur {count}";
    ShowMoreOffers => "Show more offers", "Afficher plus d’offres";
    AddToCart => "Add to cart", "Ajouter au panier";
    AddedToCart => "{offer} was added to the cart.", "{offer} a été ajouté au panier.";
    Licenses => "Licenses", "Licences";
    CannotBuy => "This customer can’t buy this offer:", "Ce client ne peut pas acheter cette offre\u{a0}:";
    ContactPublisher => "Contact the publisher", "Contacter l’éditeur";
    PerUnitPer => "{price} per license, {billing}", "{price} par licence, {billing}";
    ReservationRate => "{price} per instance for the whole term, {term}", "{price} par instance pour tout le terme, {term}";
    UsageRate => "{price} per unit of usage, billed in arrears", "{price} par unité d’utilisation, facturé à terme échu";
    NoPriceInCurrency => "No price in {currency}", "Pas de prix en {currency}";
    ReservationOptionsLegend => "Reservation", "Réservation";
    ReservationBilling => "Billing", "Facturation";
    BillingUpfront => "Up front", "Payé d’avance";
    BillingMonthlyRes => "Monthly", "Mensuelle";
    Scope => "Scope", "Étendue";
    AzureSubscription => "Azure subscription", "Abonnement Azure";
    ChooseAzureSubscription => "Choose an Azure subscription", "Choisissez un abonnement Azure";
    Optimize => "Optimize for", "Optimiser pour";
    OptimizeFlexibility => "Instance size flexibility", "Flexibilité de la taille d’instance";
    OptimizeCapacity => "Capacity priority", "Priorité de capacité";
    QuantityNotWhole => "Licenses: enter a whole number.", "Licences\u{a0}: saisissez un nombre entier.";

    // pages: Add products rows, reservation options dialog, confirmation, badges, empty states (issue 16).
    PagesColEligibility => "Eligibility", "Admissibilité";
    PagesEligible => "Can buy", "Peut acheter";
    PagesCannotBuyShort => "Can’t buy", "Achat impossible";
    PagesReservationOptions => "Reservation options", "Options de la réservation";
    PagesChooseOptions => "Choose options…", "Choisir les options…";
    PagesOrderHeading => "Order {number}", "Commande {number}";
    PagesBillingGroup => "Billing frequency: {billing}", "Fréquence de facturation : {billing}";
    PagesOrderTotal => "Order total: {total}", "Total de la commande : {total}";
    PagesNoCustomersYet => "No customers yet: add your first customer to sell to them.", "Aucun client pour l’instant : ajoutez votre premier client pour lui vendre des produits.";
    PagesClearSearch => "Show all customers", "Afficher tous les clients";
    PagesEmptyInvoicesAction => "Choose a customer to sell to", "Choisir un client à qui vendre";
    PagesShowAllDates => "Show every date", "Afficher toutes les dates";
    PagesCreatedByOrder => "Created by this order", "Créé par cette commande";
    PagesInvoiceToCome => "The charges of this purchase will appear on the invoice for {month}.", "Les frais de cet achat figureront sur la facture de {month}.";
    PagesOpenInvoice => "Open the invoice for {month}", "Ouvrir la facture de {month}";
    // Eligibility reasons (RULES §2.4).
    WhySegment => "Offers for {offer} can’t be sold to {customer}.", "Les offres destinées aux {offer} ne peuvent pas être vendues à {customer}.";
    WhyGovernmentLocked => "This government customer holds a government subscription and can buy nothing else.", "Ce client de l’administration détient un abonnement réservé à l’administration et ne peut rien acheter d’autre.";
    WhyCustomerCountry => "This offer isn’t sold in the customer’s country ({country}).", "Cette offre n’est pas vendue dans le pays du client ({country}).";
    WhyPartnerCountry => "This offer isn’t sold in your country ({country}).", "Cette offre n’est pas vendue dans votre pays ({country}).";
    WhyLimitConcurrent => "This customer already has the maximum of {limit} subscription to this offer." | "This customer already has the maximum of {limit} subscriptions to this offer.", "Ce client a déjà le maximum de {limit} abonnement à cette offre." | "Ce client a déjà le maximum de {limit} abonnements à cette offre.";
    WhyLimitLifetime => "This offer can be bought once per customer, and this customer already did." | "This offer can be bought {limit} times per customer, and this customer already did.", "Cette offre peut être achetée {limit} fois par client, et ce client l’a déjà fait." | "Cette offre peut être achetée {limit} fois par client, et ce client l’a déjà fait.";
    WhySuspended => "This customer already has a suspended subscription to this offer: reactivate it instead.", "Ce client a déjà un abonnement suspendu à cette offre\u{a0}: réactivez-le plutôt.";
    OpenSubscription => "Open {subscription}", "Ouvrir {subscription}";
    WhyIsvCountry => "The publisher doesn’t support the customer’s billing country ({country}).", "L’éditeur ne prend pas en charge le pays de facturation du client ({country}).";
    WhyIsvNotCsp => "The publisher doesn’t offer this product through the CSP program.", "L’éditeur ne propose pas ce produit via le programme CSP.";
    WhyExclusive => "The publisher made this offer exclusive to other partners.", "L’éditeur a réservé cette offre à d’autres partenaires.";
    WhyNotTransactable => "This offer can’t be bought here: buy it in the Azure portal.", "Cette offre ne peut pas être achetée ici\u{a0}: achetez-la dans le portail Azure.";
    WhyTrialOwned => "This customer already owns the paid offer.", "Ce client possède déjà l’offre payante.";
    WhyTrialUsed => "This customer already had this trial.", "Ce client a déjà bénéficié de cet essai.";
    WhyTrialSegment => "Trials aren’t available to {segment}.", "Les essais ne sont pas proposés aux {segment}.";
    WhyReservationMarket => "Azure reservations aren’t sold in the customer’s market ({country}).", "Les réservations Azure ne sont pas vendues sur le marché du client ({country}).";
    WhyNoAzureSubscription => "The customer needs an active Azure subscription (an Azure plan) to attach a reservation to.", "Le client a besoin d’un abonnement Azure actif (un plan Azure) auquel rattacher la réservation.";
    WhyAddOn => "Add-ons are bought from the base subscription’s page.", "Les modules complémentaires s’achètent depuis la page de l’abonnement de base.";

    // Cart and Review.
    CartTitle => "Cart for {customer}", "Panier de {customer}";
    CartLink => "Cart ({count})", "Panier ({count})";
    CartEmpty => "The cart is empty.", "Le panier est vide.";
    RemoveLine => "Remove", "Supprimer";
    Review => "Review", "Vérifier";
    ReviewTitle => "Review the order for {customer}", "Vérifier la commande de {customer}";
    Buy => "Buy", "Acheter";
    BackToCart => "Back to the cart", "Retour au panier";
    ContinueShopping => "Add more products", "Ajouter d’autres produits";
    TotalFor => "Total, {billing}", "Total, {billing}";
    PricesExcludeTax => "Prices exclude tax.", "Les prix s’entendent hors taxes.";
    PricesIncludeTax => "Prices include tax.", "Les prix s’entendent toutes taxes comprises.";
    CreditLimitOk => "Credit limit: {outstanding} used of {limit}; this order: {order}.", "Limite de crédit\u{a0}: {outstanding} utilisés sur {limit}\u{a0}; cette commande\u{a0}: {order}.";
    NoCreditLimit => "No credit limit applies.", "Aucune limite de crédit ne s’applique.";
    CreditLimitExceeded => "Insufficient credit limit: {outstanding} unpaid and unbilled plus this order ({order}) exceeds {limit}.", "Limite de crédit insuffisante\u{a0}: {outstanding} impayés et non facturés plus cette commande ({order}) dépassent {limit}.";
    FixLinesToBuy => "Fix the lines marked below to buy.", "Corrigez les lignes signalées ci-dessous pour acheter.";
    LineQtyMin => "Enter at least {min} license." | "Enter at least {min} licenses.", "Saisissez au moins {min} licence." | "Saisissez au moins {min} licences.";
    LineQtyMax => "Enter at most {max} license." | "Enter at most {max} licenses.", "Saisissez au plus {max} licence." | "Saisissez au plus {max} licences.";
    LineTrialFixed => "A trial has exactly {required} license." | "A trial has exactly {required} licenses.", "Un essai comporte exactement {required} licence." | "Un essai comporte exactement {required} licences.";
    LineLimit => "Over the purchase limit of {limit}: the customer holds {held} and the cart has {in_cart}.", "Limite d’achat de {limit} dépassée\u{a0}: le client en détient {held} et le panier en contient {in_cart}.";
    LineBillingNotOffered => "This billing frequency isn’t offered; choose {allowed}.", "Cette fréquence de facturation n’est pas proposée\u{a0}; choisissez {allowed}.";
    LineTermNotOffered => "This term isn’t offered; choose {allowed}.", "Ce terme n’est pas proposé\u{a0}; choisissez {allowed}.";
    LineNoPrice => "This offer has no price in your currency for this choice.", "Cette offre n’a pas de prix dans votre devise pour ce choix.";
    LineUnknownOffer => "This offer is no longer in the catalog: remove the line.", "Cette offre ne figure plus au catalogue\u{a0}: supprimez la ligne.";
    LineReservationMissing => "Choose the reservation’s options.", "Choisissez les options de la réservation.";
    LineReservationNotApplicable => "Only reservations take reservation options.", "Seules les réservations ont des options de réservation.";
    LineCapacityNeedsSingle => "Capacity priority needs a single scope.", "La priorité de capacité nécessite une étendue unique.";
    LineSingleNeedsSubscription => "A single scope needs one of the customer’s Azure subscriptions.", "Une étendue unique nécessite l’un des abonnements Azure du client.";
    LineNotActiveAzure => "{subscription} isn’t an active Azure subscription of this customer.", "{subscription} n’est pas un abonnement Azure actif de ce client.";
    NoSuchCartLine => "This cart line no longer exists.", "Cette ligne de panier n’existe plus.";
    NoSuchCart => "This cart no longer exists.", "Ce panier n’existe plus.";
    CartIsEmpty => "Add at least one product before buying.", "Ajoutez au moins un produit avant d’acheter.";
    OrderConfirmed => "Thank you: your order is complete.", "Merci\u{a0}: votre commande est terminée.";
    OrderNumbers => "Order numbers: {numbers}", "Numéros de commande\u{a0}: {numbers}";
    ConfirmationTitle => "Order confirmation", "Confirmation de commande";
    SetupLink => "Finish set-up on the publisher’s site", "Terminer la configuration sur le site de l’éditeur";
    ActCustomerAdded => "Customer added", "Client ajouté";
    ActCustomerUpdated => "Customer updated", "Client modifié";
    ActCartLineAdded => "Added to cart", "Ajouté au panier";
    ActCartLineUpdated => "Cart line changed", "Ligne de panier modifiée";
    ActCartLineRemoved => "Removed from cart", "Retiré du panier";
    ActOrderPlaced => "Order placed", "Commande passée";

    // Form fields of the subscription, software and reservation pages.
    FieldSoftwareVersion => "Version", "Version";
    FieldSoftwareLanguage => "Language", "Langue";
    FieldSoftwareBit => "32-bit or 64-bit", "Architecture 32 ou 64 bits";
    FieldTenantOrDomain => "Tenant ID or domain name", "ID de locataire ou nom de domaine";
    FieldOrderOrSubscription => "Order or subscription ID", "ID de commande ou d’abonnement";
    FieldRefundReason => "Refund reason", "Motif du remboursement";
    FieldAmountRequested => "Amount requested", "Montant demandé";
    FieldAttachment => "Attachment", "Pièce jointe";
    FieldContactName => "Contact name", "Nom du contact";
    FieldContactEmail => "Contact e-mail", "E-mail du contact";
    FieldContactPhone => "Phone number", "Numéro de téléphone";
    FieldRequestReservations => "Reservations", "Réservations";
    FieldUtilisationPercent => "Utilization (%)", "Utilisation (%)";
    FieldReservationVmSize => "VM size", "Taille de machine virtuelle";
    FieldReservationRegion => "Region", "Région";
    FieldReservationQuantity => "Quantity", "Quantité";
    FieldReservationTerm => "Term", "Terme";
    FieldReservationTotal => "Total", "Total";

    // Field problems of those forms.
    FieldNotOffered => "{field}: this choice isn’t offered here.", "{field}\u{a0}: ce choix n’est pas proposé ici.";
    FieldInvalidTenantOrDomain => "{field}: enter a tenant ID (a GUID) or a domain name like contoso.onmicrosoft.com.", "{field}\u{a0}: saisissez un ID de locataire (un GUID) ou un nom de domaine comme contoso.onmicrosoft.com.";
    FieldUnknownReference => "{field}: this isn’t one of this customer’s orders, subscriptions or reservations.", "{field}\u{a0}: ce n’est pas une commande, un abonnement ou une réservation de ce client.";
    FieldInvalidAmount => "{field}: enter an amount like 1234.50.", "{field}\u{a0}: saisissez un montant comme 1234,50.";
    FieldTooManyDecimals => "{field}: use at most {max} decimal." | "{field}: use at most {max} decimals.", "{field}\u{a0}: {max} décimale au maximum." | "{field}\u{a0}: {max} décimales au maximum.";
    FieldWholeAmount => "{field}: enter a whole amount, without decimals.", "{field}\u{a0}: saisissez un montant entier, sans décimales.";
    FieldNotPositive => "{field}: enter an amount above zero.", "{field}\u{a0}: saisissez un montant supérieur à zéro.";
    FieldInvalidFileName => "{field}: the file name contains characters that aren’t allowed.", "{field}\u{a0}: le nom du fichier contient des caractères non autorisés.";
    FieldInvalidPhone => "{field}: enter a phone number like +1 425 555 0100.", "{field}\u{a0}: saisissez un numéro de téléphone comme +33 1 23 45 67 89.";
    FieldOutOfRange => "{field}: enter a number from {min} to {max}.", "{field}\u{a0}: saisissez un nombre entre {min} et {max}.";
    FieldNotThisCustomer => "{field}: this doesn’t match this customer’s record.", "{field}\u{a0}: cette valeur ne correspond pas à la fiche de ce client.";

    // Subscription refusals (RULES §4).
    NoSuchSubscription => "This subscription no longer exists.", "Cet abonnement n’existe plus.";
    TransitionNotAllowed => "A subscription that is {current} can’t become {requested}.", "Un abonnement à l’état «\u{a0}{current}\u{a0}» ne peut pas passer à l’état «\u{a0}{requested}\u{a0}».";
    QuantityChangeNotAllowed => "Licenses can only be changed on an active subscription; this one is {status}.", "Le nombre de licences ne se modifie que sur un abonnement actif\u{a0}; celui-ci est à l’état «\u{a0}{status}\u{a0}».";
    QuantityBetween => "Enter from {min} to {max} license." | "Enter from {min} to {max} licenses.", "Saisissez entre {min} et {max} licence." | "Saisissez entre {min} et {max} licences.";
    QuantityAtLeast => "Enter at least {min} license." | "Enter at least {min} licenses.", "Saisissez au moins {min} licence." | "Saisissez au moins {min} licences.";
    QuantityUnchanged => "The subscription already has {quantity} license." | "The subscription already has {quantity} licenses.", "L’abonnement a déjà {quantity} licence." | "L’abonnement a déjà {quantity} licences.";
    TrialQuantityFixed => "A trial keeps its {licenses} license; convert it to the paid offer to change it." | "A trial keeps its {licenses} licenses; convert it to the paid offer to change them.", "Un essai conserve son nombre de licences ({licenses})\u{a0}; convertissez-le en offre payante pour le modifier." | "Un essai conserve son nombre de licences ({licenses})\u{a0}; convertissez-le en offre payante pour le modifier.";
    RetentionOver => "Too late to reactivate: the retention period ended on {date} and the subscription’s data is deleted.", "Trop tard pour réactiver\u{a0}: la période de conservation a pris fin le {date} et les données de l’abonnement sont supprimées.";
    BaseNotActive => "The base subscription {base} is {status}; it must be active first.", "L’abonnement de base {base} est à l’état «\u{a0}{status}\u{a0}»\u{a0}; il doit d’abord être actif.";
    BaseIsAddOn => "{base} is an add-on: add-ons attach to a base subscription.", "{base} est un module complémentaire\u{a0}: les modules complémentaires se rattachent à un abonnement de base.";
    AddOnsNotForModel => "Add-ons can’t be bought under the {model} model.", "Les modules complémentaires ne peuvent pas être achetés avec le modèle {model}.";
    AutoRenewNotChangeable => "Auto-renew can only be changed on commercial marketplace subscriptions.", "Le renouvellement automatique ne se modifie que sur les abonnements de la place de marché commerciale.";
    SubscriptionClosed => "This subscription is {status}: it can no longer be changed.", "Cet abonnement est à l’état «\u{a0}{status}\u{a0}»\u{a0}: il ne peut plus être modifié.";
    CancellationAlreadyScheduled => "Cancellation is already scheduled for {date}.", "L’annulation est déjà planifiée pour le {date}.";
    NotAConvertibleTrial => "Only an active Microsoft trial with a paid offer in the catalog can be converted.", "Seul un essai Microsoft actif dont l’offre payante figure au catalogue peut être converti.";
    TrialEnded => "The trial ended on {date}.", "L’essai a pris fin le {date}.";
    BillingFrequencyNotAllowed => "Billing “{billing}” isn’t possible here: choose monthly or annual.", "La facturation «\u{a0}{billing}\u{a0}» n’est pas possible ici\u{a0}: choisissez mensuelle ou annuelle.";
    NotAnAddOn => "This offer isn’t an add-on: buy it from the catalog.", "Cette offre n’est pas un module complémentaire\u{a0}: achetez-la depuis le catalogue.";
    AddOnNotForBase => "This add-on can’t be added to this subscription’s product.", "Ce module complémentaire ne peut pas être ajouté au produit de cet abonnement.";
    NoPriceForBilling => "This offer has no {billing} price in your currency.", "Cette offre n’a pas de prix en facturation {billing} dans votre devise.";

    // Software refusals (RULES §5).
    NoSuchSoftwarePurchase => "The software purchase {purchase} no longer exists.", "L’achat de logiciel {purchase} n’existe plus.";
    SoftwarePurchaseCancelledOn => "This software purchase was cancelled on {date}: its keys and download links are revoked.", "Cet achat de logiciel a été annulé le {date}\u{a0}: ses clés et liens de téléchargement sont révoqués.";
    SoftwarePurchaseCancelled => "This software purchase was cancelled: its keys and download links are revoked.", "Cet achat de logiciel a été annulé\u{a0}: ses clés et liens de téléchargement sont révoqués.";
    NoKeysForProduct => "This product has no keys or downloads: SUSE and Red Hat plans are used in Azure.", "Ce produit n’a ni clés ni téléchargements\u{a0}: les plans SUSE et Red Hat s’utilisent dans Azure.";
    NoSuchDownloadLink => "This download link no longer exists.", "Ce lien de téléchargement n’existe plus.";
    DownloadLinkExpiredTime => "This download link expired on {date}. Select Get keys and downloads for a new one.", "Ce lien de téléchargement a expiré le {date}. Sélectionnez Obtenir les clés et les téléchargements pour en obtenir un nouveau.";
    DownloadLinkUsedUp => "This download link reached its maximum number of downloads on {date}. Select Get keys and downloads for a new one.", "Ce lien de téléchargement a atteint son nombre maximal de téléchargements le {date}. Sélectionnez Obtenir les clés et les téléchargements pour en obtenir un nouveau.";
    DownloadLinkRevoked => "This download link was revoked on {date}, when the purchase was cancelled.", "Ce lien de téléchargement a été révoqué le {date}, lors de l’annulation de l’achat.";
    SoftwareNeverCancellable => "SUSE and Red Hat software plans can’t be cancelled or exchanged.", "Les plans logiciels SUSE et Red Hat ne peuvent être ni annulés ni échangés.";
    SoftwareCancelWindowClosed => "The cancellation window closed on {date}. File a support request to ask for a refund.", "La période d’annulation a pris fin le {date}. Créez une demande de support pour demander un remboursement.";
    OrderDoesNotHoldPurchase => "Order {order} doesn’t contain this purchase: choose order {held_by}.", "La commande {order} ne contient pas cet achat\u{a0}: choisissez la commande {held_by}.";
    CancellationNotAcknowledged => "Confirm that you have read the important note before cancelling.", "Confirmez avoir lu la remarque importante avant d’annuler.";

    // Reservation refusals (RULES §6).
    NoSuchReservation => "The reservation {reservation} no longer exists.", "La réservation {reservation} n’existe plus.";
    ReservationNotActive => "The reservation {reservation} is {status}: only active reservations can be changed.", "La réservation {reservation} est à l’état «\u{a0}{status}\u{a0}»\u{a0}: seules les réservations actives peuvent être modifiées.";
    ReservationsOfDifferentCustomers => "Choose reservations of one customer only.", "Choisissez les réservations d’un seul client.";
    UtilisationInFuture => "Utilization can’t be recorded for {date}: that day hasn’t come yet.", "L’utilisation ne peut pas être enregistrée pour le {date}\u{a0}: ce jour n’est pas encore arrivé.";
    UtilisationOutsideTerm => "{date} is outside the reservation’s term ({from} to {to}).", "Le {date} est en dehors du terme de la réservation (du {from} au {to}).";
    NotACustomerAzureSubscription => "{subscription} isn’t one of this customer’s active Azure subscriptions.", "{subscription} n’est pas l’un des abonnements Azure actifs de ce client.";
    CapacityPriorityNeedsSingleScope => "Capacity priority needs a single scope.", "La priorité de capacité nécessite une étendue unique.";
    ReservationUnchanged => "This is already the reservation’s scope and optimization.", "Ce sont déjà l’étendue et l’optimisation de la réservation.";
    RefundCapExceeded => "This refund ({requested}) is over the customer’s refund limit: {left} is left of {cap} per 12 months.", "Ce remboursement ({requested}) dépasse le plafond de remboursement du client\u{a0}: il reste {left} sur {cap} par période de 12 mois.";
    RefundCapFitsOn => "It fits within the limit from {date}.", "Il entrera dans le plafond à partir du {date}.";
    RefundCapNeverFits => "It is more than the whole limit, so it can never be refunded here.", "Il dépasse le plafond entier et ne pourra donc jamais être remboursé ici.";
    NoExchangeRate => "There is no fixed exchange rate for {currency}, so the refund limit can’t be checked.", "Il n’existe pas de taux de change fixe pour {currency}\u{a0}: le plafond de remboursement ne peut pas être vérifié.";
    MixedCurrencies => "Choose reservations billed in one currency ({expected} and {found} were chosen).", "Choisissez des réservations facturées dans une seule devise ({expected} et {found} ont été choisies).";
    ExchangeOnlyVmReturned => "{reservation} is a {kind} reservation: only virtual machine reservations can be exchanged.", "{reservation} est une réservation de type {kind}\u{a0}: seules les réservations de machines virtuelles peuvent être échangées.";
    ExchangeOnlyVmNew => "The new reservation is for {kind}: exchanges are for virtual machines only.", "La nouvelle réservation porte sur le type {kind}\u{a0}: les échanges ne concernent que les machines virtuelles.";
    ExchangeShortfall => "The new reservation ({new_total}) must be worth at least the returned value ({returned}): add {short_by}.", "La nouvelle réservation ({new_total}) doit valoir au moins le montant retourné ({returned})\u{a0}: ajoutez {short_by}.";
    ReservationsUnavailableInMarket => "Azure reservations aren’t sold in {country}.", "Les réservations Azure ne sont pas vendues dans ce pays\u{a0}: {country}.";
    NoActiveAzurePlan => "The customer needs an active Azure plan subscription to attach a reservation to.", "Le client a besoin d’un abonnement au plan Azure actif auquel rattacher la réservation.";
    KindVirtualMachine => "virtual machine", "machine virtuelle";
    KindSqlDatabase => "SQL Database", "SQL Database";
    KindCosmosDb => "Azure Cosmos DB", "Azure Cosmos DB";

    // Activity log actions of the subscription, software and reservation pages.
    ActSubscriptionSuspended => "Subscription suspended", "Abonnement suspendu";
    ActSubscriptionReactivated => "Subscription reactivated", "Abonnement réactivé";
    ActSubscriptionQuantityChanged => "Licenses changed", "Nombre de licences modifié";
    ActAutoRenewChanged => "Auto-renew changed", "Renouvellement automatique modifié";
    ActSubscriptionCancelled => "Subscription cancelled", "Abonnement annulé";
    ActCancellationScheduled => "Cancellation scheduled", "Annulation planifiée";
    ActTrialConverted => "Trial converted", "Essai converti";
    ActAddOnAdded => "Add-on added", "Module complémentaire ajouté";
    ActSoftwareLinkIssued => "Keys and downloads requested", "Clés et téléchargements obtenus";
    ActSoftwareKeyAccessed => "Product key viewed", "Clé de produit consultée";
    ActSoftwareDownloaded => "Software downloaded", "Logiciel téléchargé";
    ActSoftwareLinkCopied => "Download link copied", "Lien de téléchargement copié";
    ActSoftwarePurchaseCancelled => "Software purchase cancelled", "Achat de logiciel annulé";
    ActSupportRequestFiled => "Support request created", "Demande de support créée";
    ActReservationUtilisationRecorded => "Reservation utilization recorded", "Utilisation de la réservation enregistrée";
    ActReservationConfigured => "Reservation scope changed", "Étendue de la réservation modifiée";
    ActReservationRefunded => "Reservation refunded", "Réservation remboursée";
    ActReservationExchanged => "Reservation exchanged", "Réservation échangée";

    // Settings → Policy (the policy editor and in-app rule book, RULES §1.2; issue 15 §3).
    PolicyTitle => "Policy", "Règles de gestion";
    PolicyLink => "Policy: every value the rules use, and what it drives", "Règles de gestion : chaque valeur utilisée par les règles, et ce qu’elle régit";
    PolicyIntro => "Every number the rules use, with its default and the rule it drives. A change applies from the simulated date on, to every later decision, and is written to the activity log.", "Chaque nombre utilisé par les règles, avec sa valeur par défaut et la règle qu’il régit. Une modification s’applique à partir de la date simulée, à toutes les décisions suivantes, et est inscrite au journal d’activité.";
    PolicyReadOnly => "You can read these values. Only these roles may change them: {roles}.", "Vous pouvez consulter ces valeurs. Seuls ces rôles peuvent les modifier : {roles}.";
    PolicyDefault => "Default: {value}", "Par défaut : {value}";
    PolicyInForce => "In force: {value}", "En vigueur : {value}";
    PolicyChanged => "changed", "modifiée";
    PolicySaved => "Policy saved. It applies from {date} on.", "Règles enregistrées. Elles s’appliquent à partir du {date}.";
    PolicyNothingChanged => "No value changed: nothing was saved.", "Aucune valeur n’a changé : rien n’a été enregistré.";
    PolicyReset => "Reset to defaults", "Rétablir les valeurs par défaut";
    PolicyResetConfirm => "Put every value back to its default? This applies from the simulated date on and is written to the activity log.", "Remettre chaque valeur à sa valeur par défaut ? Cela s’applique à partir de la date simulée et est inscrit au journal d’activité.";
    PolicyResetYes => "Yes, reset to defaults", "Oui, rétablir les valeurs par défaut";
    PolicyResetDone => "Every value is back to its default.", "Toutes les valeurs sont revenues à leur valeur par défaut.";
    PolicyNone => "none", "aucun";
    PolicyCodesCount => "{count} countries", "{count} pays";
    PolicyCountriesHint => "ISO country codes (for example AU, BR), separated by commas.", "Codes pays ISO (par exemple AU, BR), séparés par des virgules.";
    PolicyDay => "{n} day" | "{n} days", "{n} jour" | "{n} jours";
    PolicyHour => "{n} hour" | "{n} hours", "{n} heure" | "{n} heures";
    PolicyMonth => "{n} month" | "{n} months", "{n} mois" | "{n} mois";
    PolicyLicense => "{n} license" | "{n} licenses", "{n} licence" | "{n} licences";
    PolicyDownload => "{n} download" | "{n} downloads", "{n} téléchargement" | "{n} téléchargements";
    PolicyPercentValue => "{n}%", "{n} %";
    PolicyRateValue => "{n} USD for 1 {currency}", "{n} USD pour 1 {currency}";
    PolicyUnitDays => "days", "jours";
    PolicyUnitHours => "hours", "heures";
    PolicyUnitMonths => "months", "mois";
    PolicyUnitLicenses => "licenses", "licences";
    PolicyUnitDownloads => "downloads", "téléchargements";
    PolicyUnitPercent => "%", "%";
    PolicyUnitUsd => "USD", "USD";
    PolicyUnitRate => "USD for 1 {currency}", "USD pour 1 {currency}";
    PolicySecCatalog => "§2.2 Catalog", "§2.2 Catalogue";
    PolicySecTax => "§3 Tax", "§3 Taxes";
    PolicySecTerms => "§4.2 Terms and renewal", "§4.2 Durée et renouvellement";
    PolicySecSuspension => "§4.3 Suspension", "§4.3 Suspension";
    PolicySecTrials => "§4.5 Trials", "§4.5 Essais";
    PolicySecIsv => "§4.6 ISV SaaS cancellation", "§4.6 Annulation des SaaS ISV";
    PolicySecSoftware => "§5 Software", "§5 Logiciels";
    PolicySecMarkets => "§6.1 Reservation markets", "§6.1 Marchés des réservations";
    PolicySecRefunds => "§6.3 Reservation refunds", "§6.3 Remboursement des réservations";
    PolicySmallBusinessMax => "Small-business license ceiling", "Plafond de licences des offres petites entreprises";
    PolicySmallBusinessMaxRule => "Small-business offers sell fewer licenses than this on one line.", "Les offres petites entreprises se vendent par moins de licences que ce nombre sur une ligne.";
    PolicyTaxCountries => "Countries whose prices include tax", "Pays dont les prix incluent les taxes";
    PolicyTaxCountriesRule => "Prices for customers billed in these countries include tax, and Review says so.", "Les prix des clients facturés dans ces pays incluent les taxes, et la page Vérifier l’indique.";
    PolicyTermMonths => "Term of a paid subscription", "Durée d’un abonnement payant";
    PolicyTermMonthsRule => "A paid license subscription runs this long, then renews unless auto-renew is off.", "Un abonnement payant par licence dure ce temps, puis se renouvelle sauf si le renouvellement automatique est désactivé.";
    PolicyRetentionBase => "Retention after suspension (base)", "Conservation après suspension (base)";
    PolicyRetentionBaseRule => "A suspended subscription’s data is kept this long, plus the days from the account’s opening to its first billing period.", "Les données d’un abonnement suspendu sont conservées ce temps, plus les jours entre l’ouverture du compte et sa première période de facturation.";
    PolicyRetentionCap => "Retention after suspension (maximum)", "Conservation après suspension (maximum)";
    PolicyRetentionCapRule => "… but never longer than this; then the data is deleted unless reactivated.", "… mais jamais plus longtemps ; les données sont ensuite supprimées, sauf réactivation.";
    PolicySuspensionCredit => "Full credit on suspension", "Crédit total à la suspension";
    PolicySuspensionCreditRule => "Suspending within this time of the term’s start credits the whole first cycle; later, the unused days.", "Une suspension dans ce délai après le début du terme crédite tout le premier cycle ; plus tard, les jours non utilisés.";
    PolicyTrialDays => "Trial length", "Durée d’un essai";
    PolicyTrialDaysRule => "A Microsoft trial lasts this long, then expires unless converted.", "Un essai Microsoft dure ce temps, puis expire s’il n’est pas converti.";
    PolicyTrialLicenses => "Trial size", "Taille d’un essai";
    PolicyTrialLicensesRule => "A Microsoft trial carries this many licenses, which cannot be changed.", "Un essai Microsoft comporte ce nombre de licences, non modifiable.";
    PolicyTrialSegments => "Segments without trials", "Segments sans essai";
    PolicyTrialSegmentsRule => "Customers of these segments cannot take Microsoft trials.", "Les clients de ces segments ne peuvent pas prendre d’essai Microsoft.";
    PolicyIsvMonthly => "ISV SaaS, monthly billing: full-credit window", "SaaS ISV, facturation mensuelle : délai de crédit total";
    PolicyIsvMonthlyRule => "Cancelling within this time of the order gives a full credit; later, the cancellation is scheduled for the renewal date.", "Une annulation dans ce délai après la commande donne un crédit total ; plus tard, elle est planifiée à la date de renouvellement.";
    PolicyIsvAnnual => "ISV SaaS, annual billing: full-credit window", "SaaS ISV, facturation annuelle : délai de crédit total";
    PolicyIsvAnnualRule => "The same for annual billing.", "Idem pour la facturation annuelle.";
    PolicySoftwareCancel => "Software cancellation window", "Délai d’annulation des logiciels";
    PolicySoftwareCancelRule => "A software purchase can be cancelled within this time of the order; after that, only through a support request.", "Un achat de logiciel peut être annulé dans ce délai après la commande ; ensuite, seulement par une demande de support.";
    PolicyPerpetualCredit => "Credit for cancelled perpetual software", "Crédit pour un logiciel perpétuel annulé";
    PolicyPerpetualCreditRule => "Share of the price credited when a perpetual license is cancelled (software subscriptions are prorated).", "Part du prix créditée à l’annulation d’une licence perpétuelle (les abonnements logiciels sont calculés au prorata).";
    PolicyLinkDays => "Download link lifetime", "Durée de vie d’un lien de téléchargement";
    PolicyLinkDaysRule => "A download link works this long after it is issued…", "Un lien de téléchargement fonctionne ce temps après son émission…";
    PolicyLinkDownloads => "Downloads per link", "Téléchargements par lien";
    PolicyLinkDownloadsRule => "… or for this many downloads, whichever comes first.", "… ou pour ce nombre de téléchargements, selon la première limite atteinte.";
    PolicyMarkets => "Markets without reservations", "Marchés sans réservations";
    PolicyMarketsRule => "Azure reservations are not sold to customers billed in these countries.", "Les réservations Azure ne sont pas vendues aux clients facturés dans ces pays.";
    PolicyRefundDays => "Reservation refund without fee", "Remboursement de réservation sans frais";
    PolicyRefundDaysRule => "Cancelling a reservation within this time of purchase costs no fee and, without usage, refunds all that was paid.", "Annuler une réservation dans ce délai après l’achat est sans frais et, sans utilisation, rembourse tout ce qui a été payé.";
    PolicyFee => "Early termination fee", "Frais de résiliation anticipée";
    PolicyFeeRule => "Withheld from the prorated refund of a reservation cancelled later.", "Retenus sur le remboursement au prorata d’une réservation annulée plus tard.";
    PolicyCap => "Refund limit per customer", "Limite de remboursement par client";
    PolicyCapRule => "One customer’s refunds and cancelled future payments may not exceed this within the rolling window.", "Les remboursements et paiements futurs annulés d’un client ne peuvent dépasser ce montant sur la période glissante.";
    PolicyCapWindow => "Refund limit window", "Période de la limite de remboursement";
    PolicyCapWindowRule => "Each refund counts toward the limit this long, then frees up.", "Chaque remboursement compte dans la limite pendant ce temps, puis se libère.";
    PolicyRate => "Exchange rate: {currency}", "Taux de change : {currency}";
    PolicyRateRule => "Converts refunds in {currency} to USD to count them toward the limit.", "Convertit en USD les remboursements en {currency} pour les compter dans la limite.";
    PolicyBelowRefundsMade => "{field}: refunds already made would exceed the refund limit with this value.", "{field} : les remboursements déjà effectués dépasseraient la limite avec cette valeur.";
    ActPolicyChanged => "Policy changed", "Règles de gestion modifiées";
    ActPolicyReset => "Policy reset to defaults", "Règles de gestion rétablies par défaut";

    // Quotes for any day (issue 15 §4).
    QuoteIfCancelledOn => "If cancelled on", "En cas d’annulation le";
    QuoteCreditOnDay => "If cancelled on {date}: credit {amount}, early termination fee {fee}.", "En cas d’annulation le {date} : crédit de {amount}, frais de résiliation anticipée de {fee}.";
    QuoteSwRuleWithin => "Day {day} of the {window}-day cancellation window, which closes on {date}: no early termination fee.", "Jour {day} du délai d’annulation de {window} jours, qui se termine le {date} : sans frais de résiliation anticipée.";
    QuoteSwRuleClosed => "The cancellation window closed on {date}: no credit here; only a support request can ask for a refund.", "Le délai d’annulation s’est terminé le {date} : aucun crédit ici ; seule une demande de support peut demander un remboursement.";
    QuoteDayOutside => "Choose a day from {from} to {to}.", "Choisissez un jour du {from} au {to}.";
    QuoteNothingOnDay => "Nothing can be quoted for that day.", "Aucun devis n’est possible pour ce jour.";
    QuoteChartLabel => "Credit by cancellation day, from {from} to {to}; today ({today}) and the chosen day ({day}) are marked.", "Crédit selon le jour d’annulation, du {from} au {to} ; aujourd’hui ({today}) et le jour choisi ({day}) sont repérés.";
    QuoteLegendToday => "Today", "Aujourd’hui";
    QuoteLegendChosen => "Chosen day", "Jour choisi";
    QuoteFullCreditDays => "Cancellable with a full credit of {amount} for {count} more days (until {date}).", "Annulable avec un crédit complet de {amount} pendant encore {count} jours (jusqu’au {date}).";
    // quotes: refusals and notices that say when they change (issue 15 §4).
    QuotesCapFrees => "The refund limit frees {amount} on {date}.", "Le plafond de remboursement libère {amount} le {date}.";
    QuotesCapFitsThen => "That is enough for this refund.", "C’est assez pour ce remboursement.";
    QuotesCapNextRelease => "Frees up next", "Prochaine libération";
    QuotesCapReleaseValue => "{amount} on {date}", "{amount} le {date}";
    QuotesDateDaysLeft => "{date} ({count} day left)" | "{date} ({count} days left)", "{date} (encore {count} jour)" | "{date} (encore {count} jours)";
    // Not found.
    NotFoundTitle => "Page not found", "Page introuvable";
    NotFoundBody => "There is no page at this address.", "Il n’y a pas de page à cette adresse.";
    BackToCustomers => "Back to Customers", "Retour aux clients";
}
