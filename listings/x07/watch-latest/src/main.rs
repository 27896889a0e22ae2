use tokio::sync::watch;

// ANCHOR: body
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = watch::channel("config v1");
    println!("initial: {}", *rx.borrow());

    tx.send("config v2").unwrap();
    tx.send("config v3").unwrap();
    tx.send("config v4").unwrap();

    rx.changed().await.unwrap(); // returns at once: something changed since we looked
    println!("after three sends: {}", *rx.borrow_and_update());
    println!("changed since: {}", rx.has_changed().unwrap());

    tx.send_replace("config v5");
    println!("changed after a fourth send: {}", rx.has_changed().unwrap());
    println!("borrow without update: {}", *rx.borrow());
    println!("still marked changed: {}", rx.has_changed().unwrap());

    drop(tx);
    println!("sender gone, unseen value: {:?}", rx.changed().await);
    println!(
        "the last value is still readable: {}",
        *rx.borrow_and_update()
    );
    println!("sender gone, nothing unseen: {:?}", rx.changed().await);
}
// ANCHOR_END: body
