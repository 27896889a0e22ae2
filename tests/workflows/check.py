"""Checks .github/workflows/*.yml, which cannot run here: each parses as YAML, uses only the official actions it is
meant to use, and every script or path it calls exists in the repository. The Pages workflow must run .ci/run, publish
what .ci/run leaves in book/ (the site and book.pdf), and deploy only from main.

Usage: python tests/workflows/check.py   (PyYAML; .ci/run installs it in a venv)
"""

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {
    "actions/checkout",
    "actions/configure-pages",
    "actions/upload-pages-artifact",
    "actions/deploy-pages",
}
errors = []
checks = 0


def check(ok, where, message):
    global checks
    checks += 1
    if not ok:
        errors.append(f"{where}: {message}")


def line_of(text, needle):
    for n, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return n
    return 0


def scripts_called(run):
    """Repository paths a `run:` block executes: `bash PATH`, `sh PATH`, `./PATH`, `node PATH`, `python PATH`."""
    for m in re.finditer(r"(?:\b(?:bash|sh|node|python3?)\s+|(?<![\w/.])\./)([\w./-]+)", run):
        yield m.group(1)


def check_workflow(path):
    rel = path.relative_to(ROOT)
    text = path.read_text()
    try:
        wf = yaml.safe_load(text)
    except yaml.YAMLError as e:
        check(False, rel, f"not valid YAML: {e}")
        return
    check(isinstance(wf, dict), rel, "the top level is not a mapping")
    # YAML 1.1 reads the key `on` as the boolean true.
    triggers = wf.get("on", wf.get(True))
    check(triggers is not None, rel, "no `on:` triggers")
    jobs = wf.get("jobs") or {}
    check(bool(jobs), rel, "no jobs")
    for job_id, job in jobs.items():
        where = f"{rel}:{line_of(text, f'  {job_id}:')} (job {job_id})"
        check("runs-on" in job, where, "no runs-on")
        check(int(job.get("timeout-minutes", 90)) <= 90, where, "timeout-minutes over CI's 90 minutes")
        for need in [job.get("needs")] if isinstance(job.get("needs"), str) else job.get("needs") or []:
            check(need in jobs, where, f"needs unknown job `{need}`")
        for step in job.get("steps") or []:
            if "uses" in step:
                action, _, version = step["uses"].partition("@")
                line = line_of(text, step["uses"])
                check(action in ALLOWED, f"{rel}:{line}", f"unexpected action `{action}`")
                check(re.fullmatch(r"v\d+", version) is not None, f"{rel}:{line}", f"`{step['uses']}`: pin a major tag")
            for script in scripts_called(step.get("run", "")):
                line = line_of(text, script)
                check((ROOT / script).is_file(), f"{rel}:{line}", f"calls `{script}`, which does not exist")
            if "path" in (step.get("with") or {}):
                check(step["with"]["path"] == "book", f"{rel}:{line_of(text, 'path:')}",
                      "publishes something other than book/, where .ci/run leaves the site")
    return wf, text


def check_pages(wf, text):
    rel = ".github/workflows/pages.yml"
    triggers = wf.get("on", wf.get(True)) or {}
    check("main" in ((triggers.get("push") or {}).get("branches") or []), rel, "does not run on pushes to main")
    runs = [s.get("run", "") for j in wf["jobs"].values() for s in j.get("steps") or []]
    check(any(re.search(r"^\s*bash \.ci/run\s*$", r, re.M) for r in runs), rel, "does not run `bash .ci/run`")
    uses = [s.get("uses", "").split("@")[0] for j in wf["jobs"].values() for s in j.get("steps") or []]
    for action in ("actions/upload-pages-artifact", "actions/deploy-pages"):
        check(action in uses, rel, f"does not use {action}")
    deploy = wf["jobs"].get("deploy") or {}
    check(deploy.get("needs") == "build", rel, "the deploy job must need the build job")
    check("refs/heads/main" in str(deploy.get("if", "")), rel, "the deploy job must be limited to main")
    perms = deploy.get("permissions") or {}
    check(perms.get("pages") == "write" and perms.get("id-token") == "write", rel,
          "the deploy job needs `pages: write` and `id-token: write`")
    check((wf.get("permissions") or {}).get("contents") == "read", rel, "default permissions should be read-only")
    # What .ci/run leaves in book/: the site (tests/pdf/build.sh runs `mdbook build`) and book/book.pdf.
    ci = (ROOT / ".ci/run").read_text()
    check("tests/pdf/build.sh" in ci, ".ci/run", "does not build the PDF edition into book/ (tests/pdf/build.sh)")
    check("mdbook build)" in (ROOT / "tests/pdf/build.sh").read_text(), "tests/pdf/build.sh", "no `mdbook build`")
    book = (ROOT / "book.toml").read_text()
    check(re.search(r"^site-url\s*=", book, re.M) is not None, "book.toml",
          "no output.html.site-url for MDBOOK_OUTPUT__HTML__SITE_URL to override")
    check(re.search(r"^build-dir\s*=", book, re.M) is None, "book.toml", "build-dir moved: book/ is what is published")
    check("MDBOOK_OUTPUT__HTML__SITE_URL" in text, rel, "does not set the site-url for the Pages base path")


def main():
    files = sorted((ROOT / ".github/workflows").glob("*.yml")) + sorted((ROOT / ".github/workflows").glob("*.yaml"))
    check(any(f.name == "pages.yml" for f in files), ".github/workflows", "no pages.yml")
    for f in files:
        parsed = check_workflow(f)
        if f.name == "pages.yml" and parsed:
            check_pages(*parsed)
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    print(f"workflows: {len(files)} file(s), {checks - len(errors)} passed, {len(errors)} failed")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
