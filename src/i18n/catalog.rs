//! Every user-visible string, English then French. Vocabulary follows the Partner Center pages
//! (`shared/seeds/`): English from `english/`, French from `original/`.

use super::Locale;

macro_rules! catalog {
    ($($key:ident => $en:literal, $fr:literal;)*) => {
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            pub fn text(self, locale: Locale) -> &'static str {
                match self {
                    $(Key::$key => match locale { Locale::En => $en, Locale::Fr => $fr }),*
                }
            }
        }
    };
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
    InvalidDateInput => "Enter a date as YYYY-MM-DD.", "Saisissez une date au format AAAA-MM-JJ.";
    Dismiss => "Dismiss", "Fermer";
    Loading => "Loading…", "Chargement…";

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

    // Storage notices.
    StorageUnavailable => "This browser blocks local storage here, so your work is kept in memory only and will be lost when this page closes.",
        "Ce navigateur bloque le stockage local ici : votre travail est conservé en mémoire uniquement et sera perdu à la fermeture de la page.";
    StorageUnreadable => "Saved data could not be read ({reason}). It was kept untouched under the storage key “{key}” and the app started with demo data.",
        "Les données enregistrées n’ont pas pu être lues ({reason}). Elles ont été conservées intactes sous la clé de stockage « {key} » et l’application a démarré avec les données de démonstration.";
    SaveFailed => "Your last change could not be saved ({reason}). It stays in this page until it closes.",
        "Votre dernière modification n’a pas pu être enregistrée ({reason}). Elle reste dans cette page jusqu’à sa fermeture.";

    // Customers page (shell part).
    CustomersTitle => "Customers", "Clients";

    // Billing page (shell part).
    BillingTitle => "Billing", "Facturation";
    NoInvoicesYet => "No invoices yet: invoices appear here once purchases are billed.", "Aucune facture pour l’instant : les factures apparaissent ici dès que des achats sont facturés.";

    // Permission refusals.
    NotPermitted => "Your roles do not allow this. Roles that may: {roles}.", "Vos rôles ne le permettent pas. Rôles autorisés : {roles}.";
    PageNotPermitted => "You can’t open this page with your roles. Roles that may: {roles}.", "Vos rôles ne permettent pas d’ouvrir cette page. Rôles autorisés : {roles}.";
    UnknownUser => "The signed-in user no longer exists. Choose another user.", "L’utilisateur connecté n’existe plus. Choisissez un autre utilisateur.";

    // Validation.
    FieldRequired => "{field}: this field is required.", "{field} : ce champ est obligatoire.";
    FieldTooLong => "{field}: use at most {max} characters.", "{field} : {max} caractères au maximum.";
    FieldInvalidEmail => "{field}: enter an address like name@example.com.", "{field} : saisissez une adresse comme nom@exemple.com.";
    FieldUnknownCountry => "{field}: choose a country from the list.", "{field} : choisissez un pays dans la liste.";
    FieldTaken => "{field}: this value is already used.", "{field} : cette valeur est déjà utilisée.";
    ClockWouldGoBack => "The simulated date only moves forward; it is now {date}.", "La date simulée ne fait qu’avancer ; elle est actuellement le {date}.";
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
    Save => "Save", "Enregistrer";
    Saved => "Saved.", "Enregistré.";
    Cancel => "Cancel", "Annuler";
    PartnerUsers => "Partner users", "Utilisateurs du partenaire";
    AddUser => "Add user", "Ajouter un utilisateur";
    EditUser => "Edit user", "Modifier l’utilisateur";
    Edit => "Edit", "Modifier";
    Remove => "Remove", "Supprimer";
    ConfirmRemoveUser => "Remove {name}? They will no longer be able to sign in.", "Supprimer {name} ? Cet utilisateur ne pourra plus se connecter.";
    UserRemoved => "{name} was removed.", "{name} a été supprimé.";
    UserSaved => "{name} was saved.", "{name} a été enregistré.";
    DemoData => "Demo data", "Données de démonstration";
    ResetDemoData => "Reset demo data", "Réinitialiser les données de démonstration";
    ResetDemoExplain => "Replaces the partner, users, customers and purchases with the demo data. The activity log and the simulated date are kept.",
        "Remplace le partenaire, les utilisateurs, les clients et les achats par les données de démonstration. Le journal d’activité et la date simulée sont conservés.";
    ConfirmReset => "Yes, reset", "Oui, réinitialiser";
    ResetDone => "Demo data restored.", "Données de démonstration restaurées.";
    ReadOnlyForYou => "You can view this section; changing it needs one of these roles: {roles}.", "Vous pouvez consulter cette section ; la modifier nécessite l’un de ces rôles : {roles}.";

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
    EntriesCount => "{count} entries", "{count} entrées";
    ActClockAdvanced => "Simulated date moved", "Date simulée avancée";
    ActPartnerProfileUpdated => "Partner profile updated", "Profil du partenaire mis à jour";
    ActUserAdded => "User added", "Utilisateur ajouté";
    ActUserUpdated => "User updated", "Utilisateur modifié";
    ActUserRemoved => "User removed", "Utilisateur supprimé";
    ActDemoDataReset => "Demo data reset", "Données de démonstration réinitialisées";

    // Not found.
    NotFoundTitle => "Page not found", "Page introuvable";
    NotFoundBody => "There is no page at this address.", "Il n’y a pas de page à cette adresse.";
    BackToCustomers => "Back to Customers", "Retour aux clients";
}
