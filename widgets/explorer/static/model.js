/* The multi-actor ceasefire model (contract version 2), computed in the browser.
 *
 * A mirror of the Python model in widgets/explorer/model.py: same inputs, same
 * formulas, same validation rules. The page's payload (built by
 * widgets/explorer/static.py from the same data) carries every number; nothing
 * here holds data of its own. A parity test compares this file with the Python
 * model on random states.
 */
(function (root) {
  "use strict";

  var TOLERANCE = 1e-9;

  function ModelError(field, message) {
    this.name = "ModelError";
    this.field = field;
    this.message = (field ? field + ": " : "") + message;
  }
  ModelError.prototype = Object.create(Error.prototype);

  function fail(field, message) {
    throw new ModelError(field, message);
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // ----------------------------------------------------------------- validators
  // One validator per kind of value (as in the Python model).

  function number(value, field, low, high) {
    if (typeof value !== "number") fail(field, "must be a number, got " + kindOf(value) + " " + JSON.stringify(value));
    if (!isFinite(value)) fail(field, "must be a finite number");
    if (value < low || value > high) {
      fail(field, "must be between " + low + " and " + high + ", got " + value);
    }
    return value;
  }

  function text(value, field, maxChars) {
    if (typeof value !== "string") fail(field, "must be text, got " + kindOf(value));
    if (value.length > maxChars) {
      fail(field, "is " + value.length + " characters long; at most " + maxChars + " allowed");
    }
    return value;
  }

  function known(value, field, table, noun) {
    if (typeof value !== "string" || !Object.prototype.hasOwnProperty.call(table, value)) {
      fail(field, "unknown " + noun + " " + (typeof value === "string" ? JSON.stringify(value) : kindOf(value)) + "; known: " +
        Object.keys(table).join(", "));
    }
    return value;
  }

  // ----------------------------------------------------------------- the model

  function Model(payload) {
    var self = this;
    this.payload = payload;
    this.units = payload.units;
    this.unitIndex = {};
    this.units.forEach(function (u) { self.unitIndex[u.code] = u; });
    this.presets = {};
    payload.presets.forEach(function (p) { self.presets[p.id] = p; });
    this.arrangements = {};
    payload.arrangements.forEach(function (a) { self.arrangements[a.id] = a; });
    this.features = {};
    payload.features.forEach(function (f) { self.features[f.id] = f; });
    this.actors = {};
    payload.actors.forEach(function (a) { self.actors[a.id] = a; });
    this.criteria = payload.criteria.map(function (c) { return c.id; });
    this.criterionIndex = {};
    payload.criteria.forEach(function (c) { self.criterionIndex[c.id] = c; });
    this.limits = payload.limits;
    var totals = { area: 0, population: 0, gdp: 0 };
    this.units.forEach(function (u) {
      totals.area += u.area_km2;
      totals.population += u.population;
      if (u.gdp_share_pct !== null) totals.gdp += u.gdp_share_pct;
    });
    this.totals = totals;
  }

  Model.prototype.lineShares = function (line) {
    var preset = this.presets[line.preset];
    var shares = {};
    this.units.forEach(function (u) {
      var override = line.overrides[u.code];
      shares[u.code] = override === undefined ? preset.shares[u.code] : override;
    });
    return shares;
  };

  /** Criterion values (each in [0, 1]) of a line: territory, people, economy, ports, assets. */
  Model.prototype.lineCriteria = function (shares) {
    var self = this;
    var lostArea = 0, lostPeople = 0, lostGdp = 0;
    this.units.forEach(function (u) {
      var s = shares[u.code] / 100;
      lostArea += u.area_km2 * s;
      lostPeople += u.population * s;
      if (u.gdp_share_pct !== null) lostGdp += u.gdp_share_pct * s;
    });
    var ports = { kept: 0, total: 0 };
    var others = { kept: 0, total: 0 };
    this.payload.assets.forEach(function (asset) {
      if (!asset.exists) return; // destroyed: never counted as kept or lost
      var held = self.assetHeld(asset, shares);
      var bucket = asset.kind === "port" ? ports : others;
      bucket.total += asset.weight;
      if (!held) bucket.kept += asset.weight;
    });
    return {
      territory: 1 - lostArea / this.totals.area,
      people: 1 - lostPeople / this.totals.population,
      economy: this.totals.gdp > 0 ? 1 - lostGdp / this.totals.gdp : 1,
      ports: ports.total > 0 ? ports.kept / ports.total : 1,
      assets: others.total > 0 ? others.kept / others.total : 1
    };
  };

  /** The documented rule: an asset is Russian-held once its unit's share reaches its threshold. */
  Model.prototype.assetHeld = function (asset, shares) {
    return shares[asset.code] >= asset.held_at_pct;
  };

  Model.prototype.riskPct = function (pkg, featureEffect) {
    var risk = pkg.base_risk_pct;
    pkg.features.forEach(function (f) { risk *= 1 - featureEffect[f] / 100; });
    return risk;
  };

  /** Every criterion value of a package (line, arrangement terms, peace). */
  Model.prototype.packageCriteria = function (pkg, featureEffect) {
    var values = this.lineCriteria(this.lineShares(pkg));
    var arrangement = this.arrangements[pkg.arrangement];
    values.peace = arrangement.agreement ? 1 - this.riskPct(pkg, featureEffect) / 100 : 0;
    this.payload.terms.forEach(function (term) {
      values[term.id] = arrangement.terms[term.id];
    });
    return values;
  };

  Model.prototype.noDealCriteria = function (noDeal) {
    var values = this.lineCriteria(this.lineShares(noDeal));
    var none = this.arrangements[this.payload.no_deal_arrangement];
    values.peace = 0;
    this.payload.terms.forEach(function (term) { values[term.id] = none.terms[term.id]; });
    return values;
  };

  Model.prototype.actorWeights = function (scenario, actor) {
    var given = scenario.weights[actor] || {};
    var out = {};
    this.criteria.forEach(function (c) { out[c] = given[c] === undefined ? 0 : given[c]; });
    return out;
  };

  function utility(weights, values, criteria) {
    var num = 0, den = 0;
    for (var i = 0; i < criteria.length; i++) {
      var c = criteria[i];
      num += weights[c] * values[c];
      den += Math.abs(weights[c]);
    }
    return num / den;
  }

  /** Everything the page shows, from one validated scenario. */
  Model.prototype.evaluate = function (scenario) {
    var self = this;
    var criteria = this.criteria;
    var noDeal = this.noDealCriteria(scenario.no_deal);
    var packages = scenario.packages.map(function (pkg) {
      return {
        name: pkg.name,
        values: self.packageCriteria(pkg, scenario.feature_effect_pct),
        q: pkg.attain_pct / 100,
        risk_pct: self.arrangements[pkg.arrangement].agreement
          ? self.riskPct(pkg, scenario.feature_effect_pct) : 100,
        agreement: self.arrangements[pkg.arrangement].agreement
      };
    });
    var actors = this.payload.actors.map(function (a) { return a.id; });
    var scores = {};
    var errors = [];
    actors.forEach(function (actor) {
      var w = self.actorWeights(scenario, actor);
      var total = criteria.reduce(function (s, c) { return s + Math.abs(w[c]); }, 0);
      if (total === 0) {
        errors.push(actor);
        return;
      }
      var uNone = utility(w, noDeal, criteria);
      var rows = packages.map(function (p, index) {
        var u = utility(w, p.values, criteria);
        var v = p.q * u + (1 - p.q) * uNone;
        return {
          index: index, name: p.name, U: u, V: v, gain: v - uNone,
          acceptable: u > uNone + TOLERANCE
        };
      });
      var ranks = rows.map(function (r) {
        return 1 + rows.filter(function (t) { return t.V > r.V + TOLERANCE; }).length;
      });
      rows.forEach(function (r, i) { r.rank = ranks[i]; });
      var order = rows.slice().sort(function (x, y) { return x.rank - y.rank || x.index - y.index; });
      scores[actor] = {
        weights: w, total: total, U_no_deal: uNone, packages: rows,
        ranking: order.map(function (r) { return r.index; })
      };
    });
    var chosen = scenario.chosen_actors.filter(function (a) { return scores[a]; });
    var zone = [], blockers = [];
    packages.forEach(function (p, index) {
      var blocking = chosen.filter(function (a) { return !scores[a].packages[index].acceptable; });
      blockers.push(blocking);
      if (blocking.length === 0 && chosen.length > 0) zone.push(index);
    });
    var view = scores[scenario.view_actor] ? scenario.view_actor : null;
    return {
      noDeal: noDeal, packages: packages, scores: scores, zone: zone, blockers: blockers,
      chosen: chosen, zeroWeightActors: errors,
      fragility: view ? this.fragility(scenario, view, noDeal, packages, scores[view].ranking) : null
    };
  };

  /** For each criterion, the weights in [-10, 10] at which the actor's first place changes.
   *
   * With the other weights fixed, V(p) = N_p(w) / (W + |w|) with N_p(w) = alpha_p + beta_p w
   * (alpha_p = q_p S_p + (1 - q_p) S_0, beta_p = q_p x_pk + (1 - q_p) x_0k; S: the other
   * criteria's weighted sum, 0: the no-deal reference) and a shared positive denominator,
   * so first place changes exactly where another package's line crosses the leader's:
   * w* = (alpha_L - alpha_p) / (beta_p - beta_L). Mirrors widgets/explorer/sensitivity.py.
   */
  Model.prototype.fragility = function (scenario, actor, noDeal, packages, ranking) {
    var criteria = this.criteria;
    var weights = this.actorWeights(scenario, actor);
    var maxWeight = this.limits.weight_max;
    var lead = ranking[0];
    var rows = criteria.map(function (k) {
      var current = weights[k];
      var other = function (values) {
        return criteria.reduce(function (s, c) { return c === k ? s : s + weights[c] * values[c]; }, 0);
      };
      var sNone = other(noDeal);
      var lines = packages.map(function (p) {
        return [p.q * other(p.values) + (1 - p.q) * sNone, p.q * p.values[k] + (1 - p.q) * noDeal[k]];
      });
      var rest = criteria.reduce(function (s, c) { return c === k ? s : s + Math.abs(weights[c]); }, 0);
      // Where every other weight is 0, w = 0 leaves no score at all: the search stops short of it.
      var low = rest === 0 && current > 0 ? 0 : -maxWeight;
      var high = rest === 0 && current < 0 ? 0 : maxWeight;
      var inRange = function (w) {
        return low - TOLERANCE <= w && w <= high + TOLERANCE && !(rest === 0 && Math.abs(w) <= TOLERANCE);
      };
      var aL = lines[lead][0], bL = lines[lead][1];
      var up = null, down = null;
      lines.forEach(function (line, i) {
        var aP = line[0], bP = line[1];
        if (i === lead || Math.abs(bP - bL) < TOLERANCE) return;
        var wStar = (aL - aP) / (bP - bL) + 0;
        if (!inRange(wStar)) return;
        // Above w*, the steeper line leads; below it, the flatter one.
        var better, tied;
        if (bP > bL && wStar >= current - TOLERANCE) {
          better = up === null || wStar < up.weight - TOLERANCE;
          tied = up !== null && Math.abs(wStar - up.weight) <= TOLERANCE;
          if (better || (tied && bP > lines[up.rival][1])) up = { weight: Math.max(wStar, current), rival: i };
        } else if (bP < bL && wStar <= current + TOLERANCE) {
          better = down === null || wStar > down.weight + TOLERANCE;
          tied = down !== null && Math.abs(wStar - down.weight) <= TOLERANCE;
          if (better || (tied && bP < lines[down.rival][1])) down = { weight: Math.min(wStar, current), rival: i };
        }
      });
      return { criterion: k, weight: current, down: down, up: up };
    });
    return { first: lead, rows: packages.length < 2 ? [] : rows };
  };

  // ----------------------------------------------------------------- scenario files

  Model.prototype.defaultScenario = function () {
    return JSON.parse(JSON.stringify(this.payload.default_scenario));
  };

  function kindOf(value) {
    if (value === null || value === undefined) return "nothing (null)";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "number") return "a number";
    if (typeof value === "string") return "a string";
    if (typeof value === "boolean") return "true/false";
    return "an object";
  }

  function mapping(value, field) {
    if (!isObject(value)) fail(field, "must be an object {name: value}, got " + kindOf(value));
    return value;
  }

  function sequence(value, field, maxItems, minItems) {
    if (!Array.isArray(value)) fail(field, "must be a list, got " + kindOf(value));
    var min = minItems || 0;
    if (value.length < min || value.length > maxItems) {
      fail(field, "must hold " + min + " to " + maxItems + " items, got " + value.length);
    }
    return value;
  }

  function exactFields(value, field, required, optional) {
    mapping(value, field);
    var missing = required.filter(function (k) { return !(k in value); });
    if (missing.length) fail(field, "missing field(s) " + missing.join(", "));
    var extra = Object.keys(value).filter(function (k) {
      return required.indexOf(k) < 0 && optional.indexOf(k) < 0;
    });
    if (extra.length) {
      fail(field, "unexpected field(s) " + extra.join(", ") + "; allowed: " + required.concat(optional).join(", "));
    }
    return value;
  }

  function validateLine(model, line, field) {
    exactFields(line, field, ["preset"], ["overrides"]);
    var preset = known(line.preset, field + ".preset", model.presets, "preset");
    var overrides = mapping(line.overrides === undefined ? {} : line.overrides, field + ".overrides");
    var clean = {};
    Object.keys(overrides).sort().forEach(function (code) {
      known(code, field + ".overrides (unit)", model.unitIndex, "unit");
      clean[code] = number(overrides[code], field + ".overrides." + code, 0, 100);
    });
    return { preset: preset, overrides: clean };
  }

  /** A v2 scenario object, checked field by field (the rules of widgets/explorer/scenario.py
   * and the model's validators); returns a clean copy or throws ModelError naming the field. */
  Model.prototype.validateScenario = function (raw) {
    var model = this;
    var L = this.limits;
    if (!isObject(raw)) fail("file", "holds " + kindOf(raw) + ", not a ceasefire scenario object");
    if (raw.kind === "ceasefire-explorer-scenario" || "schema_version" in raw) {
      fail("version", this.payload.v1_changes);
    }
    if (raw.format !== L.format) {
      fail("format", "not a ceasefire scenario (" + ("format" in raw ? JSON.stringify(raw.format) : "no 'format' field") +
        "; expected " + JSON.stringify(L.format) + ")");
    }
    if (raw.version !== L.version) {
      fail("version", JSON.stringify(raw.version) + " is not supported; this reads " + L.version);
    }
    exactFields(raw, "scenario", L.required_fields, L.optional_fields);
    var packages = sequence(raw.packages, "packages", L.max_packages, 1).map(function (p, i) {
      var field = "packages[" + i + "]";
      exactFields(p, field, ["name", "preset", "arrangement"], L.package_fields);
      var lineRaw = { preset: p.preset };
      if ("overrides" in p) lineRaw.overrides = p.overrides;
      var line = validateLine(model, lineRaw, field);
      var name = text(p.name, field + ".name", L.name_chars);
      if (!name.trim()) fail(field + ".name", "must not be empty");
      var features = sequence(p.features === undefined ? [] : p.features, field + ".features",
        Object.keys(model.features).length).map(function (f, k) {
        return known(f, field + ".features[" + k + "]", model.features, "feature");
      });
      if (new Set(features).size !== features.length) fail(field + ".features", "a feature is listed twice");
      return {
        name: name.trim(),
        preset: line.preset,
        overrides: line.overrides,
        arrangement: known(p.arrangement, field + ".arrangement", model.arrangements, "arrangement"),
        features: features.slice().sort(),
        base_risk_pct: number(p.base_risk_pct === undefined ? L.default_base_risk_pct : p.base_risk_pct,
          field + ".base_risk_pct", 0, 100),
        attain_pct: number(p.attain_pct === undefined ? L.default_attain_pct : p.attain_pct,
          field + ".attain_pct", 0, 100)
      };
    });
    mapping(raw.weights, "weights");
    var weights = {};
    Object.keys(raw.weights).forEach(function (actor) {
      known(actor, "weights (actor)", model.actors, "actor");
      var row = mapping(raw.weights[actor], "weights." + actor);
      var clean = {};
      Object.keys(row).forEach(function (c) {
        known(c, "weights." + actor + " (criterion)", model.criterionIndex, "criterion");
        clean[c] = number(row[c], "weights." + actor + "." + c, L.weight_min, L.weight_max);
      });
      weights[actor] = clean;
    });
    var scored = function (actor) {
      var row = weights[actor] || {};
      return Object.keys(row).some(function (c) { return row[c] !== 0; });
    };
    var checkScored = function (actor, field) {
      if (!scored(actor)) {
        var label = model.actors[actor].label;
        fail(field, "all weights of " + label + " are 0: give " + label + " at least one weight");
      }
      return actor;
    };
    var noDeal = validateLine(this, raw.no_deal, "no_deal");
    var effects = mapping(raw.feature_effect_pct, "feature_effect_pct");
    Object.keys(effects).forEach(function (f) { known(f, "feature_effect_pct (feature)", model.features, "feature"); });
    var missing = Object.keys(this.features).filter(function (f) { return !(f in effects); });
    if (missing.length) fail("feature_effect_pct", "missing feature(s) " + missing.join(", "));
    var featureEffect = {};
    Object.keys(this.features).forEach(function (f) {
      featureEffect[f] = number(effects[f], "feature_effect_pct." + f, 0, 100);
    });
    var view = checkScored(known(raw.view_actor, "view_actor", this.actors, "actor"), "view_actor");
    var chosen = sequence(raw.chosen_actors, "chosen_actors", Object.keys(this.actors).length, 1)
      .map(function (a, i) { return known(a, "chosen_actors[" + i + "]", model.actors, "actor"); });
    if (new Set(chosen).size !== chosen.length) fail("chosen_actors", "an actor is listed twice");
    chosen.forEach(function (a, i) { checkScored(a, "chosen_actors[" + i + "]"); });
    var delegation = raw.delegation === undefined ? "" : raw.delegation;
    if (delegation !== "") known(delegation, "delegation", this.actors, "actor");
    return {
      format: L.format,
      version: L.version,
      title: text(raw.title === undefined ? "" : raw.title, "title", L.title_chars),
      delegation: delegation,
      group: text(raw.group === undefined ? "" : raw.group, "group", L.group_chars),
      view_actor: view,
      chosen_actors: chosen,
      feature_effect_pct: featureEffect,
      no_deal: noDeal,
      packages: packages,
      weights: weights
    };
  };

  /** The scenario as written to a file or a link: exactly the v2 format, fields in order. */
  Model.prototype.exportScenario = function (scenario) {
    var clean = this.validateScenario(scenario);
    var weights = {};
    var self = this;
    this.payload.actors.forEach(function (a) {
      var given = clean.weights[a.id];
      if (!given) return;
      var kept = {};
      self.criteria.forEach(function (c) { if (given[c]) kept[c] = given[c]; });
      if (Object.keys(kept).length) weights[a.id] = kept;
    });
    return {
      format: clean.format,
      version: clean.version,
      title: clean.title,
      delegation: clean.delegation,
      group: clean.group,
      view_actor: clean.view_actor,
      chosen_actors: clean.chosen_actors,
      feature_effect_pct: clean.feature_effect_pct,
      no_deal: { preset: clean.no_deal.preset, overrides: sortedObject(clean.no_deal.overrides) },
      packages: clean.packages.map(function (p) {
        return {
          name: p.name, preset: p.preset, overrides: sortedObject(p.overrides),
          arrangement: p.arrangement, features: p.features,
          base_risk_pct: p.base_risk_pct, attain_pct: p.attain_pct
        };
      }),
      weights: weights
    };
  };

  function sortedObject(obj) {
    var out = {};
    Object.keys(obj).sort().forEach(function (k) { out[k] = obj[k]; });
    return out;
  }

  /** Parse JSON text into a validated scenario (throws ModelError with a clear message). */
  Model.prototype.parseScenario = function (textValue) {
    var raw;
    try {
      raw = JSON.parse(textValue);
    } catch (error) {
      fail("file", "not valid JSON (" + error.message + ")");
    }
    return this.validateScenario(raw);
  };

  root.CeasefireModel = { Model: Model, ModelError: ModelError, TOLERANCE: TOLERANCE };
})(typeof window !== "undefined" ? window : this);
