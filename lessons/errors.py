"""The core's refusals in the reader's language.

:class:`pooling_core.PoolingError` carries a ``reason`` and ``fields`` beside its English
message; :func:`error_text` looks the reason up in the translation table
(lessons/text/errors.py, keys ``err.<reason>``) and fills the fields in, so a Chinese page
never shows the core's English sentence. NumPy/streamlit free: ``lessons.ui.show_error``
renders it.

>>> from pooling_core import pool2d
>>> try:
...     pool2d([[1.0, 2.0], [3.0, 4.0]], 3)
... except ValueError as exc:
...     print(error_text(exc, "zh"))
窗口放不下：窗口跨 3 行（kernel_size=3，dilation=1），而填充后的输入高度只有 2 + 0 + 0 = 2。请把窗口缩小到最多 2 行，或者增加填充。
"""

from __future__ import annotations

from pooling_core import PoolingError

from .i18n import Key, t

AXES = ("height", "width", "size")
# Every PoolingError.reason the core raises (tests/test_error_messages.py checks the list).
REASONS = ("no_window", "window_all_padding", "window_all_padding_dilated", "too_small", "not_whole", "not_pair",
           "input_ndim", "same_needs_sizes", "padding_word", "padding_pairs", "padding_batch", "padding_count",
           "padding_negative", "mode", "grad_shape", "max_only", "kmax_scalar", "axis_range", "k_range",
           "layer_range", "plane_range", "window_range", "convention", "paddle_dilation")


def error_key(exc: BaseException) -> tuple[str, dict] | None:
    """``(key, fields)`` of the table entry for ``exc``, or None when the table has none."""
    if not isinstance(exc, PoolingError):
        return None
    if exc.reason not in REASONS:
        return None
    fields = dict(exc.fields)
    reason = exc.reason
    axis = fields.get("axis")
    if axis in AXES:
        fields.update(axis=Key(f"err.axis.{axis}"), cells=Key(f"err.cells.{axis}"), cell=Key(f"err.cell.{axis}"))
    if fields.get("name") in AXES:
        fields["name"] = Key(f"err.axis.{fields['name']}")
    if exc.reason == "window_all_padding":
        if fields.get("dilation", 1) > 1:
            reason = "window_all_padding_dilated"
    if isinstance(fields.get("value"), str):
        fields["value"] = repr(fields["value"])
    return f"err.{reason}", fields


def error_text(exc: BaseException | str, lang: str) -> str:
    """The sentence a page shows for ``exc`` in ``lang``."""
    found = error_key(exc) if isinstance(exc, BaseException) else None
    if found:
        key, fields = found
        return t(key, lang, **fields)
    # Not the core's (no reason to translate): English readers get the message itself,
    # everyone else a sentence in their language rather than an English one.
    return str(exc) if lang == "en" else t("err.other", lang)
