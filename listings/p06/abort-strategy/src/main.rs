use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::Command;
use std::{env, fs, panic};

// ANCHOR: body
/// The experiment, as a program of its own: catch a panic and say so.
const CHILD: &str = r#"
fn main() {
    let caught = std::panic::catch_unwind(|| panic!("job 3 failed")).is_err();
    println!("caught: {caught}");
}
"#;

fn main() {
    // This listing is built like every other: `panic = "unwind"`, the default.
    let caught = panic::catch_unwind(|| panic!("job 3 failed")).is_err();
    let strategy = if cfg!(panic = "unwind") {
        "unwind"
    } else {
        "abort"
    };
    println!("built with panic={strategy}: caught: {caught}");

    // The same lines, compiled by rustc with the other strategy, and run.
    let (exe, scratch) = child_built_with_abort();
    let run = Command::new(&exe).output().expect("the child runs");
    let signal = run.status.signal().expect("killed by a signal");
    let stdout = String::from_utf8_lossy(&run.stdout);
    println!(
        "built with -C panic=abort: killed by signal {signal} (SIGABRT), stdout: {stdout:?}"
    );
    if let Some(dir) = scratch {
        let _ = fs::remove_dir_all(dir);
    }
}
// ANCHOR_END: body

/// The child program built with `-C panic=abort`: by this crate's build script when it is
/// built with Cargo (`ABORT_CHILD`), else compiled here in a scratch directory (returned
/// too, for removal).
fn child_built_with_abort() -> (PathBuf, Option<PathBuf>) {
    if let Some(exe) = option_env!("ABORT_CHILD") {
        return (PathBuf::from(exe), None);
    }
    let dir = env::temp_dir().join(format!("p06-abort-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a scratch directory");
    let (src, exe) = (dir.join("child.rs"), dir.join("child"));
    fs::write(&src, CHILD).expect("the child's source");
    let built = Command::new("rustc")
        .args(["--edition=2024", "-C", "panic=abort", "-o"])
        .args([&exe, &src])
        .current_dir(option_env!("CARGO_MANIFEST_DIR").unwrap_or("."))
        .status()
        .expect("rustc runs");
    assert!(built.success(), "the child compiles");
    (exe, Some(dir))
}
