"""The playground's settings in the libraries students use next.

:func:`torch_differences` says what PyTorch's pooling would refuse;
:func:`framework_code` writes the same call in PyTorch and in PaddlePaddle.
Plain Python: codes and strings, no streamlit, no plotly.
"""

from __future__ import annotations

__all__ = ["torch_differences", "framework_code"]


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
    direct spelling (PyTorch: see :func:`torch_differences`; PaddlePaddle's
    pooling has no dilation).

    >>> print(framework_code((2, 2), (2, 2), (0, 1, 0, 1), (1, 1), False, False, "avg")[1])
    y = F.avg_pool2d(
        x, kernel_size=[2, 2], stride=[2, 2],
        padding=[0, 1, 0, 1],
        ceil_mode=False, exclusive=True)
    """
    (kh, kw), (sh, sw), (dh, dw) = kernel, stride, dilation
    top, bottom, left, right = padding
    torch_code = None
    if not torch_differences(kernel, padding, dilation, mode):
        head = f"    x, kernel_size=({kh}, {kw}), stride=({sh}, {sw}),\n"
        if mode == "max":
            torch_code = (f"y = F.max_pool2d(\n{head}    padding=({top}, {left}), dilation=({dh}, {dw}),\n"
                          f"    ceil_mode={ceil_mode})")
        else:
            torch_code = (f"y = F.avg_pool2d(\n{head}    padding=({top}, {left}), ceil_mode={ceil_mode},\n"
                          f"    count_include_pad={count_include_pad})")
    else:
        torch_code = _torch_padded(kernel, stride, padding, dilation, ceil_mode, count_include_pad, mode)
    paddle_code = None
    if dh == 1 and dw == 1:
        paddle_code = (f"y = F.{mode}_pool2d(\n    x, kernel_size=[{kh}, {kw}], stride=[{sh}, {sw}],\n"
                       f"    padding=[{top}, {bottom}, {left}, {right}],\n    ceil_mode={ceil_mode}"
                       + (")" if mode == "max" else f", exclusive={not count_include_pad})"))
    return torch_code, paddle_code


def _torch_padded(kernel, stride, padding, dilation, ceil_mode, count_include_pad, mode) -> str | None:
    """PyTorch code for padding its pooling cannot take (uneven, or more than half the window):
    ``F.pad`` first, then pooling without padding. None where that would differ: average
    pooling with dilation, and ceil mode with bottom/right padding (PyTorch would keep a last
    window starting in it, which counts as input once padded)."""
    (kh, kw), (sh, sw), (dh, dw) = kernel, stride, dilation
    top, bottom, left, right = padding
    if (mode == "avg" and (dh > 1 or dw > 1)) or (ceil_mode and (bottom or right)):
        return None
    pad = f"({left}, {right}, {top}, {bottom})"  # F.pad lists the last dimension first
    if mode == "max":  # -inf never wins a window
        return (f"x = F.pad(x, {pad}, value=float(\"-inf\"))\n"
                f"y = F.max_pool2d(\n    x, kernel_size=({kh}, {kw}), stride=({sh}, {sw}),\n"
                f"    dilation=({dh}, {dw}), ceil_mode={ceil_mode})")
    pool = f"F.avg_pool2d(F.pad(t, {pad}), kernel_size=({kh}, {kw}), stride=({sh}, {sw}), ceil_mode={ceil_mode})"
    if count_include_pad:  # the padded zeros count in the divisor
        return f"y = {pool.replace('(t,', '(x,')}"
    # only real cells count: divide by the share of each window that is real input
    return f"def pool(t):\n    return {pool}\n\ny = pool(x) / pool(x.new_ones(x.shape))"

