/* The leader's dashboard: draws the charts from the JSON data block the page carries (the same numbers are in the
   tables below them, which stay the accessible source). No inline script: the CSP allows only this site's files. */
(function () {
  'use strict';
  var holder = document.getElementById('dashboard-charts');
  var block = document.getElementById('dashboard-data');
  if (!holder || !block || typeof window.Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(block.textContent || '{}');
  var label = function (name) { return holder.getAttribute('data-label-' + name) || name; };
  var green = '#00703c', red = '#b3261e', blue = '#0b4f9c', grey = '#4a4f55';
  /* long procedure names on several lines of at most 28 characters, so that a narrow chart shows them whole */
  var wrap = function (text) {
    var lines = [], line = '';
    String(text || '').split(' ').forEach(function (word) {
      if (line && (line + ' ' + word).length > 28) { lines.push(line); line = word; } else { line = line ? line + ' ' + word : word; }
    });
    if (line) { lines.push(line); }
    return lines;
  };
  var names = function (lines) { return lines.map(function (line) { return wrap(line.name); }); };
  var column = function (lines, key) { return lines.map(function (line) { return line[key]; }); };
  var common = { responsive: true, maintainAspectRatio: false, animation: false };

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) {
      new window.Chart(canvas, config);
    }
  }

  var procedures = data.perProcedure || [];
  var units = data.perUnit || [];
  draw('chart-rate-procedure', {
    type: 'bar',
    data: { labels: names(procedures), datasets: [
      { label: label('rate') + ' (%)', data: column(procedures, 'onTimeRate'), backgroundColor: green }] },
    options: Object.assign({ indexAxis: 'y', scales: { x: { min: 0, max: 100 } } }, common)
  });
  draw('chart-workload-procedure', {
    type: 'bar',
    data: { labels: names(procedures), datasets: [
      { label: label('on-time'), data: column(procedures, 'finishedOnTime'), backgroundColor: green },
      { label: label('late'), data: column(procedures, 'finishedLate'), backgroundColor: red },
      { label: label('in-progress'), data: column(procedures, 'inProgress'), backgroundColor: blue }] },
    options: Object.assign({ indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true },
      y: { stacked: true } } }, common)
  });
  draw('chart-unit', {
    type: 'bar',
    data: { labels: names(units), datasets: [
      { label: label('received'), data: column(units, 'received'), backgroundColor: grey },
      { label: label('on-time'), data: column(units, 'finishedOnTime'), backgroundColor: green },
      { label: label('late'), data: column(units, 'finishedLate'), backgroundColor: red },
      { label: label('in-progress'), data: column(units, 'inProgress'), backgroundColor: blue }] },
    options: Object.assign({ scales: { y: { beginAtZero: true } } }, common)
  });
}());
