//! Judges of programs that are not run: a Rust or Go compile failure, a `go vet` finding.

use crate::cargo::CompilerError;
use crate::godump;
use crate::report::Failure;
use mdbook_listings::spec::Behaviour;

fn shown(e: &CompilerError) -> String {
    format!(
        "error{}: {}",
        e.code
            .as_ref()
            .map(|c| format!("[{c}]"))
            .unwrap_or_default(),
        e.message
    )
}

/// Rust `compile-fail`: the compiler reports the declared error code(s), no other error, and one of the declared
/// errors contains `message`.
pub fn rust(b: &Behaviour, compiled: bool, errors: &[CompilerError]) -> Result<String, Failure> {
    let Behaviour::CompileFail { message, .. } = b else {
        return Err(Failure::setup(format!(
            "not a compile-fail declaration: {}",
            b.class()
        )));
    };
    let codes = b.error_codes();
    if compiled {
        return Err(Failure::misbehaved(
            "it compiles, but it is declared compile-fail",
        ));
    }
    if errors.is_empty() {
        return Err(Failure::setup(
            "it was not compiled (no binary and no compiler error): see the build output above",
        ));
    }
    let got: Vec<String> = errors.iter().map(shown).collect();
    let declared = |e: &CompilerError| match &e.code {
        Some(c) => codes.contains(c),
        None => codes.is_empty(),
    };
    let want = if codes.is_empty() {
        "error".to_string()
    } else {
        codes
            .iter()
            .map(|c| format!("error[{c}]"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(other) = errors.iter().find(|e| !declared(e)) {
        return Err(Failure::misbehaved(format!(
            "it fails to compile, but not only as declared: {} is not a declared error (declared: {want})",
            shown(other)
        ))
        .with("compiler errors", got.join("\n")));
    }
    if let Some(missing) = codes
        .iter()
        .find(|c| !errors.iter().any(|e| e.code.as_ref() == Some(c)))
    {
        return Err(Failure::misbehaved(format!(
            "it fails to compile, but not as declared: no error[{missing}]"
        ))
        .with("compiler errors", got.join("\n")));
    }
    match errors.iter().find(|e| e.message.contains(message.as_str())) {
        Some(e) => Ok(format!("rejected: {}", shown(e))),
        None => Err(Failure::misbehaved(format!(
            "it fails to compile, but not as declared: no error message contains {message:?}"
        ))
        .with("compiler errors", got.join("\n"))),
    }
}

/// Go `compile-fail`: `go build` fails, its output contains `message`, at `main.go:<line>:` if declared.
pub fn go(built: Option<&str>, message: &str, line: Option<u32>) -> Result<String, Failure> {
    let Some(output) = built else {
        return Err(Failure::misbehaved(
            "it compiles, but it is declared compile-fail",
        ));
    };
    let found = output
        .lines()
        .find(|l| l.contains(message) && line.is_none_or(|n| l.contains(&format!("main.go:{n}:"))));
    match found {
        Some(l) => Ok(format!("rejected: {}", l.trim())),
        None => Err(Failure::misbehaved(format!(
            "`go build` fails, but no error contains {message:?}{}",
            line.map(|n| format!(" at main.go:{n}")).unwrap_or_default()
        ))
        .with("go build", output)),
    }
}

/// `vet`: `go vet -json` reports the declared analyzer with a message containing `message`, and no other analyzer
/// reports anything.
pub fn vet(output: &str, check: &str, message: &str) -> Result<String, Failure> {
    let findings = godump::vet_findings(output).map_err(|e| {
        Failure::misbehaved(format!("`go vet` did not run cleanly: {e}")).with("go vet", output)
    })?;
    let others: Vec<String> = findings
        .iter()
        .filter(|(name, list)| *name != check && !list.is_empty())
        .map(|(name, list)| format!("{name}: {}", list.join("; ")))
        .collect();
    if !others.is_empty() {
        return Err(Failure::misbehaved(format!(
            "`go vet` reports other findings than the declared `{check}`: {}",
            others.join(" | ")
        )));
    }
    let list = findings.get(check).cloned().unwrap_or_default();
    match list.iter().find(|m| m.contains(message)) {
        Some(m) => Ok(format!("go vet: {check}: {m}")),
        None if list.is_empty() => Err(Failure::misbehaved(format!(
            "`go vet` accepts it: no `{check}` finding"
        ))
        .with("go vet", output)),
        None => Err(Failure::misbehaved(format!(
            "`go vet` reports `{check}`, but no finding contains {message:?}: {}",
            list.join("; ")
        ))),
    }
}
