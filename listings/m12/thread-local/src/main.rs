use std::cell::RefCell;
use std::io::Write;

// ANCHOR: scratch
thread_local! {
    /// Each thread gets its own buffer on first use; no lock, no sharing.
    static SCRATCH: RefCell<Vec<u8>> = RefCell::new(Vec::with_capacity(1024));
}

/// Formats a message in the thread's scratch buffer and returns the text
/// together with the buffer's address, to show that it is the same buffer.
fn render(order: u32) -> (String, usize) {
    SCRATCH.with_borrow_mut(|buf| {
        buf.clear(); // reset before use: the previous call's bytes are still there
        write!(buf, "{{\"order\":{order}}}").expect("writing to a Vec cannot fail");
        let text = String::from_utf8_lossy(buf).into_owned();
        (text, buf.as_ptr() as usize)
    })
}
// ANCHOR_END: scratch

fn main() {
    let mut addresses = Vec::new();
    for (call, order) in [7, 42, 1000].into_iter().enumerate() {
        let (text, address) = render(order);
        println!("call {}: order {order} -> {text}", call + 1);
        addresses.push(address);
    }
    let one_allocation = addresses.iter().all(|&a| a == addresses[0]);
    println!("3 calls, one allocation: {one_allocation}");
}
