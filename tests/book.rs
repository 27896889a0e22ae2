//! The book's integrity (files, includes, anchors, SUMMARY, entry ids, every listing shown and declared, inline
//! blocks, summaries), the syntax of its Go fragments, and a full HTML build with the same preprocessors
//! `mdbook build` runs.

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

/// Every ```go,fragment block parses (`gofmt -e`). Without Go the check is skipped with one message, except in CI.
#[test]
fn go_fragments_parse() {
    use mdbook_listings::book;
    let Some(gofmt) = book::find_gofmt() else {
        let why = "gofmt not found (set GO=/path/to/go or GOFMT=/path/to/gofmt, or put go on PATH)";
        if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
            panic!("the Go fragments must be checked in CI, but {why}");
        }
        eprintln!("skipping the syntax check of the Go fragments: {why}");
        return;
    };
    let report = book::check(common::root());
    let fragments = book::go_fragments(common::root(), &report.chapters);
    let diags = book::check_go_fragments(&gofmt, &fragments);
    if !diags.is_empty() {
        panic!(
            "{}",
            mdbook_listings::problems(diags.iter().map(|d| d.to_string()))
        );
    }
    println!("{} Go fragments parse", fragments.len());
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
    // Every proof mark of the cheat sheet links to a built page that holds the listing's caption.
    let html = if dest.join("html").is_dir() {
        dest.join("html")
    } else {
        dest.clone()
    };
    let (marks, broken) = mdbook_listings::proof::check_built_links(&html);
    let _ = std::fs::remove_dir_all(&dest);
    result.expect("build the book");
    assert!(index, "the build wrote no index.html");
    assert!(
        broken.is_empty(),
        "broken proof links:\n{}",
        broken.join("\n")
    );
    assert!(
        result_has_marks(marks),
        "the built book has no proof marks: the cheat sheet's tables are not rendered"
    );
}

/// The cheat sheet's R01 and R02 tables hold well over a hundred proofs; fewer than that means the directive was
/// not expanded.
fn result_has_marks(marks: usize) -> bool {
    marks >= 100
}
