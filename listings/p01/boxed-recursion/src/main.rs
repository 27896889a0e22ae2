// ANCHOR: body
async fn count(depth: u32) -> u64 {
    if depth == 0 {
        return 1;
    }
    // Each recursive future lives in its own allocation; this future holds
    // only the `Pin<Box<…>>` pointer while it waits.
    1 + Box::pin(count(depth - 1)).await + Box::pin(count(depth - 1)).await
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("nodes in a tree of depth 10: {}", count(10).await);
    println!("nodes in a tree of depth 20: {}", count(20).await);
}
// ANCHOR_END: body
