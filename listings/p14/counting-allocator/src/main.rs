use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

// ANCHOR: allocator
/// Wraps the system allocator and counts the bytes currently allocated.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; the counter only observes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract, which we pass on.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live_bytes() -> usize {
    LIVE.load(Relaxed)
}
// ANCHOR_END: allocator

// ANCHOR: caches
/// The leak: every request's response is remembered, keyed by request id,
/// and nothing is ever removed.
#[derive(Default)]
struct Unbounded(HashMap<u64, Vec<u8>>);

impl Unbounded {
    fn handle(&mut self, id: u64) {
        self.0.insert(id, vec![0u8; 1024]);
    }
}

/// The fix: at most `cap` entries, the oldest evicted first.
struct Bounded {
    cap: usize,
    map: HashMap<u64, Vec<u8>>,
    order: VecDeque<u64>,
}

impl Bounded {
    fn handle(&mut self, id: u64) {
        if self.order.len() == self.cap {
            let oldest = self.order.pop_front().unwrap();
            self.map.remove(&oldest);
        }
        self.order.push_back(id);
        self.map.insert(id, vec![0u8; 1024]);
    }
}
// ANCHOR_END: caches

// ANCHOR: main
/// Live heap bytes added by requests `from..to`.
fn growth(mut handle: impl FnMut(u64), from: u64, to: u64) -> isize {
    let before = live_bytes();
    for id in from..to {
        handle(id);
    }
    live_bytes() as isize - before as isize
}

fn main() {
    const KIB: isize = 1024;
    let mut leaky = Unbounded::default();
    growth(|id| leaky.handle(id), 0, 1000); // warm up
    let grew = growth(|id| leaky.handle(id), 1000, 2000);
    println!(
        "unbounded cache: 1000 more requests keep at least 1000 KiB more alive: {}",
        grew >= 1000 * KIB
    );

    let mut bounded = Bounded {
        cap: 100,
        map: HashMap::with_capacity(128),
        order: VecDeque::with_capacity(100),
    };
    growth(|id| bounded.handle(id), 0, 1000); // warm up: full
    let grew = growth(|id| bounded.handle(id), 1000, 2000);
    println!(
        "bounded cache:   1000 more requests keep less than 16 KiB more alive: {}",
        grew < 16 * KIB
    );
    println!(
        "bounded cache holds at most 100 entries: {}",
        bounded.map.len() <= 100
    );
}
// ANCHOR_END: main
