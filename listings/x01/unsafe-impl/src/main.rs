use std::thread;

// ANCHOR: type
/// An owned buffer of `u64`s behind a raw pointer, the shape a C allocator hands out.
/// The raw pointer makes the compiler infer neither `Send` nor `Sync`.
struct RawBuf {
    ptr: *mut u64,
    len: usize,
}

impl RawBuf {
    fn zeroed(len: usize) -> Self {
        let boxed: Box<[u64]> = vec![0; len].into_boxed_slice();
        RawBuf {
            ptr: Box::into_raw(boxed).cast::<u64>(),
            len,
        }
    }

    fn as_slice(&self) -> &[u64] {
        // SAFETY: `ptr` and `len` describe a live allocation that this value owns.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }

    fn as_mut_slice(&mut self) -> &mut [u64] {
        // SAFETY: as above, and `&mut self` guarantees that nobody else is looking.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Drop for RawBuf {
    fn drop(&mut self) {
        let slice = std::ptr::slice_from_raw_parts_mut(self.ptr, self.len);
        // SAFETY: the pointer came from `Box::into_raw` and is freed exactly once.
        unsafe { drop(Box::from_raw(slice)) }
    }
}

// SAFETY: a `RawBuf` owns its allocation exclusively, like a `Box<[u64]>`: no other
// pointer to the memory exists, so moving the value moves all access with it.
unsafe impl Send for RawBuf {}
// SAFETY: through `&RawBuf` one can only read (`as_slice`), and reading `u64`s from
// several threads at once is fine.
unsafe impl Sync for RawBuf {}
// ANCHOR_END: type

// ANCHOR: main
fn main() {
    let mut buf = RawBuf::zeroed(4);
    let buf = thread::spawn(move || {
        for (i, x) in buf.as_mut_slice().iter_mut().enumerate() {
            *x = (i as u64 + 1) * 10;
        }
        buf // moved back
    })
    .join()
    .unwrap();
    let sum: u64 = thread::scope(|s| {
        let low = s.spawn(|| buf.as_slice()[..2].iter().sum::<u64>());
        let high = s.spawn(|| buf.as_slice()[2..].iter().sum::<u64>());
        low.join().unwrap() + high.join().unwrap()
    });
    println!("filled on one thread, summed by two: {sum}");
}
// ANCHOR_END: main
