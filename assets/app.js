// Scripts the app adds to every page (lessons/ui_present.py loads this file once per run).

// Chart titles that fit their chart: Plotly writes titles and annotations at
// one font size whatever the chart's width, so on a narrow screen panel
// titles run into each other and long titles are cut at the sides. This
// shrinks (never grows) each chart title, annotation and axis title until it
// fits the room it has: the chart's width for the title; for a text that
// shares its line with others (panel titles), the distance to its
// neighbours. Runs a few times a second, so it follows resizes, reruns and
// animation frames. Each text's own size is remembered, so a text that has
// room again gets it back.
(() => {
  if (window.__poolingFitText) return;
  window.__poolingFitText = true;
  const SEL = ".gtitle, .annotation-text, .g-xtitle text, .g-x2title text, .g-x3title text, .g-x4title text";
  const MIN_PX = 8;

  function natural(el) {
    const now = parseFloat(el.style.fontSize) || 12;
    if (el.dataset.fitSet === undefined || Math.abs(parseFloat(el.dataset.fitSet) - now) > 0.01) {
      el.dataset.fitOrig = String(now);  // Plotly (re)drew it at its own size
    }
    const orig = parseFloat(el.dataset.fitOrig);
    const r = el.getBoundingClientRect();
    return {el, orig, now, w: r.width * orig / now, cx: r.left + r.width / 2, top: r.top, bottom: r.bottom};
  }

  function fitChart(chart) {
    const box = chart.getBoundingClientRect();
    if (box.width <= 0) return;
    const items = [...chart.querySelectorAll(SEL)]
      .filter(el => (el.textContent || "").trim() && el.getBoundingClientRect().width > 0)
      .map(natural);
    for (const it of items) {
      let room = 2 * Math.min(it.cx - box.left, box.right - it.cx) - 4;
      if (!it.el.classList.contains("gtitle")) {
        for (const other of items) {  // neighbours on the same line share the width between them
          if (other === it || other.el.classList.contains("gtitle")) continue;
          const sameLine = Math.min(it.bottom, other.bottom) - Math.max(it.top, other.top) > 0;
          if (sameLine) room = Math.min(room, Math.abs(other.cx - it.cx) - 6);
        }
      }
      const want = Math.max(MIN_PX, Math.min(it.orig, it.orig * room / it.w));
      if (Math.abs(want - it.now) > 0.25) {
        it.el.style.fontSize = want.toFixed(1) + "px";
        it.el.dataset.fitSet = want.toFixed(1);
      } else if (it.el.dataset.fitSet === undefined) {
        it.el.dataset.fitSet = String(it.now);
      }
    }
  }

  function fitAll() {
    for (const chart of document.querySelectorAll("[data-testid=stPlotlyChart] .js-plotly-plot")) {
      try { fitChart(chart); } catch (e) { /* a chart being redrawn: next time */ }
    }
  }
  setInterval(fitAll, 250);
  window.__poolingFitNow = fitAll;  // for tests: fit now rather than at the next tick
})();

// Presenting mode's buttons (lessons/ui_present.py): open this address with
// ?present=1 added or removed. A full load, not a rerun, so that the language
// switch, which moves between the sidebar and the top bar, keeps its binding
// to the address.
(() => {
  if (window.__poolingPresentSwitch) return;
  window.__poolingPresentSwitch = true;
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("button.present-switch");
    if (!button) return;
    const url = new URL(window.location.href);
    if (button.dataset.present === "1") url.searchParams.set("present", "1");
    else url.searchParams.delete("present");
    window.location.assign(url.toString());
  });
})();
