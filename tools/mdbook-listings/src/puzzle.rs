//! "Predict it" puzzles: a listing flagged as a puzzle is shown as a question whose answer is its verified
//! behaviour. The flag and the author's plausible wrong answers sit next to the behaviour they are wrong about:
//!
//! ```toml
//! [package.metadata.puzzle]            # [puzzle] in a Go listing's listing.toml
//! wrong-classes = ["deadlock", "panic"]  # behaviours a reader might predict instead
//! wrong-details = ["1\n2\n"]             # wrong outputs / errors of the right behaviour (optional)
//! keep-comments = true                  # show the code's `//` comments (left out by default: they explain)
//! ```
//!
//! The right answer is never written here: it is the declaration the listing's test asserts, so a listing change
//! changes the puzzle. This module checks the flag ([`check`]), builds each puzzle's candidates ([`question`]),
//! expands `{{#puzzles <level>}}` into a level's practice page ([`expand`]) and gives each chapter the data of the
//! puzzles it shows, for interview mode ([`chapter_data`]).

use crate::levels::{self, Level};
use crate::markdown::{self, Selection};
use crate::paths::{self, normalize};
use crate::render;
use crate::spec::{Behaviour, Diagnostic, Lang, Listing};
use crate::summary::{SummaryEntry, title_id};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The directive of a practice page: `{{#puzzles junior}}`.
pub const DIRECTIVE: &str = "puzzles";

/// A puzzle's declaration: the wrong answers its author offers next to the verified one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Puzzle {
    /// Behaviour classes (`deadlock`, `panic`, …) a reader might predict instead of the verified one.
    #[serde(default)]
    pub wrong_classes: Vec<String>,
    /// Wrong outputs or errors of the verified class (what a Go developer would expect it to print, …).
    #[serde(default)]
    pub wrong_details: Vec<String>,
    /// Show the code's `//` comments in the question. They are left out by default: a listing's comments explain
    /// its behaviour, and would give the answer away.
    #[serde(default)]
    pub keep_comments: bool,
}

/// The table that flags a listing as a puzzle.
pub fn table(lang: Lang) -> &'static str {
    match lang {
        Lang::Rust => "[package.metadata.puzzle]",
        Lang::Go => "[puzzle]",
    }
}

/// The badge word of each class, as the labels say it (`render::shown`; a test keeps the two equal).
pub const MARKS: &[(&str, &str)] = &[
    ("output", "Prints"),
    ("invariant", "Prints, order varies"),
    ("panic", "Panics"),
    ("fatal", "Fatal error"),
    ("deadlock", "Deadlocks"),
    ("spin", "Busy-spins"),
    ("leak", "Leaks"),
    ("race", "Data race"),
    ("vet", "Rejected by vet"),
    ("compile-fail", "Does not compile"),
    ("outcomes", "Outcome varies"),
];

/// The badge word of a class.
pub fn mark(class: &str) -> &'static str {
    MARKS
        .iter()
        .find(|(c, _)| *c == class)
        .map_or("?", |(_, m)| m)
}

/// The part of the verified behaviour a reader picks among candidates: the question and the right text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub ask: String,
    pub text: String,
}

/// What the reader chooses after the class, if the class has something to choose: the output of `output`, the
/// message of `panic`, `fatal`, `vet` and `compile-fail`, and that of the usual outcome of `outcomes`.
pub fn detail(b: &Behaviour, lang: Lang) -> Option<Detail> {
    let d = |ask: &str, text: String| {
        Some(Detail {
            ask: ask.to_string(),
            text: text.trim_end().to_string(),
        })
    };
    match b {
        Behaviour::Output { stdout, .. } => d("What exactly does it print?", stdout.clone()),
        Behaviour::Panic { panic, .. } => d("With which panic message?", panic.clone()),
        Behaviour::Fatal { fatal, .. } => d(
            "With which fatal error?",
            format!("fatal error: {}", fatal.trim()),
        ),
        Behaviour::Vet { message, .. } => d("Which finding?", message.clone()),
        Behaviour::CompileFail { message, .. } => {
            let text = match (lang, b.error_codes().first()) {
                (Lang::Rust, Some(code)) => format!("error[{code}]: {}", message.trim()),
                _ => message.trim().to_string(),
            };
            d("With which error?", text)
        }
        Behaviour::Outcomes { outcomes, .. } => {
            let first = detail(outcomes.first()?, lang)?;
            let ask = first.ask.trim_end_matches('?').to_string();
            Some(Detail {
                ask: format!("{ask}, usually?"),
                text: first.text,
            })
        }
        _ => None,
    }
}

/// Two answers are the same if they differ only in trailing white space (the harness ignores a final newline).
fn same(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.trim_end()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    };
    norm(a) == norm(b)
}

/// The line of `key = …` inside `table` of a manifest (the table's line if the key is absent, 0 if neither).
fn key_line(text: &str, table: &str, key: &str) -> usize {
    let Some(start) = text.lines().position(|l| l.trim() == table) else {
        return 0;
    };
    for (i, l) in text.lines().enumerate().skip(start + 1) {
        let t = l.trim_start();
        if t.starts_with('[') {
            break;
        }
        if t.strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with('='))
        {
            return i + 1;
        }
    }
    start + 1
}

/// Reads a listing's puzzle flag, if any, and checks it against the listing's verified behaviour. Every problem
/// names the manifest and the line of the key it is about.
pub fn load(l: &Listing) -> Result<Option<Puzzle>, Vec<Diagnostic>> {
    let manifest = l.manifest();
    let table_name = table(l.lang);
    let err = |line: usize, m: String| vec![Diagnostic::new(&manifest, line, m)];
    let text = std::fs::read_to_string(l.dir.join(l.lang.manifest_file()))
        .map_err(|e| err(0, format!("cannot read: {e}")))?;
    let value: toml::Table = toml::from_str(&text).map_err(|e| err(0, e.message().to_string()))?;
    let raw = match l.lang {
        Lang::Rust => value
            .get("package")
            .and_then(|p| p.get("metadata"))
            .and_then(|m| m.get("puzzle")),
        Lang::Go => value.get("puzzle"),
    };
    let Some(raw) = raw else { return Ok(None) };
    let line = |key: &str| key_line(&text, table_name, key);
    let puzzle: Puzzle = raw.clone().try_into().map_err(|e: toml::de::Error| {
        err(
            line(""),
            format!(
                "{table_name}: {} (a puzzle declares `wrong-classes` and optionally `wrong-details`)",
                e.message()
            ),
        )
    })?;
    let mut d = Vec::new();
    let mut bad = |key: &str, m: String| {
        d.push(Diagnostic::new(
            &manifest,
            line(key),
            format!("puzzle: {m}"),
        ))
    };
    let right = l.behaviour.class();
    let classes = Behaviour::classes(l.lang);
    if puzzle.wrong_classes.is_empty() {
        bad(
            "wrong-classes",
            format!(
                "declare at least one plausible wrong behaviour in `wrong-classes` (one of {}), so the reader has \
                 a choice besides the verified `{right}`",
                classes.join(", ")
            ),
        );
    }
    for (i, c) in puzzle.wrong_classes.iter().enumerate() {
        if !classes.contains(&c.as_str()) {
            bad(
                "wrong-classes",
                format!(
                    "`{c}` is not a behaviour of a {:?} listing; use one of: {}",
                    l.lang,
                    classes.join(", ")
                ),
            );
        } else if c == right {
            bad(
                "wrong-classes",
                format!(
                    "`{c}` is the listing's verified behaviour, not a wrong answer: a wrong answer must differ \
                     from the right one"
                ),
            );
        } else if puzzle.wrong_classes[..i].contains(c) {
            bad("wrong-classes", format!("`{c}` is listed twice"));
        }
    }
    if !puzzle.wrong_details.is_empty() {
        match detail(&l.behaviour, l.lang) {
            None => bad(
                "wrong-details",
                format!(
                    "`wrong-details` offers wrong outputs or errors, but a `{right}` listing has none to choose \
                     from (only output, panic, fatal, vet, compile-fail and outcomes whose usual outcome has one)"
                ),
            ),
            Some(det) => {
                for (i, w) in puzzle.wrong_details.iter().enumerate() {
                    if w.trim().is_empty() {
                        bad("wrong-details", format!("wrong detail {} is empty", i + 1));
                    } else if same(w, &det.text) {
                        bad(
                            "wrong-details",
                            format!(
                                "wrong detail {} is the verified answer itself ({:?}): a wrong answer must differ \
                                 from the right one",
                                i + 1,
                                det.text
                            ),
                        );
                    } else if puzzle.wrong_details[..i].iter().any(|p| same(p, w)) {
                        bad(
                            "wrong-details",
                            format!("wrong detail {} repeats an earlier one", i + 1),
                        );
                    }
                }
            }
        }
    }
    if d.is_empty() {
        Ok(Some(puzzle))
    } else {
        Err(d)
    }
}

/// One class the reader may choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub class: String,
    pub mark: String,
}

/// A puzzle as the reader meets it: the classes to choose from and, where the class has one, the outputs or errors
/// to choose from. The right answers come from the listing's declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The listing's package name, also the id of its caption (`listing-<id>`).
    pub id: String,
    /// The level's slug.
    pub level: String,
    pub lang: &'static str,
    /// In the book's class order, the right one among the author's wrong ones.
    pub classes: Vec<Choice>,
    /// The verified class.
    pub answer: String,
    /// The second question, if the verified class has a detail and the author offers wrong ones.
    pub ask: Option<String>,
    /// Sorted, so their order tells nothing.
    pub details: Vec<String>,
    /// The index of the verified detail in `details`.
    pub detail: Option<usize>,
}

/// The puzzle of a listing, with its candidates.
pub fn question(l: &Listing, p: &Puzzle) -> Question {
    let order = Behaviour::classes(Lang::Go);
    let right = l.behaviour.class();
    let mut classes: Vec<&str> = p.wrong_classes.iter().map(String::as_str).collect();
    classes.push(right);
    classes.sort_by_key(|c| order.iter().position(|o| o == c).unwrap_or(usize::MAX));
    classes.dedup();
    let (ask, details, idx) = match detail(&l.behaviour, l.lang) {
        Some(d) if !p.wrong_details.is_empty() => {
            let mut all: Vec<String> = p
                .wrong_details
                .iter()
                .map(|w| w.trim_end().to_string())
                .collect();
            all.push(d.text.clone());
            all.sort();
            let idx = all.iter().position(|x| *x == d.text);
            (Some(d.ask), all, idx)
        }
        _ => (None, Vec::new(), None),
    };
    Question {
        id: l.package.clone(),
        level: entry_level(l).map_or_else(String::new, |lv| lv.slug.to_string()),
        lang: l.lang.fence_lang(),
        classes: classes
            .into_iter()
            .map(|c| Choice {
                class: c.to_string(),
                mark: mark(c).to_string(),
            })
            .collect(),
        answer: right.to_string(),
        ask,
        details,
        detail: idx,
    }
}

/// The level of a listing, from its entry folder (`j06` → Junior).
pub fn entry_level(l: &Listing) -> Option<Level> {
    levels::of_id(&l.rel.get(..3)?.to_uppercase())
}

/// A puzzle and where the book explains it.
#[derive(Debug, Clone)]
pub struct Found<'a> {
    pub listing: &'a Listing,
    pub puzzle: Puzzle,
    /// The first question chapter that shows the listing (relative to src/), and its title.
    pub chapter: String,
    pub title: String,
    /// What that chapter shows of the program: each include of it, in order.
    pub selections: Vec<Selection>,
}

/// The question chapters (SUMMARY order) and what each shows of each listing's main file.
fn shows<'a>(
    src: &Path,
    listings: &'a [Listing],
    entries: &[SummaryEntry],
) -> Vec<(&'a Listing, String, String, Selection)> {
    let by_main: BTreeMap<PathBuf, &Listing> = listings
        .iter()
        .map(|l| (normalize(&l.dir.join(l.lang.main_file())), l))
        .collect();
    let mut out = Vec::new();
    for e in entries {
        let (Some(path), Some(_)) = (&e.path, title_id(&e.title)) else {
            continue;
        };
        let file = src.join(path);
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let doc = markdown::Document::parse(&text);
        let dir = file.parent().unwrap_or(src);
        for inc in markdown::includes(&text) {
            let target = normalize(&dir.join(&inc.path));
            let Some(l) = by_main.get(&target) else {
                continue;
            };
            let fence = doc.fence_at(inc.range.start);
            let right = fence.is_some_and(|f| match l.lang {
                Lang::Rust => f.is_rust(),
                Lang::Go => f.language() == "go",
            });
            if right && !doc.in_comment(inc.range.start) {
                out.push((*l, path.clone(), e.title.clone(), inc.selection.clone()));
            }
        }
    }
    out
}

/// Every puzzle of the book with the chapter that explains it, in SUMMARY order; puzzles no question chapter shows
/// are left out (the integrity checks report them).
pub fn find<'a>(src: &Path, listings: &'a [Listing], entries: &[SummaryEntry]) -> Vec<Found<'a>> {
    let mut out: Vec<Found> = Vec::new();
    for (l, chapter, title, selection) in shows(src, listings, entries) {
        if let Some(f) = out.iter_mut().find(|f| f.listing.rel == l.rel) {
            // Another part of the program, shown by the same chapter, belongs to the puzzle too.
            if f.chapter == chapter && !f.selections.contains(&selection) {
                f.selections.push(selection);
            }
            continue;
        }
        if let Ok(Some(puzzle)) = load(l) {
            out.push(Found {
                listing: l,
                puzzle,
                chapter,
                title,
                selections: vec![selection],
            });
        }
    }
    out
}

/// The integrity check of the puzzle flags: each is valid, and its listing is shown by a question chapter (the
/// puzzle's answer links there). `root` holds book.toml.
pub fn check(root: &Path, listings: &[Listing]) -> Vec<Diagnostic> {
    let src = root.join("src");
    let summary = std::fs::read_to_string(src.join("SUMMARY.md")).unwrap_or_default();
    let entries = crate::summary::parse_summary(&summary);
    let shown = shows(&src, listings, &entries);
    let mut d = Vec::new();
    for l in listings {
        match load(l) {
            Err(e) => d.extend(e),
            Ok(None) => {}
            Ok(Some(_)) if !shown.iter().any(|s| s.0.rel == l.rel) => d.push(Diagnostic::new(
                l.manifest(),
                key_line(
                    &std::fs::read_to_string(l.dir.join(l.lang.manifest_file())).unwrap_or_default(),
                    table(l.lang),
                    "",
                ),
                format!(
                    "listing `{}` is a puzzle, but no question chapter shows it: a puzzle's answer links to the \
                     chapter that explains it; include listings/{}/{} in a ```{} block of a question chapter, or \
                     remove {}",
                    l.package,
                    l.rel,
                    l.lang.main_file(),
                    l.lang.fence_lang(),
                    table(l.lang)
                ),
            )),
            Ok(Some(_)) => {}
        }
    }
    d
}

/// A line without its `//` comment (outside string literals: `"…"`, Go's `` `…` ``, Rust's `'"'`), trailing space
/// removed.
pub fn strip_comment(line: &str) -> &str {
    let b = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < b.len() {
        match (quote, b[i]) {
            (Some(b'"'), b'\\') => i += 1,
            (Some(q), c) if c == q => quote = None,
            (None, b'\'') if b.get(i + 2) == Some(&b'\'') => i += 2,
            (None, c @ (b'"' | b'`')) => quote = Some(c),
            (None, b'/') if b.get(i + 1) == Some(&b'/') => return line[..i].trim_end(),
            _ => {}
        }
        i += 1;
    }
    line.trim_end()
}

/// The code of a puzzle: what its chapter shows, without comments unless the author keeps them (a line that was only
/// a comment goes).
pub fn puzzle_code(source: &str, selection: &Selection, keep_comments: bool) -> String {
    let code = shown_code(source, selection);
    if keep_comments {
        return code;
    }
    code.lines()
        .filter_map(|l| {
            let s = strip_comment(l);
            (s.trim().is_empty() == l.trim().is_empty()).then_some(s)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The lines a chapter shows of a program: the anchor's lines (marks removed), or the whole file without marks;
/// the common indentation removed.
pub fn shown_code(source: &str, selection: &Selection) -> String {
    let is_mark = |l: &str| l.contains("ANCHOR:") || l.contains("ANCHOR_END:");
    let lines: Vec<&str> = match selection {
        Selection::Anchor(name) => {
            let start = format!("ANCHOR: {name}");
            let end = format!("ANCHOR_END: {name}");
            source
                .lines()
                .skip_while(|l| !l.contains(&start))
                .skip(1)
                .take_while(|l| !l.contains(&end))
                .filter(|l| !is_mark(l))
                .collect()
        }
        _ => source.lines().filter(|l| !is_mark(l)).collect(),
    };
    let cut = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| l.get(cut..).unwrap_or("").trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What plays the puzzles in the browser, put inline into the pages that have puzzles only (every other page stays
/// lighter): `theme/puzzles-play.js` and `theme/puzzles.css`, as `node theme/build.js` writes them. Missing files
/// (a fixture book) leave the pages without them.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    pub script: Option<String>,
    pub style: Option<String>,
}

impl Assets {
    /// Reads them from the book at `root` (the directory holding book.toml).
    pub fn load(root: &Path) -> Assets {
        let read = |f: &str| std::fs::read_to_string(root.join("theme").join(f)).ok();
        Assets {
            script: read("puzzles-play.js"),
            style: read("puzzles.css"),
        }
    }

    fn tags(&self) -> String {
        let mut out = String::new();
        if let Some(css) = &self.style {
            out += &format!("<style>{}</style>\n", css.trim_end());
        }
        if let Some(js) = &self.script {
            out += &format!("<script>{}</script>\n", js.trim_end());
        }
        out
    }
}

/// The data of the puzzles a page shows, for theme/puzzles-play.js: `<script type="application/json"
/// class="book-puzzles">[…]</script>`, then the assets.
pub fn data_tag(found: &[&Found], assets: &Assets) -> String {
    let items: Vec<Question> = found
        .iter()
        .map(|f| question(f.listing, &f.puzzle))
        .collect();
    let json = serde_json::to_string(&items)
        .expect("serialises")
        .replace("</", "<\\/");
    format!(
        "<script type=\"application/json\" class=\"book-puzzles\">{json}</script>\n{}",
        assets.tags()
    )
}

/// The data for a chapter: the puzzles whose caption the rendered chapter carries.
pub fn chapter_data(content: &str, found: &[Found], assets: &Assets) -> String {
    let mine: Vec<&Found> = found
        .iter()
        .filter(|f| content.contains(&format!("id=\"listing-{}\"", f.listing.package)))
        .collect();
    if mine.is_empty() {
        String::new()
    } else {
        data_tag(&mine, assets)
    }
}

/// A level's practice page: every puzzle of the level as a question (code, the classes, the outputs or errors to
/// choose from), then every answer further down (the verified label and a link to the explanation). Readable
/// without JavaScript; theme/puzzles.js turns each question into buttons and keeps the score.
pub fn practice_page(level: Level, page: &Path, found: &[Found], assets: &Assets) -> String {
    let mine: Vec<&Found> = found
        .iter()
        .filter(|f| entry_level(f.listing) == Some(level))
        .collect();
    let dir = page.parent().unwrap_or(Path::new(""));
    let mut out = String::new();
    if mine.is_empty() {
        out += &format!(
            "No {} puzzle is declared yet: a listing becomes one with `{}` in its declaration (see \
             CONTRIBUTING.md, \"Adding a puzzle\").\n",
            level.name,
            table(Lang::Rust)
        );
        return out;
    }
    out += &format!(
        "{n} programs from the {name} chapters. For each, predict what happens when it is built and run: choose \
         the behaviour, then, where it has one, the exact output or error. For a Go program, *Data race* means that \
         `go run -race` reports one (whatever else it prints), and *Rejected by vet* that `go vet` reports a \
         finding. The answers are not typed by hand: each is the listing's declared behaviour, the one its test \
         verified. Without JavaScript, the answers follow the questions, further down this page.\n\n",
        n = mine.len(),
        name = level.name,
    );
    out += &format!(
        "<div class=\"puzzle-score\" data-level=\"{}\" data-total=\"{}\"></div>\n\n",
        level.slug,
        mine.len()
    );
    for (i, f) in mine.iter().enumerate() {
        let l = f.listing;
        let q = question(l, &f.puzzle);
        let n = i + 1;
        let id = title_id(&f.title).unwrap_or("");
        let lang = if l.lang == Lang::Go { "Go" } else { "Rust" };
        let code = std::fs::read_to_string(l.dir.join(l.lang.main_file())).unwrap_or_default();
        out += &format!(
            "<section class=\"puzzle\" id=\"puzzle-{n}\" data-puzzle=\"{pkg}\">\n\n### Puzzle {n} · {id}, in \
             {lang}\n\n<pre class=\"puzzle-code\"><code class=\"language-{fence} noplayground\">{code}</code></pre>\n\n",
            pkg = l.package,
            fence = l.lang.fence_lang(),
            code = escape(
                &f.selections
                    .iter()
                    .map(|sel| puzzle_code(&code, sel, f.puzzle.keep_comments))
                    .collect::<Vec<_>>()
                    .join("\n\n")
            ),
        );
        out += "<p class=\"puzzle-ask\">What happens? One of:</p>\n<ul class=\"puzzle-classes\">\n";
        for c in &q.classes {
            out += &format!("<li data-class=\"{}\">{}</li>\n", c.class, c.mark);
        }
        out += "</ul>\n";
        if let Some(ask) = &q.ask {
            out += &format!(
                "<p class=\"puzzle-ask puzzle-ask-detail\">{} One of:</p>\n<ol class=\"puzzle-details\">\n",
                escape(ask)
            );
            for d in &q.details {
                out += &format!("<li><pre><code>{}</code></pre></li>\n", escape(d));
            }
            out += "</ol>\n";
        }
        out += &format!(
            "<p class=\"puzzle-to-answer\"><a href=\"#answer-{n}\">Answer {n}</a></p>\n\n</section>\n\n"
        );
    }
    out += "## Answers\n\n";
    for (i, f) in mine.iter().enumerate() {
        let l = f.listing;
        let n = i + 1;
        let href = paths::relative(dir, Path::new(&f.chapter));
        out += &format!(
            "<div class=\"puzzle-answer\" id=\"answer-{n}\" data-puzzle=\"{pkg}\">\n\n**Answer {n}** \
             ([back to the puzzle](#puzzle-{n})). Listing `{pkg}`, explained in [{title}]({href}#listing-{pkg}).\n\n{label}\n</div>\n\n",
            pkg = l.package,
            title = f.title,
            label = render::label(l),
        );
    }
    out += &data_tag(&mine, assets);
    out
}

/// Expands a `{{#puzzles <level>}}` line of a page. An unknown level is an error naming the page and line.
pub fn expand(
    content: &str,
    page: &Path,
    found: &[Found],
    assets: &Assets,
) -> Result<String, String> {
    let open = format!("{{{{#{DIRECTIVE}");
    if !content.contains(&open) {
        return Ok(content.to_string());
    }
    let mut out = String::with_capacity(content.len() + 16 * 1024);
    for (i, line) in content.lines().enumerate() {
        let t = line.trim();
        if let Some(arg) = t.strip_prefix(&open).and_then(|r| r.strip_suffix("}}")) {
            let level = levels::named(arg).ok_or_else(|| {
                format!(
                    "{}:{}: `{t}`: unknown level `{}` ({})",
                    page.display(),
                    i + 1,
                    arg.trim(),
                    levels::slugs()
                )
            })?;
            out += &practice_page(level, page, found, assets);
        } else {
            out += line;
            out += "\n";
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(lang: Lang, decl: &str) -> Listing {
        Listing {
            dir: PathBuf::from("/book/listings/j01/x"),
            rel: "j01/x".into(),
            package: "j01-x".into(),
            lang,
            description: "d".into(),
            behaviour: toml::from_str(decl).unwrap(),
        }
    }

    #[test]
    fn marks_are_the_labels_words() {
        let decls = [
            (Lang::Rust, "behaviour = 'output'\nstdout = 'a'"),
            (
                Lang::Rust,
                "behaviour = 'invariant'\ninvariant = 'x'\nline-count = 1",
            ),
            (Lang::Rust, "behaviour = 'panic'\npanic = 'boom'"),
            (Lang::Go, "behaviour = 'fatal'\nfatal = 'f'"),
            (Lang::Rust, "behaviour = 'deadlock'\nblocked = 'b'"),
            (Lang::Rust, "behaviour = 'spin'\nspinning = 's'"),
            (
                Lang::Rust,
                "behaviour = 'leak'\nleaked = 'x'\nleaked-threads = 1\nstdout = 'd'",
            ),
            (
                Lang::Go,
                "behaviour = 'race'\nrace = 'x'\naccesses = ['main.go:3', 'main.go:4']",
            ),
            (Lang::Go, "behaviour = 'vet'\ncheck = 'c'\nmessage = 'm'"),
            (
                Lang::Rust,
                "behaviour = 'compile-fail'\nerror = 'E0373'\nmessage = 'm'",
            ),
            (
                Lang::Go,
                "behaviour = 'outcomes'\nusually = 'x'\n[[outcomes]]\nbehaviour = 'output'\nstdout = 'a'\n[[outcomes]]\nbehaviour = 'fatal'\nfatal = 'b'",
            ),
        ];
        assert_eq!(decls.len(), MARKS.len());
        for (lang, decl) in decls {
            let l = listing(lang, decl);
            assert_eq!(mark(l.behaviour.class()), render::shown(&l).mark, "{decl}");
        }
    }

    #[test]
    fn candidates_hold_the_declared_answer() {
        let l = listing(
            Lang::Rust,
            "behaviour = 'compile-fail'\nerror = 'E0373'\nmessage = 'closure may outlive'",
        );
        let p = Puzzle {
            wrong_classes: vec!["output".into(), "deadlock".into()],
            wrong_details: vec!["error[E0499]: cannot borrow".into()],
            keep_comments: false,
        };
        let q = question(&l, &p);
        let classes: Vec<&str> = q.classes.iter().map(|c| c.class.as_str()).collect();
        assert_eq!(classes, ["output", "deadlock", "compile-fail"]);
        assert_eq!(q.answer, "compile-fail");
        assert_eq!(
            q.details[q.detail.unwrap()],
            "error[E0373]: closure may outlive"
        );
        assert_eq!(q.details.len(), 2);
        let out = listing(
            Lang::Go,
            "behaviour = 'outcomes'\nusually = 'x'\n[[outcomes]]\nbehaviour = 'output'\nstdout = \"0 of 4\\n\"\n[[outcomes]]\nbehaviour = 'fatal'\nfatal = 'b'",
        );
        let d = detail(&out.behaviour, Lang::Go).unwrap();
        assert_eq!(
            (d.ask.as_str(), d.text.as_str()),
            ("What exactly does it print, usually?", "0 of 4")
        );
        let stuck = listing(Lang::Rust, "behaviour = 'deadlock'\nblocked = 'b'");
        assert_eq!(detail(&stuck.behaviour, Lang::Rust), None);
        assert!(same("1\n", "1") && same("a  \nb", "a\nb\n") && !same("1", "1\n2"));
    }

    #[test]
    fn comments_go_unless_kept_and_strings_stay() {
        assert_eq!(strip_comment("x := 1 // why"), "x := 1");
        assert_eq!(
            strip_comment("fmt.Println(\"a // b\") // c"),
            "fmt.Println(\"a // b\")"
        );
        assert_eq!(strip_comment("s := `x // y` // z"), "s := `x // y`");
        assert_eq!(strip_comment("let q = '\"'; // c"), "let q = '\"';");
        assert_eq!(
            strip_comment(r#"let s = "\" // "; // c"#),
            r#"let s = "\" // ";"#
        );
        let src =
            "fn main() {\n    // explains it all\n    let a = 1; // spoiler\n\n    f(a);\n}\n";
        assert_eq!(
            puzzle_code(src, &Selection::Whole, false),
            "fn main() {\n    let a = 1;\n\n    f(a);\n}"
        );
        assert_eq!(puzzle_code(src, &Selection::Whole, true), src.trim_end());
    }

    #[test]
    fn shown_code_takes_the_anchor_dedented() {
        let src = "use x;\nfn main() {\n    // ANCHOR: body\n    let a = 1;\n        f(a);\n    // ANCHOR_END: body\n}\n";
        assert_eq!(
            shown_code(src, &Selection::Anchor("body".into())),
            "let a = 1;\n    f(a);"
        );
        assert_eq!(
            shown_code(src, &Selection::Whole),
            "use x;\nfn main() {\n    let a = 1;\n        f(a);\n}"
        );
    }
}
