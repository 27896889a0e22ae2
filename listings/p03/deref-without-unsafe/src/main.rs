use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering::Acquire};

struct Node {
    value: u32,
    next: *mut Node,
}

fn main() {
    let head: AtomicPtr<Node> = AtomicPtr::new(ptr::null_mut());
    // ANCHOR: deref
    let top = head.load(Acquire);
    let next = (*top).next; // is `top` still allocated? the compiler cannot know
    // ANCHOR_END: deref
    println!("{} {:?}", unsafe { (*top).value }, next);
}
