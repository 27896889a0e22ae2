use std::thread;

fn main() {
    let mut counter = 0u64;

    thread::scope(|s| {
        s.spawn(|| {
            for _ in 0..1000 {
                counter += 1;
            }
        });
        s.spawn(|| {
            for _ in 0..1000 {
                counter += 1; // second `&mut counter` while the first is alive
            }
        });
    });

    println!("counter = {counter}");
}
