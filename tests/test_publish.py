"""`make publish` into a real local bare git repository standing in for GitHub, and the Actions workflow.

Each test works in a copy of the site (settings, plugin, theme, pages, Makefile) made a git repository
whose `origin` is a fresh bare repository; it shares the project's .venv. Git runs with no user identity
(an empty HOME), as on a clean CI machine.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_make_site, own_lines, run_make
from digest.site.sitecheck import broken_links

SAMPLES = ROOT / "content" / "dumps"
SITEURL = "https://user.github.io/digest"


def git(*args, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> dict:
    """A site repository (tmp/site) with origin = a bare repository (tmp/remote.git)."""
    home = tmp_path / "home"
    home.mkdir()
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    site = copy_make_site(tmp_path / "site")
    # the project's own ignores, and the .venv link (".venv/" matches only a real folder)
    (site / ".gitignore").write_text((ROOT / ".gitignore").read_text() + ".venv\n")
    remote = tmp_path / "remote.git"
    git("init", "--bare", "-q", "-b", "main", str(remote), cwd=tmp_path)
    git("init", "-q", "-b", "main", cwd=site)
    git("add", "-A", cwd=site)
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "site", cwd=site)
    git("remote", "add", "origin", str(remote), cwd=site)
    return {"site": site, "remote": remote}


def publish(repo: dict, *args: str, dumps: Path = SAMPLES, siteurl: str = SITEURL) -> subprocess.CompletedProcess:
    return run_make(repo["site"], "publish", f"SITEURL={siteurl}", f"DUMPS={dumps}", *args)


def remote_refs(repo: dict) -> str:
    return git("for-each-ref", "--format=%(refname) %(objectname)", cwd=repo["remote"])


def pages_files(repo: dict, branch: str = "gh-pages") -> set[str]:
    return set(git("ls-tree", "-r", "--name-only", branch, cwd=repo["remote"]).splitlines())


def checkout(repo: dict, dest: Path, branch: str = "gh-pages") -> Path:
    dest.mkdir()
    archive = subprocess.run(["git", "archive", branch], cwd=repo["remote"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest


class _Urls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.urls += [a[k] for k in ("href", "src", "action") if a.get(k)]


def off_site_links(published: Path) -> list[str]:
    """Links of the published HTML that neither start with SITEURL nor are relative (root-relative paths
    and other addresses of the same host would miss the sub-path); external sites are fine."""
    bad = []
    for page in published.rglob("*.html"):
        parser = _Urls()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            if url.startswith(("#", "mailto:")) or url.startswith(SITEURL + "/") or url == SITEURL:
                continue
            if url.startswith("/") or url.startswith("https://user.github.io"):
                bad.append(f"{page.relative_to(published)}: {url}")
    return bad


def test_publish_pushes_the_checked_site_as_the_single_commit_of_gh_pages(repo, tmp_path):
    proc = publish(repo)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Published" in proc.stdout and "17 stories" in proc.stdout
    files = pages_files(repo)
    assert {"index.html", ".nojekyll", "feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/feeds.opml",
            "pagefind/parts.json", "pagefind/2026-03/pagefind.js", "404.html", "search/index.html"} <= files
    assert "CNAME" not in files
    assert any(f.startswith("feeds/topics/") for f in files) and any(f.startswith("feeds/assets/") for f in files)
    assert git("rev-list", "--count", "gh-pages", cwd=repo["remote"]) == "1"
    message = git("log", "-1", "--format=%s", "gh-pages", cwd=repo["remote"])
    # (same-day stories stated without a time get distinct seconds in the order found: feeds need them)
    assert re.fullmatch(rf"Publish 17 stories, newest 2026-03-06T00:00:\d\d\+00:00 to {SITEURL}", message), message
    published = checkout(repo, tmp_path / "published")
    assert off_site_links(published) == []
    assert broken_links(published, SITEURL) == []
    atom = (published / "feeds" / "all.atom.xml").read_text()
    assert f"<link href=\"{SITEURL}/stories/" in atom and "localhost" not in atom
    # the user's own branch and work tree are untouched
    assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=repo["site"]) == "main"
    assert git("status", "--porcelain", cwd=repo["site"]) == ""


def test_a_second_publish_of_the_same_dumps_leaves_an_identical_tree(repo):
    assert publish(repo).returncode == 0
    first = git("rev-parse", "gh-pages^{tree}", cwd=repo["remote"])
    again = publish(repo, "MESSAGE=Hourly rebuild")
    assert again.returncode == 0, again.stdout + again.stderr
    assert git("rev-parse", "gh-pages^{tree}", cwd=repo["remote"]) == first
    assert git("rev-list", "--count", "gh-pages", cwd=repo["remote"]) == "1"  # still a single commit
    assert git("log", "-1", "--format=%s", "gh-pages", cwd=repo["remote"]) == "Hourly rebuild"


def test_cname_remote_and_branch_are_set_from_the_command_line(repo):
    git("remote", "add", "pages", str(repo["remote"]), cwd=repo["site"])
    proc = publish(repo, "CNAME=news.example.org", "GITHUB_PAGES_REMOTE=pages", "GITHUB_PAGES_BRANCH=site",
                   siteurl="https://news.example.org")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert git("show", "site:CNAME", cwd=repo["remote"]) == "news.example.org"
    assert "index.html" in pages_files(repo, "site") and "refs/heads/gh-pages" not in remote_refs(repo)
    # a CNAME serves the site at the domain's root: another SITEURL is refused
    wrong = publish(repo, "CNAME=news.example.org", siteurl=SITEURL)
    assert wrong.returncode != 0 and "CNAME news.example.org" in wrong.stderr


def test_a_broken_build_pushes_nothing_and_says_why(repo):
    assert publish(repo).returncode == 0
    before = remote_refs(repo)
    base = repo["site"] / "theme" / "templates" / "base.html"
    base.write_text(base.read_text().replace("</main>", '<a href="{{ SITEURL }}/no-such-page/">x</a></main>'))
    proc = publish(repo)
    assert proc.returncode != 0
    assert "NOT publishing" in proc.stderr and "no-such-page" in proc.stderr
    assert remote_refs(repo) == before


def test_ingest_errors_stop_a_publish_unless_allowed(repo, tmp_path):
    dumps = tmp_path / "dumps"
    shutil.copytree(SAMPLES, dumps)
    (dumps / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    proc = publish(repo, dumps=dumps)
    assert proc.returncode != 0 and "ingest error: photo.png" in proc.stderr
    assert remote_refs(repo) == ""
    allowed = publish(repo, "ALLOW_INGEST_ERRORS=1", dumps=dumps)
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "index.html" in pages_files(repo)


def test_dry_run_checks_and_leaves_the_remote_untouched(repo):
    proc = publish(repo, "DRY_RUN=1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Would push" in proc.stdout and "branch gh-pages on remote origin" in proc.stdout
    assert remote_refs(repo) == "" and "gh-pages" not in git("branch", "--list", cwd=repo["site"])


@pytest.mark.parametrize("form", ["path", "file URL"])
def test_publish_to_a_bare_repository_given_as_a_path_or_a_url(repo, tmp_path, form):
    pages = tmp_path / "pages.git"
    git("init", "--bare", "-q", str(pages), cwd=tmp_path)
    given = str(pages) if form == "path" else pages.as_uri()
    proc = publish(repo, f"GITHUB_PAGES_REMOTE={given}")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    built = {p.relative_to(repo["site"] / "output").as_posix() for p in (repo["site"] / "output").rglob("*")
             if p.is_file()}
    pushed = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=pages).splitlines())
    assert "index.html" in built and pushed == built | {".nojekyll"}
    assert remote_refs(repo) == ""  # origin, the other repository, got nothing


def test_a_dry_run_to_a_missing_remote_fails_in_one_line_before_building(repo):
    proc = publish(repo, "DRY_RUN=1", "GITHUB_PAGES_REMOTE=nowhere")
    assert proc.returncode != 0
    assert own_lines(proc.stderr) == ["make publish: nothing published: no git remote named 'nowhere' "
                                      "(set GITHUB_PAGES_REMOTE=<remote name, URL or path>, or `git remote add`)"]
    assert not (repo["site"] / "output").exists() and remote_refs(repo) == ""


@pytest.mark.parametrize("form", ["path", "file URL"])
def test_a_dry_run_to_a_path_fails_where_the_real_run_fails(repo, tmp_path, form):
    not_a_repository = tmp_path / "plain-folder"
    not_a_repository.mkdir()
    given = str(not_a_repository) if form == "path" else not_a_repository.as_uri()
    dry = publish(repo, "DRY_RUN=1", f"GITHUB_PAGES_REMOTE={given}")
    real = publish(repo, f"GITHUB_PAGES_REMOTE={given}")
    assert dry.returncode == real.returncode != 0
    assert own_lines(dry.stderr) == own_lines(real.stderr) == [
        f"make publish: nothing published: cannot reach remote {given}: "
        f"'{not_a_repository}' does not appear to be a git repository"]
    assert list(not_a_repository.iterdir()) == [] and remote_refs(repo) == ""


def test_the_publish_step_itself_checks_the_remote_in_a_dry_run(repo, tmp_path):
    """publish/push.py, the step after the build, makes the same check (`make check` alone skips it)."""
    assert publish(repo, "DRY_RUN=1").returncode == 0
    gone = tmp_path / "gone.git"
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "digest.publish", "output",
                           "--settings", "pelican.conf.py", "--remote", str(gone), "--dry-run"],
                          cwd=repo["site"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(repo["site"] / "plugins"), "SITEURL": SITEURL})
    assert proc.returncode == 1 and "Would push" not in proc.stdout
    assert proc.stderr.splitlines() == [f"make publish: nothing published: cannot reach remote {gone}: "
                                        f"'{gone}' does not appear to be a git repository"]


@pytest.mark.skipif(shutil.which("ssh") is None, reason="needs an ssh client (apt-get install openssh-client)")
@pytest.mark.parametrize("url", ["git@github.invalid:user/repo.git", "https://github.invalid/user/repo.git"])
def test_ssh_and_https_addresses_are_taken_as_remotes(repo, monkeypatch, url):
    """Not refused as unknown remote names: git is asked, and its reason (no such host) is the message."""
    from digest.publish.remote import RemoteError, reachable

    monkeypatch.chdir(repo["site"])
    with pytest.raises(RemoteError) as refused:
        reachable(url)
    assert str(refused.value).startswith(f"cannot reach remote {url}: ") and "\n" not in str(refused.value)
    assert "github.invalid" in str(refused.value)


def test_publish_needs_an_absolute_siteurl(repo):
    proc = publish(repo, siteurl="")
    assert proc.returncode != 0 and "needs SITEURL=https://" in proc.stdout + proc.stderr


def test_the_pages_workflow_builds_checks_uploads_and_deploys():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "push" in on and "workflow_dispatch" in on
    assert workflow["permissions"] == {"contents": "write", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert uses[:3] == ["actions/checkout", "actions/setup-python", "actions/configure-pages"]
    assert "actions/upload-pages-artifact" in uses
    runs = [step.get("run", "") for step in build["steps"]]
    assert any(r.startswith("make html SITEURL=") and "steps.pages.outputs.base_url" in r for r in runs)
    assert any(r.startswith("make check SITEURL=") for r in runs)
    # a fresh checkout every hour: the stories' dates must go back into the repository, or they reset
    keep = next(r for r in runs if "content/first-seen.json" in r)
    assert "git commit" in keep and "git push" in keep and runs.index(keep) > runs.index(
        next(r for r in runs if r.startswith("make html")))
    assert [s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", "")][0]["with"]["path"] == "output"
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    # every make target the workflow calls exists
    makefile = (ROOT / "Makefile").read_text()
    for r in runs:
        if r.startswith("make "):
            assert re.search(rf"^{r.split()[1]}:", makefile, re.M)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make (apt-get install make)")
def test_make_check_refuses_a_build_made_for_another_address(repo):
    env = {**os.environ, "DUMPS": str(SAMPLES)}
    subprocess.run(["make", "-s", "-o", ".venv/.installed", "html", "SITEURL=https://elsewhere.example"],
                   cwd=repo["site"], env=env, check=True, capture_output=True)
    proc = subprocess.run(["make", "-s", "-o", ".venv/.installed", "check", f"SITEURL={SITEURL}"],
                          cwd=repo["site"], env=env, capture_output=True, text=True)
    assert proc.returncode != 0 and f"was not built for {SITEURL}" in proc.stderr and "bad feed" in proc.stderr


def test_sitecheck_names_each_kind_of_problem(tmp_path):
    from digest.site.sitecheck import problems

    out = tmp_path / "output"
    (out / "stories" / "a").mkdir(parents=True)
    (out / "feeds").mkdir()
    (out / "style.css").write_text("")
    (out / "index.html").write_text(
        f'<link rel="stylesheet" href="{SITEURL}/style.css"><a href="stories/a/">ok</a>'
        f'<a href="{SITEURL}/stories/b/">gone</a><img src="/logo.png"><a href="https://user.github.io/other/">x</a>'
        '<a href="https://publisher.example/story">external</a><a href="#main">anchor</a>')
    (out / "stories" / "a" / "index.html").write_text('<a href="../../">home</a><img srcset="../../missing.png 2x">')
    (out / "feeds" / "all.atom.xml").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id>'
        '<updated>2026-01-01T00:00:00Z</updated><entry><title>e</title><id>e</id>'
        '<updated>2026-01-01T00:00:00Z</updated><link href="http://localhost:8000/stories/a/"/></entry></feed>')
    (out / "feeds" / "broken.rss.xml").write_text("<rss><channel><title>t</title>")
    (out / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f'<url><loc>{SITEURL}/stories/a/</loc></url><url><loc>{SITEURL}/stories/b/</loc></url></urlset>')
    report = tmp_path / "ingest-report.json"
    report.write_text('{"reports": [{"dump": "photo.png", "errors": ["binary file"]}]}')
    found = "\n".join(problems(out, SITEURL, report))
    assert "ingest error: photo.png: binary file" in found
    assert f"index.html: {SITEURL}/stories/b/ (no such file)" in found
    assert "index.html: /logo.png (leaves the site's path /digest/)" in found
    assert "index.html: https://user.github.io/other/ (leaves the site's path /digest/)" in found
    assert "stories/a/index.html: ../../missing.png (no such file)" in found
    assert "publisher.example" not in found and "#main" not in found and "stories/a/ (" not in found
    assert "feeds/all.atom.xml: entry link 'http://localhost:8000/stories/a/' is not under" in found
    assert "feeds/broken.rss.xml: does not parse" in found
    assert f"bad sitemap: sitemap.xml: {SITEURL}/stories/b/ has no page" in found
    assert "bad sitemap: news-sitemap.xml: " in found and "stories/a/ has no page" not in found
    assert problems(out, SITEURL, report, allow_ingest_errors=True)[0].startswith("broken link")
    assert problems(out, "/digest", report) == ["SITEURL '/digest' is not an absolute http(s) address"]
