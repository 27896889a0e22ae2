// ANCHOR: body
async fn charge(amount: u32) -> u32 {
    println!("charging {amount}");
    amount
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let pending = charge(10); // creates the state machine; runs none of the body
    println!("future created");
    drop(pending); // dropped before its first poll: "charging 10" never happens
    println!("future dropped");
    let paid = charge(20).await; // `.await` polls it, and only now does the body run
    println!("paid {paid}");
}
// ANCHOR_END: body
