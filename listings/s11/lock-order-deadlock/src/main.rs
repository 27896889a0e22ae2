use std::sync::{Arc, Barrier, Mutex, mpsc};
use std::thread;

fn main() {
    // ANCHOR: body
    let accounts = Arc::new(Mutex::new(100));
    let audit = Arc::new(Mutex::new(Vec::<String>::new()));
    // A and B both hold their first lock before either asks for its second.
    let both_hold_one = Arc::new(Barrier::new(2));
    let (a_printed, a_has_printed) = mpsc::channel(); // only to keep the output in order

    let a = {
        let (accounts, audit, barrier) =
            (accounts.clone(), audit.clone(), both_hold_one.clone());
        thread::spawn(move || {
            let mut balance = accounts.lock().unwrap(); // 1. accounts
            println!("A holds accounts");
            a_printed.send(()).unwrap();
            barrier.wait();
            let mut log = audit.lock().unwrap(); // 2. audit: B holds it
            *balance -= 10;
            log.push("withdrew 10".into());
        })
    };
    a_has_printed.recv().unwrap();
    let b = {
        let (accounts, audit, barrier) =
            (accounts.clone(), audit.clone(), both_hold_one.clone());
        thread::spawn(move || {
            let mut log = audit.lock().unwrap(); // 1. audit
            println!("B holds audit");
            barrier.wait();
            let balance = accounts.lock().unwrap(); // 2. accounts: A holds it
            log.push(format!("balance is {balance}"));
        })
    };
    a.join().unwrap();
    b.join().unwrap();
    // ANCHOR_END: body
}
