//! The `{{#proof <entry>/<name> <class> "fragment"}}` directive: a claim in a reference table (the cheat sheet)
//! tied to the listing that proves it.
//!
//! Written in a table cell next to the claim it backs, for example
//! `panics {{#proof j08/go-close-twice panic "close of closed channel"}}`, it names a listing, the behaviour class
//! the claim relies on, and optionally a fragment of what the listing is declared (and tested) to print, panic
//! with or block in. The checks ([`check_page`]) fail when the listing does not exist, is shown by no chapter,
//! declares another class, or declares no asserted text containing the fragment; the renderer ([`expand`]) turns
//! the directive into a small mark linking to the listing where the book shows it: its home chapter (see
//! [`homes`]) and the caption's anchor `#listing-<package>`.
//!
//! A page that carries the line `<!-- every-cell-proven -->` also requires a directive in every body cell of
//! its tables but the first column (the row's name), so a claim cannot be added to such a table without its
//! proof.

use crate::paths;
use crate::spec::{Behaviour, Lang, Listing};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

/// The directive's name: `{{#proof …}}`.
pub const DIRECTIVE: &str = "{{#proof";
/// The line that makes every table cell of a page need a proof.
pub const EVERY_CELL: &str = "<!-- every-cell-proven -->";

static PROOF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{\{#proof\s+([a-z0-9]+/[a-z0-9-]+)\s+([a-z-]+)(?:\s+"([^"]+)")?\s*\}\}"#)
        .expect("valid pattern")
});

/// One directive in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// 0-based line in the page.
    pub line: usize,
    /// Byte range of the directive in the page.
    pub range: std::ops::Range<usize>,
    /// `<entry>/<name>` of the listing.
    pub listing: String,
    /// The claimed behaviour class (`panic`, `deadlock`, …).
    pub class: String,
    /// Text the listing's declaration must contain, if given.
    pub fragment: Option<String>,
}

/// Every directive of a page, and the 0-based lines of directives that do not parse.
pub fn claims(text: &str) -> (Vec<Claim>, Vec<usize>) {
    let line_of = |offset: usize| text[..offset].matches('\n').count();
    let mut found = Vec::new();
    let mut parsed = BTreeSet::new();
    for c in PROOF.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        parsed.insert(m.start());
        found.push(Claim {
            line: line_of(m.start()),
            range: m.range(),
            listing: c[1].to_string(),
            class: c[2].to_string(),
            fragment: c.get(3).map(|f| f.as_str().to_string()),
        });
    }
    let bad = text
        .match_indices(DIRECTIVE)
        .filter(|(i, _)| !parsed.contains(i))
        .map(|(i, _)| line_of(i))
        .collect();
    (found, bad)
}

/// The texts of a declaration that its test asserts (not its prose): a fragment must be part of one of them.
pub fn asserted_texts(b: &Behaviour) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    let opt = |o: &Option<String>, v: &mut Vec<String>| v.extend(o.iter().cloned());
    match b {
        Behaviour::Output {
            stdout,
            panics,
            stderr,
        } => {
            v.push(stdout.clone());
            v.extend(panics.iter().cloned());
            opt(stderr, &mut v);
        }
        Behaviour::Invariant {
            unordered_lines,
            first_line,
            last_line,
            contains_lines,
            panics,
            stderr,
            ..
        } => {
            opt(unordered_lines, &mut v);
            opt(first_line, &mut v);
            opt(last_line, &mut v);
            v.extend(contains_lines.iter().cloned());
            v.extend(panics.iter().cloned());
            opt(stderr, &mut v);
        }
        Behaviour::Panic {
            panic,
            stdout,
            panics,
            stderr,
        } => {
            v.push(panic.clone());
            opt(stdout, &mut v);
            v.extend(panics.iter().cloned());
            opt(stderr, &mut v);
        }
        Behaviour::Fatal { fatal, stdout } => {
            v.push(fatal.clone());
            opt(stdout, &mut v);
        }
        Behaviour::Deadlock {
            stdout, goroutines, ..
        } => {
            opt(stdout, &mut v);
            v.extend(goroutines.iter().flatten().cloned());
        }
        Behaviour::Spin { .. } => {}
        Behaviour::Leak {
            stdout, goroutines, ..
        } => {
            v.push(stdout.clone());
            v.extend(goroutines.iter().flatten().cloned());
        }
        Behaviour::Race {
            accesses, stdout, ..
        } => {
            v.extend(accesses.iter().cloned());
            opt(stdout, &mut v);
        }
        Behaviour::Vet { check, message } => {
            v.push(check.clone());
            v.push(message.clone());
        }
        b @ Behaviour::CompileFail { message, .. } => {
            v.extend(b.error_codes());
            v.push(message.clone());
        }
        Behaviour::Shutdown {
            trigger,
            signal,
            stdout,
            stderr,
            ..
        } => {
            v.push(trigger.clone());
            v.push(signal.clone());
            v.push(stdout.clone());
            opt(stderr, &mut v);
        }
        Behaviour::Outcomes { outcomes, .. } => {
            for o in outcomes {
                v.extend(asserted_texts(o));
            }
        }
    }
    v
}

/// Where each shown listing is linked to: the chapter of its own entry when that chapter shows it, else the first
/// chapter (in SUMMARY order) that does. `chapters` holds, in SUMMARY order, each chapter's path (relative to
/// src/), its entry id and the listings it shows (`<entry>/<name>`).
pub fn homes(chapters: &[(String, Option<String>, BTreeSet<String>)]) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for (path, _, shown) in chapters {
        for rel in shown {
            out.entry(rel.clone()).or_insert_with(|| path.clone());
        }
    }
    for (path, id, shown) in chapters {
        let Some(id) = id else { continue };
        let mine = id.to_lowercase();
        for rel in shown {
            if rel.split('/').next() == Some(mine.as_str()) {
                out.insert(rel.clone(), path.clone());
            }
        }
    }
    out
}

/// The problems of a page's proofs (1-based lines): unparsable directives, unknown or unshown listings, a class
/// or a fragment the listing does not declare, and, on a page with [`EVERY_CELL`], table cells without a proof.
pub fn check_page(
    text: &str,
    listings: &BTreeMap<String, &Listing>,
    homes: &BTreeMap<String, String>,
) -> Vec<(usize, String)> {
    let mut d = Vec::new();
    let (found, bad) = claims(text);
    for line in bad {
        d.push((
            line + 1,
            "a proof is written `{{#proof <entry>/<name> <class>}}` or `{{#proof <entry>/<name> <class> \
             \"fragment\"}}`, e.g. `{{#proof j08/go-close-twice panic \"close of closed channel\"}}`"
                .to_string(),
        ));
    }
    for c in &found {
        let at = c.line + 1;
        let Some(l) = listings.get(&c.listing) else {
            d.push((
                at,
                format!(
                    "proof `{}`: there is no listing listings/{}/",
                    c.listing, c.listing
                ),
            ));
            continue;
        };
        if !homes.contains_key(&c.listing) {
            d.push((
                at,
                format!(
                    "proof `{}`: no chapter shows this listing, so there is nothing to link to",
                    c.listing
                ),
            ));
        }
        let declared = l.behaviour.class();
        if c.class != declared {
            d.push((
                at,
                format!(
                    "proof `{}`: the cell claims `{}`, but {} declares `{declared}`",
                    c.listing,
                    c.class,
                    l.manifest()
                ),
            ));
            continue;
        }
        if let Some(f) = &c.fragment {
            let texts = asserted_texts(&l.behaviour);
            if !texts.iter().any(|t| t.contains(f.as_str())) {
                let what = if texts.is_empty() {
                    "asserts no text for this class".to_string()
                } else {
                    format!(
                        "asserts only {}",
                        texts
                            .iter()
                            .map(|t| format!("{:?}", t.trim_end()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                d.push((
                    at,
                    format!(
                        "proof `{}`: \"{f}\" is not in what {} declares: it {what}",
                        c.listing,
                        l.manifest()
                    ),
                ));
            }
        }
    }
    if text.lines().any(|l| l.trim() == EVERY_CELL) {
        for (line, column, cell) in unproven_cells(text) {
            d.push((
                line + 1,
                format!(
                    "the cell in column {column} (`{}`) has no proof: every cell of this page's tables but the first \
                     column links to the listing that proves it (`{{{{#proof <entry>/<name> <class>}}}}`)",
                    cell.trim()
                ),
            ));
        }
    }
    d
}

/// Splits a table row into its cells, keeping `|` inside code spans and `{{…}}` directives.
fn cells(row: &str) -> Vec<String> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = row.strip_suffix('|').unwrap_or(row);
    let mut out = vec![String::new()];
    let (mut code, mut braces) = (false, 0usize);
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' => code = !code,
            '{' if !code && chars.peek() == Some(&'{') => braces += 1,
            '}' if !code && braces > 0 && chars.peek() == Some(&'}') => braces -= 1,
            '\\' if chars.peek() == Some(&'|') => {
                let next = chars.next().expect("peeked");
                let cell = out.last_mut().expect("one cell");
                cell.push(c);
                cell.push(next);
                continue;
            }
            '|' if !code && braces == 0 => {
                out.push(String::new());
                continue;
            }
            _ => {}
        }
        out.last_mut().expect("one cell").push(c);
    }
    out
}

fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|')
        && t.contains('-')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Body cells (0-based line, 1-based column, text) of every table, first column excepted, without a proof.
fn unproven_cells(text: &str) -> Vec<(usize, usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut in_table = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if !t.starts_with('|') {
            in_table = false;
            continue;
        }
        if is_delimiter_row(t) {
            in_table = true;
            continue;
        }
        if !in_table {
            continue; // a header row
        }
        for (col, cell) in cells(t).into_iter().enumerate().skip(1) {
            if !cell.contains(DIRECTIVE) {
                out.push((i, col + 1, cell));
            }
        }
    }
    out
}

/// What the mark says when the pointer rests on it.
fn mark_title(l: &Listing, fragment: Option<&str>) -> String {
    let lang = match l.lang {
        Lang::Rust => "Rust",
        Lang::Go => "Go",
    };
    let mut t = format!(
        "{lang} listing {} ({}), tested",
        l.package,
        l.behaviour.class()
    );
    if let Some(f) = fragment {
        t.push_str(": ");
        t.push_str(f);
    }
    t.replace('"', "'")
}

/// Replaces every proof of a page (`page`, relative to src/) by its mark: a small superscript link to the listing
/// in its home chapter. Unknown listings are an error (the integrity checks say more).
pub fn expand(
    content: &str,
    page: &Path,
    listings: &BTreeMap<String, &Listing>,
    homes: &BTreeMap<String, String>,
) -> Result<String, String> {
    if !content.contains(DIRECTIVE) {
        return Ok(content.to_string());
    }
    let (found, _) = claims(content);
    let dir = page.parent().unwrap_or(Path::new(""));
    let mut out = String::with_capacity(content.len() + found.len() * 160);
    let mut last = 0;
    for c in &found {
        let (Some(l), Some(home)) = (listings.get(&c.listing), homes.get(&c.listing)) else {
            return Err(format!(
                "{}:{}: proof `{}`: no such listing shown by a chapter",
                page.display(),
                c.line + 1,
                c.listing
            ));
        };
        let entry = c.listing.split('/').next().unwrap_or("").to_uppercase();
        let href = format!(
            "{}#listing-{}",
            paths::relative(dir, Path::new(home)),
            l.package
        );
        out.push_str(&content[last..c.range.start]);
        out.push_str(&format!(
            "<sup class=\"proof\" data-behaviour=\"{}\">[{entry}]({href} \"{}\")</sup>",
            l.behaviour.class(),
            mark_title(l, c.fragment.as_deref())
        ));
        last = c.range.end;
    }
    out.push_str(&content[last..]);
    Ok(out)
}

static BUILT_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r##"<sup class="proof"[^>]*><a href="([^"#]*)#([^"]+)""##).expect("valid pattern")
});

/// In a built HTML book (`dir` holds the pages), every proof mark's link must lead to a page that exists and
/// holds the element it points to (the listing's caption). Returns one problem per broken link, naming the page.
pub fn check_built_links(dir: &Path) -> (usize, Vec<String>) {
    let mut pages = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                pages.push(p);
            }
        }
    }
    pages.sort();
    let mut checked = 0;
    let mut problems = Vec::new();
    for page in &pages {
        let Ok(html) = std::fs::read_to_string(page) else {
            continue;
        };
        for c in BUILT_MARK.captures_iter(&html) {
            checked += 1;
            let (file, id) = (&c[1], &c[2]);
            let target = if file.is_empty() {
                page.clone()
            } else {
                paths::normalize(&page.parent().unwrap_or(dir).join(file))
            };
            let shown = paths::display(dir, page);
            match std::fs::read_to_string(&target) {
                Err(_) => problems.push(format!("{shown}: a proof links to {file}, which was not built")),
                Ok(t) if !t.contains(&format!("id=\"{id}\"")) => problems.push(format!(
                    "{shown}: a proof links to {file}#{id}, but that page has no element with id `{id}`"
                )),
                Ok(_) => {}
            }
        }
    }
    (checked, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_directives_with_and_without_fragment() {
        let text = "| a | x {{#proof j08/go-close-twice panic \"close of closed channel\"}} |\n\
                    | b | {{#proof j05/full-buffer-deadlock deadlock}} {{#proof j05 panic}} |\n";
        let (found, bad) = claims(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].listing, "j08/go-close-twice");
        assert_eq!(found[0].class, "panic");
        assert_eq!(
            found[0].fragment.as_deref(),
            Some("close of closed channel")
        );
        assert_eq!((found[1].line, found[1].fragment.as_deref()), (1, None));
        assert_eq!(bad, [1], "`j05` alone names no listing");
    }

    #[test]
    fn every_cell_but_the_first_needs_a_proof() {
        let text = "| op | go | rust |\n| --- | --- | --- |\n\
                    | send | `a|b` {{#proof j01/x output}} | nothing |\n\
                    | recv | {{#proof j01/x output \"a|b\"}} | {{#proof j01/y panic}} |\n\ntext | not a table\n";
        let missing = unproven_cells(text);
        assert_eq!(missing, [(2, 3, " nothing ".to_string())]);
    }

    #[test]
    fn homes_prefer_the_listing_s_own_chapter() {
        let shown = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let chapters = vec![
            ("reading.md".to_string(), None, shown(&["j05/a"])),
            (
                "junior/j05.md".to_string(),
                Some("J05".to_string()),
                shown(&["j05/a"]),
            ),
            ("map.md".to_string(), None, shown(&["j06/b"])),
        ];
        let h = homes(&chapters);
        assert_eq!(h["j05/a"], "junior/j05.md");
        assert_eq!(h["j06/b"], "map.md");
    }

    #[test]
    fn built_links_must_reach_an_element_of_a_built_page() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        let mark = |href: &str| {
            format!(
                "<td>x <sup class=\"proof\" data-behaviour=\"panic\"><a href=\"{href}\">J08</a></sup></td>"
            )
        };
        write("junior/j08.html", "<div id=\"listing-j08-a\"></div>");
        write(
            "cheatsheet/r01.html",
            &[
                mark("../junior/j08.html#listing-j08-a"),
                mark("../junior/j08.html#listing-j08-b"),
                mark("../junior/j09.html#listing-j09-a"),
                mark("#here"),
                "<p id=\"here\"></p>".to_string(),
            ]
            .concat(),
        );
        let (checked, problems) = check_built_links(dir.path());
        assert_eq!(checked, 4);
        assert_eq!(
            problems,
            [
                "cheatsheet/r01.html: a proof links to ../junior/j08.html#listing-j08-b, but that page has no \
                 element with id `listing-j08-b`",
                "cheatsheet/r01.html: a proof links to ../junior/j09.html, which was not built",
            ]
        );
    }
}
