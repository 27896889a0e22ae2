use std::thread;

fn main() {
    let mut handles = Vec::new();
    for i in 0..5u32 {
        // `move` copies this iteration's `i` into the closure.
        handles.push(thread::spawn(move || i * i));
    }

    // The threads may finish in any order; joining in spawn order fixes the result order.
    let squares: Vec<u32> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("{squares:?}");
}
