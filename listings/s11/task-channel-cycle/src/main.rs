use tokio::sync::mpsc;

// ANCHOR: body
/// Sends a burst of three, then reads what the peer sent.
async fn peer(name: &str, out: mpsc::Sender<u32>, mut inbox: mpsc::Receiver<u32>) {
    for i in 0..3 {
        out.send(i).await.unwrap(); // waits for room: capacity 1
        println!("{name} sent {i}");
    }
    while let Some(msg) = inbox.recv().await {
        println!("{name} got {msg}");
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (to_b, b_inbox) = mpsc::channel(1);
    let (to_a, a_inbox) = mpsc::channel(1);
    let a = tokio::spawn(peer("a", to_b, a_inbox));
    let b = tokio::spawn(peer("b", to_a, b_inbox));
    a.await.unwrap();
    b.await.unwrap();
}
// ANCHOR_END: body
