//! Build-time half of the `challenges` test (included by `build.rs`): finds every crate under `listings/c*/` that
//! declares `[package.metadata.challenge]`, and compiles the challenge's test suite (the reader's `tests/*.rs`)
//! once per such crate, as a module in which the exercise crate's name is replaced by that crate's. `#[test]`
//! functions become entries of the module's `TESTS` table, which `challenges.rs` runs and judges.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The text of `challenges.rs` (written to OUT_DIR). A contributor mistake becomes a `compile_error!` naming the
/// file.
pub fn generate(root: &Path) -> String {
    let deps = std::fs::read_to_string(root.join("tests/Cargo.toml")).unwrap_or_default();
    let mut modules = String::new();
    let mut table = String::from("pub const IMPLS: &[Impl] = &[\n");
    for dir in challenge_dirs(root) {
        let manifest = dir.join("Cargo.toml");
        let man_rel = rel(root, &manifest);
        let Ok(text) = std::fs::read_to_string(&manifest) else {
            continue;
        };
        let parsed: toml::Table = match text.parse() {
            Ok(t) => t,
            Err(e) => return error(&format!("{man_rel}: {e}")),
        };
        let package = &parsed["package"];
        let Some(decl) = package
            .get("metadata")
            .and_then(|m| m.get("challenge"))
            .and_then(|c| c.as_table())
        else {
            continue;
        };
        let name = package["name"].as_str().unwrap_or_default().to_string();
        let ident = name.replace('-', "_");
        let s = |k: &str| decl.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let Some(suite) = s("suite") else {
            return error(&format!(
                "{man_rel}: [package.metadata.challenge] needs `suite`, the path of the reader's test file"
            ));
        };
        let suite_path = normalize(&dir.join(&suite));
        let suite_rel = rel(root, &suite_path);
        let Ok(suite_text) = std::fs::read_to_string(&suite_path) else {
            return error(&format!(
                "{man_rel}: `suite = \"{suite}\"`: there is no file {suite_rel}"
            ));
        };
        // The crate the suite was written for: the package that owns its tests/ directory.
        let owner = suite_path
            .parent()
            .and_then(Path::parent)
            .map(|d| d.join("Cargo.toml"));
        let owner_name = owner
            .and_then(|m| std::fs::read_to_string(m).ok())
            .and_then(|t| t.parse::<toml::Table>().ok())
            .and_then(|t| t["package"]["name"].as_str().map(str::to_string));
        let Some(owner_name) = owner_name else {
            return error(&format!(
                "{man_rel}: {suite_rel} is not in the tests/ directory of a crate"
            ));
        };
        if !deps.contains(&format!("{name} = ")) {
            return error(&format!(
                "{man_rel}: add `{name} = {{ path = \"../{}\" }}` to [dev-dependencies] in tests/Cargo.toml, so the \
                 challenges test can run {suite_rel} against it",
                rel(root, &dir)
            ));
        }
        let (body, tests) = match instantiate(&suite_text, &owner_name.replace('-', "_"), &ident) {
            Ok(x) => x,
            Err((line, why)) => return error(&format!("{suite_rel}:{line}: {why}")),
        };
        let expect = s("expect").unwrap_or_default();
        // The loom models declared to fail: what catches a wrong solution declared `expect = "loom"`.
        let failing_models: Vec<String> = package
            .get("metadata")
            .and_then(|m| m.get("model"))
            .and_then(|m| m.as_array())
            .into_iter()
            .flatten()
            .filter_map(|m| {
                let test = m.get("test")?.as_str()?;
                let fails = m.get("fails")?.as_str()?;
                Some(format!("`{test}` (fails with {fails:?})"))
            })
            .collect();
        if expect == "loom" && failing_models.is_empty() {
            return error(&format!(
                "{man_rel}: `expect = \"loom\"` says a loom model catches this wrong solution, but the manifest \
                 declares no [[package.metadata.model]] with `fails`"
            ));
        }
        let message = s("message").unwrap_or_default();
        let caught_by: Vec<String> = decl
            .get("caught-by")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        writeln!(
            modules,
            "#[allow(clippy::all, unused)]\npub mod {ident} {{\n{body}\n"
        )
        .unwrap();
        writeln!(modules, "    pub const TESTS: &[(&str, fn())] = &[").unwrap();
        for t in &tests {
            writeln!(modules, "        ({t:?}, {t}),").unwrap();
        }
        writeln!(modules, "    ];\n}}\n").unwrap();
        writeln!(
            table,
            "    Impl {{ package: {name:?}, manifest: {man_rel:?}, suite: {suite_rel:?}, expect: {expect:?}, \
             message: {message:?}, caught_by: &{caught_by:?}, models: &{failing_models:?}, \
             tests: {ident}::TESTS }},"
        )
        .unwrap();
    }
    table.push_str("];\n");
    let text = format!("{modules}\n{table}");
    text
}

/// The suite with `exercise` (a crate name in identifier form) replaced by `ident` as a whole word, `#[test]`
/// attributes removed, and the names of the test functions; or the line and reason it cannot be.
fn instantiate(
    suite: &str,
    exercise: &str,
    ident: &str,
) -> Result<(String, Vec<String>), (usize, String)> {
    let mut body = String::new();
    let mut tests = Vec::new();
    let mut pending: Option<usize> = None;
    // A test whose first statement must be `within(…)`: a hung test must fail, not hang the book's tests.
    let mut needs_within: Option<(usize, String)> = None;
    for (i, line) in suite.lines().enumerate() {
        let trimmed = line.trim();
        if let Some((at, name)) = &needs_within
            && !trimmed.is_empty()
            && !trimmed.starts_with("//")
        {
            if !trimmed.starts_with("within(") {
                return Err((
                    *at,
                    format!(
                        "test `{name}` must run its body in `challenge_kit::within(\"…\", || {{ … }})`, so that a \
                         hang fails the test instead of hanging the book's tests"
                    ),
                ));
            }
            needs_within = None;
        }
        if trimmed == "#[test]" {
            pending = Some(i + 1);
            body.push('\n');
            continue;
        }
        if trimmed.starts_with("#[should_panic") || trimmed.starts_with("#[ignore") {
            return Err((
                i + 1,
                "the challenges test does not support #[should_panic] or #[ignore]: \
                                assert the panic with std::panic::catch_unwind inside the test"
                    .into(),
            ));
        }
        if let Some(at) = pending {
            if let Some(rest) = trimmed.strip_prefix("fn ") {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !rest[name.len()..].starts_with("()") {
                    return Err((
                        i + 1,
                        format!("test `{name}` must take no arguments and return ()"),
                    ));
                }
                needs_within = Some((i + 1, name.clone()));
                tests.push(name);
                pending = None;
            } else if !trimmed.starts_with("#[") && !trimmed.starts_with("//") {
                return Err((
                    at,
                    "a #[test] attribute must be followed by `fn name()`".into(),
                ));
            }
        }
        body.push_str(&replace_word(line, exercise, ident));
        body.push('\n');
    }
    if tests.is_empty() {
        return Err((1, "the suite has no #[test] functions".into()));
    }
    Ok((body, tests))
}

fn replace_word(line: &str, from: &str, to: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find(from) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + from.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        out.push_str(&rest[..at]);
        out.push_str(if word(before) || word(after) {
            from
        } else {
            to
        });
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

fn challenge_dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let mut entries: Vec<PathBuf> = read_dirs(&root.join("listings"))
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('c'))
        })
        .collect();
    entries.sort();
    for e in entries {
        let mut inner = read_dirs(&e);
        inner.sort();
        dirs.extend(inner);
    }
    dirs
}

fn read_dirs(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect()
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).display().to_string()
}

fn error(msg: &str) -> String {
    format!("compile_error!({msg:?});\npub const IMPLS: &[Impl] = &[];\n")
}
