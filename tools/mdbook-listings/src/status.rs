//! Which parts of the book are written, generated from SUMMARY.md so the statement stays true as chapters land:
//! the `{{#book-status}}` directive (the introduction uses it) and the same sentence in README.md, between
//! `<!-- book-status -->` and `<!-- /book-status -->`, which a test keeps equal to SUMMARY.

use crate::book::{SummaryEntry, title_id};

/// The directive a page writes on a line of its own.
pub const DIRECTIVE: &str = "{{#book-status}}";
/// README's markers around the generated statement.
pub const README_START: &str = "<!-- book-status -->";
pub const README_END: &str = "<!-- /book-status -->";

/// One part of the outline that holds questions.
#[derive(Debug, PartialEq, Eq)]
pub struct PartStatus {
    /// "Junior", from the part heading "Part I — Junior".
    pub name: String,
    pub questions: usize,
    pub written: usize,
}

/// The parts with questions, in SUMMARY order. A question is an entry whose title starts with an id and that is not
/// nested under another entry (J01's measured-costs page belongs to J01).
pub fn parts(entries: &[SummaryEntry]) -> Vec<PartStatus> {
    let mut out: Vec<PartStatus> = Vec::new();
    for e in entries
        .iter()
        .filter(|e| !e.nested && title_id(&e.title).is_some())
    {
        let name = e
            .part
            .rsplit_once(" — ")
            .map_or(e.part.as_str(), |(_, n)| n)
            .trim()
            .to_string();
        if out.last().is_none_or(|p| p.name != name) {
            out.push(PartStatus {
                name,
                questions: 0,
                written: 0,
            });
        }
        let p = out.last_mut().expect("pushed above");
        p.questions += 1;
        p.written += usize::from(e.path.is_some());
    }
    out
}

fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The statement, as one markdown paragraph.
pub fn statement(entries: &[SummaryEntry]) -> String {
    let parts = parts(entries);
    let total: usize = parts.iter().map(|p| p.questions).sum();
    let written: usize = parts.iter().map(|p| p.written).sum();
    let done: Vec<String> = parts
        .iter()
        .filter(|p| p.written == p.questions)
        .map(|p| format!("**{}** ({})", p.name, p.questions))
        .collect();
    let partly: Vec<String> = parts
        .iter()
        .filter(|p| p.written > 0 && p.written < p.questions)
        .map(|p| format!("**{}** ({} of {})", p.name, p.written, p.questions))
        .collect();
    let planned: Vec<String> = parts
        .iter()
        .filter(|p| p.written == 0)
        .map(|p| format!("{} ({})", p.name, p.questions))
        .collect();
    let mut s = format!("{written} of the book's {total} questions are written");
    if written == total {
        s += ": every part is complete.";
        return s;
    }
    let mut clauses = Vec::new();
    if !done.is_empty() {
        clauses.push(format!("complete: {}", join(&done)));
    }
    if !partly.is_empty() {
        clauses.push(format!("in progress: {}", join(&partly)));
    }
    if !planned.is_empty() {
        clauses.push(format!(
            "planned, shown greyed out in the table of contents: {}",
            join(&planned)
        ));
    }
    s += ". ";
    let mut body = clauses.join("; ");
    if let Some(first) = body.get(..1) {
        body = first.to_uppercase() + &body[1..];
    }
    s += &body;
    s += ".";
    s
}

/// Replaces each `{{#book-status}}` line of a page with the statement.
pub fn expand(content: &str, entries: &[SummaryEntry]) -> String {
    if !content.contains(DIRECTIVE) {
        return content.to_string();
    }
    content
        .split_inclusive('\n')
        .map(|line| {
            if line.trim() == DIRECTIVE {
                format!("{}\n", statement(entries))
            } else {
                line.to_string()
            }
        })
        .collect()
}

/// README's statement (between the markers), if it has one.
pub fn readme_statement(readme: &str) -> Option<&str> {
    let start = readme.find(README_START)? + README_START.len();
    let end = start + readme[start..].find(README_END)?;
    Some(readme[start..end].trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::parse_summary;
    use std::path::Path;

    const SUMMARY: &str = "# Summary\n[Intro](intro.md)\n# Part I — Junior\n- [Overview · Junior](junior/overview.md)\n\
         - [J01 · A](junior/a.md)\n  - [J01 · A, measured](junior/a2.md)\n- [J02 · B](junior/b.md)\n\
         # Part II — Mid\n- [M01 · C](mid/c.md)\n- [M02 · D]()\n# Part III — Senior\n- [S01 · E]()\n\
         # Appendix\n- [Myths](myths.md)\n";

    #[test]
    fn counts_questions_per_part_without_sub_pages() {
        let p = parts(&parse_summary(SUMMARY));
        assert_eq!(
            p.iter()
                .map(|p| (p.name.as_str(), p.written, p.questions))
                .collect::<Vec<_>>(),
            [("Junior", 2, 2), ("Mid", 1, 2), ("Senior", 0, 1)]
        );
        assert_eq!(
            statement(&parse_summary(SUMMARY)),
            "3 of the book's 5 questions are written. Complete: **Junior** (2); in progress: **Mid** (1 of 2); \
             planned, shown greyed out in the table of contents: Senior (1)."
        );
        let page = expand(
            "Intro.\n\n{{#book-status}}\n\nMore.\n",
            &parse_summary(SUMMARY),
        );
        assert!(
            page.starts_with("Intro.\n\n3 of the book's 5 questions are written."),
            "{page}"
        );
        assert!(page.ends_with(".\n\nMore.\n"), "{page}");
    }

    /// README states the same as SUMMARY.md; when a part lands, paste the new sentence between the markers.
    #[test]
    fn readme_states_what_summary_says() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let summary = std::fs::read_to_string(root.join("src/SUMMARY.md")).unwrap();
        let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
        let want = statement(&parse_summary(&summary));
        let got = readme_statement(&readme).unwrap_or_else(|| {
            panic!("README.md: no `{README_START}` … `{README_END}` block; put this between them:\n\n{want}\n")
        });
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            flat(got),
            flat(&want),
            "README.md: the book-status block differs from src/SUMMARY.md; replace it with:\n\n{want}\n"
        );
    }
}
