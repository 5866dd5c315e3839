// Hotels pages: charts drawn from the tables next to them (one source for the numbers), and the
// "select all" box of a search's results. Runs again after every htmx swap, since fragments bring charts.
(() => {
  "use strict";

  function barChart(el) {
    if (typeof echarts === "undefined") return;
    const rows = [...document.querySelectorAll(el.dataset.chartRows)];
    const css = getComputedStyle(document.documentElement);
    const color = name => css.getPropertyValue(name).trim();
    echarts.getInstanceByDom(el)?.dispose();
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animationDuration: 400,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
                 valueFormatter: v => el.dataset.chartUnit ? `${v} ${el.dataset.chartUnit}` : v },
      xAxis: { type: "category", data: rows.map(r => r.dataset.chartLabel), axisTick: { show: false },
               axisLine: { lineStyle: { color: color("--border") } }, axisLabel: { color: color("--muted"), interval: 0 } },
      yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: color("--border") } },
               axisLabel: { color: color("--muted") } },
      series: [{ type: "bar", data: rows.map(r => Number(r.dataset.chartValue)), barMaxWidth: 36,
                 itemStyle: { color: color("--accent"), borderRadius: [6, 6, 0, 0] } }]
    });
  }

  function drawAll() {
    document.querySelectorAll(".chart[data-chart-rows]").forEach(el => {
      if (el.id !== "requests-chart") barChart(el);
    });
  }

  document.addEventListener("change", event => {
    if (!event.target.matches("[data-pick-all]")) return;
    event.target.closest("form").querySelectorAll("input[name=pick]").forEach(box => {
      box.checked = event.target.checked;
    });
  });

  document.addEventListener("DOMContentLoaded", drawAll);
  document.addEventListener("htmx:afterSettle", drawAll);
  window.addEventListener("resize", () =>
    document.querySelectorAll(".chart").forEach(el => echarts?.getInstanceByDom(el)?.resize()));
})();
