//! Tests of RULES §6, one file per area, table-driven.

mod cap;
mod config_usage;
mod exchange;
mod ledger;
mod props;
mod quote;
mod requests;
