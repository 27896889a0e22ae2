use std::sync::Arc;
use std::thread;

fn main() {
    let seen = Arc::new(vec![1, 2, 3]);

    let handle = {
        let seen = Arc::clone(&seen);
        thread::spawn(move || {
            seen.push(4); // a writer sneaking into data published as read-only
        })
    };

    println!("{:?}", seen);
    handle.join().unwrap();
}
