use std::thread;

fn main() {
    // ANCHOR: body
    let mut slots = [0u32; 5];

    thread::scope(|s| {
        // iter_mut hands each worker a `&mut` to a different element,
        // so the workers cannot step on each other.
        for (i, slot) in slots.iter_mut().enumerate() {
            s.spawn(move || *slot = i as u32 * 10);
        }
    }); // <- every spawned thread has been joined here: this is wg.Wait()

    // The borrows ended with the scope, so main may read the array again.
    println!("{slots:?}");
    // ANCHOR_END: body
}
