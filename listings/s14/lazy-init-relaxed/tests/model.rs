//! loom model of the listing's lazy value, run by `cargo test -p book-tests --test models`
//! with the bounds declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use s14_lazy_init_relaxed::Lazy;

/// Two threads ask for the value at once. Both must get 42, and loom checks every access to
/// the non-atomic cell: a read not ordered after the write is a causality violation.
#[test]
fn two_threads_initialise() {
    book_model::check(|| {
        let lazy = Arc::new(Lazy::new());
        let other = {
            let lazy = Arc::clone(&lazy);
            thread::spawn(move || lazy.get_or_init(|| 42))
        };
        let mine = lazy.get_or_init(|| 42);
        assert_eq!(mine, 42);
        assert_eq!(other.join().unwrap(), 42);
    });
}
