// Filters for the findings table. The page is complete without scripts: this only hides rows.
// Filters can be given in the address as #level=high&engine=yara&rule=ID&address=1.2.3.4&q=text,
// so a filtered view can be shared as a link to the same file.
(function () {
  "use strict";
  var body = document.body;
  var form = document.getElementById("filters");
  var table = document.getElementById("findings");
  if (!form || !table || !table.tBodies.length) {
    body.dataset.ready = "1";
    return;
  }
  var rank = { informational: 0, low: 1, medium: 2, high: 3, critical: 4 };
  var names = ["level", "engine", "rule", "address", "q"];
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var count = document.getElementById("filter-count");

  function control(name) {
    return form.elements.namedItem(name);
  }

  function read() {
    var wanted = {};
    names.forEach(function (name) { wanted[name] = control(name).value.trim(); });
    return wanted;
  }

  function apply(wanted) {
    var least = wanted.level in rank ? rank[wanted.level] : -1;
    var address = wanted.address.toLowerCase();
    var text = wanted.q.toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var keep = (least < 0 || rank[d.level] >= least)
        && (!wanted.engine || d.engine === wanted.engine)
        && (!wanted.rule || d.rule === wanted.rule)
        && (!address || (d.address || "").toLowerCase().indexOf(address) >= 0)
        && (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.hidden = !keep;
      if (keep) shown++;
    });
    count.textContent = shown + " of " + rows.length + " findings shown";
    body.dataset.shown = String(shown);
  }

  function decode(text) {
    try {
      return decodeURIComponent(text.replace(/\+/g, " "));
    } catch (e) {
      return "";
    }
  }

  // Sets the controls from the address; a value no option has (a rule not in this report) is dropped.
  function fromHash() {
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq < 0) return;
      var name = decode(part.slice(0, eq));
      if (names.indexOf(name) >= 0) control(name).value = decode(part.slice(eq + 1));
    });
  }

  function toHash(wanted) {
    var parts = [];
    names.forEach(function (name) {
      if (wanted[name]) parts.push(name + "=" + encodeURIComponent(wanted[name]));
    });
    try {
      history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
    } catch (e) {
      // Some browsers refuse to change the address of a local file; the filter works all the same.
    }
  }

  function update() {
    var wanted = read();
    apply(wanted);
    toHash(wanted);
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(update, 0); });
  fromHash();
  apply(read());
  form.hidden = false;
  body.dataset.ready = "1";
}());
