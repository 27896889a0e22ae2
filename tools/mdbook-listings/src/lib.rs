//! The book's listings machinery, shared by the mdBook preprocessor, the test harness and the book's tests:
//! - [`spec`]: a listing's declared behaviour, read from its `Cargo.toml`;
//! - [`book`]: the integrity checks (includes, anchors, SUMMARY, entry ids, every listing shown and declared,
//!   inline blocks, Go fragments, summaries), over [`summary`] (the SUMMARY model), [`markdown`] (mdBook's own
//!   parser), [`paths`] and [`diagnostics`];
//! - [`levels`]: the book's levels (letter, directory, name, slug), written once and emitted to every page;
//! - [`render`]: the caption, fence attributes and verified-behaviour label put next to each listing;
//! - [`bench`]: the benchmark results (`bench/results.toml`), their staleness check and the `{{#bench <group>}}`
//!   directive;
//! - [`model`]: a listing's loom models (`[[package.metadata.model]]`) and their label;
//! - [`overview`]: the level badge under each question's title and the `{{#chapter-list <level>}}` directive of
//!   the part overview pages;
//! - [`puzzle`]: "predict it" puzzles (`[package.metadata.puzzle]`), the `{{#puzzles <level>}}` practice pages and
//!   the puzzle data of each chapter;
//! - [`proof`]: the `{{#proof <listing> <class>}}` directive of the reference tables, checked against the
//!   listing's declaration and rendered as a link to where the book shows it;
//! - [`rebless`]: rewriting a listing's declared output from a run (`LISTINGS=overwrite`).

pub mod api_links;
pub mod bench;
pub mod book;
pub mod diagnostics;
pub mod levels;
pub mod markdown;
pub mod model;
pub mod overview;
pub mod paths;
pub mod proof;
pub mod puzzle;
pub mod rebless;
pub mod render;
pub mod snippet;
pub mod spec;
pub mod status;
pub mod summary;
pub mod widths;

/// Re-exported so the book tests drive mdBook with the same preprocessor API.
pub use mdbook_preprocessor;

use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::errors::{Error, Result};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The `listings` preprocessor. It must run before mdBook's `links` preprocessor, which expands the includes.
pub struct Listings;

impl Preprocessor for Listings {
    fn name(&self) -> &str {
        "listings"
    }

    fn run(&self, ctx: &PreprocessorContext, book: Book) -> Result<Book> {
        let report = book::check(&ctx.root);
        if !report.diagnostics.is_empty() {
            return Err(problems(report.diagnostics.iter().map(|d| d.to_string())));
        }
        render_book(&ctx.root.join(&ctx.config.book.src), &report.listings, book)
    }

    fn supports_renderer(&self, _renderer: &str) -> Result<bool> {
        Ok(true)
    }
}

/// The error for a list of problems, one per line.
pub fn problems(lines: impl IntoIterator<Item = String>) -> Error {
    let lines: Vec<String> = lines.into_iter().map(|l| format!("  {l}")).collect();
    Error::msg(format!(
        "the book has {} problem(s):\n{}",
        lines.len(),
        lines.join("\n")
    ))
}

/// What the preprocessor does to every chapter, without the integrity checks: listing captions, fence attributes
/// and labels, the `{{#chapter-list}}` directive, the level badge, and the level table for the page's JavaScript. `src` is the book's source directory. The book
/// tests run this too, so skeptic sees the chapters exactly as mdBook renders them.
pub fn render_book(src: &Path, listings: &[spec::Listing], mut book: Book) -> Result<Book> {
    let by_dir: BTreeMap<PathBuf, &spec::Listing> =
        listings.iter().map(|l| (l.dir.clone(), l)).collect();
    let summary_text = std::fs::read_to_string(src.join("SUMMARY.md")).unwrap_or_default();
    let entries = summary::parse_summary(&summary_text);
    let levels = levels::script_tag();
    let read = |rel: &str| std::fs::read_to_string(src.join(rel)).ok();
    let mut errors = Vec::new();
    let puzzles = puzzle::find(src, listings, &entries);
    let puzzle_assets = puzzle::Assets::load(src.parent().unwrap_or(src));
    let root = src.parent().unwrap_or(src);
    let by_rel: BTreeMap<String, &spec::Listing> =
        listings.iter().map(|l| (l.rel.clone(), l)).collect();
    let homes = listing_homes(root, src, &entries, &by_dir);
    let api = api_links::ApiLinks::load(src).unwrap_or_else(|e| {
        errors.push(e);
        api_links::ApiLinks::default()
    });
    book.for_each_mut(|item| {
        if let BookItem::Chapter(ch) = item
            && let Some(path) = &ch.source_path
        {
            let content = render::render_chapter(&src.join(path), &ch.content, &by_dir);
            let content = match puzzle::expand(&content, path, &puzzles, &puzzle_assets) {
                Ok(c) => c,
                Err(e) => {
                    errors.push(format!("src/{e}"));
                    content
                }
            };
            let content = proof::expand(&content, path, &by_rel, &homes).unwrap_or_else(|e| {
                errors.push(format!("src/{e}"));
                content
            });
            let content = bench::expand(&content, &Path::new("src").join(path), root)
                .unwrap_or_else(|e| {
                    errors.push(e);
                    content
                });
            let content = match overview::expand_chapter_lists(&content, path, &entries, &read) {
                Ok(c) => c,
                Err(e) => {
                    errors.push(format!("src/{e}"));
                    content
                }
            };
            let overview = summary::title_id(&ch.name)
                .and_then(|id| overview::overview_href(id, path, &entries));
            let content = status::expand(&content, &entries);
            let mut content = api.apply(&overview::add_level_badge(&content, overview.as_deref()));
            content.push('\n');
            // The data of the puzzle listings a question chapter shows, for theme/puzzles-play.js (a practice page
            // has its own; other pages, such as "How to read the listings", keep their labels in interview mode).
            if summary::title_id(&ch.name).is_some() && !content.contains("class=\"book-puzzles\"")
            {
                content += &puzzle::chapter_data(&content, &puzzles, &puzzle_assets);
            }
            content.push_str(&levels);
            ch.content = content;
        }
    });
    if errors.is_empty() {
        Ok(book)
    } else {
        Err(problems(errors))
    }
}

/// Where the book shows each listing (its home chapter, see [`proof::homes`]), read from the chapter files the
/// SUMMARY links to, as the integrity checks read them.
fn listing_homes(
    root: &Path,
    src: &Path,
    entries: &[summary::SummaryEntry],
    by_dir: &BTreeMap<PathBuf, &spec::Listing>,
) -> BTreeMap<String, String> {
    let chapters: Vec<(String, Option<String>, std::collections::BTreeSet<String>)> = entries
        .iter()
        .filter_map(|e| {
            let path = e.path.clone()?;
            let file = src.join(&path);
            let text = std::fs::read_to_string(&file).ok()?;
            let shown = book::check_chapter(root, &file, &text, by_dir, None).shown;
            Some((path, summary::title_id(&e.title).map(str::to_string), shown))
        })
        .collect();
    proof::homes(&chapters)
}
