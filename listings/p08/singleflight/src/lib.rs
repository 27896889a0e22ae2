//! The singleflight group of this listing as a library, for its loom models
//! (`tests/model.rs`) and its benchmark (`bench/`). The code is the listing's own
//! `src/main.rs`, compiled once more as a module.

#[allow(dead_code)] // the listing's `main`, unused by the library
#[path = "main.rs"]
mod listing;

pub use listing::Group;
