// ANCHOR: body
async fn charge(amount: u32) -> u32 {
    println!("charging {amount}");
    amount
}

#[tokio::main]
async fn main() {
    let paid: u32 = charge(10); // forgot `.await`: this is a future, not a number
    println!("paid {paid}");
}
// ANCHOR_END: body
