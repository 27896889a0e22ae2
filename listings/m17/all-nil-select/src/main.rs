use crossbeam::channel::{Receiver, never, select, unbounded};
use std::thread;

fn producer(values: Vec<i32>) -> Receiver<i32> {
    let (tx, rx) = unbounded();
    thread::spawn(move || {
        for v in values {
            tx.send(v).unwrap();
        }
    });
    rx
}

fn main() {
    let mut a = Some(producer(vec![1, 2, 3]));
    let mut b = Some(producer(vec![10, 20]));
    let off: Receiver<i32> = never();
    let mut merged = Vec::new();

    println!("merging");
    // ANCHOR: body
    // BUG: `loop` instead of `while a.is_some() || b.is_some()`.
    // Go's equivalent is a select whose channels have all been set to nil.
    loop {
        select! {
            recv(a.as_ref().unwrap_or(&off)) -> msg => match msg {
                Ok(v) => merged.push(v),
                Err(_) => a = None,
            },
            recv(b.as_ref().unwrap_or(&off)) -> msg => match msg {
                Ok(v) => merged.push(v),
                Err(_) => b = None,
            },
        }
    }
    // ANCHOR_END: body
}
