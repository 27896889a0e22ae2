use crossbeam::sync::WaitGroup;
use std::thread;

fn main() {
    // ANCHOR: body
    let wg = WaitGroup::new();
    // Meant for a fourth worker that was never spawned: an Add(1) with no Done.
    let forgotten = wg.clone();

    for _ in 0..3 {
        let wg = wg.clone();
        thread::spawn(move || drop(wg));
    }
    println!("3 workers started; main waits");

    wg.wait(); // the count never reaches zero: `forgotten` still counts
    println!("never printed");
    drop(forgotten);
    // ANCHOR_END: body
}
