use crossbeam::sync::WaitGroup;
use std::thread;

fn main() {
    // ANCHOR: body
    let wg = WaitGroup::new(); // created once, outside the loop
    for round in 0..3 {
        for worker in 0..3 {
            let wg = wg.clone();
            thread::spawn(move || {
                println!("round {round}, worker {worker}");
                drop(wg);
            });
        }
        // error[E0382]: use of moved value: `wg`
        // (`wait` takes `self`, so round 0 consumed the WaitGroup)
        wg.wait();
    }
    // ANCHOR_END: body
}
