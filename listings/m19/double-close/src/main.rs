use crossbeam::channel::unbounded;
use std::thread;

fn main() {
    let (tx, rx) = unbounded::<u32>();

    // ANCHOR: body
    // Both workers want to "close when done", so both want the one Sender.
    let a = thread::spawn(move || {
        tx.send(1).unwrap();
        drop(tx); // close #1
    });
    // error[E0382]: use of moved value: `tx` (it already moved into `a`)
    let b = thread::spawn(move || {
        tx.send(2).unwrap();
        drop(tx); // close #2 would have been Go's panic
    });
    // ANCHOR_END: body

    a.join().unwrap();
    b.join().unwrap();
    println!("{:?}", rx.iter().collect::<Vec<_>>());
}
