use sync::{Receiver, Sender, bounded};

/// crossbeam's channel in the program. Under `--cfg loom`, where `tests/model.rs` checks
/// this very semaphore, a stand-in channel with the same blocking contract: loom cannot
/// look inside crossbeam's lock-free channel, so the model checks the semaphore's own
/// logic, not crossbeam.
mod sync {
    #[cfg(not(loom))]
    pub use crossbeam::channel::{Receiver, Sender, bounded};
    #[cfg(loom)]
    pub use stand_in::{Receiver, Sender, bounded};

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

/// `n` permits = a channel with room for `n` tokens. Sending a token takes a
/// permit (it blocks while the buffer is full); receiving one gives it back.
pub struct Semaphore {
    take: Sender<()>,
    give_back: Receiver<()>,
}

/// The right to `n` permits; dropping it gives them back.
pub struct Permit<'a> {
    sem: &'a Semaphore,
    n: usize,
}

impl Semaphore {
    pub fn new(permits: usize) -> Self {
        let (take, give_back) = bounded(permits);
        Semaphore { take, give_back }
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

    // ANCHOR: acquire_many
    /// BUG: takes `n` permits one token at a time, with nothing to stop
    /// another thread from taking tokens in between.
    pub fn acquire_many(&self, n: usize) -> Permit<'_> {
        for _ in 0..n {
            self.take.send(()).expect("both ends alive");
        }
        Permit { sem: self, n }
    }
    // ANCHOR_END: acquire_many
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

fn main() {
    // ANCHOR: use
    // One thread at a time takes both permits: nobody can take a token in
    // between, so this run always succeeds. The bug needs two threads that
    // each get one token first.
    let sem = Semaphore::new(2);
    let a = sem.acquire_many(2);
    println!(
        "try_acquire while 2 of 2 are held: {}",
        sem.try_acquire().is_some()
    );
    drop(a);
    let b = sem.acquire_many(2);
    drop(b);
    println!("both permits back: {}", sem.try_acquire().is_some());
    // ANCHOR_END: use
}
