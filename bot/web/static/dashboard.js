// The dashboard refreshes its body by itself: it asks the server for the same figures again.
// It charts the 14-day trend and this week's categories with the vendored Chart.js, from the
// body's <script type="application/json" id="chart-data"> block (no inline script: the CSP
// allows only this file). Without Chart.js the body's <progress> bars stay in view.
"use strict";
(function () {
  var TREND = "#2563eb";
  var CATEGORY = "#0f766e";
  var charts = [];

  function forget() {
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
  }

  function options(horizontal) {
    var count = { beginAtZero: true, ticks: { precision: 0 } };
    return {
      animation: false,
      maintainAspectRatio: false,
      indexAxis: horizontal ? "y" : "x",
      plugins: { legend: { display: false } },
      scales: horizontal ? { x: count } : { y: count }
    };
  }

  function bars(canvas, series, colour, horizontal) {
    if (!canvas || !series || !series.labels.length) { return; }
    if (horizontal) {  // one row of about 28 px for each category
      canvas.parentNode.style.height = Math.max(120, 28 * series.labels.length + 40) + "px";
    }
    charts.push(new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: series.labels,
        datasets: [{ label: "件数", data: series.values, backgroundColor: colour }]
      },
      options: options(horizontal)
    }));
    canvas.closest(".chart-card").classList.add("charted");
    canvas.setAttribute("data-drawn", "1");
  }

  function draw(box) {
    forget();
    var block = document.getElementById("chart-data");
    if (!block || typeof window.Chart === "undefined") { return; }
    var data = JSON.parse(block.textContent);
    window.Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    bars(document.getElementById("trend-chart"), data.trend, TREND, false);
    bars(document.getElementById("category-chart"), data.categories, CATEGORY, true);
    box.setAttribute("data-charted", String(Date.now()));
  }

  function refresh(box) {
    fetch(box.getAttribute("data-source"), { credentials: "same-origin" })
      .then(function (answer) {
        if (!answer.ok) { throw new Error(String(answer.status)); }
        return answer.text();
      })
      .then(function (html) {
        forget();
        box.innerHTML = html;  // server-rendered, escaped by the template
        draw(box);
        document.body.setAttribute("data-refreshed", String(Date.now()));
      })
      .catch(function () { /* keep the last figures; try again at the next tick */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("dashboard");
    if (!box) { return; }
    draw(box);
    var every = Number(box.getAttribute("data-every")) || 30;
    setInterval(function () { refresh(box); }, every * 1000);
  });
})();
