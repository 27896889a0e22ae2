use tokio::runtime::Handle;

// ANCHOR: body
/// A synchronous API wrapped around async code. Fine when called from a plain thread
/// that holds a runtime handle; fatal when called from inside a task.
fn load_config() -> String {
    Handle::current().block_on(async { "workers=4".to_string() })
}

#[tokio::main]
async fn main() {
    let config = load_config(); // a task's thread would block inside the runtime
    println!("{config}");
}
// ANCHOR_END: body
