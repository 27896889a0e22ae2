//! loom model of this queue, run by `cargo test -p book-tests --test models` with the bounds declared in
//! `[[package.metadata.model]]` of this listing's Cargo.toml. The reference solution and the wrong queue
//! share the model's body (`listings/c04/ring-solution/tests/model_body.rs`).
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use c04_wrong_missing_notify::RingBuffer;

include!("../../ring-solution/tests/model_body.rs");
