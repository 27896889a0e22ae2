//! The book's integrity checks. They read the files directly (not through mdBook), so they also catch what mdBook
//! reports badly or not at all: a missing include, a missing anchor, a listing no chapter shows, a listing without
//! a declared behaviour, a SUMMARY link to no file, a chapter title without its entry id, a broken link between
//! pages.

use crate::markdown::{self, Selection};
use crate::spec::{self, Diagnostic, Listing};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// Every entry id of the inventory: the book covers each exactly once.
pub fn entry_ids() -> Vec<String> {
    [
        ('J', 18),
        ('M', 25),
        ('S', 19),
        ('P', 14),
        ('C', 5),
        ('R', 7),
    ]
    .iter()
    .flat_map(|&(p, n)| (1..=n).map(move |i| format!("{p}{i:02}")))
    .collect()
}

/// The entry id a title starts with: "J05 · Buffered…" → "J05".
pub fn title_id(title: &str) -> Option<&str> {
    let id = title.get(..3)?;
    let b = id.as_bytes();
    let ok = b"JMSPCR".contains(&b[0]) && b[1].is_ascii_digit() && b[2].is_ascii_digit();
    (ok && title[3..].starts_with(" · ")).then_some(id)
}

/// A part's overview page: a numbered entry titled "Overview …" (it lists the part's questions, so it carries no
/// entry id of its own).
pub fn is_overview_title(title: &str) -> bool {
    title == "Overview" || title.starts_with("Overview ")
}

/// Must this SUMMARY entry's title start with an entry id? Numbered entries do, except in the Appendix part and
/// except a part's overview page.
pub fn needs_entry_id(e: &SummaryEntry) -> bool {
    e.numbered && !e.part.to_lowercase().starts_with("appendix") && !is_overview_title(&e.title)
}

/// One link line of SUMMARY.md.
#[derive(Debug, Clone)]
pub struct SummaryEntry {
    /// 1-based line in SUMMARY.md.
    pub line: usize,
    pub part: String,
    pub nested: bool,
    pub numbered: bool,
    pub title: String,
    /// `None` for a draft chapter `[Title]()`.
    pub path: Option<String>,
}

pub fn parse_summary(text: &str) -> Vec<SummaryEntry> {
    let mut part = String::new();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(h) = line.strip_prefix("# ") {
            part = h.trim().to_string();
            continue;
        }
        let trimmed = line.trim_start();
        let numbered = trimmed.starts_with("- ") || trimmed.starts_with("* ");
        let Some(open) = trimmed.find('[') else {
            continue;
        };
        let Some(close) = trimmed[open..].find("](").map(|p| p + open) else {
            continue;
        };
        let Some(end) = trimmed[close..].find(')').map(|p| p + close) else {
            continue;
        };
        let path = trimmed[close + 2..end].trim();
        out.push(SummaryEntry {
            line: i + 1,
            part: part.clone(),
            nested: line.starts_with(' ') || line.starts_with('\t'),
            numbered,
            title: trimmed[open + 1..close].to_string(),
            path: (!path.is_empty()).then(|| path.to_string()),
        });
    }
    out
}

/// What the checks learned about the book, besides the problems.
#[derive(Debug, Default)]
pub struct BookReport {
    pub diagnostics: Vec<Diagnostic>,
    pub listings: Vec<Listing>,
    /// Chapters (relative to src/) in SUMMARY order.
    pub chapters: Vec<String>,
}

/// Runs every integrity check over the book at `root` (the directory holding book.toml).
pub fn check(root: &Path) -> BookReport {
    let (listings, mut diags) = spec::load_all(root);
    let src = root.join("src");
    let summary_text = match std::fs::read_to_string(src.join("SUMMARY.md")) {
        Ok(t) => t,
        Err(e) => {
            diags.push(Diagnostic::new(
                "src/SUMMARY.md",
                0,
                format!("cannot read: {e}"),
            ));
            return BookReport {
                diagnostics: diags,
                listings,
                chapters: Vec::new(),
            };
        }
    };
    let entries = parse_summary(&summary_text);
    let mut seen_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut chapters = Vec::new();
    for e in &entries {
        let needs_id = needs_entry_id(e);
        let id = title_id(&e.title);
        if needs_id && id.is_none() {
            diags.push(Diagnostic::new(
                "src/SUMMARY.md",
                e.line,
                format!(
                    "chapter title `{}` must start with its entry id, e.g. `J05 · …`",
                    e.title
                ),
            ));
        }
        if let (Some(id), false) = (id, e.nested)
            && let Some(first) = seen_ids.insert(id.to_string(), e.line)
        {
            diags.push(Diagnostic::new(
                "src/SUMMARY.md",
                e.line,
                format!("entry {id} appears twice (first on line {first})"),
            ));
        }
        let Some(path) = &e.path else { continue };
        let file = src.join(path);
        if !file.is_file() {
            diags.push(Diagnostic::new(
                "src/SUMMARY.md",
                e.line,
                format!("`{}` links to src/{path}, which does not exist", e.title),
            ));
            continue;
        }
        chapters.push(path.clone());
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let heading = text.lines().enumerate().find(|(_, l)| l.starts_with("# "));
        let rel = format!("src/{path}");
        match (heading, id) {
            (None, _) => diags.push(Diagnostic::new(&rel, 1, "the chapter has no `# ` title")),
            (Some((n, h)), Some(id)) if title_id(&h[2..]) != Some(id) => {
                diags.push(Diagnostic::new(
                    &rel,
                    n + 1,
                    format!(
                        "the chapter title `{}` must start with its entry id `{id} · `",
                        &h[2..]
                    ),
                ))
            }
            _ => {}
        }
    }
    for id in entry_ids() {
        if !seen_ids.contains_key(&id) {
            diags.push(Diagnostic::new(
                "src/SUMMARY.md",
                0,
                format!(
                    "entry {id} is missing (add it, as a draft `[{id} · …]()` if not written yet)"
                ),
            ));
        }
    }

    let by_dir: BTreeMap<PathBuf, &Listing> = listings.iter().map(|l| (l.dir.clone(), l)).collect();
    let linked: BTreeSet<PathBuf> = chapters.iter().map(|c| normalize(&src.join(c))).collect();
    let mut shown = BTreeSet::new();
    for chapter in &chapters {
        let file = src.join(chapter);
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let rel = format!("src/{chapter}");
        let report = check_chapter(root, &file, &text, &by_dir);
        shown.extend(report.shown);
        diags.extend(
            report
                .diagnostics
                .into_iter()
                .map(|(line, m)| Diagnostic::new(&rel, line, m)),
        );
        for (line, target) in markdown::page_links(&text) {
            let path = target.split('#').next().unwrap_or("");
            let dest = normalize(&file.parent().unwrap_or(&src).join(path));
            if !linked.contains(&dest) {
                let why = if dest.is_file() {
                    "is not a chapter in SUMMARY.md"
                } else {
                    "does not exist"
                };
                diags.push(Diagnostic::new(
                    &rel,
                    line + 1,
                    format!("link to `{target}`: the page {why}"),
                ));
            }
        }
    }
    for l in &listings {
        if !shown.contains(&l.rel) {
            diags.push(Diagnostic::new(
                l.manifest(),
                0,
                format!(
                    "listing `{}` is not shown by any chapter: include listings/{}/src/main.rs in a ```rust \
                     block of a chapter listed in SUMMARY.md",
                    l.package, l.rel
                ),
            ));
        }
    }
    diags.sort();
    diags.dedup();
    BookReport {
        diagnostics: diags,
        listings,
        chapters,
    }
}

/// A chapter's own problems (0-based line → 1-based in the result) and the listings it shows.
pub struct ChapterReport {
    pub diagnostics: Vec<(usize, String)>,
    pub shown: BTreeSet<String>,
}

/// Attributes the preprocessor owns on a listing's fence; an author writing them is a mistake.
const LISTING_OWNED: &[&str] = &[
    "ignore",
    "compile_fail",
    "should_panic",
    "no_run",
    "noplayground",
];
/// Attributes inline (non-listing) rust blocks may not use: what they describe must be declared and asserted.
const INLINE_FORBIDDEN: &[&str] = &["ignore", "compile_fail", "should_panic"];

pub fn check_chapter(
    root: &Path,
    file: &Path,
    text: &str,
    listings: &BTreeMap<PathBuf, &Listing>,
) -> ChapterReport {
    let mut d = Vec::new();
    let mut shown = BTreeSet::new();
    let dir = file.parent().unwrap_or(root);
    let fences = markdown::fences(text);
    let includes = markdown::includes(text);
    for inc in &includes {
        if inc.path.is_empty() {
            d.push((inc.line + 1, format!("{}: no path", inc.text)));
            continue;
        }
        let target = normalize(&dir.join(&inc.path));
        let Ok(source) = std::fs::read_to_string(&target) else {
            d.push((
                inc.line + 1,
                format!(
                    "{}: the file {} does not exist",
                    inc.text,
                    display(root, &target)
                ),
            ));
            continue;
        };
        if let Selection::Anchor(name) = &inc.selection
            && !markdown::has_anchor(&source, name)
        {
            let have = markdown::anchors(&source);
            let have = if have.is_empty() {
                "none".to_string()
            } else {
                have.join(", ")
            };
            d.push((
                    inc.line + 1,
                    format!(
                        "{}: anchor `{name}` is not defined in {} (ANCHOR: {name} … ANCHOR_END: {name}); \
                         anchors there: {have}",
                        inc.text,
                        display(root, &target)
                    ),
                ));
        }
        if let Some(l) = listing_of(&target, listings) {
            let fence = fences.iter().find(|f| f.contains(inc.line));
            let lang = fence.and_then(|f| f.attrs().first().cloned());
            if target.ends_with(l.lang.main_file()) && lang.as_deref() == Some(l.lang.fence_lang())
            {
                shown.insert(l.rel.clone());
                let attrs = fence.map(|f| f.attrs()).unwrap_or_default();
                let owned: Vec<&String> = attrs
                    .iter()
                    .filter(|a| LISTING_OWNED.contains(&a.as_str()) || is_error_code(a))
                    .collect();
                if !owned.is_empty() {
                    d.push((
                        fence.map_or(inc.line, |f| f.open) + 1,
                        format!(
                            "remove `{}` from this listing's fence: the attributes come from the behaviour \
                             declared in {}",
                            owned.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(","),
                            l.manifest()
                        ),
                    ));
                }
            }
        }
    }
    for f in fences.iter().filter(|f| f.is_rust()) {
        let has_include = includes.iter().any(|i| f.contains(i.line));
        if has_include {
            continue;
        }
        let bad: Vec<String> = f
            .attrs()
            .into_iter()
            .filter(|a| INLINE_FORBIDDEN.contains(&a.as_str()))
            .collect();
        if !bad.is_empty() {
            d.push((
                f.open + 1,
                format!(
                    "an inline rust block may not be `{}`: make it a listing crate so its behaviour is declared \
                     and asserted (see CONTRIBUTING.md)",
                    bad.join(",")
                ),
            ));
        }
    }
    ChapterReport {
        diagnostics: d,
        shown,
    }
}

pub fn is_error_code(a: &str) -> bool {
    a.len() == 5 && a.starts_with('E') && a[1..].bytes().all(|b| b.is_ascii_digit())
}

/// The listing whose crate holds `target`, if any.
pub fn listing_of<'a>(
    target: &Path,
    listings: &BTreeMap<PathBuf, &'a Listing>,
) -> Option<&'a Listing> {
    target.ancestors().find_map(|a| listings.get(a).copied())
}

/// Lexically normalises a path (`a/b/../c` → `a/c`) without touching the file system.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

fn display(root: &Path, p: &Path) -> String {
    p.strip_prefix(normalize(root))
        .unwrap_or(p)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_cover_the_inventory() {
        let ids = entry_ids();
        assert_eq!(ids.len(), 88);
        assert_eq!((ids[0].as_str(), ids[87].as_str()), ("J01", "R07"));
    }

    #[test]
    fn reads_titles_and_summary_lines() {
        assert_eq!(title_id("J05 · Buffered"), Some("J05"));
        assert_eq!(title_id("J05 Buffered"), None);
        assert_eq!(title_id("Go myths"), None);
        let s = parse_summary(
            "# Summary\n[Intro](intro.md)\n# Part I\n- [J01 · A](j/a.md)\n  - [J01 · B](j/b.md)\n- [M01 · C]()\n",
        );
        assert_eq!(s.len(), 4);
        assert!(!s[0].numbered);
        assert_eq!(
            (s[1].part.as_str(), s[1].path.as_deref()),
            ("Part I", Some("j/a.md"))
        );
        assert!(s[2].nested);
        assert_eq!(s[3].path, None);
    }

    #[test]
    fn overview_entries_need_no_id_but_other_numbered_entries_do() {
        let s = parse_summary(
            "# Summary\n[Intro](intro.md)\n# Part I\n- [Overview · Junior](junior/overview.md)\n\
             - [J01 · A](j/a.md)\n- [Overviews are great](x.md)\n- [Overview](y.md)\n# Appendix\n- [Myths](m.md)\n",
        );
        let needs: Vec<bool> = s.iter().map(needs_entry_id).collect();
        assert_eq!(needs, vec![false, false, true, true, false, false]);
        assert_eq!(
            title_id(&s[1].title),
            None,
            "an overview counts as no entry"
        );
    }
}
