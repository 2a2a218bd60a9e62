//! IPP Desk's domain: the entities of IPP steps 1 and 2 and the rules about
//! them. Pure: no IO, no SQLite, no Tauri. Everything here is plain data plus
//! functions that can only fail by returning an error.

pub mod account;
pub mod agent;
pub mod document;
pub mod holder;
pub mod ids;
pub mod platform;
pub mod right;
pub mod validation;

pub use account::*;
pub use agent::*;
pub use document::*;
pub use holder::*;
pub use ids::*;
pub use platform::*;
pub use right::*;
pub use validation::*;
