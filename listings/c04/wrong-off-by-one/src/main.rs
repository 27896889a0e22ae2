//! C04 · A wrong queue: a head and a tail index, and no count.
use std::sync::PoisonError;
use std::sync::{Condvar, Mutex};

pub struct RingBuffer<T> {
    ring: Mutex<Ring<T>>,
    not_empty: Condvar, // consumers wait here
    not_full: Condvar,  // producers wait here
}

// ANCHOR: indices
struct Ring<T> {
    slots: Box<[Option<T>]>,
    head: usize, // the next slot to take from
    tail: usize, // the next slot to put into
}

impl<T> Ring<T> {
    fn put(&mut self, value: T) {
        self.slots[self.tail] = Some(value);
        self.tail = (self.tail + 1) % self.slots.len();
    }

    fn take(&mut self) -> T {
        let value = self.slots[self.head]
            .take()
            .expect("a slot before tail is full");
        self.head = (self.head + 1) % self.slots.len();
        value
    }

    fn is_empty(&self) -> bool {
        self.head == self.tail
    }

    // BUG: with only two indices, "full" and "empty" would both be
    // head == tail, so full is declared one slot early: a ring of n slots
    // holds n - 1 items, and a queue of capacity 1 holds none at all.
    fn is_full(&self) -> bool {
        (self.tail + 1) % self.slots.len() == self.head
    }
}
// ANCHOR_END: indices

impl<T> RingBuffer<T> {
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "a ring buffer needs at least one slot");
        let slots = (0..capacity).map(|_| None).collect();
        RingBuffer {
            ring: Mutex::new(Ring {
                slots,
                head: 0,
                tail: 0,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
        }
    }

    pub fn push(&self, value: T) {
        let ring = self.ring.lock().unwrap_or_else(PoisonError::into_inner);
        let mut ring = self
            .not_full
            .wait_while(ring, |r| r.is_full())
            .unwrap_or_else(PoisonError::into_inner);
        ring.put(value);
        self.not_empty.notify_one();
    }

    pub fn pop(&self) -> T {
        let ring = self.ring.lock().unwrap_or_else(PoisonError::into_inner);
        let mut ring = self
            .not_empty
            .wait_while(ring, |r| r.is_empty())
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
        self.not_empty.notify_one();
        Ok(())
    }

    pub fn try_pop(&self) -> Option<T> {
        let mut ring = self.ring.lock().unwrap_or_else(PoisonError::into_inner);
        if ring.is_empty() {
            return None;
        }
        let value = ring.take();
        self.not_full.notify_one();
        Some(value)
    }
}

fn main() {
    let queue = RingBuffer::new(4);
    let accepted = (1..=4).filter(|&i| queue.try_push(i).is_ok()).count();
    println!("a queue of capacity 4 accepted {accepted} items");
}
