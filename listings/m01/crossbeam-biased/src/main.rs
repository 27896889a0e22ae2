use crossbeam::channel::{select_biased, unbounded};

fn main() {
    // ANCHOR: body
    let (urgent_tx, urgent) = unbounded();
    let (normal_tx, normal) = unbounded();
    for i in 0..3 {
        normal_tx.send(format!("normal {i}")).unwrap();
        urgent_tx.send(format!("urgent {i}")).unwrap();
    }
    // The senders stay alive: a disconnected `urgent` would be ready for ever
    // (with an error) and, placed first, would starve `normal`.

    for _ in 0..6 {
        // Both are ready until `urgent` is drained; the first ready operation
        // in the list wins, never a random one.
        select_biased! {
            recv(urgent) -> msg => println!("{}", msg.unwrap()),
            recv(normal) -> msg => println!("{}", msg.unwrap()),
        }
    }
    println!("both channels drained");
    // ANCHOR_END: body
    drop((urgent_tx, normal_tx));
}
