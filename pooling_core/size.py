"""How many windows fit along one axis: the output-size formula, with every
number of it kept so a lesson can show the working (and, when no window
fits, why).

>>> d = explain_output_size(5, 2, 2, ceil_mode=True)
>>> d.numerator, d.quotient, d.out
(3, 1.5, 3)
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import PoolingError
from .params import as_int

__all__ = ["SizeDerivation", "NoWindowError", "explain_output_size", "output_size"]


@dataclass(frozen=True)
class SizeDerivation:
    """Every number in the output-size formula, for one axis.

    ``out = round((size + pad_before + pad_after - span) / stride) + 1`` where
    ``span = (kernel - 1) * dilation + 1`` and ``round`` is floor, or ceil in
    ceil mode; in ceil mode a last window that would start past the input and
    its leading padding is dropped (``dropped_last``).

    ``convention`` is ``"pytorch"`` or ``"paddle"`` (see
    :mod:`pooling_core.paddle_rules`); ``rule`` says which rule decided ``out``:
    ``"floor"``, ``"ceil"``, ``"ceil_drop"`` (PyTorch dropped a last window),
    ``"ceil_keep"`` (Paddle kept one PyTorch drops) or ``"truncate"`` (Paddle's
    division toward zero kept a window PyTorch finds no room for).
    """

    size: int
    kernel: int
    stride: int
    pad_before: int
    pad_after: int
    dilation: int
    ceil_mode: bool
    span: int
    numerator: int
    quotient: float
    rounded: int
    dropped_last: bool
    out: int
    convention: str = "pytorch"
    rule: str | None = None

    def __post_init__(self):
        if self.rule is None:
            rule = "ceil_drop" if self.dropped_last else "ceil" if self.ceil_mode else "floor"
            object.__setattr__(self, "rule", rule)

    @property
    def exact(self) -> bool:
        """True when the stride divides the numerator: floor and ceil agree."""
        return self.numerator % self.stride == 0

    @property
    def padded_size(self) -> int:
        """The input with both paddings: ``size + pad_before + pad_after``."""
        return self.size + self.pad_before + self.pad_after

    @property
    def last_start(self) -> int:
        """Where the last window starts, in input coordinates (before a ceil-mode drop)."""
        return self.rounded * self.stride - self.pad_before

    @property
    def past_end(self) -> int:
        """How far the last kept window ends past the padded input (negative: short of it)."""
        return (self.out - 1) * self.stride - self.numerator

    @property
    def uncovered(self) -> int:
        """Cells at the end of the padded input that no window reaches (floor left them out)."""
        return max(-self.past_end, 0) if self.out >= 1 else 0

    @property
    def overhang(self) -> int:
        """Cells the last window reaches past the padded input (ceil mode)."""
        return max(self.past_end, 0) if self.out >= 1 else 0


class NoWindowError(PoolingError):
    """No window fits along an axis (reason ``"no_window"``). ``derivation`` holds the
    formula's numbers down to the output size of 0 or less, so a lesson can show why."""

    def __init__(self, message: str, derivation: SizeDerivation, /, **fields):
        super().__init__(message, "no_window", **fields)
        self.derivation = derivation


def explain_output_size(size, kernel, stride, pad_before=0, pad_after=0, dilation=1,
                        ceil_mode=False, *, axis_name="size", convention="pytorch") -> SizeDerivation:
    """Derive the output size along one axis, keeping every intermediate number.

    Raises :class:`NoWindowError` (a ``ValueError``) when no window fits. As in PyTorch, ceil mode keeps
    a first window that hangs past the padded input when rounding up makes
    room for it (its overhang counts as nothing, not even padding).
    """
    size = as_int(size, axis_name)
    kernel = as_int(kernel, "kernel_size")
    stride = as_int(stride, "stride")
    pad_before = as_int(pad_before, "padding")
    pad_after = as_int(pad_after, "padding")
    dilation = as_int(dilation, "dilation")
    for value, name in ((kernel, "kernel_size"), (stride, "stride"), (dilation, "dilation")):
        if value < 1:
            raise PoolingError(f"{name} must be at least 1, got {value}", "too_small", name=name, minimum=1, value=value)
    if pad_before < 0 or pad_after < 0:
        raise PoolingError(f"padding must not be negative, got ({pad_before}, {pad_after})", "padding_negative",
                           value=min(pad_before, pad_after))
    if size < 1:
        raise PoolingError(f"the input {axis_name} must be at least 1, got {size}", "too_small", name=axis_name,
                           minimum=1, value=size)
    if convention != "pytorch":  # PaddlePaddle's rules live beside its kernels
        from .paddle_rules import check_convention, explain_paddle

        check_convention(convention)
        return explain_paddle(size, kernel, stride, pad_before, pad_after, dilation, ceil_mode, axis_name)
    span = (kernel - 1) * dilation + 1
    numerator = size + pad_before + pad_after - span
    # Python's // floors, also for a negative numerator, so -(-n // s) is ceil.
    rounded = -(-numerator // stride) if ceil_mode else numerator // stride
    out = rounded + 1
    if out < 1:
        padded = size + pad_before + pad_after
        raise NoWindowError(
            f"kernel_size={kernel}"
            + (f" with dilation={dilation} (a window {span} cells wide)" if dilation > 1 else "")
            + f" does not fit in the padded input {axis_name} {size} + {pad_before} + {pad_after} = "
            f"{padded}: use a window at most {padded} cells wide, or more padding",
            SizeDerivation(size, kernel, stride, pad_before, pad_after, dilation, bool(ceil_mode),
                           span, numerator, numerator / stride, rounded, False, out),
            axis=axis_name, kernel=kernel, dilation=dilation, span=span, size=size, pad_before=pad_before,
            pad_after=pad_after, padded=padded,
        )
    dropped = False
    if ceil_mode and (out - 1) * stride >= size + pad_before:
        out -= 1
        dropped = True
    return SizeDerivation(size, kernel, stride, pad_before, pad_after, dilation, bool(ceil_mode),
                          span, numerator, numerator / stride, rounded, dropped, out)


def output_size(size, kernel, stride, pad_before=0, pad_after=0, dilation=1, ceil_mode=False, *,
                convention="pytorch") -> int:
    """Number of windows along one axis (PyTorch's rule, with asymmetric padding;
    ``convention="paddle"``: PaddlePaddle's, see :mod:`pooling_core.paddle_rules`).

    >>> output_size(4, 2, 2)                     # the tutorial's figure 1
    2
    >>> output_size(5, 2, 2), output_size(5, 2, 2, ceil_mode=True)
    (2, 3)
    >>> output_size(2, 1, 2, ceil_mode=True), output_size(2, 1, 2, ceil_mode=True, convention="paddle")
    (1, 2)
    """
    return explain_output_size(size, kernel, stride, pad_before, pad_after, dilation, ceil_mode,
                               convention=convention).out
