use std::marker::PhantomData;
use std::thread;

struct Session {
    id: u32,
    _not_thread_safe: PhantomData<*const ()>,
}

// ANCHOR: body
fn main() {
    let session = Session {
        id: 7,
        _not_thread_safe: PhantomData,
    };
    // Edition 2021 and later: the closure captures `session.id`, a `u32`, not `session`.
    let t = thread::spawn(move || session.id);
    println!(
        "session {} crossed threads; the Session did not",
        t.join().unwrap()
    );
}
// ANCHOR_END: body
