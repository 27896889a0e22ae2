use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

#[derive(Clone, Copy)]
enum Priority {
    Shutdown,
    Jobs,
}

// ANCHOR: body
async fn run(priority: Priority) -> usize {
    let (tx, mut rx) = mpsc::channel::<u32>(8);
    for job in 1..=5 {
        tx.send(job).await.unwrap();
    }
    let shutdown = CancellationToken::new();
    shutdown.cancel(); // both branches are ready before the loop starts

    let mut handled = 0;
    loop {
        match priority {
            Priority::Shutdown => tokio::select! {
                biased;
                () = shutdown.cancelled() => break,
                Some(_job) = rx.recv() => handled += 1,
            },
            Priority::Jobs => tokio::select! {
                biased;
                Some(_job) = rx.recv() => handled += 1,
                () = shutdown.cancelled() => break,
            },
        }
    }
    drop(tx); // kept alive until here: the queue is "empty", never "closed"
    handled
}
// ANCHOR_END: body

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let n = run(Priority::Shutdown).await;
    println!("shutdown checked first: handled {n} of 5 queued jobs");
    let n = run(Priority::Jobs).await;
    println!("jobs checked first: handled {n} of 5 queued jobs");
}
