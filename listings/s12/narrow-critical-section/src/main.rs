use std::collections::BTreeMap;
use std::sync::Mutex;

type Stats = Mutex<BTreeMap<String, u64>>;

// ANCHOR: body
/// Holds the lock while it formats every line: other threads wait for the string work too.
fn report_wide(stats: &Stats) -> Vec<String> {
    let stats = stats.lock().unwrap();
    stats
        .iter()
        .map(|(route, n)| format!("{route}: {n} requests"))
        .collect()
}

/// Copies the numbers out (one small allocation), releases the lock, then does the slow
/// part.
fn report_narrow(stats: &Stats) -> Vec<String> {
    let snapshot: Vec<(String, u64)> = {
        let stats = stats.lock().unwrap();
        stats.iter().map(|(route, n)| (route.clone(), *n)).collect()
    }; // unlocked here
    snapshot
        .into_iter()
        .map(|(route, n)| format!("{route}: {n} requests"))
        .collect()
}
// ANCHOR_END: body

fn main() {
    let stats: Stats = Mutex::new(BTreeMap::new());
    for route in ["api", "static", "api", "login", "api"] {
        *stats.lock().unwrap().entry(route.to_string()).or_default() += 1;
    }
    let (wide, narrow) = (report_wide(&stats), report_narrow(&stats));
    println!("same report both ways: {}", wide == narrow);
    println!("{} lines, first: {}", narrow.len(), narrow[0]);
}
