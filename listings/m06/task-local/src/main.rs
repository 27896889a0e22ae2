tokio::task_local! {
    // Go: type ctxKey struct{}; ctx = context.WithValue(ctx, ctxKey{}, id)
    // The static is the key, and it is private to this module, like an
    // unexported Go key type.
    static REQUEST_ID: String;
}

// ANCHOR: body
fn log(msg: &str) {
    match REQUEST_ID.try_with(|id| id.clone()) {
        Ok(id) => println!("[{id}] {msg}"),
        Err(_) => println!("outside any scope: no request id"),
    }
}

async fn db_query(table: &str) {
    log(&format!("db: query {table}")); // no parameter needed for the id
}

async fn handler() {
    log("handler: start");
    db_query("users").await;

    // A spawned task is a new task: it does not inherit task-locals.
    let seen = tokio::spawn(async { REQUEST_ID.try_with(|_| ()).is_ok() })
        .await
        .unwrap();

    // To pass the value on, read it and scope the new task explicitly.
    let id = REQUEST_ID.get();
    let rescoped = tokio::spawn(REQUEST_ID.scope(id, async { REQUEST_ID.get() }))
        .await
        .unwrap();

    log("handler: done");
    println!(
        "spawned task sees the request id: {}",
        if seen { "yes" } else { "no" }
    );
    println!("re-scoped spawned task sees: {rescoped}");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    REQUEST_ID.scope("req-7".to_string(), handler()).await;
    log("after the request");
}
// ANCHOR_END: body
