"""Tests for eduplan.extract.table: task tables printed one cell per line."""

from __future__ import annotations

import datetime as dt

from eduplan.extract.table import read_table
from eduplan.extract.text import Document

TABLE = """行动名称
项目
具体内容
责任单位
责任处室
牵头领导
完成时限
精准服务优化年
建设类
服务
1.继续推进工作。
市及各辖市区
基教处
黄科文
2017
2.建设3-4个省级课程基地。
3.创建示范性职业学校。
市及相关
辖市区
职社处
朱定明
2017.12
4.建成2个省现代化实训基地。
2017.10
5.推进重点工程。
市直
发财处
薛安明
2017
底前
政策类
服务
1.完善文件。
市局
督导处
潘国建
赵建军
长期
"""


def test_rows_cells_and_merged_cells() -> None:
    """Rows read their cells; a row without cells shares the row above's; 2017 + 底前 join."""
    table = read_table(Document(TABLE))
    assert table is not None
    assert table.columns[-1] == "完成时限"
    rows = [(r.group, r.number, r.units, r.offices, r.leaders, r.deadline) for r in table.rows]
    assert rows == [
        ("建设类服务", "1", "市及各辖市区", ("基教处",), ("黄科文",), dt.date(2017, 12, 31)),
        ("建设类服务", "2", "市及各辖市区", ("基教处",), ("黄科文",), dt.date(2017, 12, 31)),
        ("建设类服务", "3", "市及相关辖市区", ("职社处",), ("朱定明",), dt.date(2017, 12, 31)),
        ("建设类服务", "4", "市及相关辖市区", ("职社处",), ("朱定明",), dt.date(2017, 10, 31)),
        ("建设类服务", "5", "市直", ("发财处",), ("薛安明",), dt.date(2017, 12, 31)),
        ("政策类服务", "1", "市局", ("督导处",), ("潘国建", "赵建军"), None),
    ]
    assert all(r.top_group == "精准服务优化年" for r in table.rows)


def test_no_table() -> None:
    """Text without a header run has no table."""
    assert read_table(Document("1.建设30所。\n市局\n2017")) is None
