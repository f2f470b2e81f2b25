// --- the side panel: an actor, a relation, and where each came from ------------------
// Everything listed respects the filters and the time range: a source the filters
// leave out is not shown, and every count is of what is shown.
var shownInPanel = null;  // {kind: "node" | "edge", id}
var STATUS_WORDS = {fact: "fact", negated: "negated", uncertain: "uncertain"};

function refreshPanel() {
  if (!shownInPanel) { return; }
  if (shownInPanel.kind === "node") { showNode(shownInPanel.id); } else { showEdge(shownInPanel.id); }
}
function highlighted(source) {
  // the sentence with the subject, object and source spans marked; offsets are in the article
  var p = el("p"), text = source.sentence || "", base = source.sentence_start;
  var marks = [[source.subject, "subject"], [source.object, "object"], [source.attribution_span, "source"]]
    .filter(function (m) { return m[0] && m[0][0] !== null && m[0][1] !== null; })
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
function badge(parent, text, color, cls) {
  var b = el("span", text, "badge" + (cls ? " " + cls : ""));
  if (color) { b.style.background = color; }
  parent.appendChild(b);
  return b;
}
function statusBadges(parent, s) {
  if (s.negated) { badge(parent, "negated", "#d62728"); }
  if (s.hedged) { badge(parent, "hedged", "#ff7f0e"); }
  if (s.modality) { badge(parent, "modal: " + s.modality, "#1f77b4"); }
  if (s.attribution) { badge(parent, "attributed to " + (s.attributed_to || s.attribution), "#9467bd"); }
  if (!s.negated && !s.hedged && !s.modality && !s.attribution) { badge(parent, "fact", "#555"); }
  if (s.event) {
    var quad = quadByName.get(s.event.quad) || quadByName.get(null);
    badge(parent, s.event.category + " · " + quad.label, quad.color, "event");
  }
}
function articleLine(parent, id) {
  var a = articleById.get(id) || {}, box = el("div", null, "article");
  box.appendChild(el("b", a.title || id));
  var meta = [a.source, a.date].filter(Boolean).join(", ");
  if (meta) { box.appendChild(el("div", meta, "meta")); }
  if (a.url && /^https?:\/\//i.test(a.url)) {
    var link = el("a", a.url); link.href = a.url; link.rel = "noopener noreferrer"; link.target = "_blank";
    box.appendChild(link);
  }
  parent.appendChild(box);
}
function showSource(s) {
  var box = el("div", null, "source");
  box.appendChild(highlighted(s));
  statusBadges(box, s);
  field(box, "Words", s.relation);
  if (s.event) { field(box, "Event", s.event.category + (s.event.cue ? " (cue: " + s.event.cue + ")" : "") +
    (s.event.intensity !== null ? ", intensity " + s.event.intensity : "")); }
  field(box, "Attributed to", s.attribution ? (s.attributed_to || s.attribution) + (s.cue ? " (" + s.cue + ")" : "") : null);
  field(box, "When", s.date ? s.date + (s.time ? " (" + s.time + ")" : "") : null);
  field(box, "Confidence", s.confidence.toFixed(2));
  return box;
}
function byArticle(indices) {
  var groups = new Map();
  indices.forEach(function (i) {
    var key = SOURCES[i].article || "";
    if (!groups.has(key)) { groups.set(key, []); }
    groups.get(key).push(i);
  });
  return Array.from(groups.entries()).sort(function (a, b) {
    var x = articleById.get(a[0]) || {}, y = articleById.get(b[0]) || {};
    return String(x.date || "").localeCompare(String(y.date || "")) || a[0].localeCompare(b[0]);
  });
}
function showEdge(id) {
  var e = edgeById.get(id), panel = $("panel"), from = byId.get(e.from), to = byId.get(e.to);
  var kept = passing(e);
  shownInPanel = {kind: "edge", id: id};
  panel.replaceChildren(el("h2", from.label + " — " + e.label + " — " + to.label));
  badge(panel, e.kind === "mention" ? "speaks of" : e.status, e.color);
  if (e.quad) { badge(panel, quadByName.get(e.quad).label, quadByName.get(e.quad).color, "event"); }
  e.categories.forEach(function (c) { badge(panel, c, "#ddd", "event"); });
  panel.appendChild(el("span", kept.length + " of " + e.sources.length +
    (e.sources.length === 1 ? " source" : " sources") + " shown", "meta"));
  if (e.first) { field(panel, "Dates", e.first === e.last ? e.first : e.first + " to " + e.last); }
  [from, to].forEach(function (n) {
    var row = el("div");
    row.appendChild(linkButton(n.type === "Proposition" ? "“" + shortLabel(n.text || "") + "”" : n.label,
      function () { selectActor(n.id, true); }));
    panel.appendChild(row);
  });
  if (e.kind === "mention") {
    panel.appendChild(el("p", from.label + "'s words that name " + to.label + ":", "meta"));
  }
  byArticle(kept).forEach(function (group) {
    articleLine(panel, group[0]);
    group[1].forEach(function (i) { panel.appendChild(showSource(SOURCES[i])); });
  });
}
function quoteEntry(parent, s, speaker) {
  var box = el("div", null, "quote");
  if (s.quote) {
    var p = el("p");
    p.appendChild(el("q", s.quote));
    box.appendChild(p);
  } else {
    box.appendChild(highlighted(s));
  }
  var words = s.quote ? s.relation : s.cue;
  var who = s.quote ? speaker : (s.attributed_to || s.attribution || speaker);
  var a = articleById.get(s.article) || {};
  box.appendChild(el("div", "— " + who + (words ? ", " + words : "") + " · " +
    [a.title || s.article, a.source, a.date].filter(Boolean).join(", "), "meta attribution"));
  if (s.hedged || s.modality || s.negated) { statusBadges(box, s); }
  box.appendChild(linkButton("the claim", function () { selectEdge(s.edge); }));
  parent.appendChild(box);
}
function speechOf(indices) {
  // the sources that pass, one per sentence (its quoted words when it has them), by date
  var chosen = new Map();
  indices.forEach(function (i) {
    var s = SOURCES[i], key = s.article + "@" + s.sentence_start, had = chosen.get(key);
    if (!sourcePasses(i, edgeById.get(s.edge))) { return; }
    if (had === undefined || (s.quote && !SOURCES[had].quote)) { chosen.set(key, i); }
  });
  return Array.from(chosen.values()).sort(function (a, b) {
    var x = SOURCES[a].about, y = SOURCES[b].about;
    return ((x ? x[0] : 0) - (y ? y[0] : 0)) || a - b;
  });
}
function section(panel, title, count) {
  panel.appendChild(el("h3", title + (count !== undefined ? " (" + count + ")" : "")));
}
function showCounts(panel, touching) {
  var status = {fact: 0, negated: 0, uncertain: 0}, quads = new Map(), total = 0;
  touching.forEach(function (e) {
    if (e.kind === "mention" || !visible.sources.has(e.id)) { return; }
    total += 1;
    status[e.status] += 1;
    if (e.quad) { quads.set(e.quad, (quads.get(e.quad) || 0) + 1); }
  });
  section(panel, "Claims", total);
  var table = el("table", null, "counts"), row = el("tr");
  Object.keys(status).forEach(function (k) { row.appendChild(el("td", STATUS_WORDS[k] + " " + status[k])); });
  table.appendChild(row);
  if (quads.size) {
    row = el("tr");
    DATA.quads.forEach(function (q) {
      if (quads.has(q.quad)) { row.appendChild(el("td", q.label + " " + quads.get(q.quad))); }
    });
    table.appendChild(row);
  }
  table.id = "actor-counts";
  panel.appendChild(table);
}
function showPartners(panel, id, touching) {
  var counts = new Map();
  touching.forEach(function (e) {
    var other = e.from === id ? e.to : e.from, n = byId.get(other);
    if (other === id || !n.actor || !visible.sources.has(e.id)) { return; }
    counts.set(other, (counts.get(other) || 0) + visible.sources.get(e.id).length);
  });
  var ranked = Array.from(counts.entries()).sort(function (a, b) {
    return (b[1] - a[1]) || byId.get(a[0]).label.localeCompare(byId.get(b[0]).label);
  }).slice(0, 8);
  if (!ranked.length) { return; }
  section(panel, "Talks with most");
  var list = el("ul", null, "edges");
  ranked.forEach(function (pair) {
    var item = el("li");
    item.appendChild(linkButton(byId.get(pair[0]).label, function () { selectActor(pair[0], true); }));
    item.appendChild(el("span", " " + pair[1] + (pair[1] === 1 ? " statement" : " statements"), "count"));
    list.appendChild(item);
  });
  panel.appendChild(list);
}
function edgeLine(e, id) {
  var out = e.from === id, other = byId.get(out ? e.to : e.from);
  var name = other.type === "Proposition" ? "“" + shortLabel(other.text || "") + "”" : other.label;
  var count = (visible.sources.get(e.id) || []).length;
  return (out ? "→ " : "← ") + e.label + (out ? " → " : " ← ") + name + (count > 1 ? " (" + count + " sources)" : "");
}
function edgeList(panel, title, edges, id) {
  if (!edges.length) { return; }
  section(panel, title, edges.length);
  var list = el("ul", null, "edges");
  edges.forEach(function (e) {
    var item = el("li");
    item.appendChild(linkButton(edgeLine(e, id), function () { selectEdge(e.id); }));
    list.appendChild(item);
  });
  panel.appendChild(list);
}
function showNode(id) {
  var n = byId.get(id), panel = $("panel"), touching = edgesOf.get(id);
  shownInPanel = {kind: "node", id: id};
  panel.replaceChildren(el("h2", n.type === "Proposition" ? "“" + (n.text || "") + "”" : n.label));
  panel.appendChild(el("div", [n.type, n.code, n.country, n.affiliation].filter(Boolean).join(" · "), "meta"));
  field(panel, "Also called", n.aliases);
  field(panel, "Merged because", n.merges);
  field(panel, "Mentions", n.mentions);
  var roles = n.roles.filter(function (r) { return inTime({about: r.day, reported: r.day}); });
  if (roles.length) {
    section(panel, "Roles");
    var list = el("ul", null, "edges");
    roles.forEach(function (r) {
      var a = articleById.get(r.article) || {};
      list.appendChild(el("li", r.title + (r.of ? " of " + r.of : "") +
        (r.date || a.title ? " (" + [r.date, a.title].filter(Boolean).join(", ") + ")" : "")));
    });
    panel.appendChild(list);
  }
  showCounts(panel, touching);
  showPartners(panel, id, touching);
  var said = speechOf(n.said), about = speechOf(n.about);
  if (said.length) {
    section(panel, "What it said", said.length);
    said.forEach(function (i) { quoteEntry(panel, SOURCES[i], n.label); });
  }
  if (about.length) {
    section(panel, "What others said about it", about.length);
    about.forEach(function (i) {
      var e = edgeById.get(SOURCES[i].edge);
      quoteEntry(panel, SOURCES[i], byId.get(e.from).label);
    });
  }
  var shown = touching.filter(function (e) { return visible.sources.has(e.id); });
  edgeList(panel, "Relations", shown.filter(function (e) {
    return e.kind !== "mention" && byId.get(e.from).actor && byId.get(e.to).actor;
  }), id);
  edgeList(panel, "Other claims", shown.filter(function (e) {
    var other = byId.get(e.from === id ? e.to : e.from);
    return !other.actor && other.type !== "Proposition";
  }), id);
}
