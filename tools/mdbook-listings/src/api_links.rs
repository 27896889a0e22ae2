//! Links out of the book: the first mention of a documented API in each chapter links to its reference page.
//!
//! The table is `src/api-links.toml` (code span text → URL). [`ApiLinks::apply`] turns the first matching inline
//! code span of a chapter into a link; headings, block quotes, code blocks and HTML blocks (the generated captions
//! and labels) are left alone. [`check_versions`] keeps every URL pointing at the pinned versions.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The table's file name, in the book's source directory.
pub const FILE: &str = "api-links.toml";

#[derive(Debug, Default, Clone)]
pub struct ApiLinks {
    /// Code span text → URL.
    pub links: BTreeMap<String, String>,
    /// The Go release the pkg.go.dev links name, e.g. "go1.27.3".
    pub go_version: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct TableFile {
    go_version: Option<String>,
    #[serde(default)]
    links: BTreeMap<String, String>,
}

impl ApiLinks {
    /// Reads `<src>/api-links.toml`; a book without the file gets no links. A malformed file is an error naming it.
    pub fn load(src: &Path) -> Result<Self, String> {
        let path = src.join(FILE);
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Ok(Self::default());
        };
        Self::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let file: TableFile = toml::from_str(text).map_err(|e| e.to_string())?;
        for (key, url) in &file.links {
            if key.trim().is_empty() || key.contains('`') {
                return Err(format!(
                    "key `{key}`: must be the text of a code span, without backticks"
                ));
            }
            well_formed(url).map_err(|e| format!("`{key}`: {e}"))?;
        }
        Ok(Self {
            links: file.links,
            go_version: file.go_version,
        })
    }

    /// Links the first code span of each documented API in a chapter's markdown (spellings that share a URL, such as
    /// `thread::scope` and `std::thread::scope`, count as one API).
    pub fn apply(&self, chapter: &str) -> String {
        if self.links.is_empty() {
            return chapter.to_string();
        }
        let mut done: BTreeSet<&str> = BTreeSet::new();
        let mut out = String::with_capacity(chapter.len() + 512);
        let mut fence: Option<(char, usize)> = None;
        let mut in_html = false;
        for line in chapter.split_inclusive('\n') {
            let trimmed = line.trim_start();
            // Fenced code blocks (``` or ~~~, as long as the opening run or longer to close).
            let run_char = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
            let run = run_char.map_or(0, |c| trimmed.chars().take_while(|&x| x == c).count());
            match fence {
                Some((c, n)) => {
                    if run_char == Some(c) && run >= n && trimmed[run..].trim().is_empty() {
                        fence = None;
                    }
                    out += line;
                    continue;
                }
                None if run >= 3 => {
                    fence = run_char.map(|c| (c, run));
                    out += line;
                    continue;
                }
                None => {}
            }
            // HTML blocks (captions, labels, the chapter list's wrapper) run until a blank line.
            if trimmed.starts_with('<') {
                in_html = true;
            }
            if trimmed.trim().is_empty() {
                in_html = false;
            }
            if in_html
                || trimmed.starts_with('#')
                || trimmed.starts_with('>')
                || trimmed.starts_with("{{#")
            {
                out += line;
                continue;
            }
            out += &self.link_line(line, &mut done);
        }
        out
    }

    fn link_line<'a>(&'a self, line: &str, done: &mut BTreeSet<&'a str>) -> String {
        let bytes = line.as_bytes();
        let mut out = String::with_capacity(line.len());
        let mut i = 0;
        let mut copied = 0;
        // Square-bracket depth: a code span inside a link's text is already a link.
        let mut depth = 0usize;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => {
                    i += 2;
                    continue;
                }
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b'`' => {
                    let n = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                    let close = find_run(bytes, i + n, n);
                    let Some(close) = close else {
                        i += n;
                        continue;
                    };
                    let inner = &line[i + n..close];
                    let text = if n > 1 { inner.trim() } else { inner };
                    if depth == 0
                        && let Some(url) = self.links.get(text)
                        && !done.contains(url.as_str())
                    {
                        done.insert(url.as_str());
                        out += &line[copied..i];
                        out += "[";
                        out += &line[i..close + n];
                        out += "](";
                        out += url;
                        out += ")";
                        copied = close + n;
                    }
                    i = close + n;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        out += &line[copied..];
        out
    }
}

/// The start of the next run of exactly `n` backticks at or after `from`.
fn find_run(bytes: &[u8], from: usize, n: usize) -> Option<usize> {
    let mut j = from;
    while j < bytes.len() {
        if bytes[j] == b'`' {
            let m = bytes[j..].iter().take_while(|&&b| b == b'`').count();
            if m == n {
                return Some(j);
            }
            j += m;
        } else {
            j += 1;
        }
    }
    None
}

/// An absolute https URL on one of the documentation hosts, without spaces or markdown-breaking characters.
pub fn well_formed(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .ok_or_else(|| format!("`{url}` is not an https:// URL"))?;
    let host = rest.split('/').next().unwrap_or("");
    if !["doc.rust-lang.org", "docs.rs", "pkg.go.dev"].contains(&host) {
        return Err(format!(
            "`{url}`: host `{host}` is not doc.rust-lang.org, docs.rs or pkg.go.dev"
        ));
    }
    if let Some(c) = url
        .chars()
        .find(|c| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '"' | '`' | '[' | ']'))
    {
        return Err(format!("`{url}` contains `{c}`"));
    }
    Ok(())
}

/// Checks that every URL names the pinned version: `doc.rust-lang.org/<toolchain>/std/…`,
/// `docs.rs/<crate>/<Cargo.lock version>/<crate_name>/…`, `pkg.go.dev/<package>@<go-version>`. Returns one message
/// per problem.
pub fn check_versions(
    links: &ApiLinks,
    toolchain: &str,
    locked: &BTreeMap<String, String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (key, url) in &links.links {
        if let Err(e) = well_formed(url) {
            problems.push(format!("`{key}`: {e}"));
            continue;
        }
        let rest = &url["https://".len()..];
        let parts: Vec<&str> = rest.split('/').collect();
        match parts[0] {
            "doc.rust-lang.org" => {
                if parts.get(1) != Some(&toolchain) || parts.get(2) != Some(&"std") {
                    problems.push(format!(
                        "`{key}`: {url} should start with https://doc.rust-lang.org/{toolchain}/std/ (rust-toolchain.toml)"
                    ));
                }
            }
            "docs.rs" => {
                let krate = parts.get(1).copied().unwrap_or("");
                match locked.get(krate) {
                    None => problems.push(format!(
                        "`{key}`: {url} documents crate `{krate}`, which Cargo.lock does not contain"
                    )),
                    Some(v) if parts.get(2) != Some(&v.as_str()) => problems.push(format!(
                        "`{key}`: {url} should name {krate} {v}, the version in Cargo.lock"
                    )),
                    Some(_) => {
                        let module = krate.replace('-', "_");
                        if parts.get(3) != Some(&module.as_str()) {
                            problems.push(format!(
                                "`{key}`: {url} should continue with /{module}/ (the crate's docs)"
                            ));
                        }
                    }
                }
            }
            "pkg.go.dev" => {
                let Some(go) = &links.go_version else {
                    problems.push(format!(
                        "`{key}`: {url} is a Go link but the table has no go-version"
                    ));
                    continue;
                };
                let package = rest["pkg.go.dev/".len()..].split('#').next().unwrap_or("");
                if !package.ends_with(&format!("@{go}")) {
                    problems.push(format!(
                        "`{key}`: {url} should name the package at @{go}, e.g. https://pkg.go.dev/sync@{go}#WaitGroup"
                    ));
                }
            }
            _ => unreachable!("well_formed checked the host"),
        }
    }
    problems
}

/// Package name → version, from a Cargo.lock (packages listed twice in different versions are left out).
pub fn locked_versions(cargo_lock: &str) -> BTreeMap<String, String> {
    #[derive(serde::Deserialize)]
    struct Lock {
        #[serde(default)]
        package: Vec<Package>,
    }
    #[derive(serde::Deserialize)]
    struct Package {
        name: String,
        version: String,
    }
    let lock: Lock = toml::from_str(cargo_lock).unwrap_or(Lock { package: vec![] });
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in lock.package {
        seen.entry(p.name).or_default().push(p.version);
    }
    seen.into_iter()
        .filter(|(_, v)| v.len() == 1)
        .map(|(k, mut v)| (k, v.remove(0)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> ApiLinks {
        ApiLinks::parse(
            "go-version = \"go1.27.3\"\n[links]\n\
             \"thread::scope\" = \"https://doc.rust-lang.org/1.95.0/std/thread/fn.scope.html\"\n\
             \"sync.WaitGroup\" = \"https://pkg.go.dev/sync@go1.27.3#WaitGroup\"\n",
        )
        .unwrap()
    }

    #[test]
    fn links_the_first_mention_only_and_never_in_code_headings_or_html() {
        let md = "# J11 · `sync.WaitGroup`\n\n> **Interviewer:** \"What is a `sync.WaitGroup`?\"\n\n\
                  Use `thread::scope` here, and `thread::scope` again; ``sync.WaitGroup`` too.\n\n\
                  ```rust\nthread::scope(|s| {});\n```\n\n<div class=\"listing-behaviour\">\n\n\
                  See [`thread::scope`](x.md).\n";
        let out = table().apply(md);
        assert!(out.starts_with("# J11 · `sync.WaitGroup`\n"), "{out}");
        assert!(out.contains("\"What is a `sync.WaitGroup`?\""), "{out}");
        assert!(
            out.contains(
                "Use [`thread::scope`](https://doc.rust-lang.org/1.95.0/std/thread/fn.scope.html) here, and \
                 `thread::scope` again; [``sync.WaitGroup``](https://pkg.go.dev/sync@go1.27.3#WaitGroup) too."
            ),
            "{out}"
        );
        assert!(
            out.contains("```rust\nthread::scope(|s| {});\n```"),
            "{out}"
        );
        assert!(out.contains("See [`thread::scope`](x.md)."), "{out}");
        // A chapter that already links its first mention gets no second link.
        let two = ApiLinks::parse(
            "[links]\n\"thread::scope\" = \"https://doc.rust-lang.org/1.95.0/std/thread/fn.scope.html\"\n\
             \"std::thread::scope\" = \"https://doc.rust-lang.org/1.95.0/std/thread/fn.scope.html\"\n",
        )
        .unwrap();
        assert_eq!(
            two.apply("`std::thread::scope`, `thread::scope`\n"),
            "[`std::thread::scope`](https://doc.rust-lang.org/1.95.0/std/thread/fn.scope.html), `thread::scope`\n"
        );
        let linked = table().apply("[`thread::scope`](a.md) and `thread::scope`.\n");
        assert_eq!(
            linked,
            "[`thread::scope`](a.md) and [`thread::scope`](https://doc.rust-lang.org/1.95.0/std/thread/fn.scope.html).\n"
        );
    }

    #[test]
    fn html_blocks_end_at_a_blank_line() {
        let out =
            table().apply("<div class=\"x\">\n`thread::scope`\n</div>\n\nThen `thread::scope`.\n");
        assert!(
            out.starts_with("<div class=\"x\">\n`thread::scope`\n</div>\n"),
            "{out}"
        );
        assert!(out.ends_with("Then [`thread::scope`](https://doc.rust-lang.org/1.95.0/std/thread/fn.scope.html).\n"), "{out}");
    }

    #[test]
    fn versions_must_be_the_pinned_ones() {
        let mut locked = BTreeMap::new();
        locked.insert("tokio".to_string(), "1.54.1".to_string());
        let mut links = table();
        assert!(check_versions(&links, "1.95.0", &locked).is_empty());
        links.links.insert(
            "a".into(),
            "https://doc.rust-lang.org/stable/std/a.html".into(),
        );
        links.links.insert(
            "b".into(),
            "https://docs.rs/tokio/latest/tokio/fn.spawn.html".into(),
        );
        links
            .links
            .insert("c".into(), "https://docs.rs/rayon/1.0.0/rayon/".into());
        links
            .links
            .insert("d".into(), "https://pkg.go.dev/sync#Mutex".into());
        links
            .links
            .insert("e".into(), "http://docs.rs/tokio/1.54.1/tokio/".into());
        let problems = check_versions(&links, "1.95.0", &locked);
        assert_eq!(problems.len(), 5, "{problems:#?}");
        for (p, want) in problems.iter().zip(["`a`", "`b`", "`c`", "`d`", "`e`"]) {
            assert!(p.starts_with(want), "{p}");
        }
        assert!(ApiLinks::parse("[links]\n\"x\" = \"https://example.com/x\"\n").is_err());
        assert!(ApiLinks::parse("[links]\n\"`x`\" = \"https://docs.rs/x\"\n").is_err());
    }

    /// The book's own table: well-formed, and every URL names the version this repository pins.
    #[test]
    fn the_books_table_points_at_the_pinned_versions() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let links = ApiLinks::load(&root.join("src")).unwrap();
        assert!(links.links.len() > 50, "only {} links", links.links.len());
        let toolchain: toml::Value =
            toml::from_str(&std::fs::read_to_string(root.join("rust-toolchain.toml")).unwrap())
                .unwrap();
        let channel = toolchain["toolchain"]["channel"].as_str().unwrap();
        let locked = locked_versions(&std::fs::read_to_string(root.join("Cargo.lock")).unwrap());
        let problems = check_versions(&links, channel, &locked);
        assert!(
            problems.is_empty(),
            "src/{FILE}:\n  {}",
            problems.join("\n  ")
        );
    }
}
