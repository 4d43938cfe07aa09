"""Browser tests: the built site served over HTTP and read in Debian's chromium via Playwright.

A package, so that its conftest.py does not replace tests/conftest.py as the module `conftest`.
"""
