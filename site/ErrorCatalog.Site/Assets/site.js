// ErrorCatalog docs: the error filter on the index and the "only differences" switch on the
// coverage matrix. Plain script, no modules, so it also runs from file:// without a server.
(function () {
  "use strict";

  function setUpFilter() {
    var input = document.getElementById("filter");
    if (!input) {
      return;
    }

    var rows = Array.prototype.slice.call(document.querySelectorAll("table.error-list tbody tr"));
    var status = document.getElementById("filter-status");
    var notes = Array.prototype.slice.call(document.querySelectorAll(".empty-note"));

    function matches(row, words) {
      var text = row.getAttribute("data-search") || "";
      var codes = " " + (row.getAttribute("data-codes") || "") + " ";
      return words.every(function (word) {
        // A number matches a code on any platform exactly; anything else is a substring match.
        return /^[0-9]+$/.test(word) ? codes.indexOf(" " + String(Number(word)) + " ") >= 0 : text.indexOf(word) >= 0;
      });
    }

    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
      var shown = 0;
      rows.forEach(function (row) {
        var visible = matches(row, words);
        row.hidden = !visible;
        if (visible) {
          shown++;
        }
      });
      notes.forEach(function (note) {
        var section = note.parentNode;
        var any = section.querySelector("table.error-list tbody tr:not([hidden])");
        note.hidden = any !== null;
      });
      status.textContent = words.length === 0
        ? rows.length + " errors"
        : shown + " of " + rows.length + " errors match";
    }

    var query = /[?&]q=([^&]*)/.exec(window.location.search);
    if (query) {
      input.value = decodeURIComponent(query[1].replace(/\+/g, " "));
    }

    input.addEventListener("input", apply);
    apply();
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

  setUpFilter();
  setUpMatrixSwitches();
})();
