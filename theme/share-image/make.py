"""Draw the theme's share image, ../static/share.png (1200x630: what link previews show for a page),
from card.html beside this file, in Chromium. `make share-image` runs it after card.html changes; the PNG
is committed, so a build never needs a browser."""
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.goto((HERE / "card.html").as_uri())
        page.screenshot(path=HERE.parent / "static" / "share.png")
        browser.close()


if __name__ == "__main__":
    main()
