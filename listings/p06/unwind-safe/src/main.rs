use std::panic;

fn main() {
    // ANCHOR: body
    let mut total = 0;
    let r = &mut total;
    let result = panic::catch_unwind(|| {
        *r += 1;
        if *r == 1 {
            panic!("after the first update"); // the second update never happens
        }
        *r += 1;
    });
    // ANCHOR_END: body
    println!("{} {total}", result.is_err());
}
