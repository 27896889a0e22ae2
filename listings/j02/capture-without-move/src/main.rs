use std::thread;

fn main() {
    let mut hits = 0;
    // The new thread could outlive `main`'s stack frame, so it may not borrow `hits`.
    let handle = thread::spawn(|| {
        hits += 1;
    });
    handle.join().unwrap();
    println!("hits = {hits}");
}
