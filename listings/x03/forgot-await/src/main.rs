#![deny(unused_must_use)]

// ANCHOR: body
async fn charge(amount: u32) -> u32 {
    println!("charging {amount}");
    amount
}

#[tokio::main]
async fn main() {
    charge(10); // forgot `.await`: the customer is never charged
    println!("done");
}
// ANCHOR_END: body
