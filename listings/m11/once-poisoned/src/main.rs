use std::panic;
use std::sync::Once;

static SETUP: Once = Once::new();

fn main() {
    // Keep the first, expected panic quiet so that stderr shows only the one
    // that ends the program; `take_hook` puts the default hook back.
    panic::set_hook(Box::new(|_| {}));
    let first = panic::catch_unwind(|| {
        SETUP.call_once(|| panic!("setup failed"));
    });
    assert!(first.is_err());
    let _ = panic::take_hook();

    println!("first call_once panicked; calling it again");

    SETUP.call_once(|| println!("never printed: the Once is poisoned"));
}
