// ANCHOR: body
async fn fib(n: u32) -> u64 {
    if n < 2 {
        return u64::from(n);
    }
    fib(n - 1).await + fib(n - 2).await // the future would contain itself
}

#[tokio::main]
async fn main() {
    println!("{}", fib(10).await);
}
// ANCHOR_END: body
