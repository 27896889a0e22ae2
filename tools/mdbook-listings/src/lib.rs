//! The book's listings machinery, shared by the mdBook preprocessor, the test harness and the book's tests:
//! - [`spec`]: a listing's declared behaviour, read from its `Cargo.toml`;
//! - [`book`]: the integrity checks (includes, anchors, SUMMARY, entry ids, every listing shown and declared);
//! - [`render`]: the caption, fence attributes and verified-behaviour label put next to each listing;
//! - [`overview`]: the level badge under each question's title and the `{{#chapter-list <level>}}` directive of
//!   the part overview pages.

pub mod book;
pub mod markdown;
pub mod overview;
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
        let summary = std::fs::read_to_string(src.join("SUMMARY.md")).unwrap_or_default();
        let entries = book::parse_summary(&summary);
        let read = |rel: &str| std::fs::read_to_string(src.join(rel)).ok();
        let mut problems = Vec::new();
        book.for_each_mut(|item| {
            if let BookItem::Chapter(ch) = item
                && let Some(path) = &ch.source_path
            {
                let content = render::render_chapter(&src.join(path), &ch.content, &by_dir);
                let content = match overview::expand_chapter_lists(&content, path, &entries, &read)
                {
                    Ok(c) => c,
                    Err(e) => {
                        problems.push(format!("  src/{e}"));
                        content
                    }
                };
                let overview = book::title_id(&ch.name)
                    .and_then(|id| overview::overview_href(id, path, &entries));
                ch.content = overview::add_level_badge(&content, overview.as_deref());
            }
        });
        if !problems.is_empty() {
            return Err(Error::msg(format!(
                "the book has {} problem(s):\n{}",
                problems.len(),
                problems.join("\n")
            )));
        }
        Ok(book)
    }

    fn supports_renderer(&self, _renderer: &str) -> Result<bool> {
        Ok(true)
    }
}
