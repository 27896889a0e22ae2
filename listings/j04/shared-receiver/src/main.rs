use crossbeam::channel;
use std::thread;

fn main() {
    let (tx, rx) = channel::bounded::<u32>(8);

    // A crossbeam Receiver can be cloned: both consumers take from the same queue.
    let consumers: Vec<_> = ["A", "B"]
        .into_iter()
        .map(|name| {
            let rx = rx.clone();
            thread::spawn(move || (name, rx.iter().collect::<Vec<u32>>()))
        })
        .collect();
    drop(rx); // main keeps no Receiver of its own

    for n in 1..=100 {
        tx.send(n).unwrap();
    }
    drop(tx); // closes the channel: both `rx.iter()` loops end

    let mut all = Vec::new();
    for consumer in consumers {
        let (name, got) = consumer.join().unwrap();
        println!("consumer {name} received {} values", got.len());
        all.extend(got);
    }
    all.sort_unstable();
    let expected: Vec<u32> = (1..=100).collect();
    if all == expected {
        println!("together: every value from 1 to 100, each exactly once");
    } else {
        println!("together: something was lost or duplicated");
    }
}
