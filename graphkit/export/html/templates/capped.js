// A big graph's whole view draws only its most-connected actors (graphkit/export/html/big.py):
// joined after controls.js only then. Its search box knows every actor's name, and names
// the view of an actor that is not drawn; an actor's details list its claims about what is
// not drawn (concepts, places, quotations). Text reaches the page through textContent only.
function findOther(query, exact) {
  var q = query.trim().toLowerCase(), others = DATA.capped.others;
  if (!q) { return null; }
  return others.find(function (o) { return o[0].toLowerCase() === q || o[1] === q; }) ||
    (exact ? null : others.find(function (o) { return o[0].toLowerCase().indexOf(q) >= 0; })) || null;
}
function search() {  // replaces controls.js's: the last declaration is the one called
  var query = $("search").value, q = query.trim().toLowerCase(), hit = findActor(query);
  // a drawn actor, unless another one is named exactly; else one not drawn
  var other = hit && hit.label.toLowerCase() === q ? null : findOther(query, Boolean(hit));
  if (other) {
    $("status").textContent = "“" + other[0] + "” is not drawn here (only the " + DATA.capped.shown +
      " most-connected actors are): draw its view with graphkit view GRAPH --actor " + other[1];
  }
  else if (hit) { selectActor(hit.id, true); }
  else if (q) { $("status").textContent = "No actor matches “" + query.trim() + "”."; }
}
showNode = (function (drawDetails) {  // panel.js's, then the folded claims
  return function (id) {
    drawDetails(id);
    var folded = DATA.capped.folded[id];
    if (!folded) { return; }
    var panel = $("panel"), list = el("ul", null, "edges");
    section(panel, "About concepts, places and quotations (not drawn)", folded.lines.length + Math.max(folded.more, 0));
    folded.lines.forEach(function (line) {
      list.appendChild(el("li", line[0] + (line[1] > 1 ? " (" + line[1] + " sources)" : "")));
    });
    if (folded.more > 0) { list.appendChild(el("li", "and " + folded.more + " more: open the actor's view")); }
    list.id = "folded";
    panel.appendChild(list);
  };
})(showNode);
DATA.capped.others.forEach(function (o) {
  var option = el("option"); option.value = o[0]; $("actor-names").appendChild(option);
});
TIMES.capped = performance.now();
