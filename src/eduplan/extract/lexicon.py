"""The extractor's one lexicon: cue words as data (``lexicon_zh.txt``), measure words from the unit registry.

Every word the extractor reacts to is one line of ``lexicon_zh.txt``: comparator cues with their
comparator, negations that turn a comparison round (不应低于 is ``>=``), changes with their direction,
annual growth, hedges, frequencies, words about the past, coverage states. The measure words are
the Chinese aliases of ``units_zh.txt`` (the same file the pint registry is built from), so the unit
registry and the extractor's list are one source: a new measure word is one alias there.

>>> lex = lexicon()
>>> lex.prefix["不低于"], lex.suffix["以上"], lex.comparison_after_negation("低于")
(<Comparator.AT_LEAST: '>='>, <Comparator.AT_LEAST: '>='>, <Comparator.AT_LEAST: '>='>)
>>> words = {m.word: (m.unit, m.count_noun) for m in lex.measure_words}
>>> words["项"], words["学分"], words["节"], words["万元"]
(('count', '项'), ('credit', None), ('class_hour', None), ('yuan', None))
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from importlib import resources

import attrs

from eduplan.targets import Comparator, Strength

_CJK_OR_SIGN = re.compile(r"^[\u4e00-\u9fff%‰]+$")
_FACTOR = re.compile(r"^(?P<factor>\d+(?:\.\d+)?)\s*\*\s*(?P<base>\w+)$")
_FLIPPED = {
    Comparator.LESS_THAN: Comparator.AT_LEAST,
    Comparator.MORE_THAN: Comparator.AT_MOST,
    Comparator.AT_LEAST: Comparator.LESS_THAN,
    Comparator.AT_MOST: Comparator.MORE_THAN,
}


@attrs.frozen
class MeasureWord:
    """A unit word printed after a number, as the gold schema writes it.

    Attributes:
        word: the word as printed (所, 个百分点, 万元).
        unit: the schema unit (``count``, ``percent``, ``yuan`` ...).
        count_noun: the word itself when the schema keeps it as the count noun, else ``None``.
        factor: what one of it is in the schema unit (万元 is 10000 yuan).
    """

    word: str
    unit: str
    count_noun: str | None
    factor: Decimal = Decimal(1)


@attrs.frozen
class Frequency:
    """A period after 每 (每年, 每两年, 每学年): its recurrence label (``yearly`` or ``None``) and a note word."""

    period: str
    recurring: str | None
    note: str


@attrs.frozen(eq=False)
class Lexicon:
    """Every cue word, read from ``lexicon_zh.txt`` and ``units_zh.txt``; lists are longest word first."""

    prefix: dict[str, Comparator]
    negatable: dict[str, Comparator]
    negations: tuple[str, ...]
    suffix: dict[str, Comparator]
    approximate_more: dict[str, Comparator]
    distant_verbs: tuple[str, ...]
    change_up: tuple[str, ...]
    change_down: tuple[str, ...]
    annual_growth: tuple[str, ...]
    hedges: tuple[str, ...]
    hedge_verbs: tuple[str, ...]
    frequencies: tuple[Frequency, ...]
    past: tuple[str, ...]
    background_headings: tuple[str, ...]
    not_narration: tuple[str, ...]
    not_past: tuple[str, ...]
    label_before: tuple[str, ...]
    previous_year: tuple[str, ...]
    baseline_after_year: tuple[str, ...]
    baseline_words: tuple[str, ...]
    completion: tuple[str, ...]
    each_verbs: tuple[str, ...]
    grade_quota: tuple[str, ...]
    standard_reached: tuple[str, ...]
    deadline_labels: tuple[str, ...]
    period_labels: tuple[str, ...]
    preamble_years: tuple[str, ...]
    share_bases: tuple[str, ...]
    start_columns: tuple[str, ...]
    counted_people: tuple[str, ...]
    rank_verbs: tuple[str, ...]
    cued_measures: tuple[str, ...]
    set_phrases_above: tuple[str, ...]
    attributes: dict[str, Strength]
    coverage_attributive: tuple[str, ...]
    duty: tuple[str, ...]
    vague: tuple[str, ...]
    programme: tuple[str, ...]
    pilot_names: tuple[str, ...]
    count_words: tuple[str, ...]
    score_deductions: tuple[str, ...]
    ratio_manner_verbs: tuple[str, ...]
    yearly_tables: tuple[str, ...]
    name_suffix: tuple[str, ...]
    scope_end: tuple[str, ...]
    all_scope_end: tuple[str, ...]
    levels: tuple[str, ...]
    lower_is_better: tuple[str, ...]
    higher_is_better: tuple[str, ...]
    ratio_terms: dict[str, int]
    not_ratio_terms: tuple[str, ...]
    ratio_reach: tuple[str, ...]
    measure_words: tuple[MeasureWord, ...]
    not_a_count: dict[str, str]
    noun_measures: tuple[str, ...]
    plan_words: tuple[str, ...]
    title_endings: tuple[str, ...]
    facts_titles: tuple[str, ...]
    goal_headings: tuple[str, ...]
    reported_headings: tuple[str, ...]
    report_titles: tuple[str, ...]
    institution_nouns: tuple[str, ...]
    change_to: tuple[str, ...]
    consequence_verbs: tuple[str, ...]
    traditional: dict[str, str]
    measure_index: dict[str, MeasureWord] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "measure_index", {m.word: m for m in self.measure_words})

    def comparison_after_negation(self, word: str) -> Comparator:
        """The comparator of a negated [negatable] word: 不低于 (not below) is ``>=``."""
        return _FLIPPED[self.negatable[word]]

    def measure(self, word: str) -> MeasureWord | None:
        """The measure word as printed, or ``None``."""
        return self.measure_index.get(word)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first (so 个百分点 wins over 个).

    >>> alternation(["个", "个百分点", "%"])
    '个百分点|%|个'
    """
    return "|".join(re.escape(word) for word in _longest_first(words))


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, read once from the package data."""
    sections = _sections(resources.files("eduplan.extract").joinpath("lexicon_zh.txt").read_text("utf-8"))
    registry = resources.files("eduplan").joinpath("units_zh.txt").read_text("utf-8")

    def pairs(name: str) -> dict[str, Comparator]:
        return {word: Comparator(value) for word, value, *_ in sections[name]}

    def words(name: str) -> tuple[str, ...]:
        return _longest_first(row[0] for row in sections[name])

    return Lexicon(
        prefix=pairs("prefix"),
        negatable=pairs("negatable"),
        negations=words("negation"),
        suffix=pairs("suffix"),
        approximate_more=pairs("approximate-more"),
        distant_verbs=words("distant-verb"),
        change_up=words("change-up"),
        change_down=words("change-down"),
        annual_growth=words("annual-growth"),
        hedges=words("hedge"),
        hedge_verbs=words("hedge-verb"),
        frequencies=tuple(Frequency(p, None if r == "-" else r, n) for p, r, n in sections["frequency"]),
        past=words("past"),
        background_headings=words("background-heading"),
        not_narration=words("not-narration"),
        not_past=words("not-past"),
        label_before=words("label-before"),
        previous_year=words("previous-year"),
        baseline_after_year=words("baseline-after-year"),
        baseline_words=words("baseline-word"),
        completion=words("completion"),
        each_verbs=words("each-verb"),
        grade_quota=words("grade-quota"),
        standard_reached=words("standard-reached"),
        deadline_labels=words("deadline-label"),
        period_labels=words("period-label"),
        preamble_years=words("preamble-year"),
        share_bases=words("share-base"),
        start_columns=words("start-column"),
        counted_people=words("counted-people"),
        rank_verbs=words("rank-verb"),
        cued_measures=words("cued-measure-words"),
        set_phrases_above=words("set-phrase-above"),
        attributes={word: Strength(value) for word, value, *_ in sections["attribute"]},
        coverage_attributive=words("coverage-attributive"),
        duty=words("duty"),
        vague=words("vague"),
        programme=words("programme"),
        pilot_names=words("pilot-name"),
        count_words=words("count-word"),
        score_deductions=words("score-deduction"),
        ratio_manner_verbs=words("ratio-manner-verb"),
        yearly_tables=words("yearly-table"),
        name_suffix=words("name-suffix"),
        scope_end=words("scope-end"),
        all_scope_end=words("all-scope-end"),
        levels=words("level"),
        lower_is_better=words("lower-is-better"),
        higher_is_better=words("higher-is-better"),
        ratio_terms={row[0]: int(row[1]) for row in sections["ratio-terms"]},
        not_ratio_terms=words("not-ratio-terms"),
        ratio_reach=words("ratio-reach"),
        measure_words=_measure_words(registry, sections["units"], set(words("not-measure-words")),
                                     set(words("latin-measure-words"))),
        not_a_count={row[0]: row[1] for row in sections["not-a-count"]},
        noun_measures=words("noun-measure-words"),
        plan_words=words("plan-word"),
        title_endings=words("title-ending"),
        facts_titles=words("facts-title"),
        goal_headings=words("goal-heading"),
        reported_headings=words("reported-heading"),
        report_titles=words("report-title"),
        institution_nouns=words("institution-noun"),
        change_to=words("change-to"),
        consequence_verbs=words("consequence-verb"),
        traditional={pair[0]: pair[1] for row in sections["traditional"] for pair in row},
    )


def _sections(text: str) -> dict[str, list[list[str]]]:
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        heading = re.fullmatch(r"\[([a-z-]+)\]", line)
        if heading is not None:
            current = sections.setdefault(heading[1], [])
        elif current is not None:
            current.append(line.split())
    return sections


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda word: (-len(word), word)))


def _measure_words(
    registry: str, units: list[list[str]], excluded: set[str], latin: set[str]
) -> tuple[MeasureWord, ...]:
    """The Chinese aliases of the registry's units (and the [latin-measure-words] among its others, 10Mbps), for
    the units the [units] section maps to the schema."""
    schema = {row[0]: (row[1], len(row) > 2 and row[2] == "noun") for row in units}
    found: dict[str, MeasureWord] = {}
    for name, definition, aliases in _definitions(registry):
        if name not in schema:
            continue
        unit, keeps_noun = schema[name]
        factor = _factor(definition, schema, unit)
        for alias in aliases:
            if (_CJK_OR_SIGN.match(alias) or alias in latin) and alias not in excluded:
                found.setdefault(alias, MeasureWord(alias, unit, alias if keeps_noun else None, factor))
    return tuple(sorted(found.values(), key=lambda m: (-len(m.word), m.word)))


def _definitions(registry: str) -> list[tuple[str, str, list[str]]]:
    """``name = definition = alias = alias`` lines of a pint definitions file."""
    rows = []
    for raw in registry.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("@") or "=" not in line:
            continue
        parts = [part.strip() for part in line.split("=")]
        rows.append((parts[0], parts[1], parts[2:]))
    return rows


def _factor(definition: str, schema: dict[str, tuple[str, bool]], unit: str) -> Decimal:
    """万元 = 10000 * yuan: a multiple of a unit with the same schema unit scales the value."""
    match = _FACTOR.match(definition)
    if match is None or schema.get(match["base"], ("",))[0] != unit:
        return Decimal(1)
    return Decimal(match["factor"])
