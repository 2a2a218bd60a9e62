//! Journeys through the desk on a real temporary database, as a paralegal
//! walks them: one file per step of the IPP process.

mod complaints;
mod counter_notices;
mod documents;
mod exports;
mod packets;
mod registration;
mod rights;
mod team_import;
