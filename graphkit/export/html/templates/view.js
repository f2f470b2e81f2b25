// The view's behaviour. page.py joins view.js, labels.js, panel.js, time.js, export.js
// and controls.js (which starts the page), in that order, into the last <script>.
"use strict";
var TIMES = {script: performance.now()};  // when each step of the start was done
// Article text is untrusted: it reaches the page only through textContent, value and
// createTextNode, never innerHTML, and vis-network gets no HTML titles (nor labels:
// labels.js draws them on the canvas).
var DATA = JSON.parse(document.getElementById("graph-data").textContent);
var SOURCES = DATA.sources;
var SHAPES = {  // legend swatches: SVG element and attributes in a 12 x 12 box
  dot: ["circle", {cx: 6, cy: 6, r: 5}], diamond: ["polygon", {points: "6,0 12,6 6,12 0,6"}],
  square: ["rect", {x: 1, y: 1, width: 10, height: 10}],
  triangle: ["polygon", {points: "6,0 12,11 0,11"}], triangleDown: ["polygon", {points: "0,1 12,1 6,12"}],
  star: ["polygon", {points: "6,0 7.8,4 12,4.4 8.8,7.2 9.7,11.5 6,9.3 2.3,11.5 3.2,7.2 0,4.4 4.2,4"}],
  hexagon: ["polygon", {points: "3,0.8 9,0.8 12,6 9,11.2 3,11.2 0,6"}]
};
var VIS_SHAPE = {ellipse: "hexagon", box: "square"};  // shapes vis-network sizes by a label
var BIG = DATA.nodes.length > 800 || DATA.edges.length > 1500;
var byId = new Map(DATA.nodes.map(function (n) { return [n.id, n]; }));
var edgeById = new Map(DATA.edges.map(function (e) { return [e.id, e]; }));
var articleById = new Map(DATA.articles.map(function (a) { return [a.id, a]; }));
var quadByName = new Map(DATA.quads.map(function (q) { return [q.quad, q]; }));
var edgesOf = new Map(DATA.nodes.map(function (n) { return [n.id, []]; }));
DATA.edges.forEach(function (e) {
  edgesOf.get(e.from).push(e);
  if (e.to !== e.from) { edgesOf.get(e.to).push(e); }
});
var state = {hiddenTypes: new Set(), hiddenKinds: new Set(), hiddenCategories: new Set(),
             relation: "", article: "", minConfidence: 0, focus: null, hops: 0,
             sizeBy: "weight", colorBy: DATA.colorBy, allNodes: false,
             from: null, to: null, dateBy: "about", undated: true};
// what the filters let through: node ids, edge ids, and each edge's sources that pass
var visible = {nodes: new Set(), edges: new Set(), sources: new Map(), active: new Set()};
var network = null, nodeSet = null, edgeSet = null, nodeView = null, edgeView = null;

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
function isoDay(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }
function dayOf(iso) {
  var time = Date.parse(String(iso).slice(0, 10) + "T00:00:00Z");
  return isNaN(time) ? null : Math.round(time / 86400000);
}

// --- filters: which sources, edges and nodes are visible ---------------------------
function timeActive() { return state.from !== null || state.to !== null; }
function inTime(source) {
  if (!timeActive()) { return true; }
  var days = source[state.dateBy];
  if (!days) { return state.undated; }
  return (state.from === null || days[1] >= state.from) && (state.to === null || days[0] <= state.to);
}
function sourcePasses(index, edge) {
  var s = SOURCES[index];
  if (s.confidence < state.minConfidence || (state.article && s.article !== state.article)) { return false; }
  if (edge.kind !== "mention" && state.hiddenCategories.has(s.event ? s.event.category : "none")) { return false; }
  return inTime(s);
}
function drawable(node) {
  return (node.actor || state.allNodes) && !state.hiddenTypes.has(node.type);
}
function edgeShown(e) {
  return !state.hiddenKinds.has(e.kind) && (!state.relation || e.relation === state.relation) &&
    (e.actors || state.allNodes) && drawable(byId.get(e.from)) && drawable(byId.get(e.to));
}
function passing(e) {
  return e.sources.filter(function (i) { return sourcePasses(i, e); });
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
  var edges = [], around = state.focus && state.hops > 0;
  visible.sources = new Map();
  visible.active = new Set();  // nodes with a passing source, drawn or not
  DATA.edges.forEach(function (e) {
    var kept = passing(e);
    if (!kept.length) { return; }
    visible.sources.set(e.id, kept);
    visible.active.add(e.from); visible.active.add(e.to);
    if (edgeShown(e)) { edges.push(e); }
  });
  if (around) {
    var near = neighbourhood(edges, state.focus, state.hops);
    edges = edges.filter(function (e) { return near.has(e.from) && near.has(e.to); });
  }
  visible.edges = new Set(edges.map(function (e) { return e.id; }));
  visible.nodes = new Set();
  edges.forEach(function (e) { visible.nodes.add(e.from); visible.nodes.add(e.to); });
  DATA.nodes.forEach(function (n) {  // actors with no relation drawn, and the centre
    if (!drawable(n)) { return; }
    if ((around && n.id === state.focus) || (!around && visible.active.has(n.id))) { visible.nodes.add(n.id); }
  });
}
function shownSources(e) { return visible.sources.get(e.id) || []; }
function applyFilters() {
  computeVisible();
  if (nodeView) { nodeView.refresh(); edgeView.refresh(); }
  var nodes = DATA.nodes.filter(drawable).length, edges = DATA.edges.filter(edgeShown).length;
  var what = state.allNodes ? " actors and other nodes, " : " actors, ";
  $("counts").textContent = "Showing " + visible.nodes.size + " of " + nodes + what +
    visible.edges.size + " of " + edges + " relations" + (timeActive() ? " " + rangeText() : "");
  showFocus();
  refreshPanel();
}
function rangeText() {
  return "from " + (state.from === null ? "the start" : isoDay(state.from)) + " to " +
    (state.to === null ? "the end" : isoDay(state.to));
}
function showFocus() {
  $("focus-name").textContent = state.focus ? "around " + byId.get(state.focus).label : "(click or find an actor)";
}

// --- the network ---------------------------------------------------------------
function sizeOf(n) { return n[state.sizeBy] || 0; }
function edgeColor(e) {
  if (state.colorBy !== "event" || e.kind === "mention") { return e.color; }
  return quadByName.get(e.quad).color;
}
function visNode(n) {
  return {id: n.id, color: n.color, shape: VIS_SHAPE[n.shape] || n.shape, x: n.x, y: n.y, value: sizeOf(n)};
}
function visEdge(e) {
  var color = edgeColor(e);
  var item = {id: e.id, from: e.from, to: e.to, dashes: e.dashes, width: e.width,
              color: {color: color, highlight: color, hover: color}, arrows: e.kind === "mention" ? "" : "to"};
  if (e.smooth) { item.smooth = e.smooth; }
  return item;
}
function fitView() {
  // the nodes, with room around them for the labels drawn beside the outer ones
  network.fit({animation: false});
  network.moveTo({scale: network.getScale() * 0.86, animation: false});
}
function createNetwork() {
  nodeSet = new vis.DataSet(DATA.nodes.map(visNode));
  edgeSet = new vis.DataSet(DATA.edges.map(visEdge));
  nodeView = new vis.DataView(nodeSet, {filter: function (n) { return visible.nodes.has(n.id); }});
  edgeView = new vis.DataView(edgeSet, {filter: function (e) { return visible.edges.has(e.id); }});
  // Positions come precomputed from Python: no physics, no layout run in the browser.
  network = new vis.Network($("network"), {nodes: nodeView, edges: edgeView}, {
    physics: false,
    layout: {improvedLayout: false},
    interaction: {hover: !BIG, tooltipDelay: 150, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG},
    nodes: {scaling: {min: 6, max: 30, label: {enabled: false}}, borderWidth: 1},
    edges: {smooth: false, arrows: {to: {enabled: true, scaleFactor: 0.5}}, selectionWidth: 2}
  });
  fitView();
  network.on("afterDrawing", drawLabels);
  network.once("afterDrawing", function () {
    window.graphkitReady = TIMES.drawn = performance.now();  // read by the tests and the benchmark
    window.graphkitTimes = TIMES;
    document.body.setAttribute("data-ready", "true");
  });
  network.on("click", function (params) {
    if (params.nodes.length) { selectActor(params.nodes[0], false); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else {
      var hit = labelAt(params.pointer.DOM);
      if (hit && hit.node) { network.selectNodes([hit.id]); selectActor(hit.id, false); }
      else if (hit) { network.selectEdges([hit.id]); showEdge(hit.id); }
    }
  });
}
