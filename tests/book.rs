//! The book's integrity (files, includes, anchors, SUMMARY, entry ids, every listing shown and declared, inline
//! blocks, summaries), the syntax of its Go fragments, and a full HTML build with the same preprocessors
//! `mdbook build` runs.

#[path = "common.rs"]
mod common;

use mdbook_driver::MDBook;

#[test]
fn integrity() {
    let report = mdbook_listings::book::check(common::root());
    if !report.diagnostics.is_empty() {
        panic!(
            "{}",
            mdbook_listings::problems(report.diagnostics.iter().map(|d| d.to_string()))
        );
    }
}

/// Every ```go,fragment block parses (`gofmt -e`). Without Go the check is skipped with one message, except in CI.
#[test]
fn go_fragments_parse() {
    use mdbook_listings::book;
    let Some(gofmt) = book::find_gofmt() else {
        let why = "gofmt not found (set GO=/path/to/go or GOFMT=/path/to/gofmt, or put go on PATH)";
        if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
            panic!("the Go fragments must be checked in CI, but {why}");
        }
        eprintln!("skipping the syntax check of the Go fragments: {why}");
        return;
    };
    let report = book::check(common::root());
    let fragments = book::go_fragments(common::root(), &report.chapters);
    let diags = book::check_go_fragments(&gofmt, &fragments);
    if !diags.is_empty() {
        panic!(
            "{}",
            mdbook_listings::problems(diags.iter().map(|d| d.to_string()))
        );
    }
    println!("{} Go fragments parse", fragments.len());
}

#[test]
fn builds_to_html() {
    let mut md = MDBook::load(common::root()).expect("load the book");
    // The same preprocessor book.toml runs through `cargo run`, linked in directly.
    md.with_preprocessor(mdbook_listings::Listings);
    let dest = std::env::temp_dir().join(format!("book-tests-html-{}", std::process::id()));
    md.config.build.build_dir = dest.clone();
    let result = md.build();
    let index = dest.join("index.html").is_file() || dest.join("html/index.html").is_file();
    // Every proof mark of the cheat sheet links to a built page that holds the listing's caption.
    let html = if dest.join("html").is_dir() {
        dest.join("html")
    } else {
        dest.clone()
    };
    let (marks, broken) = mdbook_listings::proof::check_built_links(&html);
    let _ = std::fs::remove_dir_all(&dest);
    result.expect("build the book");
    assert!(index, "the build wrote no index.html");
    assert!(
        broken.is_empty(),
        "broken proof links:\n{}",
        broken.join("\n")
    );
    assert!(
        result_has_marks(marks),
        "the built book has no proof marks: the cheat sheet's tables are not rendered"
    );
}

/// The cheat sheet's R01 and R02 tables hold well over a hundred proofs; fewer than that means the directive was
/// not expanded.
fn result_has_marks(marks: usize) -> bool {
    marks >= 100
}

/// The "predict it" puzzles as the reader gets them: every practice page's questions, read back from the rendered
/// page, hold the verified behaviour of their listing (its class and its declared output, panic message, fatal
/// error, vet finding or compiler error) as the right answer, and every wrong answer differs from it. A listing's
/// changed declaration changes its puzzle; a wrong answer that became right fails here. Every written level has a
/// practice page with at least three puzzles, and the inventory's puzzle entries are among them.
#[test]
fn puzzles_answer_what_the_listings_declare() {
    use mdbook_listings::spec::{Behaviour, Lang};
    let root = common::root();
    let md = MDBook::load(root).expect("load the book");
    let report = mdbook_listings::book::check(root);
    let book = mdbook_listings::render_book(&root.join("src"), &report.listings, md.book)
        .expect("render the book");
    let mut per_level: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut checked = 0;
    for item in book.iter() {
        let mdbook_driver::book::BookItem::Chapter(ch) = item else {
            continue;
        };
        let Some(path) = &ch.source_path else {
            continue;
        };
        if !path.starts_with("practice") {
            continue;
        }
        let json = ch
            .content
            .split("<script type=\"application/json\" class=\"book-puzzles\">")
            .nth(1)
            .and_then(|r| r.split("</script>").next())
            .unwrap_or_else(|| panic!("src/{}: no puzzle data", path.display()));
        let questions: Vec<serde_json::Value> = serde_json::from_str(json).expect("valid JSON");
        for q in &questions {
            let id = q["id"].as_str().unwrap();
            let l = common::listings()
                .iter()
                .find(|l| l.package == id)
                .unwrap_or_else(|| panic!("puzzle {id}: no such listing"));
            let at = l.manifest();
            // The right class is the declared one, and it is among the choices.
            assert_eq!(q["answer"], l.behaviour.class(), "{at}");
            let classes: Vec<&str> = q["classes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["class"].as_str().unwrap())
                .collect();
            assert_eq!(
                classes
                    .iter()
                    .filter(|c| **c == l.behaviour.class())
                    .count(),
                1,
                "{at}: {classes:?}"
            );
            assert!(classes.len() >= 2, "{at}: no wrong class to choose");
            // The right detail is the declared text, read here from the declaration itself.
            let declared = |b: &Behaviour| -> Option<String> {
                match b {
                    Behaviour::Output { stdout, .. } => Some(stdout.clone()),
                    Behaviour::Panic { panic, .. } => Some(panic.clone()),
                    Behaviour::Fatal { fatal, .. } => Some(format!("fatal error: {fatal}")),
                    Behaviour::Vet { message, .. } => Some(message.clone()),
                    Behaviour::CompileFail { message, .. } if l.lang == Lang::Go => {
                        Some(message.clone())
                    }
                    b @ Behaviour::CompileFail { message, .. } => {
                        Some(format!("error[{}]: {message}", b.error_codes()[0]))
                    }
                    _ => None,
                }
            };
            let right = match &l.behaviour {
                Behaviour::Outcomes { outcomes, .. } => declared(&outcomes[0]),
                b => declared(b),
            };
            let details: Vec<&str> = q["details"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap())
                .collect();
            match (q["detail"].as_u64(), &right) {
                (Some(i), Some(right)) => {
                    assert_eq!(details[i as usize], right.trim_end(), "{at}");
                    for (j, wrong) in details.iter().enumerate() {
                        if j != i as usize {
                            assert_ne!(
                                wrong.trim_end(),
                                right.trim_end(),
                                "{at}: a wrong answer is right"
                            );
                        }
                    }
                }
                (None, _) => assert!(details.is_empty(), "{at}: details without a right one"),
                (Some(_), None) => panic!("{at}: a detail to choose, but the behaviour has none"),
            }
            // The page shows that listing's verified label as its answer.
            assert!(
                ch.content
                    .contains(&format!("data-puzzle=\"{id}\">\n\n**Answer"))
                    && ch.content.contains(&mdbook_listings::render::label(l)),
                "src/{}: {id} has no verified label among the answers",
                path.display()
            );
            per_level
                .entry(q["level"].as_str().unwrap().to_string())
                .or_default()
                .push(l.rel.clone());
            checked += 1;
        }
    }
    println!("{checked} puzzles checked: {per_level:?}");
    // Every complete level (all its questions written) has its practice page, with at least three puzzles. The
    // cheat sheet is not a level of questions: its pages summarise the others and ask nothing to predict.
    let summary = std::fs::read_to_string(root.join("src/SUMMARY.md")).unwrap();
    let entries = mdbook_listings::book::parse_summary(&summary);
    for level in mdbook_listings::levels::LEVELS {
        let questions: Vec<_> = entries
            .iter()
            .filter(|e| {
                !e.nested && e.id().and_then(mdbook_listings::levels::of_id) == Some(*level)
            })
            .collect();
        if level.slug != "reference"
            && !questions.is_empty()
            && questions.iter().all(|e| e.path.is_some())
        {
            let n = per_level.get(level.slug).map_or(0, Vec::len);
            assert!(
                n >= 3,
                "level {}: {n} puzzles on its practice page (add `- [Practice · {}](practice/{}.md)` to SUMMARY.md, \
                 the page, and flag at least three listings: CONTRIBUTING.md, \"Adding a puzzle\")",
                level.name,
                level.name,
                level.slug
            );
        }
    }
    // The inventory's puzzle entries.
    for entry in ["j06", "j16", "m15", "s18", "c05"] {
        assert!(
            per_level
                .values()
                .flatten()
                .any(|rel| rel.starts_with(&format!("{entry}/"))),
            "no puzzle from {entry}"
        );
    }
}
