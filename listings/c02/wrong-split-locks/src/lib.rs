//! This wrong cache as a library, for its loom model (`tests/model.rs`). The code is the
//! listing's own `src/main.rs`, compiled once more as a module.

#[allow(dead_code)] // the demo `main`, unused by the library
#[path = "main.rs"]
mod listing;

pub use listing::Lru;
