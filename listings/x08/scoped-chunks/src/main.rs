use std::thread;

// ANCHOR: body
fn main() {
    let mut readings = vec![3, 1, 4, 1, 5, 9, 2, 6];
    let threshold = 3; // borrowed by every thread, no `Arc`

    let counts: Vec<usize> = thread::scope(|s| {
        let handles: Vec<_> = readings
            .chunks_mut(3) // each thread gets its own `&mut` part
            .map(|chunk| {
                s.spawn(move || {
                    chunk.iter_mut().for_each(|r| *r *= 10);
                    chunk.iter().filter(|&&r| r > threshold * 10).count()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    }); // every thread has been joined here, so the borrows have ended

    println!("above the threshold per chunk: {counts:?}");
    println!("readings after the scope: {readings:?}");
}
// ANCHOR_END: body
