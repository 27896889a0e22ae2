use tokio::sync::mpsc;

fn main() {
    // ANCHOR: body
    // A Go habit, `make(chan int)`, translated literally: it panics at creation.
    let (tx, rx) = mpsc::channel::<i32>(0);
    // ANCHOR_END: body
    drop((tx, rx));
}
