use std::sync::{Mutex, mpsc};
use std::thread;

/// Data moves from a producer to a consumer: a channel.
fn hand_off() -> Vec<&'static str> {
    let (tx, rx) = mpsc::sync_channel(0); // rendezvous, like Go's `make(chan string)`
    let producer = thread::spawn(move || {
        for step in ["parse", "check", "emit"] {
            tx.send(step).unwrap();
        }
        // `tx` is dropped here: that closes the channel and ends the loop below.
    });
    let received: Vec<_> = rx.iter().collect();
    producer.join().unwrap();
    received
}

/// Work must finish before we go on: wait for it (Go's WaitGroup job).
fn join_halves(numbers: &[u32]) -> (u32, u32) {
    let (left, right) = numbers.split_at(numbers.len() / 2);
    thread::scope(|s| {
        let a = s.spawn(|| left.iter().sum::<u32>());
        let b = s.spawn(|| right.iter().sum::<u32>());
        (a.join().unwrap(), b.join().unwrap())
    }) // every thread spawned in the scope is joined before `scope` returns
}

/// Many threads update one value: a lock around the value.
fn shared_counter() -> u32 {
    let count = Mutex::new(0);
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..250 {
                    *count.lock().unwrap() += 1;
                }
            });
        }
    });
    count.into_inner().unwrap()
}

fn main() {
    println!("hand-off: received {:?}", hand_off());
    let (a, b) = join_halves(&[1, 2, 3, 4, 5, 6, 7, 8]);
    println!("join:     both halves done, {a} + {b} = {}", a + b);
    println!(
        "state:    4 threads x 250 increments = {}",
        shared_counter()
    );
}
