use std::thread;

fn main() {
    // `spawn` starts a real OS thread and returns a handle to it.
    let answer = thread::spawn(|| 6 * 7);
    let crash = thread::spawn(|| -> i32 { panic!("division by zero") });

    // `join` waits for the thread and returns what its closure returned.
    println!("answer: {:?}", answer.join());

    // A panic ends only that thread; `join` returns it as an `Err`.
    match crash.join() {
        Ok(value) => println!("the other thread returned {value}"),
        Err(payload) => {
            let message = payload.downcast_ref::<&str>().unwrap();
            println!("the other thread panicked with: {message}");
        }
    }
}
