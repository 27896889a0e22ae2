use std::ops::{Deref, DerefMut};
use std::sync::PoisonError;
use std::sync::atomic::Ordering;
use sync::{AtomicUsize, Mutex, MutexGuard};

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::{Mutex, MutexGuard, atomic::AtomicUsize};
    #[cfg(not(loom))]
    pub use std::sync::{Mutex, MutexGuard, atomic::AtomicUsize};
}

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

    // ANCHOR: get
    /// Wrong: the check and the pop take the lock separately, so another
    /// thread can take the last idle object in between.
    pub fn get(&self) -> Pooled<'_, T> {
        let item = if self.lock_idle().is_empty() {
            self.created.fetch_add(1, Ordering::Relaxed);
            (self.create)()
        } else {
            self.lock_idle()
                .pop()
                .expect("the pool had an idle buffer a moment ago")
        };
        Pooled {
            pool: self,
            item: Some(item),
        }
    }
    // ANCHOR_END: get

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

fn main() {
    // One thread: the check and the pop cannot be separated, so it works.
    let pool: Pool<Vec<u8>> = Pool::new(2, || Vec::with_capacity(64), Vec::clear);
    let mut buf = pool.get();
    buf.extend_from_slice(b"hello, pool");
    drop(buf);
    let buf = pool.get();
    println!(
        "reused buffer: len = {}, buffers created = {}",
        buf.len(),
        pool.created.load(Ordering::Relaxed)
    );
}
