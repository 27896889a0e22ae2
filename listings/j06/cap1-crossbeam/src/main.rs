use crossbeam::channel;
use std::thread;

fn main() {
    // ANCHOR: body
    let (tx, rx) = channel::bounded::<i32>(1);
    tx.send(1).unwrap();
    println!("len before the receive: {}", rx.len());

    thread::scope(|s| {
        s.spawn(|| tx.send(2).unwrap());
        println!("received: {}", rx.recv().unwrap());
    }); // the scope joins the sender: its send has completed

    // The receive made room, the sender filled it again: one value, 2, waits.
    println!("len after the sender finished: {}", rx.len());
    // ANCHOR_END: body
}
