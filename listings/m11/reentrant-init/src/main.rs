use std::sync::OnceLock;

// ANCHOR: reentrant
static SETTINGS: OnceLock<String> = OnceLock::new();

fn settings() -> &'static str {
    SETTINGS.get_or_init(|| {
        println!("initialising settings");
        format!("{}/cache", default_root())
    })
}

/// An innocent-looking helper that, a few calls deep, reads the settings.
fn default_root() -> String {
    if settings().is_empty() {
        String::from("/tmp")
    } else {
        String::from("/var")
    }
}
// ANCHOR_END: reentrant

fn main() {
    println!("{}", settings());
}
