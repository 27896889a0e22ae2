use std::sync::mpsc;

fn main() {
    let (tx, rx) = mpsc::sync_channel::<i32>(2);
    tx.send(1).unwrap();
    println!("buffered: {}", rx.len()); // std's channels do not expose a length
}
