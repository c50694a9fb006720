"""A built site to GitHub Pages (`make publish`, `python -m digest.publish`): push.py checks the build
(site/sitecheck.py) and pushes it; remote.py checks the remote it goes to."""
