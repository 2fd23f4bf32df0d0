"""What a screen's layout must hold, measured in the page (shared by
test_layouts.py and test_present.py).

Each check is one script evaluated in the page; it returns a list of
problems (strings), empty when the layout holds.
"""

from __future__ import annotations

# Text boxes inside each visible Plotly chart that must not run into each
# other or into the axes' numbers: the chart title, annotations (panel
# titles, notes) and axis titles.
# Boxes are the rendered glyphs' client rects, so an empty text has none.
CHART_TEXT_OVERLAPS = """
() => {
  const problems = [];
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
    .filter(c => c.offsetParent !== null && c.getBoundingClientRect().width > 0);
  charts.forEach((chart, n) => {
    const boxes = [...chart.querySelectorAll('.gtitle, .annotation-text, .g-xtitle text, .g-ytitle text, .g-x2title text')]
      .filter(e => (e.textContent || '').trim())
      .map(e => ({text: e.textContent.trim(), r: e.getBoundingClientRect()}))
      .filter(b => b.r.width > 0 && b.r.height > 0);
    // and the axes' numbers (tick labels), which a title must not sit on
    const ticks = [...chart.querySelectorAll('.xtick text, .ytick text')]
      .filter(e => (e.textContent || '').trim())
      .map(e => ({text: 'tick ' + e.textContent.trim(), r: e.getBoundingClientRect()}))
      .filter(b => b.r.width > 0 && b.r.height > 0);
    const others = boxes.concat(ticks);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < others.length; j++) {
        const a = boxes[i].r, b = others[j].r;
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx > 1 && dy > 1) problems.push(`chart ${n}: "${boxes[i].text}" overlaps "${others[j].text}"`);
      }
    }
    // no title or annotation sticks out of its chart
    const c = chart.getBoundingClientRect();
    for (const b of boxes) {
      if (b.r.left < c.left - 1 || b.r.right > c.right + 1) problems.push(`chart ${n}: "${b.text}" is cut at the side`);
    }
  });
  return problems;
}
"""

# Buttons, toggle/checkbox/radio labels and widget labels whose text is cut
# (an ellipsis or hidden overflow: the text is wider than its box).
TRUNCATED_TEXT = """
() => {
  const problems = [];
  const sel = '[data-testid=stMain] button, [data-testid=stMain] [data-testid=stWidgetLabel], ' +
              '[data-testid=stMain] [data-testid=stCheckbox] label, [data-testid=stMain] [data-testid=stRadio] label';
  for (const el of document.querySelectorAll(sel)) {
    if (el.offsetParent === null) continue;
    for (const t of [el, ...el.querySelectorAll('p, span, div')]) {
      if (t.offsetParent === null || !t.textContent.trim()) continue;
      if (t.scrollWidth > t.clientWidth + 1 && getComputedStyle(t).overflowX !== 'visible') {
        problems.push(`"${el.textContent.trim().slice(0, 40)}" is cut (${t.scrollWidth} > ${t.clientWidth})`);
        break;
      }
    }
  }
  return problems;
}
"""

# Cell texts of every heatmap: within one chart no two intersect.
CELL_TEXT_OVERLAPS = """
() => {
  const problems = [];
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
    .filter(c => c.offsetParent !== null && c.getBoundingClientRect().width > 0);
  charts.forEach((chart, n) => {
    const boxes = [...chart.querySelectorAll('g.heatmap-label text')]
      .filter(e => (e.textContent || '').trim()).map(e => ({text: e.textContent, r: e.getBoundingClientRect()}));
    boxes.sort((a, b) => a.r.left - b.r.left);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length && boxes[j].r.left < boxes[i].r.right; j++) {
        const a = boxes[i].r, b = boxes[j].r;
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx > 0.5 && dy > 0.5) problems.push(`chart ${n}: cell "${boxes[i].text}" overlaps "${boxes[j].text}"`);
      }
    }
  });
  return problems;
}
"""

# How many heatmap cell texts the visible charts hold (a check that the
# cell-text check saw cells at all).
CELL_TEXT_COUNT = """
() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
  .filter(c => c.offsetParent !== null)
  .reduce((n, c) => n + c.querySelectorAll('g.heatmap-label text').length, 0)
"""

# True once every visible chart's svg is as wide as its box (Plotly has
# relaid it out after a resize); then the titles are fitted at once.
# Not waited for: the drawing pads (lessons/ui_draw.py, keys <prefix>_pad_<n>),
# which keep the width they were first drawn at through a window resize (a
# selectable chart, redrawn under a new key after each stroke) and hold no
# title to fit; the checks below still measure them.
CHARTS_SETTLED = """
() => {
  const pad = (c) => /(^|\\s)st-key-\\w+_pad_\\d+(\\s|$)/.test((c.closest('[class*="st-key-"]') || {}).className || '');
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
    .filter(c => c.offsetParent !== null && !pad(c));
  const settled = charts.every(c => {
    const svg = c.querySelector('svg.main-svg');
    return svg && Math.abs(svg.getBoundingClientRect().width - c.getBoundingClientRect().width) < 3;
  });
  if (settled && window.__poolingFitNow) window.__poolingFitNow();
  return settled;
}
"""
