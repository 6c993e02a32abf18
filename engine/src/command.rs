//! Commands (what a user asks) and events (what happened). Events are the audit trail's source;
//! applying them with [`crate::evolve`] is the only way state changes.

use crate::audit::AuditEntry;
use crate::cart::{CartLine, LineId, LineInput};
use crate::checkout::Purchase;
use crate::customers::{Customer, CustomerForm};
use crate::ids::{CartId, CustomerId, UserId};
use crate::partner::{CspModel, PartnerUser};
use crate::roles::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// Move the simulated clock forward to `to`, running every due event on the way.
    AdvanceClock {
        to: DateTime<Utc>,
    },
    UpdatePartnerProfile {
        name: String,
        country: String,
        model: CspModel,
    },
    AddUser {
        name: String,
        email: String,
        roles: Vec<Role>,
    },
    UpdateUser {
        user: UserId,
        name: String,
        email: String,
        roles: Vec<Role>,
    },
    RemoveUser {
        user: UserId,
    },
    /// Replace everything with the demo data (the simulated clock is kept: it never goes back).
    ResetDemoData,
    AddCustomer(CustomerForm),
    EditCustomer {
        customer: CustomerId,
        form: CustomerForm,
    },
    /// Add a line to the customer's cart (creating the cart). Refused only for an unknown or
    /// ineligible offer; an invalid quantity is kept and flagged.
    AddToCart {
        customer: CustomerId,
        line: LineInput,
    },
    /// Change a line's quantity, billing, term or reservation options (its offer stays).
    UpdateCartLine {
        customer: CustomerId,
        line: LineId,
        input: LineInput,
    },
    RemoveCartLine {
        customer: CustomerId,
        line: LineId,
    },
    /// Buy: one order per billing group. Idempotent per cart.
    Checkout {
        customer: CustomerId,
        cart: CartId,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Event {
    ClockAdvanced { to: DateTime<Utc> },
    PartnerProfileUpdated { name: String, country: String, model: CspModel },
    UserAdded(PartnerUser),
    UserUpdated(PartnerUser),
    UserRemoved { user: UserId },
    DemoDataReset,
    Audited(AuditEntry),
    CustomerAdded(Customer),
    CustomerUpdated(Customer),
    CartLineAdded { customer: CustomerId, cart: CartId, line: CartLine },
    CartLineUpdated { customer: CustomerId, line: CartLine },
    CartLineRemoved { customer: CustomerId, line: LineId },
    CheckedOut(Box<Purchase>),
}
