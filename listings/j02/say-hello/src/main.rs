use std::thread;

fn say_hello(id: u32) {
    for round in 1..=3 {
        println!("hello from thread {id}, round {round}");
    }
}

fn main() {
    let first = thread::spawn(|| say_hello(1));
    let second = thread::spawn(|| say_hello(2));

    // No sleep: main waits for exactly the two threads it started.
    first.join().unwrap();
    second.join().unwrap();
    println!("main ends");
}
