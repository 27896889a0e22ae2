use std::future::pending;
use std::time::{Duration, Instant};

use tokio::time::timeout_at;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: body
    let deadline = Instant::now() + Duration::from_millis(100); // std's Instant
    let r = timeout_at(deadline, pending::<()>()).await;
    // ANCHOR_END: body
    println!("{r:?}");
}
