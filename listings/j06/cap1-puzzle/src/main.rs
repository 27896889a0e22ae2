use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: puzzle
    let (tx, rx) = mpsc::sync_channel::<i32>(1);
    tx.send(1).unwrap(); // fills the only slot; main does not block

    let tx2 = tx.clone();
    let sender = thread::spawn(move || {
        // Waits until the slot is free, or finds it free if main was quicker.
        tx2.send(2)
    });

    println!("{}", rx.recv().unwrap()); // the head of the queue: always 1
    // ANCHOR_END: puzzle

    // ANCHOR: aftermath
    // Go's puzzle ends here (after a sleep). We look at what was left behind.
    println!("the sender finished: {:?}", sender.join().unwrap());
    drop(tx);
    println!("still in the buffer: {:?}", rx.try_recv());
    println!("after that: {:?}", rx.try_recv());
    // ANCHOR_END: aftermath
}
