use tokio::task::JoinSet;

#[tokio::main]
async fn main() {
    let mut set = JoinSet::new();
    for _ in 0..100_000 {
        // A task is a future handed to the runtime: no OS thread, no stack of its own.
        set.spawn(async { 1u64 });
    }

    let (mut finished, mut sum) = (0, 0);
    // `join_next` yields results in completion order, which does not matter for a sum.
    while let Some(result) = set.join_next().await {
        finished += 1;
        sum += result.unwrap();
    }
    println!("{finished} tasks finished, sum = {sum}");
}
