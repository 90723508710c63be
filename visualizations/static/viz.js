/* policykg network views: draws the graph in #viz-data with vis-network and wires the search
 * box, filters, tooltips, details panel and click-through links.
 *
 * Every label and tooltip is document text: it is only ever put in the page with textContent
 * or as a canvas label, never as HTML. The page exposes window.pkgViz for the pages around
 * the view (fact highlights focus a node) and for the browser tests. */
(function () {
  "use strict";

  var root = document.getElementById("viz");
  var dataElement = document.getElementById("viz-data");
  if (!root || !dataElement || typeof vis === "undefined") {
    return;
  }
  var payload = JSON.parse(dataElement.textContent);
  var linkBase = root.getAttribute("data-link-base") || "";
  var statusElement = document.getElementById("viz-status");
  var details = document.getElementById("viz-details");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function href(url) {
    return url ? linkBase + url : null;
  }

  /* The tooltip and the details panel show the same facts, built as DOM (never HTML). */
  function describe(item, forPanel) {
    var box = el("div", forPanel ? "viz-card" : "viz-tip");
    box.appendChild(el("div", "viz-tip-title", item.fullLabel || item.label || ""));
    var rows = item.detail || [];
    if (rows.length) {
      var table = el("dl", "viz-tip-fields");
      rows.forEach(function (pair) {
        table.appendChild(el("dt", null, pair[0]));
        table.appendChild(el("dd", null, pair[1]));
      });
      box.appendChild(table);
    }
    if (item.sentence) {
      box.appendChild(el("div", "viz-tip-label", "原文"));
      box.appendChild(el("blockquote", "viz-tip-sentence", item.sentence));
    }
    if (item.url) {
      if (forPanel) {
        var link = el("a", "viz-open", "打开页面 →");
        link.href = href(item.url);
        link.target = "_top";
        box.appendChild(link);
      } else {
        box.appendChild(el("div", "viz-tip-hint", "单击查看详情，双击打开页面"));
      }
    }
    return box;
  }

  function setStatus(text) {
    if (statusElement) {
      statusElement.textContent = text;
    }
  }

  /* How much of the graph is on the canvas, so a reader knows some of it is filtered out. */
  function countText() {
    var shown = visibleNodes.size;
    var total = payload.nodes.length;
    if (shown === total) {
      return total + " 个节点，" + payload.edges.length + " 条连线";
    }
    return "显示 " + shown + " / " + total + " 个节点（其余见右侧筛选）";
  }

  var allNodes = payload.nodes.map(function (node) {
    var copy = Object.assign({}, node);
    copy.title = describe(node, false);
    return copy;
  });
  var allEdges = payload.edges.map(function (edge, index) {
    var copy = Object.assign({}, edge);
    copy.id = "e" + index;
    if (edge.detail || edge.sentence) {
      copy.title = describe(edge, false);
    }
    return copy;
  });
  var nodes = new vis.DataSet(allNodes);
  var edges = new vis.DataSet(allEdges);
  var byId = {};
  payload.nodes.forEach(function (node) {
    byId[node.id] = node;
  });

  /* ---- filters: unchecked facet values hide their nodes/edges; a node whose every edge is
   * hidden goes too, so filtering by role leaves no stranded agencies (unless it is an
   * anchor: a loaded document stays in the hierarchy whatever its links). Values a facet
   * lists in "off" start unchecked (standards and laws in the hierarchy). ---- */
  var hiddenValues = {};
  var visibleNodes = null;
  var visibleEdges = null;
  payload.facets.forEach(function (facet) {
    if (facet.off && facet.off.length) {
      hiddenValues[facet.key] = new Set(facet.off);
    }
  });

  function facetAllows(item, on) {
    var facets = item.facets || {};
    return payload.facets.every(function (facet) {
      if (facet.on !== on || !(facet.key in facets)) {
        return true;
      }
      var hidden = hiddenValues[facet.key];
      return !hidden || !hidden.has(facets[facet.key]);
    });
  }

  function computeVisibility() {
    var passing = new Set();
    allNodes.forEach(function (node) {
      if (facetAllows(node, "node")) {
        passing.add(node.id);
      }
    });
    var degree = {};
    var shownDegree = {};
    visibleEdges = new Set();
    allEdges.forEach(function (edge) {
      degree[edge.from] = (degree[edge.from] || 0) + 1;
      degree[edge.to] = (degree[edge.to] || 0) + 1;
      if (passing.has(edge.from) && passing.has(edge.to) && facetAllows(edge, "edge")) {
        visibleEdges.add(edge.id);
        shownDegree[edge.from] = (shownDegree[edge.from] || 0) + 1;
        shownDegree[edge.to] = (shownDegree[edge.to] || 0) + 1;
      }
    });
    visibleNodes = new Set();
    passing.forEach(function (id) {
      if (!degree[id] || shownDegree[id] || byId[id].anchor) {
        visibleNodes.add(id);
      }
    });
  }
  computeVisibility();

  /* ---- rows (the hierarchy): one row per level, national on top, the visible nodes of a
   * level side by side in their precomputed order and centred; a level with more than
   * perRow nodes wraps onto extra lines, and empty levels take no space. Re-run whenever
   * the filters change, so a row is only as wide as what it shows. ---- */
  var rowTops = [];
  function placeRows() {
    var rows = payload.rows;
    if (!rows) {
      return;
    }
    var byLevel = {};
    allNodes.forEach(function (node) {
      if (visibleNodes.has(node.id)) {
        (byLevel[node.level] = byLevel[node.level] || []).push(node);
      }
    });
    var y = 0;
    var updates = [];
    rowTops = [];
    Object.keys(byLevel)
      .map(Number)
      .sort(function (a, b) {
        return a - b;
      })
      .forEach(function (level) {
        var row = byLevel[level].sort(function (a, b) {
          return a.order - b.order;
        });
        rowTops.push({ y: y, label: rows.labels[String(level)] || "" });
        for (var start = 0; start < row.length; start += rows.perRow) {
          var line = row.slice(start, start + rows.perRow);
          line.forEach(function (node, index) {
            updates.push({
              id: node.id,
              x: (index - (line.length - 1) / 2) * rows.nodeSpacing,
              y: y,
            });
          });
          y += rows.levelSeparation * (start + rows.perRow < row.length ? 0.75 : 1);
        }
      });
    nodes.update(updates);
  }
  placeRows();

  var nodeView = new vis.DataView(nodes, {
    filter: function (node) {
      return visibleNodes.has(node.id);
    },
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (edge) {
      return visibleEdges.has(edge.id);
    },
  });

  function buildFilters() {
    var container = document.getElementById("viz-filters");
    if (!container || !payload.facets.length) {
      return;
    }
    container.appendChild(el("h3", null, "筛选"));
    payload.facets.forEach(function (facet) {
      var group = el("fieldset", "viz-facet");
      group.appendChild(el("legend", null, facet.label));
      facet.values.forEach(function (pair) {
        var label = el("label", "viz-facet-value");
        var box = el("input");
        box.type = "checkbox";
        box.checked = !(facet.off && facet.off.indexOf(pair[0]) !== -1);
        box.setAttribute("data-facet", facet.key);
        box.value = pair[0];
        box.addEventListener("change", function () {
          var hidden = hiddenValues[facet.key] || (hiddenValues[facet.key] = new Set());
          if (box.checked) {
            hidden.delete(pair[0]);
          } else {
            hidden.add(pair[0]);
          }
          computeVisibility();
          placeRows();
          nodeView.refresh();
          edgeView.refresh();
          fitAll();
          setStatus(countText());
        });
        label.appendChild(box);
        label.appendChild(el("span", null, pair[0] + " (" + pair[1] + ")"));
        group.appendChild(label);
      });
      container.appendChild(group);
    });
  }

  var options = payload.options;
  var network = new vis.Network(
    document.getElementById("viz-canvas"),
    { nodes: nodeView, edges: edgeView },
    options
  );
  if (payload.rows) {
    // the level of each row, written left of its first node, in the canvas' own coordinates
    network.on("beforeDrawing", function (ctx) {
      var left = Infinity;
      nodeView.forEach(function (node) {
        left = Math.min(left, node.x);
      });
      ctx.save();
      ctx.font = "bold 15px " + payload.options.nodes.font.face;
      ctx.fillStyle = "#85929e";
      ctx.textAlign = "right";
      ctx.textBaseline = "middle";
      rowTops.forEach(function (row) {
        ctx.fillText(row.label, left - payload.rows.nodeSpacing / 2 - 10, row.y);
      });
      ctx.restore();
    });
  }
  var api = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView };
  api.state = "layout";
  api.stabilizedAfter = null;
  var started = performance.now();

  /* Fit the whole graph; a row view leaves room on the left for its row headings. */
  function fitAll() {
    network.fit({ animation: false });
    if (payload.rows) {
      var at = network.getViewPosition();
      var scale = network.getScale() * 0.92;
      network.moveTo({ position: { x: at.x - 30 / scale, y: at.y }, scale: scale });
    }
  }

  function stable(reason) {
    if (api.state === "stable") {
      return;
    }
    // physics stays off from here on: a settled graph must not keep the CPU busy
    network.setOptions({ physics: { enabled: false } });
    api.state = "stable";
    api.stableReason = reason;
    api.stabilizedAfter = Math.round(performance.now() - started);
    if (payload.rows) {
      fitAll();
    }
    root.setAttribute("data-state", "stable");
    setStatus(countText());
  }

  if (options.physics && options.physics.enabled) {
    network.on("stabilizationProgress", function (params) {
      setStatus("正在布局… " + Math.round((100 * params.iterations) / params.total) + "%");
    });
    network.once("stabilizationIterationsDone", function () {
      stable("stabilized");
    });
    // a last guard: however the layout goes, stop simulating after 20 s
    window.setTimeout(function () {
      network.stopSimulation();
      stable("timeout");
    }, 20000);
  } else {
    network.once("afterDrawing", function () {
      stable("static");
    });
  }

  function showDetails(item) {
    if (!details) {
      return;
    }
    details.replaceChildren(describe(item, true));
    details.hidden = false;
  }

  /* Tick the unchecked filter values that hide a node, so a search hit is always reachable. */
  function reveal(id) {
    var facets = byId[id].facets || {};
    Object.keys(facets).forEach(function (key) {
      if (visibleNodes.has(id) || !hiddenValues[key] || !hiddenValues[key].has(facets[key])) {
        return;
      }
      var boxes = document.querySelectorAll("#viz-filters input[data-facet]");
      Array.prototype.forEach.call(boxes, function (box) {
        if (box.getAttribute("data-facet") === key && box.value === facets[key] && !box.checked) {
          box.click();
        }
      });
    });
    return visibleNodes.has(id);
  }

  function focusNode(id) {
    if (!byId[id] || !reveal(id)) {
      return false;
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.1, animation: false });
    showDetails(byId[id]);
    return true;
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      showDetails(byId[params.nodes[0]]);
    } else if (params.edges.length) {
      var edge = edges.get(params.edges[0]);
      showDetails({
        label: edge.detail && edge.detail.length ? edge.detail[0][1] : "连线",
        detail: (edge.detail || []).concat([
          ["从", (byId[edge.from] || {}).label || edge.from],
          ["到", (byId[edge.to] || {}).label || edge.to],
        ]),
        sentence: edge.sentence,
      });
    }
  });
  network.on("doubleClick", function (params) {
    var node = params.nodes.length ? byId[params.nodes[0]] : null;
    if (node && node.url) {
      window.top.location.href = href(node.url);
    }
  });

  /* ---- search: label, full name and extra search text (document numbers, raw agency
   * names); results listed as buttons that focus the node. ---- */
  var results = document.getElementById("viz-results");
  function search(query) {
    query = (query || "").trim().toLowerCase();
    if (!results) {
      return [];
    }
    results.replaceChildren();
    if (!query) {
      results.hidden = true;
      network.unselectAll();
      return [];
    }
    var found = payload.nodes.filter(function (node) {
      var text = [node.label, node.fullLabel, node.search].join(" ").toLowerCase();
      return text.indexOf(query) !== -1;
    });
    found.slice(0, 30).forEach(function (node) {
      var item = el("li");
      var hidden = !visibleNodes.has(node.id);
      var button = el(
        "button",
        hidden ? "viz-result viz-result-hidden" : "viz-result",
        (node.fullLabel || node.label) + (hidden ? "（已筛除，单击显示）" : "")
      );
      button.type = "button";
      button.setAttribute("data-node", node.id);
      button.addEventListener("click", function () {
        focusNode(node.id);
      });
      item.appendChild(button);
      results.appendChild(item);
    });
    if (!found.length) {
      results.appendChild(el("li", "viz-none", "没有找到 “" + query + "”"));
    }
    results.hidden = false;
    network.selectNodes(
      found
        .filter(function (node) {
          return visibleNodes.has(node.id);
        })
        .map(function (node) {
          return node.id;
        })
    );
    setStatus("找到 " + found.length + " 个");
    return found.map(function (node) {
      return node.id;
    });
  }
  var searchBox = document.getElementById("viz-search");
  var timer = null;
  if (searchBox) {
    searchBox.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        search(searchBox.value);
      }, 150);
    });
    searchBox.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var found = search(searchBox.value);
        if (found.length) {
          focusNode(found[0]);
        }
      }
    });
  }
  var fit = document.getElementById("viz-fit");
  if (fit) {
    fit.addEventListener("click", fitAll);
  }

  buildFilters();
  api.search = search;
  api.focus = focusNode;
  api.visibleCount = function () {
    return nodeView.length;
  };
  window.pkgViz = api;
})();
