use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, sleep_until};

// ANCHOR: pcg
/// Go's `math/rand/v2` PCG, bit for bit, so that the Go listing draws the same
/// numbers from the same seeds.
struct Pcg(u128);

impl Pcg {
    fn new(seed1: u64, seed2: u64) -> Pcg {
        Pcg((seed1 as u128) << 64 | seed2 as u128)
    }
    fn uint64(&mut self) -> u64 {
        const MUL: u128 = 2549297995355413924 << 64 | 4865540595714422341;
        const INC: u128 = 6364136223846793005 << 64 | 1442695040888963407;
        self.0 = self.0.wrapping_mul(MUL).wrapping_add(INC);
        let (mut hi, lo) = ((self.0 >> 64) as u64, self.0 as u64);
        hi ^= hi >> 32; // the DXSM output function
        hi = hi.wrapping_mul(0xda942042e4dd58b5);
        hi ^= hi >> 48;
        hi.wrapping_mul(lo | 1)
    }
    /// Uniform in [0, n): Go's `Rand.Uint64N` (Lemire's method).
    fn uint64n(&mut self, n: u64) -> u64 {
        if n & (n - 1) == 0 {
            return self.uint64() & (n - 1);
        }
        let mut m = self.uint64() as u128 * n as u128;
        if (m as u64) < n {
            let thresh = n.wrapping_neg() % n;
            while (m as u64) < thresh {
                m = self.uint64() as u128 * n as u128;
            }
        }
        (m >> 64) as u64
    }
}
// ANCHOR_END: pcg

// ANCHOR: policy
const SEED: u64 = 2026;
const MAX_ATTEMPTS: u32 = 4;
const BASE_MS: u64 = 100;
const CAP_MS: u64 = 1_000;

/// The wait after failed attempt `n` (1-based): "equal jitter", half of the
/// exponential step fixed and half random, so waits grow but never line up.
fn backoff(n: u32, rng: &mut Pcg) -> Duration {
    let step = (BASE_MS << (n - 1)).min(CAP_MS); // 100, 200, 400, 800, 1000...
    Duration::from_millis(step / 2 + rng.uint64n(step / 2 + 1))
}
// ANCHOR_END: policy

// ANCHOR: jobs
enum Failure {
    Transient(&'static str), // worth retrying
    Permanent(&'static str), // retrying cannot help: dead-letter at once
}

struct Job {
    id: u64,
    name: &'static str,
    attempts: u32,
    rng: Pcg, // per-job jitter: seeded by (SEED, id), independent of the other jobs
}

/// What the outside world does with attempt `n` of a job. `applied` is the
/// payment service's record of idempotency keys it has already applied.
async fn attempt(
    name: &str,
    n: u32,
    applied: &Mutex<HashSet<String>>,
) -> Result<(), Failure> {
    sleep(Duration::from_millis(10)).await; // every attempt takes 10 ms
    match name {
        "email" if n <= 2 => Err(Failure::Transient("connection reset")),
        "email" => Ok(()),
        "resize" => Err(Failure::Permanent("not an image")),
        "ledger" => Err(Failure::Transient("503 from ledger")),
        "charge" => {
            // The key makes the charge idempotent: a retry of an applied charge is a no-op.
            let first_time = applied.lock().unwrap().insert("charge-42".to_string());
            if first_time && n == 1 {
                return Err(Failure::Transient("timeout (the charge went through)"));
            }
            Ok(())
        }
        _ => unreachable!(),
    }
}
// ANCHOR_END: jobs

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: scheduler
    let start = Instant::now();
    let at = |t: Instant| format!("{:>5} ms", (t - start).as_millis());
    let applied = Arc::new(Mutex::new(HashSet::new()));
    // The queue is a min-heap on (due time, id): the earliest due job comes out first.
    let mut due: BinaryHeap<Reverse<(Instant, u64)>> = BinaryHeap::new();
    let mut jobs = Vec::new();
    for (id, name) in (1..).zip(["email", "resize", "ledger", "charge"]) {
        jobs.push(Some(Job {
            id,
            name,
            attempts: 0,
            rng: Pcg::new(SEED, id),
        }));
        due.push(Reverse((start + Duration::from_millis(id - 1), id)));
    }
    let mut running = JoinSet::new();
    let mut dead_letters = Vec::new();
    const WORKERS: usize = 2;

    loop {
        let next = due.peek().map(|Reverse((t, _))| *t);
        let can_start = next.is_some() && running.len() < WORKERS;
        tokio::select! {
            biased;
            Some(done) = running.join_next() => {
                let (mut job, result): (Job, Result<(), Failure>) = done.unwrap();
                let now = Instant::now();
                match result {
                    Ok(()) => println!("{} {} #{} ok", at(now), job.name, job.attempts),
                    Err(Failure::Transient(e)) if job.attempts < MAX_ATTEMPTS => {
                        let wait = backoff(job.attempts, &mut job.rng);
                        println!("{} {} #{} failed: {e}; retry in {} ms",
                            at(now), job.name, job.attempts, wait.as_millis());
                        due.push(Reverse((now + wait, job.id)));
                        let slot = job.id as usize - 1;
                        jobs[slot] = Some(job);
                    }
                    Err(Failure::Transient(e) | Failure::Permanent(e)) => {
                        println!("{} {} #{} failed: {e}; dead letter",
                            at(now), job.name, job.attempts);
                        dead_letters.push((job.name, job.attempts, e));
                    }
                }
            }
            _ = sleep_until(next.unwrap_or(start)), if can_start => {
                let Reverse((_, id)) = due.pop().unwrap();
                let mut job = jobs[id as usize - 1].take().unwrap();
                job.attempts += 1;
                let applied = applied.clone();
                running.spawn(async move {
                    let result = attempt(job.name, job.attempts, &applied).await;
                    (job, result)
                });
            }
            else => break, // nothing due, nothing running
        }
    }
    // ANCHOR_END: scheduler
    println!("dead letters: {dead_letters:?}");
    println!("charges applied: {}", applied.lock().unwrap().len());
}
