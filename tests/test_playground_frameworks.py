"""The playground's framework picker: PyTorch's or PaddlePaddle's rules, both results where they differ,
and code only where it gives the page's numbers (lessons/frameworks.py, lessons/ui_frameworks.py)."""

import dataclasses
import json
import math
from functools import partial

import numpy as np
import pytest
from pagetest import plotly_array, run_page

from lessons import playground as pg
from lessons.frameworks import FRAMEWORKS, disagreement
from lessons.i18n import t
from pooling_core.reference_paddle import LOWEST

_run = partial(run_page, "3_playground.py")
ROW3 = pg.Settings(h=1, w=3, kernel=(1, 2), stride=(1, 2), grid=((1.0, 2.0, 3.0),))


def test_paddle_view_of_the_ceil_case():
    s = dataclasses.replace(ROW3, padding=(0, 0, 1, 1), ceil_mode=True)
    torch_view, paddle_view = pg.compute(s), pg.compute(dataclasses.replace(s, framework="paddle"))
    assert torch_view.result.output.tolist() == [[1.0, 3.0]]
    assert paddle_view.result.output.tolist() == [[1.0, 3.0, LOWEST]]
    assert paddle_view.formulas[1].note[:2] == ("info", "fw.formula_ceil_keep.W")
    assert torch_view.formulas[1].note[:2] == ("info", "pg.formula_dropped.W")
    for view in (torch_view, paddle_view):
        assert view.disagreement.reasons == ("ceil",)
    assert paddle_view.paddle_code.startswith("y = F.max_pool2d(") and "padding=[0, 0, 1, 1]" in paddle_view.paddle_code
    assert pg.window_view(paddle_view, 3).notes[-1] == ("fw.empty_max", {})  # the window past the input
    assert ("fw.empty_max", {}) not in pg.window_view(paddle_view, 2).notes


def test_the_fpad_tip_crops_in_ceil_mode():
    # x = [1, 2, 3], kernel (1, 2), stride (1, 2), padding right 2, ceil mode: the page says [2, 3]
    view = pg.compute(dataclasses.replace(ROW3, padding=(0, 0, 0, 2), ceil_mode=True))
    assert view.result.output.tolist() == [[2.0, 3.0]]
    lines = view.torch_code.splitlines()
    assert lines[0] == 'x = F.pad(x, (0, 2, 0, 0), value=float("-inf"))'
    # after F.pad, x is 1 x 5: the crop keeps (5 - 2 - 1) // 2 + 1 = 2 columns, the page's two windows
    assert lines[-2] == "h, w = x.shape[-2] - 0, x.shape[-1] - 2"
    assert lines[-1] == "y = y[..., :(h - 1) // 1 + 1, :(w - 1) // 2 + 1]"


def test_each_framework_refuses_its_own_settings_and_offers_no_code_for_them():
    # a 1 x 7 input and a 4 x 4 window: PyTorch finds no room, Paddle's division toward zero gives a row
    s = pg.Settings(h=1, w=7, kernel=(4, 4), stride=(4, 4), preset="ramp")
    torch_view, paddle_view = pg.compute(s), pg.compute(dataclasses.replace(s, framework="paddle"))
    assert torch_view.result is None and torch_view.torch_code is None
    assert paddle_view.result.output.tolist() == [[4.0]]
    assert paddle_view.formulas[0].note[:2] == ("info", "fw.formula_truncate.H")
    assert paddle_view.formulas[0].formula.numbers.endswith(r"\operatorname{trunc}(-0.75) + 1 = 0 + 1 = 1")
    assert ("fw.arith_overhang", {"n": 12}) in pg.window_view(paddle_view, 1).notes  # rows 1-3 past the input
    # dilation: PaddlePaddle has none
    dilated = pg.compute(dataclasses.replace(pg.Settings(), dilation=(2, 1), framework="paddle"))
    assert dilated.result is None and dilated.paddle_code is None and dilated.paddle_note == "pg.paddle.dilation"
    assert dilated.formulas[0].formula.out == 2  # the formula still shows PyTorch's working


@pytest.mark.parametrize("s, reasons", [
    (dataclasses.replace(ROW3, padding=(0, 0, 0, 1), mode="avg"), ("divisor",)),
    (dataclasses.replace(ROW3, w=2, grid=((0.0, -0.0),)), ("tie",)),
    (dataclasses.replace(ROW3, grid=((math.nan, 1.0, 2.0),)), ("nan",)),
    (dataclasses.replace(ROW3, padding=(0, 0, 0, 1), mode="avg", count_include_pad=False), None),
    (pg.Settings(), None),
])
def test_disagreement_reasons(s, reasons):
    view = pg.compute(s)
    assert (view.disagreement.reasons if view.disagreement else None) == reasons


def test_disagreement_where_pytorch_refuses():
    x = np.arange(1.0, 8.0).reshape(1, 7)
    d = disagreement(x, (4, 4), (4, 4), (0, 0, 0, 0), (1, 1), False, True, "max")  # no room for PyTorch
    assert d.torch_output is None and d.paddle_output.tolist() == [[4.0]] and d.reasons == ("size",)
    d = disagreement(x[:, :3], (1, 2), (1, 1), (0, 0, 3, 0), (1, 1), False, False, "avg")  # padding only
    assert d.torch_output is None and d.reasons == ("empty",)
    assert math.isnan(d.paddle_output[0, 1]) and np.signbit(d.paddle_output[0, 0])  # 0 / 0 and 0 / -1
    # PaddlePaddle has no dilation: nothing to compare
    assert disagreement(x, (1, 2), (1, 1), (0, 0, 0, 0), (1, 2), False, True, "max") is None


# the page -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_shows_both_results_and_why(lang):
    at = _run(lang, pg_h=1, pg_w=3, pg_kh=1, pg_kw=2, pg_sh=1, pg_sw=2, pg_pl=1, pg_pr=1, pg_ceil="true",
              pg_fw="paddle", pg_code="true")
    assert not at.exception and len(at.error) == 0
    radio = at.radio(key="pg_fw")  # names shown, code names in the URL (lessons/ui_choice.py)
    assert radio.value == "paddle" and list(radio.options) == ["PyTorch", t("fw.name.paddle", lang)]
    assert at.query_params["pg_fw"] == "paddle" and FRAMEWORKS == ("pytorch", "paddle")
    text = "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info])
    assert t("fw.differ", lang) in text and t("fw.why.ceil", lang) in text
    assert t("fw.formula_ceil_keep.W", lang, start=3, out=3) in text
    assert t("fw.quiz_pytorch", lang) in text  # the questions teach PyTorch's rules
    codes = [c.value for c in at.code]
    assert codes[:2] == ["1 3", "1 3 -3.4028235e+38"]  # PyTorch's result, then PaddlePaddle's
    assert any(c.startswith("import paddle.nn.functional as F\n") for c in codes)
    out = next(d for d in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
               if d["type"] == "heatmap" and d.get("xaxis") == "x2")
    assert plotly_array(out["z"], float).tolist()[0][:2] == [1.0, 3.0]
    # switching to PyTorch: its numbers, its code, no Paddle code
    at.radio(key="pg_fw").set_value("pytorch").run()
    assert "pg_fw" not in at.query_params  # the default is left out of the URL
    codes = [c.value for c in at.code]
    assert any(c.startswith("import torch.nn.functional as F\n") for c in codes)
    assert not any("paddle" in c for c in codes)


def test_the_downloads_take_paddles_windows_without_input():
    from lessons.export import tables

    view = pg.compute(dataclasses.replace(ROW3, padding=(0, 0, 1, 1), ceil_mode=True, framework="paddle"))
    rows = tables.trace_rows(view.result)
    assert rows[-1]["argmax"] is None and rows[0]["argmax"] == [0, 0]


def test_no_code_where_pytorch_cannot_give_the_pages_numbers():
    # uneven padding, an average that does not count it: F.pad's zeros would count
    at = _run("zh", pg_pb=1, pg_mode="avg", pg_cip="false", pg_code="true")
    assert not at.exception and not at.code
    assert t("fw.no_code.pytorch", "zh") in [i.value for i in at.info]
