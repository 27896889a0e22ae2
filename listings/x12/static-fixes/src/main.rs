use std::sync::Arc;
use std::thread;

fn requires_static<T: Send + 'static>(value: T) -> thread::JoinHandle<T> {
    thread::spawn(move || value)
}

// ANCHOR: body
fn main() {
    // 1. `'static` is a property of the type, not of the value's lifetime: a `String`
    //    made a moment ago is `'static` because it borrows nothing.
    let fresh = String::from("made just now");
    println!("owned String: {}", requires_static(fresh).join().unwrap());

    // 2. Shared ownership: every thread holds an `Arc`, the data lives as long as the
    //    last one.
    let words = Arc::new(vec!["pear", "fig", "apple"]);
    let handles: Vec<_> = (0..2)
        .map(|i| {
            let words = Arc::clone(&words);
            thread::spawn(move || words[i].len())
        })
        .collect();
    let lens: Vec<usize> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("Arc: {lens:?}");

    // 3. No `'static` needed: scoped threads may borrow.
    let local = [1, 2, 3];
    let sum: i32 = thread::scope(|s| s.spawn(|| local.iter().sum()).join().unwrap());
    println!("scope: {sum}");

    // 4. Data that really lives for the whole program: a literal, or a leaked box.
    let config: &'static str = Box::leak(String::from("workers=4").into_boxed_str());
    println!("leaked: {}", requires_static(config).join().unwrap());
}
// ANCHOR_END: body
