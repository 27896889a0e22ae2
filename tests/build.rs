//! Generates skeptic's snippet tests. (The per-listing tests are not generated: `tests/listings.rs` finds every
//! listing directory when it runs, so a new listing, or one without a valid declaration, is a test at once.)
//!
//! The chapters are expanded exactly as `mdbook build` does before rendering: first the book's `listings`
//! preprocessor (captions, labels, fence attributes from each listing's declaration), then mdBook's own `links`
//! (includes and anchors). skeptic then tests every ```rust block of the result. Since skeptic ignores
//! `compile_fail`, such blocks become `should_panic,no_run` (must fail to compile); their exact error codes are
//! asserted by the `listings` tests.

use mdbook_driver::MDBook;
use mdbook_driver::book::BookItem;
use mdbook_driver::builtin_preprocessors::LinkPreprocessor;
use mdbook_listings::mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use mdbook_listings::{markdown, spec};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.parent().unwrap().to_path_buf();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    for watched in ["src", "listings", "book.toml"] {
        println!("cargo:rerun-if-changed={}", root.join(watched).display());
    }
    let (listings, _) = spec::load_all(&root);
    let docs = match expand_book(&root, &out, &listings) {
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
    skeptic::generate_doc_tests(&docs);
}

fn expand_book(
    root: &Path,
    out: &Path,
    listings: &[spec::Listing],
) -> mdbook_listings::mdbook_preprocessor::errors::Result<Vec<PathBuf>> {
    let md = MDBook::load(root)?;
    let ctx = PreprocessorContext::new(root.to_path_buf(), md.config.clone(), "html".into());
    // Exactly what `mdbook build` does before rendering: the book's `listings` preprocessor, then mdBook's `links`.
    let book =
        mdbook_listings::render_book(&root.join(&md.config.book.src), listings, md.book.clone())?;
    let book = LinkPreprocessor::new().run(&ctx, book)?;
    let dest_root = out.join("book");
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
        write_if_changed(&dest, &for_skeptic(&ch.content));
        docs.push(dest);
    }
    Ok(docs)
}

/// Maps rustdoc's `compile_fail` to what skeptic understands: `should_panic,no_run` (the compile must fail).
fn for_skeptic(content: &str) -> String {
    let fences = markdown::fences(content);
    let mut out = String::with_capacity(content.len());
    for (i, line) in content.lines().enumerate() {
        match fences.iter().find(|f| f.open == i && f.is_rust()) {
            Some(f) if f.attrs().iter().any(|a| a == "compile_fail") => {
                let attrs: Vec<String> = f
                    .attrs()
                    .into_iter()
                    .filter(|a| a != "compile_fail" && !mdbook_listings::book::is_error_code(a))
                    .chain(["should_panic".to_string(), "no_run".to_string()])
                    .collect();
                writeln!(out, "{}{}{}", f.indent, f.marker, attrs.join(",")).unwrap();
            }
            _ => writeln!(out, "{line}").unwrap(),
        }
    }
    out
}

fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap();
    }
}
