// --- time: a date range, and a step-through by week or month -----------------------
// A statement is in the range when the days it is about (its time phrase's date, else
// its article's) or, with "Date by: its article", its article's day meet the range.
// Days are whole days since 1970-01-01, as the data gives them.
var playing = null;

function periodStart(day, unit) {
  if (unit === "week") { return day - ((day + 3) % 7); }  // 1970-01-01 was a Thursday
  var d = new Date(day * 86400000);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86400000);
}
function periodEnd(day, unit) {
  if (unit === "week") { return periodStart(day, unit) + 6; }
  var d = new Date(day * 86400000);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86400000) - 1;
}
function periods() {
  var unit = $("time-unit").value, found = [];
  if (!DATA.time) { return found; }
  for (var day = periodStart(DATA.time.min, unit); day <= DATA.time.max; day = periodEnd(day, unit) + 1) {
    found.push([day, periodEnd(day, unit)]);
  }
  return found;
}
function setRange(from, to) {
  state.from = from; state.to = to;
  $("time-from").value = from === null ? "" : isoDay(from);
  $("time-to").value = to === null ? "" : isoDay(to);
  applyFilters();
  drawBars();
}
function step(direction) {
  var all = periods(), growing = $("time-cumulative").checked;
  if (!all.length) { return false; }
  var at = state.to === null ? -1 : all.findIndex(function (p) { return p[1] >= state.to; });
  if (at < 0 && state.to !== null) { at = all.length; }
  var next = Math.max(0, Math.min(all.length - 1, at + direction));
  if (state.to !== null && next === at && at === all.length - 1 && direction > 0) { return false; }
  setRange(growing ? null : all[next][0], all[next][1]);
  $("time-status").textContent = (growing ? "up to " : "") + periodName(all[next]);
  return next < all.length - 1;
}
function periodName(period) {
  if ($("time-unit").value === "month") { return isoDay(period[0]).slice(0, 7); }
  return "week of " + isoDay(period[0]);
}
function play() {
  if (playing) { stopPlaying(); return; }
  setRange(null, null);
  $("time-play").textContent = "Pause";
  var tick = function () {
    if (!step(1)) { stopPlaying(); }
  };
  tick();
  playing = window.setInterval(tick, 1200);
}
function stopPlaying() {
  if (playing) { window.clearInterval(playing); }
  playing = null;
  $("time-play").textContent = "Play";
}
function drawBars() {
  var svg = $("time-bars"), all = periods(), counts = all.map(function () { return 0; });
  var ns = "http://www.w3.org/2000/svg";
  svg.replaceChildren();
  if (!all.length) { return; }
  SOURCES.forEach(function (s) {
    var days = s[state.dateBy];
    if (!days) { return; }
    var at = all.findIndex(function (p) { return p[1] >= days[0]; });
    if (at >= 0) { counts[at] += 1; }
  });
  var most = Math.max.apply(null, counts.concat([1]));
  svg.setAttribute("viewBox", "0 0 " + all.length * 10 + " 34");
  all.forEach(function (p, i) {
    var rect = document.createElementNS(ns, "rect"), h = counts[i] ? 3 + 29 * counts[i] / most : 1;
    rect.setAttribute("x", String(i * 10 + 1)); rect.setAttribute("width", "8");
    rect.setAttribute("y", String(34 - h)); rect.setAttribute("height", String(h));
    var inside = (state.from === null || p[1] >= state.from) && (state.to === null || p[0] <= state.to);
    if (inside && timeActive()) { rect.setAttribute("class", "in"); }
    var title = document.createElementNS(ns, "title");
    title.textContent = periodName(p) + ": " + counts[i] + " statements";
    rect.appendChild(title);
    rect.addEventListener("click", function () { stopPlaying(); setRange(p[0], p[1]); });
    svg.appendChild(rect);
  });
}
function buildTimeline(first) {
  var undated = SOURCES.filter(function (s) { return !s[state.dateBy]; }).length;
  $("undated-count").textContent = "(" + undated + ")";
  if (!DATA.time) {
    $("time-bars").style.display = "none";
    $("time-status").textContent = "No statement in this graph has a date.";
    ["time-from", "time-to", "time-unit", "time-prev", "time-next", "time-play", "time-cumulative", "date-by"]
      .forEach(function (id) { $(id).disabled = true; });
    return;
  }
  if (first && DATA.time.max - DATA.time.min <= 120) { $("time-unit").value = "week"; }
  ["time-from", "time-to"].forEach(function (id) {
    $(id).min = isoDay(DATA.time.min); $(id).max = isoDay(DATA.time.max);
  });
  $("time-status").textContent = isoDay(DATA.time.min) + " to " + isoDay(DATA.time.max);
  drawBars();
}
function bindTimeline() {
  $("time-from").addEventListener("change", function (event) { stopPlaying(); setRange(dayOf(event.target.value), state.to); });
  $("time-to").addEventListener("change", function (event) { stopPlaying(); setRange(state.from, dayOf(event.target.value)); });
  $("time-unit").addEventListener("change", drawBars);
  $("time-prev").addEventListener("click", function () { stopPlaying(); step(-1); });
  $("time-next").addEventListener("click", function () { stopPlaying(); step(1); });
  $("time-play").addEventListener("click", play);
  $("time-undated").addEventListener("change", function (event) { state.undated = event.target.checked; applyFilters(); });
  $("date-by").addEventListener("change", function (event) {
    state.dateBy = event.target.value;
    buildTimeline();
    applyFilters();
  });
}
function resetTime() {
  stopPlaying();
  state.from = null; state.to = null; state.undated = true; state.dateBy = "about";
  $("time-from").value = ""; $("time-to").value = ""; $("time-undated").checked = true; $("date-by").value = "about";
  if (DATA.time) { $("time-status").textContent = isoDay(DATA.time.min) + " to " + isoDay(DATA.time.max); }
  drawBars();
}
