use std::cell::UnsafeCell;

// ANCHOR: body
/// A minimal `Cell`: a value that can be replaced through a shared reference.
struct MyCell<T> {
    value: UnsafeCell<T>,
}

impl<T: Copy> MyCell<T> {
    fn new(v: T) -> Self {
        MyCell {
            value: UnsafeCell::new(v),
        }
    }

    fn get(&self) -> T {
        // SAFETY: `MyCell` is not `Sync` (`UnsafeCell` is not), so no other thread can
        // hold a `&MyCell`; and no reference into the value escapes a method.
        unsafe { *self.value.get() }
    }

    fn set(&self, v: T) {
        // SAFETY: as in `get`: one thread, and no outstanding reference to the value.
        unsafe { *self.value.get() = v }
    }
}

fn main() {
    let hits = MyCell::new(0u32);
    let a = &hits;
    let b = &hits; // two shared references, and both may write
    a.set(a.get() + 1);
    b.set(b.get() + 1);
    println!("hits = {}", hits.get());
}
// ANCHOR_END: body
