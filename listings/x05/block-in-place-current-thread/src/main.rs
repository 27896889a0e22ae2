// ANCHOR: body
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let n = tokio::task::block_in_place(|| 6 * 7); // needs other workers to take over
    println!("{n}");
}
// ANCHOR_END: body
