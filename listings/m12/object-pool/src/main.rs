use std::ops::{Deref, DerefMut};
use std::sync::PoisonError;
use std::sync::atomic::Ordering;
use std::thread;
use sync::{AtomicUsize, Mutex, MutexGuard};

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::{Mutex, MutexGuard, atomic::AtomicUsize};
    #[cfg(not(loom))]
    pub use std::sync::{Mutex, MutexGuard, atomic::AtomicUsize};
}

// ANCHOR: pool
/// A bounded pool of reusable objects. Unlike Go's `sync.Pool`, nothing is
/// thrown away behind your back: an idle object stays until it is reused,
/// and the pool keeps at most `max_idle` of them.
pub struct Pool<T> {
    idle: Mutex<Vec<T>>,
    max_idle: usize,
    create: fn() -> T,
    reset: fn(&mut T),
    pub created: AtomicUsize,
}

/// A checked-out object. Dropping it resets the object and puts it back.
pub struct Pooled<'a, T> {
    pool: &'a Pool<T>,
    item: Option<T>, // `Some` until `drop` takes it
}

impl<T> Pool<T> {
    pub fn new(max_idle: usize, create: fn() -> T, reset: fn(&mut T)) -> Self {
        Pool {
            idle: Mutex::new(Vec::with_capacity(max_idle)),
            max_idle,
            create,
            reset,
            created: AtomicUsize::new(0),
        }
    }

    /// Go: `pool.Get()`. Reuses an idle object or makes a new one.
    pub fn get(&self) -> Pooled<'_, T> {
        let reused = self.lock_idle().pop(); // the lock is released at the `;`
        let item = reused.unwrap_or_else(|| {
            self.created.fetch_add(1, Ordering::Relaxed);
            (self.create)()
        });
        Pooled {
            pool: self,
            item: Some(item),
        }
    }

    pub fn lock_idle(&self) -> MutexGuard<'_, Vec<T>> {
        // A panic elsewhere cannot leave a Vec half-pushed; use it anyway.
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T> Deref for Pooled<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.item.as_ref().expect("present until drop")
    }
}

impl<T> DerefMut for Pooled<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.item.as_mut().expect("present until drop")
    }
}

/// Go: `defer pool.Put(buf)`, except that it cannot be forgotten.
impl<T> Drop for Pooled<'_, T> {
    fn drop(&mut self) {
        if let Some(mut item) = self.item.take() {
            (self.pool.reset)(&mut item);
            let mut idle = self.pool.lock_idle();
            if idle.len() < self.pool.max_idle {
                idle.push(item);
            } // else: the pool is full and `item` is simply freed here
        }
    }
}
// ANCHOR_END: pool

fn main() {
    // ANCHOR: single
    let pool: Pool<Vec<u8>> = Pool::new(2, || Vec::with_capacity(64), Vec::clear);

    let mut buf = pool.get();
    buf.extend_from_slice(b"hello, pool");
    let first_capacity = buf.capacity();
    drop(buf); // reset (cleared) and returned

    let buf = pool.get();
    println!(
        "reused buffer: len = {}, capacity kept = {}, buffers created = {}",
        buf.len(),
        buf.capacity() == first_capacity,
        pool.created.load(Ordering::Relaxed)
    );
    drop(buf);

    let out = [pool.get(), pool.get(), pool.get()];
    drop(out);
    println!(
        "three out at once, all returned: created = {}, idle = {} (max_idle)",
        pool.created.load(Ordering::Relaxed),
        pool.lock_idle().len()
    );
    // ANCHOR_END: single

    // ANCHOR: threads
    let pool: Pool<Vec<u8>> = Pool::new(4, Vec::new, Vec::clear);
    let dirty = AtomicUsize::new(0);
    thread::scope(|s| {
        for t in 0..4_u8 {
            let (pool, dirty) = (&pool, &dirty);
            s.spawn(move || {
                for i in 0..1000_u32 {
                    let mut buf = pool.get();
                    if !buf.is_empty() {
                        dirty.fetch_add(1, Ordering::Relaxed); // someone forgot to reset
                    }
                    buf.resize(1 + (i % 100) as usize, t);
                } // returned here, every iteration
            });
        }
    });
    // At most 4 buffers are ever checked out at once and up to 4 are kept
    // idle, so the pool never needs more than 4. How many it made (1 to 4)
    // depends on scheduling.
    let created = pool.created.load(Ordering::Relaxed);
    println!(
        "threads: 4000 checkouts, dirty checkouts = {}, buffers created <= 4 = {}",
        dirty.load(Ordering::Relaxed),
        (1..=4).contains(&created)
    );
    // ANCHOR_END: threads
}
