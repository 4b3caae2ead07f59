// Small accessibility repairs for markup that the theme and the quiz library generate.
(function () {
  "use strict";

  // Quiz number boxes: tie the visible prompt to its input so screen readers name it.
  function labelQuizInputs(root) {
    root.querySelectorAll("label.InpLabel").forEach(function (label) {
      var input = label.nextElementSibling;
      if (input && input.matches("input.Input-text") && input.id && !label.htmlFor) {
        label.htmlFor = input.id;
      }
    });
  }

  // The bibliography is a role="list" whose entries carry role="doc-biblioentry",
  // which a list may not contain: make them list items.
  function fixCitationLists(root) {
    root.querySelectorAll('.citation-list[role="list"] > *').forEach(function (item) {
      item.setAttribute("role", "listitem");
    });
  }

  function repair() {
    labelQuizInputs(document);
    fixCitationLists(document);
  }

  document.addEventListener("DOMContentLoaded", repair);
  window.addEventListener("load", repair);
})();
