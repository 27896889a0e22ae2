use std::sync::{Arc, Barrier, Mutex, TryLockError};
use std::thread;
use std::time::Duration;

fn main() {
    let accounts = Arc::new(Mutex::new(100_i64));
    let audit = Arc::new(Mutex::new(Vec::<String>::new()));
    let start = Arc::new(Barrier::new(2));

    let a = {
        let (accounts, audit, start) = (accounts.clone(), audit.clone(), start.clone());
        thread::spawn(move || {
            start.wait();
            let mut balance = accounts.lock().unwrap();
            let mut log = audit.lock().unwrap();
            *balance -= 10;
            log.push("withdrew 10".into());
        })
    };
    let b = {
        let (accounts, audit, start) = (accounts.clone(), audit.clone(), start.clone());
        thread::spawn(move || {
            start.wait();
            // ANCHOR: backoff
            let mut pause = Duration::from_micros(50);
            loop {
                let mut log = audit.lock().unwrap(); // B's first lock, as before
                match accounts.try_lock() {
                    Ok(balance) => {
                        log.push(format!("balance is {balance}"));
                        break;
                    }
                    Err(TryLockError::WouldBlock) => {
                        drop(log); // give up what we hold, so A can finish
                        thread::sleep(pause);
                        pause = (pause * 2).min(Duration::from_millis(5));
                    }
                    Err(TryLockError::Poisoned(e)) => panic!("{e}"),
                }
            }
            // ANCHOR_END: backoff
        })
    };
    a.join().unwrap();
    b.join().unwrap();
    let balance = *accounts.lock().unwrap();
    let entries = audit.lock().unwrap().len();
    println!("balance {balance}, audit log: {entries} entries");
}
