//! loom model of this barrier, run by `cargo test -p book-tests --test models` with the bounds declared in
//! `[[package.metadata.model]]` of this listing's Cargo.toml. The reference solution and the wrong barrier
//! share the model's body (`listings/c03/barrier-solution/tests/model_body.rs`).
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use c03_wrong_no_generation::Barrier;

include!("../../barrier-solution/tests/model_body.rs");
