use std::sync::mpsc;
use std::thread;

struct Order {
    id: u32,
    items: Vec<String>,
}

fn main() {
    let (tx, rx) = mpsc::channel::<Order>();
    let kitchen = thread::spawn(move || {
        for mut order in rx {
            order.items.push("napkins".to_string());
            println!("order {} has {} items", order.id, order.items.len());
        }
    });

    let order = Order {
        id: 7,
        items: vec!["soup".to_string()],
    };
    tx.send(order).unwrap(); // ownership moves into the channel here
    println!("sent {} items", order.items.len()); // so this is rejected

    drop(tx);
    kitchen.join().unwrap();
}
