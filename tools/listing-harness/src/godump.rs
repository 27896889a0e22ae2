//! The Go observer: what the Go runtime itself reports on stderr, as typed observations. The goroutine dump it prints
//! on SIGQUIT (with `GOTRACEBACK=all`), the race detector's report, a panic, a fatal error, and `go vet -json`.
//!
//! Go's own threads (sysmon, the netpoller) sit in timed waits by design, so a Go program's stuck goroutines are
//! judged from this dump, not from /proc.

use std::collections::BTreeMap;

/// One goroutine of a dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goroutine {
    pub id: u64,
    /// What the dump prints between brackets, without the ", N minutes" suffix: "chan send", "running".
    pub reason: String,
    /// The first frame of the program's own code ("main.go:12"), if any: goroutines without one are the runtime's.
    pub location: Option<String>,
    /// Where the program's own code started it (`created by main.…`), if it did: the only trace of a goroutine
    /// running on another thread, whose stack the dump cannot show.
    pub created_at: Option<String>,
}

impl Goroutine {
    /// The declaration form: "main.go:12 chan send".
    pub fn declared_form(&self) -> Option<String> {
        self.location
            .as_ref()
            .map(|l| format!("{l} {}", self.reason))
    }
}

/// The file:line of a frame line "\t/abs/path/main.go:12 +0x1d fp=…", as "main.go:12".
fn frame_location(line: &str) -> Option<String> {
    let path = line.trim().split(' ').next()?;
    let (file, lineno) = path.rsplit_once(':')?;
    lineno.parse::<u32>().ok()?;
    let base = file.rsplit('/').next()?;
    Some(format!("{base}:{lineno}"))
}

/// Parses every goroutine of a dump. A frame is the program's own when its function is in package `main`.
pub fn goroutines(dump: &str) -> Vec<Goroutine> {
    let mut out = Vec::new();
    let lines: Vec<&str> = dump.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let Some(head) = lines[i].strip_prefix("goroutine ") else {
            i += 1;
            continue;
        };
        let (Some(open), Some(close)) = (head.rfind('['), head.rfind("]:")) else {
            i += 1;
            continue;
        };
        let id = head
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let reason = head[open + 1..close]
            .split(", ")
            .next()
            .unwrap_or_default()
            .to_string();
        let mut location = None;
        let mut created_at = None;
        i += 1;
        // Frames come in pairs: "pkg.func(args)" then "\tfile:line +0x…", until a blank line.
        while i < lines.len() && !lines[i].is_empty() {
            let func = lines[i];
            if func
                .trim_start()
                .starts_with("goroutine running on other thread")
            {
                i += 1;
                continue;
            }
            if let Some(by) = func.strip_prefix("created by ") {
                if by.starts_with("main.") {
                    created_at = lines.get(i + 1).and_then(|l| frame_location(l));
                }
                i += 2;
                continue;
            }
            if location.is_none()
                && func.starts_with("main.")
                && let Some(next) = lines.get(i + 1)
            {
                location = frame_location(next);
            }
            i += 2;
        }
        out.push(Goroutine {
            id,
            reason,
            location,
            created_at,
        });
    }
    out
}

/// The two accesses of each data race the race detector reported, as sorted pairs of "main.go:10".
pub fn races(stderr: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for report in stderr.split("WARNING: DATA RACE").skip(1) {
        let report = report
            .split("==================")
            .next()
            .unwrap_or_default();
        let mut accesses = Vec::new();
        let lines: Vec<&str> = report.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let l = lines[i];
            let is_access = !l.starts_with(' ') && l.contains(" at 0x") && l.contains(" by ");
            if is_access {
                // The first frame of the program's own code below it.
                let mut j = i + 1;
                while j + 1 < lines.len() && lines[j].starts_with("  ") {
                    if lines[j].trim_start().starts_with("main.")
                        && let Some(loc) = frame_location(lines[j + 1])
                    {
                        accesses.push(loc);
                        break;
                    }
                    j += 2;
                }
            }
            i += 1;
        }
        accesses.sort();
        out.push(accesses);
    }
    out
}

/// The value of the panic that ended a Go program: the text after the last "panic: " (without " [recovered]"),
/// up to the blank line before the goroutine trace; the "[signal …]" line of a nil dereference is not part of it.
pub fn panic_value(stderr: &str) -> Option<String> {
    let start = stderr.find("panic: ")?;
    let block = stderr[start..].split("\n\n").next().unwrap_or_default();
    let last = block.rfind("panic: ")?;
    let value: Vec<&str> = block[last + "panic: ".len()..]
        .lines()
        .filter(|l| !l.starts_with("[signal "))
        .collect();
    Some(
        value
            .join("\n")
            .trim_end_matches(" [recovered]")
            .trim()
            .to_string(),
    )
}

/// The text after "fatal error: ".
pub fn fatal_error(stderr: &str) -> Option<String> {
    stderr
        .lines()
        .find_map(|l| l.strip_prefix("fatal error: "))
        .map(|s| s.trim().to_string())
}

/// `go vet -json` findings: analyzer name → messages.
pub fn vet_findings(output: &str) -> Result<BTreeMap<String, Vec<String>>, String> {
    let json: String = output
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for value in serde_json::Deserializer::from_str(&json).into_iter::<serde_json::Value>() {
        let value = value.map_err(|e| format!("unreadable `go vet -json` output ({e})"))?;
        let Some(packages) = value.as_object() else {
            continue;
        };
        for analyzers in packages.values().filter_map(|v| v.as_object()) {
            for (name, list) in analyzers {
                let entry = found.entry(name.clone()).or_default();
                match list.as_array() {
                    Some(items) => entry.extend(items.iter().map(|d| {
                        let posn = d["posn"].as_str().unwrap_or_default();
                        let base = posn.rsplit('/').next().unwrap_or_default();
                        format!("{base}: {}", d["message"].as_str().unwrap_or_default())
                    })),
                    // An analyzer error ({"error": "…"}) instead of findings.
                    None => entry.push(list.to_string()),
                }
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goroutine_running_on_another_thread_is_known_by_its_creator() {
        let dump = "goroutine 18 gp=0x1 m=3 mp=0x2 [running]:\n\tgoroutine running on other thread; stack unavailable\n\
                    created by main.main in goroutine 1\n\t/book/listings/m15/x/main.go:21 +0x66\n\n";
        let g = goroutines(dump);
        assert_eq!(g.len(), 1);
        assert_eq!((g[0].id, g[0].reason.as_str()), (18, "running"));
        assert_eq!(g[0].location, None);
        assert_eq!(g[0].created_at.as_deref(), Some("main.go:21"));
    }

    const DUMP: &str = "SIGQUIT: quit\nPC=0x40d96e m=0 sigcode=0\n\n\
goroutine 0 gp=0x575480 m=0 mp=0x576240 [idle]:\nruntime.netpoll(0x0?)\n\t/go/src/runtime/netpoll_epoll.go:133 +0xd3\n\n\
goroutine 1 gp=0x1 m=nil [sync.WaitGroup.Wait, 2 minutes]:\nsync.(*WaitGroup).Wait(0x1)\n\t/go/src/sync/waitgroup.go:206 +0x85\nmain.main()\n\t/book/listings/m01/x/main.go:23 +0x10d fp=0x1 sp=0x2 pc=0x3\nruntime.main()\n\t/go/src/runtime/proc.go:302 +0x427\n\n\
goroutine 2 gp=0x2 m=nil [force gc (idle)]:\nruntime.forcegchelper()\n\t/go/src/runtime/proc.go:387 +0xb3\ncreated by runtime.init.7 in goroutine 1\n\t/go/src/runtime/proc.go:375 +0x1a\n\n\
goroutine 19 gp=0x3 m=nil [chan send]:\nmain.main.func1()\n\t/book/listings/m01/x/main.go:15 +0x36\ncreated by main.main in goroutine 1\n\t/book/listings/m01/x/main.go:13 +0x9a\n\n\
rax    0xfffffffffffffffc\n";

    #[test]
    fn the_dump_gives_each_goroutine_its_place_and_reason() {
        let g = goroutines(DUMP);
        let own: Vec<String> = g.iter().filter_map(Goroutine::declared_form).collect();
        assert_eq!(
            own,
            ["main.go:23 sync.WaitGroup.Wait", "main.go:15 chan send"]
        );
        assert_eq!(g.len(), 4);
    }

    #[test]
    fn panics_and_fatal_errors() {
        let p = "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1]\n\ngoroutine 1 [running]:\n";
        assert_eq!(
            panic_value(p).as_deref(),
            Some("runtime error: invalid memory address or nil pointer dereference")
        );
        let re = "panic: first [recovered]\n\tpanic: second\n\ngoroutine 1 [running]:\n";
        assert_eq!(panic_value(re).as_deref(), Some("second"));
        assert_eq!(
            fatal_error("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n")
                .as_deref(),
            Some("all goroutines are asleep - deadlock!")
        );
    }
}
