pub mod chart;
pub mod choices;
pub mod country_select;
pub mod dialog;
pub mod errors;
pub mod export;
pub mod shell;
pub mod table;
