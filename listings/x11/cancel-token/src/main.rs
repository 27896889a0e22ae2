use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;
use tokio_util::sync::CancellationToken;

// ANCHOR: body
async fn worker(token: CancellationToken, mut jobs: mpsc::Receiver<u32>) -> Vec<String> {
    let mut log = Vec::new();
    loop {
        tokio::select! {
            _ = token.cancelled() => {
                // Cancellation is a message here: the worker decides how to stop,
                // and may still `.await` while cleaning up.
                sleep(Duration::from_millis(5)).await; // e.g. flush a buffer
                log.push("flushed and stopped".to_string());
                return log;
            }
            Some(job) = jobs.recv() => {
                sleep(Duration::from_millis(10)).await; // a job is never cut in half
                log.push(format!("job {job} done"));
            }
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let token = CancellationToken::new();
    let (tx, rx) = mpsc::channel(8);
    let handle = tokio::spawn(worker(token.child_token(), rx));
    for job in 1..=2 {
        tx.send(job).await.unwrap();
    }
    sleep(Duration::from_millis(25)).await; // both jobs are done by now
    token.cancel();
    for line in handle.await.unwrap() {
        println!("{line}");
    }
}
// ANCHOR_END: body
