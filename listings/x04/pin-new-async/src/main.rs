use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};

// ANCHOR: body
fn main() {
    let mut fut = async {
        let data = [1u8, 2, 3];
        let first = &data[0]; // a reference into the future's own state...
        std::future::ready(()).await; // ...kept alive across an await
        *first
    };
    let mut cx = Context::from_waker(Waker::noop());
    // `Pin::new` is only for `Unpin` types; an async block is not one.
    let _ = Pin::new(&mut fut).poll(&mut cx);
}
// ANCHOR_END: body
