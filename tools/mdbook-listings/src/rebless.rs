//! Re-blessing: `LISTINGS=overwrite cargo test -p book-tests --test listings j05` rewrites a listing's declared
//! output in its manifest from what the program printed, as `TRYBUILD=overwrite` and mdBook's `SNAPSHOTS=overwrite`
//! do. Only plain output is re-blessed — `stdout` of an `output` listing, `unordered-lines` of an `invariant`
//! listing, the message of a `panic` listing — never the evidence of a deadlock, spin, leak or compile-fail listing,
//! and never when `CI` is set. The manifest keeps its formatting: comments, order, the other keys.

use crate::spec::{Behaviour, Listing};
use std::path::PathBuf;
use toml_edit::{DocumentMut, Item, Value};

/// The environment variable and the value that turn re-blessing on.
pub const ENV: &str = "LISTINGS";
pub const OVERWRITE: &str = "overwrite";

/// Is re-blessing requested? `Err` when it is requested where it must not happen (CI).
pub fn requested() -> Result<bool, String> {
    requested_in(
        std::env::var(ENV).ok().as_deref(),
        std::env::var_os("CI").is_some_and(|v| !v.is_empty()),
    )
}

fn requested_in(listings: Option<&str>, ci: bool) -> Result<bool, String> {
    match listings {
        Some(OVERWRITE) if ci => Err(format!(
            "{ENV}={OVERWRITE} is refused when CI is set: re-bless on your machine and review the diff"
        )),
        Some(OVERWRITE) => Ok(true),
        _ => Ok(false),
    }
}

/// The declaration key a re-bless may rewrite for this behaviour, or why none may be.
pub fn field(b: &Behaviour) -> Result<&'static str, String> {
    match b {
        Behaviour::Output { .. } => Ok("stdout"),
        Behaviour::Invariant {
            unordered_lines: Some(_),
            ..
        } => Ok("unordered-lines"),
        Behaviour::Panic { .. } => Ok("panic"),
        Behaviour::Invariant { .. } => Err(
            "an invariant listing without `unordered-lines` states properties, not output: edit it by hand"
                .to_string(),
        ),
        other => Err(format!(
            "`{}` listings are never re-blessed: their declaration is evidence reviewed by hand",
            other.class()
        )),
    }
}

/// Rewrites the string value at the dotted key path `field` (e.g. `package.metadata.listing.stdout`) to
/// `new_value`, keeping everything else of the manifest as written. The key must exist: a re-bless replaces a
/// declared value, it never adds one.
pub fn rebless(manifest_text: &str, field: &str, new_value: &str) -> Result<String, String> {
    let mut doc: DocumentMut = manifest_text
        .parse()
        .map_err(|e| format!("the manifest is not valid TOML: {e}"))?;
    let keys: Vec<&str> = field.split('.').collect();
    let (last, tables) = keys.split_last().ok_or("empty field path")?;
    let mut item: &mut Item = doc.as_item_mut();
    for k in tables {
        item = item
            .get_mut(k)
            .filter(|i| i.is_table_like() && !i.is_none())
            .ok_or_else(|| format!("the manifest has no table `{k}` on the path `{field}`"))?;
    }
    let slot = item
        .get_mut(last)
        .filter(|i| !i.is_none())
        .ok_or_else(|| format!("the manifest declares no `{field}` to re-bless"))?;
    let old = slot
        .as_value()
        .filter(|v| v.is_str())
        .ok_or_else(|| format!("`{field}` is not a string"))?;
    let decor = old.decor().clone();
    let repr = string_repr(new_value);
    let mut value: Value = repr
        .parse()
        .map_err(|e| format!("internal: cannot parse the written string {repr:?}: {e}"))?;
    *value.decor_mut() = decor;
    *slot = Item::Value(value);
    let out = doc.to_string();
    // The value must read back exactly as given.
    let check: DocumentMut = out.parse().map_err(|e| format!("internal: {e}"))?;
    let mut it: &Item = check.as_item();
    for k in &keys {
        it = it.get(k).ok_or("internal: the key vanished")?;
    }
    if it.as_str() != Some(new_value) {
        return Err(format!(
            "internal: the rewritten `{field}` does not read back as written"
        ));
    }
    Ok(out)
}

/// A TOML string for `s`: a multi-line basic string (`"""` on its own line, then the text) when it has line
/// breaks, as the manifests write their output, else a basic string.
pub fn string_repr(s: &str) -> String {
    let multi = s.contains('\n');
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(if multi { "\"\"\"\n" } else { "\"" });
    let chars: Vec<char> = s.chars().collect();
    let mut quotes = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '"' {
            quotes += 1;
            // In a multi-line string, escape every third quote of a run and a quote that ends the text; in a
            // basic string, every quote.
            let at_end = i + 1 == chars.len();
            if !multi || quotes % 3 == 0 || at_end {
                out.push_str("\\\"");
            } else {
                out.push('"');
            }
            continue;
        }
        quotes = 0;
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' if multi => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push_str(if multi { "\"\"\"" } else { "\"" });
    out
}

/// The manifest file of a listing and the key path of `field` in it.
pub fn manifest_field(l: &Listing, field: &str) -> (PathBuf, String) {
    let cargo = l.dir.join("Cargo.toml");
    if cargo.is_file() {
        (cargo, format!("package.metadata.listing.{field}"))
    } else {
        (l.dir.join("listing.toml"), field.to_string())
    }
}

/// Re-blesses a listing whose run printed `observed`: rewrites its manifest and says what changed. Refuses the
/// behaviours [`field`] refuses.
pub fn rebless_listing(l: &Listing, observed: &str) -> Result<String, String> {
    let field = field(&l.behaviour)?;
    let (path, key) = manifest_field(l, field);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    // A Go listing's listing.toml may hold the declaration at the top or under [listing].
    let new = rebless(&text, &key, observed).or_else(|e| match key.contains('.') {
        false => rebless(&text, &format!("listing.{key}"), observed),
        true => Err(e),
    })?;
    let shown = format!(
        "listings/{}/{}",
        l.rel,
        path.file_name().unwrap_or_default().to_string_lossy()
    );
    if new == text {
        return Ok(format!("`{field}` in {shown} is already as observed"));
    }
    std::fs::write(&path, new).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(format!("re-blessed `{field}` in {shown} (review the diff)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Lang;

    const MANIFEST: &str = r#"[package]
name = "j05-x"
description = "A caption"   # kept
edition.workspace = true

[package.metadata.listing]
behaviour = "output"
# The order is fixed by the channel.
stdout = """
old line
"""
"#;

    #[test]
    fn rewrites_only_the_declared_output() {
        let out = rebless(
            MANIFEST,
            "package.metadata.listing.stdout",
            "new 1\nnew \"2\"\n",
        )
        .unwrap();
        let expected = MANIFEST.replace("old line\n", "new 1\nnew \"2\"\n");
        assert_eq!(out, expected);
    }

    #[test]
    fn strings_read_back_exactly() {
        for s in [
            "a\n",
            "no newline",
            "ends with a quote\"",
            "\"\"\"triple\"\"\"\n",
            "back\\slash\ttab\n\n",
            "",
            "x\u{1}y",
        ] {
            let doc = format!("k = {}\n", string_repr(s));
            let parsed: DocumentMut = doc.parse().unwrap_or_else(|e| panic!("{doc}: {e}"));
            assert_eq!(parsed["k"].as_str(), Some(s), "{doc}");
        }
    }

    #[test]
    fn refuses_what_must_not_be_reblessed() {
        let err = rebless(MANIFEST, "package.metadata.listing.panic", "x").unwrap_err();
        assert!(
            err.contains("declares no `package.metadata.listing.panic`"),
            "{err}"
        );
        let dead = Behaviour::Deadlock {
            blocked: "b".into(),
            stdout: None,
            goroutines: None,
        };
        assert!(
            field(&dead)
                .unwrap_err()
                .contains("`deadlock` listings are never re-blessed")
        );
        let cf = Behaviour::CompileFail {
            error: None,
            errors: Vec::new(),
            message: "m".into(),
            line: None,
        };
        assert!(field(&cf).is_err());
        let out = Behaviour::Output {
            stdout: "x".into(),
            panics: Vec::new(),
            stderr: None,
        };
        assert_eq!(field(&out), Ok("stdout"));
        let panic = Behaviour::Panic {
            panic: "p".into(),
            stdout: None,
            panics: Vec::new(),
            stderr: None,
        };
        assert_eq!(field(&panic), Ok("panic"));
        assert_eq!(requested_in(Some("overwrite"), false), Ok(true));
        assert!(requested_in(Some("overwrite"), true).is_err());
        assert_eq!(requested_in(None, true), Ok(false));
        assert_eq!(requested_in(Some("yes"), false), Ok(false));
    }

    #[test]
    fn rebless_listing_rewrites_the_manifest_only_when_allowed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Cargo.toml"), MANIFEST).unwrap();
        let mut l = Listing {
            dir: dir.path().to_path_buf(),
            rel: "j05/x".into(),
            package: "j05-x".into(),
            lang: Lang::Rust,
            description: "A caption".into(),
            behaviour: Behaviour::Output {
                stdout: "old line\n".into(),
                panics: Vec::new(),
                stderr: None,
            },
        };
        let msg = rebless_listing(&l, "fresh\n").unwrap();
        assert_eq!(
            msg,
            "re-blessed `stdout` in listings/j05/x/Cargo.toml (review the diff)"
        );
        let text = std::fs::read_to_string(dir.path().join("Cargo.toml")).unwrap();
        assert_eq!(text, MANIFEST.replace("old line\n", "fresh\n"));
        l.behaviour = Behaviour::Spin {
            spinning: "s".into(),
        };
        assert!(rebless_listing(&l, "other\n").is_err());
        let after = std::fs::read_to_string(dir.path().join("Cargo.toml")).unwrap();
        assert_eq!(after, text, "a refused re-bless leaves the manifest alone");
        // A Go listing: listing.toml, the declaration under [listing].
        let go = tempfile::tempdir().unwrap();
        std::fs::write(
            go.path().join("listing.toml"),
            "[listing]\nbehaviour = \"output\"\nstdout = \"a\\n\"\n",
        )
        .unwrap();
        l.dir = go.path().to_path_buf();
        l.lang = Lang::Go;
        l.behaviour = Behaviour::Output {
            stdout: "a\n".into(),
            panics: Vec::new(),
            stderr: None,
        };
        rebless_listing(&l, "b\n").unwrap();
        let text = std::fs::read_to_string(go.path().join("listing.toml")).unwrap();
        assert_eq!(
            text,
            "[listing]\nbehaviour = \"output\"\nstdout = \"\"\"\nb\n\"\"\"\n"
        );
    }
}
