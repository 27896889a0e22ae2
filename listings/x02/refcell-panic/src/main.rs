use std::cell::RefCell;

// ANCHOR: body
fn main() {
    let queue = RefCell::new(vec!["a", "b"]);
    let first = queue.borrow(); // a shared borrow, alive until the end of `main`
    println!("peeking at {}", first[0]);
    queue.borrow_mut().push("c"); // an exclusive borrow while a shared one is alive
    println!("pushed c");
}
// ANCHOR_END: body
