// Quintet console: the little the pages need beyond htmx. Plain script, no build step.
(() => {
  "use strict";

  // The requests chart draws the services table it sits next to, so the numbers have one source.
  function drawRequestsChart() {
    const el = document.getElementById("requests-chart");
    if (!el || typeof echarts === "undefined") return;
    const rows = [...document.querySelectorAll(el.dataset.chartRows)];
    const labels = rows.map(r => r.dataset.chartLabel);
    const values = rows.map(r => Number(r.dataset.chartValue));
    const css = getComputedStyle(document.documentElement);
    const color = name => css.getPropertyValue(name).trim();
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animationDuration: 500,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: {
        type: "category", data: labels,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: color("--border") } },
        axisLabel: { color: color("--muted") }
      },
      yAxis: {
        type: "value", minInterval: 1,
        splitLine: { lineStyle: { color: color("--border") } },
        axisLabel: { color: color("--muted") }
      },
      series: [{
        type: "bar", name: "requests", data: values, barMaxWidth: 36,
        itemStyle: { color: color("--accent"), borderRadius: [6, 6, 0, 0] }
      }]
    });
    window.addEventListener("resize", () => chart.resize());
  }

  // A car shown from a table row also fills the search box, so what is shown and what is typed agree.
  document.addEventListener("htmx:afterSwap", event => {
    const car = event.detail.target.querySelector?.("[data-serial]");
    const input = document.getElementById("serial");
    if (car && input) input.value = car.dataset.serial;
  });

  // The console's writes need its CSRF token (the API's do not); the layout puts it in two meta tags.
  document.addEventListener("htmx:configRequest", event => {
    const token = document.querySelector("meta[name=csrf-token]")?.content;
    const header = document.querySelector("meta[name=csrf-header]")?.content;
    if (token && header) event.detail.headers[header] = token;
  });

  // htmx leaves the page as it was when a request fails; say so instead of doing nothing.
  function toast(message) {
    const box = document.getElementById("toast");
    if (!box) return;
    box.textContent = message;
    box.hidden = false;
    clearTimeout(box.timer);
    box.timer = setTimeout(() => { box.hidden = true; }, 5000);
  }
  document.addEventListener("htmx:responseError", e =>
    toast(`The server answered ${e.detail.xhr.status}; nothing was changed.`));
  document.addEventListener("htmx:sendError", () =>
    toast("The server cannot be reached; is Quintet still running?"));

  document.addEventListener("DOMContentLoaded", drawRequestsChart);
})();
