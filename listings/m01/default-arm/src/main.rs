use crossbeam::channel::{bounded, select};

fn main() {
    // ANCHOR: body
    let (tx, rx) = bounded::<i32>(1);

    // Go: select { case v := <-ch: ...; default: ... }
    select! {
        recv(rx) -> msg => println!("got {msg:?}"),
        default => println!("nothing ready: took the default arm"),
    }

    tx.send(7).unwrap();
    select! {
        recv(rx) -> msg => println!("got {msg:?}"),
        default => println!("nothing ready: took the default arm"),
    }

    // A non-blocking send: the capacity-1 buffer takes one value, not two.
    for v in [1, 2] {
        select! {
            send(tx, v) -> res => {
                res.unwrap();
                println!("sent {v}");
            }
            default => println!("buffer full: {v} dropped instead of waiting"),
        }
    }

    // Unlike Go, sending to a channel whose receivers are gone does not panic:
    // the send case is ready and hands back an error.
    drop(rx);
    select! {
        send(tx, 3) -> res => match res {
            Ok(()) => println!("sent 3"),
            Err(_) => println!("receiver gone: send case ready with Err(SendError(..))"),
        },
        default => println!("nothing ready"),
    }
    // ANCHOR_END: body
}
