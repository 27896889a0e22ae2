//! Markdown as mdBook reads it. Code blocks, links and HTML comments come from the CommonMark parser mdBook itself
//! uses (`mdbook-markdown`'s `new_cmark_parser`, pulldown-cmark), so a fence inside a list item or a block quote is
//! seen exactly as mdBook and skeptic see it. Include directives are found with the pattern of mdBook's `links`
//! preprocessor, which works on the raw text: spaces after `{{` and directives spread over several lines count.

use mdbook_markdown::pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A fenced code block, with 0-based line indices of its opening and closing fence lines.
#[derive(Debug, Clone)]
pub struct Fence {
    pub open: usize,
    /// The closing fence line; `None` if the block runs to the end of its container.
    pub close: Option<usize>,
    /// What precedes the fence characters on the opening line: indentation, a block quote's `> `, a list
    /// marker's width. Rewriting the opening line as `{indent}{marker}{info}` keeps the block where it is.
    pub indent: String,
    /// The fence characters, e.g. "```".
    pub marker: String,
    /// The info string: "rust,no_run", "go", "".
    pub info: String,
    /// Byte range of the whole block, fences included.
    pub range: Range<usize>,
}

impl Fence {
    /// The info string's attributes, split like rustdoc does.
    pub fn attrs(&self) -> Vec<String> {
        split_attrs(&self.info)
    }

    /// Is this a Rust block for mdBook, rustdoc or skeptic? See [`is_rust_info`].
    pub fn is_rust(&self) -> bool {
        is_rust_info(&self.info)
    }

    /// The language word, lower case: "rust", "go", "" for none.
    pub fn language(&self) -> String {
        self.attrs()
            .first()
            .map(|a| a.to_lowercase())
            .unwrap_or_default()
    }

    /// Is 0-based `line` inside the block (not a fence line)?
    pub fn contains(&self, line: usize) -> bool {
        line > self.open && self.close.is_none_or(|c| line < c)
    }
}

pub fn split_attrs(info: &str) -> Vec<String> {
    info.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// rustdoc's attributes: a block whose info string has only these (``` ```no_run ```) is Rust to rustdoc.
pub const RUSTDOC_ATTRS: &[&str] = &[
    "ignore",
    "no_run",
    "should_panic",
    "compile_fail",
    "test_harness",
    "standalone_crate",
];

/// Is an info string Rust? Its language word is `rust` or `rs` in any case (`Rust`, `RS`, `rust,ignore`,
/// `rust edition2024`), or it has no language word but rustdoc attributes (`no_run`, `ignore`, `edition2021`).
/// Every such block is compiled and tested, so each gets the checks of a ```` ```rust ```` block.
pub fn is_rust_info(info: &str) -> bool {
    let attrs = split_attrs(info);
    let Some(first) = attrs.first() else {
        return false;
    };
    let lang = first.to_lowercase();
    lang == "rust"
        || lang == "rs"
        || attrs.iter().all(|a| {
            let a = a.to_lowercase();
            RUSTDOC_ATTRS.contains(&a.as_str()) || a.starts_with("edition") || is_error_code(&a)
        })
}

/// `E0373`: a rustc error code, as written after `compile_fail`.
pub fn is_error_code(a: &str) -> bool {
    a.len() == 5 && a.starts_with(['E', 'e']) && a[1..].bytes().all(|b| b.is_ascii_digit())
}

/// A relative link to another page, from a markdown link (not from HTML, not inside code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLink {
    /// 0-based line index.
    pub line: usize,
    pub target: String,
}

/// One chapter parsed once: its code blocks, HTML comments and links, with line lookups.
pub struct Document<'a> {
    pub text: &'a str,
    line_starts: Vec<usize>,
    pub fences: Vec<Fence>,
    /// Byte ranges of HTML comments (`<!-- … -->`), in blocks or inline.
    pub comments: Vec<Range<usize>>,
    /// Byte ranges of inline code spans.
    pub code_spans: Vec<Range<usize>>,
    pub links: Vec<PageLink>,
}

impl<'a> Document<'a> {
    pub fn parse(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut doc = Document {
            text,
            line_starts,
            fences: Vec::new(),
            comments: Vec::new(),
            code_spans: Vec::new(),
            links: Vec::new(),
        };
        let mut html_block: Option<usize> = None;
        let parser = new_cmark_parser(text, &MarkdownOptions::default());
        for (event, range) in parser.into_offset_iter() {
            match event {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                    let fence = doc.fence(&info, range);
                    doc.fences.push(fence);
                }
                Event::Start(Tag::HtmlBlock) => html_block = Some(range.start),
                Event::End(TagEnd::HtmlBlock) => {
                    if let Some(start) = html_block.take() {
                        doc.add_comments(start..range.end.max(start));
                    }
                }
                Event::InlineHtml(html) if html.starts_with("<!--") => {
                    let end = text[range.start..]
                        .find("-->")
                        .map_or(text.len(), |p| range.start + p + 3);
                    doc.comments.push(range.start..end);
                }
                Event::Code(_) => doc.code_spans.push(range),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    let target = dest_url.trim().to_string();
                    let path = target.split('#').next().unwrap_or("");
                    if path.ends_with(".md") && !path.contains("://") {
                        doc.links.push(PageLink {
                            line: doc.line_of(range.start),
                            target,
                        });
                    }
                }
                _ => {}
            }
        }
        doc
    }

    /// The 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// The text of 0-based line `i`, without its line break.
    pub fn line(&self, i: usize) -> &'a str {
        let start = self.line_starts.get(i).copied().unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e - 1);
        self.text[start..end.max(start)].trim_end_matches('\r')
    }

    fn fence(&self, info: &str, range: Range<usize>) -> Fence {
        let open = self.line_of(range.start);
        let line_start = self.line_starts[open];
        let rest = &self.text[range.start..];
        let ch = rest.chars().next().unwrap_or('`');
        let run = rest.chars().take_while(|&c| c == ch).count();
        let last = self.line_of(range.end.saturating_sub(1).max(range.start));
        let close = (last > open)
            .then(|| {
                let l = self.line(last);
                let body = l.trim_start_matches([' ', '\t', '>']);
                let n = body.chars().take_while(|&c| c == ch).count();
                (n >= run && body[n..].trim().is_empty()).then_some(last)
            })
            .flatten();
        Fence {
            open,
            close,
            indent: self.text[line_start..range.start].to_string(),
            marker: rest[..run].to_string(),
            info: info.trim().to_string(),
            range,
        }
    }

    /// Records the HTML comments of an HTML block (an unclosed one runs to the end of the block).
    fn add_comments(&mut self, block: Range<usize>) {
        let mut pos = block.start;
        while let Some(p) = self.text[pos..block.end].find("<!--") {
            let start = pos + p;
            let end = self.text[start + 4..]
                .find("-->")
                .map_or(block.end, |e| start + 4 + e + 3);
            self.comments.push(start..end);
            pos = end.min(block.end);
            if pos >= block.end {
                break;
            }
        }
    }

    /// Is the byte offset inside an HTML comment?
    pub fn in_comment(&self, offset: usize) -> bool {
        self.comments.iter().any(|c| c.contains(&offset))
    }

    /// Is the byte offset inside a code block or code span (where text is shown, not interpreted)?
    pub fn in_code(&self, offset: usize) -> bool {
        self.fences.iter().any(|f| f.range.contains(&offset))
            || self.code_spans.iter().any(|c| c.contains(&offset))
    }

    /// The fenced block whose body holds the byte offset.
    pub fn fence_at(&self, offset: usize) -> Option<&Fence> {
        let line = self.line_of(offset);
        self.fences
            .iter()
            .find(|f| f.range.contains(&offset) && f.contains(line))
    }
}

/// The fenced code blocks of a markdown text, as mdBook sees them.
pub fn fences(text: &str) -> Vec<Fence> {
    Document::parse(text).fences
}

/// What an include directive selects from its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Whole,
    Anchor(String),
    Lines,
}

/// An mdBook `{{#include}}`, `{{#rustdoc_include}}` or `{{#playground}}` directive.
#[derive(Debug, Clone)]
pub struct Include {
    /// 0-based line index in the chapter of the directive's start.
    pub line: usize,
    /// Byte range of the directive.
    pub range: Range<usize>,
    pub kind: String,
    pub path: String,
    pub selection: Selection,
    /// The directive as written (on one line), for messages.
    pub text: String,
}

/// mdBook's `links` preprocessor's pattern (mdbook-driver 0.5.4, `find_links`): an escaped directive, or `{{`,
/// optional white space (line breaks too), `#type`, white space, then anything but `}` up to `}}`.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \\\{\{\#.*\}\}
        |
        \{\{\s*
        \#([a-zA-Z0-9_]+)
        \s+
        ([^}]+)
        \}\}",
    )
    .expect("valid pattern")
});

/// mdBook's `parse_range_or_anchor`: a number (or nothing) before the first colon is a line range, anything else
/// an anchor name.
fn selection(spec: Option<&str>) -> Selection {
    let first = spec.unwrap_or("").split(':').next().unwrap_or("");
    if first.is_empty() || first.parse::<usize>().is_ok() {
        if spec.is_some_and(|s| !s.is_empty()) {
            Selection::Lines
        } else {
            Selection::Whole
        }
    } else {
        Selection::Anchor(first.to_string())
    }
}

/// The include-like directives of a chapter, found as mdBook's `links` preprocessor finds them: anywhere in the
/// raw text, escaped `\{{#…}}` directives skipped.
pub fn includes(text: &str) -> Vec<Include> {
    let line_of = |offset: usize| text[..offset].matches('\n').count();
    let mut out = Vec::new();
    for cap in LINK.captures_iter(text) {
        let (Some(all), Some(kind), Some(rest)) = (cap.get(0), cap.get(1), cap.get(2)) else {
            continue;
        };
        let kind = kind.as_str();
        if !matches!(
            kind,
            "include" | "rustdoc_include" | "playground" | "playpen"
        ) {
            continue;
        }
        let target = rest.as_str().split_whitespace().next().unwrap_or("");
        let mut parts = target.splitn(2, ':');
        let path = parts.next().unwrap_or("").to_string();
        let selection = match kind {
            "playground" | "playpen" => Selection::Whole,
            _ => selection(parts.next()),
        };
        out.push(Include {
            line: line_of(all.start()),
            range: all.range(),
            kind: kind.to_string(),
            path,
            selection,
            text: all
                .as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        });
    }
    out
}

/// mdBook's anchor patterns (`take_lines.rs`): `ANCHOR:` and `ANCHOR_END:`, optional white space, a name of word
/// characters and `-`.
static ANCHOR_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR:\s*(?P<name>[\w_-]+)").expect("valid pattern"));
static ANCHOR_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR_END:\s*(?P<name>[\w_-]+)").expect("valid pattern"));

/// An anchor a source file defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub name: String,
    /// 1-based line of its `ANCHOR:` mark.
    pub line: usize,
    /// Does a matching `ANCHOR_END:` follow?
    pub closed: bool,
}

/// The anchors of a source file, in order.
pub fn anchor_marks(source: &str) -> Vec<Anchor> {
    let mut out: Vec<Anchor> = Vec::new();
    for (i, l) in source.lines().enumerate() {
        if let Some(c) = ANCHOR_END.captures(l) {
            if let Some(a) = out.iter_mut().rev().find(|a| a.name == c["name"]) {
                a.closed = true;
            }
        } else if let Some(c) = ANCHOR_START.captures(l) {
            out.push(Anchor {
                name: c["name"].to_string(),
                line: i + 1,
                closed: false,
            });
        }
    }
    out
}

/// Does a source file define anchor `name` (both its start and its end)?
pub fn has_anchor(source: &str, name: &str) -> bool {
    anchor_marks(source)
        .iter()
        .any(|a| a.name == name && a.closed)
}

/// The anchor names a source file defines, for "did you mean" messages.
pub fn anchors(source: &str) -> Vec<String> {
    let mut v: Vec<String> = anchor_marks(source).into_iter().map(|a| a.name).collect();
    v.dedup();
    v
}

/// Relative links to other pages: `](path.md)` or `](path.md#frag)`, with 0-based line indices. Links inside code
/// and HTML comments are not links.
pub fn page_links(text: &str) -> Vec<(usize, String)> {
    Document::parse(text)
        .links
        .into_iter()
        .map(|l| (l.line, l.target))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fences_and_their_info() {
        let md = "text\n```rust,no_run\nfn main() {}\n```\n````markdown\n```rust\n```\n````\n~~~go\nx\n~~~\n";
        let f = fences(md);
        assert_eq!(f.len(), 3);
        assert_eq!(
            (f[0].open, f[0].close, f[0].info.as_str()),
            (1, Some(3), "rust,no_run")
        );
        assert!(f[0].is_rust());
        assert_eq!(
            (f[1].open, f[1].close),
            (4, Some(7)),
            "a longer fence contains a shorter one"
        );
        assert_eq!(f[2].info, "go");
        assert_eq!(f[2].language(), "go");
    }

    #[test]
    fn sees_fences_in_list_items_and_block_quotes() {
        let md = "- item\n\n    ```rust,ignore\n    loop {}\n    ```\n\n> quoted\n>\n> ```rust,no_run\n> fn main() {}\n> ```\n\n1. step\n   ```rs\n   fn main() {}\n   ```\n";
        let f = fences(md);
        assert_eq!(f.len(), 3, "{f:#?}");
        assert_eq!(
            (f[0].open, f[0].close, f[0].indent.as_str()),
            (2, Some(4), "    ")
        );
        assert_eq!(f[0].attrs(), ["rust", "ignore"]);
        assert_eq!(
            (f[1].open, f[1].close, f[1].indent.as_str()),
            (8, Some(10), "> ")
        );
        assert_eq!(
            (f[2].open, f[2].close, f[2].indent.as_str()),
            (13, Some(15), "   ")
        );
        assert!(f.iter().all(Fence::is_rust));
    }

    #[test]
    fn an_unclosed_fence_runs_to_the_end() {
        let f = fences("```rust\nfn main() {}\n");
        assert_eq!((f[0].open, f[0].close), (0, None));
        assert!(f[0].contains(1) && f[0].contains(7));
    }

    #[test]
    fn rust_like_info_strings() {
        for info in [
            "rust",
            "Rust",
            "rs",
            "RS",
            "rust,ignore",
            "rust ignore",
            "no_run",
            "ignore",
            "edition2021",
            "compile_fail,E0382",
        ] {
            assert!(is_rust_info(info), "{info}");
        }
        for info in [
            "",
            "go",
            "go,fragment",
            "text",
            "toml",
            "rustc-output",
            "sh",
        ] {
            assert!(!is_rust_info(info), "{info}");
        }
    }

    #[test]
    fn parses_include_directives_like_mdbook() {
        let md = "```rust\n{{#rustdoc_include ../../listings/j05/x/src/main.rs:body}}\n```\n\
                  \\{{#include escaped.rs}}\n{{#include a.rs:3:7}} and {{#include b.rs}}\n\
                  {{  #include spaced.rs:anchor }}\n{{#include\n  multi.rs:2}}\n{{#include c.rs::}}\n";
        let inc = includes(md);
        assert_eq!(inc.len(), 6, "{inc:#?}");
        assert_eq!(inc[0].kind, "rustdoc_include");
        assert_eq!(inc[0].path, "../../listings/j05/x/src/main.rs");
        assert_eq!(inc[0].selection, Selection::Anchor("body".into()));
        assert_eq!(
            (inc[1].path.as_str(), &inc[1].selection),
            ("a.rs", &Selection::Lines)
        );
        assert_eq!((inc[2].line, &inc[2].selection), (4, &Selection::Whole));
        assert_eq!(
            (inc[3].line, inc[3].path.as_str(), &inc[3].selection),
            (5, "spaced.rs", &Selection::Anchor("anchor".into()))
        );
        assert_eq!((inc[4].line, inc[4].path.as_str()), (6, "multi.rs"));
        assert_eq!(inc[4].text, "{{#include multi.rs:2}}");
        assert_eq!(inc[5].selection, Selection::Lines);
    }

    #[test]
    fn anchors_need_start_and_end() {
        let src = "// ANCHOR: body\nfn main() {}\n// ANCHOR_END: body\n// ANCHOR:half\n";
        assert!(has_anchor(src, "body"));
        assert!(!has_anchor(src, "half"));
        assert!(!has_anchor(src, "bod"));
        assert_eq!(anchors(src), vec!["body", "half"]);
        assert_eq!(anchor_marks(src)[1].line, 4);
    }

    #[test]
    fn finds_page_links_outside_code_and_comments() {
        let md = "See [J05](../junior/j05.md#x) and [web](https://x.org/a.md).\n```\n[no](skip.md)\n```\n\
                  <!-- [hidden](hidden.md) -->\n- item with [a link](\n  ../mid/m01.md)\n`[code](c.md)`\n";
        assert_eq!(
            page_links(md),
            vec![
                (0, "../junior/j05.md#x".to_string()),
                (5, "../mid/m01.md".to_string())
            ]
        );
    }

    #[test]
    fn finds_html_comments() {
        let md = "Text <!-- inline {{#include a.rs}} --> more.\n\n<!--\n{{#include b.rs}}\n-->\n\nAfter {{#include c.rs}}\n";
        let doc = Document::parse(md);
        let inc = includes(md);
        let hidden: Vec<bool> = inc.iter().map(|i| doc.in_comment(i.range.start)).collect();
        assert_eq!(hidden, [true, true, false]);
    }
}
