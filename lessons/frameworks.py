"""The playground's settings in the libraries students use next.

:func:`torch_differences` says what PyTorch's pooling would refuse;
:func:`framework_code` writes the same call in PyTorch and in PaddlePaddle;
:func:`disagreement` says where the two frameworks' rules give other numbers
(``pooling_core``'s ``convention``), and why.
Plain Python and NumPy: codes and strings, no streamlit, no plotly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pooling_core import pool2d

__all__ = ["FRAMEWORKS", "torch_differences", "framework_code", "Disagreement", "disagreement", "result_text"]

FRAMEWORKS = ("pytorch", "paddle")  # code names (the URL) and pooling_core conventions


def torch_differences(kernel, padding, dilation, mode: str) -> list[tuple[str, dict]]:
    """What PyTorch's ``max_pool2d`` / ``avg_pool2d`` would refuse in these settings.

    Parameters
    ----------
    kernel, dilation : (h, w)
    padding : (top, bottom, left, right)

    Returns ``(code, fields)`` pairs: ``"asymmetric"`` (PyTorch pads both sides
    of an axis equally), ``"half"`` (PyTorch allows at most half the kernel
    as padding), ``"avg_dilation"`` (``avg_pool2d`` has no dilation).

    >>> torch_differences((2, 2), (0, 1, 0, 1), (1, 1), "max")
    [('asymmetric', {})]
    """
    (kh, kw), (dh, dw) = kernel, dilation
    top, bottom, left, right = padding
    found = []
    if top != bottom or left != right:
        found.append(("asymmetric", {}))
    if max(top, bottom) > kh // 2 or max(left, right) > kw // 2:
        found.append(("half", {"kh": kh, "kw": kw, "limit_h": kh // 2, "limit_w": kw // 2}))
    if mode == "avg" and (dh > 1 or dw > 1):
        found.append(("avg_dilation", {}))
    return found


def framework_code(kernel, stride, padding, dilation, ceil_mode: bool,
                   count_include_pad: bool, mode: str) -> tuple[str | None, str | None]:
    """The pooling call for these settings in PyTorch and in PaddlePaddle.

    Parameters
    ----------
    kernel, stride, dilation : (h, w)
    padding : (top, bottom, left, right)

    Returns ``(torch_code, paddle_code)``; ``None`` where that library has no
    spelling that gives the page's numbers to the bit (PyTorch: padding it refuses
    is written with ``F.pad``, except for an average that does not count padding
    or has dilation; PaddlePaddle's pooling has no dilation).

    >>> print(framework_code((2, 2), (2, 2), (0, 1, 0, 1), (1, 1), False, False, "avg")[1])
    y = F.avg_pool2d(
        x, kernel_size=[2, 2], stride=[2, 2],
        padding=[0, 1, 0, 1],
        ceil_mode=False, exclusive=True)
    """
    (kh, kw), (sh, sw), (dh, dw) = kernel, stride, dilation
    top, bottom, left, right = padding
    torch_code = None
    refusals = [code for code, _ in torch_differences(kernel, padding, dilation, mode)]
    if refusals and "avg_dilation" not in refusals and (mode == "max" or count_include_pad):
        torch_code = _torch_padded_code(kernel, stride, padding, dilation, ceil_mode, mode)
    elif not refusals:
        head = f"    x, kernel_size=({kh}, {kw}), stride=({sh}, {sw}),\n"
        if mode == "max":
            torch_code = (f"y = F.max_pool2d(\n{head}    padding=({top}, {left}), dilation=({dh}, {dw}),\n"
                          f"    ceil_mode={ceil_mode})")
        else:
            torch_code = (f"y = F.avg_pool2d(\n{head}    padding=({top}, {left}), ceil_mode={ceil_mode},\n"
                          f"    count_include_pad={count_include_pad})")
    # An average without counted padding has no exact spelling: F.pad's zeros would count, and
    # dividing by a pooled mask of ones rounds differently from the page (tests/test_oracles.py).
    paddle_code = None
    if dh == 1 and dw == 1:
        paddle_code = (f"y = F.{mode}_pool2d(\n    x, kernel_size=[{kh}, {kw}], stride=[{sh}, {sw}],\n"
                       f"    padding=[{top}, {bottom}, {left}, {right}],\n    ceil_mode={ceil_mode}"
                       + (")" if mode == "max" else f", exclusive={not count_include_pad})"))
    return torch_code, paddle_code


def _torch_padded_code(kernel, stride, padding, dilation, ceil_mode, mode):
    """Padding PyTorch's pooling cannot take (uneven, or over half the window), spelled with ``F.pad``.

    Padding first turns the padding into input, so max pads with -inf and only an
    average that counts padding can be written (zeros). In ceil mode PyTorch
    then keeps windows that start in the trailing padding, which the pooling
    itself drops: the crop keeps the page's windows, which start inside the input
    or its leading padding.
    """
    (kh, kw), (sh, sw), (dh, dw) = kernel, stride, dilation
    top, bottom, left, right = padding
    fill = "float(\"-inf\")" if mode == "max" else "0.0"
    code = (f"x = F.pad(x, ({left}, {right}, {top}, {bottom}), value={fill})\n"
            f"y = F.{mode}_pool2d(\n    x, kernel_size=({kh}, {kw}), stride=({sh}, {sw}),\n")
    code += (f"    dilation=({dh}, {dw}), ceil_mode={ceil_mode})" if mode == "max"
             else f"    ceil_mode={ceil_mode})")
    if ceil_mode:
        code += ("\n# keep the windows that start in x or in\n# its top/left padding, as the page does\n"
                 f"h, w = x.shape[-2] - {bottom}, x.shape[-1] - {right}\n"
                 f"y = y[..., :(h - 1) // {sh} + 1, :(w - 1) // {sw} + 1]")
    return code


@dataclass(frozen=True, eq=False)
class Disagreement:
    """PyTorch's and PaddlePaddle's results for the same settings, and why they differ:
    ``reasons`` are codes among ``"size"``, ``"ceil"``, ``"divisor"``, ``"tie"``, ``"nan"`` and
    ``"empty"`` (PyTorch refuses a window without input, ``torch_output`` is then None)."""

    torch_output: np.ndarray | None
    paddle_output: np.ndarray
    reasons: tuple[str, ...]


def _same(a, b) -> bool:
    if a.shape != b.shape or not np.array_equal(a, b, equal_nan=True):
        return False
    real = ~np.isnan(a)
    return bool(np.array_equal(np.signbit(a[real]), np.signbit(b[real])))


def disagreement(x, kernel, stride, padding, dilation, ceil_mode: bool, count_include_pad: bool,
                 mode: str) -> Disagreement | None:
    """Pool ``x`` by both frameworks' rules; None when they agree or PaddlePaddle refuses
    (it has no dilation; its sizes are never smaller than PyTorch's).

    >>> d = disagreement(np.array([[1., 2., 3.]]), (1, 2), (1, 2), (0, 0, 1, 1), (1, 1), True, True, "max")
    >>> d.torch_output.tolist(), d.paddle_output.tolist(), d.reasons
    ([[1.0, 3.0]], [[1.0, 3.0, -3.4028234663852886e+38]], ('ceil',))
    """
    results = []
    for convention in FRAMEWORKS:
        try:
            results.append(pool2d(x, kernel, stride, padding, mode=mode, dilation=dilation, ceil_mode=ceil_mode,
                                  count_include_pad=count_include_pad, convention=convention))
        except ValueError:
            results.append(None)
    torch, paddle = results
    if paddle is None:
        return None
    if torch is None:  # PyTorch finds no room, or a window without input: PaddlePaddle computes it
        truncated = "truncate" in (paddle.geometry.rows.derivation.rule, paddle.geometry.cols.derivation.rule)
        return Disagreement(None, paddle.output, ("size",) if truncated else ("empty",))
    if _same(torch.output, paddle.output):
        return None
    rules = {ax.derivation.rule for ax in (torch.geometry.rows, torch.geometry.cols,
                                           paddle.geometry.rows, paddle.geometry.cols)}
    reasons = []
    if "truncate" in rules:
        reasons.append("size")
    if rules & {"ceil_drop", "ceil_keep"}:
        reasons.append("ceil")
    if mode == "avg" and torch.output.shape == paddle.output.shape and not np.array_equal(torch.divisor,
                                                                                          paddle.divisor):
        reasons.append("divisor")
    if mode == "max" and not reasons:
        reasons.append("nan" if np.isnan(x).any() else "tie")
    return Disagreement(torch.output, paddle.output, tuple(reasons))


def _number(v: float) -> str:
    if np.isnan(v):
        return "nan"
    if v == 0:
        return "-0" if np.signbit(v) else "0"  # the sign is what the tie rule changes
    if float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.8g}"


def result_text(values) -> str:
    """A pooled grid as aligned text, every value that differs visible (nan, -0, -3.4028235e+38).

    >>> print(result_text([[1.0, 3.0, -3.4028234663852886e38], [float("nan"), -0.0, 2.5]]))
      1  3 -3.4028235e+38
    nan -0            2.5
    """
    cells = [[_number(float(v)) for v in row] for row in np.asarray(values)]
    widths = [max(len(row[j]) for row in cells) for j in range(len(cells[0]))]
    return "\n".join(" ".join(c.rjust(wd) for c, wd in zip(row, widths)) for row in cells)
