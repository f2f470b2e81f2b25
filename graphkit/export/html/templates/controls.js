// --- selection, search, the filters and legends; then the page starts ---------------
function selectEdge(id) {
  if (visible.edges.has(id)) { network.selectEdges([id]); }
  showEdge(id);
}
function selectActor(id, move) {
  var wanted = byId.get(id), shows = !wanted.actor && !state.allNodes;
  state.focus = id;
  if (shows) { state.allNodes = true; $("all-nodes").checked = true; }  // a concept asked for
  if (state.hops > 0 || shows) { applyFilters(); } else { showFocus(); }  // the neighbourhood moves
  if (visible.nodes.has(id)) {
    network.selectNodes([id]);
    if (move) { network.focus(id, {scale: Math.max(network.getScale(), 1.2), animation: {duration: 300}}); }
    $("status").textContent = "";
  } else {
    $("status").textContent = byId.get(id).label + " is hidden by the filters (Reset shows it).";
  }
  showNode(id);
}
function findActor(query) {
  var q = query.trim().toLowerCase(), best = null, bestRank = 9;
  if (!q) { return null; }
  DATA.nodes.forEach(function (n) {
    var label = n.label.toLowerCase(), aliases = n.aliases.map(function (a) { return a.toLowerCase(); });
    var rank = label === q ? 0 : aliases.indexOf(q) >= 0 ? 1 : label.indexOf(q) === 0 ? 2 :
      label.indexOf(q) > 0 ? 3 : aliases.some(function (a) { return a.indexOf(q) >= 0; }) ? 4 : 9;
    if (n.actor && rank < 9) { rank -= 5; }  // an actor before any concept
    if (rank < bestRank || (rank === bestRank && rank < 9 && n.rank < best.rank)) { best = n; bestRank = rank; }
  });
  return bestRank < 9 ? best : null;
}
function search() {
  var query = $("search").value, hit = findActor(query);
  if (hit) { selectActor(hit.id, true); }
  else if (query.trim()) { $("status").textContent = "No actor matches “" + query.trim() + "”."; }
}

function checkbox(parent, onChange, key, parts, checked) {
  var label = el("label"), box = el("input");
  box.type = "checkbox"; box.checked = checked !== false; box.value = key;
  box.addEventListener("change", function () { onChange(box.checked); applyFilters(); });
  label.appendChild(box);
  parts.forEach(function (part) { label.appendChild(part); });
  parent.appendChild(label);
  return box;
}
function toggles(set, key) {
  return function (on) { if (on) { set.delete(key); } else { set.add(key); } };
}
function svgSample(width, tag, attributes) {
  var ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg"), shape = document.createElementNS(ns, tag);
  svg.setAttribute("width", String(width)); svg.setAttribute("height", "12");
  svg.setAttribute("class", "sample");
  Object.keys(attributes).forEach(function (name) { shape.setAttribute(name, String(attributes[name])); });
  svg.appendChild(shape);
  return svg;
}
function shapeSample(item) {
  var shape = SHAPES[VIS_SHAPE[item.shape] || item.shape] || SHAPES.dot;
  return svgSample(12, shape[0], Object.assign({fill: item.color}, shape[1]));
}
function dashSample(item, color) {
  var attributes = {x1: 1, y1: 6, x2: 35, y2: 6, stroke: color || item.color, "stroke-width": 2};
  if (item.dashes) { attributes["stroke-dasharray"] = item.dashes.join(" "); }
  return svgSample(36, "line", attributes);
}
function options(select, items) {
  items.forEach(function (item) {
    var option = el("option", item[1]); option.value = item[0]; select.appendChild(option);
  });
}
function buildQuads() {
  var box = $("quads");
  DATA.quads.forEach(function (q) {
    var total = q.categories.reduce(function (n, c) { return n + c[1]; }, 0);
    if (!total) { return; }
    var keys = q.categories.map(function (c) { return c[0]; }), row = el("div", null, "wide");
    var boxes = [];
    var whole = checkbox(row, function (on) {
      keys.forEach(function (k) { toggles(state.hiddenCategories, k)(on); });
      boxes.forEach(function (b) { b.checked = on; });
    }, q.quad || "none", [svgSample(36, "line", {x1: 1, y1: 6, x2: 35, y2: 6, stroke: q.color, "stroke-width": 4}),
      document.createTextNode(" " + q.label + " "), el("span", total, "count")]);
    whole.parentNode.style.display = "inline-block";
    whole.setAttribute("data-quad", q.quad || "none");
    if (q.quad) {
      var list = el("div", null, "categories");
      q.categories.forEach(function (c) {
        boxes.push(checkbox(list, toggles(state.hiddenCategories, c[0]), c[0],
          [document.createTextNode(" " + c[0] + " "), el("span", c[1], "count")]));
      });
      row.appendChild(list);
    }
    box.appendChild(row);
  });
}
function buildControls() {
  DATA.legend.forEach(function (item) {
    var box = checkbox($("types"), toggles(state.hiddenTypes, item.type), item.type,
      [shapeSample(item), document.createTextNode(" " + item.type + " "), el("span", item.count, "count")]);
    if (!item.actor) { box.parentNode.setAttribute("data-other", "true"); }
  });
  DATA.kinds.forEach(function (item) {
    if (!item.count) { return; }
    var sample = dashSample(item);
    sample.setAttribute("data-kind", item.kind);
    checkbox($("kinds"), toggles(state.hiddenKinds, item.kind), item.kind,
      [sample, document.createTextNode(" " + item.meaning + " "), el("span", item.count, "count")]);
  });
  buildQuads();
  var relations = new Map();
  DATA.edges.forEach(function (e) { relations.set(e.relation, (relations.get(e.relation) || 0) + 1); });
  options($("relation"), Array.from(relations.keys()).sort().map(function (r) { return [r, r + " (" + relations.get(r) + ")"]; }));
  options($("article"), DATA.articles.map(function (a) { return [a.id, [a.title || a.id, a.date].filter(Boolean).join(", ")]; }));
  var names = DATA.nodes.filter(function (n) { return n.type !== "Proposition"; })
    .map(function (n) { return n.label; }).sort();
  names.forEach(function (name) { var option = el("option"); option.value = name; $("actor-names").appendChild(option); });
  if (state.hops > 3) { options($("hops"), [[String(state.hops), state.hops + " hops around"]]); }
  $("hops").value = String(state.hops);
  $("color-by").value = state.colorBy;
  recolour();
}
function recolour() {
  if (edgeSet) {
    edgeSet.update(DATA.edges.map(function (e) {
      var color = edgeColor(e);
      return {id: e.id, color: {color: color, highlight: color, hover: color}};
    }));
  }
  // each legend shows its colours only when they are the relations' colours
  $("quads").style.opacity = state.colorBy === "event" ? "" : "0.55";
  DATA.kinds.forEach(function (item) {
    var line = document.querySelector('#kinds svg[data-kind="' + item.kind + '"] line');
    var own = state.colorBy === "status" || item.kind === "mention";
    if (line) { line.setAttribute("stroke", own ? item.color : "#666"); }
  });
}
function bindControls() {
  $("search").addEventListener("change", search);  // Enter, leaving the box, or a pick from the list
  $("all-nodes").addEventListener("change", function (event) { state.allNodes = event.target.checked; applyFilters(); });
  $("relation").addEventListener("change", function (event) { state.relation = event.target.value; applyFilters(); });
  $("article").addEventListener("change", function (event) { state.article = event.target.value; applyFilters(); });
  $("confidence").addEventListener("input", function (event) {
    state.minConfidence = Number(event.target.value);
    $("confidence-value").textContent = state.minConfidence.toFixed(2);
    applyFilters();
  });
  $("hops").addEventListener("change", function (event) {
    state.hops = Number(event.target.value);
    $("status").textContent = state.hops && !state.focus ? "Click or find an actor first." : "";
    applyFilters();
    if (state.focus && state.hops) { network.fit({nodes: Array.from(visible.nodes), animation: {duration: 300}}); }
  });
  $("size-by").addEventListener("change", function (event) {
    state.sizeBy = event.target.value;
    nodeSet.update(DATA.nodes.map(function (n) { return {id: n.id, value: sizeOf(n)}; }));
  });
  $("color-by").addEventListener("change", function (event) { state.colorBy = event.target.value; recolour(); });
  $("export-csv").addEventListener("click", exportCsv);
  $("export-png").addEventListener("click", exportPng);
  $("reset").addEventListener("click", reset);
  bindTimeline();
}
function reset() {
  state.hiddenTypes.clear(); state.hiddenKinds.clear(); state.hiddenCategories.clear();
  Object.assign(state, {relation: "", article: "", minConfidence: 0, hops: 0, allNodes: false});
  document.querySelectorAll("#filters input[type=checkbox]").forEach(function (box) { box.checked = box.id !== "all-nodes"; });
  $("relation").value = ""; $("article").value = ""; $("hops").value = "0";
  $("confidence").value = "0"; $("confidence-value").textContent = "0.00"; $("status").textContent = "";
  resetTime();
  applyFilters();
  fitView();
}

if (DATA.focus) { state.focus = DATA.focus.id; state.hops = DATA.focus.hops; }
TIMES.data = performance.now();
buildControls();
buildTimeline(true);
bindControls();
computeVisible();
TIMES.controls = performance.now();
createNetwork();
TIMES.network = performance.now();
applyFilters();
if (state.focus) { network.selectNodes([state.focus]); showNode(state.focus); }
