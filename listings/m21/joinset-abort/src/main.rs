use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinSet;

/// Reports, when dropped, that the task owning it was torn down.
struct OnDrop(Option<oneshot::Sender<&'static str>>);

impl Drop for OnDrop {
    fn drop(&mut self) {
        if let Some(tx) = self.0.take() {
            let _ = tx.send("aborted");
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: body
    let (_keep_tx, mut rx) = mpsc::channel::<u32>(1); // never sent on, never closed
    let (report_tx, report_rx) = oneshot::channel();

    let mut set = JoinSet::new();
    let guard = OnDrop(Some(report_tx));
    set.spawn(async move {
        let _guard = guard; // lives exactly as long as the task's state
        println!("task: waiting for a message");
        rx.recv().await // would wait forever
    });
    tokio::task::yield_now().await; // let the task start and block

    println!("main: dropping the JoinSet");
    drop(set); // aborts every task still in the set
    println!("task state dropped: {}", report_rx.await.unwrap());
    // ANCHOR_END: body
}
