//! Judges of programs that run to their end: one function per class, each given the finished run.

use crate::godump;
use crate::process::{Finished, describe_status};
use crate::report::{Failure, first_difference, indent};
use mdbook_listings::spec::{Behaviour, Lang};

fn misbehaved(f: &Finished, reason: impl Into<String>) -> Failure {
    Failure::misbehaved(reason).with_sections(f.sections())
}

/// stdout must be exactly `expected` (one final newline aside).
pub fn expect_stdout(f: &Finished, expected: &str) -> Result<(), Failure> {
    match first_difference(expected, &f.stdout.text()) {
        None => Ok(()),
        Some(diff) => Err(
            Failure::misbehaved("its output differs from the declared `stdout`")
                .with("difference", diff)
                .with("expected stdout", expected)
                .with_sections(f.sections()),
        ),
    }
}

/// stderr (or what is left of it once panic reports are removed) must be empty, or exactly the declared text.
fn expect_stderr(f: &Finished, rest: &str, declared: Option<&str>) -> Result<(), Failure> {
    match (declared, rest.is_empty()) {
        (None, true) => Ok(()),
        (None, false) => Err(misbehaved(
            f,
            "it wrote to stderr, and the declaration does not state it (declare `stderr` if it is meant)",
        )
        .with("undeclared stderr", rest)),
        (Some(d), _) => match first_difference(d, rest) {
            None => Ok(()),
            Some(diff) => Err(misbehaved(f, "its stderr differs from the declared `stderr`").with("difference", diff)),
        },
    }
}

fn expect_exit(f: &Finished, code: i32, what: &str) -> Result<(), Failure> {
    if f.status.code() == Some(code) {
        Ok(())
    } else {
        Err(misbehaved(
            f,
            format!(
                "it was expected to {what} (exit status {code}), but it ended with {}",
                describe_status(&f.status)
            ),
        ))
    }
}

/// `output`: exit status 0, exact stdout, stderr empty unless declared (Rust: the reports of the declared caught
/// panics, and the declared text).
pub fn output(
    f: &Finished,
    lang: Lang,
    stdout: &str,
    panics: &[String],
    stderr: Option<&str>,
) -> Result<String, Failure> {
    expect_exit(f, 0, "exit successfully")?;
    expect_stdout(f, stdout)?;
    match lang {
        Lang::Rust => expect_rust_stderr(f, panics, stderr)?,
        Lang::Go => expect_stderr(f, &f.stderr.text(), stderr)?,
    }
    Ok(format!(
        "printed the declared {} line(s)",
        stdout.lines().count()
    ))
}

/// `invariant`: exit status 0, every stated property of stdout, stderr empty unless declared.
pub fn invariant(f: &Finished, lang: Lang, b: &Behaviour) -> Result<String, Failure> {
    let Behaviour::Invariant { stderr, panics, .. } = b else {
        return Err(Failure::setup(format!(
            "not an invariant declaration: {}",
            b.class()
        )));
    };
    expect_exit(f, 0, "exit successfully")?;
    match lang {
        Lang::Rust => expect_rust_stderr(f, panics, stderr.as_deref())?,
        Lang::Go => expect_stderr(f, &f.stderr.text(), stderr.as_deref())?,
    }
    if f.stdout.dropped() > 0 {
        // Line properties of a cut output would be judged on fragments: refuse rather than guess.
        return Err(misbehaved(
            f,
            format!(
                "it printed {} bytes, more than the harness keeps, so the invariant's line properties cannot \
                 be checked: make it print less",
                f.stdout.total
            ),
        ));
    }
    judge_invariant(b, &f.stdout.text()).map_err(|e| misbehaved(f, e))
}

/// Checks stdout against an `invariant` declaration's properties.
pub fn judge_invariant(b: &Behaviour, stdout: &str) -> Result<String, String> {
    let Behaviour::Invariant {
        invariant,
        unordered_lines,
        first_line,
        last_line,
        contains_lines,
        line_count,
        ..
    } = b
    else {
        return Err(format!("not an invariant declaration: {}", b.class()));
    };
    let lines: Vec<&str> = stdout.lines().collect();
    let mut failed = Vec::new();
    if let Some(expected) = unordered_lines {
        let mut want: Vec<&str> = expected.lines().collect();
        let mut got = lines.clone();
        want.sort_unstable();
        got.sort_unstable();
        if want != got {
            failed.push(format!(
                "the lines, in any order, should be:\n{}",
                indent(expected)
            ));
        }
    }
    if let Some(f) = first_line
        && lines.first() != Some(&f.as_str())
    {
        failed.push(format!("the first line should be {f:?}"));
    }
    if let Some(l) = last_line
        && lines.last() != Some(&l.as_str())
    {
        failed.push(format!("the last line should be {l:?}"));
    }
    for c in contains_lines {
        if !lines.contains(&c.as_str()) {
            failed.push(format!("a line {c:?} should appear"));
        }
    }
    if let Some(n) = line_count
        && lines.len() != *n
    {
        failed.push(format!(
            "there should be exactly {n} lines, not {}",
            lines.len()
        ));
    }
    if let Some(re) = b.line_regex() {
        let re = re.map_err(|e| format!("bad `each-line-matches`: {e}"))?;
        if lines.is_empty() {
            failed
                .push("every line should match `each-line-matches`, but there is no output".into());
        }
        if let Some(l) = lines.iter().find(|l| !re.is_match(l)) {
            failed.push(format!("the line {l:?} does not match `{}`", re.as_str()));
        }
    }
    if failed.is_empty() {
        Ok(format!("holds: {invariant}"))
    } else {
        Err(format!(
            "the declared invariant ({invariant}) does not hold: {}",
            failed.join("; ")
        ))
    }
}

/// Is this stderr line the header of a Rust panic report ("thread 'main' (123) panicked at src/main.rs:4:5:")?
fn is_panic_header(l: &str) -> bool {
    l.starts_with("thread '") && l.contains(" panicked at ") && l.ends_with(':')
}

/// The panic reports of a Rust program's stderr: their messages, and the stderr text outside them. A message is
/// matched against the `known` ones line by line first (Rust prints "note: …" only after the first panic, so a
/// message followed by a `Drop`'s output cannot be delimited by it); otherwise it runs to its "note:" line or the
/// next report.
pub fn rust_panics(stderr: &str, known: &[&str]) -> (Vec<String>, String) {
    let lines: Vec<&str> = stderr
        .strip_suffix('\n')
        .unwrap_or(stderr)
        .split('\n')
        .collect();
    let headers: Vec<usize> = (0..lines.len())
        .filter(|&i| is_panic_header(lines[i]))
        .collect();
    let mut in_report = vec![false; lines.len()];
    let mut messages = Vec::new();
    let mut known: Vec<Vec<&str>> = known
        .iter()
        .map(|k| k.trim_end_matches('\n').split('\n').collect())
        .collect();
    known.sort_by_key(|k| std::cmp::Reverse(k.len()));
    for (k, &h) in headers.iter().enumerate() {
        in_report[h] = true;
        let end = headers.get(k + 1).copied().unwrap_or(lines.len());
        let mut i = h + 1;
        match known
            .iter()
            .find(|want| lines.get(i..i + want.len()) == Some(&want[..]))
        {
            Some(want) => i += want.len(),
            None => {
                while i < end && !lines[i].starts_with("note: ") {
                    i += 1;
                }
            }
        }
        messages.push(lines[h + 1..i].join("\n"));
        in_report[h + 1..i].iter_mut().for_each(|x| *x = true);
        while i < end && lines[i].starts_with("note: ") {
            in_report[i] = true;
            i += 1;
        }
    }
    let rest: Vec<&str> = lines
        .iter()
        .zip(&in_report)
        .filter(|(l, inside)| !**inside && !l.is_empty())
        .map(|(l, _)| *l)
        .collect();
    (messages, rest.join("\n"))
}

/// The caught panics (`messages`) must be exactly the declared ones, in any order.
fn expect_panics(f: &Finished, messages: &[String], declared: &[String]) -> Result<(), Failure> {
    let mut got: Vec<&str> = messages.iter().map(|m| m.trim_end()).collect();
    let mut want: Vec<&str> = declared.iter().map(|m| m.trim_end()).collect();
    got.sort_unstable();
    want.sort_unstable();
    if got == want {
        return Ok(());
    }
    let reason = if want.is_empty() {
        format!(
            "it wrote to stderr: it panicked with {got:?}, and the declaration does not state it (declare `panics` if the program catches them)"
        )
    } else {
        format!("its caught panics are {got:?}, not the declared `panics` {want:?}")
    };
    Err(misbehaved(f, reason))
}

/// stderr of a Rust program that exits normally: the declared caught panics, then nothing but the declared text.
fn expect_rust_stderr(
    f: &Finished,
    panics: &[String],
    stderr: Option<&str>,
) -> Result<(), Failure> {
    let known: Vec<&str> = panics.iter().map(String::as_str).collect();
    let (messages, rest) = rust_panics(&f.stderr.text(), &known);
    expect_panics(f, &messages, panics)?;
    expect_stderr(f, &rest, stderr)
}

fn optional_stdout(f: &Finished, stdout: Option<&str>) -> Result<(), Failure> {
    expect_stdout(f, stdout.unwrap_or(""))
}

/// The message of the panic that ended a run, as a `panic` declaration states it, or `None` if the run did not die
/// of a panic. Rust: exit status 101 and the last panic report (`caught` are the messages of the declared caught
/// panics, to delimit them); Go: exit status 2 and the value after `panic: `.
pub fn fatal_panic(f: &Finished, lang: Lang, caught: &[String]) -> Option<String> {
    match lang {
        Lang::Rust => {
            let known: Vec<&str> = caught.iter().map(String::as_str).collect();
            let (mut messages, _) = rust_panics(&f.stderr.text(), &known);
            messages.pop().filter(|_| f.status.code() == Some(101))
        }
        Lang::Go => godump::panic_value(&f.stderr.text()).filter(|_| f.status.code() == Some(2)),
    }
}

/// `panic`. Rust: exit status 101, the last panic report carries the declared message, nothing else on stderr
/// unless declared. Go: exit status 2 and the declared value after `panic: `.
pub fn panic(
    f: &Finished,
    lang: Lang,
    panic: &str,
    stdout: Option<&str>,
    panics: &[String],
    stderr: Option<&str>,
) -> Result<String, Failure> {
    match lang {
        Lang::Rust => {
            let known: Vec<&str> = panics.iter().map(String::as_str).chain([panic]).collect();
            let (messages, rest) = rust_panics(&f.stderr.text(), &known);
            if f.status.code() != Some(101) || messages.is_empty() {
                return Err(misbehaved(
                    f,
                    "it was expected to die of a panic (exit status 101)",
                ));
            }
            let fatal = messages.last().expect("one message");
            if let Some(diff) = first_difference(panic, fatal) {
                return Err(misbehaved(
                    f,
                    format!("it panicked, but the last panic's message is not the declared one: {fatal:?}"),
                )
                .with("difference", diff));
            }
            expect_panics(f, &messages[..messages.len() - 1], panics)?;
            optional_stdout(f, stdout)?;
            expect_stderr(f, &rest, stderr)?;
        }
        Lang::Go => {
            let value = godump::panic_value(&f.stderr.text());
            if f.status.code() != Some(2) || value.is_none() {
                return Err(misbehaved(
                    f,
                    "it was expected to panic (`panic: …`, exit status 2)",
                ));
            }
            let value = value.unwrap_or_default();
            if value != panic.trim() {
                return Err(misbehaved(
                    f,
                    format!(
                        "it panicked with {value:?}, not the declared {:?}",
                        panic.trim()
                    ),
                ));
            }
            optional_stdout(f, stdout)?;
        }
    }
    Ok(format!("panicked with {panic:?}"))
}

/// `fatal` (Go): exit status 2 and `fatal error: <declared>`.
pub fn fatal(f: &Finished, fatal: &str, stdout: Option<&str>) -> Result<String, Failure> {
    let got = godump::fatal_error(&f.stderr.text());
    if f.status.code() != Some(2) || got.is_none() {
        return Err(misbehaved(
            f,
            "it was expected to be stopped by the Go runtime (`fatal error: …`, exit status 2)",
        ));
    }
    let got = got.unwrap_or_default();
    if got != fatal.trim() {
        return Err(misbehaved(
            f,
            format!(
                "its fatal error is {got:?}, not the declared {:?}",
                fatal.trim()
            ),
        ));
    }
    optional_stdout(f, stdout)?;
    Ok(format!("fatal error: {got}"))
}

/// `race` (Go, `-race` build): exit status 66, and every race report is between the declared accesses.
pub fn race(f: &Finished, accesses: &[String], stdout: Option<&str>) -> Result<String, Failure> {
    let mut want = accesses.to_vec();
    want.sort();
    let reports = godump::races(&f.stderr.text());
    if reports.is_empty() {
        return Err(misbehaved(f, "the race detector reported no data race"));
    }
    if let Some(other) = reports.iter().find(|r| **r != want) {
        return Err(misbehaved(
            f,
            format!(
                "the race detector reported a race between {other:?}, not (only) between the declared {want:?}"
            ),
        ));
    }
    expect_exit(f, 66, "exit as the race detector makes it")?;
    if let Some(out) = stdout {
        expect_stdout(f, out)?;
    }
    Ok(format!(
        "{} race report(s) between {}",
        reports.len(),
        want.join(" and ")
    ))
}
