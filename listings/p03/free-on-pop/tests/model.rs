//! loom model of the listing's naive stack, run by `cargo test -p book-tests --test models` with the bounds declared
//! in `[[package.metadata.model]]` of this listing's Cargo.toml: the same model the epoch stack (p03-epoch-stack)
//! passes.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use p03_free_on_pop::Stack;

/// The stack holds 1, 2, 3 (1 on top). Thread A pops once; main pops twice, then pushes 4: the shape in which a
/// stack without safe reclamation reads a freed node (p03-free-on-pop) or suffers ABA. Every value must come out
/// exactly once, and loom's `UnsafeCell` fails the model if a pop reads a value no happens-before edge published.
#[test]
fn pop_races_pop_pop_push() {
    book_model::check(|| {
        let stack = Arc::new(Stack::new());
        for v in [3, 2, 1] {
            stack.push(v);
        }
        let a = {
            let stack = Arc::clone(&stack);
            thread::spawn(move || stack.pop())
        };
        let mut got: Vec<u32> = Vec::new();
        got.extend(stack.pop());
        got.extend(stack.pop());
        stack.push(4);
        got.extend(a.join().unwrap());
        while let Some(v) = stack.pop() {
            got.push(v);
        }
        got.sort();
        assert_eq!(got, [1, 2, 3, 4], "a value was lost or popped twice");
    });
}
