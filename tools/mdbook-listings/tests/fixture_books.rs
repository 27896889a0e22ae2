//! The integrity checks and the rendering, run on small fixture books written to a temporary directory. Each test
//! starts from a clean book (no diagnostics), injects one contributor mistake and compares the complete list of
//! diagnostics, so a check that goes quiet, or one that fires on something else, fails the test.

use mdbook_listings::book::{self, BookReport};
use mdbook_listings::levels;
use std::path::{Path, PathBuf};

/// A fixture book: SUMMARY with J01 and J02 written (every other entry a draft), an introduction, a Junior
/// overview, and two listings (`j01/hello` with anchor `body`, `j02/other`).
struct Book {
    dir: tempfile::TempDir,
}

const J01: &str = "# J01 · First question\n<!-- summary: The first question, answered in one sentence. -->\n\n\
## Short answer\n\nIt works.\n\n```rust\n{{#rustdoc_include ../../listings/j01/hello/src/main.rs:body}}\n```\n\n\
Inline code:\n\n```rust\nfn main() {\n    println!(\"inline\");\n}\n```\n\nSee [the second](j02.md).\n";

const J02: &str = "# J02 · Second question\n\n<!-- summary: The second one, also in one sentence. -->\n\n\
## Short answer\n\n```rust\n{{#include ../../listings/j02/other/src/main.rs}}\n```\n\n\
```go,fragment\nfunc f() int { return 1 }\n```\n";

impl Book {
    fn new() -> Book {
        let b = Book {
            dir: tempfile::tempdir().unwrap(),
        };
        let mut summary = String::from(
            "# Summary\n\n[Introduction](introduction.md)\n\n# Part I — Junior\n\n\
             - [Overview · Junior questions](junior/overview.md)\n- [J01 · First question](junior/j01.md)\n\
             - [J02 · Second question](junior/j02.md)\n",
        );
        for id in levels::entry_ids() {
            if id != "J01" && id != "J02" {
                summary += &format!("- [{id} · Planned]()\n");
            }
        }
        b.write("book.toml", "[book]\ntitle = \"Fixture\"\nsrc = \"src\"\n");
        b.write("src/SUMMARY.md", &summary);
        b.write("src/introduction.md", "# Introduction\n\nWelcome.\n");
        b.write(
            "src/junior/overview.md",
            "# Junior questions\n\n{{#chapter-list junior}}\n",
        );
        b.write("src/junior/j01.md", J01);
        b.write("src/junior/j02.md", J02);
        b.listing(
            "j01",
            "hello",
            "fn main() {\n    // ANCHOR: body\n    println!(\"hello\");\n    // ANCHOR_END: body\n}\n",
        );
        b.listing("j02", "other", "fn main() {\n    println!(\"other\");\n}\n");
        b
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).unwrap()
    }

    /// Replaces `from` (which must occur) by `to` in a file.
    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} has no {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    fn listing(&self, entry: &str, name: &str, main: &str) {
        self.write(
            &format!("listings/{entry}/{name}/Cargo.toml"),
            &format!(
                "[package]\nname = \"{entry}-{name}\"\ndescription = \"A caption\"\nedition = \"2024\"\n\n\
                 [package.metadata.listing]\nbehaviour = \"output\"\nstdout = \"hello\\n\"\n"
            ),
        );
        self.write(&format!("listings/{entry}/{name}/src/main.rs"), main);
    }

    /// A Go listing: go.mod, main.go, listing.toml.
    fn go_listing(&self, entry: &str, name: &str, main: &str) {
        let dir = format!("listings/{entry}/{name}");
        self.write(
            &format!("{dir}/go.mod"),
            "module example.com/x\n\ngo 1.24\n",
        );
        self.write(&format!("{dir}/main.go"), main);
        self.write(
            &format!("{dir}/listing.toml"),
            "description = \"A Go caption\"\n[listing]\nbehaviour = \"output\"\nstdout = \"hi\\n\"\n",
        );
    }

    fn check(&self) -> BookReport {
        book::check(self.root())
    }

    /// The diagnostics, as printed.
    fn problems(&self) -> Vec<String> {
        lines(&self.check())
    }
}

fn lines(r: &BookReport) -> Vec<String> {
    r.diagnostics.iter().map(|d| d.to_string()).collect()
}

#[test]
fn the_clean_fixture_has_no_problems() {
    let b = Book::new();
    let r = b.check();
    assert_eq!(lines(&r), Vec::<String>::new());
    assert_eq!(r.listings.len(), 2);
    assert_eq!(
        r.chapters,
        [
            "introduction.md",
            "junior/overview.md",
            "junior/j01.md",
            "junior/j02.md"
        ]
    );
}

#[test]
fn inline_blocks_that_turn_a_check_off_are_found_in_lists_and_quotes() {
    let b = Book::new();
    b.edit(
        "src/junior/j01.md",
        "See [the second]",
        "- a step\n\n    ```rust,ignore\n    loop {}\n    ```\n\n> ```rust,no_run\n> fn main() {}\n> ```\n\n\
         ```rs,should_panic\nfn main() { panic!() }\n```\n\n```Rust compile_fail\nfn main() {}\n```\n\nSee [the second]",
    );
    let why = "every inline block is compiled and run to the end; make it a listing crate so its behaviour is \
               declared and asserted (see CONTRIBUTING.md)";
    assert_eq!(
        b.problems(),
        [
            format!("src/junior/j01.md:22: an inline Rust block may not be `ignore`: {why}"),
            format!("src/junior/j01.md:26: an inline Rust block may not be `no_run`: {why}"),
            format!("src/junior/j01.md:30: an inline Rust block may not be `should_panic`: {why}"),
            format!("src/junior/j01.md:34: an inline Rust block may not be `compile_fail`: {why}"),
        ]
    );
}

#[test]
fn includes_are_read_as_mdbook_reads_them() {
    let b = Book::new();
    // Spaces after `{{` and a directive over two lines are includes to mdBook: the listing is shown, and a
    // misspelled anchor in the two-line directive is found.
    b.edit(
        "src/junior/j01.md",
        "{{#rustdoc_include ../../listings/j01/hello/src/main.rs:body}}",
        "{{ #rustdoc_include ../../listings/j01/hello/src/main.rs:body }}",
    );
    assert_eq!(b.problems(), Vec::<String>::new());
    b.edit(
        "src/junior/j01.md",
        "Inline code:",
        "```rust\n{{#include\n    ../../listings/j01/hello/src/main.rs:bdoy}}\n```\n\nInline code:",
    );
    assert_eq!(
        b.problems(),
        [
            "src/junior/j01.md:13: {{#include ../../listings/j01/hello/src/main.rs:bdoy}}: anchor `bdoy` is not \
          defined in listings/j01/hello/src/main.rs (ANCHOR: bdoy … ANCHOR_END: bdoy); anchors there: body"
        ]
    );
}

#[test]
fn a_chapter_shows_only_its_own_entry_s_listings() {
    let b = Book::new();
    b.edit(
        "src/junior/j02.md",
        "{{#include ../../listings/j02/other/src/main.rs}}",
        "{{#include ../../listings/j02/other/src/main.rs}}\n```\n\n```rust\n\
         {{#rustdoc_include ../../listings/j01/hello/src/main.rs:body}}",
    );
    assert_eq!(
        b.problems(),
        [
            "src/junior/j02.md:12: {{#rustdoc_include ../../listings/j01/hello/src/main.rs:body}}: a chapter of \
          entry J02 may include only listings/j02/…, not another entry's listing (listings/j01/hello/src/main.rs)"
        ]
    );
    // Pages without an entry id may show any listing.
    b.write(
        "src/introduction.md",
        "# Introduction\n\n```rust\n{{#rustdoc_include ../listings/j02/other/src/main.rs}}\n```\n",
    );
    assert_eq!(b.problems().len(), 1);
}

#[test]
fn every_anchor_is_included_and_comments_do_not_show() {
    let b = Book::new();
    b.listing(
        "j01",
        "hello",
        "fn main() {\n    // ANCHOR: body\n    println!(\"hello\");\n    // ANCHOR_END: body\n    \
         // ANCHOR: unused\n    let _ = 1;\n    // ANCHOR_END: unused\n    // ANCHOR: open\n}\n",
    );
    assert_eq!(
        b.problems(),
        [
            "listings/j01/hello/src/main.rs:5: anchor `unused` is not included by any chapter: include \
             `listings/j01/hello/src/main.rs:unused` in a chapter, or remove the anchor",
            "listings/j01/hello/src/main.rs:8: anchor `open` has no `ANCHOR_END: open`",
        ]
    );
    // An include inside an HTML comment is expanded by mdBook but invisible: it shows nothing.
    let b = Book::new();
    b.edit(
        "src/junior/j02.md",
        "```rust\n{{#include ../../listings/j02/other/src/main.rs}}\n```",
        "<!--\n```rust\n{{#include ../../listings/j02/other/src/main.rs}}\n```\n-->",
    );
    assert_eq!(
        b.problems(),
        [
            "listings/j02/other/Cargo.toml: listing `j02-other` is not shown by any chapter: include \
          listings/j02/other/src/main.rs in a ```rust block of a chapter listed in SUMMARY.md (an include inside \
          an HTML comment does not count)"
        ]
    );
}

#[test]
fn hand_written_label_markup_is_rejected_outside_code() {
    let b = Book::new();
    b.edit(
        "src/junior/j01.md",
        "See [the second]",
        "<div class=\"listing-behaviour behaviour-output\">\n\n<span class='behaviour-badge'>✔ prints</span>\n\n</div>\n\n\
         ```html\n<div class=\"listing-behaviour\">shown as an example</div>\n```\n\nSee [the second]",
    );
    let why = "captions, behaviour labels, badges and chapter lists are generated from the declarations by the \
               preprocessor; do not write their markup by hand";
    assert_eq!(
        b.problems(),
        [
            format!("src/junior/j01.md:20: `class=\"listing-behaviour`: {why}"),
            format!("src/junior/j01.md:22: `class='behaviour-badge`: {why}"),
        ]
    );
}

#[test]
fn go_blocks_are_listings_or_marked_fragments() {
    let b = Book::new();
    b.go_listing(
        "j02",
        "go-torn",
        "package main\n\n// ANCHOR: body\nfunc main() {}\n// ANCHOR_END: body\n",
    );
    // Shown with an anchor: clean.
    b.edit(
        "src/junior/j02.md",
        "```go,fragment",
        "```go\n{{#include ../../listings/j02/go-torn/main.go:body}}\n```\n\n```go,fragment",
    );
    assert_eq!(b.problems(), Vec::<String>::new());
    // A plain ```go block, a fragment with extra attributes, and a Go listing not shown.
    let b = Book::new();
    b.go_listing("j02", "go-torn", "package main\n\nfunc main() {}\n");
    b.edit(
        "src/junior/j02.md",
        "```go,fragment",
        "```go\nfunc g() {}\n```\n\n```go,fragment,ignore",
    );
    assert_eq!(
        b.problems(),
        [
            "listings/j02/go-torn/listing.toml: listing `j02-go-torn` is not shown by any chapter: include \
             listings/j02/go-torn/main.go in a ```go block of a chapter listed in SUMMARY.md (an include inside an \
             HTML comment does not count)",
            "src/junior/j02.md:11: a ```go block must show a Go listing (`{{#include \
             ../../listings/<entry>/<name>/main.go}}`, a directory with go.mod, main.go and listing.toml) or be \
             marked ```go,fragment (checked for syntax only)",
            "src/junior/j02.md:15: a Go fragment's fence is ```go,fragment; remove `ignore`",
        ]
    );
    // Another entry's Go listing.
    let b = Book::new();
    b.go_listing("j01", "go-torn", "package main\n\nfunc main() {}\n");
    b.edit(
        "src/junior/j02.md",
        "```go,fragment",
        "```go\n{{#include ../../listings/j01/go-torn/main.go}}\n```\n\n```go,fragment",
    );
    assert_eq!(
        b.problems(),
        [
            "src/junior/j02.md:12: {{#include ../../listings/j01/go-torn/main.go}}: a chapter of entry J02 may include \
          only listings/j02/…, not another entry's listing (listings/j01/go-torn/main.go)"
        ]
    );
}

#[test]
fn go_fragments_are_syntax_checked_when_go_is_there() {
    let b = Book::new();
    b.edit(
        "src/junior/j02.md",
        "func f() int { return 1 }",
        "x := 1\nif x > {\n}",
    );
    let r = b.check();
    let fragments = book::go_fragments(b.root(), &r.chapters);
    assert_eq!(fragments.len(), 1);
    assert_eq!(
        (fragments[0].file.as_str(), fragments[0].line),
        ("src/junior/j02.md", 12)
    );
    let Some(gofmt) = book::find_gofmt() else {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        assert!(
            !ci,
            "CI must check Go fragments, but gofmt was not found (set GO or GOFMT)"
        );
        eprintln!("gofmt not found: the syntax half of this test is skipped (set GO or GOFMT)");
        return;
    };
    let d: Vec<String> = book::check_go_fragments(&gofmt, &fragments)
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(!d.is_empty());
    assert!(
        d[0].starts_with("src/junior/j02.md:13: Go fragment: "),
        "{d:?}"
    );
    b.edit("src/junior/j02.md", "if x > {", "if x > 0 {");
    let fragments = book::go_fragments(b.root(), &b.check().chapters);
    assert_eq!(book::check_go_fragments(&gofmt, &fragments), vec![]);
}

#[test]
fn question_chapters_declare_a_one_sentence_summary() {
    let b = Book::new();
    b.edit(
        "src/junior/j01.md",
        "<!-- summary: The first question, answered in one sentence. -->\n",
        "",
    );
    b.edit(
        "src/junior/j02.md",
        "<!-- summary: The second one, also in one sentence. -->",
        "<!-- summary: Two sentences. Not one. -->",
    );
    assert_eq!(
        b.problems(),
        [
            "src/junior/j01.md:1: a question chapter declares its one-sentence summary for the part overview on \
             the line right after the title: `<!-- summary: One sentence that answers the question on its own. -->`",
            "src/junior/j02.md:3: the summary comment must be one sentence, e.g. `<!-- summary: One sentence that \
             answers the question on its own. -->`",
        ]
    );
    b.edit(
        "src/junior/j02.md",
        "<!-- summary: Two sentences. Not one. -->",
        "<!-- summary: See [J01](j01.md). -->",
    );
    assert!(b.problems()[1].contains("must stand alone, without links"));
}

#[test]
fn summary_level_and_listings_problems_name_file_and_line() {
    let b = Book::new();
    b.edit("src/SUMMARY.md", "junior/j02.md", "junior/j02-missing.md");
    b.edit("src/junior/j01.md", "# J01 · First", "# First");
    b.edit(
        "src/junior/j01.md",
        "[the second](j02.md)",
        "[the second](j03.md)",
    );
    std::fs::remove_dir_all(b.root().join("listings/j02")).unwrap();
    b.listing("j01", "extra", "fn main() {}\n");
    b.edit(
        "listings/j01/extra/Cargo.toml",
        "behaviour = \"output\"",
        "behavior = \"output\"",
    );
    let p = b.problems();
    assert_eq!(
        p,
        [
            "listings/j01/extra/Cargo.toml:6: invalid manifest: missing field `behaviour`",
            "src/SUMMARY.md:9: `J02 · Second question` links to src/junior/j02-missing.md, which does not exist",
            "src/junior/j01.md:1: the chapter title `First question` must start with its entry id `J01 · `",
            "src/junior/j01.md:20: link to `j03.md`: the page does not exist",
        ],
        "{p:#?}"
    );
}

#[test]
fn deleted_and_undeclared_listings() {
    let b = Book::new();
    std::fs::remove_dir_all(b.root().join("listings/j01/hello")).unwrap();
    b.edit(
        "listings/j02/other/Cargo.toml",
        "[package.metadata.listing]\nbehaviour = \"output\"\nstdout = \"hello\\n\"\n",
        "",
    );
    let p = b.problems();
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(
        p[0].starts_with("listings/j02/other/Cargo.toml: no declared behaviour"),
        "{p:#?}"
    );
    assert_eq!(
        p[1],
        "src/junior/j01.md:9: {{#rustdoc_include ../../listings/j01/hello/src/main.rs:body}}: the file \
         listings/j01/hello/src/main.rs does not exist"
    );
}

#[test]
fn a_book_without_listings_is_an_error() {
    let b = Book::new();
    std::fs::remove_dir_all(b.root().join("listings")).unwrap();
    let p = b.problems();
    assert!(
        p.contains(
            &"listings: the book has no listings/ directory (is this the book's root?)".to_string()
        ),
        "{p:#?}"
    );
}

/// Renders the fixture with the preprocessor and mdBook's `links`, as `mdbook build` does.
fn render(b: &Book) -> Vec<(PathBuf, String)> {
    use mdbook_driver::MDBook;
    use mdbook_driver::book::BookItem;
    use mdbook_driver::builtin_preprocessors::LinkPreprocessor;
    use mdbook_listings::mdbook_preprocessor::{Preprocessor, PreprocessorContext};
    let md = MDBook::load(b.root()).unwrap();
    let ctx = PreprocessorContext::new(b.root().to_path_buf(), md.config.clone(), "html".into());
    let report = b.check();
    let book =
        mdbook_listings::render_book(&b.root().join("src"), &report.listings, md.book).unwrap();
    let book = LinkPreprocessor::new().run(&ctx, book).unwrap();
    book.iter()
        .filter_map(|i| match i {
            BookItem::Chapter(ch) => Some((ch.source_path.clone()?, ch.content.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn rendering_uses_the_declared_summary_and_emits_the_level_table() {
    let b = Book::new();
    let pages = render(&b);
    let page = |p: &str| {
        pages
            .iter()
            .find(|(path, _)| path == Path::new(p))
            .map(|(_, c)| c.as_str())
            .unwrap()
    };
    let overview = page("junior/overview.md");
    assert!(
        overview.contains(
            "- **[J01 · First question](j01.md)** — The first question, answered in one sentence.\n\
             - **[J02 · Second question](j02.md)** — The second one, also in one sentence.\n"
        ),
        "{overview}"
    );
    assert!(
        overview.contains("2 of the 18 questions of this part are written"),
        "{overview}"
    );
    let tag = levels::script_tag();
    for (path, content) in &pages {
        assert!(
            content.ends_with(&tag),
            "{} has no level table",
            path.display()
        );
    }
    let j01 = page("junior/j01.md");
    assert!(
        j01.starts_with(
            "# J01 · First question\n\n<div class=\"chapter-meta\" data-level=\"junior\"><span class=\"level-badge\""
        ),
        "{j01}"
    );
    assert!(j01.contains("<!-- summary: The first question, answered in one sentence. -->"));
    // The listing is expanded and labelled from its declaration.
    assert!(j01.contains("    println!(\"hello\");\n"), "{j01}");
    assert!(
        j01.contains("<div class=\"listing-behaviour behaviour-output\">"),
        "{j01}"
    );
}

const PUZZLE: &str = "\n[package.metadata.puzzle]\nwrong-classes = [\"deadlock\", \"panic\"]\nwrong-details = [\"hello\\nhello\\n\"]\n";

#[test]
fn puzzle_mistakes_name_the_manifest_and_line() {
    let b = Book::new();
    // A wrong answer equal to the verified one, twice: the class and the output (one final newline aside).
    b.write(
        "listings/j01/hello/Cargo.toml",
        &(b.read("listings/j01/hello/Cargo.toml")
            + "\n[package.metadata.puzzle]\nwrong-classes = [\"deadlock\", \"output\", \"spinning\"]\nwrong-details = [\"hello\"]\n"),
    );
    // A puzzle no chapter shows.
    b.listing("j02", "unshown", "fn main() {}\n");
    b.write(
        "listings/j02/unshown/Cargo.toml",
        &(b.read("listings/j02/unshown/Cargo.toml") + PUZZLE),
    );
    // A wrong output offered for a behaviour that has none.
    b.edit(
        "listings/j02/other/Cargo.toml",
        "behaviour = \"output\"\nstdout = \"hello\\n\"\n",
        "behaviour = \"deadlock\"\nblocked = \"main waits\"\n",
    );
    b.write(
        "listings/j02/other/Cargo.toml",
        &(b.read("listings/j02/other/Cargo.toml") + PUZZLE),
    );
    let p = b.problems();
    assert_eq!(
        p,
        [
            "listings/j01/hello/Cargo.toml:11: puzzle: `output` is the listing's verified behaviour, not a wrong \
             answer: a wrong answer must differ from the right one",
            "listings/j01/hello/Cargo.toml:11: puzzle: `spinning` is not a behaviour of a Rust listing; use one of: \
             output, invariant, panic, deadlock, spin, leak, compile-fail, shutdown",
            "listings/j01/hello/Cargo.toml:12: puzzle: wrong detail 1 is the verified answer itself (\"hello\"): a \
             wrong answer must differ from the right one",
            "listings/j02/other/Cargo.toml:11: puzzle: `deadlock` is the listing's verified behaviour, not a wrong \
             answer: a wrong answer must differ from the right one",
            "listings/j02/other/Cargo.toml:12: puzzle: `wrong-details` offers wrong outputs or errors, but a \
             `deadlock` listing has none to choose from (only output, panic, fatal, vet, compile-fail and outcomes \
             whose usual outcome has one)",
            "listings/j02/unshown/Cargo.toml: listing `j02-unshown` is not shown by any chapter: include \
             listings/j02/unshown/src/main.rs in a ```rust block of a chapter listed in SUMMARY.md (an include \
             inside an HTML comment does not count)",
            "listings/j02/unshown/Cargo.toml:10: listing `j02-unshown` is a puzzle, but no question chapter shows \
             it: a puzzle's answer links to the chapter that explains it; include listings/j02/unshown/src/main.rs \
             in a ```rust block of a question chapter, or remove [package.metadata.puzzle]",
        ],
        "{p:#?}"
    );
}

#[test]
fn a_practice_page_lists_the_puzzles_then_the_answers_and_chapters_carry_their_data() {
    let b = Book::new();
    b.write(
        "listings/j01/hello/Cargo.toml",
        &(b.read("listings/j01/hello/Cargo.toml") + PUZZLE),
    );
    b.write(
        "src/SUMMARY.md",
        &b.read("src/SUMMARY.md").replace(
            "- [J02 · Second question](junior/j02.md)\n",
            "- [J02 · Second question](junior/j02.md)\n\n# Practice\n\n- [Practice · Junior](practice/junior.md)\n\n# Part X\n\n",
        ),
    );
    b.write(
        "src/practice/junior.md",
        "# Practice · Junior\n\n{{#puzzles junior}}\n",
    );
    assert_eq!(b.problems(), Vec::<String>::new());
    let pages = render(&b);
    let page = |p: &str| {
        pages
            .iter()
            .find(|(path, _)| path == Path::new(p))
            .map(|(_, c)| c.clone())
            .unwrap()
    };
    let practice = page("practice/junior.md");
    let question =
        practice.find("<section class=\"puzzle\" id=\"puzzle-1\" data-puzzle=\"j01-hello\">");
    let answers = practice.find("## Answers");
    let answer =
        practice.find("<div class=\"puzzle-answer\" id=\"answer-1\" data-puzzle=\"j01-hello\">");
    assert!(
        question.is_some() && question < answers && answers < answer,
        "{practice}"
    );
    // The question: the anchor's lines, dedented; the classes; the outputs, sorted; no label.
    let q = &practice[question.unwrap()..answers.unwrap()];
    assert!(
        q.contains(
            "<code class=\"language-rust noplayground\">println!(&quot;hello&quot;);</code>"
        ),
        "{q}"
    );
    assert!(q.contains("<li data-class=\"output\">Prints</li>\n<li data-class=\"panic\">Panics</li>\n<li data-class=\"deadlock\">Deadlocks</li>"), "{q}");
    assert!(
        q.contains(
            "<li><pre><code>hello</code></pre></li>\n<li><pre><code>hello\nhello</code></pre></li>"
        ),
        "{q}"
    );
    assert!(!q.contains("listing-behaviour"), "{q}");
    // The answer: the verified label, and the chapter that explains it.
    let a = &practice[answer.unwrap()..];
    assert!(
        a.contains("explained in [J01 · First question](../junior/j01.md#listing-j01-hello)"),
        "{a}"
    );
    assert!(
        a.contains("<div class=\"listing-behaviour behaviour-output\">"),
        "{a}"
    );
    assert!(practice.contains("\"answer\":\"output\""), "{practice}");
    // The chapter that shows the listing carries the puzzle's data; the other does not.
    assert!(page("junior/j01.md").contains(
        "<script type=\"application/json\" class=\"book-puzzles\">[{\"id\":\"j01-hello\",\"level\":\"junior\""
    ));
    assert!(!page("junior/j02.md").contains("book-puzzles"));
    // An unknown level is an error naming the page and line.
    b.write(
        "src/practice/junior.md",
        "# Practice · Junior\n\n{{#puzzles guru}}\n",
    );
    let md = mdbook_driver::MDBook::load(b.root()).unwrap();
    let err = mdbook_listings::render_book(&b.root().join("src"), &b.check().listings, md.book)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("src/practice/junior.md:3") && err.contains("guru"),
        "{err}"
    );
}

/// A reference table whose every cell must carry a proof, on J02's page, proving claims with J01's listing.
const PROOF_TABLE: &str = "<!-- every-cell-proven -->\n\n| op | result |\n| --- | --- |\n\
| print | says hello {{#proof j01/hello output \"hello\"}} |\n| again | same {{#proof j01/hello output}} |\n";

#[test]
fn proofs_are_checked_against_the_listing_s_declaration() {
    let b = Book::new();
    b.edit(
        "src/junior/j02.md",
        "```go,fragment",
        &format!("{PROOF_TABLE}\n```go,fragment"),
    );
    assert_eq!(b.problems(), Vec::<String>::new());
    b.edit(
        "src/junior/j02.md",
        "says hello {{#proof j01/hello output \"hello\"}}",
        "says hi {{#proof j01/hello output \"hi there\"}} {{#proof j01/hello panic}} {{#proof j01/nope output}} \
         {{#proof hello}}",
    );
    b.edit(
        "src/junior/j02.md",
        "same {{#proof j01/hello output}}",
        "same",
    );
    assert_eq!(
        b.problems(),
        [
            "src/junior/j02.md:15: a proof is written `{{#proof <entry>/<name> <class>}}` or `{{#proof \
             <entry>/<name> <class> \"fragment\"}}`, e.g. `{{#proof j08/go-close-twice panic \"close of closed \
             channel\"}}`",
            "src/junior/j02.md:15: proof `j01/hello`: \"hi there\" is not in what listings/j01/hello/Cargo.toml \
             declares: it asserts only \"hello\"",
            "src/junior/j02.md:15: proof `j01/hello`: the cell claims `panic`, but listings/j01/hello/Cargo.toml \
             declares `output`",
            "src/junior/j02.md:15: proof `j01/nope`: there is no listing listings/j01/nope/",
            "src/junior/j02.md:16: the cell in column 2 (`same`) has no proof: every cell of this page's tables \
             but the first column links to the listing that proves it (`{{#proof <entry>/<name> <class>}}`)",
        ]
    );
}

#[test]
fn a_proof_needs_a_listing_some_chapter_shows() {
    let b = Book::new();
    b.edit(
        "src/junior/j02.md",
        "```go,fragment",
        &format!("{PROOF_TABLE}\n```go,fragment"),
    );
    b.listing("j02", "unshown", "fn main() {}\n");
    b.edit(
        "src/junior/j02.md",
        "same {{#proof j01/hello output}}",
        "same {{#proof j02/unshown output}}",
    );
    let p = b.problems();
    assert!(
        p.contains(
            &"src/junior/j02.md:16: proof `j02/unshown`: no chapter shows this listing, so there is nothing to \
              link to"
                .to_string()
        ),
        "{p:#?}"
    );
}

#[test]
fn a_proof_renders_as_a_link_to_the_chapter_that_shows_the_listing() {
    let b = Book::new();
    b.edit(
        "src/junior/j02.md",
        "```go,fragment",
        &format!("{PROOF_TABLE}\n```go,fragment"),
    );
    // The introduction (no entry id) shows J01's listing too; the link still goes to J01's own chapter.
    b.write(
        "src/introduction.md",
        "# Introduction\n\n```rust\n{{#rustdoc_include ../listings/j01/hello/src/main.rs:body}}\n```\n",
    );
    assert_eq!(b.problems(), Vec::<String>::new());
    let pages = render(&b);
    let j02 = &pages
        .iter()
        .find(|(p, _)| p == Path::new("junior/j02.md"))
        .unwrap()
        .1;
    assert!(
        j02.contains(
            "| print | says hello <sup class=\"proof\" data-behaviour=\"output\">[J01](j01.md#listing-j01-hello \
             \"Rust listing j01-hello (output), tested: hello\")</sup> |"
        ),
        "{j02}"
    );
    assert!(!j02.contains("{{#proof"), "{j02}");
    let j01 = &pages
        .iter()
        .find(|(p, _)| p == Path::new("junior/j01.md"))
        .unwrap()
        .1;
    assert!(
        j01.contains("id=\"listing-j01-hello\""),
        "the link's anchor"
    );
}
