//! loom models of the listing's Treiber stack, run by `cargo test -p book-tests --test models` with the bounds
//! declared in `[[package.metadata.model]]` of this listing's Cargo.toml. Under `--cfg loom` the stack's `epoch` is
//! `book_model::epoch`: crossbeam's API with a `defer_destroy` that never frees. The models check the stack's
//! orderings and compare-and-swaps, not crossbeam's collector.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use p03_epoch_stack::Stack;

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

/// Thread A pushes 1 and thread B pops while main pushes 2; then main drains the stack. Both pushes must land, each
/// value must come out once, and B's pop must see a whole value (loom fails the model if B reads a node whose
/// contents no happens-before edge published).
#[test]
fn push_push_pop() {
    book_model::check(|| {
        let stack = Arc::new(Stack::new());
        let a = {
            let stack = Arc::clone(&stack);
            thread::spawn(move || stack.push(1))
        };
        let b = {
            let stack = Arc::clone(&stack);
            thread::spawn(move || stack.pop())
        };
        stack.push(2);
        a.join().unwrap();
        let mut got: Vec<u32> = b.join().unwrap().into_iter().collect();
        while let Some(v) = stack.pop() {
            got.push(v);
        }
        got.sort();
        assert_eq!(got, [1, 2], "a push was lost or a value popped twice");
    });
}
