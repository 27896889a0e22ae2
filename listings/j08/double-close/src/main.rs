use std::sync::mpsc;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::channel::<i32>();
    tx.send(1).unwrap();

    drop(tx); // "close"
    drop(tx); // "close" again: Go panics at run time; Rust does not compile
    // ANCHOR_END: body

    for v in rx {
        println!("{v}");
    }
}
