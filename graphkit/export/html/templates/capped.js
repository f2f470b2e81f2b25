// A big graph's whole view draws only its most-connected actors (graphkit/export/html/big.py):
// joined after controls.js only then. Its search box knows every actor's name, and names
// the view of an actor that is not drawn. Names reach the page through textContent only.
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
DATA.capped.others.forEach(function (o) {
  var option = el("option"); option.value = o[0]; $("actor-names").appendChild(option);
});
TIMES.capped = performance.now();
