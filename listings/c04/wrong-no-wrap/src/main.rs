//! C04 · A wrong queue: its tail does not wrap around the ring.
use std::sync::PoisonError;
use std::sync::{Condvar, Mutex};

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
    // ANCHOR: put
    fn put(&mut self, value: T) {
        // BUG: no `% self.slots.len()`. Once `head` has moved on, the tail
        // runs off the end of the slots instead of wrapping to slot 0.
        let tail = self.head + self.len;
        self.slots[tail] = Some(value);
        self.len += 1;
    }
    // ANCHOR_END: put

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
        self.not_empty.notify_one();
        Ok(())
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
    // Fill and empty once from slot 0: the tail never needs to wrap.
    let queue = RingBuffer::new(3);
    (1..=3).for_each(|i| queue.push(i));
    let popped: Vec<i32> = (0..3).map(|_| queue.pop()).collect();
    println!("popped {popped:?}");
}
