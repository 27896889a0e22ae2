//! The reference cache as a library, for the challenge's tests, its loom models
//! (`tests/model.rs`) and its benchmark (`bench/`). The code is the listing's own
//! `src/main.rs`, compiled once more as a module.

#[allow(dead_code)] // the demo `main`, unused by the library
#[path = "main.rs"]
mod listing;

pub use listing::Lru;
