use tokio::sync::mpsc;

fn producer(values: Vec<i32>) -> mpsc::Receiver<i32> {
    let (tx, rx) = mpsc::channel(4);
    tokio::spawn(async move {
        for v in values {
            tx.send(v).await.unwrap();
        }
    });
    rx
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: body
    let mut a = producer(vec![1, 2, 3]);
    let mut b = producer(vec![10, 20]);
    let (mut a_open, mut b_open) = (true, true);

    let mut merged = Vec::new();
    loop {
        tokio::select! {
            // `, if a_open` is the nil-channel trick: a false precondition
            // means this branch is not polled in this round.
            v = a.recv(), if a_open => match v {
                Some(v) => merged.push(v),
                None => a_open = false,
            },
            v = b.recv(), if b_open => match v {
                Some(v) => merged.push(v),
                None => b_open = false,
            },
            // Runs when every branch is disabled (without it, select! panics).
            else => break,
        }
    }
    // ANCHOR_END: body

    merged.sort();
    println!("merged: {merged:?}");
    println!("all branches disabled: both inputs closed");
}
