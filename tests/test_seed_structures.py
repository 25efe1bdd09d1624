"""Each seed document's structure can be expressed with the model: one representative task per seed,
built by hand in code with its responsibilities, targets and provenance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eduplan import (
    Accumulation,
    Amount,
    Baseline,
    Basis,
    Comparator,
    Direction,
    Frequency,
    Goal,
    Hold,
    Indicator,
    IndicatorKind,
    Organisation,
    Plan,
    PlanStatus,
    Provenance,
    Reference,
    ReferenceKind,
    Responsibility,
    Role,
    Scope,
    ScopeKind,
    Section,
    Strength,
    Target,
    Task,
    parse_deadline,
    parse_quantity,
)

SEEDS = Path(__file__).parent / "data" / "seeds"


def quote(seed: str, text: str) -> Provenance:
    """Provenance for ``text`` in a seed file, with offsets found in the file itself."""
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    source = path.read_text(encoding="utf-8")
    start = source.find(text)
    assert start >= 0, text
    return Provenance(path.name, text, start, start + len(text))


def test_taizhou_2018_2020_school_building() -> None:
    """000: 到2020年新(改扩)建各类学校154所 ... 新增学位5万个以上, with a lead unit and a group."""
    schools = Indicator("new-schools", "新(改扩)建各类学校", IndicatorKind.COUNT, "所", count_noun="所")
    places = Indicator("new-places", "新增学位", IndicatorKind.COUNT, "个", count_noun="个")
    deadline = parse_deadline("到2020年")
    task = Task(
        "a-1", "1.", "加快学校建设",
        responsibilities=(
            Responsibility(Organisation("市教育局"), Role.LEAD),
            Responsibility(Organisation("市发展改革委"), Role.RESPONSIBLE),
            Responsibility(Organisation.group("各市(区)"), Role.RESPONSIBLE),
        ),
        targets=(
            Target("t1", schools, Comparator.EXACTLY, parse_quantity("154所"), deadline=deadline,
                   accumulation=Accumulation.CUMULATIVE, provenance=quote("000", "新(改扩)建各类学校154所")),
            Target("t2", places, Comparator.AT_LEAST, parse_quantity("5万个"), deadline=deadline,
                   accumulation=Accumulation.CUMULATIVE, provenance=quote("000", "新增学位5万个以上")),
        ),
    )
    plan = Plan("taizhou-2018-2020", "教育优质均衡发展三年行动计划(2018-2020年)", "2018-2020年",
                status=PlanStatus.FOR_COMMENT, sections=(Section("s2", "二、", "主要任务", tasks=(task,)),))
    assert plan.target("t2").value == Amount(50000, "个")
    assert [o.name for o in plan.task("a-1").leads] == ["市教育局"]
    assert plan.task("a-1").units()[-1].is_group


def test_taizhou_2018_2020_multiple_of_provincial_standard() -> None:
    """000: 生均公用经费拨款标准不低于省定标准的110%: a multiple of a named parameter."""
    funding = Indicator("high-school-funding", "高中教育生均公用经费拨款标准", IndicatorKind.RATIO, "元/生")
    target = Target("t3", funding, Comparator.AT_LEAST, parse_quantity("110%"), basis=Basis.MULTIPLE,
                    reference=Reference(ReferenceKind.PARAMETER, "省定标准"),
                    provenance=quote("000", "不低于省定标准的110%"))
    assert target.condition.reference == Reference(ReferenceKind.PARAMETER, "省定标准")


def test_guiyang_2023_research_staff() -> None:
    """001: (责任单位:...) only, with the group 各区〔市、县〕政府 and a per-unit target."""
    districts = Organisation.group("各区〔市、县〕政府")
    staff = Indicator("preschool-researchers", "学前教育专职教研员", IndicatorKind.COUNT, "名", count_noun="名")
    task = Task(
        "gy-4", "(四)", "改进教育科研",
        responsibilities=(Responsibility(Organisation("市教育局")), Responsibility(districts)),
        targets=(Target("t003", staff, Comparator.AT_LEAST, parse_quantity("3名"),
                        scope=Scope(ScopeKind.EACH_UNIT, districts, text="各区(市、县)"),
                        provenance=quote("001", "学前教育至少有三名专职教研员")),),
    )
    plan = Plan("guiyang-2023", "贵阳贵安教育三年攻坚行动方案", "2023-2025年", issuer="贵阳市人民政府办公厅",
                document_number="筑府办函〔2023〕7号", issue_date=dt.date(2023, 2, 6),
                sections=(Section("s1", "一、", "工作作风攻坚", tasks=(task,)),))
    assert plan.document_number == "筑府办函〔2023〕7号"
    assert plan.target("t003").scope.kind is ScopeKind.EACH_UNIT
    assert all(r.role is Role.RESPONSIBLE for r in plan.task("gy-4").responsibilities)


def test_taizhou_zhejiang_2020_myopia() -> None:
    """002: 近视率下降1个百分点以上 is an absolute change (percentage points) from a baseline."""
    myopia = Indicator("myopia", "儿童青少年近视率", IndicatorKind.PERCENTAGE, "%", direction=Direction.DOWN,
                       baselines=(Baseline(Amount("52.3", "%"), dt.date(2019, 12, 31), "illustrative"),))
    schools = Indicator("health-schools", "中小学健康促进学校", IndicatorKind.COUNT, "所")
    task = Task("4", "4.", "实施健康学校工程", targets=(
        Target("t1", schools, Comparator.EXACTLY, parse_quantity("50所"), accumulation=Accumulation.CUMULATIVE,
               provenance=quote("002", "全市新增50所中小学健康促进学校")),
        Target("t2", myopia, Comparator.DECREASE_BY, parse_quantity("1个百分点"),
               deadline=parse_deadline("2020年"), provenance=quote("002", "近视率下降1个百分点以上")),
    ))
    plan = Plan("taizhou-zj-2020", "2020年台州教育重点工作", "2020年", sections=(Section("s", tasks=(task,)),))
    assert plan.target("t2").value is not None
    assert plan.target("t2").value.dimension == "[percentage_point]"


def test_taizhou_strong_city_friendly_schools() -> None:
    """003: 每年新增3-5所友好学校 is a yearly range of increments; the plan is a draft for comment."""
    friendly = Indicator("friendly-schools", "友好学校", IndicatorKind.COUNT, "所", count_noun="所")
    task = Task("20", "20.", "推进教育对外合作交流", targets=(
        Target("t1", friendly, Comparator.RANGE, parse_quantity("3所"), upper=parse_quantity("5所"),
               recurrence=Frequency.YEARLY, accumulation=Accumulation.CUMULATIVE,
               provenance=quote("003", "每年新增3-5所友好学校")),
    ))
    goal = Goal("g-2027", "主要目标", "到2027年，教育强市建设取得重要阶段性成效")
    plan = Plan("taizhou-strong-city", "教育强市建设实施方案", "2025-2030年", status=PlanStatus.FOR_COMMENT,
                goals=(goal,), sections=(Section("s3", "三、", "重点任务", tasks=(task,)),))
    assert plan.status.label_zh == "征求意见稿"
    assert plan.target("t1").recurrence is Frequency.YEARLY


def test_zhenjiang_2017_table_row_and_goal() -> None:
    """004: a task-table row with 责任单位, 责任处室, 牵头领导, 完成时限; a goal held throughout (控制在5%以内)."""
    bases = Indicator("course-bases", "省级课程基地", IndicatorKind.COUNT, "个")
    row = Task("zj-build-2", "2.", "建设3-4个省级课程基地",
               responsibilities=(Responsibility(Organisation("市及各辖市区"), Role.LEAD, office="基教处",
                                                official="黄科文"),),
               targets=(Target("t1", bases, Comparator.RANGE, parse_quantity("3个"), upper=parse_quantity("4个"),
                               deadline=parse_deadline("2017"), provenance=quote("004", "建设3-4个省级课程基地")),),
               deadline=parse_deadline("2017"))
    ongoing = Task("zj-style-1", "1.", "开展规范义务教育阶段办学行为督查", ongoing=True)
    choice = Indicator("school-choice", "择校生比例", IndicatorKind.PERCENTAGE, "%", direction=Direction.DOWN)
    goal = Goal("goal-1", "提升事业发展总体水平", targets=(
        Target("t2", choice, Comparator.AT_MOST, parse_quantity("5%"), hold=Hold.THROUGHOUT,
               deadline=parse_deadline("2017年"), provenance=quote("004", "择校生比例控制在5%以内")),
        Target("t3", Indicator("standardisation", "省义务教育学校标准化率", IndicatorKind.PERCENTAGE, "%"),
               Comparator.AT_LEAST, parse_quantity("85%"), strength=Strength.ASPIRATIONAL,
               provenance=quote("004", "力争省义务教育学校标准化率达85%")),
    ))
    plan = Plan("zhenjiang-2017", "镇江市教育局2017年工作要点", "2017年", issuer="市教育局",
                issue_date=dt.date(2017, 3, 6), goals=(goal,),
                sections=(Section("s1", "精准服务优化年", "建设类", tasks=(row, ongoing)),))
    responsibility = plan.task("zj-build-2").responsibilities[0]
    assert (responsibility.office, responsibility.official) == ("基教处", "黄科文")
    assert plan.task("zj-style-1").deadline is None and plan.task("zj-style-1").ongoing
    assert [t.id for _, t in plan.targets()] == ["t2", "t3", "t1"]
