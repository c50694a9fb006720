"""`make publish`: check the built site, then push it to GitHub Pages with ghp-import.

    python -m digest.publish OUTPUT --settings pelican.conf.py [--remote origin] [--branch gh-pages]
                             [--message MSG] [--dry-run | --site-only] [--allow-ingest-errors]

The site must have been built with an absolute SITEURL (the Makefile does that first). Nothing is pushed
when a check fails (sitecheck.py for the site, remote.py for the remote: a name, a URL or a path): the
reasons are printed and the exit status is 1. A dry run makes every check the real run makes and skips
only the push, so it fails exactly where the real run would; --site-only (`make check`) checks the site
alone. The output becomes
the only commit of the Pages branch (no history: a digest rebuilt every hour would otherwise grow the
repository without end), with .nojekyll, and CNAME when DIGEST_CNAME is set.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..settings import with_defaults
from ..site import sitecheck
from .remote import Remote, RemoteError, reachable


@dataclass(frozen=True)
class Site:
    """What is about to be published."""

    output: Path
    siteurl: str
    stories: int
    newest: str          # the newest story's date (ISO 8601), "" when there is none
    files: int
    size: int            # bytes

    def message(self) -> str:
        newest = f", newest {self.newest}" if self.newest else ""
        return f"Publish {self.stories} {'story' if self.stories == 1 else 'stories'}{newest} to {self.siteurl}"


def describe(output: Path, siteurl: str) -> Site:
    files = [p for p in output.rglob("*") if p.is_file()]
    feed = output / "feeds" / "all.atom.xml"
    newest = ""
    if feed.is_file():  # the site feed's <updated> is its newest story's date, never the build time
        m = re.search(r"<updated>([^<]+)</updated>", feed.read_text(encoding="utf-8"))
        newest = m.group(1) if m else ""
    return Site(output, siteurl, len(list(output.glob("stories/*/index.html"))), newest, len(files),
                sum(p.stat().st_size for p in files))


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], capture_output=True, text=True)


def push(site: Site, remote: Remote, branch: str, message: str, cname: str) -> str:
    """Commit `site.output` as the single commit of `branch` and force-push it to `remote` (checked by
    remote.reachable); returns the commit's hash. Raises RuntimeError with a short reason."""
    import ghp_import

    env = {}
    for key, config, default in (("GIT_COMMITTER_NAME", "user.name", "News Digest"),
                                 ("GIT_COMMITTER_EMAIL", "user.email", "news-digest@localhost")):
        if not os.environ.get(key) and not git("config", config).stdout.strip():
            env[key] = default  # a fresh CI machine has no git identity; ghp-import needs one
    os.environ.update(env)
    # ghp-import drops the old branch (so the new commit has no parent) only when it sees a remote-tracking
    # branch; drop a local one left by an earlier publish too.
    git("update-ref", "-d", f"refs/heads/{branch}")
    try:
        ghp_import.ghp_import(str(site.output), mesg=message, remote=remote.given, branch=branch, push=True,
                              no_history=True, nojekyll=True, cname=cname or None)
    except ghp_import.GhpError as e:
        raise RuntimeError(f"ghp-import: {e.message}") from e
    except subprocess.CalledProcessError as e:
        raise RuntimeError(f"git push to {remote} failed with status {e.returncode}") from e
    head = git("rev-parse", f"refs/heads/{branch}").stdout.strip()
    remote_head = git("ls-remote", remote.given, f"refs/heads/{branch}").stdout.split("\t")[0]
    if not head or head != remote_head:
        raise RuntimeError(f"{remote}/{branch} is at {remote_head or 'nothing'}, not at the new commit {head}")
    return head


def refuse(reason: Exception) -> int:
    print(f"make publish: nothing published: {reason}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m digest.publish", description=__doc__.split("\n\n")[0])
    ap.add_argument("output", type=Path, help="the built site")
    ap.add_argument("--settings", type=Path, required=True, help="pelican.conf.py (SITEURL, DIGEST_CNAME, DIGEST_POSTS)")
    ap.add_argument("--remote", default="origin")
    ap.add_argument("--branch", default="gh-pages")
    ap.add_argument("--message", default="", help="commit message (default: stories, newest date, SITEURL)")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true",
                      help="make every check, the remote's included, and say what would be pushed; push nothing")
    mode.add_argument("--site-only", action="store_true", help="check the built site only; push nothing")
    ap.add_argument("--allow-ingest-errors", action="store_true", help="publish even when a dump failed to ingest")
    args = ap.parse_args(argv)

    from pelican.settings import read_settings

    settings = with_defaults(read_settings(str(args.settings)))
    siteurl, cname = settings.get("SITEURL", ""), settings.get("DIGEST_CNAME", "")
    report = Path(settings["DIGEST_POSTS"]) / "ingest-report.json"
    found = sitecheck.problems(args.output, siteurl, report, args.allow_ingest_errors, cname)
    if found:
        print(f"make publish: NOT publishing, the build of {args.output} has {len(found)} problem(s):", file=sys.stderr)
        print("\n".join(f"  {p}" for p in found), file=sys.stderr)
        return 1
    site = describe(args.output, siteurl)
    if args.site_only:
        print(f"Checks passed: {site.files} files of {args.output}, {site.stories} stories, for {siteurl}.")
        return 0
    try:
        remote = reachable(args.remote)  # in a dry run too: it must fail wherever the real run would
    except RemoteError as e:
        return refuse(e)
    message = args.message or site.message()
    extras = ".nojekyll" + (f" and CNAME ({cname})" if cname else "")
    what = (f"{site.files} files ({site.size / 1e6:.1f} MB) of {args.output} plus {extras}, as the single commit "
            f"{message!r} of branch {args.branch} on remote {remote}")
    if args.dry_run:
        print(f"Checks passed. Would push {what}. Dry run: nothing pushed.")
        return 0
    try:
        commit = push(site, remote, args.branch, message, cname)
    except RuntimeError as e:
        return refuse(e)
    print(f"Published {what} ({commit[:12]}). GitHub Pages serves it at {siteurl}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
