use tokio_util::sync::CancellationToken;

fn main() {
    // ANCHOR: body
    //  root
    //  ├── request_a
    //  │   └── db_a
    //  └── request_b
    let root = CancellationToken::new(); // Go: context.Background(), plus a cancel
    let request_a = root.child_token(); // Go: context.WithCancel(root)
    let db_a = request_a.child_token();
    let request_b = root.child_token();

    let show = || {
        println!(
            "  root={} request_a={} db_a={} request_b={}",
            root.is_cancelled(),
            request_a.is_cancelled(),
            db_a.is_cancelled(),
            request_b.is_cancelled()
        )
    };

    println!("cancel request_a:");
    request_a.cancel(); // downward only
    show();

    println!("cancel root:");
    root.cancel();
    root.cancel(); // idempotent, like calling a Go cancel func twice
    show();

    let late = root.child_token();
    println!(
        "child of a cancelled token starts cancelled: {}",
        late.is_cancelled()
    );
    // ANCHOR_END: body
}
