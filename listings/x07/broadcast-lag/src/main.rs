use tokio::sync::broadcast::{self, error::RecvError};

// ANCHOR: body
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut slow) = broadcast::channel(2); // keeps the last 2 values
    for i in 1..=5 {
        let receivers = tx.send(i).unwrap();
        if i == 1 {
            println!("send reached {receivers} receiver(s)");
        }
    }
    let mut late = tx.subscribe(); // sees only what is sent from now on
    tx.send(6).unwrap();
    drop(tx);

    loop {
        match slow.recv().await {
            Ok(v) => println!("slow got {v}"),
            Err(RecvError::Lagged(n)) => println!("slow lagged: {n} values lost"),
            Err(RecvError::Closed) => break,
        }
    }
    println!("late got {:?}", late.recv().await);
    println!("late then {:?}", late.recv().await);
}
// ANCHOR_END: body
