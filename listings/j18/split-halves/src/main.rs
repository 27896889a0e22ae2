use std::thread;

// ANCHOR: body
fn main() {
    let mut numbers = [1, 2, 3, 4, 5, 6, 7, 8];

    // Two `&mut` slices that provably do not overlap.
    let (left, right) = numbers.split_at_mut(4);
    thread::scope(|s| {
        s.spawn(|| left.iter_mut().for_each(|n| *n *= 2));
        s.spawn(|| right.iter_mut().for_each(|n| *n *= 2));
    }); // both threads are joined here, so the borrows end here

    println!("{numbers:?}");
}
// ANCHOR_END: body
