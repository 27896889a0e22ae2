//! C04 · A bounded producer–consumer queue on a ring buffer. Replace every
//! `todo!()`, then run the interviewer's tests: `cargo test -p c04-ring-exercise`.
#![allow(unused_variables)] // the `todo!()` bodies do not use their parameters yet
use std::marker::PhantomData;
use std::thread;

// ANCHOR: api
/// A first-in first-out queue of at most `capacity` items, stored in a fixed
/// ring of slots allocated once. Shared by reference between producer and
/// consumer threads: every method takes `&self`.
pub struct RingBuffer<T> {
    // Replace with your fields.
    _todo: PhantomData<T>,
}

impl<T> RingBuffer<T> {
    /// An empty queue with room for `capacity` items (at least 1).
    pub fn new(capacity: usize) -> Self {
        todo!()
    }

    /// Appends `value`, waiting while the queue is full.
    pub fn push(&self, value: T) {
        todo!()
    }

    /// Removes the oldest item, waiting while the queue is empty.
    pub fn pop(&self) -> T {
        todo!()
    }

    /// Appends `value` if there is room; gives it back if the queue is full.
    pub fn try_push(&self, value: T) -> Result<(), T> {
        todo!()
    }

    /// Removes the oldest item, if there is one.
    pub fn try_pop(&self) -> Option<T> {
        todo!()
    }
}
// ANCHOR_END: api

fn main() {
    let queue = RingBuffer::new(2);
    let total: u64 = thread::scope(|s| {
        s.spawn(|| (1..=100).for_each(|i| queue.push(i)));
        s.spawn(|| (0..100).map(|_| queue.pop()).sum())
            .join()
            .unwrap()
    });
    println!("sum of 1..=100 through a queue of 2: {total}");
}
