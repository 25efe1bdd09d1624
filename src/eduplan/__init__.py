"""eduplan: Chinese education plans as typed, checkable data."""
