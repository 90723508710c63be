/* Document and agency pages: a highlighted fact or a measure link opens its node in the
 * network above (window.pkgViz from viz.js). */
(function () {
  "use strict";
  function open(event) {
    var target = event.target.closest("[data-node]");
    if (!target || !target.getAttribute("data-node") || !window.pkgViz) {
      return;
    }
    event.preventDefault();
    if (window.pkgViz.focus(target.getAttribute("data-node"))) {
      document.getElementById("viz").scrollIntoView({ block: "start" });
    }
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest(".fact, .graph-link")) {
      open(event);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.classList && event.target.classList.contains("fact")) {
      open(event);
    }
  });
})();
