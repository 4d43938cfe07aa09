"""scripts/new_platform.py: a new platform's three files, every field to fill marked, listed all at
once by the build, and a site that builds once they are filled (issue 15)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re

import pytest

from conftest import ROOT, BuildFailed, build, copy_project, newest_verified_epoch

spec = importlib.util.spec_from_file_location("new_platform", ROOT / "scripts" / "new_platform.py")
new_platform = importlib.util.module_from_spec(spec)
spec.loader.exec_module(new_platform)

TODAY = dt.date(2026, 12, 1)  # the day the contributor ran the scaffold (before the build date)

# What a contributor writes in place of each TODO (a made-up platform on example.com).
FILLED = {
    "data/platforms/le-chat.yml": [
        ("'TODO: the Chinese name readers use (Le Chat (Mistral) when there is none)'", "'Le Chat（Mistral）'"),
        ("category: TODO", "category: ai-assistant"),
        ("https://todo.invalid/privacy", "https://www.example.com/privacy"),
        ("https://todo.invalid/", "https://www.example.com/"),
        ("[todo.invalid]", "[example.com]"),
        (
            "'TODO: what the platform does with your data for AI, since when, where, and whether you can stop it.'",
            "Le Chat trains its models on chats unless you turn it off.",
        ),
        (
            "'TODO：用两三句话说明平台如何用你的数据训练 AI、从何时起、在哪些地区，以及能否退出。'",
            "除非你关闭，Le Chat 会用聊天内容训练模型。",
        ),
        ("'TODO: what data is used'", "Chats."),
        ("'TODO：用到哪些数据'", "聊天内容。"),
        ("regions: [TODO]", "regions: [WORLD]"),
        ("'TODO: what a person can do while no setting is known'", "Use a temporary chat."),
        ("'TODO：在没有找到设置之前可以怎么做'", "使用临时对话。"),
        ("'TODO: the page title'", "Privacy Policy"),
        ("'TODO: who published it'", "Example"),
        ("'TODO: which sources you read, and what you could not check.'", "Read the privacy policy."),
        ("'TODO：你查阅了哪些来源，哪些内容未能核实。'", "查阅了隐私政策。"),
    ],
    "docs/en/platforms/le-chat.md": [
        (
            "'TODO: one sentence for search engines: does Le Chat (Mistral) train AI on your data, and can you stop it?'",
            "Le Chat trains on your chats unless you turn it off.",
        ),
        ("TODO: a short paragraph for readers: what matters most, and what to do first.", "Turn it off first."),
    ],
    "docs/zh/platforms/le-chat.md": [
        (
            "'TODO：一句话告诉搜索引擎：Le Chat (Mistral) 是否用你的数据训练 AI，能否退出？'",
            "除非你关闭，Le Chat 会用你的聊天内容训练 AI。",
        ),
        ("TODO：写给读者的一小段话：最要紧的是什么，先做哪一步。", "先把它关掉。"),
    ],
}


def test_refuses_a_taken_or_bad_id(tmp_path):
    project = copy_project(tmp_path / "p")
    with pytest.raises(ValueError, match="exists already"):
        new_platform.create(project, "linkedin", "LinkedIn", TODAY)
    for bad in ("Le_Chat", "le--chat", "-x", "x" * 41):
        with pytest.raises(ValueError, match="not a valid id"):
            new_platform.create(project, bad, "X", TODAY)
    with pytest.raises(ValueError, match="not a usable name"):
        new_platform.create(project, "ok", "<b>x</b>", TODAY)
    assert not list((project / "data" / "platforms").glob("le*chat*.yml"))


def test_scaffold_lists_every_todo_in_one_build_then_builds_when_filled(tmp_path):
    project = copy_project(tmp_path / "p")
    written = new_platform.create(project, "le-chat", "Le Chat (Mistral)", TODAY)
    assert [p.relative_to(project).as_posix() for p in written] == list(FILLED)
    data = (project / "data" / "platforms" / "le-chat.yml").read_text(encoding="utf-8")
    assert data.startswith("# yaml-language-server: $schema=../schema/platform.schema.json")

    with pytest.raises(BuildFailed) as failed:
        build(project, tmp_path / "site-1", epoch=newest_verified_epoch(ROOT))
    lines = [line for line in str(failed.value).splitlines() if re.match(r"^(data|docs)/", line)]
    assert len(lines) >= 20, lines
    assert all("TODO" in line or "category" in line for line in lines), lines
    assert {line.split(":")[0] for line in lines} == set(FILLED), "all three files in one build"

    for rel, pairs in FILLED.items():
        path = project / rel
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, (rel, old)
            text = text.replace(old, new)
        values = "\n".join(line.split(" #")[0] for line in text.splitlines() if not line.startswith("#"))
        assert "TODO" not in values and "todo.invalid" not in values, rel
        path.write_text(text, encoding="utf-8")
    site = tmp_path / "site-2"
    build(project, site, epoch=newest_verified_epoch(ROOT))
    assert "Le Chat" in (site / "platforms" / "le-chat" / "index.html").read_text(encoding="utf-8")
    assert (site / "zh" / "platforms" / "le-chat" / "index.html").exists()
