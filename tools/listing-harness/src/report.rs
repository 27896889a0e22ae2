//! The one place that turns a judge's verdict into text: a typed failure (the harness could not do its job, or the
//! listing did something other than declared), the program's output, and a diff that marks the first differing line
//! and makes whitespace visible.

use std::fmt;

/// Why a check did not pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The harness could not check the listing (a toolchain is missing, a build failed, /proc is unreadable).
    Setup,
    /// The listing ran, and did something other than its declaration says.
    Misbehaved,
}

/// A failed check: the reason in one sentence, then named sections (output, diff, evidence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub kind: Kind,
    pub reason: String,
    pub sections: Vec<(String, String)>,
}

impl Failure {
    pub fn setup(reason: impl Into<String>) -> Failure {
        Failure {
            kind: Kind::Setup,
            reason: reason.into(),
            sections: Vec::new(),
        }
    }

    pub fn misbehaved(reason: impl Into<String>) -> Failure {
        Failure {
            kind: Kind::Misbehaved,
            reason: reason.into(),
            sections: Vec::new(),
        }
    }

    pub fn with_sections(mut self, sections: Vec<(String, String)>) -> Failure {
        self.sections.extend(sections);
        self
    }

    pub fn with(mut self, name: &str, text: impl Into<String>) -> Failure {
        self.sections.push((name.to_string(), text.into()));
        self
    }

    /// Prefixes the reason, e.g. with "run 2 of 3: ".
    pub fn prefixed(mut self, prefix: &str) -> Failure {
        self.reason = format!("{prefix}{}", self.reason);
        self
    }

    /// The whole message, starting with who failed.
    pub fn render(&self, who: &str) -> String {
        let head = match self.kind {
            Kind::Setup => format!("could not check {who}: {}", self.reason),
            Kind::Misbehaved => format!("{who}: {}", self.reason),
        };
        let mut out = head;
        for (name, text) in &self.sections {
            if name == "exit" {
                out += &format!("\n  {text}");
            } else if text.is_empty() {
                out += &format!("\n  {name}: (empty)");
            } else {
                out += &format!("\n  {name}:\n{}", indent(text));
            }
        }
        out
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("the listing"))
    }
}

/// Every line prefixed with "    | ".
pub fn indent(s: &str) -> String {
    s.strip_suffix('\n')
        .unwrap_or(s)
        .split('\n')
        .map(|l| format!("    | {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text with at most one final newline removed: the comparison of outputs ignores exactly that much.
pub fn without_final_newline(s: &str) -> &str {
    s.strip_suffix('\n').unwrap_or(s)
}

/// Do two outputs agree, ignoring exactly one final newline on each?
pub fn same_text(expected: &str, actual: &str) -> bool {
    without_final_newline(expected) == without_final_newline(actual)
}

/// A line with its whitespace made visible: `·` for a space at the end, `→` for a tab, `␍` for a carriage return.
pub fn visible(line: &str) -> String {
    let trimmed = line.trim_end_matches(' ');
    let trailing = line.len() - trimmed.len();
    let mut s: String = trimmed
        .chars()
        .map(|c| match c {
            '\t' => '→',
            '\r' => '␍',
            c => c,
        })
        .collect();
    s.extend(std::iter::repeat_n('·', trailing));
    s
}

/// Where `actual` first differs from `expected` (one final newline ignored), shown line by line with
/// whitespace made visible. `None` if they agree.
pub fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if same_text(expected, actual) {
        return None;
    }
    let e: Vec<&str> = without_final_newline(expected).split('\n').collect();
    let a: Vec<&str> = without_final_newline(actual).split('\n').collect();
    let i = (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .unwrap_or(0);
    let show = |l: Option<&&str>| match l {
        Some(l) => format!("\"{}\"", visible(l)),
        None => "(no such line)".to_string(),
    };
    Some(format!(
        "first difference at line {} (· is a space, → a tab):\n  expected: {}\n  actual:   {}",
        i + 1,
        show(e.get(i)),
        show(a.get(i))
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diff_marks_trailing_whitespace() {
        let d = first_difference("a\nb\n", "a\nb \n").unwrap();
        assert!(d.contains("line 2"), "{d}");
        assert!(d.contains("\"b·\""), "{d}");
        assert!(first_difference("a\n", "a").is_none());
        assert!(
            first_difference("a", "a\n\n").is_some(),
            "only one final newline is ignored"
        );
        let d = first_difference("a\nb", "a").unwrap();
        assert!(d.contains("(no such line)"), "{d}");
    }
}
