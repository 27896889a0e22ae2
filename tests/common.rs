//! Shared by the book's tests: where the book is, and its listings. Included as a module by each test target
//! rather than built as a library: a library of this package would be rebuilt whenever build.rs reruns (any
//! chapter or listing edit), and its new timestamp would invalidate skeptic's cache of compiled snippets.

use mdbook_listings::spec::{self, Listing};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The book's root: the directory with book.toml.
#[allow(dead_code)]
pub fn root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("tests/ has a parent")
            .to_path_buf()
    })
}

/// Every listing that declares its behaviour validly (the `book` test reports the others).
#[allow(dead_code)]
pub fn listings() -> &'static [Listing] {
    static LISTINGS: OnceLock<Vec<Listing>> = OnceLock::new();
    LISTINGS.get_or_init(|| spec::load_all(root()).0)
}
