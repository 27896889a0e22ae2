use std::thread;

fn report(label: &str, value: i32) -> String {
    format!("{label} {value}")
}

fn main() {
    let mut x = 1;
    // `x` is copied into the closure here, at spawn time, like `go report("…", x)`.
    let handle = thread::spawn(move || report("thread saw", x));
    x = 2; // changes main's `x` only
    println!("{}", handle.join().unwrap());
    println!("{}", report("main now has", x));
}
