//! The wrong work queue of this listing as a library, for its loom models
//! (`tests/model.rs`).
//! The code is the listing's own `src/main.rs`, compiled once more as a module: what the
//! chapter shows is exactly what is model-checked.

#[allow(dead_code)] // the listing's `main`, unused by the library
#[path = "main.rs"]
mod listing;

pub use listing::WorkQueue;
