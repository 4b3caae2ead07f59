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

  // Sidebar entries with sub-pages fold behind a summary that shows only an icon:
  // name it after the page it belongs to.
  function nameTocToggles(root) {
    root.querySelectorAll("li.has-children > details > summary").forEach(function (summary) {
      if (summary.textContent.trim() || summary.hasAttribute("aria-label")) {
        return;
      }
      var link = summary.closest("li").querySelector(":scope > a");
      var title = link ? link.textContent.trim() : "this section";
      summary.setAttribute("aria-label", "Sub-pages of " + title);
    });
  }

  // Checklists (MyST task lists) render bare checkboxes: name each after its item.
  function labelTaskCheckboxes(root) {
    root.querySelectorAll("input.task-list-item-checkbox").forEach(function (box) {
      if (!box.hasAttribute("aria-label")) {
        var item = box.closest(".task-list-item");
        box.setAttribute("aria-label", item ? item.textContent.trim().slice(0, 120) : "Done");
      }
    });
  }

  function repair() {
    labelTaskCheckboxes(document);
    labelQuizInputs(document);
    fixCitationLists(document);
    nameTocToggles(document);
  }

  document.addEventListener("DOMContentLoaded", repair);
  window.addEventListener("load", repair);
})();
