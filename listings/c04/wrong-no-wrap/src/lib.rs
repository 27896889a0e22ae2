//! This wrong queue as a library, for the challenge tests.
//! The code is the listing's own `src/main.rs`, compiled once more as a module.

#[allow(dead_code)] // the demo `main`, unused by the library
#[path = "main.rs"]
mod listing;

pub use listing::RingBuffer;
