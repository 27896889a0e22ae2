//! Reader aids generated from the outline: the level badge under each question's title, and the
//! `{{#chapter-list <level>}}` directive that expands into a part's questions, each with the first sentence of
//! its "Short answer".

use crate::book::{SummaryEntry, title_id};
use std::path::{Component, Path, PathBuf};

/// A part of the book, named after the letter its entry ids start with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    pub letter: char,
    /// What the reader sees: "Junior".
    pub name: &'static str,
    /// The CSS/data name: "junior".
    pub slug: &'static str,
}

const LEVELS: &[Level] = &[
    Level {
        letter: 'J',
        name: "Junior",
        slug: "junior",
    },
    Level {
        letter: 'M',
        name: "Mid",
        slug: "mid",
    },
    Level {
        letter: 'S',
        name: "Senior",
        slug: "senior",
    },
    Level {
        letter: 'P',
        name: "Staff",
        slug: "staff",
    },
    Level {
        letter: 'C',
        name: "Challenge",
        slug: "challenge",
    },
    Level {
        letter: 'R',
        name: "Reference",
        slug: "reference",
    },
    Level {
        letter: 'X',
        name: "Rust",
        slug: "rust",
    },
];

/// The level of an entry id: "J05" → Junior.
pub fn level_of_id(id: &str) -> Option<Level> {
    let letter = id.chars().next()?;
    LEVELS.iter().copied().find(|l| l.letter == letter)
}

/// The level a directive argument names: "junior", "Junior", "j", "staff", "challenges", "cheatsheet", …
pub fn level_named(arg: &str) -> Option<Level> {
    let a = arg.trim().to_lowercase();
    let a = match a.as_str() {
        "challenges" => "challenge",
        "cheatsheet" | "cheat-sheet" => "reference",
        "principal" => "staff",
        other => other,
    };
    LEVELS
        .iter()
        .copied()
        .find(|l| l.slug == a || (a.len() == 1 && a.starts_with(l.letter.to_ascii_lowercase())))
}

/// The directive a chapter writes to list a part's questions.
pub const DIRECTIVE: &str = "chapter-list";

/// The first sentence of a chapter's "Short answer" section, with markdown links reduced to their text.
pub fn short_answer_sentence(chapter: &str) -> Option<String> {
    let mut lines = chapter
        .lines()
        .skip_while(|l| l.trim() != "## Short answer");
    lines.next()?;
    let para: Vec<&str> = lines
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::trim)
        .collect();
    if para.is_empty() {
        return None;
    }
    let text = strip_links(&para.join(" "));
    Some(first_sentence(&text).to_string())
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

/// `to` relative to the directory `from_dir` (both relative to src/), with `/` separators.
pub fn relative(from_dir: &Path, to: &Path) -> String {
    let norm = |p: &Path| -> Vec<String> {
        p.components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect()
    };
    let (from, to) = (norm(from_dir), norm(to));
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(to[common..].iter().cloned());
    parts.join("/")
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
                    .and_then(|t| short_answer_sentence(&t))
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
                    "{}:{}: `{t}`: unknown level `{}` (junior, mid, senior, staff, challenge, reference, rust)",
                    page.display(),
                    i + 1,
                    arg.trim()
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
        .find(|e| e.part == part && crate::book::is_overview_title(&e.title))
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
    use crate::book::parse_summary;

    #[test]
    fn levels_follow_the_id_letter() {
        assert_eq!(level_of_id("J05").map(|l| l.name), Some("Junior"));
        assert_eq!(level_of_id("P14").map(|l| l.name), Some("Staff"));
        assert_eq!(level_of_id("R01").map(|l| l.slug), Some("reference"));
        assert_eq!(level_named("Challenges").map(|l| l.letter), Some('C'));
        assert_eq!(level_named("m").map(|l| l.letter), Some('M'));
        assert_eq!(level_named("expert"), None);
    }

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
        let md = "# J05 · X\n\n> **Interviewer:** \"Q?\"\n\n## Short answer\n\nSee [J04](j04.md) first.\nMore.\n\n## Deep answer\n";
        assert_eq!(short_answer_sentence(md).as_deref(), Some("See J04 first."));
        assert_eq!(short_answer_sentence("# T\n\nNo sections.\n"), None);
    }

    #[test]
    fn relative_paths_between_pages() {
        assert_eq!(
            relative(Path::new("junior"), Path::new("junior/j05.md")),
            "j05.md"
        );
        assert_eq!(
            relative(Path::new("mid"), Path::new("junior/j05.md")),
            "../junior/j05.md"
        );
        assert_eq!(
            relative(Path::new(""), Path::new("junior/j05.md")),
            "junior/j05.md"
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
                .then(|| "# J01 · A\n\n## Short answer\n\nIt is A. Really.\n".to_string())
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
