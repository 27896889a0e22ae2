//! Listings fit the book's code column: no line of a listing's source is longer than the `max_width` of
//! `listings/rustfmt.toml`. `cargo fmt --check` enforces that width for code; this check also covers what rustfmt
//! leaves alone (comments, string literals, macro bodies such as `select!` arms) and Go listings.

use std::path::Path;

/// The `max_width` of `listings/rustfmt.toml` under `root` (the repository).
pub fn max_width(root: &Path) -> Result<usize, String> {
    let path = root.join("listings/rustfmt.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: toml::Value =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    value
        .get("max_width")
        .and_then(toml::Value::as_integer)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("{}: no integer `max_width`", path.display()))
}

/// `file:line: N columns` for every source line of a listing wider than `max` (tabs count as 4 columns, as
/// mdBook's highlighter shows them).
pub fn long_lines(root: &Path, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(root.join("listings")) else {
        return out;
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        for listing in std::fs::read_dir(entry.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            for source in std::fs::read_dir(listing.path().join("src"))
                .into_iter()
                .flatten()
                .flatten()
            {
                let p = source.path();
                if p.extension().is_some_and(|e| e == "rs" || e == "go") {
                    files.push(p);
                }
            }
            let go = listing.path().join("main.go");
            if go.is_file() {
                files.push(go);
            }
        }
    }
    files.sort();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for (i, line) in text.lines().enumerate() {
            let width: usize = line.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
            if width > max {
                let rel = file.strip_prefix(root).unwrap_or(&file);
                out.push(format!("{}:{}: {width} columns", rel.display(), i + 1));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_fit_the_code_column() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let max = max_width(&root).unwrap();
        assert!(
            (80..=100).contains(&max),
            "listings/rustfmt.toml: max_width {max}"
        );
        let long = long_lines(&root, max);
        assert!(
            long.is_empty(),
            "lines wider than {max} columns (listings/rustfmt.toml); wrap the comment or split the string \
             with a `\\` line continuation:\n  {}",
            long.join("\n  ")
        );
    }
}
