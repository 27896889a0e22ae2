use std::sync::mpsc;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::channel::<u32>();
    drop(rx); // the receiving side is gone: the channel is closed

    match tx.send(5) {
        Ok(()) => println!("sent"),
        Err(err) => {
            println!("send failed: {err}"); // Display
            println!("the value came back: {}", err.0); // SendError(pub T)
        }
    }
    println!("the program goes on");
    // ANCHOR_END: body
}
