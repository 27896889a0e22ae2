//! The book's levels, written once. Each level is a part of the book; the letter starts its entry ids (`J05`),
//! the directory holds its chapters (`src/junior/`) and its listings' entry folders start with the lower-case
//! letter (`listings/j05/`). The preprocessor emits the table on every page (see [`script_tag`]) so the reader's
//! JavaScript reads it instead of repeating it.

use serde::Serialize;

/// A part of the book, named after the letter its entry ids start with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Level {
    pub letter: char,
    /// The chapters' directory under src/: "junior".
    pub dir: &'static str,
    /// What the reader sees: "Junior".
    pub name: &'static str,
    /// The CSS/data name: "junior".
    pub slug: &'static str,
    /// How many entries of the inventory the level has (ids `J01`…`J18`); every one must be in SUMMARY.md.
    #[serde(skip)]
    pub entries: u8,
}

const fn level(
    letter: char,
    dir: &'static str,
    name: &'static str,
    slug: &'static str,
    entries: u8,
) -> Level {
    Level {
        letter,
        dir,
        name,
        slug,
        entries,
    }
}

/// Every level, in the book's order.
pub const LEVELS: &[Level] = &[
    level('J', "junior", "Junior", "junior", 18),
    level('M', "mid", "Mid", "mid", 25),
    level('S', "senior", "Senior", "senior", 19),
    level('P', "staff", "Staff", "staff", 14),
    level('C', "challenges", "Challenge", "challenge", 5),
    level('R', "cheatsheet", "Reference", "reference", 7),
    // The questions Rust interviewers ask that Go has no word for (X01…).
    level('X', "rust", "Rust", "rust", 12),
];

/// The level of an entry id letter: 'J' → Junior.
pub fn by_letter(letter: char) -> Option<Level> {
    LEVELS.iter().copied().find(|l| l.letter == letter)
}

/// The level of an entry id: "J05" → Junior (the id itself is not validated).
pub fn of_id(id: &str) -> Option<Level> {
    by_letter(id.chars().next()?)
}

/// Is `id` an entry id such as `J05` (upper case) or, with `lower`, an entry folder such as `j05`?
fn is_id(s: &str, lower: bool) -> bool {
    let b = s.as_bytes();
    b.len() == 3
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
        && LEVELS.iter().any(|l| {
            let c = if lower {
                l.letter.to_ascii_lowercase()
            } else {
                l.letter
            };
            b[0] == c as u8
        })
}

/// Is `s` an entry id such as `J05`?
pub fn is_entry_id(s: &str) -> bool {
    is_id(s, false)
}

/// Is `s` an entry folder name under listings/, such as `j05`?
pub fn is_entry_dir(s: &str) -> bool {
    is_id(s, true)
}

/// Every entry id of the inventory: the book covers each exactly once.
pub fn entry_ids() -> Vec<String> {
    LEVELS
        .iter()
        .flat_map(|l| (1..=l.entries).map(move |i| format!("{}{i:02}", l.letter)))
        .collect()
}

/// The level a directive argument names: "junior", "Junior", "j", "staff", "challenges", "cheatsheet", …
pub fn named(arg: &str) -> Option<Level> {
    let a = arg.trim().to_lowercase();
    let a = match a.as_str() {
        "challenges" => "challenge",
        "cheatsheet" | "cheat-sheet" => "reference",
        "principal" => "staff",
        other => other,
    };
    LEVELS.iter().copied().find(|l| {
        l.slug == a || l.dir == a || (a.len() == 1 && a.starts_with(l.letter.to_ascii_lowercase()))
    })
}

/// The slugs, for "unknown level" messages.
pub fn slugs() -> String {
    LEVELS.iter().map(|l| l.slug).collect::<Vec<_>>().join(", ")
}

/// The table as JSON: `[{"letter":"J","dir":"junior","name":"Junior","slug":"junior"},…]`.
pub fn json() -> String {
    serde_json::to_string(LEVELS).expect("the level table serialises")
}

/// The element the preprocessor appends to every page, read by theme/reader.js.
pub fn script_tag() -> String {
    // JSON inside <script> may not contain "</": none of the table's strings does, and this keeps it so.
    let json = json().replace("</", "<\\/");
    format!("<script type=\"application/json\" id=\"book-levels\">{json}</script>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_cover_the_inventory() {
        let ids = entry_ids();
        assert_eq!(ids.len(), 100);
        assert_eq!((ids[0].as_str(), ids[87].as_str()), ("J01", "R07"));
        assert_eq!(ids[99], "X12");
    }

    #[test]
    fn ids_and_folders_use_the_table() {
        assert!(is_entry_id("J05") && is_entry_id("X01") && !is_entry_id("j05"));
        assert!(is_entry_dir("x01") && is_entry_dir("r07") && !is_entry_dir("q01"));
        assert!(!is_entry_dir("j5") && !is_entry_dir("j055"));
        assert_eq!(
            of_id("X01").map(|l| (l.name, l.dir)),
            Some(("Rust", "rust"))
        );
    }

    #[test]
    fn levels_follow_the_id_letter_and_directive_names() {
        assert_eq!(of_id("J05").map(|l| l.name), Some("Junior"));
        assert_eq!(of_id("P14").map(|l| l.name), Some("Staff"));
        assert_eq!(of_id("R01").map(|l| l.slug), Some("reference"));
        assert_eq!(named("Challenges").map(|l| l.letter), Some('C'));
        assert_eq!(named("m").map(|l| l.letter), Some('M'));
        assert_eq!(named("rust").map(|l| l.letter), Some('X'));
        assert_eq!(named("expert"), None);
    }

    #[test]
    fn the_page_gets_the_table_as_json() {
        let tag = script_tag();
        assert!(tag.starts_with("<script type=\"application/json\" id=\"book-levels\">[{"));
        let json = tag
            .trim_end()
            .strip_prefix("<script type=\"application/json\" id=\"book-levels\">")
            .and_then(|s| s.strip_suffix("</script>"))
            .unwrap();
        let parsed: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
        assert_eq!(parsed.len(), LEVELS.len());
        assert_eq!(
            parsed[6],
            serde_json::json!({"letter": "X", "dir": "rust", "name": "Rust", "slug": "rust"})
        );
        assert!(parsed[0].get("entries").is_none());
    }
}
