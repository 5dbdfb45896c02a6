// Draws every <div class="chart" data-chart="..."> with uPlot (served from /assets/uplot.js). The server sends
// aligned data: x as Unix seconds, one values array per series (null = unknown, drawn as a gap, never invented).
(function () {
  'use strict';
  function draw(el) {
    var spec = JSON.parse(el.getAttribute('data-chart'));
    var data = [spec.x].concat(
      spec.series.map(function (s) {
        return s.values;
      }),
    );
    var series = [{}].concat(
      spec.series.map(function (s) {
        return {
          label: s.label,
          stroke: s.color,
          width: s.band ? 0 : 2,
          dash: s.dash ? [6, 4] : undefined,
          fill: s.fill,
          spanGaps: false,
          points: { show: spec.x.length < 40 && !s.band },
        };
      }),
    );
    var bands = (spec.bands || []).map(function (b) {
      return { series: b, fill: 'rgba(47, 91, 234, 0.12)' };
    });
    var width = Math.max(320, el.clientWidth - 16);
    // legend without live values: the lines are labelled, the numbers are in the tables below
    var chart = new uPlot(
      {
        title: spec.title,
        width: width,
        height: 220,
        series: series,
        bands: bands,
        legend: { live: false },
        axes: [{}, { size: 60 }],
        scales: { x: { time: true } },
      },
      data,
      el,
    );
    var points = spec.series.reduce(function (n, s) {
      return (
        n +
        s.values.filter(function (v) {
          return v !== null;
        }).length
      );
    }, 0);
    el.setAttribute('data-drawn', String(points));
    return chart;
  }
  function drawAll() {
    var els = document.querySelectorAll('.chart[data-chart]');
    for (var i = 0; i < els.length; i++) {
      try {
        draw(els[i]);
      } catch (err) {
        els[i].textContent = 'chart failed: ' + err.message;
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drawAll);
  else drawAll();
})();
