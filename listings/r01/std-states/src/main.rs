use std::sync::mpsc::{self, TrySendError};

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::sync_channel::<i32>(2);
    let r = tx.send(1); // room in the buffer
    println!("send, room in the buffer:       {r:?}");
    tx.send(2).unwrap();
    match tx.try_send(3) {
        Err(TrySendError::Full(v)) => {
            println!("try_send, buffer full:          Err(Full), {v} came back")
        }
        other => println!("try_send, buffer full:          {other:?}"),
    }
    while rx.try_recv().is_ok() {}
    println!("try_recv, empty, sender alive:  {:?}", rx.try_recv());

    let (zero_tx, _zero_rx) = mpsc::sync_channel::<i32>(0);
    match zero_tx.try_send(4) {
        Err(TrySendError::Full(_)) => {
            println!("capacity 0, no receiver waiting: try_send is Err(Full)")
        }
        other => println!("capacity 0, no receiver waiting: {other:?}"),
    }

    drop(rx); // the receiver hangs up
    match tx.send(5) {
        Err(mpsc::SendError(v)) => {
            println!("send, receiver dropped:         Err(SendError), {v} came back")
        }
        Ok(()) => println!("send, receiver dropped:         Ok"),
    }

    let (tx, rx) = mpsc::sync_channel::<i32>(2);
    tx.send(8).unwrap();
    drop(tx); // every sender gone, one value left
    println!("recv, senders dropped, 1 left:  {:?}", rx.recv());
    println!("recv, senders dropped, drained: {:?}, at once", rx.recv());
    println!("try_recv, senders dropped:      {:?}", rx.try_recv());
    // ANCHOR_END: body
}
