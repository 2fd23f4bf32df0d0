"""Check yourself and take it away: the two blocks at the end of a lesson page.

One call per page, after everything else: :func:`walkthrough`,
:func:`playground`, :func:`kmax`, :func:`backward`. Each builds a question
from the numbers the page already computed (``lessons.quiz``) and, on the
pages that step through windows, download buttons for the animation, the
figure and the trace (``lessons.export``).

- The question's seed lives in the URL (``wt_q``, ``pg_q``, ``km_q``,
  ``bw_q``), so a shared link asks the same question. It is read as hostile
  input (:func:`lessons.quiz.read_seed`); an unreadable one falls back to
  question 0 and says so.
- One score for the whole session (``st.session_state["quiz_score"]``).
- The files are built only when a download button is pressed: ``data=`` is
  a callable (Streamlit runs it on the click, in a thread of its own), so a
  page run costs nothing for them. The callables use no streamlit: the
  language is read on the page run and handed in.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import streamlit as st

from . import export, quiz
from .figures import kmax as kfig
from .figures import playground as pgfig
from .figures.quiz import pick_figure
from .figures.walkthrough import walkthrough_figure
from .i18n import t
from .kmax import FEATURE_LABELS, FIGURE2
from .quiz.answers import MAX_CHARS
from .ui import figure, lang, say, show_error, tr

SCORE = "quiz_score"  # the session's quiz.Score, shared by every page
VERDICT = {"right": st.success, "wrong": st.warning, "unreadable": st.info}


# ---------------------------------------------------------------- check yourself


def _seed(param: str) -> tuple[int, bool]:
    """The seed in the URL (0 when there is none) and whether a value there was refused."""
    if param not in st.query_params:
        return 0, False
    seed = quiz.read_seed(st.query_params.get_all(param))
    return (0, True) if seed is None else (seed, False)


def _new_question(param: str, seed: int, make) -> None:
    """The "new question" button: the next seed (skipping a repeat) into the URL."""
    st.query_params[param] = str(quiz.next_seed(seed, make))


def check_yourself(param: str, make, grid=None) -> quiz.Question | None:
    """The question block: ``make(seed)`` builds the question; ``param`` names
    the URL parameter holding the seed and prefixes the widget keys. For a
    question whose answer is a cell of ``grid`` (the input), a click on the
    cell in a picture of ``grid`` answers too."""
    seed, refused = _seed(param)
    try:
        q = make(seed)
    except ValueError as exc:  # settings no question can be asked about
        show_error(exc)
        return None
    asked = f"{seed}:{q.uid}"
    state = st.session_state
    if state.get(f"{param}_asked") != asked:  # another question: an empty box, no old verdict
        state[f"{param}_asked"] = asked
        state[f"{param}_answer"] = ""
        state.pop(f"{param}_fb", None)
    with st.container(border=True, key=f"{param}_box"):
        st.subheader(tr(quiz.UI["header"]), anchor=False)
        if refused:
            st.caption(tr(quiz.UI["bad_seed"], seed=seed, limit=quiz.SEED_LIMIT - 1))
        st.container(key=f"{param}_prompt").markdown(" ".join(say(line) for line in q.prompt))
        with st.form(f"{param}_form", border=False):
            box, button = st.columns([4, 1], vertical_alignment="bottom")
            text = box.text_input(tr(quiz.UI["answer"]), key=f"{param}_answer", max_chars=MAX_CHARS,
                                  placeholder=say(q.hint))
            checked = button.form_submit_button(tr(quiz.UI["check"]), key=f"{param}_check", width="stretch")
        if q.kind == "cell" and grid is not None:
            clicked = _clicked(param, q, grid, asked)
            if clicked is not None:
                checked, text = True, clicked
        if checked:
            fb = q.check(text)
            state[SCORE] = quiz.record(state.get(SCORE), q, fb)
            state[f"{param}_fb"] = (asked, fb)
        stored = state.get(f"{param}_fb")
        if stored and stored[0] == asked:
            _feedback(stored[1])
        left, right = st.columns([1, 3], vertical_alignment="center")
        left.button(tr(quiz.UI["new"]), key=f"{param}_new", on_click=_new_question,
                    args=(param, seed, make), icon=":material/refresh:")
        right.caption(say(quiz.score_text(state.get(SCORE))) + "  \n" + tr(quiz.UI["seed"], seed=seed))
    return q


def _clicked(param: str, q, grid, asked: str) -> tuple[int, int] | None:
    """Draw ``grid`` to click on; the cell clicked since the last run, or None.
    The chart's key names the question, so a new question starts unselected."""
    fields = q.prompt[0][1]
    window = (fields["r0"], fields["r1"] + 1, fields["c0"], fields["c1"] + 1) if "r0" in fields else None
    st.caption(tr(quiz.UI["click"]))
    z = np.asarray(grid, dtype=float)  # the picture is built once per grid and window, and shared (ui_cache)
    fig = figure(("quiz_pick", z.shape, z.tobytes(), window), lambda: pick_figure(z, window))
    event = st.plotly_chart(fig, key=f"{param}_pick_{q.seed}_{q.uid}", on_select="rerun",
                            selection_mode="points", config={"displayModeBar": False})
    cell = quiz.clicked_cell(event)
    if cell is None or st.session_state.get(f"{param}_clicked") == (asked, cell):
        return None
    st.session_state[f"{param}_clicked"] = (asked, cell)
    return cell


def _feedback(fb: quiz.Feedback) -> None:
    lines = [say(fb.message)] + [say(note) for note in fb.notes]
    if fb.worked:
        lines.append("\n".join("- " + say(step) for step in fb.worked))
    VERDICT[fb.verdict]("\n\n".join(lines))


# ---------------------------------------------------------------- take it away


def _gif(res) -> bytes:
    return export.trace_gif(res).data


def _html(build) -> bytes:
    return export.figure_html(build())


def take_away(param: str, rows, html=None) -> None:
    """Download buttons: ``rows`` is a list of ``(label, PoolResult)`` (one row
    of GIF / CSV / JSON each, ``label`` may be empty), ``html`` an optional
    ``(file name, figure builder)``. Nothing is built until a button is pressed."""
    st.subheader(tr(export.LABELS["header"]), anchor=False)
    if html:
        name, build = html
        st.download_button(tr(export.LABELS["html"]), partial(_html, build), name, export.MIME["html"],
                           key=f"{param}_dl_html", on_click="ignore", icon=":material/download:")
    makers = {"gif": _gif, "csv": export.trace_csv, "json": export.trace_json}
    for n, (label, res) in enumerate(rows):
        if label:
            st.markdown(f"**{label}**")
        cols = st.columns(len(makers))
        for col, (ext, make) in zip(cols, makers.items()):
            col.download_button(tr(export.LABELS[ext]), partial(make, res), export.export_name(res, ext),
                                export.MIME[ext], key=f"{param}_dl_{n}_{ext}", on_click="ignore",
                                icon=":material/download:", width="stretch")
        windows = res.trace.n_windows
        if windows > export.GIF_FRAME_CAP:
            st.caption(tr(export.LABELS["gif_capped"], shown=export.GIF_FRAME_CAP, total=windows))


# ---------------------------------------------------------------- one call per page


def _wt_figure(view, language: str):
    titles = []
    for mode in view.modes:
        name = t(f"common.{mode.mode}", language)
        titles += [t("wt.panel_input", language, mode=name), t("wt.panel_output", language, mode=name)]
    return walkthrough_figure(view, titles=titles, step_label=t("common.step", language))


def walkthrough(view) -> None:
    """Lesson 2: a question about the pooling shown (average, max or both) and its files."""
    results = [mode.result for mode in view.modes]
    if not results:
        return
    check_yourself("wt_q", lambda seed: quiz.forward_question(results, seed))
    modes = "-".join(mode.mode for mode in view.modes)
    name = export.export_name(results[0], "html").replace(f"pooling_{results[0].mode}_", f"pooling_{modes}_", 1)
    take_away("wt", [(tr(f"common.{mode.mode}").capitalize(), mode.result) for mode in view.modes],
              html=(name, partial(_wt_figure, view, lang())))


def _pg_figure(out, step: int, language: str):
    return pgfig.playground_figure(
        out.result, out.x, step=step - 1, input_title=t("pg.fig_input", language),
        output_title=t("pg.fig_output", language), padding_label=t("common.padding_cell", language))


def playground(out) -> None:
    """Lesson 3: a question about the current pooling and its files (nothing when no window fits)."""
    res = out.result
    if res is None:
        return
    if res.convention == "pytorch":
        check_yourself("pg_q", lambda seed: quiz.forward_question(res, seed))
    else:  # the worked answers teach PyTorch's rules (floor and ceil, the first maximum)
        st.caption(tr("fw.quiz_pytorch"))
    step = st.session_state.get("pg_step", 1)
    step = min(max(step, 1), res.trace.n_windows) if isinstance(step, int) else 1
    take_away("pg", [("", res)], html=(export.export_name(res, "html"), partial(_pg_figure, out, step, lang())))


def _km_figure(view, language: str):
    return kfig.kmax_walk_figure(
        FIGURE2, view.columns, col_labels=FEATURE_LABELS, input_title=t("common.input", language),
        output_title=t(view.output_title[0], language, **view.output_title[1]))


def kmax(view) -> None:
    """Lesson 4: which values K-max keeps from one column of figure 2; the walk as an HTML file."""
    if view is None:
        return
    s = view.settings
    check_yourself("km_q", lambda seed: quiz.kmax_question(FIGURE2, s.k, seed, keep_order=s.keep_order,
                                                           labels=FEATURE_LABELS))
    st.subheader(tr(export.LABELS["header"]), anchor=False)
    st.download_button(tr(export.LABELS["html"]), partial(_html, partial(_km_figure, view, lang())),
                       export.kmax_name(s.k, s.keep_order, FIGURE2.shape, "html"), export.MIME["html"],
                       key="km_dl_html", on_click="ignore", icon=":material/download:")


def backward(lesson) -> None:
    """Lesson 6: where the gradient goes, for the settings and upstream gradient shown."""
    if lesson is None:
        return
    results = [lesson.avg.res, lesson.max.res]
    check_yourself("bw_q", lambda seed: quiz.backward_question(results, lesson.grad_output, seed), grid=lesson.x)
