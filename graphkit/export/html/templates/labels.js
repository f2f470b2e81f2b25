// --- labels: drawn on the canvas after each drawing, at a fixed size on screen ---------
// The most connected actors are labelled first and always; then every other actor in
// the order of its rank, and the relations, wherever a label fits: no label ever
// covers another, and zooming in makes room for more.
var LABEL_FONT = "12px system-ui, sans-serif";
var TOP_FONT = "bold 14px system-ui, sans-serif";
var EDGE_FONT = "11px system-ui, sans-serif";
var TOP_LABELS = Math.max(3, Math.min(12, Math.round(DATA.nodes.filter(function (n) { return n.actor; }).length / 6)));
var MAX_LABEL = 48;  // characters on the canvas; the panel shows all
var byRank = DATA.nodes.slice().sort(function (a, b) { return a.rank - b.rank; });
var widths = new Map();
var drawnLabels = [];  // the last drawing's labels: {id, node, box: [x0, y0, x1, y1]} in CSS pixels
window.graphkitLabels = drawnLabels;

function shortLabel(label) {
  return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL - 1).trimEnd() + "…" : label;
}
function textWidth(ctx, font, text) {
  var key = font + "\u0000" + text;
  if (!widths.has(key)) { ctx.font = font; widths.set(key, ctx.measureText(text).width); }
  return widths.get(key);
}
function Boxes(cell) { this.cell = cell; this.cells = new Map(); }
Boxes.prototype.keys = function (box, visit) {
  var c = this.cell;
  for (var x = Math.floor(box[0] / c); x <= Math.floor(box[2] / c); x++) {
    for (var y = Math.floor(box[1] / c); y <= Math.floor(box[3] / c); y++) {
      if (visit(x + "," + y) === true) { return true; }
    }
  }
  return false;
};
Boxes.prototype.hits = function (box, except) {
  var cells = this.cells;
  return this.keys(box, function (key) {
    return (cells.get(key) || []).some(function (other) {
      return other.owner !== except && box[0] < other.box[2] && other.box[0] < box[2] &&
        box[1] < other.box[3] && other.box[1] < box[3];
    });
  });
};
Boxes.prototype.add = function (box, owner) {
  var cells = this.cells, item = {box: box, owner: owner};
  this.keys(box, function (key) {
    if (!cells.has(key)) { cells.set(key, []); }
    cells.get(key).push(item);
  });
};
function candidates(x, y, r, w, h, many) {
  var spots = [[x - w / 2, y + r + 2], [x + r + 3, y - h / 2], [x - w / 2, y - r - 2 - h], [x - r - 3 - w, y - h / 2]];
  if (many) {
    [1, 2].forEach(function (k) {
      spots.push([x - w / 2, y + r + 2 + k * h], [x - w / 2, y - r - 2 - (k + 1) * h],
        [x + r + 3, y + r - h / 2 + k * h / 2], [x - r - 3 - w, y + r - h / 2 + k * h / 2],
        [x + r + 3, y - r - h / 2 - k * h / 2], [x - r - 3 - w, y - r - h / 2 - k * h / 2]);
    });
  }
  return spots.map(function (s) { return [s[0], s[1], s[0] + w, s[1] + h]; });
}
function crosses(box, a, b) {
  // whether the segment a-b passes through the box (Liang-Barsky clipping)
  var t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
  var checks = [[-dx, a.x - box[0]], [dx, box[2] - a.x], [-dy, a.y - box[1]], [dy, box[3] - a.y]];
  for (var i = 0; i < 4; i++) {
    var p = checks[i][0], q = checks[i][1];
    if (p === 0) { if (q < 0) { return false; } continue; }
    var t = q / p;
    if (p < 0) { t0 = Math.max(t0, t); } else { t1 = Math.min(t1, t); }
    if (t0 > t1) { return false; }
  }
  return true;
}
function ownLines(id, from) {
  // the node's drawn links as segments from its centre, in CSS pixels
  return edgesOf.get(id).filter(function (e) { return visible.edges.has(e.id) && e.from !== e.to; })
    .map(function (e) {
      var other = network.body.nodes[e.from === id ? e.to : e.from];
      return other ? [from, network.canvasToDOM({x: other.x, y: other.y})] : null;
    }).filter(Boolean);
}
function labelAt(point) {
  for (var i = drawnLabels.length - 1; i >= 0; i--) {
    var b = drawnLabels[i].box;
    if (point.x >= b[0] && point.x <= b[2] && point.y >= b[1] && point.y <= b[3]) { return drawnLabels[i]; }
  }
  return null;
}
function paintLabel(ctx, text, box, font, color) {
  ctx.fillStyle = "rgba(255, 255, 255, 0.82)";
  ctx.fillRect(box[0] - 1, box[1], box[2] - box[0] + 2, box[3] - box[1]);
  ctx.font = font;
  ctx.fillStyle = color;
  ctx.textBaseline = "middle";
  ctx.fillText(text, box[0] + 2, (box[1] + box[3]) / 2 + 0.5);
}
function drawLabels(ctx) {
  var canvas = ctx.canvas, ratio = canvas.width / Math.max(1, canvas.clientWidth);
  var width = canvas.clientWidth, height = canvas.clientHeight, scale = network.getScale();
  var bodyNodes = network.body.nodes, labels = new Boxes(48), discs = new Boxes(48);
  var selected = new Set(network.getSelectedNodes()), shown = [];
  drawnLabels.length = 0;
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  byRank.forEach(function (n) {
    var body = bodyNodes[n.id];
    if (!visible.nodes.has(n.id) || !body) { return; }
    var p = network.canvasToDOM({x: body.x, y: body.y}), r = (body.options.size || 8) * scale;
    var inner = r * 0.85;  // a node's box, less its empty corners
    discs.add([p.x - inner, p.y - inner, p.x + inner, p.y + inner], n.id);
    shown.push({node: n, x: p.x, y: p.y, r: r});
  });
  var top = 0;
  shown.sort(function (a, b) { return selected.has(b.node.id) - selected.has(a.node.id); });
  shown.forEach(function (item) {
    var n = item.node, first = top < TOP_LABELS || selected.has(n.id);
    top += 1;
    if (item.x < -200 || item.y < -50 || item.x > width + 200 || item.y > height + 50) { return; }
    var text = shortLabel(n.label), font = first ? TOP_FONT : LABEL_FONT, h = first ? 18 : 15;
    var spots = candidates(item.x, item.y, item.r, textWidth(ctx, font, text) + 4, h, first);
    var lines = ownLines(n.id, {x: item.x, y: item.y});
    var free = function (b) { return !labels.hits(b) && !discs.hits(b, n.id); };
    var clear = function (b) { return free(b) && !lines.some(function (l) { return crosses(b, l[0], l[1]); }); };
    // best off its own links; the first labels may cover a node when nothing else is
    // free; none ever covers a label
    var box = spots.find(clear) || spots.find(free) ||
      (first ? spots.find(function (b) { return !labels.hits(b); }) : null);
    if (!box) { return; }
    labels.add(box, n.id);
    drawnLabels.push({id: n.id, node: true, box: box});
    paintLabel(ctx, text, box, font, first ? "#111" : "#333");
  });
  drawEdgeLabels(ctx, labels, discs, selected, scale, width, height);
  ctx.restore();
}
var EDGE_LABELS = 400;  // relations tried for a label in one drawing, the first first
function drawEdgeLabels(ctx, labels, discs, selected, scale, width, height) {
  var edges = [];
  visible.edges.forEach(function (id) {
    var e = edgeById.get(id), body = network.body.edges[id];
    if (e.kind === "mention" || !body || !body.from || !body.to) { return; }
    var length = Math.hypot(body.to.x - body.from.x, body.to.y - body.from.y) * scale;
    var near = selected.has(e.from) || selected.has(e.to);
    if (length > 40 || near) {
      edges.push({e: e, body: body, length: length, near: near, weight: shownSources(e).length});
    }
  });
  edges.sort(function (a, b) {
    return (b.near - a.near) || (b.weight - a.weight) || (b.length - a.length);
  });
  edges = edges.slice(0, EDGE_LABELS);
  edges.forEach(function (item) {
    var e = item.e, text = shortLabel(e.label), w = textWidth(ctx, EDGE_FONT, text) + 4;
    if (w > item.length + 60 && !item.near) { return; }
    var a = network.canvasToDOM(item.body.from), b = network.canvasToDOM(item.body.to);
    var norm = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
    var side = {x: -(b.y - a.y) / norm * 10, y: (b.x - a.x) / norm * 10};  // beside the line
    var spots = [];
    var r0 = (item.body.from.options.size || 8) * scale, r1 = (item.body.to.options.size || 8) * scale;
    var middle = Math.min(0.8, Math.max(0.2, (r0 + norm - r1) / 2 / norm));  // of the line between the nodes
    [middle, 0.5, 0.38, 0.62, 0.28, 0.72].forEach(function (t) {
      var p = network.canvasToDOM(item.body.edgeType.getPoint(t));
      [0, 1, -1].forEach(function (k) { spots.push([p.x + k * side.x, p.y + k * side.y]); });
    });
    var box = spots.map(function (p) {
      return [p[0] - w / 2, p[1] - 7, p[0] + w / 2, p[1] + 7];
    }).find(function (b) {
      return b[0] >= 0 && b[1] >= 0 && b[2] <= width && b[3] <= height && !labels.hits(b) && !discs.hits(b);
    });
    if (!box) { return; }
    labels.add(box, e.id);
    drawnLabels.push({id: e.id, node: false, box: box});
    paintLabel(ctx, text, box, EDGE_FONT, e.kind === "mention" ? "#777" : edgeColor(e));
  });
}
