// --- take away: what is shown, as CSV (claims with evidence) and PNG ----------------
// Both are made in the page and saved through a download link: nothing is sent.
var CSV_COLUMNS = ["claim", "subject", "relation", "object", "status", "event_category", "quad_class",
  "first_date", "last_date", "statement", "sentence", "relation_text", "quote", "date", "time_words",
  "article", "article_title", "article_date", "article_source", "article_url", "negated", "hedged",
  "modality", "attributed_to", "attribution_cue", "event_cue", "confidence"];
var FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value) {
  // like graphkit.export.network.csv_cell: a cell a spreadsheet would run as a formula starts with '
  var cell = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(cell)) { cell = "'" + cell; }
  return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
}
function shownClaims() {
  // the claims drawn, and those behind each "speaks of" line drawn, in id order
  var ids = new Set();
  visible.edges.forEach(function (id) {
    var e = edgeById.get(id);
    (e.kind === "mention" ? e.claims : [id]).forEach(function (c) {
      if (visible.sources.has(c)) { ids.add(c); }
    });
  });
  return DATA.edges.filter(function (e) { return ids.has(e.id); });
}
function claimsCsv() {
  var rows = [CSV_COLUMNS];
  shownClaims().forEach(function (e) {
    var from = byId.get(e.from), to = byId.get(e.to), quad = quadByName.get(e.quad);
    visible.sources.get(e.id).forEach(function (i) {
      var s = SOURCES[i], a = articleById.get(s.article) || {};
      rows.push([e.claim, from.label, e.relation, to.type === "Proposition" ? to.text : to.label, e.status,
        e.categories.join(" "), e.quad ? quad.label : "", e.first, e.last, s.id, s.sentence, s.relation,
        s.quote, s.date || (s.about ? isoDay(s.about[0]) : ""), s.time, s.article, a.title, a.date, a.source,
        a.url, s.negated, s.hedged, s.modality, s.attributed_to || s.attribution, s.cue,
        s.event ? s.event.cue : "", s.confidence]);
    });
  });
  return rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
}
function download(name, href) {
  var link = el("a");
  link.href = href; link.download = name; link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
}
function exportCsv() {
  var url = URL.createObjectURL(new Blob([claimsCsv()], {type: "text/csv;charset=utf-8"}));
  download("graphkit-claims.csv", url);
  window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  $("status").textContent = "Saved " + shownClaims().length + " claims as CSV.";
}
function pictureDataUrl() {
  // the canvas on white, with the title, the range and the counts written under it
  var source = $("network").querySelector("canvas"), ratio = source.width / Math.max(1, source.clientWidth);
  var caption = 28 * ratio, canvas = document.createElement("canvas"), ctx = canvas.getContext("2d");
  canvas.width = source.width; canvas.height = source.height + caption;
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, 0, 0);
  ctx.fillStyle = "#333"; ctx.font = 12 * ratio + "px system-ui, sans-serif"; ctx.textBaseline = "middle";
  ctx.fillText(document.title + " · " + $("counts").textContent, 8 * ratio, source.height + caption / 2);
  return canvas.toDataURL("image/png");
}
function exportPng() {
  download("graphkit-view.png", pictureDataUrl());
  $("status").textContent = "Saved the picture as PNG.";
}
