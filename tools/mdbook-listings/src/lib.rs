//! The book's listings machinery, shared by the mdBook preprocessor, the test harness and the book's tests:
//! - [`spec`]: a listing's declared behaviour, read from its `Cargo.toml`;
//! - [`book`]: the integrity checks (includes, anchors, SUMMARY, entry ids, every listing shown and declared);
//! - [`render`]: the caption, fence attributes and verified-behaviour label put next to each listing.

pub mod book;
pub mod markdown;
pub mod render;
pub mod spec;

/// Re-exported so the book tests drive mdBook with the same preprocessor API.
pub use mdbook_preprocessor;

use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::errors::{Error, Result};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The `listings` preprocessor. It must run before mdBook's `links` preprocessor, which expands the includes.
pub struct Listings;

impl Preprocessor for Listings {
    fn name(&self) -> &str {
        "listings"
    }

    fn run(&self, ctx: &PreprocessorContext, mut book: Book) -> Result<Book> {
        let report = book::check(&ctx.root);
        if !report.diagnostics.is_empty() {
            let lines: Vec<String> = report
                .diagnostics
                .iter()
                .map(|d| format!("  {d}"))
                .collect();
            return Err(Error::msg(format!(
                "the book has {} problem(s):\n{}",
                lines.len(),
                lines.join("\n")
            )));
        }
        let by_dir: BTreeMap<PathBuf, &spec::Listing> =
            report.listings.iter().map(|l| (l.dir.clone(), l)).collect();
        let src = ctx.root.join(&ctx.config.book.src);
        book.for_each_mut(|item| {
            if let BookItem::Chapter(ch) = item
                && let Some(path) = &ch.source_path
            {
                ch.content = render::render_chapter(&src.join(path), &ch.content, &by_dir);
            }
        });
        Ok(book)
    }

    fn supports_renderer(&self, _renderer: &str) -> Result<bool> {
        Ok(true)
    }
}
