// ANCHOR: body
/// What the compiler would generate for an async block that keeps `&data[0]` across
/// an `.await`, written by hand: a struct that points into itself.
struct Frame {
    data: [u8; 4],
    first: *const u8, // meant to point at `self.data[0]`
}

impl Frame {
    fn new() -> Frame {
        Frame {
            data: [7, 8, 9, 10],
            first: std::ptr::null(),
        }
    }

    fn points_into_itself(&self) -> bool {
        std::ptr::eq(self.first, &self.data[0])
    }
}

fn main() {
    let mut frame = Frame::new();
    frame.first = &frame.data[0]; // "first poll": the reference is taken
    println!(
        "before the move, points into itself: {}",
        frame.points_into_itself()
    );

    let moved = Box::new(frame); // moving copies the bytes, pointer included
    println!(
        "after the move, points into itself: {}",
        moved.points_into_itself()
    );
}
// ANCHOR_END: body
