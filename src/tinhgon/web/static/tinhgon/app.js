// tinhgon: progressive enhancements only; every page works without them.
(function () {
  "use strict";

  // Fold Vietnamese text for searching: no diacritics, đ → d, lower case.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setCollapsed(node, collapsed) {
    node.classList.toggle("collapsed", collapsed);
    var button = node.querySelector(":scope > .node-box > .toggle");
    if (button) {
      button.setAttribute("aria-expanded", collapsed ? "false" : "true");
      button.textContent = collapsed ? "▸" : "▾";
    }
  }

  function initTree() {
    var tree = document.getElementById("orgtree");
    if (!tree) return;
    tree.addEventListener("click", function (event) {
      var button = event.target.closest(".toggle");
      if (!button) return;
      var node = button.closest(".node");
      setCollapsed(node, !node.classList.contains("collapsed"));
    });
    var nodes = Array.prototype.slice.call(tree.querySelectorAll(".node"));
    if (!document.getElementById("expand-all")) return; // a large chart: searched on the server
    document.getElementById("expand-all").addEventListener("click", function () {
      nodes.forEach(function (n) { setCollapsed(n, false); });
    });
    document.getElementById("collapse-all").addEventListener("click", function () {
      nodes.forEach(function (n) { if (n.parentElement !== tree) setCollapsed(n, true); });
      nodes.forEach(function (n) { if (n.parentElement === tree) setCollapsed(n, false); });
    });
    var search = document.getElementById("tree-search");
    var count = document.getElementById("tree-count");
    search.addEventListener("input", function () {
      var needle = fold(search.value);
      nodes.forEach(function (n) { n.classList.remove("match", "hidden"); });
      if (!needle) { count.textContent = ""; return; }
      var matches = 0;
      nodes.forEach(function (n) {
        if (fold(n.getAttribute("data-search") || "").indexOf(needle) !== -1) {
          n.classList.add("match");
          matches += 1;
          for (var p = n.parentElement.closest(".node"); p; p = p.parentElement.closest(".node")) setCollapsed(p, false);
        }
      });
      count.textContent = matches + " kết quả";
    });
  }

  function initAutosubmit() {
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { if (select.value) select.form.submit(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initTree();
    initAutosubmit();
  });
})();
