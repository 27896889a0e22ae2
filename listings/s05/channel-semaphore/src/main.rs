use std::sync::PoisonError;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use sync::{Mutex, Receiver, Sender, bounded};

/// crossbeam's channel and std's mutex in the program. Under `--cfg loom`, where
/// `tests/model.rs` checks this very semaphore, loom's mutex and a stand-in channel with
/// the same blocking contract: loom cannot look inside crossbeam's lock-free channel, so
/// the model checks the semaphore's own logic, not crossbeam.
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::Mutex;
    #[cfg(not(loom))]
    pub use crossbeam::channel::{Receiver, Sender, bounded};
    #[cfg(loom)]
    pub use stand_in::{Receiver, Sender, bounded};
    #[cfg(not(loom))]
    pub use std::sync::Mutex;

    /// A bounded channel of `()` for loom: the number of queued tokens under a mutex;
    /// `send` waits while it is full. Only what the semaphore uses.
    #[cfg(loom)]
    mod stand_in {
        use book_model::sync::{Arc, Condvar, Mutex};
        use std::marker::PhantomData;

        struct Chan {
            queued: Mutex<usize>,
            cap: usize,
            not_full: Condvar,
        }
        pub struct Sender<T>(Arc<Chan>, PhantomData<T>);
        pub struct Receiver<T>(Arc<Chan>, PhantomData<T>);

        pub fn bounded<T>(cap: usize) -> (Sender<T>, Receiver<T>) {
            let chan = Arc::new(Chan {
                queued: Mutex::new(0),
                cap,
                not_full: Condvar::new(),
            });
            (
                Sender(chan.clone(), PhantomData),
                Receiver(chan, PhantomData),
            )
        }

        impl Sender<()> {
            pub fn send(&self, _: ()) -> Result<(), ()> {
                let c = &self.0;
                let q = c.queued.lock().unwrap();
                let mut q = c.not_full.wait_while(q, |q| *q == c.cap).unwrap();
                *q += 1;
                Ok(())
            }
            pub fn try_send(&self, _: ()) -> Result<(), ()> {
                let mut q = self.0.queued.lock().unwrap();
                if *q == self.0.cap {
                    return Err(());
                }
                *q += 1;
                Ok(())
            }
        }

        impl Receiver<()> {
            pub fn try_recv(&self) -> Result<(), ()> {
                let mut q = self.0.queued.lock().unwrap();
                if *q == 0 {
                    return Err(());
                }
                *q -= 1;
                self.0.not_full.notify_all();
                Ok(())
            }
        }
    }
}

// ANCHOR: semaphore
/// `n` permits = a channel with room for `n` tokens. Sending a token takes a
/// permit (it blocks while the buffer is full); receiving one gives it back.
pub struct Semaphore {
    take: Sender<()>,
    give_back: Receiver<()>,
    /// Held while a thread takes several permits, one token at a time.
    weighted: Mutex<()>,
}

/// The right to `n` permits; dropping it gives them back.
pub struct Permit<'a> {
    sem: &'a Semaphore,
    n: usize,
}

impl Semaphore {
    pub fn new(permits: usize) -> Self {
        let (take, give_back) = bounded(permits);
        Semaphore {
            take,
            give_back,
            weighted: Mutex::new(()),
        }
    }

    pub fn acquire(&self) -> Permit<'_> {
        // The semaphore owns both ends, so the channel never disconnects.
        self.take.send(()).expect("both ends alive");
        Permit { sem: self, n: 1 }
    }

    /// Go's `select { case sem <- struct{}{}: … default: … }`.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        self.take
            .try_send(())
            .ok()
            .map(|()| Permit { sem: self, n: 1 })
    }

    /// Takes `n` permits, all or nothing. Without the lock, two threads that
    /// each hold part of what they need could wait for each other forever.
    pub fn acquire_many(&self, n: usize) -> Permit<'_> {
        let _one_at_a_time = self.weighted.lock().unwrap_or_else(PoisonError::into_inner);
        for _ in 0..n {
            self.take.send(()).expect("both ends alive");
        }
        Permit { sem: self, n }
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        for _ in 0..self.n {
            // This permit's tokens are in the buffer: the receive never waits.
            self.sem
                .give_back
                .try_recv()
                .expect("a held permit's token");
        }
    }
}
// ANCHOR_END: semaphore

const PERMITS: usize = 3;

fn main() {
    // ANCHOR: try
    let sem = Semaphore::new(2);
    let a = sem.try_acquire();
    let b = sem.try_acquire();
    let c = sem.try_acquire(); // both permits are taken
    println!(
        "try_acquire: {}, {}, {}",
        a.is_some(),
        b.is_some(),
        c.is_some()
    );
    drop(a);
    println!(
        "after one permit is dropped: {}",
        sem.try_acquire().is_some()
    );
    // ANCHOR_END: try
    drop(b);

    // ANCHOR: weighted
    let sem = Semaphore::new(PERMITS);
    let in_use = AtomicUsize::new(0);
    let peak = AtomicUsize::new(0);
    thread::scope(|s| {
        for job in 0..7 {
            let (sem, in_use, peak) = (&sem, &in_use, &peak);
            s.spawn(move || {
                let n = if job < 3 { 2 } else { 1 };
                let _permit = sem.acquire_many(n);
                let now = in_use.fetch_add(n, Ordering::SeqCst) + n;
                peak.fetch_max(now, Ordering::SeqCst);
                in_use.fetch_sub(n, Ordering::SeqCst);
            });
        }
    });
    println!(
        "3 weighted jobs of 2 permits, 4 jobs of 1: peak permits in use <= {PERMITS}: {}",
        peak.load(Ordering::SeqCst) <= PERMITS
    );
    // ANCHOR_END: weighted
}
