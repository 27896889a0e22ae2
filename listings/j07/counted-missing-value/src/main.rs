use std::sync::mpsc;
use std::thread;

// ANCHOR: work
/// Worker 1 "fails" and returns without sending anything.
fn work(id: u32) -> Option<u32> {
    if id == 1 { None } else { Some(id + 100) }
}
// ANCHOR_END: work

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::channel::<u32>();
    for id in 0..3 {
        let tx = tx.clone();
        thread::spawn(move || {
            if let Some(result) = work(id) {
                tx.send(result).unwrap();
            }
        });
    }
    drop(tx); // only the workers hold Senders now

    let mut results = Vec::new();
    for _ in 0..3 {
        match rx.recv() {
            Ok(v) => results.push(v),
            Err(e) => {
                println!("got {} of 3 results", results.len());
                println!("recv failed: {e}");
                break;
            }
        }
    }
    // ANCHOR_END: body
}
