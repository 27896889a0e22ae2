//! The book's integrity (files, includes, anchors, SUMMARY, entry ids, every listing shown and declared) and a full
//! HTML build with the same preprocessors `mdbook build` runs.

#[path = "common.rs"]
mod common;

use mdbook_driver::MDBook;

#[test]
fn integrity() {
    let report = mdbook_listings::book::check(common::root());
    if !report.diagnostics.is_empty() {
        panic!(
            "{}",
            mdbook_listings::problems(report.diagnostics.iter().map(|d| d.to_string()))
        );
    }
}

#[test]
fn builds_to_html() {
    let mut md = MDBook::load(common::root()).expect("load the book");
    // The same preprocessor book.toml runs through `cargo run`, linked in directly.
    md.with_preprocessor(mdbook_listings::Listings);
    let dest = std::env::temp_dir().join(format!("book-tests-html-{}", std::process::id()));
    md.config.build.build_dir = dest.clone();
    let result = md.build();
    let index = dest.join("index.html").is_file() || dest.join("html/index.html").is_file();
    let _ = std::fs::remove_dir_all(&dest);
    result.expect("build the book");
    assert!(index, "the build wrote no index.html");
}
