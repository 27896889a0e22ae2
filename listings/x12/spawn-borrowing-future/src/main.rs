// ANCHOR: body
async fn total(prices: &[u32]) -> u32 {
    prices.iter().sum()
}

#[tokio::main]
async fn main() {
    let prices = vec![3, 4, 5];
    // The future returned by `total` borrows `prices`, so it is not `'static`.
    let task = tokio::spawn(total(&prices));
    println!("{}", task.await.unwrap());
}
// ANCHOR_END: body
