//! loom model of the wrong split-lock cache, run by `cargo test -p book-tests --test models` with the bounds
//! declared in `[[package.metadata.model]]` of this listing's Cargo.toml. The same model passes on the reference
//! solution (`listings/c02/lru-solution/tests/model.rs`).
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use c02_wrong_split_locks::Lru;

include!("../../lru-solution/tests/model_body.rs");
