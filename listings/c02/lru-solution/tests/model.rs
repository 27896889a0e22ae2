//! loom model of the reference cache, run by `cargo test -p book-tests --test models` with the bounds declared in
//! `[[package.metadata.model]]` of this listing's Cargo.toml. The wrong split-lock cache fails the same model
//! (`listings/c02/wrong-split-locks/tests/model.rs` includes this file's body).
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use c02_lru_solution::Lru;

include!("model_body.rs");
