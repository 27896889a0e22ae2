//! C04 · A wrong queue: a producer that never wakes the consumers.
use std::sync::PoisonError;
use sync::{Condvar, Mutex};

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::{Condvar, Mutex};
    #[cfg(not(loom))]
    pub use std::sync::{Condvar, Mutex};
}

pub struct RingBuffer<T> {
    ring: Mutex<Ring<T>>,
    not_empty: Condvar, // consumers wait here
    not_full: Condvar,  // producers wait here
}

struct Ring<T> {
    slots: Box<[Option<T>]>,
    head: usize, // the oldest item's slot
    len: usize,  // how many items; with head, tells full from empty
}

impl<T> Ring<T> {
    fn put(&mut self, value: T) {
        let tail = (self.head + self.len) % self.slots.len();
        self.slots[tail] = Some(value);
        self.len += 1;
    }

    fn take(&mut self) -> T {
        let value = self.slots[self.head]
            .take()
            .expect("a counted slot is full");
        self.head = (self.head + 1) % self.slots.len();
        self.len -= 1;
        value
    }

    fn is_full(&self) -> bool {
        self.len == self.slots.len()
    }
}

impl<T> RingBuffer<T> {
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "a ring buffer needs at least one slot");
        let slots = (0..capacity).map(|_| None).collect();
        RingBuffer {
            ring: Mutex::new(Ring {
                slots,
                head: 0,
                len: 0,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
        }
    }

    // ANCHOR: push
    pub fn push(&self, value: T) {
        let ring = self.ring.lock().unwrap_or_else(PoisonError::into_inner);
        let mut ring = self
            .not_full
            .wait_while(ring, |r| r.is_full())
            .unwrap_or_else(PoisonError::into_inner);
        ring.put(value);
        // BUG: no `self.not_empty.notify_one()`. A consumer asleep on an
        // empty queue is not woken by this item, nor by the next ones.
    }

    // ANCHOR_END: push

    pub fn pop(&self) -> T {
        let ring = self.ring.lock().unwrap_or_else(PoisonError::into_inner);
        let mut ring = self
            .not_empty
            .wait_while(ring, |r| r.len == 0)
            .unwrap_or_else(PoisonError::into_inner);
        let value = ring.take();
        self.not_full.notify_one();
        value
    }

    pub fn try_push(&self, value: T) -> Result<(), T> {
        let mut ring = self.ring.lock().unwrap_or_else(PoisonError::into_inner);
        if ring.is_full() {
            return Err(value);
        }
        ring.put(value);
        Ok(()) // BUG: the same missing notify
    }

    pub fn try_pop(&self) -> Option<T> {
        let mut ring = self.ring.lock().unwrap_or_else(PoisonError::into_inner);
        if ring.len == 0 {
            return None;
        }
        let value = ring.take();
        self.not_full.notify_one();
        Some(value)
    }
}

fn main() {
    // One thread pushes, then pops: it never sleeps in `pop`, so the missing
    // wake-up goes unnoticed. The tests and loom use two threads.
    let queue = RingBuffer::new(2);
    queue.push(1);
    queue.push(2);
    println!("popped {} and {}", queue.pop(), queue.pop());
}
