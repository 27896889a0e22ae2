//! Problems found in a contributor's files, each naming the file (relative to the book root) and the line.

pub use crate::spec::Diagnostic;

/// Collects the diagnostics of one file.
pub struct FileDiagnostics<'a> {
    file: &'a str,
    pub list: Vec<Diagnostic>,
}

impl<'a> FileDiagnostics<'a> {
    pub fn new(file: &'a str) -> Self {
        FileDiagnostics {
            file,
            list: Vec::new(),
        }
    }

    /// A problem at 1-based `line` (0: the whole file).
    pub fn at(&mut self, line: usize, message: impl Into<String>) {
        self.list.push(Diagnostic::new(self.file, line, message));
    }
}

/// The lines of a report: one problem per line, sorted, without duplicates.
pub fn sorted(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags.sort();
    diags.dedup();
    diags
}
