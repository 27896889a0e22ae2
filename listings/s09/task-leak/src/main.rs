use std::time::Duration;
use tokio::runtime::Runtime;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

/// Waits (at most 5 s) until the runtime reports `n` live tasks; returns the
/// count it saw last.
async fn settle(rt: &tokio::runtime::Handle, n: usize) -> usize {
    for _ in 0..5000 {
        if rt.metrics().num_alive_tasks() == n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    rt.metrics().num_alive_tasks()
}

// ANCHOR: leak
fn leaky() {
    let rt = Runtime::new().unwrap();
    rt.block_on(async {
        let mut senders = Vec::new(); // e.g. a registry of subscribers nobody cleans up
        for _ in 0..10 {
            let (tx, mut rx) = mpsc::channel::<u32>(1);
            senders.push(tx);
            tokio::spawn(async move {
                while let Some(msg) = rx.recv().await {
                    let _ = msg;
                }
            });
        }
        let alive = settle(&tokio::runtime::Handle::current(), 10).await;
        println!(
            "leaky: num_alive_tasks() = {alive} after the senders were stored and forgotten"
        );
    });
}
// ANCHOR_END: leak

// ANCHOR: fix
fn fixed() {
    let rt = Runtime::new().unwrap();
    rt.block_on(async {
        let token = CancellationToken::new();
        let mut senders = Vec::new();
        for _ in 0..10 {
            let (tx, mut rx) = mpsc::channel::<u32>(1);
            senders.push(tx);
            let token = token.clone();
            tokio::spawn(async move {
                loop {
                    tokio::select! {
                        _ = token.cancelled() => return,
                        msg = rx.recv() => if msg.is_none() { return },
                    }
                }
            });
        }
        let handle = tokio::runtime::Handle::current();
        println!(
            "fixed: num_alive_tasks() = {} before cancel()",
            settle(&handle, 10).await
        );
        token.cancel();
        println!(
            "fixed: num_alive_tasks() = {} after cancel()",
            settle(&handle, 0).await
        );
    });
}
// ANCHOR_END: fix

fn main() {
    leaky();
    fixed();
}
