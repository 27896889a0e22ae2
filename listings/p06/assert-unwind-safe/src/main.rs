use std::panic::{self, AssertUnwindSafe};

fn main() {
    // ANCHOR: body
    let mut total = 0;
    let r = &mut total;
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        *r += 1;
        if *r == 1 {
            panic!("after the first update"); // the second update never happens
        }
        *r += 1;
    }));
    if let Err(payload) = result {
        let message = payload.downcast_ref::<&str>().copied().unwrap_or("?");
        println!("caught: {message}");
    }
    println!("total = {total}: the update before the panic stayed");
    // ANCHOR_END: body
}
