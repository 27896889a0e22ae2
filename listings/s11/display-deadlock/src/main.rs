use std::fmt;
use std::sync::Mutex;

// ANCHOR: body
struct Session {
    state: Mutex<&'static str>,
}

impl fmt::Display for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "session ({})", self.state.lock().unwrap())
    }
}

impl Session {
    fn close(&self) {
        let mut state = self.state.lock().unwrap();
        *state = "closed";
        println!("closing {self}"); // formats `self`: `fmt` locks `state` again
    }
}
// ANCHOR_END: body

fn main() {
    let session = Session {
        state: Mutex::new("open"),
    };
    session.close();
}
