//! The Rust blocks of the book as skeptic tests them (`tests/build.rs`, `tests/snippets.rs`).
//!
//! 1. [`tag_sources`] marks every Rust block of a chapter's source with its origin (chapter and line, and the listing
//!    it shows), before the chapter is rendered and its includes expanded.
//! 2. [`for_skeptic`] rewrites the expanded chapter for skeptic: a block that shows a listing is left to the listing
//!    harness (it becomes a ```` ```text ```` block), every other Rust-like block becomes ```` ```rust ```` (so
//!    ```` ```rs ```` is compiled too) with the [`TEMPLATE`] that puts a time limit on the program.
//! 3. [`wrap_tests`] edits skeptic's generated tests: each calls `snippet(origin, …)` so a failure names the
//!    chapter's line, not the expanded chapter's; an ignored test is refused.

use crate::markdown::{self, Document};
use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write as _;

/// The environment variable that sets the time limit of a snippet program, in seconds.
pub const TIME_LIMIT_ENV: &str = "BOOK_SNIPPET_TIME_LIMIT_S";
/// The default time limit: far above what any snippet takes (milliseconds), far below "hangs forever".
pub const TIME_LIMIT_S: u32 = 30;
/// The exit status of a snippet stopped by its time limit (as `timeout(1)`).
pub const TIME_LIMIT_STATUS: i32 = 124;
/// The info attribute that carries a block's origin through rendering: `book-snippet-<index>`.
const TAG: &str = "book-snippet-";
/// skeptic's template name for the time limit (`skt-book`, defined in `<chapter>.md.skt.md`).
pub const TEMPLATE_NAME: &str = "book";

/// The code appended to every snippet (after it, so rustc's line numbers in the snippet stay as they are). A
/// constructor in `.init_array` arms `alarm(2)`; when it fires, the handler writes why to stderr and exits with
/// status 124. No thread is added (some snippets count their threads). Linux, like the rest of the harness.
pub const TEMPLATE: &str = r#"{}
#[allow(unsafe_code, dead_code)]
mod __book_snippet_time_limit {
    unsafe extern "C" {
        fn alarm(seconds: u32) -> u32;
        fn signal(signum: i32, handler: extern "C" fn(i32)) -> usize;
        fn write(fd: i32, buf: *const u8, count: usize) -> isize;
        fn _exit(status: i32) -> !;
    }
    extern "C" fn expired(_: i32) {
        const MSG: &[u8] = b"\nthe snippet was still running at its time limit (BOOK_SNIPPET_TIME_LIMIT_S, default 30 s) and was stopped: an inline snippet must finish; a program that blocks or spins is a listing with a declared behaviour (see CONTRIBUTING.md)\n";
        unsafe {
            write(2, MSG.as_ptr(), MSG.len());
            _exit(124);
        }
    }
    extern "C" fn arm() {
        let secs = std::env::var("BOOK_SNIPPET_TIME_LIMIT_S")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(30);
        unsafe {
            signal(14, expired);
            alarm(secs);
        }
    }
    #[used]
    #[unsafe(link_section = ".init_array")]
    static ARM: extern "C" fn() = arm;
}
"#;

/// The `<chapter>.md.skt.md` file skeptic reads the template from. skeptic pastes the template into a `format!`
/// string, so its braces are doubled (except the `{}` that receives the snippet).
pub fn template_file() -> String {
    let (head, body) = TEMPLATE.split_at(2);
    let body = body.replace('{', "{{").replace('}', "}}");
    format!("```rust,skt-{TEMPLATE_NAME}\n{head}{body}```\n")
}

/// Where a Rust block of the book comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// `src/junior/j05-buffering.md`.
    pub chapter: String,
    /// 1-based line of the block's opening fence in the chapter's source.
    pub line: usize,
    /// For a listing: its program file (`listings/j05/x/src/main.rs`) and whether the whole file reaches the
    /// compiler line for line (a `rustdoc_include` or a whole-file `include`).
    pub listing: Option<(String, bool)>,
}

impl Origin {
    /// Where rustc's `test.rs:<n>` is in the book: the snippet starts on `test.rs` line 2.
    pub fn locate(&self, test_rs_line: usize) -> Option<String> {
        let n = test_rs_line.checked_sub(1).filter(|&n| n >= 1)?;
        match &self.listing {
            None => Some(format!("{}:{}", self.chapter, self.line + n)),
            Some((file, true)) => Some(format!("{file}:{n}")),
            Some((_, false)) => None,
        }
    }
}

/// Marks every Rust-like block of a chapter's source with `book-snippet-<n>` (n indexes `origins`), so the mark
/// survives rendering and include expansion. `chapter` is `src/…`; `listing_of` maps an include's path (as written,
/// relative to the chapter) to the listing file it shows.
pub fn tag_sources(
    chapter: &str,
    text: &str,
    origins: &mut Vec<Origin>,
    listing_of: &dyn Fn(&str) -> Option<String>,
) -> String {
    let doc = Document::parse(text);
    let includes = markdown::includes(text);
    let mut opens = BTreeMap::new();
    for f in doc.fences.iter().filter(|f| f.is_rust()) {
        let listing = includes
            .iter()
            .filter(|i| f.range.contains(&i.range.start) && !doc.in_comment(i.range.start))
            .find_map(|i| {
                let whole =
                    i.kind == "rustdoc_include" || i.selection == markdown::Selection::Whole;
                listing_of(&i.path).map(|file| (file, whole))
            });
        origins.push(Origin {
            chapter: chapter.to_string(),
            line: f.open + 1,
            listing,
        });
        let sep = if f.info.is_empty() { "" } else { "," };
        let line = format!(
            "{}{}{}{sep}{TAG}{}",
            f.indent,
            f.marker,
            f.info,
            origins.len() - 1
        );
        opens.insert(f.open, line);
    }
    rewrite_lines(text, &opens)
}

fn rewrite_lines(text: &str, lines: &BTreeMap<usize, String>) -> String {
    let mut out = String::with_capacity(text.len() + 64 * lines.len());
    for (i, line) in text.lines().enumerate() {
        out += lines.get(&i).map_or(line, String::as_str);
        out += "\n";
    }
    out
}

/// A Rust block of an expanded chapter, as skeptic will name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// 1-based line of the opening fence in the expanded chapter (skeptic's `_line_<n>`).
    pub expanded_line: usize,
    /// Index into the origins, if the block carried a mark.
    pub origin: Option<usize>,
}

/// Rewrites an expanded chapter for skeptic (see the module docs) and lists its Rust blocks. `origins` are the
/// marks [`tag_sources`] gave out: a block that shows a listing is left out of the snippet tests.
pub fn for_skeptic(content: &str, origins: &[Origin]) -> (String, Vec<Block>) {
    let doc = Document::parse(content);
    let mut opens = BTreeMap::new();
    let mut blocks = Vec::new();
    for f in doc.fences.iter().filter(|f| f.is_rust()) {
        let mut origin = None;
        let mut attrs = vec!["rust".to_string()];
        for (i, a) in f.attrs().into_iter().enumerate() {
            let lower = a.to_lowercase();
            if let Some(n) = a.strip_prefix(TAG) {
                origin = n.parse().ok();
            } else if i == 0 && (lower == "rust" || lower == "rs") {
            } else if !markdown::is_error_code(&a) && !attrs.contains(&a) {
                attrs.push(a);
            }
        }
        let listing = origin
            .and_then(|o: usize| origins.get(o))
            .is_some_and(|o| o.listing.is_some());
        if listing {
            // A listing is its own crate, built with its own dependencies and features and judged by the listing
            // harness against its declaration (`tests/listings.rs`); compiling the block again here would prove
            // nothing more, cost a compiler run, and build it against the snippet tests' dependencies instead of
            // its own. Only inline blocks are snippets.
            opens.insert(f.open, format!("{}{}text", f.indent, f.marker));
            continue;
        }
        attrs.push(format!("skt-{TEMPLATE_NAME}"));
        opens.insert(
            f.open,
            format!("{}{}{}", f.indent, f.marker, attrs.join(",")),
        );
        blocks.push(Block {
            expanded_line: f.open + 1,
            origin,
        });
    }
    (rewrite_lines(content, &opens), blocks)
}

/// skeptic's test name for a file stem (its `sanitize_test_name`).
pub fn sanitize(s: &str) -> String {
    s.to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect::<String>()
        .split('_')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Skeptic's tests, wrapped, and the tests that could not be traced to a block of the source (they name the
/// expanded chapter instead: a Rust block that came from an included markdown file, or a renderer that dropped the
/// origin mark).
#[derive(Debug)]
pub struct Wrapped {
    pub tests: String,
    pub untraced: Vec<String>,
}

/// Rewrites skeptic's generated tests so each runs through `snippet(<origin>, …)`, which names the chapter's line
/// on failure. `docs` lists each expanded chapter's file stem and its blocks, in the order given to skeptic.
/// Fails if skeptic would skip a test (`#[ignore]`).
pub fn wrap_tests(
    generated: &str,
    docs: &[(String, Vec<Block>)],
    origins: &[Origin],
) -> Result<Wrapped, String> {
    // (stem, expanded line) → the blocks there, in order.
    let mut by_key: BTreeMap<(String, usize), VecDeque<Option<usize>>> = BTreeMap::new();
    for (stem, blocks) in docs {
        for b in blocks {
            by_key
                .entry((sanitize(stem), b.expanded_line))
                .or_default()
                .push_back(b.origin);
        }
    }
    let stems: Vec<String> = docs.iter().map(|(s, _)| sanitize(s)).collect();
    let mut out = String::with_capacity(generated.len() * 2);
    let mut pending_ignore = false;
    let mut current: Option<(String, Option<usize>)> = None;
    let fallback = |name: &str| {
        let (head, n) = name.rsplit_once("_line_").unwrap_or((name, "0"));
        let stem = head.split("_sect_").next().unwrap_or(head);
        format!(
            "crate::Origin {{ chapter: \"{stem} (expanded chapter; the block's origin is unknown)\", line: {}, \
             listing: None }}",
            n.parse::<usize>().unwrap_or(0)
        )
    };
    let mut problems = Vec::new();
    let mut untraced = Vec::new();
    for line in generated.lines() {
        if line.trim() == "#[ignore]" {
            pending_ignore = true;
            continue;
        }
        if let Some(name) = line
            .strip_prefix("#[test] fn ")
            .and_then(|r| r.strip_suffix("() {"))
        {
            let key = name
                .rsplit_once("_line_")
                .and_then(|(head, n)| Some((head, n.parse::<usize>().ok()?)))
                .and_then(|(head, n)| {
                    let stem = stems
                        .iter()
                        .filter(|s| head == s.as_str() || head.starts_with(&format!("{s}_sect_")))
                        .max_by_key(|s| s.len())?;
                    Some((stem.clone(), n))
                });
            let origin = key.and_then(|k| by_key.get_mut(&k)?.pop_front()).flatten();
            if origin.is_none() {
                untraced.push(name.to_string());
            }
            if pending_ignore {
                let at = origin.map_or(name.to_string(), |o| describe(&origins[o]));
                problems.push(format!(
                    "{at}: skeptic would skip this block (`ignore`); every Rust block is compiled and run, or \
                     declared as a listing"
                ));
            }
            pending_ignore = false;
            current = Some((name.to_string(), origin));
            writeln!(out, "{line}").unwrap();
            continue;
        }
        let trimmed = line.trim_start();
        if let (Some((name, origin)), true) = (
            &current,
            trimmed.starts_with("skeptic::rt::run_test(")
                || trimmed.starts_with("skeptic::rt::compile_test("),
        ) {
            let call = trimmed.trim_end().trim_end_matches(';');
            let o = origin.map(|o| &origins[o]);
            let origin_expr = match o {
                Some(o) => format!(
                    "crate::Origin {{ chapter: {:?}, line: {}, listing: {:?} }}",
                    o.chapter,
                    o.line,
                    o.listing.as_ref().map(|(f, whole)| (f.as_str(), *whole))
                ),
                None => fallback(name),
            };
            writeln!(out, "    crate::snippet({origin_expr}, || {call});").unwrap();
            continue;
        }
        writeln!(out, "{line}").unwrap();
    }
    if problems.is_empty() {
        Ok(Wrapped {
            tests: out,
            untraced,
        })
    } else {
        Err(problems.join("\n"))
    }
}

/// `src/x.md:42` or `src/x.md:42 (listing listings/j05/x/src/main.rs)`.
pub fn describe(o: &Origin) -> String {
    match &o.listing {
        Some((file, _)) => format!("{}:{} (listing {file})", o.chapter, o.line),
        None => format!("{}:{}", o.chapter, o.line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_every_rust_block_with_its_origin() {
        let md = "# T\n\n```rust\nfn main() {}\n```\n\n- item\n\n    ```rs\n    fn main() {}\n    ```\n\n\
                  ```rust\n{{#rustdoc_include ../../listings/j05/x/src/main.rs:body}}\n```\n\n```text\nno\n```\n";
        let mut origins = Vec::new();
        let tagged = tag_sources("src/t.md", md, &mut origins, &|p| {
            p.contains("listings/")
                .then(|| "listings/j05/x/src/main.rs".to_string())
        });
        assert_eq!(origins.len(), 3);
        assert!(tagged.contains("\n```rust,book-snippet-0\n"), "{tagged}");
        assert!(tagged.contains("\n    ```rs,book-snippet-1\n"), "{tagged}");
        assert_eq!(origins[1].line, 9);
        assert_eq!(
            origins[2].listing,
            Some(("listings/j05/x/src/main.rs".to_string(), true))
        );
        assert_eq!(tagged.lines().count(), md.lines().count());

        let (out, blocks) = for_skeptic(&tagged, &origins);
        assert!(out.contains("\n```rust,skt-book\n"), "{out}");
        assert!(
            out.contains("\n    ```rust,skt-book\n"),
            "an `rs` block is compiled as rust: {out}"
        );
        assert!(
            out.contains("\n```text\n{{#rustdoc_include"),
            "the listing is left to the harness: {out}"
        );
        assert_eq!(
            blocks.iter().map(|b| b.origin).collect::<Vec<_>>(),
            [Some(0), Some(1)]
        );
        assert_eq!(blocks[1].expanded_line, 9);
    }

    #[test]
    fn only_inline_blocks_are_snippets() {
        let inline = Origin {
            chapter: "src/a.md".into(),
            line: 1,
            listing: None,
        };
        let listing = Origin {
            listing: Some(("listings/j05/x/src/main.rs".into(), false)),
            ..inline.clone()
        };
        let origins = [inline.clone(), listing.clone(), listing, inline];
        // Whatever their attributes: a listing's block that runs, one that never finishes, an excerpt that is not
        // a program, and an inline block.
        let md = "```rust,should_panic,book-snippet-1\nfn main() { panic!() }\n```\n\n\
                  ```rust,no_run,noplayground,book-snippet-2\nfn main() { loop {} }\n```\n\n\
                  ```rust,book-snippet-2\nlet x = 1;\n```\n\n\
                  ```rust,book-snippet-3\nfn main() {}\n```\n\n\
                  ```rust\nfn main() {}\n```\n";
        let (out, blocks) = for_skeptic(md, &origins);
        let fences: Vec<&str> = out
            .lines()
            .filter(|l| l.starts_with("```") && l.len() > 3)
            .collect();
        assert_eq!(
            fences,
            [
                "```text",
                "```text",
                "```text",
                "```rust,skt-book",
                "```rust,skt-book"
            ]
        );
        assert_eq!(
            blocks.iter().map(|b| b.origin).collect::<Vec<_>>(),
            [Some(3), None]
        );
    }

    #[test]
    fn origins_locate_rustc_lines() {
        let inline = Origin {
            chapter: "src/a.md".into(),
            line: 10,
            listing: None,
        };
        assert_eq!(inline.locate(2).as_deref(), Some("src/a.md:11"));
        assert_eq!(inline.locate(1), None);
        let listing = Origin {
            listing: Some(("listings/j05/x/src/main.rs".into(), true)),
            ..inline.clone()
        };
        assert_eq!(
            listing.locate(5).as_deref(),
            Some("listings/j05/x/src/main.rs:4")
        );
    }

    const GENERATED: &str = "extern crate skeptic;\n#[test] fn j05_buffering_sect_deep_answer_line_12() {\n    let s = &format!(r####\"\n{}\"####, r####\"fn main() {}\"####);\n    skeptic::rt::run_test(r#\"/r\"#, r#\"/o\"#, r#\"x86\"#, s);\n}\n\n";

    #[test]
    fn wraps_each_test_with_its_origin() {
        let origins = vec![Origin {
            chapter: "src/junior/j05-buffering.md".into(),
            line: 7,
            listing: None,
        }];
        let docs = vec![(
            "j05-buffering".to_string(),
            vec![Block {
                expanded_line: 12,
                origin: Some(0),
            }],
        )];
        let out = wrap_tests(GENERATED, &docs, &origins).unwrap().tests;
        assert!(
            out.contains("    crate::snippet(crate::Origin { chapter: \"src/junior/j05-buffering.md\", line: 7, listing: None }, || skeptic::rt::run_test(r#\"/r\"#, r#\"/o\"#, r#\"x86\"#, s));\n"),
            "{out}"
        );
        let ignored = GENERATED.replace("#[test]", "#[ignore]\n#[test]");
        let err = wrap_tests(&ignored, &docs, &origins).unwrap_err();
        assert!(
            err.contains("src/junior/j05-buffering.md:7: skeptic would skip this block (`ignore`)"),
            "{err}"
        );
        let lost = wrap_tests(GENERATED, &[], &origins).unwrap();
        assert_eq!(lost.untraced, ["j05_buffering_sect_deep_answer_line_12"]);
        assert!(
            lost.tests.contains("crate::snippet(crate::Origin { chapter: \"j05_buffering (expanded chapter; the block's origin is unknown)\", line: 12, listing: None }"),
            "{}",
            lost.tests
        );
    }

    #[test]
    fn the_template_file_doubles_braces() {
        let f = template_file();
        assert!(f.starts_with("```rust,skt-book\n{}\n#[allow"), "{f}");
        assert!(f.contains("mod __book_snippet_time_limit {{\n"));
        assert_eq!(f.matches("{}").count(), 1);
        assert!(TEMPLATE.contains(TIME_LIMIT_ENV));
        assert!(TEMPLATE.contains(&format!("unwrap_or({TIME_LIMIT_S})")));
        assert!(TEMPLATE.contains(&format!("_exit({TIME_LIMIT_STATUS})")));
    }
}
