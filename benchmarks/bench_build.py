"""Side-by-side measurements of the build and the built site (not a test: numbers vary by machine).

    python3 benchmarks/bench_build.py [--runs 5] [--only overhead,stages,scaling,serve,weight,search]
                                      [--sizes 30,100,300,1000] [--write]

Every figure is printed with its target. --write stores them, with the machine they came from, in
benchmarks/results.json and benchmarks/RESULTS.md (sections run separately are merged).

Each build runs in a child process (`python -m mkdocs build`), so its CPU time (user + system) and
peak memory come from os.wait4 for that child alone. On a shared machine wall time is noise (other
processes take the cores); CPU time of the child is much steadier, so ratios use CPU time and wall
time is shown beside it. Pairs are measured alternately in one run, and the median is reported.

1. overhead  the real site against a frozen copy (every marker replaced by the Markdown the hooks
             rendered for it, hooks off), both languages.
2. stages    a cProfile of one real build, split into stages, and the cost per page against a plain
             Material + i18n site with the same (frozen) pages: no hooks, no overrides, no scripts.
3. scaling   generated sites of N platforms (copies of data/platforms/linkedin.yml and its pages,
             renamed): time, peak memory, and bytes per platform of the pages that list platforms.
4. serve     a real `mkdocs serve` on 127.0.0.1: a data file is saved, the page is polled until it
             shows the change.
5. weight    the bytes a first visit to a platform page transfers, gzip-compressed, and each
             language's search index at the largest generated size.
6. search    keystroke to results in chromium (Playwright), on the largest generated site.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform as platform_info
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import copy_project, newest_verified_epoch  # noqa: E402

LANGS = ("en", "zh")
TOOL_PAGES = ("overview", "checklist", "changes", "letters", "platforms")  # pages that list every platform
results: dict[str, dict] = {}


def say(section: str, name: str, value, target: str = "", ok: bool | None = None, note: str = "") -> None:
    """Print one figure with its target, and keep it for --write."""
    mark = "" if ok is None else (" [met]" if ok else " [MISSED]")
    print(f"{section:9} {name}: {value}" + (f"  (target: {target}){mark}" if target else "") + (f"  - {note}" if note else ""), flush=True)
    results.setdefault(section, {})[name] = {"value": str(value), "target": target, "ok": ok, "note": note}
    if WRITE:  # each figure is stored as soon as it is known: a long run stopped early keeps what it measured
        write()


# --- building in a child process -------------------------------------------------------------------


def run_build(project: Path, site: Path, *, strict: bool = True, profile: Path | None = None) -> dict:
    """`mkdocs build` of project into site in a child process: wall s, cpu s (user+sys), peak RSS MiB."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(newest_verified_epoch(project)))
    env.pop("I18N_ONLY", None)
    env.pop("SITE_URL", None)
    cmd = [sys.executable]
    if profile:
        cmd += ["-m", "cProfile", "-o", str(profile)]
    cmd += ["-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        cmd.append("--strict")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"build of {project} failed:\n{err.decode(errors='replace')[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024}


PARALLEL = False
WRITE = False


def builds(tmp: Path, jobs: list[tuple[Path, bool]]) -> list[dict]:
    """run_build of each (project, strict), alternating as listed; with --parallel all at once
    (each child's CPU time is its own, so a pair under the same load still compares)."""

    def one(index_job):
        index, (project, strict) = index_job
        site = tmp / f"site-{index}"
        try:
            return run_build(project, site, strict=strict)
        finally:
            shutil.rmtree(site, ignore_errors=True)

    if not PARALLEL:
        return [one(item) for item in enumerate(jobs)]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(one, enumerate(jobs)))


def drop_key(config_text: str, key: str) -> str:
    """mkdocs.yml without one top-level key (and its indented block)."""
    out, skipping = [], False
    for line in config_text.split("\n"):
        if re.match(rf"{key}:", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)


CAPTURE_HOOK = """
import os
from pathlib import Path
from mkdocs.plugins import event_priority

@event_priority(-1000)  # after every other hook: the Markdown as the hooks left it
def on_page_markdown(markdown, *, page, config, files):
    out = Path(os.environ["BENCH_CAPTURE"]) / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown, encoding="utf-8")
    return markdown
"""


def frozen_copy(source: Path, target: Path, *, plain: bool = False) -> Path:
    """A copy of `source` whose pages hold the Markdown the hooks rendered, with hooks off.

    plain=True also drops the theme overrides and the project's scripts and styles: a plain
    Material + i18n site with the same pages."""
    capture = target.parent / (target.name + "-capture")
    work = target.parent / (target.name + "-work")
    shutil.copytree(source, work, ignore=shutil.ignore_patterns("__pycache__"))
    (work / "hooks" / "zz_capture.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    config = (work / "mkdocs.yml").read_text(encoding="utf-8")
    (work / "mkdocs.yml").write_text(config.replace("hooks:\n", "hooks:\n  - hooks/zz_capture.py\n", 1), encoding="utf-8")
    os.environ["BENCH_CAPTURE"] = str(capture)
    try:
        run_build(work, target.parent / (target.name + "-capture-site"))
    finally:
        os.environ.pop("BENCH_CAPTURE", None)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "hooks"))
    for page in (target / "docs").rglob("*.md"):
        rel = page.relative_to(target / "docs")
        text = page.read_text(encoding="utf-8-sig")
        front = re.match(r"---\r?\n.*?\r?\n---\r?\n", text, re.S)
        page.write_text((front.group(0) if front else "") + (capture / rel).read_text(encoding="utf-8"), encoding="utf-8")
    config = drop_key(drop_key(config, "hooks"), "watch")
    if plain:
        for key in ("extra_javascript", "extra_css"):
            config = drop_key(config, key)
        config = config.replace("  custom_dir: overrides\n", "")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    for extra in (capture, work, target.parent / (target.name + "-capture-site")):
        shutil.rmtree(extra, ignore_errors=True)
    return target


def page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


# --- 1. hook overhead ------------------------------------------------------------------------------


def bench_overhead(tmp: Path, runs: int) -> None:
    real = copy_project(tmp / "real")
    frozen = frozen_copy(real, tmp / "frozen")
    times = {"real": [], "frozen": []}
    jobs = [
        (name, project, strict, run) for run in range(runs) for name, project, strict in (("real", real, True), ("frozen", frozen, False))
    ]
    for (name, *_), figures in zip(jobs, builds(tmp, [(project, strict) for _, project, strict, _ in jobs])):
        times[name].append(figures)
    cpu = {k: statistics.median(t["cpu"] for t in v) for k, v in times.items()}
    wall = {k: statistics.median(t["wall"] for t in v) for k, v in times.items()}
    ratio = cpu["real"] / cpu["frozen"]
    say(
        "overhead",
        f"real site / frozen copy, CPU, median of {runs} {'concurrent' if PARALLEL else 'alternating'} runs",
        f"{ratio:.2f}x ({cpu['real']:.2f} s vs {cpu['frozen']:.2f} s)",
        "<= 1.10x",
        ratio <= 1.10,
    )
    say(
        "overhead",
        "same, wall time (noise on a shared machine)",
        f"{wall['real'] / wall['frozen']:.2f}x ({wall['real']:.1f} s vs {wall['frozen']:.1f} s)",
    )


# --- 2. stages and cost per page -------------------------------------------------------------------

STAGES = {
    # stage: (path fragment, function names); cumulative times, summed over both languages
    "data load and validation": [("hooks/validate.py", None)],
    "marker rendering": [("hooks/inject.py", "on_page_markdown")],
    "Markdown": [("mkdocs/structure/pages.py", "render")],
    "templates (page render and write)": [("mkdocs/commands/build.py", "_build_page")],
    "search index": [("material/plugins/search/plugin.py", None), ("hooks/search_split.py", None), ("hooks/search_words.py", None)],
    "open data and feeds": [("hooks/opendata.py", None)],
}


def stage_times(profile: Path) -> tuple[float, dict[str, float], dict]:
    stats = pstats.Stats(str(profile)).stats  # (file, line, name) -> (cc, nc, tt, ct, callers)
    total = max(ct for (f, _, n), (_, _, _, ct, _) in stats.items() if f.endswith("mkdocs/commands/build.py") and n == "build")
    out = {}
    for stage, wanted in STAGES.items():
        out[stage] = sum(
            ct
            for (f, _, n), (_, _, _, ct, _) in stats.items()
            for frag, name in wanted
            if f.endswith(frag) and (n == name if name else n.startswith("on_"))
        )
    counts = {
        "jinja compiles": sum(
            nc for (f, _, n), (_, nc, _, _, _) in stats.items() if f.endswith("jinja2/environment.py") and n == "compile"
        ),
        "jinja compile s": sum(
            ct for (f, _, n), (_, _, _, ct, _) in stats.items() if f.endswith("jinja2/environment.py") and n == "compile"
        ),
        "data loads": sum(nc for (f, _, n), (_, nc, _, _, _) in stats.items() if f.endswith("guide/data.py") and n == "_load"),
        "platform files parsed": sum(
            nc for (f, _, n), (_, nc, _, _, _) in stats.items() if f.endswith("guide/data.py") and n == "_load_platform"
        ),
        "schema validations": sum(
            nc for (f, _, n), (_, nc, _, _, _) in stats.items() if f.endswith("guide/schema_errors.py") and n == "problems"
        ),
        "emoji deep copies": sum(nc for (f, _, n), (_, nc, _, _, _) in stats.items() if "pymdownx/emoji" in f),
    }
    return total, out, counts


def bench_stages(tmp: Path, runs: int) -> None:
    real = copy_project(tmp / "real")
    plain = frozen_copy(real, tmp / "plain", plain=True)
    prof = tmp / "build.prof"
    run_build(real, tmp / "site-prof", profile=prof)
    total, stages, counts = stage_times(prof)
    for stage, seconds in stages.items():
        share = seconds / total
        if stage == "data load and validation":
            say("stages", f"share of a build: {stage}", f"{share:.1%}", "<= 5%", share <= 0.05)
        else:
            say("stages", f"share of a build: {stage}", f"{share:.1%}")
    say(
        "stages",
        "Jinja template compilations per build (both languages)",
        f"{counts['jinja compiles']} ({counts['jinja compile s'] / total:.1%} of the build)",
    )
    langs = len(LANGS)
    say(
        "stages",
        "data parsed and validated per build",
        f"{counts['data loads']} load(s), {counts['platform files parsed']} platform files parsed for "
        f"{len(list((real / 'data' / 'platforms').glob('*.yml')))} platforms, {counts['schema validations']} schema validations",
        "each file once per build",
        counts["data loads"] == 1,
    )
    say("stages", "pymdownx.emoji calls", counts["emoji deep copies"], "0 (no page uses an emoji)", counts["emoji deep copies"] == 0)
    pages = page_count(tmp / "site-prof")
    jobs = [job for _ in range(runs) for job in ((real, True), (plain, False))]
    figures = builds(tmp, jobs)
    real_cpu = [f["cpu"] for f, (project, _) in zip(figures, jobs) if project == real]
    plain_cpu = [f["cpu"] for f, (project, _) in zip(figures, jobs) if project == plain]
    r, p = statistics.median(real_cpu), statistics.median(plain_cpu)
    say("stages", f"CPU per page, real site ({pages} pages, {langs} languages)", f"{r / pages * 1000:.1f} ms")
    say("stages", "CPU per page, plain Material + i18n, same pages, no hooks or overrides", f"{p / pages * 1000:.1f} ms")
    say("stages", f"cost per page, real / plain, median of {runs} {'concurrent' if PARALLEL else 'alternating'} runs", f"{r / p:.2f}x")


# --- 3. scaling -----------------------------------------------------------------------------------


def generated_project(target: Path, count: int) -> Path:
    """The project with `count` platforms: copies of linkedin.yml and its pages under new ids and names."""
    project = copy_project(target)
    for path in (project / "data" / "platforms").glob("*.yml"):
        path.unlink()
    for lang in LANGS:
        for page in (project / "docs" / lang / "platforms").glob("*.md"):
            if page.name != "index.md":
                page.unlink()
    text = (ROOT / "data" / "platforms" / "linkedin.yml").read_text(encoding="utf-8")
    pages = {lang: (ROOT / "docs" / lang / "platforms" / "linkedin.md").read_text(encoding="utf-8") for lang in LANGS}
    for number in range(1, count + 1):
        pid = f"gen-{number:04d}"
        body = text.replace("id: linkedin\n", f"id: {pid}\n", 1)
        body = re.sub(r"^name: .*$", f"name: {{en: 'Generated {number:04d}', zh: '生成平台{number:04d}号'}}", body, count=1, flags=re.M)
        (project / "data" / "platforms" / f"{pid}.yml").write_text(body, encoding="utf-8")
        for lang, page in pages.items():
            page = page.replace("optout:", "optout:").replace(" linkedin -->", f" {pid} -->")
            page = re.sub(
                r"^# .*$", f"# Generated {number:04d}" if lang == "en" else f"# 生成平台{number:04d}号", page, count=1, flags=re.M
            )
            (project / "docs" / lang / "platforms" / f"{pid}.md").write_text(page, encoding="utf-8")
    return project


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def bench_scaling(tmp: Path, sizes: list[int], keep: Path | None) -> dict[int, Path]:
    sites, rows = {}, {}
    for count in sizes:
        project = generated_project(tmp / f"gen{count}", count)
        site = tmp / f"site-gen{count}"
        rows[count] = run_build(project, site)
        shutil.rmtree(project)
        sites[count] = site
        sizes_of = {name: (site / name / "index.html").stat().st_size for name in TOOL_PAGES}
        rows[count]["pages"] = sizes_of
        say(
            "scaling",
            f"{count} platforms",
            f"CPU {rows[count]['cpu']:.1f} s, wall {rows[count]['wall']:.1f} s, peak memory {rows[count]['rss_mib']:.0f} MiB; "
            + ", ".join(f"{name} {size / count / 1024:.1f} KiB/platform" for name, size in sizes_of.items()),
        )
    big = max(sizes)
    if 100 in rows and big != 100:
        ratio = rows[big]["cpu"] / rows[100]["cpu"]
        say(
            "scaling",
            f"time of {big} / time of 100 platforms (CPU)",
            f"{ratio:.2f}x",
            f"<= {big / 100 * 1.1:.0f}x",
            ratio <= big / 100 * 1.1,
        )
    say("scaling", f"peak memory at {big} platforms", f"{rows[big]['rss_mib']:.0f} MiB", "< 1024 MiB", rows[big]["rss_mib"] < 1024)
    small = min(sizes)
    for name in TOOL_PAGES:
        a, b = rows[small]["pages"][name] / small, rows[big]["pages"][name] / big
        say(
            "scaling",
            f"{name} page, bytes per platform at {small} -> {big}",
            f"{a:.0f} -> {b:.0f}",
            "not growing (linear page)",
            b <= a * 1.1,
        )
    for lang in LANGS:
        index = sites[big] / ("" if lang == "en" else lang) / "search" / "search_index.json"
        size = gz(index.read_bytes())
        say("weight", f"search index ({lang}) at {big} platforms, gzip", f"{size / 1024:.0f} KiB", "< 1024 KiB", size < 1024 * 1024)
    if keep:
        shutil.rmtree(keep, ignore_errors=True)
        shutil.copytree(sites[big], keep)
    return sites


# --- 4. live editing ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def serve_latency(project: Path, pid: str, edits: int, timeout: float = 2400) -> list[float]:
    """Seconds from saving data/platforms/<pid>.yml to `mkdocs serve` serving the changed page."""
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(newest_verified_epoch(project)))
    env.pop("I18N_ONLY", None)
    env["SITE_URL"] = f"http://127.0.0.1:{port}/"  # serve at the root (the published address has a path)
    log = open(project / "serve.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}/zh/platforms/{pid}/"
    data = project / "data" / "platforms" / f"{pid}.yml"
    original = data.read_text(encoding="utf-8")
    anchor = "verification_note:\n  en: >-\n"
    assert anchor in original, "the benchmark edits the English verification note"
    out = []
    try:
        deadline = time.monotonic() + timeout
        while "<html" not in _fetch(url):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit("mkdocs serve did not start:\n" + (project / "serve.log").read_text(errors="replace")[-2000:])
            time.sleep(0.5)
        time.sleep(2)
        for edit in range(edits):
            token = f"benchedit{edit}x"
            at = original.index(anchor)
            head, tail = original[:at], original[at:]
            tail = tail.replace(anchor, anchor + f"    {token}\n", 1).replace("\n  zh: ", f"\n  zh: {token} ", 1)
            data.write_text(head + tail, encoding="utf-8")
            start = time.perf_counter()
            # the Chinese site is built last: when its page shows the change, the whole rebuild is done
            while token not in _fetch(url):
                if time.perf_counter() - start > timeout:
                    raise SystemExit("the change never appeared")
                time.sleep(0.05)
            out.append(time.perf_counter() - start)
            time.sleep(2)
    finally:
        data.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=60)
        log.close()
    return out


def bench_serve(tmp: Path, edits: int) -> None:
    real = copy_project(tmp / "serve-real")
    times = serve_latency(real, "linkedin", edits)
    say("serve", f"save to rebuilt page, real site, median of {len(times)}", f"{statistics.median(times):.1f} s wall")
    gen = generated_project(tmp / "serve-gen300", 300)
    times = serve_latency(gen, "gen-0001", max(2, edits - 1))
    say("serve", f"save to rebuilt page, 300 platforms, median of {len(times)}", f"{statistics.median(times):.1f} s wall")


# --- 5. page weight -------------------------------------------------------------------------------


def first_visit(site: Path, page: str) -> tuple[int, dict[str, int]]:
    """gzip bytes of a page and the CSS and JS it references (link rel=stylesheet, script src)."""
    html_path = site / page / "index.html"
    html = html_path.read_bytes()
    parts = {"HTML": gz(html)}
    text = html.decode("utf-8")
    refs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', text) + re.findall(r'<script src="([^"]+)"', text)
    for ref in refs:
        target = (html_path.parent / ref.split("?")[0]).resolve()
        parts[target.name] = gz(target.read_bytes())
    return sum(parts.values()), parts


def bench_weight(tmp: Path) -> None:
    site = tmp / "site-weight"
    run_build(copy_project(tmp / "weight"), site)
    for page in ("platforms/linkedin", "zh/platforms/linkedin"):
        total, parts = first_visit(site, page)
        say(
            "weight",
            f"first visit to /{page}/, gzip, before the search index",
            f"{total / 1024:.1f} KiB",
            "<= 70 KiB",
            total <= 70 * 1024,
            ", ".join(f"{k} {v / 1024:.1f}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])),
        )
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    say("weight", "search worker (fetched when search starts), gzip", f"{gz(worker.read_bytes()) / 1024:.1f} KiB")
    for lang in LANGS:
        index = site / ("" if lang == "en" else lang) / "search" / "search_index.json"
        say("weight", f"search index ({lang}), real site, gzip", f"{gz(index.read_bytes()) / 1024:.0f} KiB")


# --- 6. search in the browser ---------------------------------------------------------------------

ARM = """() => {
  window.__t0 = null; window.__t1 = null;
  const box = document.querySelector("input.md-search__input");
  box.addEventListener("keyup", () => { window.__t0 = performance.now(); }, {once: true, capture: true});
  const list = document.querySelector(".md-search-result__list");
  const done = () => { if (window.__t0 !== null && window.__t1 === null && list.children.length) window.__t1 = performance.now(); };
  new MutationObserver(done).observe(list, {childList: true});
}"""


def bench_search(site: Path, trials: int) -> None:
    from playwright.sync_api import sync_playwright

    from browsing import CHROMIUM, LAUNCH_ARGS
    from serving import serve

    queries = {"zh": ["退出", "隐私", "训练", "异议", "设置"], "en": ["objection", "privacy", "training", "settings", "opt out"]}
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            for lang, words in queries.items():
                tab = browser.new_page(viewport={"width": 1280, "height": 900})
                tab.goto(base + ("zh/" if lang == "zh" else ""))
                box = tab.locator("input.md-search__input")
                box.click()
                # the index is loaded once the worker is ready: Material then shows its "type to search" text
                tab.wait_for_function(
                    "() => { const m = document.querySelector('.md-search-result__meta'); return m && !/…|\\.\\.\\./.test(m.textContent); }",
                    timeout=600_000,
                )
                times = []
                for trial in range(trials):
                    query = words[trial % len(words)]
                    box.fill("")
                    box.press("End")
                    tab.wait_for_timeout(300)
                    box.fill(query)  # text input, no key event: Material waits for the keyup
                    tab.wait_for_timeout(300)
                    tab.evaluate(ARM)
                    box.press("End")
                    tab.wait_for_function("() => window.__t1 !== null", timeout=120_000)
                    times.append(tab.evaluate("() => window.__t1 - window.__t0"))
                tab.close()
                med = statistics.median(times)
                platforms = sum(1 for _ in (site / "platforms").glob("*/index.html"))
                say(
                    "search",
                    f"keystroke to results ({lang}, {platforms} platforms, {len(times)} queries, median)",
                    f"{med:.0f} ms",
                    "< 300 ms",
                    med < 300,
                    "each: " + ", ".join(f"{t:.0f}" for t in times),
                )
        finally:
            browser.close()


# --- machine and output ---------------------------------------------------------------------------


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().split("\n") if line.startswith("model name")),
        "unknown CPU",
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{platform_info.system()} {platform_info.release()}, {cpu}, {os.cpu_count()} cores, Python {platform_info.python_version()}, "
        f"load average {load} while measuring"
    )


def write() -> None:
    import fcntl

    store = HERE / "results.json"
    lock = open(HERE / ".results.lock", "w")  # sections run in parallel merge one after another
    fcntl.flock(lock, fcntl.LOCK_EX)
    saved = json.loads(store.read_text(encoding="utf-8")) if store.exists() else {}
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    for section, figures in results.items():
        # figures of a section measured by another run (e.g. other sizes) are kept beside these
        merged = {**saved.get(section, {}).get("figures", {}), **figures}
        saved[section] = {"when": stamp, "commit": commit, "machine": machine(), "figures": merged}
    store.write_text(json.dumps(saved, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    lines = [
        "# Benchmark results",
        "",
        "Written by `python3 benchmarks/bench_build.py --write` (see its docstring for the method).",
        "Ratios use the CPU time of each build's child process: on a shared machine wall time is noise.",
        "",
    ]
    for section, block in saved.items():
        lines += [
            f"## {section}",
            "",
            f"{block['when']}, commit {block['commit']}; {block['machine']}.",
            "",
            "| Figure | Value | Target | |",
            "|---|---|---|---|",
        ]
        for name, fig in block["figures"].items():
            verdict = "" if fig["ok"] is None else ("met" if fig["ok"] else "**missed**")
            value = fig["value"] + (f" ({fig['note']})" if fig["note"] else "")
            lines.append(f"| {name} | {value} | {fig['target']} | {verdict} |")
        lines.append("")
    (HERE / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    lock.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="overhead,stages,scaling,serve,weight,search")
    parser.add_argument("--sizes", default="30,100,300,1000")
    parser.add_argument("--site", type=Path, help="keep (scaling) or reuse (search) the largest generated site here")
    parser.add_argument("--parallel", action="store_true", help="run the compared builds at once, not one after another")
    parser.add_argument("--write", action="store_true", help="store the figures in benchmarks/RESULTS.md")
    args = parser.parse_args()
    global PARALLEL, WRITE
    PARALLEL, WRITE = args.parallel, args.write
    sections = args.only.split(",")
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        if "overhead" in sections:
            bench_overhead(tmp, args.runs)
        if "stages" in sections:
            bench_stages(tmp, args.runs)
        if "weight" in sections:
            bench_weight(tmp)
        big_site = None
        if "scaling" in sections:
            big_site = bench_scaling(tmp, sizes, args.site)[max(sizes)]
        if "serve" in sections:
            bench_serve(tmp, max(2, min(args.runs, 3)))
        if "search" in sections:
            if big_site is None:
                if args.site and args.site.exists():
                    big_site = args.site
                else:
                    big_site = bench_scaling(tmp, [max(sizes)], None)[max(sizes)]
            bench_search(big_site, max(5, args.runs))


if __name__ == "__main__":
    main()
