//! Reader aids generated from the outline: the level badge under each question's title, and the
//! `{{#chapter-list <level>}}` directive that expands into a part's questions, each with the one-sentence summary
//! its chapter declares (`<!-- summary: … -->` after the title).

use crate::levels::{self, Level};
pub use crate::paths::relative;
use crate::summary::{SummaryEntry, title_id};
use std::path::{Path, PathBuf};

/// The level of an entry id: "J05" → Junior.
pub fn level_of_id(id: &str) -> Option<Level> {
    levels::of_id(id)
}

/// The level a directive argument names: "junior", "Junior", "j", "staff", "challenges", "cheatsheet", …
pub fn level_named(arg: &str) -> Option<Level> {
    levels::named(arg)
}

/// The directive a chapter writes to list a part's questions.
pub const DIRECTIVE: &str = "chapter-list";

/// A question chapter's declared summary: the `<!-- summary: One sentence. -->` line right after its `# ` title
/// (checked by the integrity checks; a missing or invalid one gives `None` here).
pub fn declared_summary(chapter: &str) -> Option<String> {
    let mut lines = chapter.lines().skip_while(|l| !l.starts_with("# "));
    lines.next()?;
    let line = lines.find(|l| !l.trim().is_empty())?;
    crate::book::summary_of(line).ok()
}

/// Words ending in a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &["e.g.", "i.e.", "vs.", "cf.", "etc.)"];

/// The text up to and including the first full stop, question or exclamation mark that ends a sentence (outside
/// code spans, followed by a space or the end, not an abbreviation).
pub fn first_sentence(text: &str) -> &str {
    let mut in_code = false;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '`' => in_code = !in_code,
            '.' | '?' | '!' if !in_code => {
                let end = i + 1;
                if end < bytes.len() && !bytes[end].is_ascii_whitespace() {
                    continue;
                }
                let word_start = text[..end].rfind(char::is_whitespace).map_or(0, |p| p + 1);
                let word = text[word_start..end]
                    .trim_start_matches(['(', '*', '_'])
                    .to_lowercase();
                if ABBREVIATIONS.contains(&word.as_str()) {
                    continue;
                }
                return &text[..end];
            }
            _ => {}
        }
    }
    text
}

/// `[text](target)` → `text` (the sentence is shown on another page, where relative targets may not hold).
pub fn strip_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else { break };
        let Some(end) = after[close + 2..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&after[..close]);
        rest = &after[close + 2 + end + 1..];
    }
    out.push_str(rest);
    out
}

/// The markdown a `{{#chapter-list <level>}}` directive expands into, for the page `page` (relative to src/).
/// `read` returns a chapter's markdown from its path relative to src/.
pub fn chapter_list(
    level: Level,
    entries: &[SummaryEntry],
    page: &Path,
    read: &dyn Fn(&str) -> Option<String>,
) -> String {
    let dir = page.parent().unwrap_or(Path::new(""));
    let mine: Vec<&SummaryEntry> = entries
        .iter()
        .filter(|e| title_id(&e.title).and_then(level_of_id) == Some(level))
        .collect();
    let mut written = String::new();
    let mut planned = Vec::new();
    for e in &mine {
        match &e.path {
            Some(path) => {
                let link = relative(dir, &PathBuf::from(path));
                let summary = read(path)
                    .and_then(|t| declared_summary(&t))
                    .map(|s| format!(" — {s}"))
                    .unwrap_or_default();
                let indent = if e.nested { "    " } else { "" };
                written += &format!("{indent}- **[{}]({link})**{summary}\n", e.title);
            }
            None if !e.nested => planned.push(e.title.as_str()),
            None => {}
        }
    }
    let questions = mine.iter().filter(|e| !e.nested).count();
    let done = mine
        .iter()
        .filter(|e| !e.nested && e.path.is_some())
        .count();
    let mut out = format!(
        "<div class=\"chapter-list\" data-level=\"{}\">\n\n",
        level.slug
    );
    if done == 0 {
        out += &format!(
            "None of the {questions} {} questions is written yet. They are planned in this order:\n\n",
            level.name
        );
    } else {
        if done < questions {
            out += &format!(
                "{done} of the {questions} questions of this part are written; the others follow below the list.\n\n"
            );
        }
        out += &written;
        out += "\n";
        if !planned.is_empty() {
            out += "Planned, not written yet:\n\n";
        }
    }
    for t in &planned {
        out += &format!("- {t}\n");
    }
    out += "\n</div>\n";
    out
}

/// Expands every `{{#chapter-list <level>}}` line of a page. An unknown level is an error naming the page.
pub fn expand_chapter_lists(
    content: &str,
    page: &Path,
    entries: &[SummaryEntry],
    read: &dyn Fn(&str) -> Option<String>,
) -> Result<String, String> {
    let open = format!("{{{{#{DIRECTIVE}");
    if !content.contains(&open) {
        return Ok(content.to_string());
    }
    let mut out = String::with_capacity(content.len() + 4096);
    for (i, line) in content.lines().enumerate() {
        let t = line.trim();
        if let Some(arg) = t.strip_prefix(&open).and_then(|r| r.strip_suffix("}}")) {
            let level = level_named(arg).ok_or_else(|| {
                format!(
                    "{}:{}: `{t}`: unknown level `{}` ({})",
                    page.display(),
                    i + 1,
                    arg.trim(),
                    levels::slugs()
                )
            })?;
            out += &chapter_list(level, entries, page, read);
        } else {
            out += line;
            out += "\n";
        }
    }
    Ok(out)
}

/// The badge line put under a question's `# ` title: its level, its id and a link to its part's overview.
/// `overview` is the overview page's link relative to the chapter, if the part has one.
pub fn level_badge(id: &str, overview: Option<&str>) -> Option<String> {
    let level = level_of_id(id)?;
    let link = overview
        .map(|href| {
            format!(
                " <a class=\"chapter-overview-link\" href=\"{href}\">All {} questions</a>",
                level.name
            )
        })
        .unwrap_or_default();
    Some(format!(
        "<div class=\"chapter-meta\" data-level=\"{slug}\"><span class=\"level-badge\" data-level=\"{slug}\" \
         title=\"Question level\">{name}</span> <span class=\"entry-id\" title=\"Entry id\">{id}</span>{link}</div>\n",
        slug = level.slug,
        name = level.name,
    ))
}

/// Inserts the level badge after a chapter's `# ID · Title` heading (chapters without an entry id are unchanged).
pub fn add_level_badge(content: &str, overview: Option<&str>) -> String {
    let mut out = String::with_capacity(content.len() + 256);
    let mut done = false;
    for line in content.lines() {
        out += line;
        out += "\n";
        if !done && let Some(h) = line.strip_prefix("# ") {
            done = true;
            if let Some(badge) = title_id(h).and_then(|id| level_badge(id, overview)) {
                out += "\n";
                out += &badge;
                out += "\n";
            }
        }
    }
    out
}

/// The overview page of a level, if SUMMARY.md has one: a numbered entry titled "Overview …" in the part whose
/// questions have that level.
pub fn overview_page(level: Level, entries: &[SummaryEntry]) -> Option<String> {
    let part = entries
        .iter()
        .find(|e| title_id(&e.title).and_then(level_of_id) == Some(level))?
        .part
        .clone();
    entries
        .iter()
        .find(|e| e.part == part && crate::summary::is_overview_title(&e.title))
        .and_then(|e| e.path.clone())
}

/// The overview link of a chapter at `page` (relative to src/), as an `.html` link.
pub fn overview_href(id: &str, page: &Path, entries: &[SummaryEntry]) -> Option<String> {
    let target = overview_page(level_of_id(id)?, entries)?;
    let rel = relative(page.parent().unwrap_or(Path::new("")), Path::new(&target));
    Some(match rel.strip_suffix(".md") {
        Some(stem) => format!("{stem}.html"),
        None => rel,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::parse_summary;

    #[test]
    fn first_sentence_skips_code_and_abbreviations() {
        assert_eq!(
            first_sentence("Use `a.b()` here, e.g. now. Then more."),
            "Use `a.b()` here, e.g. now."
        );
        assert_eq!(first_sentence("Is it? Yes."), "Is it?");
        assert_eq!(first_sentence("No stop"), "No stop");
        assert_eq!(
            first_sentence("Version 1.5 works. Next."),
            "Version 1.5 works."
        );
        let md = "# J05 · X\n<!-- summary: A full buffer blocks the sender, e.g. at cap 2. -->\n\n## Short answer\n\nOther.\n";
        assert_eq!(
            declared_summary(md).as_deref(),
            Some("A full buffer blocks the sender, e.g. at cap 2.")
        );
        assert_eq!(declared_summary("# T\n\nNo summary.\n"), None);
        assert_eq!(
            declared_summary("# T\n\n<!-- summary: Two. Sentences. -->\n"),
            None
        );
    }

    #[test]
    fn chapter_list_expands_written_and_planned_entries() {
        let entries = parse_summary(
            "# Summary\n[Intro](intro.md)\n# Part I\n- [Overview · Junior](junior/overview.md)\n\
             - [J01 · A](junior/a.md)\n  - [J01 · A, measured](junior/a2.md)\n- [J02 · B]()\n\
             # Part II\n- [Overview · Mid](mid/overview.md)\n- [M01 · C]()\n",
        );
        let read = |p: &str| {
            (p == "junior/a.md")
                .then(|| "# J01 · A\n\n<!-- summary: It is A. -->\n\n## Short answer\n\nIt is B. Really.\n".to_string())
        };
        let page = Path::new("junior/overview.md");
        let md = expand_chapter_lists(
            "Intro.\n\n{{#chapter-list junior}}\n\nEnd.\n",
            page,
            &entries,
            &read,
        )
        .unwrap();
        assert!(md.contains("- **[J01 · A](a.md)** — It is A.\n"), "{md}");
        assert!(
            md.contains("    - **[J01 · A, measured](a2.md)**\n"),
            "{md}"
        );
        assert!(md.contains("1 of the 2 questions"), "{md}");
        assert!(
            md.contains("Planned, not written yet:\n\n- J02 · B\n"),
            "{md}"
        );
        assert!(md.starts_with("Intro.\n") && md.ends_with("End.\n"));
        let mid = expand_chapter_lists(
            "{{#chapter-list mid}}\n",
            Path::new("mid/overview.md"),
            &entries,
            &read,
        )
        .unwrap();
        assert!(
            mid.contains("None of the 1 Mid questions is written yet"),
            "{mid}"
        );
        assert!(mid.contains("- M01 · C\n"), "{mid}");
        let err =
            expand_chapter_lists("{{#chapter-list guru}}\n", page, &entries, &read).unwrap_err();
        assert!(
            err.contains("junior/overview.md:1") && err.contains("guru"),
            "{err}"
        );
        assert_eq!(
            overview_href("J01", Path::new("junior/a.md"), &entries).as_deref(),
            Some("overview.html")
        );
        assert_eq!(
            overview_href("S01", Path::new("senior/x.md"), &entries),
            None
        );
    }

    #[test]
    fn badge_goes_under_the_title_of_questions_only() {
        let md = add_level_badge("# M03 · Fan-out\n\n> q\n", Some("overview.html"));
        assert!(
            md.starts_with("# M03 · Fan-out\n\n<div class=\"chapter-meta\" data-level=\"mid\">"),
            "{md}"
        );
        assert!(
            md.contains(">Mid</span> <span class=\"entry-id\" title=\"Entry id\">M03</span>"),
            "{md}"
        );
        assert!(
            md.contains("href=\"overview.html\">All Mid questions</a>"),
            "{md}"
        );
        assert_eq!(
            add_level_badge("# Introduction\n\nText\n", None),
            "# Introduction\n\nText\n"
        );
    }
}
