use std::mem::ManuallyDrop;
use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use std::thread;
use sync::UnsafeCell;
use sync::epoch::{self, Atomic, Owned};

/// crossbeam's epochs and std's cell in the program; under `--cfg loom` loom's cell and a
/// stand-in for `epoch` with crossbeam's API whose `defer_destroy` never frees
/// (`tools/book-model/src/epoch.rs`), so `tests/model.rs` checks this very stack.
mod sync {
    #[cfg(loom)]
    pub use book_model::epoch;
    #[cfg(loom)]
    pub use book_model::loom::cell::UnsafeCell;
    #[cfg(not(loom))]
    pub use crossbeam::epoch;

    /// std's `UnsafeCell` with loom's closure-based access.
    #[cfg(not(loom))]
    pub struct UnsafeCell<T>(std::cell::UnsafeCell<T>);
    #[cfg(not(loom))]
    impl<T> UnsafeCell<T> {
        pub fn new(value: T) -> Self {
            UnsafeCell(std::cell::UnsafeCell::new(value))
        }
        pub fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
            f(self.0.get())
        }
    }
}

// ANCHOR: stack
pub struct Stack<T> {
    head: Atomic<Node<T>>,
}

struct Node<T> {
    value: UnsafeCell<ManuallyDrop<T>>, // moved out by the one pop that unlinks it
    next: Atomic<Node<T>>,
}

// SAFETY: each value is moved in by one push and out by the one pop whose
// compare-and-swap unlinked its node, so values only need to be `Send`.
unsafe impl<T: Send> Send for Stack<T> {}
// SAFETY: as above; nodes are shared, their values never are.
unsafe impl<T: Send> Sync for Stack<T> {}

impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack {
            head: Atomic::null(),
        }
    }

    pub fn push(&self, value: T) {
        let mut node = Owned::new(Node {
            value: UnsafeCell::new(ManuallyDrop::new(value)),
            next: Atomic::null(),
        });
        let guard = epoch::pin();
        loop {
            let head = self.head.load(Relaxed, &guard);
            node.next.store(head, Relaxed);
            // Release: whoever loads this head with Acquire sees the node's
            // value and `next` as written above.
            match self
                .head
                .compare_exchange(head, node, Release, Relaxed, &guard)
            {
                Ok(_) => return,
                Err(lost) => node = lost.new, // another push or pop won: retry
            }
        }
    }

    pub fn pop(&self) -> Option<T> {
        let guard = epoch::pin();
        loop {
            // Acquire: pairs with the Release of the push that published `head`.
            let head = self.head.load(Acquire, &guard);
            // SAFETY: while we are pinned, no node we can reach is freed.
            let node = unsafe { head.as_ref() }?;
            let next = node.next.load(Relaxed, &guard);
            // Relaxed is enough on success: we publish nothing, we only unlink.
            if self
                .head
                .compare_exchange(head, next, Relaxed, Relaxed, &guard)
                .is_ok()
            {
                // SAFETY: our compare-and-swap unlinked the node, so no other
                // pop can take its value; other threads may still read `next`,
                // so the node is freed only when every pinned thread has left.
                unsafe {
                    let value = node.value.with_mut(|v| ManuallyDrop::take(&mut *v));
                    guard.defer_destroy(head);
                    return Some(value);
                }
            }
        }
    }
}

impl<T> Drop for Stack<T> {
    fn drop(&mut self) {
        while self.pop().is_some() {} // drop the values still inside
    }
}
// ANCHOR_END: stack

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Self::new()
    }
}

fn main() {
    // ANCHOR: use
    let stack = Stack::new();
    thread::scope(|s| {
        for t in 0..4_u64 {
            let stack = &stack;
            s.spawn(move || {
                for i in 0..10_000 {
                    stack.push(t * 10_000 + i);
                }
            });
        }
    });
    let (mut count, mut sum) = (0, 0);
    while let Some(v) = stack.pop() {
        count += 1;
        sum += v;
    }
    println!(
        "popped {count} values, sum {sum} (expected {})",
        (0..40_000_u64).sum::<u64>()
    );
    // ANCHOR_END: use
}
