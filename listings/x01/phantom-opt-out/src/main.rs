use std::marker::PhantomData;
use std::thread;

// ANCHOR: body
/// A handle that must stay on the thread that created it, say because a C library
/// keeps per-thread state behind it. The raw-pointer marker removes `Send` and `Sync`.
struct Session {
    id: u32,
    _not_thread_safe: PhantomData<*const ()>,
}

fn main() {
    let session = Session {
        id: 7,
        _not_thread_safe: PhantomData,
    };
    let t = thread::spawn(move || {
        let session = session; // move the whole struct, not just its `id` field
        session.id
    });
    println!("session {}", t.join().unwrap());
}
// ANCHOR_END: body
