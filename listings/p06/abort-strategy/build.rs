//! Compiles the `CHILD` program of `src/main.rs` with `-C panic=abort` at build
//! time, so that running the listing does not run `rustc` (which takes many seconds
//! on a loaded machine). Its path goes to `main.rs` as `ABORT_CHILD`; without it (the
//! snippet test compiles `main.rs` alone) the listing compiles the child as it runs.
use std::path::PathBuf;
use std::process::Command;
use std::{env, fs};

fn main() {
    println!("cargo::rerun-if-changed=src/main.rs");
    let main = fs::read_to_string("src/main.rs").expect("src/main.rs");
    let start = main.find("r#\"").expect("the CHILD raw string") + 3;
    let len = main[start..].find("\"#").expect("the end of CHILD");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    let (src, exe) = (out.join("child.rs"), out.join("child"));
    fs::write(&src, &main[start..start + len]).expect("the child's source");
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let built = Command::new(rustc)
        .args(["--edition=2024", "-C", "panic=abort", "-o"])
        .args([&exe, &src])
        .status()
        .expect("rustc runs");
    assert!(built.success(), "the child compiles");
    println!("cargo::rustc-env=ABORT_CHILD={}", exe.display());
}
