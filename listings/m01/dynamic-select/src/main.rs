use crossbeam::channel::{Receiver, Select, unbounded};
use std::thread;

fn main() {
    // ANCHOR: body
    // How many inputs there are is a run-time value, so a macro with a fixed
    // list of cases cannot express it. Go needs reflect.Select for this.
    let producers = 4;
    let mut inputs: Vec<Receiver<u32>> = Vec::new();
    let mut handles = Vec::new();
    for p in 0..producers {
        let (tx, rx) = unbounded();
        inputs.push(rx);
        handles.push(thread::spawn(move || {
            for i in 0..5 {
                tx.send(p * 5 + i).unwrap();
            }
        }));
    }

    let (mut count, mut total) = (0, 0);
    while !inputs.is_empty() {
        let mut sel = Select::new();
        for rx in &inputs {
            sel.recv(rx);
        }
        let oper = sel.select(); // blocks until one input is ready
        let i = oper.index();
        match oper.recv(&inputs[i]) {
            // must complete with the same receiver
            Ok(v) => {
                count += 1;
                total += v;
            }
            Err(_) => {
                inputs.swap_remove(i); // disconnected: stop watching it
            }
        }
    }
    println!("received {count} values from {producers} producers, total {total}");
    println!("all inputs disconnected");
    for h in handles {
        h.join().unwrap();
    }
    // ANCHOR_END: body
}
