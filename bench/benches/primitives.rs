//! The book's hand-built primitives against the crates a reader would use instead, on the same workload, measured
//! side by side in one run. Each module is one table in the book (`{{#bench <module>}}`); its `hand_built`
//! function is the reference the ratios are relative to. Each benchmark runs with 1, 2 and 4 threads at once
//! (divan's `threads`), all hitting the same primitive.
//!
//! Record: `cargo run -p book-bench --release` (writes bench/results.toml). Smoke run, each benchmark once:
//! `cargo test -p book-bench --benches`.

use std::hint::black_box;

fn main() {
    divan::main();
}

/// 1 thread: the uncontended cost; 2: both cores of the book's machine; 4: more threads than cores.
const THREADS: &[usize] = &[1, 2, 4];

/// M16: take a permit and give it back, with 2 permits shared by all threads.
mod m16_semaphore {
    use super::*;
    use divan::Bencher;

    const PERMITS: usize = 2;

    /// The `Mutex<usize>` + `Condvar` semaphore of listing m16-condvar-semaphore.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let sem = m16_condvar_semaphore::Semaphore::new(PERMITS);
        b.bench(|| drop(black_box(sem.acquire())));
    }

    /// `async_lock::Semaphore::acquire_blocking`: the same blocking call, from the async-lock crate.
    #[divan::bench(threads = THREADS)]
    fn async_lock(b: Bencher) {
        let sem = async_lock::Semaphore::new(PERMITS);
        b.bench(|| drop(black_box(sem.acquire_blocking())));
    }

    /// `tokio::sync::Semaphore::acquire`, driven from a plain thread by a minimal `block_on` (tokio's semaphore
    /// is async-only; this is what calling it from a thread costs).
    #[divan::bench(threads = THREADS)]
    fn tokio(b: Bencher) {
        let sem = tokio::sync::Semaphore::new(PERMITS);
        b.bench(|| drop(black_box(block_on(sem.acquire()).expect("never closed"))));
    }

    /// Polls a future on the current thread, parking between polls until its waker unparks the thread.
    pub(super) fn block_on<F: std::future::Future>(fut: F) -> F::Output {
        use std::sync::Arc;
        use std::task::{Context, Poll, Wake, Waker};
        struct Unpark(std::thread::Thread);
        impl Wake for Unpark {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
        let mut cx = Context::from_waker(&waker);
        let mut fut = std::pin::pin!(fut);
        loop {
            match fut.as_mut().poll(&mut cx) {
                Poll::Ready(v) => return v,
                Poll::Pending => std::thread::park(),
            }
        }
    }
}

/// M12: check out a buffer, write 64 bytes into it, return it.
mod m12_pool {
    use super::*;
    use divan::Bencher;

    fn fill(buf: &mut Vec<u8>) {
        buf.extend_from_slice(&[7; 64]);
        black_box(buf);
    }

    /// The `Mutex<Vec<T>>` pool of listing m12-object-pool.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let pool: m12_object_pool::Pool<Vec<u8>> =
            m12_object_pool::Pool::new(8, || Vec::with_capacity(64), Vec::clear);
        b.bench(|| fill(&mut pool.get()));
    }

    /// `lockfree_object_pool::LinearObjectPool`: a lock-free pool with the same create/reset pair.
    #[divan::bench(threads = THREADS)]
    fn lockfree_object_pool(b: Bencher) {
        let pool =
            lockfree_object_pool::LinearObjectPool::new(|| Vec::with_capacity(64), Vec::clear);
        b.bench(|| fill(&mut pool.pull()));
    }

    /// No pool: a fresh 64-byte buffer from the allocator every time.
    #[divan::bench(threads = THREADS)]
    fn no_pool(b: Bencher) {
        b.bench(|| fill(&mut Vec::with_capacity(64)));
    }
}

/// M13: take a seat if fewer than the cap are taken, then give it back (so the cap is never reached).
mod m13_counter {
    use super::*;
    use divan::Bencher;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// The `compare_exchange_weak` loop of listing m13-cas-loop.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let seats = AtomicU32::new(0);
        b.bench(|| {
            if m13_cas_loop::take_seat(&seats) {
                seats.fetch_sub(1, Ordering::Relaxed);
            }
        });
    }

    /// The same with std's `fetch_update` (listing m13-cas-loop's second function).
    #[divan::bench(threads = THREADS)]
    fn fetch_update(b: Bencher) {
        let seats = AtomicU32::new(0);
        b.bench(|| {
            if m13_cas_loop::take_seat_update(&seats).is_ok() {
                seats.fetch_sub(1, Ordering::Relaxed);
            }
        });
    }

    /// A `Mutex<u32>`: check and increment under the lock, then decrement under it again.
    #[divan::bench(threads = THREADS)]
    fn mutex(b: Bencher) {
        let seats = Mutex::new(0_u32);
        b.bench(|| {
            let taken = {
                let mut n = seats.lock().unwrap();
                (*n < m13_cas_loop::CAP).then(|| *n += 1).is_some()
            };
            if taken {
                *seats.lock().unwrap() -= 1;
            }
        });
    }

    /// `fetch_add`/`fetch_sub` with no cap at all: the floor, for when the check is not needed.
    #[divan::bench(threads = THREADS)]
    fn fetch_add_no_cap(b: Bencher) {
        let seats = AtomicU32::new(0);
        b.bench(|| {
            seats.fetch_add(1, Ordering::Relaxed);
            seats.fetch_sub(1, Ordering::Relaxed);
        });
    }
}

/// S19: register one participant and finish it (Go's `Add(1)` then `Done()`), all threads on one group.
mod s19_waitgroup {
    use super::*;
    use divan::Bencher;

    /// The `Mutex` + `Condvar` + generation WaitGroup of listing s19-condvar-waitgroup: `add(1)`, `done()`.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let wg = s19_condvar_waitgroup::WaitGroup::new();
        wg.add(1); // one participant stays, so the count never reaches zero and no one is woken
        b.bench(|| {
            black_box(&wg).add(1);
            wg.done();
        });
    }

    /// `crossbeam::sync::WaitGroup`: clone a handle and drop it.
    #[divan::bench(threads = THREADS)]
    fn crossbeam(b: Bencher) {
        let wg = crossbeam::sync::WaitGroup::new();
        b.bench(|| drop(black_box(wg.clone())));
    }
}

/// S12: add 1 to a counter shared by all threads.
mod s12_counter {
    use super::*;
    use divan::Bencher;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed};

    /// A distinct small number per benchmark thread, used as the shard hint.
    fn thread_index() -> usize {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        thread_local!(static INDEX: usize = NEXT.fetch_add(1, Relaxed));
        INDEX.with(|i| *i)
    }

    /// The 16-shard, cache-padded counter of listing s12-sharded-counter, each thread on its own shard.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let counter = s12_sharded_counter::ShardedCounter::new(16);
        b.bench(|| black_box(&counter).add(thread_index(), 1));
    }

    /// One `AtomicU64` with `fetch_add`: every thread on the same cache line.
    #[divan::bench(threads = THREADS)]
    fn one_atomic(b: Bencher) {
        let counter = AtomicU64::new(0);
        b.bench(|| black_box(&counter).fetch_add(1, Relaxed));
    }

    /// One `Mutex<u64>`: lock, add, unlock.
    #[divan::bench(threads = THREADS)]
    fn mutex(b: Bencher) {
        let counter = Mutex::new(0_u64);
        b.bench(|| *black_box(&counter).lock().unwrap() += 1);
    }
}

/// S05: take a permit and give it back, with 2 permits shared by all threads.
mod s05_semaphore {
    use super::*;
    use divan::Bencher;

    const PERMITS: usize = 2;

    /// The bounded-crossbeam-channel semaphore of listing s05-channel-semaphore.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let sem = s05_channel_semaphore::Semaphore::new(PERMITS);
        b.bench(|| drop(black_box(sem.acquire())));
    }

    /// `tokio::sync::Semaphore::acquire`, driven from a plain thread by a minimal `block_on`.
    #[divan::bench(threads = THREADS)]
    fn tokio(b: Bencher) {
        let sem = tokio::sync::Semaphore::new(PERMITS);
        b.bench(|| {
            let permit = super::m16_semaphore::block_on(sem.acquire());
            drop(black_box(permit.expect("never closed")));
        });
    }

    /// `async_lock::Semaphore::acquire_blocking`: a production semaphore with a blocking acquire.
    #[divan::bench(threads = THREADS)]
    fn async_lock(b: Bencher) {
        let sem = async_lock::Semaphore::new(PERMITS);
        b.bench(|| drop(black_box(sem.acquire_blocking())));
    }
}

/// S06: ask a limiter for a token, with a rate so high (10⁹ per second) that every request is allowed, so every
/// call updates the shared state.
mod s06_rate_limiter {
    use super::*;
    use divan::Bencher;
    use std::num::NonZeroU32;

    const PER_SECOND: u32 = 1_000_000_000;
    const BURST: u32 = 1_000;

    /// The one-atomic token bucket of listing s06-token-bucket, with the real clock (`check`).
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let limiter = s06_token_bucket::RateLimiter::new(PER_SECOND.into(), BURST.into());
        b.bench(|| black_box(limiter.check()).ok());
    }

    /// `governor::RateLimiter::direct(…).check()`: GCRA on one atomic, with governor's default clock.
    #[divan::bench(threads = THREADS)]
    fn governor(b: Bencher) {
        let quota = governor::Quota::per_second(NonZeroU32::new(PER_SECOND).expect("non-zero"))
            .allow_burst(NonZeroU32::new(BURST).expect("non-zero"));
        let limiter = governor::RateLimiter::direct(quota);
        b.bench(|| black_box(limiter.check()).ok());
    }
}

/// S07: publish one message to 4 subscribers that are not reading, so every publish meets full buffers and applies
/// its slow-subscriber policy (the hand-built broadcaster drops the newest message, tokio overwrites the oldest).
mod s07_broadcast {
    use super::*;
    use divan::Bencher;

    const SUBSCRIBERS: usize = 4;

    /// The broadcaster of listing s07-broadcaster with `WhenFull::Drop`, subscribers' buffers of 1, already full.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        use s07_broadcaster::{Broadcaster, WhenFull};
        let news = Broadcaster::new(WhenFull::Drop);
        let _subscribers: Vec<_> = (0..SUBSCRIBERS).map(|_| news.subscribe(1)).collect();
        news.publish(0_u64);
        b.bench(|| black_box(news.publish(black_box(1_u64))));
    }

    /// `tokio::sync::broadcast` with capacity 1: `send` overwrites the oldest message for every receiver.
    #[divan::bench(threads = THREADS)]
    fn tokio_broadcast(b: Bencher) {
        let (tx, _rx) = tokio::sync::broadcast::channel::<u64>(1);
        let _subscribers: Vec<_> = (1..SUBSCRIBERS).map(|_| tx.subscribe()).collect();
        b.bench(|| black_box(tx.send(black_box(1)).is_ok()));
    }
}

/// S15: lock, add 1 to a shared `u64`, unlock.
mod s15_mutex {
    use super::*;
    use divan::Bencher;

    /// The futex-style mutex of listing s15-futex-mutex.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let counter = s15_futex_mutex::FutexMutex::new(0_u64);
        b.bench(|| counter.with(|n| *black_box(n) += 1));
    }

    /// The spinlock of listing s15-spinlock.
    #[divan::bench(threads = THREADS)]
    fn spinlock(b: Bencher) {
        let counter = s15_spinlock::SpinLock::new(0_u64);
        b.bench(|| counter.with(|n| *black_box(n) += 1));
    }

    /// `std::sync::Mutex` (itself a futex-based mutex on Linux).
    #[divan::bench(threads = THREADS)]
    fn std_mutex(b: Bencher) {
        let counter = std::sync::Mutex::new(0_u64);
        b.bench(|| *black_box(counter.lock().unwrap()) += 1);
    }

    /// `parking_lot::Mutex`: spins briefly, then parks in its global parking lot.
    #[divan::bench(threads = THREADS)]
    fn parking_lot(b: Bencher) {
        let counter = parking_lot::Mutex::new(0_u64);
        b.bench(|| *black_box(counter.lock()) += 1);
    }
}

/// S16: `notify_one` with nobody waiting, the call a producer makes after every change of state.
mod s16_condvar {
    use super::*;
    use divan::Bencher;

    /// The counter-and-futex condition variable of listing s16-futex-condvar.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let cv = s16_futex_condvar::Condvar::new();
        b.bench(|| black_box(&cv).notify_one());
    }

    /// `std::sync::Condvar` (on Linux also a counter and a futex).
    #[divan::bench(threads = THREADS)]
    fn std_condvar(b: Bencher) {
        let cv = std::sync::Condvar::new();
        b.bench(|| black_box(&cv).notify_one());
    }

    /// `parking_lot::Condvar`: checks for waiters in user space first.
    #[divan::bench(threads = THREADS)]
    fn parking_lot(b: Bencher) {
        let cv = parking_lot::Condvar::new();
        b.bench(|| black_box(&cv).notify_one());
    }
}

/// S17: a read-mostly map of 1,024 keys: 9 lookups in 10, 1 insert (of a key already there), on keys that
/// each thread walks through in its own order.
mod s17_map {
    use super::*;
    use divan::Bencher;
    use std::cell::Cell;
    use std::collections::HashMap;
    use std::sync::{Mutex, RwLock};

    const KEYS: u64 = 1024;

    thread_local! {
        static NEXT: Cell<u64> = const { Cell::new(0) };
    }

    /// The next operation of this thread: its key, and whether it is an insert (every tenth).
    fn next_op() -> (u64, bool) {
        NEXT.with(|n| {
            let i = n.get();
            n.set(i + 1);
            (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) % KEYS, i % 10 == 0)
        })
    }

    /// The 16-shard map of listing s17-sharded-map.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let map = s17_sharded_map::ShardedMap::new(16);
        for k in 0..KEYS {
            map.insert(k, k);
        }
        b.with_inputs(next_op).bench_values(|(k, write)| {
            if write {
                black_box(map.insert(k, k));
            } else {
                black_box(map.get(&k));
            }
        });
    }

    /// `dashmap::DashMap`: a sharded map of `RwLock`ed tables, the production version of the same idea.
    #[divan::bench(threads = THREADS)]
    fn dashmap(b: Bencher) {
        let map = dashmap::DashMap::new();
        for k in 0..KEYS {
            map.insert(k, k);
        }
        b.with_inputs(next_op).bench_values(|(k, write)| {
            if write {
                black_box(map.insert(k, k));
            } else {
                black_box(map.get(&k).map(|v| *v));
            }
        });
    }

    /// One `RwLock<HashMap>`: readers share it, a writer excludes everybody.
    #[divan::bench(threads = THREADS)]
    fn rwlock_hashmap(b: Bencher) {
        let map = RwLock::new((0..KEYS).map(|k| (k, k)).collect::<HashMap<_, _>>());
        b.with_inputs(next_op).bench_values(|(k, write)| {
            if write {
                black_box(map.write().unwrap().insert(k, k));
            } else {
                black_box(map.read().unwrap().get(&k).copied());
            }
        });
    }

    /// One `Mutex<HashMap>`: every operation excludes every other.
    #[divan::bench(threads = THREADS)]
    fn mutex_hashmap(b: Bencher) {
        let map = Mutex::new((0..KEYS).map(|k| (k, k)).collect::<HashMap<_, _>>());
        b.with_inputs(next_op).bench_values(|(k, write)| {
            let mut map = map.lock().unwrap();
            if write {
                black_box(map.insert(k, k));
            } else {
                black_box(map.get(&k).copied());
            }
        });
    }
}

/// P03: push one value and pop one, on a collection all threads share.
mod p03_stack {
    use super::*;
    use divan::Bencher;

    /// The Treiber stack of listing p03-epoch-stack (`crossbeam::epoch` reclamation).
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let stack = p03_epoch_stack::Stack::new();
        b.bench(|| {
            stack.push(black_box(7_u64));
            black_box(stack.pop())
        });
    }

    /// A `Mutex<Vec>` used as a stack: `push` and `pop` under one lock each.
    #[divan::bench(threads = THREADS)]
    fn mutex_vec(b: Bencher) {
        let stack = std::sync::Mutex::new(Vec::new());
        b.bench(|| {
            stack.lock().unwrap().push(black_box(7_u64));
            black_box(stack.lock().unwrap().pop())
        });
    }

    /// `crossbeam::queue::SegQueue`: crossbeam's unbounded lock-free queue (FIFO; crossbeam has no stack).
    #[divan::bench(threads = THREADS)]
    fn seg_queue(b: Bencher) {
        let queue = crossbeam::queue::SegQueue::new();
        b.bench(|| {
            queue.push(black_box(7_u64));
            black_box(queue.pop())
        });
    }

    /// `crossbeam::queue::ArrayQueue`: crossbeam's bounded lock-free queue (capacity 64, never full here).
    #[divan::bench(threads = THREADS)]
    fn array_queue(b: Bencher) {
        let queue = crossbeam::queue::ArrayQueue::new(64);
        b.bench(|| {
            black_box(queue.push(black_box(7_u64)).is_ok());
            black_box(queue.pop())
        });
    }
}

/// P08: one call through a singleflight group whose fetch returns at once, all threads asking for the same key (a
/// caller finds a flight to join only when another thread's is still landing).
mod p08_singleflight {
    use super::*;
    use divan::Bencher;

    /// The `Mutex<HashMap>` + `Condvar` group of listing p08-singleflight, for threads.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let group = ::p08_singleflight::Group::new();
        b.bench(|| black_box(group.work(&7_u32, || black_box(42_u64))));
    }

    /// The `OnceCell` group of listing p08-tokio-singleflight, driven from a thread by a minimal `block_on`.
    #[divan::bench(threads = THREADS)]
    fn tokio_once_cell(b: Bencher) {
        let group = p08_tokio_singleflight::Group::new();
        b.bench(|| {
            let call = group.work(&7_u32, || async { black_box(42_u64) });
            black_box(super::m16_semaphore::block_on(call))
        });
    }

    /// `async_singleflight::Group::work` (0.6.2), driven the same way.
    #[divan::bench(threads = THREADS)]
    fn async_singleflight(b: Bencher) {
        let group = async_singleflight::Group::<u32, u64, ()>::new();
        b.bench(|| {
            let call = group.work(&7_u32, async { Ok(black_box(42_u64)) });
            black_box(super::m16_semaphore::block_on(call))
        });
    }
}

/// P13: queue a key, take it, mark it done: the work queue's whole cycle, with a fresh key each time (no add
/// collapses), all threads on one queue.
mod p13_workqueue {
    use super::*;
    use divan::Bencher;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// The `Mutex` + `Condvar` work queue of listing p13-exclusive, with its `dirty` and `processing` sets.
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let queue = p13_exclusive::WorkQueue::new();
        let next = AtomicUsize::new(0);
        b.bench(|| {
            queue.add(next.fetch_add(1, Ordering::Relaxed));
            let key = queue.get().expect("never shut down");
            queue.done(black_box(&key));
        });
    }

    /// `crossbeam::channel::unbounded`: a plain queue, with neither deduplication nor per-key exclusivity.
    #[divan::bench(threads = THREADS)]
    fn crossbeam_channel(b: Bencher) {
        let (tx, rx) = crossbeam::channel::unbounded();
        let next = AtomicUsize::new(0);
        b.bench(|| {
            tx.send(next.fetch_add(1, Ordering::Relaxed))
                .expect("receiver alive");
            black_box(rx.recv().expect("sender alive"));
        });
    }
}

/// C02: a cache of 512 entries over 1,024 keys, 9 gets in 10 and 1 put, each thread walking the keys in its own
/// order.
mod c02_lru {
    use super::*;
    use divan::Bencher;
    use std::cell::Cell;
    use std::num::NonZeroUsize;
    use std::sync::Mutex;

    const KEYS: u64 = 1024;
    const CAPACITY: usize = 512;

    thread_local! {
        static NEXT: Cell<u64> = const { Cell::new(0) };
    }

    /// The next operation of this thread: its key, and whether it is a put (every tenth).
    fn next_op() -> (u64, bool) {
        NEXT.with(|n| {
            let i = n.get();
            n.set(i + 1);
            (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) % KEYS, i % 10 == 0)
        })
    }

    /// The one-mutex cache of listing c02-lru-solution (a `HashMap` and a `BTreeMap` of stamps).
    #[divan::bench(threads = THREADS)]
    fn hand_built(b: Bencher) {
        let cache = c02_lru_solution::Lru::new(CAPACITY);
        for k in 0..KEYS {
            cache.put(k, k);
        }
        b.with_inputs(next_op).bench_values(|(k, put)| {
            if put {
                black_box(cache.put(k, k));
            } else {
                black_box(cache.get(&k));
            }
        });
    }

    /// `lru::LruCache` (a hash map and a linked list, O(1)) behind a `std::sync::Mutex`.
    #[divan::bench(threads = THREADS)]
    fn lru_in_mutex(b: Bencher) {
        let cache = Mutex::new(lru::LruCache::new(NonZeroUsize::new(CAPACITY).unwrap()));
        for k in 0..KEYS {
            cache.lock().unwrap().put(k, k);
        }
        b.with_inputs(next_op).bench_values(|(k, put)| {
            let mut cache = cache.lock().unwrap();
            if put {
                black_box(cache.put(k, k));
            } else {
                black_box(cache.get(&k).copied());
            }
        });
    }
}

/// C03: one round of a barrier of two, seen from the measuring thread; the other party is a helper thread that
/// waits on the barrier in a loop (and is left waiting when the benchmark ends).
mod c03_barrier {
    use super::*;
    use divan::Bencher;
    use std::sync::Arc;
    use std::thread;

    /// The count-and-generation barrier of listing c03-barrier-solution.
    #[divan::bench(threads = [1])]
    fn hand_built(b: Bencher) {
        let barrier = Arc::new(c03_barrier_solution::Barrier::new(2));
        let partner = Arc::clone(&barrier);
        thread::spawn(move || {
            loop {
                partner.wait();
            }
        });
        b.bench(|| black_box(barrier.wait()));
    }

    /// `std::sync::Barrier`, the same design in the standard library.
    #[divan::bench(threads = [1])]
    fn std_barrier(b: Bencher) {
        let barrier = Arc::new(std::sync::Barrier::new(2));
        let partner = Arc::clone(&barrier);
        thread::spawn(move || {
            loop {
                partner.wait();
            }
        });
        b.bench(|| black_box(barrier.wait().is_leader()));
    }
}

/// C04: the measuring thread pops one item from a queue of 64 that a producer thread keeps full (the producer is
/// stopped, or left blocked on a full queue, when the benchmark ends).
mod c04_queue {
    use super::*;
    use divan::Bencher;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::thread;

    const CAPACITY: usize = 64;

    /// The ring buffer with a mutex and two condition variables of listing c04-ring-solution.
    #[divan::bench(threads = [1])]
    fn hand_built(b: Bencher) {
        let queue = Arc::new(c04_ring_solution::RingBuffer::new(CAPACITY));
        let producer = Arc::clone(&queue);
        thread::spawn(move || {
            for i in 0u64.. {
                producer.push(i);
            }
        });
        b.bench(|| black_box(queue.pop()));
    }

    /// `crossbeam_channel::bounded`, which blocks on both sides like the hand-built queue.
    #[divan::bench(threads = [1])]
    fn crossbeam_bounded(b: Bencher) {
        let (tx, rx) = crossbeam::channel::bounded(CAPACITY);
        thread::spawn(move || {
            for i in 0u64.. {
                if tx.send(i).is_err() {
                    return;
                }
            }
        });
        b.bench(|| black_box(rx.recv().unwrap()));
    }

    /// `crossbeam::queue::ArrayQueue`, lock-free and non-blocking: both sides spin (with `yield_now`) when it
    /// is full or empty.
    #[divan::bench(threads = [1])]
    fn crossbeam_array_queue(b: Bencher) {
        let queue = Arc::new(crossbeam::queue::ArrayQueue::new(CAPACITY));
        let stop = Arc::new(AtomicBool::new(false));
        let producer = {
            let (queue, stop) = (Arc::clone(&queue), Arc::clone(&stop));
            thread::spawn(move || {
                let mut i = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    if queue.push(i).is_ok() {
                        i += 1;
                    } else {
                        thread::yield_now();
                    }
                }
            })
        };
        b.bench(|| {
            loop {
                if let Some(v) = queue.pop() {
                    break black_box(v);
                }
                thread::yield_now();
            }
        });
        stop.store(true, Ordering::Relaxed);
        producer.join().unwrap();
    }
}
