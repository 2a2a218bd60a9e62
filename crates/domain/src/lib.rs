//! IPP Desk's domain: the entities of IPP steps 1 to 3 and the rules about
//! them. Pure: no IO, no SQLite, no Tauri. Everything here is plain data plus
//! functions that can only fail by returning an error.

pub mod account;
pub mod agent;
pub mod batch;
pub mod calendar;
pub mod complaint;
pub mod document;
pub mod holder;
pub mod ids;
pub mod listing;
pub mod listing_url;
pub mod platform;
pub mod right;
pub mod seller;
pub mod validation;

pub use account::*;
pub use agent::*;
pub use batch::*;
pub use calendar::*;
pub use complaint::*;
pub use document::*;
pub use holder::*;
pub use ids::*;
pub use listing::*;
pub use listing_url::*;
pub use platform::*;
pub use right::*;
pub use seller::*;
pub use validation::*;
