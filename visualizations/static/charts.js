// Draws every chart of a diffusion page with plotly.js (served from the plotly wheel) and
// wires its SVG / PNG export buttons. A chart is <div class="chart" data-figure="ID"> with its
// figure in <script type="application/json" id="ID">; window.policykgCharts counts the charts
// drawn (the browser tests wait for it).
(function () {
  "use strict";
  window.policykgCharts = 0;
  function draw(div) {
    var spec = document.getElementById(div.dataset.figure);
    if (!spec || typeof Plotly === "undefined") { return Promise.resolve(); }
    var figure = JSON.parse(spec.textContent);
    var name = div.dataset.filename || div.dataset.figure;
    return Plotly.newPlot(div, figure.data, figure.layout, {
      responsive: true,
      displaylogo: false,
      toImageButtonOptions: { format: "png", filename: name, scale: 2 },
    }).then(function () { window.policykgCharts += 1; });
  }
  function exportChart(button) {
    var div = document.getElementById(button.dataset.target);
    if (!div) { return; }
    Plotly.downloadImage(div, {
      format: button.dataset.export,
      filename: div.dataset.filename || div.id,
      width: div.clientWidth || 900,
      height: div.clientHeight || 450,
      scale: button.dataset.export === "png" ? 2 : 1,
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var charts = Array.prototype.slice.call(document.querySelectorAll(".chart[data-figure]"));
    Promise.all(charts.map(draw)).then(function () { document.body.dataset.charts = "ready"; });
    document.querySelectorAll("button[data-export]").forEach(function (button) {
      button.addEventListener("click", function () { exportChart(button); });
    });
  });
})();
