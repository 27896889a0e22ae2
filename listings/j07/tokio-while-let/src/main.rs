use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    // ANCHOR: body
    let (tx, mut rx) = mpsc::channel::<u32>(1);

    tokio::spawn(async move {
        for i in 0..3 {
            tx.send(i).await.unwrap();
        }
        // `tx` is dropped here, at the end of the task.
    });

    while let Some(v) = rx.recv().await {
        println!("got {v}");
    }
    println!("the channel is closed and empty");
    // ANCHOR_END: body
}
