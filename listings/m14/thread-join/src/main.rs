use std::any::Any;
use std::thread;

fn work(i: u32) -> u32 {
    if i == 3 {
        panic!("something went wrong");
    }
    i * 10
}

// ANCHOR: payload
/// A panic payload is `Box<dyn Any + Send>`: a `&str` for `panic!("literal")`,
/// a `String` for `panic!("{x}")`, or whatever `panic_any` was given.
fn message(payload: &(dyn Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s
    } else {
        "<non-string payload>"
    }
}
// ANCHOR_END: payload

fn main() {
    // ANCHOR: join
    let handles: Vec<_> = (0..5).map(|i| thread::spawn(move || work(i))).collect();

    let mut panicked = 0;
    for (i, handle) in handles.into_iter().enumerate() {
        match handle.join() {
            Ok(value) => println!("worker {i}: ok {value}"),
            Err(payload) => {
                panicked += 1;
                // `&*payload`, not `&payload`: a `&Box<..>` is itself `Any`.
                println!("worker {i}: panicked: {}", message(&*payload));
            }
        }
    }
    println!("Done (panicked threads: {panicked})");
    // ANCHOR_END: join
}
