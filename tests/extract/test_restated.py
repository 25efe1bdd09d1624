"""Rules found on the fourteenth held-out round (issue 17): one table-driven test per rule.

Each row is a sentence in the style of a real plan (written for these tests, not quoted from one) and
what the extractor must read from it.
"""

from __future__ import annotations

import pytest

from eduplan.extract import extract_targets


def _readings(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.comparator.value, str(t.value)) for t in extract_targets(text)]


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        # the bare 实现全覆盖 says again what the 100% before it says: one commitment, one record
        ("心理健康教师配备率达到100%，实现全覆盖。", [("心理健康教师配备率达到100%", ">=", "100")]),
        ("校园视频监控接入率达到100%,基本实现全覆盖。", [("校园视频监控接入率达到100%", ">=", "100")]),
        # not after a 100%: the coverage is a target of its own
        ("推进课后服务，实现全覆盖。", [("实现全覆盖", "==", "100")]),
        ("配备率达到90%，实现全覆盖。", [("配备率达到90%", ">=", "90"), ("实现全覆盖", "==", "100")]),
        # something covered is named: its own target, even after a 100%
        ("配备率达到100%，课后服务实现全覆盖。",
         [("配备率达到100%", ">=", "100"), ("课后服务实现全覆盖", "==", "100")]),
    ],
)
def test_a_bare_full_coverage_after_a_hundred_percent_restates_it(text: str,
                                                                  readings: list[tuple[str, str, str]]) -> None:
    """A clause that is only 实现全覆盖 (nothing named as covered) right after a target of 100% in its sentence
    restates that target and is no second record; elsewhere it is a coverage target (ruling 2)."""
    assert _readings(text) == readings


@pytest.mark.parametrize(
    "text",
    [
        "被督导单位应在收到督导意见书后30个工作日内报送整改方案。",  # a time limit, as 限期3个月内
        "督导报告应在整改期限届满后30日内向社会公布。",
        "发现问题的学校须在15天内完成整改。",
        "同一问题连续2次被督导指出仍未整改到位的，约谈相关负责人。",  # a condition: the clause ends in 的
        "连续两年低于80%的，予以通报批评。",
        "对整改完成率低于80%的市、县，约谈其政府主要负责人。",  # the units below a threshold, not a target
        "自评得分不足60%的学校，暂缓申报。",
        "对重大隐患实行挂牌督办，整改时限一般不超过30个工作日。",  # working days count a time limit, with or without 内
        "在校师生员工超过1500人的学校，要设立安全保卫机构。",  # an excess word, people, 的: a class of schools
    ],
)
def test_time_limits_and_conditions_are_no_targets(text: str) -> None:
    """A time limit in days (N个工作日内, N日内, N天内) and a condition (a clause ending in 的 before a consequence;
    a shortfall word, 低于/不足/未达到, then a number and 的: the units below a threshold, or an excess word and a
    number of people: the schools above one) are no targets."""
    assert _readings(text) == []


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("每年对不少于30%的县(市、区)开展整改复查。", [("每年对不少于30%", ">=", "30")]),
        ("对不低于60%的学校开展抽查。", [("对不低于60%的学校开展抽查", ">=", "60")]),
        ("确保达到85%以上的学校通过验收。", [("确保达到85%以上", ">=", "85")]),
        ("完成C级危房加固改造120栋，新建教学楼3幢。",
         [("完成C级危房加固改造120栋", "==", "120"), ("新建教学楼3幢", "==", "3")]),
    ],
)
def test_shares_of_units_and_buildings_are_targets(text: str, readings: list[tuple[str, str, str]]) -> None:
    """A floor on a share of units (不少于30%的县) stays a target; 栋 and 幢 count buildings."""
    assert _readings(text) == readings


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # a count or an amount per year on average is yearly; a rate of growth per year is annual_growth
        ("“十五五”期间，年均新增义务教育公办学位2.5万个。", ("==", "25000", "yearly")),
        ("年均培训中小学教师10万人次。", ("==", "100000", "yearly")),
        ("年平均投入教育经费5亿元。", ("==", "500000000", "yearly")),
        ("教育经费年均增长不低于6%。", ("annual_growth", "6", None)),
        ("累计新增学位6万个。", ("==", "60000", None)),
    ],
)
def test_a_yearly_average_recurs(text: str, reading: tuple[str, str, str | None]) -> None:
    """年均/年平均 before a count or an amount is a number each year on average (recurring yearly, as 年均提高2个
    百分点 is); 年均增长 before a percent stays a compound rate per year (annual_growth, no recurrence)."""
    (found,) = extract_targets(text)
    assert (found.comparator.value, str(found.value), found.recurring) == reading


TABLE = ("某省教育事业发展“十五五”规划\n表1 主要指标\n类别\t指标\t单位\t2025年基期\t2030年目标\t属性\n"
         "学前教育\t学前三年毛入园率\t%\t92.5\t≥95\t预期性\n"
         "\t年均新增义务教育公办学位\t万个\t—\t2.5\t预期性\n"
         "\t年均培训中小学教师\t万人次\t8\t10\t预期性\n"
         "经费保障\t教育经费年均增长率\t%\t—\t≥6\t约束性\n"
         "\t累计新增公办幼儿园学位\t万个\t—\t6\t预期性\n")


def test_yearly_averages_and_growth_rates_in_an_indicator_table() -> None:
    """In a 主要指标 table too, 年均 in a count's name recurs yearly and 年均增长率 is annual_growth whatever ≥ says."""
    found = [(t.indicator, t.comparator.value, str(t.value), t.recurring) for t in extract_targets(TABLE)]
    assert found == [
        ("学前三年毛入园率", ">=", "95", None),
        ("年均新增义务教育公办学位", "==", "25000", "yearly"),
        ("年均培训中小学教师", ">=", "100000", "yearly"),
        ("教育经费年均增长率", "annual_growth", "6", None),
        ("累计新增公办幼儿园学位", "==", "60000", None),
    ]


PLAN = "行动计划（2025—2027年）\n（一）扩容。"


@pytest.mark.parametrize(
    ("text", "deadlines"),
    [
        # a year printed for another target of the item is the yearly target's too (ruling 1 at item level)
        (PLAN + "2025年底前新建幼儿园3所。每年新增学位2000个。", ["2025-12-31", "2025-12-31"]),
        (PLAN + "每年新增学位2000个，到2026年建成幼儿园5所。", ["2026-12-31", "2026-12-31"]),
        # a month printed for another target lends it only its year
        (PLAN + "2025年9月底前新建幼儿园3所。每年新增学位2000个。", ["2025-09-30", "2025-12-31"]),
        # a start year is no deadline: the title's period
        (PLAN + "自2026年起，每年新增学位2000个。", ["2027-12-31"]),
        ("实施意见\n（一）扩容。每年安排资金不少于2亿元。到2030年，建成幼儿园5所。", ["2030-12-31", "2030-12-31"]),
    ],
)
def test_a_yearly_target_takes_the_year_of_its_item(text: str, deadlines: list[str]) -> None:
    """A 每年 target with no year in its sentence takes its item's year, as any other target does (ruling 1 at item
    level, as plan_2021_2025 t008 and teachers_pdf_2025_2027 t007/t008/t011 are labelled): decided for issue 17, since
    no ruling exempts a recurring target; reading it as recurring through the plan would need a new ruling."""
    assert [t.deadline and t.deadline.isoformat() for t in extract_targets(text)] == deadlines


SPACED = ("2026年课后服务工作方案\n一、目标\n每所学校开设特色课程不少于10门。\n\n附表\n"
          "序号  指标  目标值  完成时限\n1  学生参与率  95%以上  2026年6月底前\n"
          "2  学校特色课程数  不少于10门  2026年9月\n")


def test_a_table_with_spaces_between_cells_is_read_row_by_row() -> None:
    """A table printed with two or more spaces between cells is read as one printed with tabs: each row's 完成时限
    dates it (rows do not run into each other), its 指标 cell names a value-only 目标值 cell, and a target of the
    text it restates takes the row's date."""
    found = [(t.text, t.indicator, t.deadline and t.deadline.isoformat()) for t in extract_targets(SPACED)]
    assert found == [
        ("每所学校开设特色课程不少于10门", "特色课程", "2026-09-30"),
        ("学生参与率  95%以上", "学生参与率", "2026-06-30"),
        ("学校特色课程数  不少于10门", "学校特色课程数", "2026-09-30"),
    ]
