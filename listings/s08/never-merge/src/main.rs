use crossbeam::channel::{Receiver, never, select, unbounded};
use std::thread;

fn produce(vals: Vec<i32>) -> Receiver<i32> {
    let (tx, rx) = unbounded();
    thread::spawn(move || {
        for v in vals {
            tx.send(v).unwrap();
        }
    }); // tx dropped here: the receiver sees a disconnect once it is drained
    rx
}

// ANCHOR: body
fn merge(mut a: Receiver<i32>, mut b: Receiver<i32>) -> Vec<i32> {
    let (mut a_open, mut b_open) = (true, true);
    let mut out = Vec::new();
    while a_open || b_open {
        select! {
            recv(a) -> msg => match msg {
                Ok(v) => out.push(v),
                Err(_) => { a = never(); a_open = false; } // like `a = nil` in Go
            },
            recv(b) -> msg => match msg {
                Ok(v) => out.push(v),
                Err(_) => { b = never(); b_open = false; }
            },
        }
    }
    out
}

fn main() {
    let mut got = merge(produce(vec![1, 2, 3]), produce(vec![10, 20, 30, 40, 50]));
    got.sort(); // the interleaving varies; the multiset does not
    println!("merged: {got:?}");
}
// ANCHOR_END: body
