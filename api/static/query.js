// The query page: YASGUI against this server's /sparql, one tab per named query.
// Nothing is fetched from other hosts: the editor's LOV / prefix.cc look-ups are off, and the
// endpoint catalogue only lists this endpoint.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("policykg-config").textContent);
  var Yasgui = window.Yasgui;
  if (!Yasgui) { return; }
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

  function openTab(name, query) {
    var tab = yasgui.addTab(true, {
      name: name,
      yasqe: { value: query },
      requestConfig: { endpoint: config.endpoint }
    });
    return tab;
  }

  // The first tab holds the query from the URL (or the editor's default).
  var first = yasgui.getTab();
  if (config.query && first) { first.setQuery(config.query); }
  config.examples.forEach(function (example) {
    if (example.query) { openTab(example.name, example.query); }
  });
  if (first) { yasgui.selectTabId(first.getId()); }

  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-name");
      var found = yasgui.persistentConfig && null;
      Object.keys(yasgui._tabs).forEach(function (id) {
        var tab = yasgui.getTab(id);
        if (tab && tab.getName && tab.getName() === name) { found = id; }
      });
      if (found) { yasgui.selectTabId(found); }
    });
  });
})();
