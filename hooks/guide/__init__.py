"""Shared helpers for the hooks in hooks/: data loading and validation, dates, markers, rendering.

MkDocs loads each file listed under `hooks:` as its own module, so hooks cannot share state by
importing one another; they share it through this package, which Python imports once.
"""
