//! IPP Desk's domain: the entities of IPP steps 1 to 4 and the rules about
//! them. Pure: no IO, no SQLite, no Tauri. Everything here is plain data plus
//! functions that can only fail by returning an error.

pub mod account;
pub mod agent;
pub mod batch;
pub mod calendar;
pub mod complaint;
pub mod counter_notice;
pub mod deadline;
pub mod document;
pub mod enforcement;
pub mod holder;
pub mod ids;
pub mod listing;
pub mod listing_url;
pub mod platform;
pub mod right;
pub mod seller;
pub mod task;
pub mod validation;

pub use account::*;
pub use agent::*;
pub use batch::*;
pub use calendar::*;
pub use complaint::*;
pub use counter_notice::*;
pub use deadline::*;
pub use document::*;
pub use enforcement::*;
pub use holder::*;
pub use ids::*;
pub use listing::*;
pub use listing_url::*;
pub use platform::*;
pub use right::*;
pub use seller::*;
pub use task::*;
pub use validation::*;
