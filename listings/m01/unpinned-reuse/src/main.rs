use std::time::Duration;

use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use tokio::time::sleep;

async fn read_pair(rx: &mut UnboundedReceiver<u32>) -> Option<(u32, u32)> {
    let a = rx.recv().await?;
    let b = rx.recv().await?;
    Some((a, b))
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, mut rx) = unbounded_channel();
    tx.send(1).unwrap();
    tx.send(2).unwrap();
    // ANCHOR: body
    let mut pair = read_pair(&mut rx); // created once, outside the loop...
    loop {
        tokio::select! {
            p = &mut pair => { // ...but `&mut F` is a future only if F: Unpin
                println!("{p:?}");
                break;
            }
            () = sleep(Duration::from_millis(100)) => println!("tick"),
        }
    }
    // ANCHOR_END: body
}
