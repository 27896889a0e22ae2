use tokio::signal::unix::{SignalKind, signal};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: body
    let sigterm = signal(SignalKind::terminate()).expect("a SIGTERM handler");
    drop(sigterm); // nobody will ever call `recv`
    println!("handler dropped, nothing listens");
    std::future::pending::<()>().await; // a drain that hangs
    // ANCHOR_END: body
}
