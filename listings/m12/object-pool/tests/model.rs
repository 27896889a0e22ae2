//! loom model of the listing's pool, run by `cargo test -p book-tests --test models` with the bounds declared in
//! `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use m12_object_pool::Pool;
use std::sync::atomic::Ordering;

/// One idle buffer, three threads (main and two spawned) check one out at once, write into it and return it. In
/// every interleaving: each gets a clean buffer of its own (none panics), the pool keeps at most `max_idle`, and it
/// creates at most one buffer per thread that found it empty.
#[test]
fn three_threads_one_idle() {
    book_model::check(|| {
        let pool: Arc<Pool<Vec<u8>>> = Arc::new(Pool::new(1, Vec::new, Vec::clear));
        drop(pool.get()); // one buffer, now idle
        let use_one = {
            let pool = Arc::clone(&pool);
            move || {
                let mut buf = pool.get();
                assert!(buf.is_empty(), "a dirty buffer was handed out");
                buf.push(7);
            }
        };
        let a = thread::spawn(use_one.clone());
        let b = thread::spawn(use_one.clone());
        use_one();
        a.join().unwrap();
        b.join().unwrap();
        let idle = pool.lock_idle().len();
        assert_eq!(idle, 1, "the pool keeps exactly max_idle = 1 buffer");
        let created = pool.created.load(Ordering::Relaxed);
        assert!((1..=3).contains(&created), "{created} buffers created");
    });
}
