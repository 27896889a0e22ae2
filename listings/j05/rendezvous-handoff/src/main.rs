use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: body
    // Capacity 0: no buffer at all, every send is a hand-off.
    let (tx, rx) = mpsc::sync_channel::<u32>(0);

    let receiver = thread::spawn(move || {
        println!("receiver: ready, calling recv");
        rx.recv().unwrap()
    });

    // This call cannot finish until the receiver is inside `recv` and takes 42,
    // so the receiver's line above is always printed before the next one.
    tx.send(42).unwrap();
    println!("main: send returned, so the receiver already holds the value");

    let got = receiver.join().unwrap();
    println!("main: the receiver got {got}");
    // ANCHOR_END: body
}
