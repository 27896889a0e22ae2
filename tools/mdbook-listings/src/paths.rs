//! Path helpers shared by the checks and the renderers: lexical normalisation, paths relative to a page, the
//! listing a file belongs to.

use crate::spec::Listing;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// Lexically normalises a path (`a/b/../c` → `a/c`) without touching the file system.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// `p` relative to the book root, with `/` separators, for messages.
pub fn display(root: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(normalize(root)).unwrap_or(p);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// `to` relative to the directory `from_dir` (both relative to src/), with `/` separators.
pub fn relative(from_dir: &Path, to: &Path) -> String {
    let norm = |p: &Path| -> Vec<String> {
        p.components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect()
    };
    let (from, to) = (norm(from_dir), norm(to));
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(to[common..].iter().cloned());
    parts.join("/")
}

/// The listing whose directory holds `target`, if any.
pub fn listing_of<'a>(
    target: &Path,
    listings: &BTreeMap<PathBuf, &'a Listing>,
) -> Option<&'a Listing> {
    target.ancestors().find_map(|a| listings.get(a).copied())
}

/// The entry folder (`j05`) of a path under `<root>/listings/<entry>/…`, if it is there.
pub fn listing_entry(root: &Path, target: &Path) -> Option<String> {
    let rel = target
        .strip_prefix(normalize(&root.join("listings")))
        .ok()?;
    match rel.components().next()? {
        Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_between_pages() {
        assert_eq!(
            relative(Path::new("junior"), Path::new("junior/j05.md")),
            "j05.md"
        );
        assert_eq!(
            relative(Path::new("mid"), Path::new("junior/j05.md")),
            "../junior/j05.md"
        );
        assert_eq!(
            relative(Path::new(""), Path::new("junior/j05.md")),
            "junior/j05.md"
        );
    }

    #[test]
    fn normalises_and_finds_the_entry() {
        let root = Path::new("/b");
        let t = normalize(Path::new("/b/src/junior/../../listings/j05/x/src/main.rs"));
        assert_eq!(t, Path::new("/b/listings/j05/x/src/main.rs"));
        assert_eq!(listing_entry(root, &t).as_deref(), Some("j05"));
        assert_eq!(listing_entry(root, Path::new("/b/src/a.rs")), None);
        assert_eq!(display(root, &t), "listings/j05/x/src/main.rs");
    }
}
