// The view's behaviour, put verbatim into graph.html.j2's last <script> element.
"use strict";
// Article text is untrusted: it reaches the page only through textContent, value and
// createTextNode, never innerHTML, and vis-network gets no HTML titles.
var DATA = JSON.parse(document.getElementById("graph-data").textContent);
var SHAPES = {  // legend swatches: SVG element and attributes in a 12 x 12 box
  dot: ["circle", {cx: 6, cy: 6, r: 5}], diamond: ["polygon", {points: "6,0 12,6 6,12 0,6"}],
  square: ["rect", {x: 1, y: 1, width: 10, height: 10}],
  triangle: ["polygon", {points: "6,0 12,11 0,11"}], triangleDown: ["polygon", {points: "0,1 12,1 6,12"}],
  star: ["polygon", {points: "6,0 7.8,4 12,4.4 8.8,7.2 9.7,11.5 6,9.3 2.3,11.5 3.2,7.2 0,4.4 4.2,4"}],
  ellipse: ["ellipse", {cx: 6, cy: 6, rx: 6, ry: 4}], box: ["rect", {x: 0, y: 3, width: 12, height: 6}]
};
var BIG = DATA.nodes.length > 800 || DATA.edges.length > 1500;
var MAX_LABEL = 48;
var byId = new Map(DATA.nodes.map(function (n) { return [n.id, n]; }));
var edgeById = new Map(DATA.edges.map(function (e) { return [e.id, e]; }));
var articleById = new Map(DATA.articles.map(function (a) { return [a.id, a]; }));
var state = {hiddenTypes: new Set(), hiddenKinds: new Set(), relation: "", article: "",
             minConfidence: 0, focus: null, hops: 0, sizeBy: "degree"};
var visible = {nodes: new Set(), edges: new Set()};

function $(id) { return document.getElementById(id); }
function el(tag, text, cls) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  if (cls) { node.className = cls; }
  return node;
}
function field(parent, name, value) {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) { return; }
  var row = el("div");
  row.appendChild(el("b", name + ": "));
  row.appendChild(document.createTextNode(Array.isArray(value) ? value.join("; ") : String(value)));
  parent.appendChild(row);
}
function linkButton(text, onClick) {
  var button = el("button", text, "link");
  button.type = "button";
  button.addEventListener("click", onClick);
  return button;
}

// --- filters: which edges and nodes are visible -----------------------------------
function edgePasses(e) {
  return !state.hiddenKinds.has(e.kind) &&
    (!state.relation || e.relation === state.relation) &&
    (!state.article || e.articles.indexOf(state.article) >= 0) &&
    e.confidence >= state.minConfidence &&
    !state.hiddenTypes.has(byId.get(e.from).type) && !state.hiddenTypes.has(byId.get(e.to).type);
}
function neighbourhood(edges, start, hops) {
  var adjacent = new Map();
  edges.forEach(function (e) {
    [[e.from, e.to], [e.to, e.from]].forEach(function (p) {
      if (!adjacent.has(p[0])) { adjacent.set(p[0], []); }
      adjacent.get(p[0]).push(p[1]);
    });
  });
  var reached = new Set([start]), frontier = [start];
  for (var i = 0; i < hops; i++) {
    var next = [];
    frontier.forEach(function (id) {
      (adjacent.get(id) || []).forEach(function (other) {
        if (!reached.has(other)) { reached.add(other); next.push(other); }
      });
    });
    frontier = next;
  }
  return reached;
}
function computeVisible() {
  var edges = DATA.edges.filter(edgePasses), around = state.focus && state.hops > 0;
  if (around) {
    var near = neighbourhood(edges, state.focus, state.hops);
    edges = edges.filter(function (e) { return near.has(e.from) && near.has(e.to); });
  }
  visible.edges = new Set(edges.map(function (e) { return e.id; }));
  visible.nodes = new Set();
  edges.forEach(function (e) { visible.nodes.add(e.from); visible.nodes.add(e.to); });
  DATA.nodes.forEach(function (n) {  // actors without any relation, and the centre
    if (state.hiddenTypes.has(n.type)) { return; }
    if ((around && n.id === state.focus) || (!around && !n.degree)) { visible.nodes.add(n.id); }
  });
}
function applyFilters() {
  computeVisible();
  nodeView.refresh();
  edgeView.refresh();
  $("counts").textContent = "Showing " + visible.nodes.size + " of " + DATA.nodes.length +
    " actors and concepts, " + visible.edges.size + " of " + DATA.edges.length + " relations";
  showFocus();
}
function showFocus() {
  $("focus-name").textContent = state.focus ? "around " + byId.get(state.focus).label : "(click or find an actor)";
}

// --- the network ---------------------------------------------------------------
function sizeOf(n) { return state.sizeBy === "mentions" ? n.mentions : n.degree; }
function shortLabel(label) {  // the canvas gets at most MAX_LABEL characters; the panel all
  return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL - 1).trimEnd() + "…" : label;
}
function visNode(n) {
  return {id: n.id, label: shortLabel(n.label), color: n.color, shape: n.shape, x: n.x, y: n.y,
          value: sizeOf(n)};
}
function visEdge(e) {
  var item = {id: e.id, from: e.from, to: e.to, label: e.label, dashes: e.dashes, width: e.width,
              color: {color: e.color, highlight: e.color, hover: e.color}};
  if (e.smooth) { item.smooth = e.smooth; }
  return item;
}
if (DATA.focus) { state.focus = DATA.focus.id; state.hops = DATA.focus.hops; }
computeVisible();
var nodeSet = new vis.DataSet(DATA.nodes.map(visNode));
var edgeSet = new vis.DataSet(DATA.edges.map(visEdge));
var nodeView = new vis.DataView(nodeSet, {filter: function (n) { return visible.nodes.has(n.id); }});
var edgeView = new vis.DataView(edgeSet, {filter: function (e) { return visible.edges.has(e.id); }});
// Positions come precomputed from Python: no physics, no layout run in the browser.
var network = new vis.Network($("network"), {nodes: nodeView, edges: edgeView}, {
  physics: false,
  layout: {improvedLayout: false},
  interaction: {hover: !BIG, tooltipDelay: 150, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG},
  nodes: {scaling: {min: 8, max: 28}, font: {size: 13}, widthConstraint: {maximum: 150}},
  edges: {smooth: false, arrows: {to: {enabled: true, scaleFactor: 0.6}},
          font: {size: 10, align: "middle"}, selectionWidth: 2}
});
network.once("afterDrawing", function () {
  window.graphkitReady = performance.now();  // read by the tests and the benchmark
  document.body.setAttribute("data-ready", "true");
});

// --- the side panel: provenance ------------------------------------------------------
function highlighted(source) {
  // the sentence with the subject and object spans marked; offsets are in the article
  var p = el("p"), text = source.sentence || "", base = source.sentence_start;
  var marks = [[source.subject, "subject"], [source.object, "object"], [source.attribution_span, "source"]]
    .map(function (m) { return [m[0][0] - base, m[0][1] - base, m[1]]; })
    .filter(function (m) { return m[0] >= 0 && m[1] <= text.length && m[0] < m[1]; })
    .sort(function (a, b) { return a[0] - b[0]; });
  var at = 0;
  marks.forEach(function (m) {
    if (m[0] < at) { return; }
    p.appendChild(document.createTextNode(text.slice(at, m[0])));
    p.appendChild(el("mark", text.slice(m[0], m[1]), m[2]));
    at = m[1];
  });
  p.appendChild(document.createTextNode(text.slice(at)));
  return p;
}
function edgeLine(e, id) {
  var out = e.from === id, other = byId.get(out ? e.to : e.from);
  var text = (out ? "→ " : "← ") + e.label + (out ? " → " : " ← ") + other.label;
  return text + (e.sources.length > 1 ? " (" + e.sources.length + " sources)" : "");
}
function showNode(id) {
  var n = byId.get(id), panel = $("panel");
  panel.replaceChildren(el("h2", n.label));
  field(panel, "Type", n.type);
  field(panel, "Country", n.country);
  field(panel, "Part of", n.affiliation);
  field(panel, "Roles", n.roles);
  field(panel, "Also called", n.aliases);
  field(panel, "Mentions", n.mentions);
  field(panel, "Relations", n.degree);
  field(panel, "Merged because", n.merges);
  var list = el("ul", null, "edges");
  DATA.edges.forEach(function (e) {
    if (e.from !== id && e.to !== id) { return; }
    var item = el("li");
    item.appendChild(linkButton(edgeLine(e, id), function () { selectEdge(e.id); }));
    list.appendChild(item);
  });
  if (list.children.length) { panel.appendChild(el("h2", "Relations")); panel.appendChild(list); }
}
function showSource(s) {
  var box = el("div", null, "source"), article = articleById.get(s.article) || {};
  box.appendChild(highlighted(s));
  field(box, "Words", s.relation);
  field(box, "Article", [article.title || s.article, article.date, article.source].filter(Boolean).join(", "));
  if (article.url && /^https?:\/\//i.test(article.url)) {
    var a = el("a", article.url); a.href = article.url; a.rel = "noopener noreferrer"; a.target = "_blank";
    box.appendChild(a);
  }
  field(box, "Confidence", s.confidence.toFixed(2));
  field(box, "Negated", s.negated ? "yes" : null);
  field(box, "Hedged", s.hedged ? "yes" : null);
  field(box, "Modality", s.modality);
  field(box, "Attributed to", s.attribution ? (s.attributed_to || s.attribution) + (s.cue ? " (" + s.cue + ")" : "") : null);
  return box;
}
function showEdge(id) {
  var e = edgeById.get(id), panel = $("panel"), from = byId.get(e.from), to = byId.get(e.to);
  panel.replaceChildren(el("h2", from.label + " — " + e.label + " — " + to.label));
  var badge = el("span", e.kind, "badge");
  badge.style.background = e.color;
  panel.appendChild(badge);
  panel.appendChild(el("span", e.sources.length + (e.sources.length === 1 ? " source" : " sources"), "meta"));
  [from, to].forEach(function (n) {
    var row = el("div");
    row.appendChild(linkButton(n.label, function () { selectActor(n.id, true); }));
    panel.appendChild(row);
  });
  e.sources.forEach(function (s) { panel.appendChild(showSource(s)); });
}

// --- selection, search and controls ------------------------------------------------
function selectEdge(id) {
  if (visible.edges.has(id)) { network.selectEdges([id]); }
  showEdge(id);
}
function selectActor(id, move) {
  state.focus = id;
  if (state.hops > 0) { applyFilters(); } else { showFocus(); }  // the neighbourhood moves
  if (visible.nodes.has(id)) {
    network.selectNodes([id]);
    if (move) { network.focus(id, {scale: 1.2, animation: {duration: 300}}); }
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
    if (rank < bestRank || (rank === bestRank && rank < 9 && n.degree > best.degree)) { best = n; bestRank = rank; }
  });
  return best;
}
function search() {
  var query = $("search").value, hit = findActor(query);
  if (hit) { selectActor(hit.id, true); }
  else if (query.trim()) { $("status").textContent = "No actor matches “" + query.trim() + "”."; }
}
$("search").addEventListener("change", search);  // Enter, leaving the box, or a pick from the list
network.on("click", function (params) {
  if (params.nodes.length) { selectActor(params.nodes[0], false); }
  else if (params.edges.length) { showEdge(params.edges[0]); }
});

function checkbox(parent, set, key, parts) {
  var label = el("label"), box = el("input");
  box.type = "checkbox"; box.checked = true; box.value = key;
  box.addEventListener("change", function () {
    if (box.checked) { set.delete(key); } else { set.add(key); }
    applyFilters();
  });
  label.appendChild(box);
  parts.forEach(function (part) { label.appendChild(part); });
  parent.appendChild(label);
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
  var shape = SHAPES[item.shape] || SHAPES.dot;
  return svgSample(12, shape[0], Object.assign({fill: item.color}, shape[1]));
}
function dashSample(item) {
  var attributes = {x1: 1, y1: 6, x2: 35, y2: 6, stroke: item.color, "stroke-width": 2};
  if (item.dashes) { attributes["stroke-dasharray"] = item.dashes.join(" "); }
  return svgSample(36, "line", attributes);
}
function options(select, items) {
  items.forEach(function (item) {
    var option = el("option", item[1]); option.value = item[0]; select.appendChild(option);
  });
}
function buildControls() {
  DATA.legend.forEach(function (item) {
    checkbox($("types"), state.hiddenTypes, item.type,
      [shapeSample(item), document.createTextNode(" " + item.type + " "), el("span", item.count, "count")]);
  });
  DATA.kinds.forEach(function (item) {
    checkbox($("kinds"), state.hiddenKinds, item.kind,
      [dashSample(item), document.createTextNode(" " + item.meaning + " "), el("span", item.count, "count")]);
  });
  var relations = new Map();
  DATA.edges.forEach(function (e) { relations.set(e.relation, (relations.get(e.relation) || 0) + 1); });
  options($("relation"), Array.from(relations.keys()).sort().map(function (r) { return [r, r + " (" + relations.get(r) + ")"]; }));
  options($("article"), DATA.articles.map(function (a) { return [a.id, [a.title || a.id, a.date].filter(Boolean).join(", ")]; }));
  var names = DATA.nodes.map(function (n) { return n.label; }).sort();
  names.forEach(function (name) { var option = el("option"); option.value = name; $("actor-names").appendChild(option); });
  if (state.hops > 3) { options($("hops"), [[String(state.hops), state.hops + " hops around"]]); }
  $("hops").value = String(state.hops);
}
function bindControls() {
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
  $("reset").addEventListener("click", reset);
}
function reset() {
  state.hiddenTypes.clear(); state.hiddenKinds.clear();
  Object.assign(state, {relation: "", article: "", minConfidence: 0, hops: 0});
  document.querySelectorAll("#filters input[type=checkbox]").forEach(function (box) { box.checked = true; });
  $("relation").value = ""; $("article").value = ""; $("hops").value = "0";
  $("confidence").value = "0"; $("confidence-value").textContent = "0.00"; $("status").textContent = "";
  applyFilters();
  network.fit();
}
buildControls();
bindControls();
applyFilters();
if (state.focus) { network.selectNodes([state.focus]); showNode(state.focus); }
