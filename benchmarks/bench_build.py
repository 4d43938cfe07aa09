"""Side-by-side measurements of the build, reported as ratios (not a test: numbers vary by machine).

    python3 benchmarks/bench_build.py [--runs N]

1. Data loading: the data is parsed and validated once per build and shared by both languages,
   versus re-read for every language (what a naive hook in on_pre_build would do).
2. Templates: the partials compiled once per language build (guide.render.Renderer) versus for every
   marker with no cache (the upper bound of calling config.theme.get_env() per page, which makes a
   new Jinja environment, with an empty template cache, on every call).
3. Search download: what a reader on /zh/ downloads with the per-language index, versus the
   merged index mkdocs-static-i18n writes.
Both variants of each pair are measured in the same process, interleaved, so machine noise hits both.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import build  # noqa: E402
from guide import data, render  # noqa: E402


def timed_build(out: Path) -> float:
    start = time.perf_counter()
    build(ROOT, out)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    shared, fresh, uncached = [], [], []
    original = data.load
    original_module = render.Renderer.module
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            shared.append(timed_build(Path(tmp) / f"shared{run}"))
            # naive: every language's on_pre_build re-reads (hooks/validate.py passes `fresh`);
            # page events still reuse the data of their own language
            data.load = lambda root, today=None, **kw: original(root, today, fresh=True) if "fresh" in kw else original(root, today)
            try:
                fresh.append(timed_build(Path(tmp) / f"fresh{run}"))
            finally:
                data.load = original
            render.Renderer.module = lambda self, template: self.env.overlay().get_template(template).module
            try:
                uncached.append(timed_build(Path(tmp) / f"uncached{run}"))
            finally:
                render.Renderer.module = original_module
        site = Path(tmp) / "shared0"
        zh_index = (site / "zh" / "search" / "search_index.json").stat().st_size
        en_index = (site / "search" / "search_index.json").stat().st_size
        merged = len(json.dumps({"docs": json.loads((site / "search" / "search_index.json").read_text())["docs"]
                                 + json.loads((site / "zh" / "search" / "search_index.json").read_text())["docs"]},
                                ensure_ascii=False, separators=(",", ":")).encode())
    s, f = statistics.median(shared), statistics.median(fresh)
    print(f"platforms: {len(list((ROOT / 'data' / 'platforms').glob('*.yml')))}, runs: {runs}")
    print(f"build, data shared by languages: median {s:.2f} s; re-read per language: median {f:.2f} s; ratio {f / s:.2f}x")
    u = statistics.median(uncached)
    print(f"build, partials compiled once per language: median {s:.2f} s; compiled per marker: median {u:.2f} s; ratio {u / s:.2f}x")
    print(f"search download on /zh/: {zh_index / 1024:.0f} KiB vs merged {merged / 1024:.0f} KiB; ratio {merged / zh_index:.2f}x")
    print(f"search download on /: {en_index / 1024:.0f} KiB vs merged {merged / 1024:.0f} KiB; ratio {merged / en_index:.2f}x")


if __name__ == "__main__":
    main()
