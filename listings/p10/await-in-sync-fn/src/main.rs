use tokio::sync::oneshot;

// ANCHOR: body
async fn lookup(key: &str) -> String {
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move { tx.send("ok").unwrap() });
    format!("{key}={}", rx.await.unwrap())
}

/// A plain function that wants the result: it cannot wait for it.
fn handle(key: &str) -> String {
    lookup(key).await
}
// ANCHOR_END: body

#[tokio::main]
async fn main() {
    println!("{}", handle("a"));
}
