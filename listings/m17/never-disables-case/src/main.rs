use crossbeam::channel::{Receiver, never, select, unbounded};
use std::thread;

fn producer(values: Vec<i32>) -> Receiver<i32> {
    let (tx, rx) = unbounded();
    thread::spawn(move || {
        for v in values {
            tx.send(v).unwrap();
        }
        // `tx` is dropped here: the channel is closed.
    });
    rx
}

fn main() {
    // ANCHOR: body
    // `None` plays the part of Go's nil channel.
    let mut a: Option<Receiver<i32>> = Some(producer(vec![1, 2, 3]));
    let mut b: Option<Receiver<i32>> = Some(producer(vec![10, 20]));
    // A receiver that is never ready: `select!` needs *something* in the slot.
    let off: Receiver<i32> = never();

    let mut merged = Vec::new();
    while a.is_some() || b.is_some() {
        select! {
            recv(a.as_ref().unwrap_or(&off)) -> msg => match msg {
                Ok(v) => merged.push(v),
                // Closed: switch this case off instead of spinning on it.
                Err(_) => a = None,
            },
            recv(b.as_ref().unwrap_or(&off)) -> msg => match msg {
                Ok(v) => merged.push(v),
                Err(_) => b = None,
            },
        }
    }
    // ANCHOR_END: body

    // The interleaving of the two inputs varies from run to run; sort it.
    merged.sort();
    println!("merged: {merged:?}");
    println!("both inputs closed after {} values", merged.len());
}
