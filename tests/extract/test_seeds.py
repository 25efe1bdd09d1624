"""The extractor on the five seed documents: tasks, lead units, titles and quoted spans."""

from __future__ import annotations

import datetime as dt

import pytest

from eduplan.extract import DraftPlan, extract_plan

TASKS = {"000": 31, "001": 25, "002": 32, "003": 22, "004": 64}
TITLES = {
    "000": "教育优质均衡发展三年行动计划(2018-2020年)",
    "001": "贵阳贵安教育三年攻坚行动方案",
    "002": "2020年台州教育重点工作发布",
    "003": "教育强市建设实施方案",
    "004": "镇江市教育局2017年工作要点",
}
PERIOD_ENDS = {"000": dt.date(2020, 12, 31), "001": None, "002": dt.date(2020, 12, 31), "003": None,
               "004": dt.date(2017, 12, 31)}


@pytest.fixture(scope="module")
def drafts(seed_texts: dict[str, str]) -> dict[str, DraftPlan]:
    return {stem: extract_plan(text) for stem, text in seed_texts.items()}


@pytest.mark.parametrize("stem", sorted(TASKS))
def test_number_of_tasks(drafts: dict[str, DraftPlan], stem: str) -> None:
    """Each seed's numbered tasks (and task-table rows) are all found."""
    assert len(drafts[stem].all_tasks()) == TASKS[stem]


@pytest.mark.parametrize("stem", sorted(TITLES))
def test_title_and_period(drafts: dict[str, DraftPlan], stem: str) -> None:
    """The title is found past web chrome and cover letters; its period gives the default deadline."""
    assert drafts[stem].title == TITLES[stem]
    assert drafts[stem].period_end == PERIOD_ENDS[stem]


def leads(draft: DraftPlan) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (task.number, tuple(o.name for o in task.responsibility.lead) if task.responsibility else ())
        for task in draft.all_tasks()
    ]


def test_taizhou_lead_units(drafts: dict[str, DraftPlan]) -> None:
    """000: 市教育局 leads tasks 1-25 except 12 (shared with 人社局); the 是 items name their own leads."""
    found = dict(leads(drafts["000"]))
    numbered = {number: lead for number, lead in leads(drafts["000"]) if number.endswith(".")}
    assert len(numbered) == 25
    assert numbered["12."] == ("市教育局", "市人力资源社会保障局")
    assert all(lead == ("市教育局",) for number, lead in numbered.items() if number != "12.")
    assert found["一是"] == ("市委教育工委",)
    assert found["四是"] == ("市财政局",)
    assert found["六是"] == ("市政府教育督导委办公室",)


def test_taizhou_groups(drafts: dict[str, DraftPlan]) -> None:
    """000 task 15 lists 各高校 and 有关市(区)政府 as groups, 市编办 as one body."""
    task = next(t for t in drafts["000"].all_tasks() if t.number == "15.")
    assert task.responsibility is not None
    units = {o.name: o.group for o in task.responsibility.units}
    assert units["各高校"] and units["有关市(区)政府"] and not units["市编办"]


def test_guiyang_lead_units(drafts: dict[str, DraftPlan]) -> None:
    """001: only 责任单位 is printed, so the first unit leads (inferred)."""
    found = [lead[0] for _, lead in leads(drafts["001"])]
    assert found == [
        "市教育局", "市教育局", "市教育局",
        "市教育局", "市人民政府教育督导委员会", "市教育局", "市发展改革委",
        "市教育局", "市委编办", "市教育局", "市教育局",
        "市教育局", "市住房城乡建设局", "市教育局", "贵安新区办公室", "市教育局",
        "市教育局", "市教育局", "市教育局", "市教育局", "市教育局",
        "市教育局", "市教育局", "贵安新区办公室", "市教育局",
    ]
    assert all(task.responsibility is not None and task.responsibility.lead_inferred
               for task in drafts["001"].all_tasks())


def test_plans_without_responsibilities(drafts: dict[str, DraftPlan]) -> None:
    """002 and 003 print no responsibilities; none are invented."""
    for stem in ("002", "003"):
        assert all(task.responsibility is None for task in drafts[stem].all_tasks())


def test_zhenjiang_table_rows(drafts: dict[str, DraftPlan]) -> None:
    """004: the 任务书 rows get their office as lead, their 责任单位 and their 完成时限."""
    rows = [t for t in drafts["004"].all_tasks() if t.id.startswith("table.")]
    assert len(rows) == 26
    first, fourth = rows[0], rows[3]
    assert first.responsibility is not None and fourth.responsibility is not None
    assert [o.name for o in first.responsibility.lead] == ["基教处"]
    assert [o.name for o in first.responsibility.units] == ["市及各辖市区"]
    assert fourth.deadline == dt.date(2017, 10, 31)
    assert [o.name for o in fourth.responsibility.lead] == ["职社处"]
    numbered = [t for t in drafts["004"].all_tasks() if not t.id.startswith("table.")]
    assert all(task.responsibility is None for task in numbered)


@pytest.mark.parametrize("stem", sorted(TASKS))
def test_every_target_quotes_its_source(drafts: dict[str, DraftPlan], seed_texts: dict[str, str], stem: str) -> None:
    """source[start:end] is the quoted text of every target."""
    source = seed_texts[stem]
    assert drafts[stem].targets
    for target in drafts[stem].targets:
        assert source[target.span.start : target.span.end] == target.text


def test_restated_target_takes_the_table_deadline(drafts: dict[str, DraftPlan]) -> None:
    """004: 省现代化实训基地2个 in the main text takes the task table's 完成时限 2017.10."""
    target = next(t for t in drafts["004"].targets if t.text.endswith("省现代化实训基地2个"))
    assert target.deadline == dt.date(2017, 10, 31)
