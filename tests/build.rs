//! Generates skeptic's snippet tests. (The per-listing tests are not generated: `tests/listings.rs` finds every
//! listing directory when it runs, so a new listing, or one without a valid declaration, is a test at once.)
//!
//! The chapters are expanded exactly as `mdbook build` does before rendering: first the book's `listings`
//! preprocessor (captions, labels, fence attributes from each listing's declaration), then mdBook's own `links`
//! (includes and anchors). Before that, every Rust block is marked with its origin (chapter and line); after it,
//! [`mdbook_listings::snippet::for_skeptic`] leaves every block that shows a listing out (the `listings` tests build
//! each listing as its own crate, with its own dependencies and features, and judge it against its declaration) and
//! turns every other Rust-like block into a ```rust block with a time limit. skeptic then generates a test per block,
//! and each test is wrapped to name its origin. A block skeptic would skip (`ignore`) fails the build.

use mdbook_driver::MDBook;
use mdbook_driver::book::BookItem;
use mdbook_driver::builtin_preprocessors::LinkPreprocessor;
use mdbook_listings::mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use mdbook_listings::paths::normalize;
use mdbook_listings::snippet::{self, Block, Origin};
use mdbook_listings::spec;
use std::path::{Path, PathBuf};

#[path = "challenge_suites.rs"]
mod challenge_suites;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.parent().unwrap().to_path_buf();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    for watched in ["src", "listings", "book.toml"] {
        println!("cargo:rerun-if-changed={}", root.join(watched).display());
    }
    let suites = challenge_suites::generate(&root);
    write_if_changed(&out.join("challenges.rs"), &suites);
    let (listings, _) = spec::load_all(&root);
    let mut origins = Vec::new();
    let docs = match expand_book(&root, &out, &listings, &mut origins) {
        Ok(docs) => docs,
        Err(e) => {
            // Let the crate compile: the failure is reported by a test, with the `book` tests naming the file.
            println!("cargo:warning=the book could not be expanded for the snippet tests: {e}");
            let msg = format!("{e:#}");
            let test = format!(
                "#[test]\nfn book_expands() {{\n    panic!(\"the book could not be expanded: {{}}\", {msg:?});\n}}\n"
            );
            write_if_changed(&out.join("skeptic-tests.rs"), &test);
            return;
        }
    };
    let paths: Vec<PathBuf> = docs.iter().map(|(p, _)| p.clone()).collect();
    skeptic::generate_doc_tests(&paths);
    let generated = out.join("skeptic-tests.rs");
    let text = std::fs::read_to_string(&generated).expect("skeptic wrote its tests");
    let blocks: Vec<(String, Vec<Block>)> = docs
        .into_iter()
        .map(|(p, b)| (p.file_stem().unwrap().to_string_lossy().into_owned(), b))
        .collect();
    match snippet::wrap_tests(&text, &blocks, &origins) {
        Ok(wrapped) => {
            for name in &wrapped.untraced {
                println!(
                    "cargo:warning=snippet test `{name}` has no origin in src/ (a block from an included markdown \
                     file?): its failures name the expanded chapter"
                );
            }
            write_if_changed(&generated, &wrapped.tests)
        }
        Err(problems) => panic!("the book's Rust blocks cannot all be tested:\n{problems}"),
    }
}

/// Expands every chapter as `mdbook build` does, writes it for skeptic (with its template file), and returns each
/// written file with its Rust blocks.
fn expand_book(
    root: &Path,
    out: &Path,
    listings: &[spec::Listing],
    origins: &mut Vec<Origin>,
) -> mdbook_listings::mdbook_preprocessor::errors::Result<Vec<(PathBuf, Vec<Block>)>> {
    let mut md = MDBook::load(root)?;
    let ctx = PreprocessorContext::new(root.to_path_buf(), md.config.clone(), "html".into());
    let src = root.join(&md.config.book.src);
    // Mark every Rust block with its origin before anything moves it.
    md.book.for_each_mut(|item| {
        if let BookItem::Chapter(ch) = item
            && let Some(path) = &ch.source_path
        {
            let dir = src.join(path).parent().unwrap().to_path_buf();
            let listing_of = |inc: &str| {
                let target = normalize(&dir.join(inc));
                listings
                    .iter()
                    .find(|l| target == normalize(&l.dir.join("src/main.rs")))
                    .map(|l| format!("listings/{}/src/main.rs", l.rel))
            };
            let chapter = format!("src/{}", path.display());
            ch.content = snippet::tag_sources(&chapter, &ch.content, origins, &listing_of);
        }
    });
    // Exactly what `mdbook build` does before rendering: the book's `listings` preprocessor, then mdBook's `links`.
    let book = mdbook_listings::render_book(&src, listings, md.book.clone())?;
    let book = LinkPreprocessor::new().run(&ctx, book)?;
    let dest_root = out.join("book");
    let template = snippet::template_file();
    let mut docs = Vec::new();
    for item in book.iter() {
        let BookItem::Chapter(ch) = item else {
            continue;
        };
        let Some(path) = &ch.source_path else {
            continue;
        };
        let dest = dest_root.join(path);
        std::fs::create_dir_all(dest.parent().unwrap())?;
        let (text, blocks) = snippet::for_skeptic(&ch.content, origins);
        write_if_changed(&dest, &text);
        let mut skt = dest.clone().into_os_string();
        skt.push(".skt.md");
        write_if_changed(Path::new(&skt), &template);
        docs.push((dest, blocks));
    }
    Ok(docs)
}

fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap();
    }
}
