use std::mem::ManuallyDrop;
use std::ptr;
use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use sync::{AtomicPtr, UnsafeCell};

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs` checks
/// this very stack. Every field of a node is a cell, so loom sees each access to it.
mod sync {
    #[cfg(loom)]
    pub use book_model::loom::cell::UnsafeCell;
    #[cfg(loom)]
    pub use book_model::sync::atomic::AtomicPtr;
    #[cfg(not(loom))]
    pub use std::sync::atomic::AtomicPtr;

    /// std's `UnsafeCell` with loom's closure-based access.
    #[cfg(not(loom))]
    pub struct UnsafeCell<T>(std::cell::UnsafeCell<T>);
    #[cfg(not(loom))]
    impl<T> UnsafeCell<T> {
        pub fn new(value: T) -> Self {
            UnsafeCell(std::cell::UnsafeCell::new(value))
        }
        pub fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
            f(self.0.get())
        }
        pub fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
            f(self.0.get())
        }
    }
}

// ANCHOR: stack
pub struct Stack<T> {
    head: AtomicPtr<Node<T>>,
}

struct Node<T> {
    value: UnsafeCell<ManuallyDrop<T>>,
    next: UnsafeCell<*mut Node<T>>, // written before the node is published
}

// `AtomicPtr` is `Send` and `Sync` for every `T`, so without these two impls the stack
// would be both even for `Rc`. Values only move in and out, so `T: Send` is the bound.
// SAFETY: that is the promise; what this listing is about is that `pop` breaks it.
unsafe impl<T: Send> Send for Stack<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for Stack<T> {}

impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack {
            head: AtomicPtr::new(ptr::null_mut()),
        }
    }

    pub fn push(&self, value: T) {
        let node = Box::into_raw(Box::new(Node {
            value: UnsafeCell::new(ManuallyDrop::new(value)),
            next: UnsafeCell::new(ptr::null_mut()),
        }));
        loop {
            let head = self.head.load(Relaxed);
            // SAFETY: the node is ours until the compare-and-swap publishes it.
            unsafe { (*node).next.with_mut(|n| *n = head) };
            if self
                .head
                .compare_exchange(head, node, Release, Relaxed)
                .is_ok()
            {
                return;
            }
        }
    }

    pub fn pop(&self) -> Option<T> {
        loop {
            let head = self.head.load(Acquire);
            if head.is_null() {
                return None;
            }
            // BUG: another thread may have popped and freed `head` since our
            // load: this read can touch freed memory.
            let next = unsafe { (*head).next.with(|n| *n) };
            if self
                .head
                .compare_exchange(head, next, Relaxed, Relaxed)
                .is_ok()
            {
                let value =
                    unsafe { (*head).value.with_mut(|v| ManuallyDrop::take(&mut *v)) };
                unsafe { free(head) }; // BUG: others may still hold `head`
                return Some(value);
            }
        }
    }
}
// ANCHOR_END: stack

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Drop for Stack<T> {
    fn drop(&mut self) {
        while self.pop().is_some() {}
    }
}

/// Frees a node: `Box::from_raw` in the program. loom cannot check a real free (the next
/// read would be undefined behaviour in the checker itself), so under `--cfg loom` it does
/// what an allocator does to a freed block and leaks it: it writes into it (glibc keeps
/// its free-list link in the first bytes of a freed chunk). A read of `next` that is not
/// ordered before that write is the use-after-free: loom reports a causality violation.
///
/// # Safety
/// `node` came from `Box::into_raw` in `push` and is freed once.
unsafe fn free<T>(node: *mut Node<T>) {
    #[cfg(not(loom))]
    drop(unsafe { Box::from_raw(node) });
    #[cfg(loom)]
    unsafe {
        (*node).next.with_mut(|n| *n = ptr::null_mut());
    }
}

fn main() {
    // ANCHOR: use
    let stack = Stack::new();
    for v in 1..=3 {
        stack.push(v);
    }
    let popped: Vec<i32> = std::iter::from_fn(|| stack.pop()).collect();
    println!("one thread pops {popped:?}");
    // ANCHOR_END: use
}
