use std::sync::Mutex;

// ANCHOR: body
struct Basket {
    items: Mutex<Vec<String>>,
}

impl Basket {
    fn contains(&self, item: &str) -> bool {
        self.items.lock().unwrap().iter().any(|i| i == item)
    }

    fn add_if_absent(&self, item: &str) {
        let mut items = self.items.lock().unwrap();
        println!("adding {item}");
        if !self.contains(item) {
            // ^ locks `items` a second time, on the thread that already holds it
            items.push(item.to_string());
        }
    }
}
// ANCHOR_END: body

fn main() {
    let basket = Basket {
        items: Mutex::new(Vec::new()),
    };
    basket.add_if_absent("apple");
    println!("never printed: {} item", basket.items.lock().unwrap().len());
}
