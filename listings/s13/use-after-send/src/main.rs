use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: body
    let (out, inbox) = mpsc::channel::<Vec<u32>>();
    let consumer = thread::spawn(move || inbox.recv().unwrap().iter().sum::<u32>());
    let mut batch = vec![1, 2, 3];
    out.send(batch).unwrap(); // ownership goes with the message
    batch.push(4); // the Go version compiles and races
    println!("{}", consumer.join().unwrap());
    // ANCHOR_END: body
}
