use crossbeam::channel::bounded;
use std::thread;

fn main() {
    // ANCHOR: body
    let (src_tx, src_rx) = bounded::<u32>(4);
    let (mid_tx, mid_rx) = bounded::<u32>(4);
    let (out_tx, out_rx) = bounded::<u32>(4);
    println!("pipeline started");

    thread::scope(|s| {
        s.spawn(move || (1..=6).for_each(|n| src_tx.send(n).unwrap()));
        for _ in 0..2 {
            let (input, output) = (src_rx.clone(), mid_tx.clone());
            s.spawn(move || input.iter().for_each(|n| output.send(n * 2).unwrap()));
        }
        // BUG: missing `drop(mid_tx);` (it is only borrowed here, and it
        // lives until main returns)
        for _ in 0..2 {
            let (input, output) = (mid_rx.clone(), out_tx.clone());
            s.spawn(move || input.iter().for_each(|n| output.send(n + 1).unwrap()));
        }
        drop(out_tx); // this one was not forgotten

        let results: Vec<u32> = out_rx.iter().collect(); // never ends
        println!("{results:?}");
    });
    // ANCHOR_END: body
}
