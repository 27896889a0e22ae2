//! A listing's loom models, declared in its `Cargo.toml` next to its behaviour:
//!
//! ```toml
//! [[package.metadata.model]]
//! test = "one_permit_three_threads"   # a #[test] in the listing's tests/model.rs
//! threads = 3                         # the model's threads, its main thread included (loom allows 2 to 5)
//! preemptions = 2                     # optional: loom's preemption bound; omitted = unbounded
//! proves = "at most one thread holds the permit, and every thread gets it"
//! # or, for a deliberately wrong variant, what loom must find instead of `proves`:
//! # fails = "2 threads inside a 1-permit semaphore"   (text of the panic loom reports)
//! ```
//!
//! The same declaration is what `cargo test -p book-tests --test models` runs (bounds passed to
//! `book_model::check`), what it asserts (pass, or fail with that message), and the label the reader sees.

use crate::spec::Diagnostic;
use serde::Deserialize;
use std::path::Path;

/// loom 0.7 runs at most this many threads in a model (`loom::rt::MAX_THREADS`).
pub const LOOM_MAX_THREADS: u32 = 5;
/// Where a listing's models live, relative to its directory.
pub const MODEL_FILE: &str = "tests/model.rs";

/// One declared model.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Model {
    /// The `#[test]` function in `tests/model.rs`.
    pub test: String,
    /// Threads in the model, its main thread included.
    pub threads: u32,
    /// loom's preemption bound; `None` explores every interleaving.
    pub preemptions: Option<u32>,
    /// What passing proves, in words (a correct primitive).
    pub proves: Option<String>,
    /// The panic message loom must report (a deliberately wrong primitive).
    pub fails: Option<String>,
}

impl Model {
    /// Must loom find a failing interleaving?
    pub fn expects_failure(&self) -> bool {
        self.fails.is_some()
    }

    /// "every interleaving of 3 threads with up to 2 preemptions".
    pub fn bounds(&self) -> String {
        let mut s = format!("every interleaving of {} threads", self.threads);
        match self.preemptions {
            Some(1) => s += " with up to 1 preemption",
            Some(k) => s += &format!(" with up to {k} preemptions"),
            None => {}
        }
        s
    }
}

#[derive(Deserialize)]
struct Manifest {
    package: Package,
}

#[derive(Deserialize)]
struct Package {
    metadata: Option<toml::Table>,
}

/// The models a listing declares (empty if none; a Go listing, without a Cargo.toml, has none), or every problem
/// with the declaration, naming the manifest.
pub fn load(dir: &Path, manifest: &str) -> Result<Vec<Model>, Vec<Diagnostic>> {
    let err = |m: String| vec![Diagnostic::new(manifest, 0, m)];
    if !dir.join("Cargo.toml").exists() && dir.join("go.mod").exists() {
        return Ok(Vec::new());
    }
    let text = std::fs::read_to_string(dir.join("Cargo.toml"))
        .map_err(|e| err(format!("cannot read the manifest: {e}")))?;
    let parsed: Manifest =
        toml::from_str(&text).map_err(|e| err(format!("invalid manifest: {e}")))?;
    let Some(decl) = parsed
        .package
        .metadata
        .as_ref()
        .and_then(|m| m.get("model"))
    else {
        return Ok(Vec::new());
    };
    let models: Vec<Model> = decl.clone().try_into().map_err(|e: toml::de::Error| {
        err(format!(
            "invalid [[package.metadata.model]]: {} (see CONTRIBUTING, \"Model-checking and benchmarking a \
             primitive\")",
            e.message()
        ))
    })?;
    let source = std::fs::read_to_string(dir.join(MODEL_FILE)).unwrap_or_default();
    let mut diags = Vec::new();
    let mut need = |ok: bool, what: String| {
        if !ok {
            diags.push(Diagnostic::new(manifest, 0, what));
        }
    };
    need(
        !models.is_empty(),
        "[[package.metadata.model]] declares no model".into(),
    );
    for (i, m) in models.iter().enumerate() {
        let name = &m.test;
        need(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            format!("model `{name}`: `test` must be the name of a #[test] function"),
        );
        need(
            source.contains(&format!("fn {name}(")),
            format!("model `{name}`: no `fn {name}(` in {MODEL_FILE}"),
        );
        need(
            (2..=LOOM_MAX_THREADS).contains(&m.threads),
            format!(
                "model `{name}`: `threads` must be 2 to {LOOM_MAX_THREADS} (loom's limit), not {}",
                m.threads
            ),
        );
        match (&m.proves, &m.fails) {
            (Some(p), None) => need(
                !p.trim().is_empty(),
                format!("model `{name}`: `proves` is empty"),
            ),
            (None, Some(f)) => need(
                !f.trim().is_empty(),
                format!("model `{name}`: `fails` (the panic message loom must report) is empty"),
            ),
            _ => need(
                false,
                format!(
                    "model `{name}`: give exactly one of `proves` (what passing shows) or `fails` (the panic \
                     message loom must find)"
                ),
            ),
        }
        need(
            !models[..i].iter().any(|o| &o.test == name),
            format!("model `{name}` is declared twice"),
        );
    }
    if diags.is_empty() {
        Ok(models)
    } else {
        Err(diags)
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The model-checking part of a listing's verified-behaviour label, generated from the declaration (empty if the
/// listing declares no model, or declares them wrongly: the `primitives` test reports that, naming the manifest).
pub fn label(dir: &Path) -> String {
    let Ok(models) = load(dir, "") else {
        return String::new();
    };
    let mut out = String::new();
    for m in &models {
        let test = format!("<code>{}</code>", escape(&m.test));
        match (&m.proves, &m.fails) {
            (Some(proves), _) => {
                out += &format!(
                    "\n<span class=\"behaviour-badge\" data-behaviour=\"model\">✔ model-checked</span> \
                     {bounds}, explored by loom (model {test}): {proves}\n\n",
                    bounds = capitalise(&m.bounds()),
                    proves = escape(proves.trim().trim_end_matches('.')) + ".",
                );
            }
            (None, Some(fails)) => {
                out += &format!(
                    "\n<span class=\"behaviour-badge\" data-behaviour=\"model-fails\">✘ loom finds the bug</span> \
                     Exploring {bounds}, loom finds one where the model {test} fails with this panic:\n\n\
                     ```text\n{fails}\n```\n\n",
                    bounds = m.bounds(),
                    fails = fails.trim(),
                );
            }
            (None, None) => {}
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(preemptions: Option<u32>) -> Model {
        Model {
            test: "t".into(),
            threads: 3,
            preemptions,
            proves: Some("ok".into()),
            fails: None,
        }
    }

    /// Writes a listing with `decl` appended to its manifest and `model_rs` as tests/model.rs; loads its models.
    fn load_decl(name: &str, decl: &str, model_rs: &str) -> Result<Vec<Model>, Vec<String>> {
        let dir = std::env::temp_dir().join(format!("model-decl-{}-{name}", std::process::id()));
        std::fs::create_dir_all(dir.join("tests")).unwrap();
        let manifest = format!("[package]\nname = \"x\"\n\n{decl}");
        std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
        std::fs::write(dir.join(MODEL_FILE), model_rs).unwrap();
        let out = load(&dir, "listings/x/y/Cargo.toml")
            .map_err(|d| d.iter().map(|d| d.to_string()).collect());
        std::fs::remove_dir_all(dir).unwrap();
        out
    }

    #[test]
    fn declarations_are_read_and_mistakes_named() {
        let src = "#[test]\nfn good() {}\n";
        let ok = "[[package.metadata.model]]\ntest = \"good\"\nthreads = 3\npreemptions = 2\nproves = \"p\"\n";
        let models = load_decl("ok", ok, src).unwrap();
        assert_eq!(models.len(), 1);
        assert_eq!(models[0].preemptions, Some(2));
        assert!(load_decl("none", "", src).unwrap().is_empty());

        let errors = load_decl(
            "bad",
            "[[package.metadata.model]]\ntest = \"gone\"\nthreads = 7\nproves = \"p\"\nfails = \"f\"\n",
            src,
        )
        .unwrap_err();
        let all = errors.join("\n");
        assert!(
            all.contains("listings/x/y/Cargo.toml: model `gone`: no `fn gone(` in tests/model.rs"),
            "{all}"
        );
        assert!(all.contains("`threads` must be 2 to 5"), "{all}");
        assert!(all.contains("exactly one of `proves`"), "{all}");

        let typo = load_decl(
            "typo",
            "[[package.metadata.model]]\ntest = \"good\"\nthread = 3\n",
            src,
        );
        assert!(typo.unwrap_err()[0].contains("unknown field `thread`"));
    }

    #[test]
    fn bounds_read_as_the_declaration_says() {
        assert_eq!(model(None).bounds(), "every interleaving of 3 threads");
        assert_eq!(
            model(Some(1)).bounds(),
            "every interleaving of 3 threads with up to 1 preemption"
        );
        assert_eq!(
            model(Some(2)).bounds(),
            "every interleaving of 3 threads with up to 2 preemptions"
        );
    }
}
