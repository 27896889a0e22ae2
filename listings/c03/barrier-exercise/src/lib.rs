//! Your barrier as a library, for the tests in `tests/barrier.rs`. Write your code in
//! `src/main.rs`: this file compiles it once more as a module, so the tests check exactly
//! what you wrote.

#[allow(dead_code)] // the demo `main`, unused by the library
#[path = "main.rs"]
mod exercise;

pub use exercise::Barrier;
