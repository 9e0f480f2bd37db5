// Sortable tables, on top of plain HTML tables that work without this script.
// A table with data-module="sortable-table" gets a button in each column header; pressing it sorts the rows
// by that column (numbers by their data-sort-value, text by its words), ascending then descending, and the
// header says so with aria-sort. Rows without a value (no investigations) always go last.
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) { return ""; }
    return cell.hasAttribute("data-sort-value") ? cell.getAttribute("data-sort-value") : cell.textContent.trim();
  }

  function compare(a, b, numeric) {
    if (a === "" && b === "") { return 0; }
    if (a === "") { return 1; }
    if (b === "") { return -1; }
    if (numeric) { return parseFloat(a) - parseFloat(b); }
    return a.localeCompare(b, "en-GB", { sensitivity: "base" });
  }

  function sort(table, headers, index, status) {
    var header = headers[index];
    var direction = header.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    var numeric = header.getAttribute("data-sort-type") === "number";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var a = cellValue(r1, index), b = cellValue(r2, index);
      if (a === "" || b === "") { return compare(a, b, numeric); }
      var order = compare(a, b, numeric);
      return direction === "ascending" ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    header.setAttribute("aria-sort", direction);
    status.textContent = "Sorted by " + header.textContent.trim() + ", " + direction + ".";
  }

  function enhance(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var status = document.createElement("p");
    status.className = "govuk-visually-hidden";
    status.setAttribute("role", "status");
    table.parentNode.insertBefore(status, table.nextSibling);
    headers.forEach(function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sortable-table__button";
      button.setAttribute("data-index", String(index));
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () { sort(table, headers, index, status); });
    });
  }

  document.querySelectorAll('table[data-module="sortable-table"]').forEach(enhance);
})();
