"""Streamlit helpers for the framework picker and the PyTorch/PaddlePaddle comparison (lesson 3)."""

from __future__ import annotations

import streamlit as st

from .frameworks import FRAMEWORKS, result_text
from .ui import say, tr
from .ui_choice import choice

URL = {"bind": "query-params"}


def _name(framework: str) -> str:
    return "PyTorch" if framework == "pytorch" else tr("fw.name.paddle")  # a name, not translated


def framework_picker() -> str:
    """The framework whose rules the page computes with, as its code name (the URL keeps it;
    the radio shows the framework's name)."""
    return choice(st.radio, tr("fw.label"), FRAMEWORKS, key="pg_fw", default=FRAMEWORKS[0], names=_name,
                  horizontal=True, help=tr("fw.help"))


def show_disagreement(out) -> None:
    """Both frameworks' numbers and why they differ, where they do."""
    differ = out.disagreement
    if differ is None:
        return
    with st.container(border=True):
        st.markdown(tr("fw.differ"))
        for reason in differ.reasons:
            st.markdown(tr(f"fw.why.{reason}"))
        left, right = st.columns(2)
        for col, name, values in ((left, "pytorch", differ.torch_output), (right, "paddle", differ.paddle_output)):
            col.markdown(tr("fw.result", name=_name(name)))
            if values is None:
                col.caption(tr("fw.refuses"))
            else:
                col.code(result_text(values), language=None)


def code_panel(out, framework: str) -> None:
    """The chosen framework's call for these settings, or why there is none."""
    for note in out.torch_notes if framework == "pytorch" else ():
        st.info(say(note), icon=":material/info:")
    code = out.torch_code if framework == "pytorch" else out.paddle_code
    if code is None:
        st.info(tr(out.paddle_note) if framework == "paddle" and out.paddle_note else tr(f"fw.no_code.{framework}"),
                icon=":material/info:")
        return
    # Off by default: the code highlighter is a large script; the page loads ~0.5 s sooner without it.
    if st.toggle(tr("pg.show_code"), key="pg_code", **URL):
        st.markdown(tr(f"fw.code.{framework}"))
        module = "torch.nn.functional" if framework == "pytorch" else "paddle.nn.functional"
        st.code(f"import {module} as F\n" + code, language="python")
        if "F.pad" in code:
            st.caption(tr("fw.crop"))
