//! The book's integrity checks. They read the files directly (not through mdBook), so they also catch what mdBook
//! reports badly or not at all: a missing include, a missing or unused anchor, a listing no chapter shows (or shows
//! only inside an HTML comment), a chapter showing another entry's listing, a listing without a declared behaviour,
//! an inline Rust block that turns a check off, a Go block that is neither a listing nor a marked fragment,
//! hand-written label markup, a question chapter without its summary, a SUMMARY link to no file, a chapter title
//! without its entry id, a broken link between pages.

pub use crate::markdown::is_error_code;
pub use crate::paths::{listing_of, normalize};
pub use crate::summary::{
    SummaryEntry, is_overview_title, needs_entry_id, parse_summary, title_id,
};

use crate::diagnostics::{self, Diagnostic, FileDiagnostics};
use crate::levels;
use crate::markdown::{self, Document, Selection};
use crate::overview;
use crate::paths;
use crate::proof;
use crate::spec::Lang;
use crate::spec::{self, Listing};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Every entry id of the inventory: the book covers each exactly once.
pub fn entry_ids() -> Vec<String> {
    levels::entry_ids()
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
    let (listings, diags) = spec::load_all(root);
    check_with(root, listings, diags)
}

/// The checks, given the listings (and the problems found loading them).
pub fn check_with(root: &Path, listings: Vec<Listing>, mut diags: Vec<Diagnostic>) -> BookReport {
    let src = root.join("src");
    if !root.join("listings").is_dir() {
        diags.push(Diagnostic::new(
            "listings",
            0,
            "the book has no listings/ directory (is this the book's root?)",
        ));
    }
    let summary_text = match std::fs::read_to_string(src.join("SUMMARY.md")) {
        Ok(t) => t,
        Err(e) => {
            diags.push(Diagnostic::new(
                "src/SUMMARY.md",
                0,
                format!("cannot read: {e}"),
            ));
            return BookReport {
                diagnostics: diagnostics::sorted(diags),
                listings,
                chapters: Vec::new(),
            };
        }
    };
    let entries = parse_summary(&summary_text);
    let mut seen_ids: BTreeMap<String, usize> = BTreeMap::new();
    // Chapters with the entry id of their SUMMARY entry (None: pages without an id).
    let mut chapters: Vec<(String, Option<String>)> = Vec::new();
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
        chapters.push((path.clone(), id.map(str::to_string)));
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
        if id.is_some() {
            diags.extend(check_summary_comment(&rel, &text));
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
    let linked: BTreeSet<PathBuf> = chapters
        .iter()
        .map(|(c, _)| normalize(&src.join(c)))
        .collect();
    let mut shown = BTreeSet::new();
    let mut used_anchors = BTreeSet::new();
    let mut shown_by: Vec<(String, Option<String>, BTreeSet<String>)> = Vec::new();
    for (chapter, id) in &chapters {
        let file = src.join(chapter);
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let rel = format!("src/{chapter}");
        let report = check_chapter(root, &file, &text, &by_dir, id.as_deref());
        shown_by.push((chapter.clone(), id.clone(), report.shown.clone()));
        shown.extend(report.shown);
        used_anchors.extend(report.used_anchors);
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
    let homes = proof::homes(&shown_by);
    let by_rel: BTreeMap<String, &Listing> = listings.iter().map(|l| (l.rel.clone(), l)).collect();
    for (chapter, _) in &chapters {
        let text = std::fs::read_to_string(src.join(chapter)).unwrap_or_default();
        let rel = format!("src/{chapter}");
        diags.extend(
            proof::check_page(&text, &by_rel, &homes)
                .into_iter()
                .map(|(line, m)| Diagnostic::new(&rel, line, m)),
        );
    }
    for l in &listings {
        let lang = l.lang;
        if !shown.contains(&l.rel) {
            diags.push(Diagnostic::new(
                format!("listings/{}/{}", l.rel, lang.manifest_file()),
                0,
                format!(
                    "listing `{}` is not shown by any chapter: include listings/{}/{} in a ```{} block of a \
                     chapter listed in SUMMARY.md (an include inside an HTML comment does not count)",
                    l.package,
                    l.rel,
                    lang.main_file(),
                    lang.fence_lang()
                ),
            ));
        }
        diags.extend(check_anchors_used(root, l, &used_anchors));
    }
    diags.extend(crate::puzzle::check(root, &listings));
    BookReport {
        diagnostics: diagnostics::sorted(diags),
        listings,
        chapters: chapters.into_iter().map(|(c, _)| c).collect(),
    }
}

/// The source files of a listing that may define anchors: everything but the build output, sorted.
fn listing_sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            let name = e.file_name();
            if p.is_dir() {
                if name != "target" && !name.to_string_lossy().starts_with('.') {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "rs" || x == "go") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Every `ANCHOR:` of a listing must be shown by some chapter, and closed.
fn check_anchors_used(
    root: &Path,
    l: &Listing,
    used: &BTreeSet<(PathBuf, String)>,
) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    for file in listing_sources(&l.dir) {
        let Ok(source) = std::fs::read_to_string(&file) else {
            continue;
        };
        let rel = paths::display(root, &file);
        let file = normalize(&file);
        for a in markdown::anchor_marks(&source) {
            if !a.closed {
                d.push(Diagnostic::new(
                    &rel,
                    a.line,
                    format!("anchor `{}` has no `ANCHOR_END: {}`", a.name, a.name),
                ));
            } else if !used.contains(&(file.clone(), a.name.clone())) {
                d.push(Diagnostic::new(
                    &rel,
                    a.line,
                    format!(
                        "anchor `{}` is not included by any chapter: include `{}:{}` in a chapter, or remove \
                         the anchor",
                        a.name, rel, a.name
                    ),
                ));
            }
        }
    }
    d
}

/// A chapter's own problems (1-based lines) and the listings and anchors it shows.
pub struct ChapterReport {
    pub diagnostics: Vec<(usize, String)>,
    /// The listings shown (`<entry>/<name>`).
    pub shown: BTreeSet<String>,
    /// The (file, anchor) pairs the chapter includes outside HTML comments.
    pub used_anchors: BTreeSet<(PathBuf, String)>,
}

/// Attributes the preprocessor owns on a listing's fence; an author writing them is a mistake.
const LISTING_OWNED: &[&str] = &[
    "ignore",
    "compile_fail",
    "should_panic",
    "no_run",
    "noplayground",
];
/// Attributes an inline (non-listing) Rust block may not use: each turns a check off (not compiled, not run, or
/// its failure accepted). What they describe must be a listing whose behaviour is declared and asserted.
pub const INLINE_FORBIDDEN: &[&str] = &["ignore", "no_run", "compile_fail", "should_panic"];

/// The attribute that marks a Go block as a fragment (not a whole program, only syntax-checked).
pub const GO_FRAGMENT: &str = "fragment";

/// The CSS classes the preprocessor generates; written by hand in src/, they would fake a label or a badge.
const GENERATED_CLASSES: &[&str] = &[
    "listing-behaviour",
    "behaviour-badge",
    "listing-caption",
    "listing-name",
    "listing-run",
    "chapter-meta",
    "level-badge",
    "entry-id",
    "chapter-list",
];

static GENERATED_MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    let classes = GENERATED_CLASSES.join("|");
    Regex::new(&format!(
        r#"(?i)\bclass\s*=\s*["']?[^"'>]*\b({classes})\b|\bdata-behaviour\s*=|\bid\s*=\s*["']?(book-levels|listing-)"#
    ))
    .expect("valid pattern")
});

/// Checks one chapter. `entry` is the chapter's entry id (`J05`), `None` for pages without one.
pub fn check_chapter(
    root: &Path,
    file: &Path,
    text: &str,
    listings: &BTreeMap<PathBuf, &Listing>,
    entry: Option<&str>,
) -> ChapterReport {
    let mut d = Vec::new();
    let mut shown = BTreeSet::new();
    let mut used_anchors = BTreeSet::new();
    let dir = file.parent().unwrap_or(root);
    let doc = Document::parse(text);
    let includes = markdown::includes(text);
    // Fences (by opening line) that show a listing, and the language of that listing.
    let mut listing_fences: BTreeMap<usize, Lang> = BTreeMap::new();
    for inc in &includes {
        let line = inc.line + 1;
        if inc.path.is_empty() {
            d.push((line, format!("{}: no path", inc.text)));
            continue;
        }
        let target = normalize(&dir.join(&inc.path));
        let hidden = doc.in_comment(inc.range.start);
        if let (Some(id), Some(of)) = (entry, paths::listing_entry(root, &target)) {
            let mine = id.to_lowercase();
            if of != mine {
                d.push((
                    line,
                    format!(
                        "{}: a chapter of entry {id} may include only listings/{mine}/…, not another entry's \
                         listing ({})",
                        inc.text,
                        paths::display(root, &target)
                    ),
                ));
            }
        }
        let Ok(source) = std::fs::read_to_string(&target) else {
            d.push((
                line,
                format!(
                    "{}: the file {} does not exist",
                    inc.text,
                    paths::display(root, &target)
                ),
            ));
            continue;
        };
        if let Selection::Anchor(name) = &inc.selection {
            if !markdown::has_anchor(&source, name) {
                let have = markdown::anchors(&source);
                let have = if have.is_empty() {
                    "none".to_string()
                } else {
                    have.join(", ")
                };
                d.push((
                    line,
                    format!(
                        "{}: anchor `{name}` is not defined in {} (ANCHOR: {name} … ANCHOR_END: {name}); \
                         anchors there: {have}",
                        inc.text,
                        paths::display(root, &target)
                    ),
                ));
            } else if !hidden {
                used_anchors.insert((target.clone(), name.clone()));
            }
        }
        let Some(l) = listing_of(&target, listings) else {
            continue;
        };
        let lang = l.lang;
        let fence = doc.fence_at(inc.range.start);
        let is_main = target == normalize(&l.dir.join(lang.main_file()));
        let right_fence = fence.is_some_and(|f| match lang {
            Lang::Rust => f.is_rust(),
            Lang::Go => f.language() == "go",
        });
        if !(is_main && right_fence) || hidden {
            continue;
        }
        let f = fence.expect("right_fence implies a fence");
        shown.insert(l.rel.clone());
        listing_fences.insert(f.open, lang);
        let manifest = format!("listings/{}/{}", l.rel, lang.manifest_file());
        let owned: Vec<String> = match lang {
            Lang::Rust => f
                .attrs()
                .into_iter()
                .filter(|a| LISTING_OWNED.contains(&a.as_str()) || is_error_code(a))
                .collect(),
            Lang::Go => f.attrs().into_iter().skip(1).collect(),
        };
        if !owned.is_empty() {
            d.push((
                f.open + 1,
                format!(
                    "remove `{}` from this listing's fence: the attributes come from the behaviour declared in \
                     {manifest}",
                    owned.join(","),
                ),
            ));
        }
    }
    for f in &doc.fences {
        if listing_fences.contains_key(&f.open) {
            continue;
        }
        if f.is_rust() {
            let bad: Vec<String> = f
                .attrs()
                .into_iter()
                .filter(|a| INLINE_FORBIDDEN.contains(&a.to_lowercase().as_str()))
                .collect();
            if !bad.is_empty() {
                d.push((
                    f.open + 1,
                    format!(
                        "an inline Rust block may not be `{}`: every inline block is compiled and run to the end; \
                         make it a listing crate so its behaviour is declared and asserted (see CONTRIBUTING.md)",
                        bad.join(",")
                    ),
                ));
            }
        } else if f.language() == "go" {
            let attrs = f.attrs();
            let fragment = attrs.iter().skip(1).any(|a| a == GO_FRAGMENT);
            let extra: Vec<&String> = attrs.iter().skip(1).filter(|a| *a != GO_FRAGMENT).collect();
            if !fragment {
                d.push((
                    f.open + 1,
                    "a ```go block must show a Go listing (`{{#include ../../listings/<entry>/<name>/main.go}}`, \
                     a directory with go.mod, main.go and listing.toml) or be marked ```go,fragment (checked \
                     for syntax only)"
                        .to_string(),
                ));
            } else if !extra.is_empty() {
                d.push((
                    f.open + 1,
                    format!(
                        "a Go fragment's fence is ```go,fragment; remove `{}`",
                        extra
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                ));
            }
        }
    }
    for m in GENERATED_MARKUP.find_iter(text) {
        if doc.in_code(m.start()) || doc.in_comment(m.start()) {
            continue;
        }
        d.push((
            doc.line_of(m.start()) + 1,
            format!(
                "`{}`: captions, behaviour labels, badges and chapter lists are generated from the \
                 declarations by the preprocessor; do not write their markup by hand",
                m.as_str()
            ),
        ));
    }
    ChapterReport {
        diagnostics: d,
        shown,
        used_anchors,
    }
}

/// The comment that carries a question chapter's one-sentence summary, on its own line right after the title.
pub const SUMMARY_OPEN: &str = "<!-- summary:";

/// A written question chapter declares its summary for the part overview: `<!-- summary: One sentence. -->` as
/// the first non-blank line after the `# ` title. It must be one sentence that stands alone (no links).
pub fn check_summary_comment(rel: &str, text: &str) -> Vec<Diagnostic> {
    let mut d = FileDiagnostics::new(rel);
    let lines: Vec<&str> = text.lines().collect();
    let Some(title) = lines.iter().position(|l| l.starts_with("# ")) else {
        return d.list;
    };
    let next = lines
        .iter()
        .enumerate()
        .skip(title + 1)
        .find(|(_, l)| !l.trim().is_empty());
    let example = "<!-- summary: One sentence that answers the question on its own. -->";
    match next {
        Some((n, l)) if l.trim_start().starts_with(SUMMARY_OPEN) => match summary_of(l) {
            Ok(_) => {}
            Err(why) => d.at(
                n + 1,
                format!("the summary comment {why}, e.g. `{example}`"),
            ),
        },
        _ => {
            let declared = lines
                .iter()
                .position(|l| l.contains(SUMMARY_OPEN))
                .map(|n| format!(" (found on line {}: move it there)", n + 1))
                .unwrap_or_default();
            d.at(
                title + 1,
                format!(
                    "a question chapter declares its one-sentence summary for the part overview on the line \
                     right after the title: `{example}`{declared}"
                ),
            );
        }
    }
    d.list
}

/// The summary of a `<!-- summary: … -->` line, or why it is not a valid one.
pub fn summary_of(line: &str) -> Result<String, &'static str> {
    let body = line
        .trim()
        .strip_prefix(SUMMARY_OPEN)
        .and_then(|r| r.strip_suffix("-->"))
        .ok_or("must be on one line, `<!-- summary: … -->`")?
        .trim();
    if body.is_empty() {
        return Err("is empty");
    }
    if body.contains("](") || body.contains("<a ") {
        return Err("must stand alone, without links");
    }
    if !body.ends_with(['.', '?', '!']) {
        return Err("must be a sentence ending in `.`, `?` or `!`");
    }
    if overview::first_sentence(body) != body {
        return Err("must be one sentence");
    }
    Ok(body.to_string())
}

/// A ```go,fragment block: where it is and its code.
#[derive(Debug, Clone)]
pub struct GoFragment {
    /// `src/…` path of the chapter.
    pub file: String,
    /// 1-based line of the fence's first code line.
    pub line: usize,
    pub code: String,
}

/// Every Go fragment of the chapters.
pub fn go_fragments(root: &Path, chapters: &[String]) -> Vec<GoFragment> {
    let mut out = Vec::new();
    for c in chapters {
        let Ok(text) = std::fs::read_to_string(root.join("src").join(c)) else {
            continue;
        };
        let doc = Document::parse(&text);
        for f in &doc.fences {
            if f.language() == "go" && f.attrs().iter().any(|a| a == GO_FRAGMENT) {
                let end = f.close.unwrap_or(usize::MAX);
                let prefix_len = f.indent.len();
                let code: Vec<&str> = (f.open + 1..end)
                    .map_while(|i| (i < text.lines().count()).then(|| doc.line(i)))
                    .map(|l| l.get(prefix_len.min(l.len())..).unwrap_or(""))
                    .collect();
                out.push(GoFragment {
                    file: format!("src/{c}"),
                    line: f.open + 2,
                    code: code.join("\n") + "\n",
                });
            }
        }
    }
    out
}

/// Finds `gofmt`: `$GOFMT`, else `$(go env GOROOT)/bin/gofmt` with `go` from `$GO` or PATH.
pub fn find_gofmt() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GOFMT") {
        return Some(PathBuf::from(p));
    }
    let go = std::env::var_os("GO").unwrap_or_else(|| "go".into());
    let out = std::process::Command::new(go)
        .args(["env", "GOROOT"])
        .output()
        .ok()?;
    let goroot = String::from_utf8(out.stdout).ok()?;
    let gofmt = Path::new(goroot.trim()).join("bin/gofmt");
    (out.status.success() && gofmt.is_file()).then_some(gofmt)
}

/// Syntax-checks Go fragments with `gofmt -e` (which accepts a file, declarations or statements). Each error is
/// reported at the chapter's line.
pub fn check_go_fragments(gofmt: &Path, fragments: &[GoFragment]) -> Vec<Diagnostic> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    static POS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^<standard input>:(\d+):(\d+): (.*)$").expect("valid pattern")
    });
    let mut d = Vec::new();
    for f in fragments {
        let child = Command::new(gofmt)
            .arg("-e")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn();
        let mut child = match child {
            Ok(c) => c,
            Err(e) => {
                d.push(Diagnostic::new(
                    &f.file,
                    f.line,
                    format!("cannot run {}: {e}", gofmt.display()),
                ));
                continue;
            }
        };
        let _ = child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(f.code.as_bytes());
        let out = child.wait_with_output().expect("gofmt runs");
        if out.status.success() {
            continue;
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut any = false;
        for l in stderr.lines() {
            if let Some(c) = POS.captures(l) {
                let n: usize = c[1].parse().unwrap_or(1);
                d.push(Diagnostic::new(
                    &f.file,
                    f.line + n - 1,
                    format!("Go fragment: {} (gofmt -e, column {})", &c[3], &c[2]),
                ));
                any = true;
            }
        }
        if !any {
            d.push(Diagnostic::new(
                &f.file,
                f.line,
                format!("Go fragment: gofmt -e failed: {}", stderr.trim()),
            ));
        }
    }
    d
}
