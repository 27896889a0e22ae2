use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::sync_channel::<i32>(0); // was 1 in the puzzle
    tx.send(1).unwrap(); // needs a receiver *now*; main is the only thread

    // Never reached: neither the second sender nor the receive.
    let tx2 = tx.clone();
    let sender = thread::spawn(move || tx2.send(2));
    println!("{}", rx.recv().unwrap());
    sender.join().unwrap().unwrap();
    // ANCHOR_END: body
}
