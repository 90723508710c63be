// The query page: YASGUI against this server's /sparql, one tab per named query, opening on
// a useful example (the loaded documents) rather than an empty triple pattern. Without YASGUI
// (not installed: it needs npm) a plain form posts to /sparql and draws the results itself.
// Nothing is fetched from other hosts: the editor's LOV / prefix.cc look-ups are off, and the
// endpoint catalogue only lists this endpoint.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("policykg-config").textContent);
  var examplesByName = {};
  config.examples.forEach(function (ex) { examplesByName[ex.name] = ex; });
  var Yasgui = window.Yasgui;
  if (!Yasgui) { plainForm(); return; }
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: config.endpoint, method: "POST",
      acceptHeaderSelect: "application/sparql-results+json,*/*;q=0.9",
      acceptHeaderGraph: "text/turtle,*/*;q=0.9" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    yasqe: { autocompleters: ["variables", "prefixes"] }
  });
  window.policykgYasgui = yasgui;

  // Results in the table's simple view (values without ^^xsd:date and @zh decorations) and
  // not cut with "…": Chinese titles are the point of most answers.
  function readableTable(tab) {
    var yasr = tab && tab.getYasr && tab.getYasr();
    if (!yasr || !yasr.config.plugins.table) { return; }
    var table = yasr.config.plugins.table;
    table.dynamicConfig = Object.assign({ compact: true, isEllipsed: false }, table.dynamicConfig || {});
  }
  yasgui.on("query", function (_yasgui, tab) { readableTable(tab); });

  function openTab(name, query) {
    return yasgui.addTab(false, {
      name: name,
      yasqe: { value: query },
      requestConfig: { endpoint: config.endpoint }
    });
  }

  // The first tab holds the query from the URL, or the loaded documents, run at once.
  var first = yasgui.getTab();
  if (first) {
    if (config.query) {
      first.setQuery(config.query);
    } else if (config.first) {
      first.setQuery(config.first);
      if (first.setName) { first.setName("开始: " + config.firstName); }
      first.query();
    }
  }
  config.examples.forEach(function (example) {
    if (example.query) { openTab(example.name, example.query); }
  });
  if (first) { yasgui.selectTabId(first.getId()); }

  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-name");
      var found = null;
      Object.keys(yasgui._tabs).forEach(function (id) {
        var tab = yasgui.getTab(id);
        if (tab && tab.getName && tab.getName() === name) { found = id; }
      });
      if (found) { yasgui.selectTabId(found); }
    });
  });

  // ---- without YASGUI: a form, and the results drawn as a table -------------------------
  function plainForm() {
    var form = document.getElementById("plain-query");
    if (!form) { return; }
    var area = form.querySelector("textarea");
    var status = document.getElementById("plain-status");
    var target = document.getElementById("plain-results");
    document.querySelectorAll("button.example").forEach(function (button) {
      button.addEventListener("click", function () {
        var ex = examplesByName[button.getAttribute("data-name")];
        if (ex) { area.value = ex.query; run(); }
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    run();

    function run() {
      status.textContent = "…";
      fetch(config.endpoint, {
        method: "POST",
        headers: { "Accept": "application/sparql-results+json",
                   "Content-Type": "application/x-www-form-urlencoded" },
        body: "query=" + encodeURIComponent(area.value)
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (answer) {
        if (!answer.ok) { throw new Error(answer.body.error + (answer.body.detail ? ": " + answer.body.detail : "")); }
        draw(answer.body);
      }).catch(function (error) { status.textContent = String(error.message || error); });
    }

    function draw(body) {
      target.textContent = "";
      if (typeof body.boolean === "boolean") { status.textContent = String(body.boolean); return; }
      var vars = body.head.vars, rows = body.results.bindings;
      status.textContent = rows.length + " rows";
      var table = document.createElement("table");
      table.className = "results";
      var head = table.insertRow();
      vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
      rows.forEach(function (row) {
        var tr = table.insertRow();
        vars.forEach(function (v) {
          var td = tr.insertCell();
          var cell = row[v];
          if (!cell) { return; }
          td.textContent = cell.type === "uri" ? compact(cell.value) : cell.value;
          if (cell.type === "uri") { td.title = cell.value; }
        });
      });
      target.appendChild(table);
    }

    // prefixed names from the PREFIX lines of the query in the box
    function compact(iri) {
      var best = null;
      area.value.replace(/PREFIX\s+([\w-]*):\s*<([^>]*)>/gi, function (_m, name, ns) {
        if (iri.indexOf(ns) === 0 && (!best || ns.length > best[1].length)) { best = [name, ns]; }
        return _m;
      });
      return best ? best[0] + ":" + iri.slice(best[1].length) : iri;
    }
  }
})();
