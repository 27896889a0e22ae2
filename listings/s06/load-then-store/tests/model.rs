//! loom models of the listing's wrong rate limiter, run by `cargo test -p book-tests --test models` with the bounds
//! declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use s06_load_then_store::RateLimiter;

/// A limiter with a burst of 2, and three threads (main and two spawned) that each ask once at the same instant
/// (time is a parameter, so the clock does not move). In every interleaving exactly two are allowed: a lost update
/// of `full_at` would let a third through.
#[test]
fn three_threads_at_once() {
    book_model::check(|| {
        let limiter = Arc::new(RateLimiter::new(10, 2));
        let ask = {
            let limiter = Arc::clone(&limiter);
            move || usize::from(limiter.check_at(0).is_ok())
        };
        let a = thread::spawn(ask.clone());
        let b = thread::spawn(ask.clone());
        let allowed = ask() + a.join().unwrap() + b.join().unwrap();
        assert_eq!(allowed, 2, "{allowed} requests allowed with a burst of 2");
    });
}
