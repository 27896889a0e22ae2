use std::sync::Mutex;

// ANCHOR: body
struct Account {
    balance: Mutex<i64>,
}

impl Account {
    fn balance(&self) -> i64 {
        *self.balance.lock().unwrap()
    }

    fn deposit(&self, amount: i64) {
        let mut b = self.balance.lock().unwrap();
        *b += amount;
        // Bug: `b` is still alive, so the lock is still held, and
        // balance() tries to take the same lock again.
        println!("new balance: {}", self.balance());
    }
}

fn main() {
    let account = Account {
        balance: Mutex::new(100),
    };
    println!("depositing 50");
    account.deposit(50);
    println!("never printed");
}
// ANCHOR_END: body
