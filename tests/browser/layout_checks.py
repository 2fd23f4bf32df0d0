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
# relaid it out after a resize); then the titles are fitted at once. The
# drawing pads too, once their expander is open (OPEN_PADS); a chart in a
# closed expander is not shown and is relaid out when it opens.
CHARTS_SETTLED = """
() => {
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
    .filter(c => c.offsetParent !== null && !c.closest('details:not([open])'));
  const settled = charts.every(c => {
    const svg = c.querySelector('svg.main-svg');
    return svg && Math.abs(svg.getBoundingClientRect().width - c.getBoundingClientRect().width) < 3;
  });
  if (settled && window.__poolingFitNow) window.__poolingFitNow();
  return settled;
}
"""

# Open every expander that holds a drawing pad (lessons/ui_draw.py, keys <prefix>_pad_<n>), so the
# checks see the pads; returns how many it opened. A click on the summary: no rerun.
OPEN_PADS = """
() => {
  const closed = [...document.querySelectorAll('[data-testid=stMain] details:not([open])')]
    .filter(d => d.querySelector('[class*="_pad_"] [data-testid=stPlotlyChart]'));
  closed.forEach(d => d.querySelector('summary').click());
  return closed.length;
}
"""

# Every shown chart's drawing lies inside its chart box, and the box inside the column (or
# expander) that holds it: nothing sticks out at the sides.
CHARTS_INSIDE = """
() => {
  const problems = [];
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
    .filter(c => c.offsetParent !== null && c.getBoundingClientRect().width > 0 && !c.closest('details:not([open])'));
  charts.forEach((chart, n) => {
    const key = ((chart.closest('[class*="st-key-"]') || {}).className || '').match(/st-key-\\S+/);
    const name = key ? key[0].slice(7) : `chart ${n}`;
    const svg = chart.querySelector('svg.main-svg');
    const box = chart.getBoundingClientRect();
    const holder = (chart.closest('details, [data-testid=stColumn], [data-testid=stMainBlockContainer]')).getBoundingClientRect();
    if (svg) {
      const s = svg.getBoundingClientRect();
      if (s.left < box.left - 1 || s.right > box.right + 1) problems.push(`${name}: drawn ${Math.round(s.width)} px wide in a ${Math.round(box.width)} px box`);
    }
    if (box.left < holder.left - 1 || box.right > holder.right + 1) problems.push(`${name}: sticks out of its column`);
  });
  return problems;
}
"""

# Chart titles and panel titles (annotations) that the fitting script (assets/app.js) had to shrink
# below ``min_px``: too small to read.
SMALL_TITLES = """
(minPx) => {
  const problems = [];
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
    .filter(c => c.offsetParent !== null && c.getBoundingClientRect().width > 0 && !c.closest('details:not([open])'));
  charts.forEach((chart, n) => {
    for (const e of chart.querySelectorAll('.gtitle, .annotation-text')) {
      const px = parseFloat(getComputedStyle(e).fontSize);
      if ((e.textContent || '').trim() && px < minPx - 0.05) problems.push(`chart ${n}: "${e.textContent.trim().slice(0, 30)}" is ${px.toFixed(1)} px`);
    }
  });
  return problems;
}
"""
