use std::mem::size_of_val;
use tokio::io::{AsyncWriteExt, sink};

// ANCHOR: futures
/// The buffer is used after the `.await`, so it must survive the suspension:
/// it becomes a field of the future's state machine.
async fn keeps_buffer() -> usize {
    let buf = [7u8; 4096];
    tokio::task::yield_now().await;
    let mut out = sink();
    out.write_all(&buf).await.unwrap();
    buf.len()
}

/// The buffer is used and dropped before the suspension point, so the state
/// machine does not keep it.
async fn drops_buffer() -> usize {
    let n = {
        let buf = [7u8; 4096];
        std::hint::black_box(&buf);
        buf.len()
    };
    tokio::task::yield_now().await;
    n
}

async fn outer() -> usize {
    keeps_buffer().await + 1
}

async fn outer_boxed() -> usize {
    Box::pin(keeps_buffer()).await + 1
}
// ANCHOR_END: futures

// ANCHOR: measure
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let keeps = keeps_buffer();
    let drops = drops_buffer();
    let keeps_size = size_of_val(&keeps);
    let drops_size = size_of_val(&drops);
    println!(
        "holds 4 KiB across .await: at least 4096 bytes: {}",
        keeps_size >= 4096
    );
    println!(
        "drops it before .await: under 64 bytes: {}",
        drops_size < 64
    );
    let nested = size_of_val(&outer());
    println!(
        "outer future contains the inner one: {}",
        nested >= keeps_size
    );
    let boxed = size_of_val(&outer_boxed());
    println!(
        "boxed inner future costs the outer one a pointer: {}",
        boxed < 64
    );
    println!(
        "both ran: buffers of {} and {} bytes",
        keeps.await,
        drops.await
    );
}
// ANCHOR_END: measure
