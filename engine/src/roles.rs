//! Partner roles and the permission table of RULES §1.2. The engine checks it on every command; the UI
//! only uses it to explain, never as the gate.

use serde::{Deserialize, Serialize};

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    AdminAgent,
    SalesAgent,
    HelpdeskAgent,
    BillingAdmin,
    GlobalAdmin,
    UserManagementAdmin,
    AccountAdmin,
    ReferralAdmin,
    MarketingContentAdmin,
}

impl Role {
    pub const ALL: [Role; 9] = [
        Role::AdminAgent,
        Role::SalesAgent,
        Role::HelpdeskAgent,
        Role::BillingAdmin,
        Role::GlobalAdmin,
        Role::UserManagementAdmin,
        Role::AccountAdmin,
        Role::ReferralAdmin,
        Role::MarketingContentAdmin,
    ];
}

/// What a command needs. One row of RULES §1.2 each.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Permission {
    ViewCustomers,
    EditCustomers,
    ManageSubscriptions,
    ConvertTrials,
    OpenSoftware,
    SoftwareKeysAndCancel,
    ViewSoftwareActivity,
    ManageReservations,
    ViewBilling,
    ViewActivityLog,
    ManageUsers,
    EditPartnerSettings,
}

impl Permission {
    pub const ALL: [Permission; 12] = [
        Permission::ViewCustomers,
        Permission::EditCustomers,
        Permission::ManageSubscriptions,
        Permission::ConvertTrials,
        Permission::OpenSoftware,
        Permission::SoftwareKeysAndCancel,
        Permission::ViewSoftwareActivity,
        Permission::ManageReservations,
        Permission::ViewBilling,
        Permission::ViewActivityLog,
        Permission::ManageUsers,
        Permission::EditPartnerSettings,
    ];

    /// The roles that hold this permission, in the order of [`Role::ALL`].
    pub const fn allowed_roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            Permission::ViewCustomers => {
                &[AdminAgent, SalesAgent, HelpdeskAgent, BillingAdmin, GlobalAdmin, UserManagementAdmin]
            }
            Permission::EditCustomers => &[AdminAgent, SalesAgent, GlobalAdmin, UserManagementAdmin],
            Permission::ManageSubscriptions => &[AdminAgent, SalesAgent, HelpdeskAgent, BillingAdmin, GlobalAdmin],
            Permission::ConvertTrials => &[AdminAgent, SalesAgent, GlobalAdmin],
            Permission::OpenSoftware => &[AdminAgent, GlobalAdmin],
            Permission::SoftwareKeysAndCancel => &[AdminAgent],
            Permission::ViewSoftwareActivity => &[GlobalAdmin, AccountAdmin, ReferralAdmin, MarketingContentAdmin],
            Permission::ManageReservations => {
                &[AdminAgent, SalesAgent, HelpdeskAgent, GlobalAdmin, UserManagementAdmin]
            }
            Permission::ViewBilling => &[AdminAgent, BillingAdmin, GlobalAdmin],
            Permission::ViewActivityLog => {
                &[AdminAgent, SalesAgent, HelpdeskAgent, BillingAdmin, GlobalAdmin, UserManagementAdmin]
            }
            Permission::ManageUsers => &[GlobalAdmin, UserManagementAdmin, AccountAdmin],
            Permission::EditPartnerSettings => &[GlobalAdmin],
        }
    }

    /// Does any of these roles hold the permission?
    pub fn granted_to(self, roles: &[Role]) -> bool {
        roles.iter().any(|r| self.allowed_roles().contains(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission as P;

    /// The full role × permission matrix of RULES §1.2, written out row by row from the table
    /// (columns in the order of `Role::ALL`: AA SA HA BA GA UMA AcA RA MCA).
    #[test]
    fn role_permission_matrix() {
        let table: &[(Permission, [u8; 9])] = &[
            (P::ViewCustomers, [1, 1, 1, 1, 1, 1, 0, 0, 0]),
            (P::EditCustomers, [1, 1, 0, 0, 1, 1, 0, 0, 0]),
            (P::ManageSubscriptions, [1, 1, 1, 1, 1, 0, 0, 0, 0]),
            (P::ConvertTrials, [1, 1, 0, 0, 1, 0, 0, 0, 0]),
            (P::OpenSoftware, [1, 0, 0, 0, 1, 0, 0, 0, 0]),
            (P::SoftwareKeysAndCancel, [1, 0, 0, 0, 0, 0, 0, 0, 0]),
            (P::ViewSoftwareActivity, [0, 0, 0, 0, 1, 0, 1, 1, 1]),
            (P::ManageReservations, [1, 1, 1, 0, 1, 1, 0, 0, 0]),
            (P::ViewBilling, [1, 0, 0, 1, 1, 0, 0, 0, 0]),
            (P::ViewActivityLog, [1, 1, 1, 1, 1, 1, 0, 0, 0]),
            (P::ManageUsers, [0, 0, 0, 0, 1, 1, 1, 0, 0]),
            (P::EditPartnerSettings, [0, 0, 0, 0, 1, 0, 0, 0, 0]),
        ];
        assert_eq!(table.len(), Permission::ALL.len(), "every permission has a row");
        for (permission, row) in table {
            for (role, &allowed) in Role::ALL.iter().zip(row.iter()) {
                assert_eq!(permission.granted_to(&[*role]), allowed == 1, "{permission:?} for {role:?}");
            }
        }
    }

    #[test]
    fn any_role_of_a_user_suffices() {
        assert!(P::SoftwareKeysAndCancel.granted_to(&[Role::SalesAgent, Role::AdminAgent]));
        assert!(!P::SoftwareKeysAndCancel.granted_to(&[Role::SalesAgent, Role::GlobalAdmin]));
        assert!(!P::ViewCustomers.granted_to(&[]));
    }
}
