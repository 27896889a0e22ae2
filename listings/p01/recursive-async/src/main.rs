// ANCHOR: body
/// Counts the nodes of a complete binary tree of the given depth, one `.await` per node.
async fn count(depth: u32) -> u64 {
    if depth == 0 {
        return 1;
    }
    1 + count(depth - 1).await + count(depth - 1).await
}
// ANCHOR_END: body

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("{}", count(10).await);
}
