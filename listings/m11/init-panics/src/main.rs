use std::panic;
use std::sync::{Once, OnceLock};

fn main() {
    // ANCHOR: oncelock
    let cell: OnceLock<u32> = OnceLock::new();
    let first = panic::catch_unwind(|| {
        cell.get_or_init(|| panic!("config file missing"));
    });
    assert!(first.is_err());
    println!(
        "OnceLock: first initialiser panicked; cell still empty = {}",
        cell.get().is_none()
    );
    let value = cell.get_or_init(|| 42); // a new attempt, not a poisoned cell
    println!("OnceLock: second initialiser ran; value = {value}");
    // ANCHOR_END: oncelock

    // ANCHOR: once
    let setup = Once::new();
    let first = panic::catch_unwind(|| {
        setup.call_once(|| panic!("setup failed"));
    });
    assert!(first.is_err());
    println!(
        "Once: first call panicked; completed = {}",
        setup.is_completed()
    );

    // `call_once` would now panic (see the next listing); `call_once_force`
    // runs the closure anyway and tells it that the Once is poisoned.
    setup.call_once_force(|state| {
        println!(
            "Once: call_once_force saw poisoned = {} and ran the setup",
            state.is_poisoned()
        );
    });
    setup.call_once(|| unreachable!("already completed"));
    println!(
        "Once: completed = {}; later call_once runs nothing",
        setup.is_completed()
    );
    // ANCHOR_END: once
}
