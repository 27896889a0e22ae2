use std::sync::{Arc, Barrier, Mutex};
use std::thread;

// ANCHOR: body
/// The lock order for the whole program: `accounts` always before `audit`.
struct Bank {
    accounts: Mutex<i64>,
    audit: Mutex<Vec<String>>,
}

impl Bank {
    fn withdraw(&self, amount: i64) {
        let mut balance = self.accounts.lock().unwrap(); // 1.
        let mut log = self.audit.lock().unwrap(); // 2.
        *balance -= amount;
        log.push(format!("withdrew {amount}"));
    }

    fn record_balance(&self) {
        // B used to take `audit` first. It needs both, so it follows the order too.
        let balance = self.accounts.lock().unwrap(); // 1.
        let mut log = self.audit.lock().unwrap(); // 2.
        log.push(format!("balance is {balance}"));
    }
}
// ANCHOR_END: body

fn main() {
    let bank = Arc::new(Bank {
        accounts: Mutex::new(100),
        audit: Mutex::new(Vec::new()),
    });
    // The same barrier as before: both threads start their critical sections together.
    let start = Arc::new(Barrier::new(2));
    let a = {
        let (bank, start) = (bank.clone(), start.clone());
        thread::spawn(move || {
            start.wait();
            bank.withdraw(10);
        })
    };
    let b = {
        let (bank, start) = (bank.clone(), start.clone());
        thread::spawn(move || {
            start.wait();
            bank.record_balance();
        })
    };
    a.join().unwrap();
    b.join().unwrap();
    let balance = *bank.accounts.lock().unwrap();
    let entries = bank.audit.lock().unwrap().len();
    println!("balance {balance}, audit log: {entries} entries");
}
