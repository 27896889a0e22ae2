use tokio::task::JoinSet;

#[tokio::main]
async fn main() {
    // ANCHOR: body
    let mut set = JoinSet::new();
    for i in 0..5u64 {
        set.spawn(async move {
            tokio::task::yield_now().await;
            (i, i * i)
        });
    }

    let mut sum = 0;
    // join_next yields results as tasks finish; None means the set is empty.
    while let Some(res) = set.join_next().await {
        let (i, square) = res.expect("task panicked or was cancelled");
        println!("task {i} returned {square}");
        sum += square;
    }
    println!("sum: {sum}");
    // ANCHOR_END: body
}
