// The citizens page: upload a file through the service's own POST /imports, and draw the two charts
// from what the page already shows (the presents per month, the percentiles table).
(() => {
  "use strict";

  const css = () => getComputedStyle(document.documentElement);
  const color = name => css().getPropertyValue(name).trim();

  function axes(labels) {
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "category", data: labels, axisTick: { show: false },
               axisLine: { lineStyle: { color: color("--border") } }, axisLabel: { color: color("--muted") } },
      yAxis: { type: "value", splitLine: { lineStyle: { color: color("--border") } },
               axisLabel: { color: color("--muted") } }
    };
  }

  function drawPresents() {
    const el = document.getElementById("presents-chart");
    if (!el || typeof echarts === "undefined") return;
    const values = JSON.parse(el.dataset.values);
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({ ...axes(months), animationDuration: 400,
      series: [{ type: "bar", name: "presents", data: values, barMaxWidth: 36,
                 itemStyle: { color: color("--accent"), borderRadius: [6, 6, 0, 0] } }] });
    window.addEventListener("resize", () => chart.resize());
  }

  function drawPercentiles() {
    const el = document.getElementById("percentiles-chart");
    if (!el || typeof echarts === "undefined") return;
    const rows = [...document.querySelectorAll("#citizens-towns tbody tr")];
    // towns down the side, one row of three bars each: readable with many towns and long names
    el.style.height = Math.max(240, rows.length * 44 + 60) + "px";
    const chart = echarts.init(el, null, { renderer: "svg" });
    const series = ["p50", "p75", "p99"].map(p => ({
      type: "bar", name: p, barMaxWidth: 12, data: rows.map(r => Number(r.dataset[p]))
    }));
    const base = axes(rows.map(r => r.dataset.town));
    chart.setOption({ grid: base.grid, tooltip: base.tooltip, animationDuration: 400,
      xAxis: { ...base.yAxis, name: "years" }, yAxis: { ...base.xAxis, inverse: true },
      legend: { top: 0, textStyle: { color: color("--muted") } }, series });
    window.addEventListener("resize", () => chart.resize());
  }

  function upload() {
    const form = document.getElementById("citizens-upload");
    if (!form) return;
    const result = document.getElementById("citizens-upload-result");
    const say = (text, kind) => {
      result.textContent = text;
      result.className = "notice " + kind;
      result.hidden = false;
    };
    form.addEventListener("submit", async event => {
      event.preventDefault();
      const file = document.getElementById("citizens-file").files[0];
      if (!file) { say("Choose a JSON file first.", "warn"); return; }
      say(`Uploading ${file.name} …`, "info");
      try {
        const response = await fetch(form.dataset.endpoint, {
          method: "POST", headers: { "Content-Type": "application/json" }, body: file });
        const body = await response.json().catch(() => ({}));
        if (response.status === 201) {
          const id = body.data.import_id;
          say(`Stored as import ${id}.`, "info");
          window.location.href = `${form.dataset.page}?import=${id}`;
        } else {
          say(`Refused (${response.status}): ${body.detail || "the server gave no reason"}`, "warn");
        }
      } catch (e) {
        say("The server cannot be reached; is Quintet still running?", "warn");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => { drawPresents(); drawPercentiles(); upload(); });
})();
