use crossbeam::channel::{self, select};

fn main() {
    // ANCHOR: body
    let (tx, rx) = channel::bounded::<u32>(1);
    drop(rx);

    // Go programmers reach for `select { case ch <- v: ... default: ... }`
    // hoping the default case will "catch" a closed channel. It does not in Go,
    // and here too the send case is ready: it just completes with an Err.
    select! {
        send(tx, 9) -> res => match res {
            Ok(()) => println!("sent"),
            Err(e) => {
                println!("the send case was chosen: {e}");
                println!("the value came back: {}", e.into_inner());
            }
        },
        default => println!("default chosen"),
    }
    // ANCHOR_END: body
}
