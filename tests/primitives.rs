//! The hand-built primitives' declarations, checked on every `cargo test` (fast: no model runs, no benchmark):
//! - every `[[package.metadata.model]]` is valid and names a test of the listing's tests/model.rs, and a listing
//!   with a tests/model.rs declares its models (the models themselves run with `--test models`);
//! - `bench/results.toml` is not older than the code it measures.

#[path = "common.rs"]
mod common;

use mdbook_listings::{bench, model};

#[test]
fn model_declarations_are_valid() {
    let mut problems = Vec::new();
    for l in common::listings() {
        match model::load(&l.dir, &l.manifest()) {
            Err(d) => problems.extend(d.iter().map(|d| d.to_string())),
            Ok(models) if models.is_empty() && l.dir.join(model::MODEL_FILE).is_file() => problems.push(format!(
                "{}: listings/{}/{} exists but no [[package.metadata.model]] declares its models",
                l.manifest(),
                l.rel,
                model::MODEL_FILE
            )),
            Ok(models) if !models.is_empty() => {
                let manifest = std::fs::read_to_string(l.dir.join("Cargo.toml")).unwrap_or_default();
                if !manifest.contains("[target.'cfg(loom)'.dependencies]") || !manifest.contains("book-model") {
                    problems.push(format!(
                        "{}: a listing with models needs `[target.'cfg(loom)'.dependencies] book-model.workspace = \
                         true` (see CONTRIBUTING)",
                        l.manifest()
                    ));
                }
            }
            Ok(_) => {}
        }
    }
    assert!(problems.is_empty(), "\n  {}\n", problems.join("\n  "));
}

#[test]
fn benchmark_results_are_not_stale() {
    let root = common::root();
    let results = bench::load(root).unwrap_or_else(|e| panic!("{e}"));
    if let Some(reason) = bench::stale(root, &results) {
        panic!("{reason}");
    }
    for (group, rows) in &results.groups {
        assert!(
            rows.iter().any(|m| m.name == bench::REFERENCE),
            "{}: group `{group}` has no `{}` row",
            bench::RESULTS,
            bench::REFERENCE
        );
    }
}
