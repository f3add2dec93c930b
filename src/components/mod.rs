//! The widget's components, one folder per feature, one component per file,
//! named for what it shows. Which build carries which folder: [`Parts`].

pub mod card;
pub mod journey;
pub mod organiser;
pub mod shell;
pub mod signing;
pub mod ui;
pub mod verify;
pub mod wall;

pub use card::*;
pub use journey::*;
pub use organiser::*;
pub use shell::*;
pub use signing::*;
pub use ui::*;
pub use verify::*;
pub use wall::*;
