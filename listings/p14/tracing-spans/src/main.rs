use tracing::{Instrument, info, info_span, instrument};

// ANCHOR: instrument
/// `#[instrument]` opens a span named after the function, with its arguments
/// as fields, for as long as the future runs (and only while it is polled).
#[instrument(skip_all, fields(table = table))]
async fn query(table: &str) -> usize {
    tokio::task::yield_now().await; // a suspension: the span is exited and re-entered
    let rows = 3;
    info!(rows);
    rows
}

async fn request(table: &'static str) {
    info!("started");
    query(table).await;
    info!("done");
}
// ANCHOR_END: instrument

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Plain text on stdout, without timestamps or colours, so that the output is the
    // same on every run.
    tracing_subscriber::fmt()
        .with_writer(std::io::stdout)
        .without_time()
        .with_ansi(false)
        .with_target(false)
        .init();
    for (id, table) in [(1, "users"), (2, "orders")] {
        // A span attached to the whole task, however often it is suspended.
        let task = tokio::spawn(request(table).instrument(info_span!("request", id)));
        task.await.unwrap();
    }
}
// ANCHOR_END: main
