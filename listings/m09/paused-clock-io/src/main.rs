use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, timeout};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() -> std::io::Result<()> {
    // ANCHOR: body
    // A real socket on the loopback interface; the server accepts and stays silent.
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let mut client = TcpStream::connect(listener.local_addr()?).await?;
    let (_server_side, _) = listener.accept().await?;

    let start = Instant::now();
    let mut buf = [0u8; 16];
    // The read waits on the OS, not on a timer: the runtime is idle, so
    // the paused clock jumps straight to the timeout's deadline.
    let read = timeout(Duration::from_secs(5), client.read(&mut buf)).await;
    let waited = start.elapsed().as_secs();
    match read {
        Ok(result) => println!("read from a silent socket: Ok({result:?}) at t={waited}s"),
        Err(e) => {
            println!("read from a silent socket: Err({e}) at t={waited}s of virtual time")
        }
    }

    // While a spawn_blocking job runs, the paused clock does not jump, so the
    // same 5-second timeout around 20 ms of real blocking work is not hit.
    let start = Instant::now();
    let job = tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_millis(20)));
    let joined = timeout(Duration::from_secs(5), job).await;
    let waited = start.elapsed().as_secs();
    println!(
        "blocking job: finished = {}, at t={waited}s",
        joined.is_ok()
    );
    // ANCHOR_END: body
    Ok(())
}
