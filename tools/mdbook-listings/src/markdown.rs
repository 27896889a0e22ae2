//! Just enough markdown scanning for the book's needs: fenced code blocks and mdBook include directives.

/// A fenced code block, with 0-based line indices of its opening and closing fence lines.
#[derive(Debug, Clone)]
pub struct Fence {
    pub open: usize,
    /// The closing fence line; `None` if the block runs to the end of the file.
    pub close: Option<usize>,
    /// The indentation and the fence characters, e.g. "```".
    pub indent: String,
    pub marker: String,
    /// The info string: "rust,no_run", "go", "".
    pub info: String,
}

impl Fence {
    /// The info string's attributes, split like rustdoc does.
    pub fn attrs(&self) -> Vec<String> {
        split_attrs(&self.info)
    }

    pub fn is_rust(&self) -> bool {
        self.attrs().first().is_some_and(|a| a == "rust")
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

/// Finds the fenced code blocks of a markdown text (CommonMark rules for backtick and tilde fences; fences inside
/// block quotes are not considered, since mdBook cannot include into them either).
pub fn fences(text: &str) -> Vec<Fence> {
    let mut out = Vec::new();
    let mut open: Option<Fence> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let ch = trimmed.chars().next();
        let run = match ch {
            Some(c @ ('`' | '~')) => trimmed.chars().take_while(|&x| x == c).count(),
            _ => 0,
        };
        match &mut open {
            Some(f) => {
                if indent < 4
                    && run >= f.marker.len()
                    && trimmed.starts_with(&f.marker[..1])
                    && trimmed[run..].trim().is_empty()
                {
                    f.close = Some(i);
                    out.push(open.take().unwrap());
                }
            }
            None => {
                if indent < 4 && run >= 3 {
                    let info = trimmed[run..].trim();
                    if ch == Some('`') && info.contains('`') {
                        continue;
                    }
                    open = Some(Fence {
                        open: i,
                        close: None,
                        indent: line[..indent].to_string(),
                        marker: trimmed[..run].to_string(),
                        info: info.to_string(),
                    });
                }
            }
        }
    }
    out.extend(open);
    out
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
    /// 0-based line index in the chapter.
    pub line: usize,
    pub kind: String,
    pub path: String,
    pub selection: Selection,
    /// The directive as written, for messages.
    pub text: String,
}

/// Finds the include-like directives of a chapter (escaped `\{{#include}}` directives are skipped).
pub fn includes(text: &str) -> Vec<Include> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut rest = line;
        let mut offset = 0;
        while let Some(pos) = rest.find("{{#") {
            let abs = offset + pos;
            let after = &rest[pos + 3..];
            let Some(end) = after.find("}}") else { break };
            let escaped = abs > 0 && line.as_bytes()[abs - 1] == b'\\';
            let body = after[..end].trim();
            let (kind, args) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
            if !escaped && matches!(kind, "include" | "rustdoc_include" | "playground") {
                let args = args.trim();
                let target = args.split_whitespace().next().unwrap_or("");
                let mut parts = target.splitn(2, ':');
                let path = parts.next().unwrap_or("").to_string();
                let selection = match parts.next() {
                    None | Some("") => Selection::Whole,
                    Some(sel) if sel.chars().all(|c| c.is_ascii_digit() || c == ':') => {
                        Selection::Lines
                    }
                    Some(sel) => Selection::Anchor(sel.to_string()),
                };
                out.push(Include {
                    line: i,
                    kind: kind.to_string(),
                    path,
                    selection,
                    text: format!("{{{{#{body}}}}}"),
                });
            }
            let consumed = pos + 3 + end + 2;
            rest = &rest[consumed..];
            offset += consumed;
        }
    }
    out
}

/// Does a source file define anchor `name` (both its start and its end)?
pub fn has_anchor(source: &str, name: &str) -> bool {
    let marks = |tag: &str| {
        source.lines().any(|l| {
            l.find(tag).is_some_and(|p| {
                let rest = l[p + tag.len()..].trim_start();
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                word == name
            })
        })
    };
    marks("ANCHOR:") && marks("ANCHOR_END:")
}

/// The anchor names a source file defines, for "did you mean" messages.
pub fn anchors(source: &str) -> Vec<String> {
    let mut v: Vec<String> = source
        .lines()
        .filter_map(|l| {
            let p = l.find("ANCHOR:")?;
            let word: String = l[p + 7..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            (!word.is_empty()).then_some(word)
        })
        .collect();
    v.dedup();
    v
}

/// Relative links to other pages: `](path.md)` or `](path.md#frag)`, with 0-based line indices.
/// Links inside fenced code blocks are ignored.
pub fn page_links(text: &str) -> Vec<(usize, String)> {
    let fences = fences(text);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if fences
            .iter()
            .any(|f| f.contains(i) || f.open == i || f.close == Some(i))
        {
            continue;
        }
        let mut rest = line;
        while let Some(pos) = rest.find("](") {
            let after = &rest[pos + 2..];
            let Some(end) = after.find(')') else { break };
            let target = after[..end].trim();
            let path = target.split('#').next().unwrap_or("");
            if path.ends_with(".md") && !path.contains("://") {
                out.push((i, target.to_string()));
            }
            rest = &after[end..];
        }
    }
    out
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
    }

    #[test]
    fn parses_include_directives() {
        let md = "```rust\n{{#rustdoc_include ../../listings/j05/x/src/main.rs:body}}\n```\n\
                  \\{{#include escaped.rs}}\n{{#include a.rs:3:7}} and {{#include b.rs}}\n";
        let inc = includes(md);
        assert_eq!(inc.len(), 3);
        assert_eq!(inc[0].kind, "rustdoc_include");
        assert_eq!(inc[0].path, "../../listings/j05/x/src/main.rs");
        assert_eq!(inc[0].selection, Selection::Anchor("body".into()));
        assert_eq!(
            (inc[1].path.as_str(), &inc[1].selection),
            ("a.rs", &Selection::Lines)
        );
        assert_eq!((inc[2].line, &inc[2].selection), (4, &Selection::Whole));
    }

    #[test]
    fn anchors_need_start_and_end() {
        let src = "// ANCHOR: body\nfn main() {}\n// ANCHOR_END: body\n// ANCHOR: half\n";
        assert!(has_anchor(src, "body"));
        assert!(!has_anchor(src, "half"));
        assert!(!has_anchor(src, "bod"));
        assert_eq!(anchors(src), vec!["body", "half"]);
    }

    #[test]
    fn finds_page_links_outside_code() {
        let md = "See [J05](../junior/j05.md#x) and [web](https://x.org/a.md).\n```\n[no](skip.md)\n```\n";
        assert_eq!(page_links(md), vec![(0, "../junior/j05.md#x".to_string())]);
    }
}
