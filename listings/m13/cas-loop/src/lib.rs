//! The compare-and-swap loops of this listing as a library, for their loom models
//! (`tests/model.rs`) and their benchmark (`bench/`). The code is the listing's own
//! `src/main.rs`, compiled once more as a module: what the chapter shows is exactly what is
//! model-checked and measured.

#[allow(dead_code)] // the listing's `main` and its demo driver, unused by the library
#[path = "main.rs"]
mod listing;

pub use listing::{CAP, take_seat, take_seat_update};
