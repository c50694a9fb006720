"""Where `make publish` pushes: a git remote's name, a URL (`git@host:user/repo.git`, `https://...`,
`file:///path/repo.git`) or the path of a repository, as git itself accepts them.

    python -m digest.publish.remote REMOTE

checks that REMOTE can be pushed to from here (what `make publish` runs before it builds, so a wrong
GITHUB_PAGES_REMOTE fails in seconds): exit 0 quietly, or one line on stderr and exit 2.
The dry run and the real run both make this check (push.py); only the push is left to the real one.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass


class RemoteError(Exception):
    """The remote cannot be pushed to; the message is one line saying why."""


@dataclass(frozen=True)
class Remote:
    given: str   # what GITHUB_PAGES_REMOTE says: a remote's name, a URL or a path
    url: str     # where git pushes: the named remote's URL, else `given` itself

    def __str__(self) -> str:
        return self.given if self.url == self.given else f"{self.given} ({self.url})"


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], capture_output=True, text=True)


def reachable(given: str) -> Remote:
    """The remote `given` names, once `git ls-remote` has read it; raises RemoteError."""
    if git("rev-parse", "--git-dir").returncode != 0:
        raise RemoteError("not inside a git repository: run make publish from a clone of your site's repository")
    if not given or given.startswith("-"):  # git would read a leading dash as an option
        raise RemoteError(f"GITHUB_PAGES_REMOTE={given!r} is not a remote's name, a URL or a path")
    named = git("remote", "get-url", given)
    remote = Remote(given, named.stdout.strip() if named.returncode == 0 else given)
    listed = git("ls-remote", "--heads", given)
    if listed.returncode == 0:
        return remote
    if named.returncode != 0 and not any(ch in given for ch in "/:\\."):
        raise RemoteError(f"no git remote named {given!r} (set GITHUB_PAGES_REMOTE=<remote name, URL or path>, "
                          "or `git remote add`)")
    raise RemoteError(f"cannot reach remote {remote}: {first_reason(listed.stderr)}")


def first_reason(stderr: str) -> str:
    """git's first line of complaint, without its "fatal: " (the lines after it are generic advice)."""
    line = next((line for line in stderr.splitlines() if line.strip()), "git ls-remote failed")
    return line.removeprefix("fatal: ").strip()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m digest.publish.remote REMOTE", file=sys.stderr)
        return 2
    try:
        reachable(argv[0])
    except RemoteError as e:
        print(f"make publish: nothing published: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
