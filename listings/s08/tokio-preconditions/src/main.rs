use tokio::sync::mpsc::{Receiver, channel};

fn produce(vals: Vec<i32>) -> Receiver<i32> {
    let (tx, rx) = channel(1);
    tokio::spawn(async move {
        for v in vals {
            tx.send(v).await.unwrap();
        }
    });
    rx
}

// ANCHOR: preconditions
async fn merge(mut a: Receiver<i32>, mut b: Receiver<i32>) -> Vec<i32> {
    let (mut a_open, mut b_open) = (true, true);
    let mut out = Vec::new();
    while a_open || b_open {
        tokio::select! {
            // A branch whose condition is false is not polled at all this round.
            msg = a.recv(), if a_open => match msg {
                Some(v) => out.push(v),
                None => a_open = false,
            },
            msg = b.recv(), if b_open => match msg {
                Some(v) => out.push(v),
                None => b_open = false,
            },
        }
    }
    out
}
// ANCHOR_END: preconditions

// ANCHOR: option
/// Receives from `rx` if it is still there; otherwise never completes (Go's nil channel).
async fn recv_or_never(rx: &mut Option<Receiver<i32>>) -> Option<i32> {
    match rx {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}

async fn merge_options(a: Receiver<i32>, b: Receiver<i32>) -> Vec<i32> {
    let (mut a, mut b) = (Some(a), Some(b));
    let mut out = Vec::new();
    while a.is_some() || b.is_some() {
        tokio::select! {
            msg = recv_or_never(&mut a) => match msg {
                Some(v) => out.push(v),
                None => a = None, // dropping the receiver also tells the sender
            },
            msg = recv_or_never(&mut b) => match msg {
                Some(v) => out.push(v),
                None => b = None,
            },
        }
    }
    out
}
// ANCHOR_END: option

#[tokio::main]
async fn main() {
    let mut got = merge(produce(vec![1, 2, 3]), produce(vec![10, 20, 30, 40, 50])).await;
    got.sort(); // the interleaving varies; the multiset does not
    println!("with preconditions: {got:?}");
    let mut got =
        merge_options(produce(vec![1, 2, 3]), produce(vec![10, 20, 30, 40, 50])).await;
    got.sort();
    println!("with Option receivers: {got:?}");
}
