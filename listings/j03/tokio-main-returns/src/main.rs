struct Report(&'static str);

impl Drop for Report {
    fn drop(&mut self) {
        println!("{} cleaned up", self.0);
    }
}

// ANCHOR: main
#[tokio::main]
async fn main() {
    let report = Report("task");
    tokio::spawn(async move {
        let _report = report;
        // Stands for work that is still going on when main returns.
        std::future::pending::<()>().await;
        println!("task finished");
    });
    println!("main returns");
    // The runtime is dropped here: every unfinished task is dropped with it.
}
// ANCHOR_END: main
