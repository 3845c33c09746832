// ErrorCatalog docs: the error search (the box in the header of every page and the filter of the
// index, both over search-index.js) and the "only differences" switch on the coverage matrix.
// Plain script, no modules and no fetch, so it also runs from file:// without a server.
(function () {
  "use strict";

  var index = window.errorCatalogSearch || { catalogs: [], errors: [] };

  // The site's root, from this script's own address (site.js lives at the root).
  var root = (function () {
    var script = document.currentScript;
    return script ? script.src.replace(/site\.js([?#].*)?$/, "") : "";
  })();

  index.errors.forEach(function (entry) {
    entry.lowerNames = [entry.name, entry.symbol].concat(entry.aliases, entry.names).map(function (n) { return n.toLowerCase(); });
    entry.haystack = entry.lowerNames.join(" ") + " " + entry.text;
  });

  function words(query) {
    return query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  // How well one word matches one entry: 0 is best, null is no match. A number matches a code on
  // any platform exactly; other words match a name exactly, at its start, inside it, or the text.
  function matchWord(entry, word) {
    if (/^[0-9]+$/.test(word)) {
      var number = Number(word);
      var codes = entry.codes.filter(function (c) { return c[1] === number; });
      return codes.length > 0 ? { score: 1, codes: codes } : null;
    }

    if (entry.lowerNames.indexOf(word) >= 0) {
      return { score: 0 };
    }

    if (entry.lowerNames.some(function (n) { return n.indexOf(word) === 0; })) {
      return { score: 1 };
    }

    if (entry.lowerNames.some(function (n) { return n.indexOf(word) > 0; })) {
      return { score: 2 };
    }

    return entry.haystack.indexOf(word) >= 0 ? { score: 3 } : null;
  }

  // Every entry that matches all words, best first, each with the codes that matched a number.
  function search(query) {
    var terms = words(query);
    if (terms.length === 0) {
      return [];
    }

    var results = [];
    index.errors.forEach(function (entry, position) {
      var score = 0;
      var codes = [];
      for (var i = 0; i < terms.length; i++) {
        var match = matchWord(entry, terms[i]);
        if (match === null) {
          return;
        }

        score += match.score;
        codes = codes.concat(match.codes || []);
      }

      results.push({ entry: entry, position: position, score: score, codes: codes });
    });
    results.sort(function (a, b) { return a.score - b.score || a.position - b.position; });
    return results;
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) {
      node.className = className;
    }

    if (text) {
      node.textContent = text;
    }

    return node;
  }

  function setUpIndexFilter() {
    var input = document.getElementById("filter");
    if (!input) {
      return;
    }

    var rows = Array.prototype.slice.call(document.querySelectorAll("table.error-list tbody tr[data-entry]"));
    var status = document.getElementById("filter-status");
    var notes = Array.prototype.slice.call(document.querySelectorAll(".empty-note"));

    function apply() {
      var shown = {};
      var results = search(input.value);
      results.forEach(function (r) { shown[r.position] = true; });
      var filtering = words(input.value).length > 0;
      rows.forEach(function (row) {
        row.hidden = filtering && !shown[Number(row.getAttribute("data-entry"))];
      });
      notes.forEach(function (note) {
        note.hidden = note.parentNode.querySelector("table.error-list tbody tr:not([hidden])") !== null;
      });
      status.textContent = filtering
        ? results.length + " of " + rows.length + " errors match"
        : rows.length + " errors";
    }

    var query = /[?&]q=([^&]*)/.exec(window.location.search);
    if (query) {
      input.value = decodeURIComponent(query[1].replace(/\+/g, " "));
    }

    input.addEventListener("input", apply);
    apply();
  }

  var shownResults = 8;

  function setUpHeaderSearch() {
    var input = document.getElementById("site-search");
    var list = document.getElementById("site-search-results");
    if (!input || !list) {
      return;
    }

    var several = index.catalogs.length > 1;

    function render() {
      list.textContent = "";
      var results = search(input.value);
      if (words(input.value).length === 0) {
        list.hidden = true;
        return;
      }

      results.slice(0, shownResults).forEach(function (result) {
        var entry = result.entry;
        var item = element("li");
        var link = element("a");
        link.href = root + entry.page;
        link.appendChild(element("code", "result-name", entry.name));
        if (several) {
          var catalog = index.catalogs[entry.catalog];
          var label = element("span", "result-catalog", catalog.function);
          label.title = catalog.title;
          link.appendChild(label);
        }

        if (result.codes.length > 0) {
          var codes = result.codes.map(function (c) { return c[1] + " on " + c[0] + (c[2] !== entry.name ? " (" + c[2] + ")" : ""); });
          link.appendChild(element("span", "result-codes", codes.join(", ")));
        }

        link.appendChild(element("span", "result-summary", entry.summary));
        item.appendChild(link);
        list.appendChild(item);
      });

      var all = element("li", "result-all");
      if (results.length === 0) {
        all.textContent = "No error matches.";
      } else {
        var more = element("a", null, results.length > shownResults
          ? "All " + results.length + " matches in the index"
          : "Show in the index");
        more.href = root + "index.html?q=" + encodeURIComponent(input.value.trim());
        all.appendChild(more);
      }

      list.appendChild(all);
      list.hidden = false;
    }

    input.addEventListener("input", render);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        list.hidden = true;
      } else if (event.key === "ArrowDown") {
        var first = list.querySelector("a");
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    list.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at + 1 < links.length) {
        event.preventDefault();
        links[at + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (at > 0 ? links[at - 1] : input).focus();
      } else if (event.key === "Escape") {
        list.hidden = true;
        input.focus();
      }
    });
    render();
  }

  function setUpMatrixSwitches() {
    var switches = document.querySelectorAll("input.only-differences");
    Array.prototype.forEach.call(switches, function (box) {
      var table = document.getElementById(box.getAttribute("data-matrix"));
      if (!table) {
        return;
      }

      box.addEventListener("change", function () {
        Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
          row.hidden = box.checked && !row.classList.contains("differs");
        });
      });
    });
  }

  setUpIndexFilter();
  setUpHeaderSearch();
  setUpMatrixSwitches();
})();
