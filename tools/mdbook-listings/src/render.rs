//! Rewrites a chapter so each listing carries its caption, the fence attributes its behaviour implies, and the
//! verified-behaviour label, all generated from the listing's declaration.

use crate::book::{listing_of, normalize};
use crate::markdown;
use crate::spec::{self, Behaviour, Listing};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The fence attributes a listing's behaviour implies (rustdoc semantics, also honoured by skeptic after the
/// book tests map `compile_fail`).
pub fn fence_attrs(b: &Behaviour) -> Vec<String> {
    match b {
        Behaviour::Output { .. } | Behaviour::Invariant { .. } => vec![],
        Behaviour::Panic { .. } => vec!["should_panic".into()],
        Behaviour::Deadlock { .. } | Behaviour::Spin { .. } | Behaviour::Leak { .. } => {
            vec!["no_run".into(), "noplayground".into()]
        }
        Behaviour::CompileFail { error, .. } => {
            let mut v = vec!["compile_fail".to_string()];
            v.extend(error.clone());
            v
        }
    }
}

/// The command a reader types to run (or, for compile-fail, to compile) the listing.
pub fn run_command(l: &Listing) -> String {
    match l.behaviour {
        Behaviour::CompileFail { .. } => {
            format!(
                "cargo build -p {} --features {}",
                l.package,
                spec::COMPILE_FAIL_FEATURE
            )
        }
        _ => format!("cargo run -p {}", l.package),
    }
}

/// Escapes `<`, `>` and `&` outside backtick code spans, so a caption like "a Mutex<Vec<T>> pool" is text, not HTML.
pub fn escape_prose(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_code = false;
    for c in s.chars() {
        match c {
            '`' => {
                in_code = !in_code;
                out.push(c);
            }
            '<' if !in_code => out.push_str("&lt;"),
            '>' if !in_code => out.push_str("&gt;"),
            '&' if !in_code => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// The caption shown above a listing.
pub fn caption(l: &Listing) -> String {
    format!(
        "<div class=\"listing-caption\" id=\"listing-{pkg}\">\n\n\
         <a class=\"listing-name\" href=\"#listing-{pkg}\">Listing {pkg}</a> · {desc} · \
         <code class=\"listing-run\">{cmd}</code>\n\n</div>\n",
        pkg = l.package,
        desc = escape_prose(l.description.trim()),
        cmd = run_command(l),
    )
}

fn text_block(text: &str) -> String {
    let longest = text
        .lines()
        .map(|l| l.chars().take_while(|&c| c == '`').count())
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}text\n{}\n{fence}\n", text.trim_end_matches('\n'))
}

/// The author's prose as a sentence: trimmed, ending with a full stop.
fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '!', '?', ':']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

fn badge(class: &str, text: &str) -> String {
    format!("<span class=\"behaviour-badge\" data-behaviour=\"{class}\">{text}</span>")
}

/// The verified-behaviour label shown under a listing.
pub fn label(l: &Listing) -> String {
    let alive = spec::ALIVE_AFTER_MS;
    let window = spec::WINDOW_MS;
    let b = &l.behaviour;
    let class = b.class();
    let mut body = String::new();
    match b {
        Behaviour::Output { stdout } => {
            body += &format!(
                "{} Verified: the test runs it and compares the whole output.\n\n",
                badge(class, "✔ prints")
            );
            body += &text_block(stdout);
        }
        Behaviour::Invariant {
            invariant,
            unordered_lines,
            first_line,
            last_line,
            each_line_matches,
            contains_lines,
            line_count,
        } => {
            body += &format!(
                "{} The output changes from run to run. Verified property: {}\n\n",
                badge(class, "✔ prints (order varies)"),
                escape_prose(&sentence(invariant))
            );
            let mut checks = Vec::new();
            if let Some(n) = line_count {
                checks.push(format!("exactly {n} lines"));
            }
            if let Some(f) = first_line {
                checks.push(format!("first line `{f}`"));
            }
            if let Some(f) = last_line {
                checks.push(format!("last line `{f}`"));
            }
            for c in contains_lines {
                checks.push(format!("contains the line `{c}`"));
            }
            if let Some(re) = each_line_matches {
                checks.push(format!("every line matches the pattern `{re}`"));
            }
            if !checks.is_empty() {
                body += &format!("Checked: {}.\n\n", checks.join("; "));
            }
            if let Some(lines) = unordered_lines {
                body += "These lines, in an order that varies:\n\n";
                body += &text_block(lines);
            }
        }
        Behaviour::Panic { panic, stdout } => {
            if let Some(out) = stdout {
                body += "It prints\n\n";
                body += &text_block(out);
                body += "\nand then ";
            }
            body += &format!(
                "{} Verified: the process dies of a panic (exit status 101) with this message:\n\n",
                badge(class, "✔ panics")
            );
            body += &text_block(panic);
        }
        Behaviour::Deadlock { blocked, stdout } => {
            body += &format!(
                "{} Verified: still running after {alive} ms, every thread blocked on a lock, channel or join \
                 (none merely sleeping), and no CPU used over {window} ms. {}\n",
                badge(class, "✔ deadlocks"),
                escape_prose(&sentence(blocked))
            );
            if let Some(out) = stdout {
                body += "\nBefore it blocks, it prints:\n\n";
                body += &text_block(out);
            }
        }
        Behaviour::Spin { spinning } => {
            body += &format!(
                "{} Verified: still running after {alive} ms and burning CPU, not blocked. {}\n",
                badge(class, "✔ busy-spins"),
                escape_prose(&sentence(spinning))
            );
        }
        Behaviour::Leak {
            leaked,
            leaked_threads,
            stdout,
        } => {
            let threads = if *leaked_threads == 1 {
                "1 thread".to_string()
            } else {
                format!("{leaked_threads} threads")
            };
            body += &format!(
                "{} Verified: it prints the output below, then {threads} besides `main` stay blocked forever. {}\n\n",
                badge(class, "✔ leaks"),
                escape_prose(&sentence(leaked))
            );
            body += &text_block(stdout);
        }
        Behaviour::CompileFail { error, message } => {
            let head = match error {
                Some(code) => format!("error[{code}]"),
                None => "error".to_string(),
            };
            body += &format!(
                "{} Verified: the compiler rejects it with\n\n",
                badge(class, "✘ does not compile")
            );
            body += &text_block(&format!("{head}: {}", message.trim()));
        }
    }
    body += &crate::model::label(&l.dir); // its loom models, if it declares any (model.rs)
    format!("<div class=\"listing-behaviour behaviour-{class}\">\n\n{body}\n</div>\n")
}

/// Rewrites one chapter. `file` is the chapter's absolute path (includes are relative to its directory).
pub fn render_chapter(file: &Path, text: &str, listings: &BTreeMap<PathBuf, &Listing>) -> String {
    let dir = file.parent().unwrap_or(Path::new("."));
    let fences = markdown::fences(text);
    let includes = markdown::includes(text);
    // For each rust fence that shows a listing's main.rs: the listing.
    let mut shows: Vec<(usize, &Listing)> = Vec::new();
    for (fi, f) in fences.iter().enumerate().filter(|(_, f)| f.is_rust()) {
        let listing = includes
            .iter()
            .filter(|i| f.contains(i.line))
            .find_map(|i| {
                let target = normalize(&dir.join(&i.path));
                target
                    .ends_with("src/main.rs")
                    .then(|| listing_of(&target, listings))
                    .flatten()
            });
        if let Some(l) = listing {
            shows.push((fi, l));
        }
    }
    let first_of = |fi: usize, l: &Listing| {
        shows.iter().find(|(_, x)| x.rel == l.rel).map(|s| s.0) == Some(fi)
    };
    let last_of = |fi: usize, l: &Listing| {
        shows
            .iter()
            .rev()
            .find(|(_, x)| x.rel == l.rel)
            .map(|s| s.0)
            == Some(fi)
    };
    let mut opens: BTreeMap<usize, (usize, &Listing)> = BTreeMap::new();
    let mut closes: BTreeMap<usize, (usize, &Listing)> = BTreeMap::new();
    for &(fi, l) in &shows {
        let f = &fences[fi];
        opens.insert(f.open, (fi, l));
        if let Some(c) = f.close {
            closes.insert(c, (fi, l));
        }
    }
    let mut out = String::with_capacity(text.len() + 1024);
    for (i, line) in text.lines().enumerate() {
        if let Some(&(fi, l)) = opens.get(&i) {
            let f = &fences[fi];
            if first_of(fi, l) {
                out += &caption(l);
                out += "\n";
            }
            let mut attrs = f.attrs();
            for a in fence_attrs(&l.behaviour) {
                if !attrs.contains(&a) {
                    attrs.push(a);
                }
            }
            out += &format!("{}{}{}\n", f.indent, f.marker, attrs.join(","));
            continue;
        }
        out += line;
        out += "\n";
        if let Some(&(fi, l)) = closes.get(&i)
            && last_of(fi, l)
        {
            out += "\n";
            out += &label(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_escaped_outside_code_only() {
        assert_eq!(
            escape_prose("a Mutex<Vec<T>> & `Vec<T>`"),
            "a Mutex&lt;Vec&lt;T&gt;&gt; &amp; `Vec<T>`"
        );
        assert_eq!(sentence(" blocks forever "), "blocks forever.");
        assert_eq!(sentence("blocks forever."), "blocks forever.");
    }
}
