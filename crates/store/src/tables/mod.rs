//! One module per table. Reads take any `Db` (the store or a transaction);
//! writes take a `Tx` and append their audit row in it.

pub mod accounts;
pub mod agents;
pub mod audit;
pub mod complaints;
pub mod counter_notices;
pub mod deadlines;
pub mod documents;
pub mod enforcement;
pub mod holders;
pub mod listings;
pub mod people;
pub mod poas;
pub mod registrations;
pub mod rights;
pub mod rules;
pub mod search;
pub mod sellers;
pub mod status_changes;
pub mod test_purchases;

pub use crate::open::Db;
