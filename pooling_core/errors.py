"""The core's errors: an English message for programmers, and beside it a machine-readable
``reason`` with the ``fields`` it is about, so an app can say the same thing in its
reader's language (the lessons do, through their translation table).

>>> try:
...     raise PoolingError("kernel_size must be at least 1, got 0", "too_small", name="kernel_size", minimum=1, value=0)
... except ValueError as exc:
...     exc.reason, exc.fields["name"]
('too_small', 'kernel_size')
"""

from __future__ import annotations

__all__ = ["PoolingError"]


class PoolingError(ValueError):
    """A ``ValueError`` the core raises for an argument it refuses.

    ``reason`` names the kind of problem (``"no_window"``, ``"window_all_padding"``,
    ``"too_small"``, ...); ``fields`` holds the parameter, the value it got and what would be
    valid, under names the reason's message uses. ``str(error)`` is the English message.
    """

    def __init__(self, message: str, reason: str, /, **fields):
        super().__init__(message)
        self.reason = reason
        self.fields = fields
