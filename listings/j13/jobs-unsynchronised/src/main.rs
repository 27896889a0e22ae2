use std::thread;

struct Job {
    id: usize,
}

fn main() {
    let mut jobs: Vec<Job> = Vec::new();

    thread::scope(|s| {
        // Writer: like `jobs = append(jobs, &Job{ID: i})` in a goroutine.
        s.spawn(|| {
            for id in 0..1000 {
                jobs.push(Job { id });
            }
        });
        // Reader: like `if len(jobs) > 0 { _ = jobs[0].ID }` in another goroutine.
        s.spawn(|| {
            for _ in 0..1000 {
                if let Some(first) = jobs.first() {
                    let _ = first.id;
                }
            }
        });
    });

    println!("Job count: {}", jobs.len());
}
