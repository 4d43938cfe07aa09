"""What the hooks need to know about mkdocs-static-i18n's builds, in one place.

The i18n plugin runs the whole build once per language in one process: the default language first
(the "outer" build), then every other language from inside its on_post_build (the "inner" builds,
during which `building` is true). Work that must happen once per run, after every language is
written, checks `outer_build`; the language lists keep the default language first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# The language tag (BCP 47) each locale is declared with wherever the site states a language: <html
# lang>, hreflang, the feeds. The i18n locale stays `zh`, the name of Material's translation files.
TAGS = {"zh": "zh-Hans"}


def tag(locale: str) -> str:
    """`zh-Hans` for the Simplified Chinese site (its locale is `zh`); other locales as they are."""
    return TAGS.get(locale, locale)


def _i18n(config: MkDocsConfig):
    plugins = getattr(config, "plugins", None)  # absent when a test calls a hook with a bare config
    return plugins.get("i18n") if plugins is not None else None


def outer_build(config: MkDocsConfig) -> bool:
    """True in the default-language build that starts a run (or a `mkdocs serve` rebuild)."""
    return not getattr(_i18n(config), "building", False)


def default_language(config: MkDocsConfig) -> str:
    return next(lang.locale for lang in _i18n(config).config.languages if lang.default)


def other_languages(config: MkDocsConfig) -> list[str]:
    """The configured languages besides the default one that are built."""
    return [lang.locale for lang in _i18n(config).config.languages if not lang.default and lang.build]


def built_languages(config: MkDocsConfig) -> list[str]:
    """The locales this run builds, default first (an I18N_ONLY preview builds one)."""
    i18n = _i18n(config)
    built = set(i18n.build_languages)
    ordered = sorted(i18n.config.languages, key=lambda lang: not lang.default)
    return [lang.locale for lang in ordered if lang.locale in built]
