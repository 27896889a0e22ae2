use std::thread;

fn main() {
    let h = thread::spawn(|| 6 * 7);

    let first = h.join().unwrap(); // `join(self)` takes the handle by value
    let again = h.join().unwrap(); // the handle is gone: there is nothing to wait on twice
    println!("{first} {again}");
}
