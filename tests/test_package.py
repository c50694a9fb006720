"""The plugin as a package: the wheel `pip wheel .` builds holds every module and the line model, and,
installed from that wheel alone (no plugins/ folder), it builds a new Pelican site whose settings name
the plugin and the project's theme and no DIGEST_ setting: posts, story, topic and asset pages, feeds.

Building the wheel takes setuptools from pip's cache, or from PyPI the first time (the test skips, saying
so, when neither has it). About 20 seconds."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

DUMPS = {
    "miners.txt": "date 2026-03-02 Bitcoin miners sell more coins as power prices climb\n\n"
                  "Several large Bitcoin mining companies sold a bigger share of the coins they mined last month, "
                  "as electricity prices rose faster than the price of bitcoin itself.\n\n"
                  "Miners said they needed the cash to pay for new machines and for power contracts signed "
                  "before the winter. Analysts expect the selling to ease if prices for bitcoin recover.\n",
    "chips.txt": "date 2026-03-03 Nvidia says demand for AI chips still outruns supply\n\n"
                 "Nvidia told investors that orders for its AI accelerators still exceed what its suppliers "
                 "can make, and that data center customers have booked capacity well into next year.\n\n"
                 "The chipmaker said new packaging lines would add supply in the second half, while analysts "
                 "warned that the shortage of high-bandwidth memory could slow the ramp.\n",
}
WHEEL_NEEDS = ("digest/__init__.py", "digest/settings.py", "digest/ingest/pipeline.py", "digest/ingest/cli.py",
               "digest/ingest/tagging/taxonomy.toml",
               "digest/ingest/formats/page_copy.py", "digest/ingest/lines/line-model.json",
               "digest/ingest/lines/headline-model.json",
               "digest/ingest/tagging/taxonomy.py", "digest/site/glue.py", "digest/site/generator.py", "digest/site/feeds.py",
               "digest/publish/push.py")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A folder the wheel is installed into (pip --target); its dependencies are the project's .venv's."""
    tmp = tmp_path_factory.mktemp("package")
    source = tmp / "source"  # a copy: building in place would leave build/ and *.egg-info in the project
    shutil.copytree(ROOT / "plugins" / "digest", source / "plugins" / "digest",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    built = subprocess.run([*pip, "wheel", "--no-deps", "-w", str(tmp / "dist"), str(source)],
                           capture_output=True, text=True, timeout=600)
    if built.returncode != 0 and "setuptools" in built.stderr and "version" in built.stderr:
        pytest.skip("building the wheel needs setuptools, in pip's cache or from PyPI: neither was reachable")
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next((tmp / "dist").glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert [n for n in WHEEL_NEEDS if n not in names] == []
    assert zipfile.ZipFile(wheel).read("digest/ingest/lines/line-model.json") == \
        (ROOT / "plugins" / "digest" / "ingest" / "lines" / "line-model.json").read_bytes()
    target = tmp / "installed"
    done = subprocess.run([*pip, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def new_site(folder: Path, settings: str) -> Path:
    """A site of its own: settings and two dumps (in the plugin's default place); no taxonomy: the
    plugin's own is used."""
    (folder / "content" / "dumps").mkdir(parents=True)
    for name, text in DUMPS.items():
        (folder / "content" / "dumps" / name).write_text(text, encoding="utf-8")
    (folder / "pelicanconf.py").write_text(settings, encoding="utf-8")
    return folder


def pelican(site: Path, installed: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(installed)}  # the installed plugin, not the project's plugins/
    return subprocess.run([sys.executable, "-m", "pelican", "content", "-o", "output", "-s", "pelicanconf.py"],
                          cwd=site, env=env, capture_output=True, text=True, timeout=600)


def test_the_installed_plugin_builds_a_site_without_digest_settings(installed, tmp_path):
    site = new_site(tmp_path / "site", f'PLUGINS = ["digest"]\nTHEME = {str(ROOT / "theme")!r}\n')
    where = subprocess.run([sys.executable, "-c", "import digest; print(digest.__file__)"], capture_output=True,
                           text=True, env={**os.environ, "PYTHONPATH": str(installed)}, cwd=site)
    assert Path(where.stdout.strip()).is_relative_to(installed), where
    proc = pelican(site, installed)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = site / "output"
    posts = sorted((site / "content" / "posts").glob("*.md"))
    assert len(posts) == 2
    assert (site / "content" / "posts" / "ingest-report.json").is_file()
    assert (site / "content" / "first-seen.json").is_file()
    assert all((out / f"{post.stem}.html").is_file() for post in posts)  # Pelican's own ARTICLE_SAVE_AS
    assert (out / "topics" / "crypto" / "index.html").is_file() and (out / "topics" / "ai" / "index.html").is_file()
    assert (out / "assets" / "BTC" / "index.html").is_file() and (out / "assets" / "NVDA" / "index.html").is_file()
    for feed in ("all", "topics/crypto", "assets/BTC"):
        assert (out / "feeds" / f"{feed}.atom.xml").is_file() and (out / "feeds" / f"{feed}.rss.xml").is_file()


def test_a_theme_without_the_plugins_templates_and_bad_settings_stop_in_one_line(installed, tmp_path):
    site = new_site(tmp_path / "site", 'PLUGINS = ["digest"]\nDIGEST_JOB = 2\nDIGEST_STRICT = "yes"\n')
    proc = pelican(site, installed)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        "error: DIGEST_JOB is no setting of the digest plugin (its settings: README.md, digest/settings.py); "
        "DIGEST_STRICT='yes': must be True or False; THEME " + proc.stderr.split("; THEME ")[1].split(" lacks")[0]
        + " lacks the templates topics.html, assets.html, topic.html, asset.html, feeds.html, search.html, "
          "404.html the digest plugin renders (use the project's theme/, or add them: ARCHITECTURE.md)"]
    assert not (site / "output").exists()
