use std::future::pending;
use tokio::sync::oneshot;
use tokio::task::JoinSet;

/// Reports through a oneshot when it is dropped, so `main` can wait for that.
struct OnDrop(Option<oneshot::Sender<&'static str>>, &'static str);

impl Drop for OnDrop {
    fn drop(&mut self) {
        let _ = self.0.take().unwrap().send(self.1);
    }
}

// ANCHOR: body
#[tokio::main]
async fn main() {
    let mut set = JoinSet::new();
    for id in [3u64, 1, 2] {
        set.spawn(async move { id * 100 });
    }
    let mut results = Vec::new();
    while let Some(res) = set.join_next().await {
        results.push(res.unwrap()); // completion order varies; the set is a group
    }
    results.sort();
    println!("all three joined: {results:?}");

    // Dropping a JoinSet aborts the tasks still in it.
    let (tx, dropped) = oneshot::channel();
    let mut set = JoinSet::new();
    let guard = OnDrop(Some(tx), "the stuck task");
    set.spawn(async move {
        let _guard = guard;
        pending::<()>().await; // would wait forever
    });
    drop(set);
    println!("dropping the set cancelled {}", dropped.await.unwrap());
}
// ANCHOR_END: body
