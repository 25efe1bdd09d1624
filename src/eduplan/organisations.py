"""Organisations (units such as 市教育局, 各市(区)政府) and their responsibilities for a task.

A group (各市(区)政府, 各高校) is a first-class value: it keeps the name as printed and, where the
plan's author lists them, its member units, so per-unit targets can be expanded.

>>> cities = Organisation.group("各市(区)政府", ["靖江市政府", "泰兴市政府", "兴化市政府"])
>>> [o.name for o in cities.expand()]
['靖江市政府', '泰兴市政府', '兴化市政府']
>>> Responsibility(Organisation("市教育局"), Role.LEAD).role.label_zh
'牵头'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs

from eduplan.diagnostics import Code, problem, raise_problems
from eduplan.diagnostics_zh import field_zh, zh


class OrganisationKind(enum.StrEnum):
    """What sort of unit an organisation is."""

    GOVERNMENT = "government"
    DEPARTMENT = "department"
    SCHOOL = "school"
    OFFICE = "office"
    OTHER = "other"
    GROUP = "group"


class Role(enum.StrEnum):
    """A unit's role in a task: lead (牵头), responsible (责任) or supporting (配合)."""

    LEAD = "lead"
    RESPONSIBLE = "responsible"
    SUPPORTING = "supporting"

    @property
    def label_zh(self) -> str:
        """The Chinese term supervisors use."""
        return {"lead": "牵头", "responsible": "责任", "supporting": "配合"}[self.value]


_GROUP_RE = re.compile(r"^(各|有关|相关|所有|全体|其他|其它)|等$")


def looks_like_group(name: str) -> bool:
    """Whether a unit name as printed denotes a group of units (各市(区)政府, 有关高校 ...).

    >>> looks_like_group("各市(区)政府"), looks_like_group("市教育局")
    (True, False)
    """
    return bool(_GROUP_RE.search(name.strip()))


def _nonempty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        name = type(instance).__name__
        raise_problems(name, [problem(Code.MISSING_FIELD, f"{name}.{attribute.name}",
                                      f"must not be empty (got {value!r})",
                                      message_zh=zh(Code.MISSING_FIELD, field=field_zh(f"{name}.{attribute.name}")
                                                    + "（不能为空）"))])


@attrs.frozen
class Organisation:
    """A unit named in a plan; a group when ``kind`` is ``group``.

    ``id`` defaults to the name, which is how reports usually refer to a unit.
    """

    name: str = attrs.field(validator=_nonempty)
    kind: OrganisationKind = OrganisationKind.DEPARTMENT
    members: tuple[Organisation, ...] = ()
    id: str = attrs.field(default=attrs.Factory(lambda self: self.name, takes_self=True))
    name_en: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.members and self.kind is not OrganisationKind.GROUP:
            raise_problems(f"Organisation {self.name!r}", [problem(
                Code.INVALID_FIELD, "Organisation.members",
                f"only a group can have members ({self.name!r} is a {self.kind})",
                message_zh=zh(Code.INVALID_FIELD, field=f"单位“{self.name}”的成员（Organisation.members）",
                              why=f"只有分组（kind: group）才能列出成员，该单位的类型为{self.kind}"))])

    @classmethod
    def group(cls, name: str, members: Iterable[str | Organisation] = ()) -> Organisation:
        """A group with the given members (names become departments' names as given)."""
        units = tuple(m if isinstance(m, Organisation) else Organisation(m) for m in members)
        return cls(name, OrganisationKind.GROUP, units)

    @property
    def is_group(self) -> bool:
        """Whether this is a group of units."""
        return self.kind is OrganisationKind.GROUP

    def expand(self) -> tuple[Organisation, ...]:
        """The member units, recursively; ``(self,)`` for a single unit; ``()`` for a group with no members listed."""
        if not self.is_group:
            return (self,)
        return tuple(unit for member in self.members for unit in member.expand())


def default_organisation(name: str) -> Organisation:
    """The organisation a bare name denotes when the plan does not declare it: a group or a department.

    >>> default_organisation("各区政府").kind, default_organisation("市教育局").kind
    (<OrganisationKind.GROUP: 'group'>, <OrganisationKind.DEPARTMENT: 'department'>)
    """
    return Organisation(name, OrganisationKind.GROUP if looks_like_group(name) else OrganisationKind.DEPARTMENT)


LEVEL_WORDS = ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗")
"""The words a county-level unit's name ends in, the longest first, which a rename changes (撤市设区: 姜堰市
became 姜堰区; 撤县设区) and a return may get wrong (鄂伦春旗 for 鄂伦春自治旗, 六枝县 for 六枝特区, 神农架区 for
神农架林区); a 县 and a 市 of one name are different units all the same (抚顺县 is not 抚顺市)."""


def _stems(name: str) -> set[str]:
    """What is left of ``name`` once a level word is taken off its end (each that fits: 神农架林区 gives 神农架 and
    神农架林); none for a name not ending in one, or a level word alone."""
    return {name[:-len(word)] for word in LEVEL_WORDS if name.endswith(word) and len(name) > len(word)}


def other_levels(name: str, units: Iterable[str]) -> tuple[str, ...]:
    """The units among ``units`` whose names differ from ``name`` only in their level word (`LEVEL_WORDS`: 区, 县,
    市, 旗, 自治县, 自治旗, 林区, 特区), sorted: what a report naming ``name`` may have meant, never what it is read as.

    >>> other_levels("姜堰市", ["姜堰区", "海陵区"]), other_levels("抚顺区", ["抚顺县", "抚顺市"])
    (('姜堰区',), ('抚顺县', '抚顺市'))
    >>> other_levels("鄂伦春旗", ["鄂伦春自治旗"]), other_levels("六枝县", ["六枝特区"])
    (('鄂伦春自治旗',), ('六枝特区',))
    >>> other_levels("姜堰区", ["姜堰区"]), other_levels("海陵", ["海陵区"])
    ((), ())
    """
    stems = _stems(name)
    if not stems:
        return ()
    return tuple(sorted({unit for unit in units if unit != name and stems & _stems(unit)}))


_OFFICIAL_SEPARATORS = re.compile(r"[、，,；;/／\s]+")


@attrs.frozen
class Responsibility:
    """A unit's responsibility for a task, with the office (责任处室) and official (牵头领导) where printed.

    ``official`` is kept as printed; a task-table cell may name several (潘国建、赵建军), which `officials`
    lists one by one:

    >>> Responsibility(Organisation("市教育局"), office="督导处", official="潘国建、赵建军").officials
    ('潘国建', '赵建军')
    """

    organisation: Organisation
    role: Role = Role.RESPONSIBLE
    office: str | None = None
    official: str | None = None

    @property
    def officials(self) -> tuple[str, ...]:
        """The officials named in ``official``, one by one (split on 、，,；;/ and spaces)."""
        if not self.official:
            return ()
        return tuple(name for name in _OFFICIAL_SEPARATORS.split(self.official) if name)
