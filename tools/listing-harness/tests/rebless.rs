//! Re-blessing end to end: book listings are copied into a small book, their programs changed so the declaration
//! is stale, and [`Context::rebless`] (what `LISTINGS=overwrite` calls) must write exactly the new value into the
//! manifest, leave the rest of it as written, and make the listing pass; the classes and runs it must refuse leave
//! the manifest alone.
//!
//! The fixture book lives in the test target dir (its `target/` is kept between runs, so the builds are warm);
//! its listings are written afresh by every run.

use listing_harness::{Context, LIMITS, Outcome, go};
use mdbook_listings::spec::{self, Listing};
use std::path::{Path, PathBuf};

/// The book's own checkout.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fixture book named `name`, with a workspace like the book's and no listings.
fn book(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(root.join("listings"));
    std::fs::create_dir_all(root.join("listings")).unwrap();
    std::fs::write(
        root.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"listings/*/[!g]*\"]\n\n[workspace.package]\n\
         edition = \"2024\"\n\n[workspace.lints.rust]\n",
    )
    .unwrap();
    root
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Copies the book's listing `from` into the fixture book as `to`, renaming its package (the copies are named
/// `rebless-…`, so their binaries are never taken for the book's own when a shared `CARGO_TARGET_DIR` is set).
fn copy_listing(root: &Path, from: &str, to: &str) {
    copy_dir(
        &repo().join("listings").join(from),
        &root.join("listings").join(to),
    );
    let cargo = format!("listings/{to}/Cargo.toml");
    if root.join(&cargo).is_file() {
        let name = |rel: &str| format!("name = \"{}\"", rel.replacen('/', "-", 1));
        edit(root, &cargo, &name(from), &name(to));
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap()
}

/// Replaces `from` (which must occur exactly once) by `to` in a file of the fixture book.
fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let text = read(root, rel);
    assert_eq!(text.matches(from).count(), 1, "{rel}: {from:?}");
    write(root, rel, &text.replacen(from, to, 1));
}

fn load(root: &Path, rel: &str) -> Listing {
    let (entry, name) = rel.split_once('/').unwrap();
    spec::load_listing(root, entry, name).unwrap_or_else(|d| panic!("{rel}: {d:?}"))
}

/// Re-blesses `rel`, which must fail first; checks the one-line message, that the manifest is the old one with
/// `old` replaced by `new`, and that the listing passes as re-loaded.
fn assert_reblessed(ctx: &Context, rel: &str, manifest: &str, field: &str, old: &str, new: &str) {
    let root = &ctx.root;
    let l = load(root, rel);
    let failure = ctx
        .check(&l)
        .expect_err("the stale declaration fails first");
    let before = read(root, &format!("listings/{rel}/{manifest}"));
    let r = ctx
        .rebless(&l)
        .unwrap_or_else(|e| panic!("{e}\n(it failed with: {failure})"));
    assert_eq!(
        r.message,
        format!("re-blessed `{field}` in listings/{rel}/{manifest} (review the diff)")
    );
    let after = read(root, &format!("listings/{rel}/{manifest}"));
    assert_eq!(before.matches(old).count(), 1, "{before}");
    assert_eq!(after, before.replacen(old, new, 1));
    assert_eq!(r.listing.behaviour, load(root, rel).behaviour);
    match ctx.check(&r.listing) {
        Ok(Outcome::Passed(_)) => {}
        other => panic!("{rel} after re-blessing: {other:?}"),
    }
}

/// Asserts that re-blessing `rel` is refused with a message containing `why`, and that its manifest is untouched.
fn assert_refused(ctx: &Context, rel: &str, manifest: &str, why: &str) {
    let l = load(&ctx.root, rel);
    let path = format!("listings/{rel}/{manifest}");
    let before = read(&ctx.root, &path);
    let err = ctx.rebless(&l).expect_err("refused");
    assert!(err.contains(why), "{rel}: {err}");
    assert!(err.contains(&path), "the refusal names the manifest: {err}");
    assert_eq!(
        read(&ctx.root, &path),
        before,
        "{rel}: a refusal writes nothing"
    );
}

#[test]
fn rust_listings_are_reblessed_and_the_evidence_classes_refused() {
    let root = book("rebless-rust");
    // `output`: a one-line basic string becomes the observed multi-line string; the comment-free rest stays.
    copy_listing(&root, "j05/mutex-counter", "j05/rebless-mutex-counter");
    edit(
        &root,
        "listings/j05/rebless-mutex-counter/src/main.rs",
        "\"counter = {}\"",
        "\"total = {}\\nthreads = 4\"",
    );
    // `panic`: the message changed; the declared stdout still holds.
    copy_listing(
        &root,
        "j17/negative-counter",
        "j17/rebless-negative-counter",
    );
    edit(
        &root,
        "listings/j17/rebless-negative-counter/src/main.rs",
        "panic!(\"negative WaitGroup counter\")",
        "panic!(\"WaitGroup counter below zero\")",
    );
    // `invariant` with `unordered-lines`, a comment and other properties that must survive.
    write(
        &root,
        "listings/j01/rebless-unordered/Cargo.toml",
        "[package]\nname = \"j01-rebless-unordered\"\ndescription = \"Lines in any order\"\nedition.workspace = true\n\n\
         [package.metadata.listing]\nbehaviour = \"invariant\"\ninvariant = \"each worker reports once\"\n\
         # Any order: the threads race to print.\nunordered-lines = \"\"\"\nworker 1\nworker 2\n\"\"\"\n\
         line-count = 2\n",
    );
    write(
        &root,
        "listings/j01/rebless-unordered/src/main.rs",
        "fn main() {\n    for w in [3, 1, 2] {\n        println!(\"worker {w}\");\n    }\n}\n",
    );
    // `deadlock`: evidence, never re-blessed.
    copy_listing(
        &root,
        "j05/rendezvous-deadlock",
        "j05/rebless-rendezvous-deadlock",
    );
    // `output`, but the program also exits with status 1: the observed stdout would not make it pass.
    write(
        &root,
        "listings/j01/rebless-exits/Cargo.toml",
        "[package]\nname = \"j01-rebless-exits\"\ndescription = \"Fails\"\nedition.workspace = true\n\n\
         [package.metadata.listing]\nbehaviour = \"output\"\nstdout = \"ok\\n\"\n",
    );
    write(
        &root,
        "listings/j01/rebless-exits/src/main.rs",
        "fn main() {\n    println!(\"not ok\");\n    std::process::exit(1);\n}\n",
    );
    let rels = [
        "j05/rebless-mutex-counter",
        "j17/rebless-negative-counter",
        "j01/rebless-unordered",
        "j05/rebless-rendezvous-deadlock",
        "j01/rebless-exits",
    ];
    let listings: Vec<Listing> = rels.iter().map(|r| load(&root, r)).collect();
    let ctx = Context::new(&root, &listings, LIMITS);

    assert_reblessed(
        &ctx,
        "j05/rebless-mutex-counter",
        "Cargo.toml",
        "stdout",
        "stdout = \"counter = 4000\"",
        "stdout = \"\"\"\ntotal = 4000\nthreads = 4\n\"\"\"",
    );
    assert_reblessed(
        &ctx,
        "j17/rebless-negative-counter",
        "Cargo.toml",
        "panic",
        "panic = \"negative WaitGroup counter\"",
        "panic = \"WaitGroup counter below zero\"",
    );
    // The line count is wrong too: re-blessing the lines alone would still fail, so nothing is written.
    assert_refused(&ctx, "j01/rebless-unordered", "Cargo.toml", "still fails");
    edit(
        &root,
        "listings/j01/rebless-unordered/Cargo.toml",
        "line-count = 2",
        "line-count = 3 # three workers",
    );
    assert_reblessed(
        &ctx,
        "j01/rebless-unordered",
        "Cargo.toml",
        "unordered-lines",
        "\"\"\"\nworker 1\nworker 2\n\"\"\"",
        "\"\"\"\nworker 3\nworker 1\nworker 2\n\"\"\"",
    );
    assert_refused(
        &ctx,
        "j05/rebless-rendezvous-deadlock",
        "Cargo.toml",
        "`deadlock` listings are never re-blessed",
    );
    assert_refused(
        &ctx,
        "j01/rebless-exits",
        "Cargo.toml",
        "with the observed `stdout`, the run still fails: it was expected to exit successfully",
    );
}

#[test]
fn go_listings_are_reblessed() {
    let root = book("rebless-go");
    copy_listing(
        &root,
        "j02/go-args-evaluated",
        "j02/go-rebless-args-evaluated",
    );
    edit(
        &root,
        "listings/j02/go-rebless-args-evaluated/main.go",
        "fmt.Println(\"main has\", x)",
        "fmt.Println(\"main now has\", x)",
    );
    copy_listing(&root, "j08/go-close-twice", "j08/go-rebless-close-twice");
    edit(
        &root,
        "listings/j08/go-rebless-close-twice/listing.toml",
        "panic = \"close of closed channel\"",
        "panic = \"closing a closed channel\"",
    );
    copy_listing(
        &root,
        "m14/go-panic-kills-all",
        "m14/go-rebless-panic-kills-all",
    );
    // Go listings are built when checked: the context needs no list of them.
    let ctx = Context::new(&root, &[], LIMITS);
    if let Err(go::Missing(why)) = ctx.go() {
        assert!(!go::required(), "CI is set and Go is missing: {why}");
        eprintln!(
            "note: Go re-bless test not run: {why}; {}",
            go::how_to_enable()
        );
        return;
    }
    assert_reblessed(
        &ctx,
        "j02/go-rebless-args-evaluated",
        "listing.toml",
        "stdout",
        "main has 2\n",
        "main now has 2\n",
    );
    // A stale panic value: the runtime's message is written back.
    assert_reblessed(
        &ctx,
        "j08/go-rebless-close-twice",
        "listing.toml",
        "panic",
        "panic = \"closing a closed channel\"",
        "panic = \"close of closed channel\"",
    );
    assert_refused(
        &ctx,
        "m14/go-rebless-panic-kills-all",
        "listing.toml",
        "`outcomes` listings are never re-blessed",
    );
}
