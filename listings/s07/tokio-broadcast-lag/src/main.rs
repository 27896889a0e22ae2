use tokio::sync::broadcast;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: lag
    let (tx, mut slow) = broadcast::channel::<u32>(2); // keeps the 2 newest
    let mut fast = tx.subscribe();
    let reader = tokio::spawn(async move {
        let mut got = Vec::new();
        while got.len() < 5 {
            got.push(fast.recv().await.expect("fast keeps up"));
        }
        got
    });
    for n in 1..=5 {
        tx.send(n).expect("there are receivers");
        tokio::task::yield_now().await; // the fast reader runs between sends
    }
    // `slow` has not read anything: 1, 2 and 3 were overwritten.
    for _ in 0..3 {
        println!("slow: {:?}", slow.recv().await);
    }
    println!("fast: {:?}", reader.await.unwrap());
    drop(tx);
    println!("after the sender is dropped: {:?}", slow.recv().await);
    // ANCHOR_END: lag
}
