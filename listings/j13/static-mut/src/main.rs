use std::thread;

static mut COUNTER: u64 = 0;

fn main() {
    let handles: Vec<_> = (0..2)
        .map(|_| {
            thread::spawn(|| {
                for _ in 0..1000 {
                    COUNTER += 1; // rejected: the compiler cannot prove this is race-free
                }
            })
        })
        .collect();

    for h in handles {
        h.join().unwrap();
    }
}
