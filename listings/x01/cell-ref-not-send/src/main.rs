use std::cell::Cell;
use std::thread;

// ANCHOR: body
fn main() {
    let hits = Cell::new(0);
    thread::scope(|s| {
        // The closure captures `&Cell<i32>`; a scoped thread needs it to be `Send`.
        s.spawn(|| hits.set(hits.get() + 1));
        hits.set(hits.get() + 1);
    });
    println!("hits = {}", hits.get());
}
// ANCHOR_END: body
