#[tokio::main]
async fn main() {
    let greeting = String::from("hello");
    // The task may run after `main`'s frame is gone, so it may not borrow `greeting`.
    let task = tokio::spawn(async {
        println!("{greeting} from a task");
    });
    task.await.unwrap();
}
