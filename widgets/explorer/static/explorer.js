/* The static ceasefire explorer: map, packages, actors, results, link and file.
 *
 * Reads the payload that widgets/explorer/static.py writes into the page, computes the
 * model in the browser (model.js) and draws the result chart with the book's local
 * Vega (bookChart). No network access. The whole state is a version-2 scenario: it lives in
 * the URL hash (#ce=...) and is what "Download scenario" writes.
 */
(function () {
  "use strict";

  var HASH_KEY = "ce=";
  var SVG_NS = "http://www.w3.org/2000/svg";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    return node;
  }

  function setAttrs(node, attrs) {
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    });
  }

  function pct(value, digits) {
    return (value * 100).toFixed(digits === undefined ? 1 : digits) + " %";
  }

  function fmt(value, digits) {
    var d = digits === undefined ? 3 : digits;
    var out = value.toFixed(d);
    return out === "-" + (0).toFixed(d) ? (0).toFixed(d) : out;
  }

  function round(value, digits) {
    var f = Math.pow(10, digits);
    return Math.round(value * f) / f;
  }

  // ----------------------------------------------------------------- the explorer

  function Explorer(root, payload) {
    this.root = root;
    this.payload = payload;
    this.model = new window.CeasefireModel.Model(payload);
    this.id = root.id;
    this.scenario = this.model.defaultScenario();
    this.editing = 0; // index of the package whose line the map edits, or -1: no deal
    this.selectedUnit = payload.units[0].code;
    this.view = null;
    this.chartReady = null;
    this.timings = { firstChartMs: null, lastUpdateMs: null };
    this.started = performance.now();
    var fromHash = this.readHash(false);
    if (fromHash) this.scenario = fromHash;
    this.build();
    this.update();
    var self = this;
    window.addEventListener("pagehide", function () { self.writeHash(); });
    window.addEventListener("hashchange", function () {
      var incoming = self.readHash(true);
      if (incoming) self.load(incoming, "Loaded the scenario in the link.");
    });
    if (window.location.hash && !fromHash && this.pendingHashError) {
      this.showError(this.pendingHashError);
    }
  }

  Explorer.prototype.uid = function (name) {
    return this.id + "-" + name;
  };

  /** Scenario from the URL hash, or null (with the reason kept for the message). */
  Explorer.prototype.readHash = function (announce) {
    var hash = window.location.hash.replace(/^#/, "");
    if (!hash) return null;
    if (hash.indexOf(HASH_KEY) !== 0) return null; // some other anchor on the page
    var message;
    try {
      var text = decodeURIComponent(hash.slice(HASH_KEY.length));
      return this.model.parseScenario(text);
    } catch (error) {
      message = "The link does not hold a valid scenario, so the view was not changed: " +
        (error.message || String(error));
    }
    if (announce) this.showError(message);
    else this.pendingHashError = message;
    return null;
  };

  /** Keep the hash in step without rewriting the address on every keystroke (slow). */
  Explorer.prototype.scheduleHash = function () {
    var self = this;
    if (this.hashTimer) return;
    this.hashTimer = window.setTimeout(function () {
      self.hashTimer = null;
      self.writeHash();
    }, 250);
  };

  Explorer.prototype.writeHash = function () {
    if (this.hashTimer) {
      window.clearTimeout(this.hashTimer);
      this.hashTimer = null;
    }
    var encoded = HASH_KEY + encodeURIComponent(JSON.stringify(this.exported()));
    if (window.location.hash.replace(/^#/, "") !== encoded) {
      window.history.replaceState(null, "", "#" + encoded);
    }
  };

  Explorer.prototype.exported = function () {
    return this.model.exportScenario(this.scenario);
  };

  /** Replace the state by a validated scenario and rebuild every control. */
  Explorer.prototype.load = function (scenario, message) {
    this.scenario = scenario;
    this.editing = 0;
    this.build();
    this.update();
    this.showStatus(message);
  };

  /** Apply a change to a copy of the state; keep it only if the copy validates. */
  Explorer.prototype.change = function (mutate, rebuild) {
    var copy = JSON.parse(JSON.stringify(this.scenario));
    mutate(copy);
    try {
      this.scenario = this.model.validateScenario(copy);
    } catch (error) {
      this.showError(error.message);
      return false;
    }
    this.clearError();
    if (rebuild) this.build();
    this.update();
    return true;
  };

  Explorer.prototype.showError = function (message) {
    var box = this.root.querySelector(".ce-error");
    box.textContent = message;
    box.hidden = false;
  };

  Explorer.prototype.clearError = function () {
    var box = this.root.querySelector(".ce-error");
    box.textContent = "";
    box.hidden = true;
  };

  Explorer.prototype.showStatus = function (message) {
    this.root.querySelector(".ce-status").textContent = message || "";
  };

  // ----------------------------------------------------------------- building the page

  Explorer.prototype.build = function () {
    var focusedId = document.activeElement && this.root.contains(document.activeElement)
      ? document.activeElement.id : null;
    var body = this.root.querySelector(".ce-body");
    body.textContent = "";
    body.appendChild(this.buildLineSection());
    body.appendChild(this.buildPackages());
    var pair = el("div", { class: "ce-pair" }, [this.buildActors(), this.buildResults()]);
    body.appendChild(pair);
    body.appendChild(this.buildHandIn());
    this.view = null;
    this.chartReady = null;
    if (focusedId) {
      var again = document.getElementById(focusedId);
      if (again) again.focus();
    }
  };

  Explorer.prototype.lineBeingEdited = function () {
    return this.editing < 0 ? this.scenario.no_deal : this.scenario.packages[this.editing];
  };

  Explorer.prototype.editLine = function (mutate) {
    var index = this.editing;
    return this.change(function (s) {
      var line = index < 0 ? s.no_deal : s.packages[index];
      line.overrides = line.overrides || {};
      mutate(line);
    });
  };

  Explorer.prototype.setShare = function (code, value) {
    var self = this;
    return this.editLine(function (line) {
      var presetValue = self.model.presets[line.preset].shares[code];
      if (value === presetValue) delete line.overrides[code];
      else line.overrides[code] = value;
    });
  };

  Explorer.prototype.buildLineSection = function () {
    var self = this;
    var section = el("section", { class: "ce-section ce-line", "aria-labelledby": this.uid("line-h") });
    section.appendChild(el("h3", { id: this.uid("line-h"), text: "Your line: the map" }));
    section.appendChild(el("p", {
      class: "ce-hint",
      text: "Choose whose line the map shows, then pick a unit (click it, or Tab into the " +
        "map and use the arrow keys and Enter) and set the share of its area under " +
        "Russian control. Every unit also has its own control in the table under the map."
    }));
    var options = this.scenario.packages.map(function (p, i) {
      return el("option", { value: String(i), selected: i === self.editing, text: "Package " + (i + 1) + ": " + p.name });
    });
    options.push(el("option", { value: "-1", selected: self.editing < 0, text: "No-deal reference" }));
    var chooser = el("select", {
      id: this.uid("editing"),
      onchange: function (event) {
        self.editing = Number(event.target.value);
        self.build();
        self.update();
      }
    }, options);
    section.appendChild(el("div", { class: "ce-field" }, [
      el("label", { for: this.uid("editing"), text: "Line shown and edited: " }), chooser
    ]));

    var layout = el("div", { class: "ce-maprow" });
    var figure = el("figure", { class: "ce-map" });
    figure.appendChild(this.buildMap());
    figure.appendChild(this.buildLegend());
    figure.appendChild(el("figcaption", { class: "ce-credit" }, [
      "Shading: share of each unit's area under Russian control on the line shown. Ukraine " +
        "within its internationally recognised borders; Crimea and Sevastopol are Ukrainian " +
        "units, under Russian occupation since 2014. Boundaries: MapSVG via @svg-maps/ukraine, " +
        "CC BY 4.0 (simplified; Sevastopol's outline is schematic, cut from Crimea's south-west " +
        "tip to its share of the peninsula's area). Areas in the numbers come from the " +
        "statistics in the book's data, not from the drawing."
    ]));
    layout.appendChild(figure);
    layout.appendChild(this.buildUnitEditor());
    section.appendChild(layout);
    section.appendChild(this.buildUnitTable());
    return section;
  };

  Explorer.prototype.buildMap = function () {
    var self = this;
    var units = this.payload.units;
    var svg = svgEl("svg", {
      viewBox: "0 0 1000 680", class: "ce-mapsvg", role: "group",
      "aria-label": "Map of Ukraine's 27 units. Arrow keys move between units, Enter or Space selects one."
    });
    svg.appendChild(svgEl("title", {})).textContent = "Map of Ukraine's 27 first-level units";
    var order = this.payload.map_order; // west to east, north to south: arrow-key order
    units.forEach(function (u) {
      var path = svgEl("path", {
        d: u.svg_path, class: "ce-unit" + (u.code === "UA-40" ? " ce-unit-small" : ""),
        "data-code": u.code, role: "button", "fill-rule": "evenodd",
        tabindex: u.code === self.selectedUnit ? "0" : "-1"
      });
      path.addEventListener("click", function () { self.selectUnit(u.code, true); });
      path.addEventListener("keydown", function (event) { self.mapKey(event, u.code, order); });
      svg.appendChild(path);
    });
    // Sevastopol and Kyiv city are drawn last so that they sit on top of Crimea and Kyiv Oblast.
    ["UA-30", "UA-40"].forEach(function (code) {
      var node = svg.querySelector('[data-code="' + code + '"]');
      if (node) svg.appendChild(node);
    });
    var labels = svgEl("g", { class: "ce-labels", "aria-hidden": "true" });
    units.forEach(function (u) {
      var label = svgEl("text", { x: u.label_x, y: u.label_y, "text-anchor": "middle", "data-code": u.code });
      label.textContent = u.short_name;
      labels.appendChild(label);
    });
    svg.appendChild(labels);
    svg.appendChild(svgEl("text", { x: 985, y: 30, class: "ce-north", "text-anchor": "end", "aria-hidden": "true" }))
      .textContent = "N ↑";
    return svg;
  };

  Explorer.prototype.mapKey = function (event, code, order) {
    var index = order.indexOf(code);
    var next = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = order[(index + 1) % order.length];
    if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = order[(index - 1 + order.length) % order.length];
    if (event.key === "Home") next = order[0];
    if (event.key === "End") next = order[order.length - 1];
    if (next) {
      event.preventDefault();
      this.focusUnit(next);
      return;
    }
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.selectUnit(code, true);
    }
  };

  Explorer.prototype.focusUnit = function (code) {
    this.root.querySelectorAll(".ce-unit").forEach(function (node) {
      node.setAttribute("tabindex", node.getAttribute("data-code") === code ? "0" : "-1");
    });
    var node = this.root.querySelector('.ce-unit[data-code="' + code + '"]');
    if (node) node.focus();
  };

  Explorer.prototype.selectUnit = function (code, moveFocus) {
    this.selectedUnit = code;
    this.root.querySelectorAll(".ce-unit").forEach(function (node) {
      var mine = node.getAttribute("data-code") === code;
      node.setAttribute("tabindex", mine ? "0" : "-1");
      node.classList.toggle("ce-selected", mine);
      node.setAttribute("aria-pressed", mine ? "true" : "false");
    });
    this.updateUnitEditor();
    if (moveFocus) {
      var range = this.root.querySelector("#" + this.uid("unit-range"));
      if (range) range.focus();
    }
  };

  Explorer.prototype.buildLegend = function () {
    var legend = el("div", { class: "ce-legend", "aria-hidden": "true" });
    legend.appendChild(el("span", { text: "Share under Russian control:" }));
    var bar = el("span", { class: "ce-legend-bar" });
    legend.appendChild(bar);
    legend.appendChild(el("span", { class: "ce-legend-ticks" }, [
      el("span", { text: "0 %" }), el("span", { text: "50 %" }), el("span", { text: "100 %" })
    ]));
    return legend;
  };

  Explorer.prototype.buildUnitEditor = function () {
    var self = this;
    var box = el("div", { class: "ce-unit-editor", role: "group", "aria-labelledby": this.uid("unit-name") });
    box.appendChild(el("p", { class: "ce-unit-name", id: this.uid("unit-name") }));
    var range = el("input", {
      type: "range", min: 0, max: 100, step: 1, id: this.uid("unit-range"),
      oninput: function (event) { self.setShare(self.selectedUnit, Number(event.target.value)); }
    });
    var num = el("input", {
      type: "number", min: 0, max: 100, step: 1, id: this.uid("unit-number"), inputmode: "decimal",
      onchange: function (event) { self.numberInput(event.target, 0, 100, function (v) { self.setShare(self.selectedUnit, v); }); }
    });
    box.appendChild(el("label", { for: this.uid("unit-range"), class: "ce-label", text: "Share under Russian control (slider)" }));
    box.appendChild(range);
    box.appendChild(el("label", { for: this.uid("unit-number"), class: "ce-label", text: "Share under Russian control (%)" }));
    box.appendChild(num);
    box.appendChild(el("div", { class: "ce-buttons" }, [
      el("button", { type: "button", text: "Unit to 0 %", onclick: function () { self.setShare(self.selectedUnit, 0); } }),
      el("button", { type: "button", text: "Unit to 100 %", onclick: function () { self.setShare(self.selectedUnit, 100); } }),
      el("button", {
        type: "button", text: "Unit as in the preset", onclick: function () {
          self.editLine(function (line) { delete line.overrides[self.selectedUnit]; });
        }
      }),
      el("button", {
        type: "button", text: "Whole line as in the preset", onclick: function () {
          self.editLine(function (line) { line.overrides = {}; });
        }
      })
    ]));
    box.appendChild(el("p", { class: "ce-provenance", id: this.uid("provenance"), "aria-live": "polite" }));
    return box;
  };

  /** Read a number input; a bad value gets a message and changes nothing. */
  Explorer.prototype.numberInput = function (input, low, high, apply) {
    var label = this.root.querySelector('label[for="' + input.id + '"]');
    var name = label ? label.textContent : input.getAttribute("aria-label") || "value";
    var raw = input.value.trim();
    var value = Number(raw);
    if (raw === "" || !isFinite(value) || value < low || value > high) {
      input.setAttribute("aria-invalid", "true");
      this.showError(name + ": enter a number between " + low + " and " + high +
        " (got " + JSON.stringify(raw) + "); nothing was changed.");
      return;
    }
    input.removeAttribute("aria-invalid");
    apply(value);
  };

  Explorer.prototype.buildUnitTable = function () {
    var self = this;
    var details = el("details", { class: "ce-table-box", open: this.tableOpen });
    details.addEventListener("toggle", function () { self.tableOpen = details.open; });
    details.appendChild(el("summary", { text: "Table of the line shown: every unit's share, with a control per unit" }));
    var table = el("table", { class: "ce-table" });
    table.appendChild(el("caption", { text: "Share of each unit's area under Russian control (line shown on the map)" }));
    table.appendChild(el("thead", {}, [el("tr", {}, [
      el("th", { scope: "col", text: "Unit" }), el("th", { scope: "col", text: "Area (km²)" }),
      el("th", { scope: "col", text: "Preset (%)" }), el("th", { scope: "col", text: "This line (%)" })
    ])]));
    var tbody = el("tbody");
    this.payload.units.forEach(function (u) {
      var input = el("input", {
        type: "number", min: 0, max: 100, step: 1, id: self.uid("share-" + u.code),
        "data-code": u.code, "aria-label": u.name + ", % under Russian control", class: "ce-share",
        onchange: function (event) {
          self.numberInput(event.target, 0, 100, function (v) { self.setShare(u.code, v); });
        }
      });
      tbody.appendChild(el("tr", {}, [
        el("th", { scope: "row", text: u.name }),
        el("td", { text: u.area_km2.toLocaleString("en-GB") }),
        el("td", { class: "ce-preset-share", "data-code": u.code }),
        el("td", {}, [input])
      ]));
    });
    table.appendChild(tbody);
    details.appendChild(el("div", { class: "ce-scroll", tabindex: "0", role: "region", "aria-label": "Unit table" }, [table]));
    return details;
  };

  Explorer.prototype.presetOptions = function (selected) {
    return this.payload.presets.map(function (p) {
      return el("option", { value: p.id, selected: p.id === selected, text: p.label });
    });
  };

  Explorer.prototype.buildPackages = function () {
    var self = this;
    var section = el("section", { class: "ce-section", "aria-labelledby": this.uid("pk-h") });
    section.appendChild(el("h3", { id: this.uid("pk-h"), text: "Packages compared" }));
    section.appendChild(el("p", {
      class: "ce-hint",
      text: "A package is a line, an arrangement (terms from the role-play's draft framework " +
        "and real proposals), durability features and your two estimates. Every package " +
        "starts with the same estimates; the numbers are yours to change."
    }));
    var grid = el("div", { class: "ce-cards" });
    this.scenario.packages.forEach(function (pkg, index) { grid.appendChild(self.buildCard(pkg, index)); });
    grid.appendChild(this.buildNoDealCard());
    section.appendChild(grid);
    var add = el("button", {
      type: "button", text: "Add a package (copy of the last)", disabled: this.scenario.packages.length >= this.model.limits.max_packages,
      onclick: function () {
        self.change(function (s) {
          var copy = JSON.parse(JSON.stringify(s.packages[s.packages.length - 1]));
          copy.name = ("Copy of " + copy.name).slice(0, self.model.limits.name_chars);
          s.packages.push(copy);
        }, true);
      }
    });
    section.appendChild(el("div", { class: "ce-buttons" }, [add]));
    return section;
  };

  Explorer.prototype.buildCard = function (pkg, index) {
    var self = this;
    var id = function (name) { return self.uid("p" + index + "-" + name); };
    var card = el("article", { class: "ce-card", "aria-labelledby": id("h") });
    card.appendChild(el("h4", { id: id("h"), text: "Package " + (index + 1) }));
    var set = function (mutate, rebuild) {
      return self.change(function (s) { mutate(s.packages[index]); }, rebuild);
    };
    card.appendChild(field(id("name"), "Name", el("input", {
      type: "text", id: id("name"), value: pkg.name, maxlength: this.model.limits.name_chars,
      onchange: function (event) { set(function (p) { p.name = event.target.value; }, true); }
    })));
    card.appendChild(field(id("preset"), "Line (preset)", el("select", {
      id: id("preset"),
      onchange: function (event) { set(function (p) { p.preset = event.target.value; }); }
    }, this.presetOptions(pkg.preset))));
    card.appendChild(el("p", { class: "ce-provenance", "data-package": String(index) }));
    card.appendChild(el("button", {
      type: "button", class: "ce-edit", text: "Edit this line on the map", "aria-pressed": self.editing === index ? "true" : "false",
      onclick: function () { self.editing = index; self.build(); self.update(); self.focusMap(); }
    }));
    var arrangementOptions = this.payload.arrangements.map(function (a) { return el("option", { value: a.id, selected: a.id === pkg.arrangement, text: a.label }); });
    card.appendChild(field(id("arr"), "Arrangement", el("select", {
      id: id("arr"),
      onchange: function (event) { set(function (p) { p.arrangement = event.target.value; }); }
    }, arrangementOptions)));
    card.appendChild(el("ul", { class: "ce-terms", "data-package": String(index), "aria-label": "Terms of the arrangement" }));
    var features = el("fieldset", { class: "ce-features" }, [el("legend", { text: "Durability features" })]);
    this.payload.features.forEach(function (f) {
      var box = el("input", {
        type: "checkbox", id: id("f-" + f.id), checked: pkg.features.indexOf(f.id) >= 0,
        onchange: function (event) {
          set(function (p) {
            p.features = p.features.filter(function (x) { return x !== f.id; });
            if (event.target.checked) p.features.push(f.id);
          });
        }
      });
      features.appendChild(el("div", { class: "ce-check" }, [box, el("label", { for: id("f-" + f.id), text: f.label })]));
    });
    card.appendChild(features);
    var estimates = el("div", { class: "ce-estimates" });
    [["base_risk_pct", "Risk of renewed war within " + this.payload.horizon_years + " years, before features (%)"],
      ["attain_pct", "Chance it is agreed within " + this.payload.horizon_years + " years (%)"]].forEach(function (pair) {
      estimates.appendChild(field(id(pair[0]), pair[1], el("input", {
        type: "number", id: id(pair[0]), min: 0, max: 100, step: 1, value: pkg[pair[0]],
        onchange: function (event) {
          self.numberInput(event.target, 0, 100, function (v) { set(function (p) { p[pair[0]] = v; }); });
        }
      })));
    });
    card.appendChild(estimates);
    card.appendChild(el("dl", { class: "ce-indicators", "data-package": String(index) }));
    if (this.scenario.packages.length > 1) {
      card.appendChild(el("button", {
        type: "button", class: "ce-remove", text: "Remove package " + (index + 1),
        onclick: function () {
          self.change(function (s) { s.packages.splice(index, 1); }, false);
          self.editing = 0;
          self.build();
          self.update();
        }
      }));
    }
    return card;
  };

  Explorer.prototype.focusMap = function () {
    var node = this.root.querySelector('.ce-unit[tabindex="0"]');
    if (node) node.focus();
  };

  Explorer.prototype.buildNoDealCard = function () {
    var self = this;
    var id = function (name) { return self.uid("nd-" + name); };
    var card = el("article", { class: "ce-card ce-nodeal", "aria-labelledby": id("h") });
    card.appendChild(el("h4", { id: id("h"), text: "No-deal reference" }));
    card.appendChild(el("p", {
      class: "ce-hint",
      text: "No agreement: the war goes on along this line, so the peace criterion is 0. " +
        "Each actor compares every package with this."
    }));
    card.appendChild(field(id("preset"), "Line (preset)", el("select", {
      id: id("preset"),
      onchange: function (event) { self.change(function (s) { s.no_deal.preset = event.target.value; }); }
    }, this.presetOptions(this.scenario.no_deal.preset))));
    card.appendChild(el("p", { class: "ce-provenance", "data-package": "-1" }));
    card.appendChild(el("button", {
      type: "button", class: "ce-edit", text: "Edit this line on the map", "aria-pressed": self.editing < 0 ? "true" : "false",
      onclick: function () { self.editing = -1; self.build(); self.update(); self.focusMap(); }
    }));
    card.appendChild(el("dl", { class: "ce-indicators", "data-package": "-1" }));
    return card;
  };

  Explorer.prototype.buildActors = function () {
    var self = this;
    var section = el("section", { class: "ce-section ce-actors", "aria-labelledby": this.uid("ac-h") });
    section.appendChild(el("h3", { id: this.uid("ac-h"), text: "Actors and their weights" }));
    section.appendChild(el("p", {
      class: "ce-hint",
      text: this.payload.weights_note
    }));
    var actors = this.payload.actors;
    var chosen = el("fieldset", { class: "ce-chosen" }, [el("legend", { text: "Actors who must agree (zone of agreement)" })]);
    actors.forEach(function (a) {
      var box = el("input", {
        type: "checkbox", id: self.uid("ch-" + a.id), checked: self.scenario.chosen_actors.indexOf(a.id) >= 0,
        onchange: function (event) {
          self.change(function (s) {
            var list = s.chosen_actors.filter(function (x) { return x !== a.id; });
            if (event.target.checked) list.push(a.id);
            s.chosen_actors = actors.map(function (x) { return x.id; })
              .filter(function (x) { return list.indexOf(x) >= 0; });
          });
        }
      });
      chosen.appendChild(el("div", { class: "ce-check" }, [box, el("label", { for: self.uid("ch-" + a.id), text: a.label })]));
    });
    section.appendChild(chosen);
    section.appendChild(field(this.uid("view"), "Whose ranking and fragility to show", el("select", {
      id: this.uid("view"),
      onchange: function (event) { self.change(function (s) { s.view_actor = event.target.value; }); }
    }, actors.map(function (a) {
      return el("option", { value: a.id, selected: a.id === self.scenario.view_actor, text: a.label });
    }))));
    var table = el("table", { class: "ce-table ce-weights" });
    table.appendChild(el("caption", { text: "Signed weights, from -10 to 10 (0: does not matter to this actor)" }));
    table.appendChild(el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Criterion" })]
      .concat(actors.map(function (a) { return el("th", { scope: "col", text: a.short_label }); })))]));
    var tbody = el("tbody");
    this.payload.criteria.forEach(function (c) {
      var row = el("tr", {}, [el("th", { scope: "row", text: c.label })]);
      actors.forEach(function (a) {
        var value = (self.scenario.weights[a.id] || {})[c.id] || 0;
        row.appendChild(el("td", {}, [el("input", {
          type: "number", min: self.model.limits.weight_min, max: self.model.limits.weight_max, step: 1,
          value: value, id: self.uid("w-" + a.id + "-" + c.id), class: "ce-weight",
          "data-actor": a.id, "data-criterion": c.id,
          "aria-label": a.label + ": weight on " + c.label,
          onchange: function (event) {
            self.numberInput(event.target, self.model.limits.weight_min, self.model.limits.weight_max, function (v) {
              self.change(function (s) {
                s.weights[a.id] = s.weights[a.id] || {};
                s.weights[a.id][c.id] = v;
              });
            });
          }
        })]));
      });
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
    section.appendChild(el("div", { class: "ce-scroll", tabindex: "0", role: "region", "aria-label": "Weights table" }, [table]));
    var effects = el("fieldset", { class: "ce-effects" }, [el("legend", { text: "Effect of each durability feature (relative risk reduction, %, the same for every package)" })]);
    this.payload.features.forEach(function (f) {
      effects.appendChild(field(self.uid("fx-" + f.id), f.label, el("input", {
        type: "number", min: 0, max: 100, step: 1, id: self.uid("fx-" + f.id), value: self.scenario.feature_effect_pct[f.id],
        onchange: function (event) {
          self.numberInput(event.target, 0, 100, function (v) {
            self.change(function (s) { s.feature_effect_pct[f.id] = v; });
          });
        }
      })));
    });
    section.appendChild(effects);
    return section;
  };

  Explorer.prototype.buildResults = function () {
    var section = el("section", { class: "ce-section ce-results", "aria-labelledby": this.uid("rs-h") });
    section.appendChild(el("h3", { id: this.uid("rs-h"), text: "Results" }));
    section.appendChild(el("p", { class: "ce-summary", "aria-live": "polite" }));
    section.appendChild(el("div", { class: "ce-chart", role: "img", "aria-label": "Chart of each actor's gain over no deal for each package" }));
    section.appendChild(el("div", { class: "ce-zone" }));
    section.appendChild(el("div", { class: "ce-ranking" }));
    section.appendChild(el("div", { class: "ce-fragility" }));
    return section;
  };

  Explorer.prototype.buildHandIn = function () {
    var self = this;
    var L = this.model.limits;
    var section = el("section", { class: "ce-section ce-handin", "aria-labelledby": this.uid("hi-h") });
    section.appendChild(el("h3", { id: this.uid("hi-h"), text: "Share or hand in" }));
    section.appendChild(el("p", {
      class: "ce-hint",
      text: "The page's address always holds every setting: copy it to share this view. The " +
        "scenario file is the same state as a version-2 file that the Python explorer and " +
        "the seminar tools import."
    }));
    var meta = el("div", { class: "ce-meta" });
    meta.appendChild(field(this.uid("title"), "Title", el("input", {
      type: "text", id: this.uid("title"), maxlength: L.title_chars, value: this.scenario.title,
      onchange: function (event) { self.change(function (s) { s.title = event.target.value; }); }
    })));
    meta.appendChild(field(this.uid("group"), "Group or student id", el("input", {
      type: "text", id: this.uid("group"), maxlength: L.group_chars, value: this.scenario.group,
      onchange: function (event) { self.change(function (s) { s.group = event.target.value; }); }
    })));
    meta.appendChild(field(this.uid("delegation"), "Delegation (optional)", el("select", {
      id: this.uid("delegation"),
      onchange: function (event) { self.change(function (s) { s.delegation = event.target.value; }); }
    }, [el("option", { value: "", selected: this.scenario.delegation === "", text: "none" })].concat(
      this.payload.actors.map(function (a) {
        return el("option", { value: a.id, selected: a.id === self.scenario.delegation, text: a.label });
      })))));
    section.appendChild(meta);
    section.appendChild(el("div", { class: "ce-buttons" }, [
      el("button", { type: "button", class: "ce-copy", text: "Copy link to this view", onclick: function () { self.copyLink(); } }),
      el("button", { type: "button", class: "ce-download", text: "Download scenario file", onclick: function () { self.download(); } }),
      el("button", {
        type: "button", text: "Back to the defaults", onclick: function () {
          self.load(self.model.defaultScenario(), "Back to the default settings.");
        }
      })
    ]));
    var fileInput = el("input", {
      type: "file", id: this.uid("file"), accept: ".json,application/json",
      onchange: function (event) { self.readFile(event.target); }
    });
    section.appendChild(field(this.uid("file"), "Open a scenario file", fileInput));
    var paste = el("textarea", { id: this.uid("paste"), rows: 3, spellcheck: "false" });
    section.appendChild(field(this.uid("paste"), "Or paste a scenario file, or a link to a view", paste));
    section.appendChild(el("div", { class: "ce-buttons" }, [el("button", {
      type: "button", class: "ce-load", text: "Load what is pasted", onclick: function () { self.loadText(paste.value); }
    })]));
    return section;
  };

  function field(id, labelText, control) {
    return el("div", { class: "ce-field" }, [el("label", { for: id, text: labelText }), control]);
  }

  // ----------------------------------------------------------------- link and file

  Explorer.prototype.loadText = function (textValue) {
    var trimmed = (textValue || "").trim();
    var at = trimmed.indexOf("#" + HASH_KEY);
    try {
      var scenario = at >= 0
        ? this.model.parseScenario(decodeURIComponent(trimmed.slice(at + 1 + HASH_KEY.length)))
        : this.model.parseScenario(trimmed);
    } catch (error) {
      this.showError("Not loaded, the view is unchanged: " + (error.message || String(error)));
      return false;
    }
    this.clearError();
    this.load(scenario, "Loaded the pasted scenario.");
    return true;
  };

  Explorer.prototype.readFile = function (input) {
    var self = this;
    var file = input.files && input.files[0];
    if (!file) return;
    if (file.size > 1000000) {
      this.showError("Not loaded, the view is unchanged: " + file.name + " is larger than 1 MB, so it is not a scenario file.");
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      try {
        var scenario = self.model.parseScenario(String(reader.result));
        self.clearError();
        self.load(scenario, "Loaded " + file.name + ".");
      } catch (error) {
        self.showError("Not loaded, the view is unchanged: " + file.name + ": " + (error.message || String(error)));
      }
    };
    reader.readAsText(file);
  };

  Explorer.prototype.fileText = function () {
    return JSON.stringify(this.exported(), null, 2) + "\n";
  };

  Explorer.prototype.download = function () {
    var blob = new Blob([this.fileText()], { type: "application/json" });
    var link = el("a", { href: URL.createObjectURL(blob), download: this.fileName() });
    document.body.appendChild(link);
    link.click();
    link.remove();
    this.showStatus("Scenario file written: " + this.fileName());
  };

  Explorer.prototype.fileName = function () {
    var base = (this.scenario.title || "ceasefire-scenario").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return (base || "ceasefire-scenario") + ".json";
  };

  Explorer.prototype.copyLink = function () {
    var self = this;
    this.writeHash();
    var url = window.location.href;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        self.showStatus("Link copied.");
      }, function () {
        self.showStatus("Copy the address from the address bar: it holds this view.");
      });
    } else {
      this.showStatus("Copy the address from the address bar: it holds this view.");
    }
  };

  // ----------------------------------------------------------------- updating outputs

  Explorer.prototype.provenance = function (line) {
    var preset = this.model.presets[line.preset];
    var self = this;
    var changed = Object.keys(line.overrides).sort().map(function (code) {
      return self.model.unitIndex[code].short_name + " " + round(preset.shares[code], 1) + " → " + round(line.overrides[code], 1) + " %";
    });
    return "From the preset “" + preset.label + "”" + (preset.as_of ? " (" + preset.as_of + ")" : "") +
      (changed.length ? "; changed: " + changed.join(", ") + "." : "; unchanged.");
  };

  Explorer.prototype.update = function () {
    var t0 = performance.now();
    var result = this.model.evaluate(this.scenario);
    this.result = result;
    this.updateMap();
    this.updateUnitEditor();
    this.updateCards(result);
    this.updateResults(result);
    this.scheduleHash();
    this.drawChart(result);
    this.timings.lastUpdateMs = performance.now() - t0;
  };

  Explorer.prototype.colour = function (share) {
    var stops = this.root.ownerDocument.documentElement.getAttribute("data-theme") === "dark"
      ? [[43, 49, 58], [150, 80, 60], [235, 120, 95]]
      : [[244, 241, 234], [226, 140, 105], [140, 30, 24]];
    var t = share / 100;
    var a = t < 0.5 ? stops[0] : stops[1], b = t < 0.5 ? stops[1] : stops[2];
    var u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
    return "rgb(" + a.map(function (x, i) { return Math.round(x + (b[i] - x) * u); }).join(",") + ")";
  };

  Explorer.prototype.updateMap = function () {
    var self = this;
    var line = this.lineBeingEdited();
    var shares = this.model.lineShares(line);
    var name = this.editing < 0 ? "the no-deal reference" : "package " + (this.editing + 1);
    this.root.querySelectorAll(".ce-unit").forEach(function (node) {
      var code = node.getAttribute("data-code");
      var u = self.model.unitIndex[code];
      var fill = self.colour(shares[code]);
      if (node.getAttribute("data-fill") !== fill) {
        node.style.fill = fill;
        node.setAttribute("data-fill", fill);
      }
      var label = u.name + ": " + round(shares[code], 1) + " % under Russian control on the line of " + name +
        (line.overrides[code] !== undefined ? " (changed)" : "");
      if (node.getAttribute("aria-label") !== label) node.setAttribute("aria-label", label);
      node.classList.toggle("ce-changed", line.overrides[code] !== undefined);
    });
    this.root.querySelectorAll(".ce-labels text").forEach(function (node) {
      node.classList.toggle("ce-on-dark", shares[node.getAttribute("data-code")] > 60);
    });
    var preset = this.model.presets[line.preset];
    this.root.querySelectorAll(".ce-share").forEach(function (input) {
      var code = input.getAttribute("data-code");
      var value = String(round(shares[code], 1));
      if (document.activeElement !== input && input.value !== value) input.value = value;
    });
    this.root.querySelectorAll(".ce-preset-share").forEach(function (cell) {
      setText(cell, String(round(preset.shares[cell.getAttribute("data-code")], 1)));
    });
    var bar = this.root.querySelector(".ce-legend-bar");
    if (bar) bar.style.background = "linear-gradient(to right," + [0, 25, 50, 75, 100].map(function (v) { return self.colour(v); }).join(",") + ")";
  };

  Explorer.prototype.updateUnitEditor = function () {
    var code = this.selectedUnit;
    var line = this.lineBeingEdited();
    var shares = this.model.lineShares(line);
    var u = this.model.unitIndex[code];
    var name = this.root.querySelector("#" + this.uid("unit-name"));
    if (!name) return;
    name.textContent = "Selected unit: " + u.name + " (" + u.name_uk + ")";
    var range = this.root.querySelector("#" + this.uid("unit-range"));
    var num = this.root.querySelector("#" + this.uid("unit-number"));
    range.value = shares[code];
    range.setAttribute("aria-valuetext", round(shares[code], 1) + " % of " + u.name);
    if (document.activeElement !== num) num.value = round(shares[code], 1);
    this.root.querySelector("#" + this.uid("provenance")).textContent =
      (this.editing < 0 ? "No-deal line: " : "Line of package " + (this.editing + 1) + ": ") + this.provenance(line);
    this.root.querySelectorAll(".ce-unit").forEach(function (node) {
      node.classList.toggle("ce-selected", node.getAttribute("data-code") === code);
    });
  };

  Explorer.prototype.indicatorRows = function (values, riskPct, agreement) {
    var rows = [
      ["Territory held (of 1991 area)", pct(values.territory)],
      ["People outside occupation", pct(values.people)],
      ["Pre-war output (GRP) kept", pct(values.economy)],
      ["Ports kept (weighted by cargo)", pct(values.ports)],
      ["Other critical assets kept", pct(values.assets)],
      ["Peace (1 − risk of renewed war)", agreement ? pct(values.peace) + " (risk " + round(riskPct, 1) + " %)" : "0 (no agreement)"]
    ];
    return rows;
  };

  /** Set a node's text only when it changes (unchanged text costs no layout). */
  function setText(node, value) {
    if (node.textContent !== value) node.textContent = value;
  }

  /** Fill a list-like element with one child per item, reusing the children it has. */
  function fillList(parent, items, make) {
    while (parent.children.length > items.length) parent.removeChild(parent.lastChild);
    items.forEach(function (item, i) {
      var node = parent.children[i];
      if (!node) {
        node = make(item);
        parent.appendChild(node);
      }
      setText(node, item);
    });
  }

  Explorer.prototype.updateCards = function (result) {
    var self = this;
    this.root.querySelectorAll(".ce-indicators").forEach(function (dl) {
      var index = Number(dl.getAttribute("data-package"));
      var rows = index < 0
        ? self.indicatorRows(result.noDeal, 100, false)
        : self.indicatorRows(result.packages[index].values, result.packages[index].risk_pct, result.packages[index].agreement);
      var flat = [];
      rows.forEach(function (row) { flat.push(row[0], row[1]); });
      fillList(dl, flat, function () { return el(dl.children.length % 2 ? "dd" : "dt"); });
    });
    this.root.querySelectorAll(".ce-provenance[data-package]").forEach(function (p) {
      var index = Number(p.getAttribute("data-package"));
      var line = index < 0 ? self.scenario.no_deal : self.scenario.packages[index];
      setText(p, self.provenance(line));
    });
    this.root.querySelectorAll(".ce-terms").forEach(function (ul) {
      var pkg = self.scenario.packages[Number(ul.getAttribute("data-package"))];
      var arrangement = self.model.arrangements[pkg.arrangement];
      var items = [];
      self.payload.terms.forEach(function (term) {
        var value = arrangement.terms[term.id];
        if (value) items.push(term.label + (value === 1 ? "" : " (" + round(value, 2) + ")"));
      });
      if (!items.length) items.push("none of the listed terms");
      fillList(ul, items, function () { return el("li"); });
    });
  };

  Explorer.prototype.actorLabel = function (id) {
    return this.model.actors[id].label;
  };

  Explorer.prototype.packageLabel = function (index) {
    return "Package " + (index + 1) + " (" + this.scenario.packages[index].name + ")";
  };

  Explorer.prototype.updateResults = function (result) {
    var self = this;
    var summary = this.root.querySelector(".ce-summary");
    var zoneBox = this.root.querySelector(".ce-zone");
    var rankBox = this.root.querySelector(".ce-ranking");
    var fragBox = this.root.querySelector(".ce-fragility");
    zoneBox.textContent = rankBox.textContent = fragBox.textContent = "";
    if (result.zeroWeightActors.length) {
      summary.textContent = "No score for " + result.zeroWeightActors.map(function (a) { return self.actorLabel(a); }).join(", ") +
        ": every weight of that actor is 0. Give it at least one weight.";
    } else {
      summary.textContent = this.summaryText(result);
    }
    // Zone of agreement
    zoneBox.appendChild(el("h4", { text: "Zone of possible agreement" }));
    if (!result.chosen.length) {
      zoneBox.appendChild(el("p", { text: "Choose at least one actor who must agree (with a weight other than 0)." }));
    } else if (result.zone.length) {
      zoneBox.appendChild(el("p", {
        text: "Acceptable to every chosen actor (" + result.chosen.map(function (a) { return self.actorLabel(a); }).join(", ") +
          "), that is better for each than no deal: " + result.zone.map(function (i) { return self.packageLabel(i); }).join("; ") + "."
      }));
    } else {
      zoneBox.appendChild(el("p", { text: "Empty: no package is better than no deal for every chosen actor." }));
    }
    var blockList = el("ul");
    result.blockers.forEach(function (blocking, index) {
      if (!blocking.length) return;
      blockList.appendChild(el("li", {
        text: self.packageLabel(index) + " is blocked by " + blocking.map(function (a) { return self.actorLabel(a); }).join(", ") + "."
      }));
    });
    if (blockList.children.length) zoneBox.appendChild(blockList);
    // Ranking of the view actor
    var view = this.scenario.view_actor;
    var score = result.scores[view];
    rankBox.appendChild(el("h4", { text: "Ranking for " + this.actorLabel(view) }));
    if (!score) {
      rankBox.appendChild(el("p", { text: "No ranking: every weight of " + this.actorLabel(view) + " is 0." }));
      return;
    }
    var table = el("table", { class: "ce-table ce-rank-table" });
    table.appendChild(el("caption", {
      text: "Expected score V = chance agreed × score of the package + (1 − chance) × score of no deal " +
        "(no deal: " + fmt(score.U_no_deal) + ")"
    }));
    table.appendChild(el("thead", {}, [el("tr", {}, ["Rank", "Package", "Score U", "Chance agreed", "Expected V", "Gain over no deal", "Better than no deal?"]
      .map(function (h) { return el("th", { scope: "col", text: h }); }))]));
    var tbody = el("tbody");
    score.ranking.forEach(function (index, rank) {
      var row = score.packages[index];
      tbody.appendChild(el("tr", {}, [
        el("td", { text: String(rank + 1) }), el("th", { scope: "row", text: self.packageLabel(index) }),
        el("td", { text: fmt(row.U) }), el("td", { text: round(result.packages[index].q * 100, 1) + " %" }),
        el("td", { text: fmt(row.V) }), el("td", { text: fmt(row.gain) }),
        el("td", { text: row.acceptable ? "yes" : "no" })
      ]));
    });
    table.appendChild(tbody);
    rankBox.appendChild(el("div", { class: "ce-scroll", tabindex: "0", role: "region", "aria-label": "Ranking table" }, [table]));
    // Fragility of the first place
    var frag = result.fragility;
    fragBox.appendChild(el("h4", { text: "How fragile is the first place?" }));
    if (!frag || frag.rows.length === 0) {
      fragBox.appendChild(el("p", { text: "Add a second package to see when the first place changes." }));
      return;
    }
    fragBox.appendChild(el("p", {
      text: "First for " + this.actorLabel(view) + ": " + this.packageLabel(frag.first) +
        ". Moving one weight (the others fixed), the first place changes at these values:"
    }));
    var ft = el("table", { class: "ce-table ce-frag-table" });
    ft.appendChild(el("thead", {}, [el("tr", {}, ["Weight on", "Now", "Lower: changes at", "Higher: changes at"]
      .map(function (h) { return el("th", { scope: "col", text: h }); }))]));
    var fb = el("tbody");
    frag.rows.forEach(function (row) {
      var describe = function (x) {
        return x ? fmt(x.weight, 2) + " (then " + self.packageLabel(x.rival) + ")" : "none in range";
      };
      fb.appendChild(el("tr", {}, [
        el("th", { scope: "row", text: self.model.criterionIndex[row.criterion].label }),
        el("td", { text: String(row.weight) }), el("td", { text: describe(row.down) }), el("td", { text: describe(row.up) })
      ]));
    });
    ft.appendChild(fb);
    fragBox.appendChild(el("div", { class: "ce-scroll", tabindex: "0", role: "region", "aria-label": "Fragility table" }, [ft]));
  };

  /** What the numbers say, in words: who is first, which packages tie and why. */
  Explorer.prototype.summaryText = function (result) {
    var self = this;
    var view = this.scenario.view_actor;
    var score = result.scores[view];
    if (!score) return "";
    var who = this.actorLabel(view);
    var groups = {};
    score.packages.forEach(function (row) { (groups[row.rank] = groups[row.rank] || []).push(row.index); });
    var ranks = Object.keys(groups).map(Number).sort(function (a, b) { return a - b; });
    var names = function (list) {
      return list.map(function (i) { return "package " + (i + 1); }).join(list.length > 2 ? ", " : " and ");
    };
    var parts = [];
    if (ranks.length === 1 && score.packages.length > 1) {
      parts.push("For " + who + " every package scores the same: with these inputs nothing separates them.");
    } else {
      var first = groups[ranks[0]];
      parts.push("For " + who + ", " + names(first) + (first.length > 1 ? " tie for first place." : " ranks first."));
      ranks.slice(1).forEach(function (r) {
        if (groups[r].length > 1) parts.push(names(groups[r]).replace(/^p/, "P") + " tie with each other.");
      });
    }
    var termWeights = this.payload.terms.some(function (t) { return score.weights[t.id] !== 0; });
    var arrangements = {};
    this.scenario.packages.forEach(function (p) { arrangements[p.arrangement] = true; });
    if (Object.keys(arrangements).length > 1 && !termWeights) {
      parts.push("No weight of " + who + " is on an arrangement term, so packages that differ only " +
        "in their arrangement tie; what separates packages here is their line (territory, people, " +
        "output, ports, assets) and your estimates of risk and attainability.");
    }
    parts.push("These results follow from your inputs (weights and estimates), not from the data alone.");
    return parts.join(" ");
  };

  // ----------------------------------------------------------------- the chart

  Explorer.prototype.chartRows = function (result) {
    var self = this;
    var rows = [];
    this.payload.actors.forEach(function (a) {
      var score = result.scores[a.id];
      if (!score) return;
      score.packages.forEach(function (row, index) {
        rows.push({
          actor: a.short_label, package: "P" + (index + 1) + " " + self.scenario.packages[index].name,
          order: index, gain: round(row.gain, 6), acceptable: row.acceptable ? "better than no deal" : "not better"
        });
      });
    });
    return rows;
  };

  // The chart's Vega spec is compiled when the page is built (static.py, result_chart);
  // here it gets the rows, the room it has and the colours of the book theme.
  Explorer.prototype.chartSpec = function (rows) {
    var style = window.getComputedStyle(this.root);
    var ink = style.getPropertyValue("--ce-ink").trim() || "#222";
    var muted = style.getPropertyValue("--ce-muted").trim() || "#555";
    var narrow = this.root.getBoundingClientRect().width < 560;
    this.chartRoom = this.root.querySelector(".ce-chart").getBoundingClientRect().width;
    var spec = JSON.parse(JSON.stringify(this.payload.chart));
    spec.width = Math.max(120, Math.floor(this.chartRoom) - (narrow ? 150 : 230));
    spec.data.forEach(function (d) { if (d.name === "rows") d.values = rows; });
    spec.signals.forEach(function (s) { if (s.name === "ink") s.value = ink; });
    var config = spec.config || {};
    config.axis = Object.assign({}, config.axis, { labelColor: ink, titleColor: ink, gridColor: muted,
      domainColor: muted, tickColor: muted });
    config.axisY = Object.assign({}, config.axisY, { labelLimit: narrow ? 110 : 180 });
    config.legend = Object.assign({}, config.legend, { labelColor: ink, titleColor: ink, columns: narrow ? 2 : 4 });
    spec.config = config;
    return spec;
  };

  Explorer.prototype.drawChart = function (result) {
    var self = this;
    var rows = this.chartRows(result);
    var box = this.root.querySelector(".ce-chart");
    if (!window.bookChart) {
      box.textContent = "The chart needs the book's chart library, which did not load; the tables below hold the same numbers.";
      return;
    }
    if (this.view) {
      this.view.data("rows", rows).run(); // replaces the data set: no re-embedding
      return;
    }
    if (this.chartReady) {
      this.chartReady.then(function () { self.drawChart(self.result); });
      return;
    }
    this.chartReady = window.bookChart(box, this.chartSpec(rows)).then(function (view) {
      self.view = view;
      if (self.timings.firstChartMs === null) {
        self.timings.firstChartMs = performance.now() - self.started;
        self.timings.firstChartAt = performance.now(); // since the page's navigation began
      }
      box.setAttribute("data-ready", "true");
      self.chartReady = null;
    }).catch(function (error) {
      box.textContent = "The chart could not be drawn (" + error.message + "); the tables below hold the same numbers.";
    });
  };

  Explorer.prototype.redrawChart = function () {
    this.view = null;
    this.chartReady = null;
    var box = this.root.querySelector(".ce-chart");
    box.textContent = "";
    this.drawChart(this.result);
    this.updateMap();
  };

  // ----------------------------------------------------------------- start

  function start() {
    document.querySelectorAll(".ce-root[data-payload]").forEach(function (root) {
      if (root.ceExplorer) return;
      var source = document.getElementById(root.getAttribute("data-payload"));
      var payload;
      try {
        payload = JSON.parse(source.textContent);
      } catch (error) {
        root.querySelector(".ce-error").textContent = "The explorer's data could not be read: " + error.message;
        root.querySelector(".ce-error").hidden = false;
        return;
      }
      root.ceExplorer = new Explorer(root, payload);
      // The book's theme switch sets html[data-theme]: redraw colours to match.
      new MutationObserver(function () { root.ceExplorer.redrawChart(); })
        .observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
      if (window.ResizeObserver) {
        new ResizeObserver(function () {
          var width = root.getBoundingClientRect().width;
          var wasNarrow = root.classList.contains("ce-narrow");
          root.classList.toggle("ce-narrow", width < 560);
          root.classList.toggle("ce-wide", width >= 1100);
          // The chart has a fixed width (quicker to redraw): draw it again when the room changes.
          var ex = root.ceExplorer;
          var box = root.querySelector(".ce-chart");
          var room = box ? box.getBoundingClientRect().width : 0;
          if (ex.view && (wasNarrow !== (width < 560) || Math.abs(room - ex.chartRoom) > 24)) ex.redrawChart();
        }).observe(root);
      }
    });
  }

  window.CeasefireExplorer = { start: start, Explorer: Explorer };
  // Start the explorers already in the page at once (their markup and data come before this
  // script), ahead of the page's other charts; any later one when the page has been read.
  start();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
})();
