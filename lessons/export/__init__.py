"""Take it away: the current lesson as files a teacher can hand out.

- :func:`trace_gif`: the stepping animation as an animated GIF, drawn with
  Pillow from the trace (no browser at run time), one frame per window.
- :func:`figure_html`: a Plotly figure as one self-contained HTML file that
  works offline (plotly.js inline).
- :func:`trace_csv`, :func:`trace_json`: one row per window: its extent, the
  values it read (padding marked), how they were reduced, the output.
- :func:`export_name`: file names built from the settings, e.g.
  ``pooling_max_k2x2_s2x2_p0-0-0-0_4x4.gif``.

Every function returns bytes for ``st.download_button``; nothing is written
to disk. No streamlit.
"""

from __future__ import annotations

from .gif import GIF_FRAME_CAP, GifExport, GifLayout, gif_layout, trace_gif
from .tables import CSV_COLUMNS, trace_csv, trace_json, trace_rows

__all__ = [
    "LABELS", "MIME", "GIF_FRAME_CAP", "GifExport", "GifLayout", "CSV_COLUMNS",
    "export_name", "kmax_name", "figure_html", "gif_layout", "trace_gif",
    "trace_rows", "trace_csv", "trace_json",
]

# What a page's download block shows (translation keys).
LABELS = {
    "header": "export.header",  # "Take it away"
    "gif": "export.gif",  # the GIF download button
    "html": "export.html",  # the HTML download button
    "csv": "export.csv",
    "json": "export.json",
    "gif_capped": "export.gif_capped",  # {shown}, {total}: a caption when the GIF stops early
}
EXTENSIONS = ("gif", "html", "csv", "json")
MIME = {"gif": "image/gif", "html": "text/html", "csv": "text/csv", "json": "application/json"}


def _ext(ext: str) -> str:
    if ext not in EXTENSIONS:
        raise ValueError(f"ext must be one of {EXTENSIONS}, got {ext!r}")
    return ext


def export_name(res, ext: str) -> str:
    """A file name that says which settings made the file.

    ``pooling_<mode>_k<kh>x<kw>_s<sh>x<sw>_p<top>-<bottom>-<left>-<right>``, then
    ``_d<dh>x<dw>`` with dilation, ``_ceil`` in ceil mode, ``_padnotcounted``
    for an average that leaves padding out of its divisor, and the input's
    ``<H>x<W>``.

    >>> import numpy as np
    >>> from pooling_core import pool2d
    >>> export_name(pool2d(np.ones((4, 4)), 2), "gif")
    'pooling_max_k2x2_s2x2_p0-0-0-0_4x4.gif'
    """
    g = res.geometry
    r, c = g.rows, g.cols
    parts = [f"pooling_{res.mode}", f"k{r.kernel}x{c.kernel}", f"s{r.stride}x{c.stride}",
             f"p{r.pad_before}-{r.pad_after}-{c.pad_before}-{c.pad_after}"]
    if r.dilation > 1 or c.dilation > 1:
        parts.append(f"d{r.dilation}x{c.dilation}")
    if r.derivation.ceil_mode:
        parts.append("ceil")
    if res.mode == "avg" and not res.count_include_pad:
        parts.append("padnotcounted")
    parts.append(f"{r.size}x{c.size}")
    return "_".join(parts) + "." + _ext(ext)


def kmax_name(k: int, keep_order: bool, shape, ext: str) -> str:
    """``kmax_k2_ordered_4x4.html`` (``sorted`` when the order is not kept)."""
    h, w = (int(n) for n in shape)
    return f"kmax_k{int(k)}_{'ordered' if keep_order else 'sorted'}_{h}x{w}.{_ext(ext)}"


def figure_html(fig) -> bytes:
    """``fig`` as a complete HTML page with plotly.js inline: it opens and
    draws with no network (``include_plotlyjs="cdn"`` would not)."""
    html = fig.to_html(include_plotlyjs=True, full_html=True, include_mathjax=False,
                       config={"displaylogo": False})
    return html.encode("utf-8")
