//! The model of `src/SUMMARY.md`: parts, numbered and nested entries, titles with entry ids, draft chapters.

use crate::levels;

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

impl SummaryEntry {
    /// The entry id the title starts with, if any.
    pub fn id(&self) -> Option<&str> {
        title_id(&self.title)
    }

    /// A written question chapter: it has an entry id and a file.
    pub fn is_written_question(&self) -> bool {
        self.id().is_some() && self.path.is_some()
    }
}

/// The entry id a title starts with: "J05 · Buffered…" → "J05".
pub fn title_id(title: &str) -> Option<&str> {
    let id = title.get(..3)?;
    (levels::is_entry_id(id) && title[3..].starts_with(" · ")).then_some(id)
}

/// A part's overview page: a numbered entry titled "Overview …" (it lists the part's questions, so it carries no
/// entry id of its own).
pub fn is_overview_title(title: &str) -> bool {
    title == "Overview" || title.starts_with("Overview ")
}

/// Must this SUMMARY entry's title start with an entry id? Numbered entries do, except in the Appendix part and
/// except a part's overview page.
pub fn needs_entry_id(e: &SummaryEntry) -> bool {
    e.numbered
        && !e.part.to_lowercase().starts_with("appendix")
        && !is_overview_title(&e.title)
        && !is_practice_title(&e.title)
}

/// A level's practice page: "Practice · Junior" (its `{{#puzzles junior}}` lists puzzles of many entries).
pub fn is_practice_title(title: &str) -> bool {
    title.starts_with("Practice · ")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_titles_and_summary_lines() {
        assert_eq!(title_id("J05 · Buffered"), Some("J05"));
        assert_eq!(title_id("X01 · Send and Sync"), Some("X01"));
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
        assert!(s[2].nested && s[2].is_written_question());
        assert_eq!(s[3].path, None);
        assert!(!s[3].is_written_question());
    }

    #[test]
    fn overview_entries_need_no_id_but_other_numbered_entries_do() {
        let s = parse_summary(
            "# Summary\n[Intro](intro.md)\n# Part I\n- [Overview · Junior](junior/overview.md)\n\
             - [J01 · A](j/a.md)\n- [Overviews are great](x.md)\n- [Overview](y.md)\n# Appendix\n- [Myths](m.md)\n\
             # Practice\n- [Practice · Junior](practice/junior.md)\n- [Practice makes perfect](p.md)\n",
        );
        let needs: Vec<bool> = s.iter().map(needs_entry_id).collect();
        assert_eq!(
            needs,
            vec![false, false, true, true, false, false, false, true]
        );
        assert_eq!(s[1].id(), None, "an overview counts as no entry");
    }
}
