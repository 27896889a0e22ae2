use std::collections::HashMap;
use std::sync::{Arc, Mutex};

// ANCHOR: body
type Callback = Box<dyn Fn(&Config, &str) + Send>;

#[derive(Default)]
struct Inner {
    values: HashMap<String, u32>,
    on_change: Vec<Callback>,
}

#[derive(Default)]
struct Config {
    inner: Mutex<Inner>,
}

impl Config {
    fn get(&self, key: &str) -> Option<u32> {
        self.inner.lock().unwrap().values.get(key).copied()
    }

    fn set(&self, key: &str, value: u32) {
        let mut inner = self.inner.lock().unwrap();
        inner.values.insert(key.to_string(), value);
        println!("set {key} = {value}");
        for callback in &inner.on_change {
            callback(self, key); // still holding `inner`
        }
    }
}

fn main() {
    let config = Arc::new(Config::default());
    config
        .inner
        .lock()
        .unwrap()
        .on_change
        .push(Box::new(|config, key| {
            // A reasonable thing for an observer to do: read the new value.
            println!("{key} is now {:?}", config.get(key));
        }));
    config.set("retries", 3);
}
// ANCHOR_END: body
