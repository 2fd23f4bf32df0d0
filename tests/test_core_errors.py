"""Every invalid argument is refused with a message naming what was wrong.

A student who passes ``stride=0`` should read "stride" and "0" in the error,
not a NumPy traceback from deep inside the engine.

The last sections test the small helpers (``output_size``, ``dynamic_k``,
``same_padding``, ``paddle_padding``) with the signatures they have in
``pooling_core.size``, ``pooling_core.params`` and ``pooling_core.kmax``.
"""

import numpy as np
import pytest

from pooling_core import (
    dynamic_k,
    kmax_pool,
    output_size,
    paddle_padding,
    pool2d,
    same_padding,
)

X = np.arange(16.0).reshape(4, 4)


def assert_message_names(error, *words):
    """Assert the error message contains every one of ``words``."""
    message = str(error.value)
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"


# ---------------------------------------------------------------------------
# pool2d: parameters
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("kwargs, name, shown", [
    (dict(kernel_size=0), "kernel_size", "0"),
    (dict(kernel_size=-2), "kernel_size", "-2"),
    (dict(kernel_size=(2, 0)), "kernel_size", "0"),
    (dict(kernel_size=2.5), "kernel_size", "2.5"),
    (dict(kernel_size=True), "kernel_size", "True"),
    (dict(kernel_size="2"), "kernel_size", "'2'"),
    (dict(kernel_size=(2, 2, 2)), "kernel_size", "(2, 2, 2)"),
    (dict(kernel_size=(2, 1.5)), "kernel_size", "1.5"),
    (dict(kernel_size=2, stride=0), "stride", "0"),
    (dict(kernel_size=2, stride=-1), "stride", "-1"),
    (dict(kernel_size=2, stride=1.5), "stride", "1.5"),
    (dict(kernel_size=2, stride=(1, False)), "stride", "False"),
    (dict(kernel_size=2, dilation=0), "dilation", "0"),
    (dict(kernel_size=2, dilation=(1, -1)), "dilation", "-1"),
    (dict(kernel_size=2, dilation=2.0), "dilation", "2.0"),
    (dict(kernel_size=2, padding=-1), "padding", "-1"),
    (dict(kernel_size=2, padding=(0, -1)), "padding", "-1"),
    (dict(kernel_size=2, padding=(0, 0, 0, -1)), "padding", "-1"),
    (dict(kernel_size=2, padding=(1, 1, 1)), "padding", "(1, 1, 1)"),
    (dict(kernel_size=2, padding=(1,)), "padding", "(1,)"),
    (dict(kernel_size=2, padding=(1, 1, 1, 1, 1)), "padding", ""),
    (dict(kernel_size=2, padding=0.5), "padding", "0.5"),
    (dict(kernel_size=2, padding=True), "padding", "True"),
    (dict(kernel_size=2, padding="full"), "padding", "full"),
    (dict(kernel_size=2, mode="min"), "mode", "min"),
    (dict(kernel_size=2, mode="average"), "mode", "average"),
    (dict(kernel_size=2, mode=None), "mode", "None"),
], ids=str)
def test_invalid_parameter_is_named(kwargs, name, shown):
    with pytest.raises(ValueError) as error:
        pool2d(X, **kwargs)
    assert_message_names(error, name, shown)


@pytest.mark.parametrize("kwargs", [
    dict(kernel_size=5),                        # 5 > 4
    dict(kernel_size=(1, 6), padding=(0, 0, 1, 0)),
    dict(kernel_size=3, dilation=2),            # span 5 > 4
    dict(kernel_size=6, padding=0, stride=1),
], ids=str)
def test_window_larger_than_padded_input(kwargs):
    with pytest.raises(ValueError) as error:
        pool2d(X, **kwargs)
    assert_message_names(error, "kernel_size")


@pytest.mark.parametrize("kwargs", [
    dict(kernel_size=1, padding=1),             # window at -1 holds only pad
    dict(kernel_size=2, stride=1, padding=2),   # window at -2 covers {-2,-1}
    dict(kernel_size=2, stride=2, padding=(0, 0, 0, 2)),  # last col window
    dict(kernel_size=2, stride=1, padding=(0, 3, 0, 0)),
    # dilated: taps {-1, 2} on a length-2 axis are both padding
    dict(kernel_size=(1, 2), stride=1, padding=(0, 1), dilation=(1, 3)),
], ids=str)
def test_window_entirely_in_padding(kwargs):
    x = np.ones((2, 2)) if kwargs.get("dilation") else X
    with pytest.raises(ValueError) as error:
        pool2d(x, **kwargs)
    assert_message_names(error, "padding")


def test_padding_larger_than_half_kernel_is_fine_while_windows_see_input():
    # PyTorch refuses this, pooling_core allows it.
    res = pool2d(X, 3, 1, 2, mode="avg")
    assert res.output.shape == (6, 6)


# ---------------------------------------------------------------------------
# pool2d: the input
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(), (4,), (1, 1, 1, 4, 4)], ids=str)
def test_wrong_ndim_is_a_value_error(shape):
    with pytest.raises(ValueError) as error:
        pool2d(np.ones(shape), 1)
    assert_message_names(error, "x")


@pytest.mark.parametrize("x", [
    np.ones((4, 4), dtype=bool),
    np.ones((4, 4), dtype=np.complex128),
    np.ones((4, 4), dtype=object),
    np.full((4, 4), "a"),
    np.zeros((4, 4), dtype="datetime64[s]"),
], ids=lambda a: str(a.dtype))
def test_non_real_dtype_is_a_type_error(x):
    with pytest.raises(TypeError) as error:
        pool2d(x, 2)
    assert_message_names(error, "x")


@pytest.mark.parametrize("dtype", [np.int8, np.int32, np.int64, np.uint8])
def test_integer_inputs_pool_in_float64(dtype):
    res = pool2d(np.arange(16, dtype=dtype).reshape(4, 4), 2, mode="avg")
    assert res.output.dtype == np.float64


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_float_inputs_keep_their_dtype(dtype):
    res = pool2d(np.arange(16, dtype=dtype).reshape(4, 4), 2, mode="avg")
    assert res.output.dtype == dtype


def test_backward_rejects_wrong_grad_shape():
    res = pool2d(X, 2)
    with pytest.raises(ValueError) as error:
        res.backward(np.ones((3, 3)))
    assert_message_names(error, "grad_output")
    res = kmax_pool(X, 2)
    with pytest.raises(ValueError) as error:
        res.backward(np.ones((4, 4)))
    assert_message_names(error, "grad_output")


# ---------------------------------------------------------------------------
# kmax_pool
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("k, axis, name, shown", [
    (0, -2, "k", "0"),
    (-1, -2, "k", "-1"),
    (5, -2, "k", "5"),            # axis -2 has length 4
    (2.5, -2, "k", "2.5"),
    (True, -2, "k", "True"),
    (2, 2, "axis", "2"),
    (2, -3, "axis", "-3"),
    (2, 1.0, "axis", "1.0"),
    (2, None, "axis", "None"),
], ids=str)
def test_kmax_invalid_arguments(k, axis, name, shown):
    with pytest.raises(ValueError) as error:
        kmax_pool(X, k, axis)
    assert_message_names(error, name, shown)


def test_kmax_k_too_large_for_the_chosen_axis():
    x = np.ones((6, 3))
    assert kmax_pool(x, 6, axis=0).output.shape == (6, 3)
    with pytest.raises(ValueError) as error:
        kmax_pool(x, 4, axis=1)
    assert_message_names(error, "k", "4")


def test_kmax_zero_dimensional_input():
    with pytest.raises(ValueError) as error:
        kmax_pool(np.float64(3.0), 1, axis=0)
    assert_message_names(error, "x")


@pytest.mark.parametrize("x", [np.ones((4, 4), dtype=bool),
                               np.ones((4, 4), dtype=complex)],
                         ids=lambda a: str(a.dtype))
def test_kmax_non_real_dtype_is_a_type_error(x):
    with pytest.raises(TypeError):
        kmax_pool(x, 2)


# ===========================================================================
# Helper API (signatures as found in pooling_core.size / .params / .kmax)
# ===========================================================================


# --- output_size(size, kernel, stride, pad_before=0, pad_after=0,
# ---             dilation=1, ceil_mode=False) ------------------------------


@pytest.mark.parametrize("args, kwargs, expected", [
    ((4, 2, 2), {}, 2),                                   # figure 1
    ((5, 2, 2), {}, 2),
    ((5, 2, 2), dict(ceil_mode=True), 3),
    ((3, 2, 2, 1, 1), {}, 2),
    ((6, 3, 2, 1, 1), dict(ceil_mode=True), 4),
    ((5, 3, 3, 1, 1), dict(ceil_mode=True), 2),           # last one dropped
    ((4, 2, 1), dict(dilation=2), 2),
    ((3, 4, 2), dict(ceil_mode=True), 1),                 # PyTorch allows it
    ((2, 3, 1, 1, 0), {}, 1),                             # asymmetric
], ids=str)
def test_output_size_values(args, kwargs, expected):
    assert output_size(*args, **kwargs) == expected


@pytest.mark.parametrize("args, kwargs, name", [
    ((4, 0, 1), {}, "kernel_size"),
    ((4, 2, 0), {}, "stride"),
    ((4, 2, 1), dict(dilation=0), "dilation"),
    ((4, 2, 1, -1), {}, "padding"),
    ((4, 2, 1, 0, -1), {}, "padding"),
    ((4, 2.5, 1), {}, "kernel_size"),
    ((4, 2, True), {}, "stride"),
    ((4, 5, 1), {}, "kernel_size"),                       # does not fit
    ((4, 3, 1), dict(dilation=2), "kernel_size"),
], ids=str)
def test_output_size_errors(args, kwargs, name):
    with pytest.raises(ValueError) as error:
        output_size(*args, **kwargs)
    assert_message_names(error, name)


# --- dynamic_k(layer, num_layers, sentence_length, k_top) -----------------


def test_dynamic_k_paper_example():
    # Kalchbrenner et al.: L = 3 layers, k_top = 3, sentence length s = 18.
    assert [dynamic_k(l, 3, 18, 3) for l in (1, 2, 3)] == [12, 6, 3]


@pytest.mark.parametrize("layer, num_layers, length, k_top, expected", [
    (1, 2, 7, 1, 4),      # ceil(1/2 * 7) = ceil(3.5) = 4
    (1, 3, 4, 5, 5),      # k_top wins over ceil(2/3 * 4) = 3
    (2, 2, 100, 4, 4),    # last layer: k_top
    (1, 5, 10, 1, 8),     # ceil(4/5 * 10) = 8, exact despite 0.8 * 10
    (2, 3, 9, 1, 3),      # ceil(1/3 * 9) = 3 exactly
])
def test_dynamic_k_values(layer, num_layers, length, k_top, expected):
    assert dynamic_k(layer, num_layers, length, k_top) == expected


@pytest.mark.parametrize("args, name", [
    ((0, 3, 18, 3), "layer"),
    ((4, 3, 18, 3), "layer"),
    ((1, 0, 18, 3), "num_layers"),
    ((1, 3, 0, 3), "sentence_length"),
    ((1, 3, 18, 0), "k_top"),
    ((1.5, 3, 18, 3), "layer"),
    ((1, 3, 18.0, 3), "sentence_length"),
    ((True, 3, 18, 3), "layer"),
    ((1, 3, 18, None), "k_top"),
], ids=str)
def test_dynamic_k_errors(args, name):
    with pytest.raises(ValueError) as error:
        dynamic_k(*args)
    assert_message_names(error, name)


# --- same_padding(size, kernel, stride, dilation=1) -> (before, after) ----


@pytest.mark.parametrize("args, expected", [
    ((5, 2, 2), (0, 1)),     # out 3: (3-1)*2 + 2 - 5 = 1, odd one after
    ((4, 3, 1), (1, 1)),
    ((4, 4, 1), (1, 2)),
    ((4, 2, 2), (0, 0)),
    ((7, 3, 3), (1, 1)),     # out 3: 6 + 3 - 7 = 2
    ((3, 5, 1), (2, 2)),
    ((4, 2, 1, 2), (1, 1)),  # span 3
    ((1, 1, 4), (0, 0)),
    ((6, 1, 4), (0, 0)),     # total would be negative: no padding
])
def test_same_padding_values(args, expected):
    assert same_padding(*args) == expected


def test_same_padding_keeps_ceil_size_over_stride():
    for size in range(1, 12):
        for kernel in range(1, 5):
            for stride in range(1, 5):
                before, after = same_padding(size, kernel, stride)
                assert output_size(size, kernel, stride, before,
                                   after) == -(-size // stride)
                assert after - before in (0, 1)


@pytest.mark.parametrize("args", [(0, 2, 2), (4, 0, 1), (4, 2, 0),
                                  (4, 2, 1, 0), (4.0, 2, 1)], ids=str)
def test_same_padding_errors(args):
    with pytest.raises(ValueError):
        same_padding(*args)


def test_pool2d_same_string_uses_same_padding():
    x = np.arange(35.0).reshape(5, 7)
    top, bottom = same_padding(5, 3, 2)
    left, right = same_padding(7, 3, 2)
    for spelling in ("same", "SAME", "Same"):
        assert np.array_equal(
            pool2d(x, 3, 2, spelling).output,
            pool2d(x, 3, 2, (top, bottom, left, right)).output)
    for spelling in ("valid", "VALID"):
        assert np.array_equal(pool2d(x, 3, 2, spelling).output,
                              pool2d(x, 3, 2, 0).output)


# --- paddle_padding(padding, *, input_size, kernel_size, stride,
# ---                dilation=1) -> (top, bottom, left, right) --------------


@pytest.mark.parametrize("padding, expected", [
    ([[0, 0], [0, 0], [1, 2], [3, 4]], (1, 2, 3, 4)),
    ([[0, 0], [0, 0], [0, 0], [0, 0]], (0, 0, 0, 0)),
    ([1, 2, 3, 4], (1, 2, 3, 4)),
    ([1, 2], (1, 1, 2, 2)),
    (3, (3, 3, 3, 3)),
    ("VALID", (0, 0, 0, 0)),
    ("valid", (0, 0, 0, 0)),
], ids=str)
def test_paddle_padding_spellings(padding, expected):
    assert paddle_padding(padding) == expected


def test_paddle_padding_same():
    assert paddle_padding("SAME", input_size=(5, 5), kernel_size=2,
                          stride=2) == (0, 1, 0, 1)
    assert paddle_padding("same", input_size=(4, 7), kernel_size=(4, 3),
                          stride=1) == (1, 2, 1, 1)
    # stride defaults to the kernel size, as in pool2d
    assert paddle_padding("SAME", input_size=(5, 5),
                          kernel_size=2) == (0, 1, 0, 1)


@pytest.mark.parametrize("padding", [
    [[1, 0], [0, 0], [1, 1], [1, 1]],      # padding the batch dimension
    [[0, 0], [0, 1], [1, 1], [1, 1]],      # padding the channel dimension
    [[0, 0], [0, 0], [1], [1, 1]],
    [[0, 0], [0, 0], [-1, 0], [0, 0]],
    [1, 2, 3],
    "FULL",
], ids=str)
def test_paddle_padding_errors(padding):
    with pytest.raises(ValueError) as error:
        paddle_padding(padding)
    assert_message_names(error, "padding")


def test_paddle_padding_same_needs_sizes():
    with pytest.raises(ValueError):
        paddle_padding("SAME")


def test_no_window_error_carries_the_derivation():
    # The playground shows the formula for settings that fit no window, from
    # the core's own numbers rather than a second copy of the rounding rule.
    from pooling_core import NoWindowError, explain_output_size

    with pytest.raises(NoWindowError, match="kernel_size=5") as caught:
        explain_output_size(2, 5, 2)
    d = caught.value.derivation
    assert (d.numerator, d.rounded, d.out, d.dropped_last) == (-3, -2, -1, False)
    with pytest.raises(NoWindowError) as caught:
        explain_output_size(3, 4, 1, ceil_mode=True)
    assert caught.value.derivation.out == 0
    assert isinstance(caught.value, ValueError)
