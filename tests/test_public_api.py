"""The package's public face: a sorted __all__ of names that exist."""

import eduplan


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and every name in it exists."""
    assert list(eduplan.__all__) == sorted(eduplan.__all__)
    for name in eduplan.__all__:
        assert hasattr(eduplan, name), name


def test_required_public_names() -> None:
    """The names scripts rely on are exported."""
    for name in ("Plan", "Section", "Task", "Organisation", "Responsibility", "Indicator", "Target",
                 "ReportedValue", "parse_quantity", "parse_deadline"):
        assert name in eduplan.__all__
