use tokio_util::sync::CancellationToken;

fn main() {
    // ANCHOR: body
    let server = CancellationToken::new();
    let request = server.child_token();
    let shutdown = |from: &str| {
        println!("shutdown requested by {from}");
        server.cancel(); // idempotent: the second call finds it cancelled and returns
    };
    shutdown("SIGTERM");
    shutdown("the admin endpoint");
    let (s, r) = (server.is_cancelled(), request.is_cancelled());
    println!("server cancelled: {s}, its request cancelled: {r}");

    let server = CancellationToken::new();
    let request = server.child_token();
    request.cancel(); // one request times out
    let running = !server.is_cancelled();
    println!("a request cancelled alone leaves the server running: {running}");
    // ANCHOR_END: body
}
