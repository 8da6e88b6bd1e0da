// The operator's section forms: editable tables, live figures, unsaved-changes guard, autosave.
// No inline scripts: everything hangs on data- attributes set by the templates.
(function () {
  "use strict";

  var AUTOSAVE_MS = 30000;

  function parseNumber(text) {
    if (text === null || text === undefined) { return null; }
    var cleaned = String(text).replace(/[,，\s]/g, "");
    if (cleaned === "" || !/^-?\d*(\.\d*)?$/.test(cleaned)) { return null; }
    var value = parseFloat(cleaned);
    return isNaN(value) ? null : value;
  }

  function fmt(value, digits) {
    return value.toLocaleString("zh-CN", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  function field(form, name) { return form.querySelector('[name="' + name + '"]'); }

  // ---- editable tables -------------------------------------------------------------------
  function renumber(fieldset) {
    var prefix = fieldset.getAttribute("data-list");
    var rows = fieldset.querySelectorAll("tbody[data-rows] > tr[data-row]");
    var pattern = new RegExp("^(id_)?" + prefix + "-(\\d+|__prefix__)-");
    rows.forEach(function (row, index) {
      row.querySelectorAll("[name], [id], label[for]").forEach(function (el) {
        ["name", "id", "for"].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value && pattern.test(value)) {
            el.setAttribute(attr, value.replace(pattern, function (m, id) {
              return (id || "") + prefix + "-" + index + "-";
            }));
          }
        });
      });
      var number = row.querySelector("[data-row-number]");
      if (number) { number.textContent = String(index + 1); }
    });
    var total = fieldset.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    if (total) { total.value = String(rows.length); }
  }

  function rowsChanged(fieldset) {
    renumber(fieldset);
    var form = fieldset.closest("form");
    form.dispatchEvent(new CustomEvent("rows-changed", { bubbles: true }));
  }

  function setupTable(fieldset) {
    var body = fieldset.querySelector("tbody[data-rows]");
    var template = fieldset.querySelector("template[data-row-template]");
    var add = fieldset.querySelector("[data-add-row]");
    if (add && template) {
      add.addEventListener("click", function () {
        var fragment = template.content.cloneNode(true);
        body.appendChild(fragment);
        rowsChanged(fieldset);
        var last = body.querySelector("tr[data-row]:last-child input, tr[data-row]:last-child select");
        if (last) { last.focus(); }
      });
    }
    fieldset.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      var row = button.closest("tr[data-row]");
      if (!row) { return; }
      if (button.hasAttribute("data-remove-row")) {
        row.remove();
        rowsChanged(fieldset);
      } else if (button.getAttribute("data-move") === "up" && row.previousElementSibling) {
        body.insertBefore(row, row.previousElementSibling);
        rowsChanged(fieldset);
      } else if (button.getAttribute("data-move") === "down" && row.nextElementSibling) {
        body.insertBefore(row.nextElementSibling, row);
        rowsChanged(fieldset);
      }
    });
  }

  // ---- live figures ----------------------------------------------------------------------
  function yiHints(form) {
    form.querySelectorAll("input[data-wan]").forEach(function (input) {
      var hint = document.createElement("div");
      hint.className = "form-text yi-hint";
      hint.setAttribute("aria-live", "polite");
      var anchor = input.closest(".input-group") || input;
      anchor.insertAdjacentElement("afterend", hint);
      function update() {
        var value = parseNumber(input.value);
        hint.textContent = value === null ? "" : "≈ " + fmt(value / 10000, 4) + " 亿元";
      }
      input.addEventListener("input", update);
      update();
    });
  }

  function computeAll(form) {
    form.querySelectorAll("[data-compute]").forEach(function (out) {
      var a = parseNumber((field(form, out.dataset.a) || {}).value);
      var b = parseNumber((field(form, out.dataset.b) || {}).value);
      var kind = out.dataset.compute;
      var text = "—";
      if (kind === "share" && a !== null && b) {
        text = fmt(a / b * 100, 2) + " %";
      } else if (kind === "growth" && a !== null && b) {
        text = fmt((a - b) / b * 100, 2) + " %";
      } else if (kind === "ipratio") {
        var c = parseNumber((field(form, out.dataset.c) || {}).value);
        var d = parseNumber((field(form, out.dataset.d) || {}).value);
        var now = a !== null && b ? a / b * 100 : null;
        var before = c !== null && d ? c / d * 100 : null;
        if (now !== null) {
          text = fmt(now, 2) + " %" + (before !== null ? " / " + fmt(before, 2) + " %" : "");
          if (before !== null) { text += now > before ? " ↑" : " ↓"; }
        }
      }
      out.textContent = text;
    });
  }

  // ---- drafts that never lose data -------------------------------------------------------
  function setupDrafts(form) {
    var dirty = false;
    var submitting = false;
    var status = form.querySelector("[data-autosave-status]");
    var lock = form.querySelector("[data-lock-version]");
    var url = form.getAttribute("data-autosave-url");

    function say(text) { if (status) { status.textContent = text; } }
    function markDirty() { dirty = true; say(form.dataset.msgUnsaved || ""); }

    form.addEventListener("input", markDirty);
    form.addEventListener("change", markDirty);
    form.addEventListener("rows-changed", markDirty);
    form.addEventListener("submit", function () { submitting = true; });

    window.addEventListener("beforeunload", function (event) {
      if (dirty && !submitting) {
        event.preventDefault();
        event.returnValue = "";
      }
    });

    function autosave(keepalive) {
      if (!dirty || submitting || !url) { return; }
      var body = new FormData(form);
      dirty = false;
      fetch(url, {
        method: "POST", body: body, credentials: "same-origin", keepalive: !!keepalive,
        headers: { "X-Requested-With": "XMLHttpRequest", "Accept": "application/json" }
      }).then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; },
          function () { return { status: response.status, data: {} }; });
      }).then(function (reply) {
        if (reply.data.ok) {
          lock.value = String(reply.data.lock_version);
          document.dispatchEvent(new CustomEvent("session:renewed"));
          say((form.dataset.msgSaved || "") + " " + reply.data.saved_at);
        } else {
          dirty = true;
          say(reply.data.error || form.dataset.msgExpired || "");
          if (status) { status.classList.add("text-danger"); }
        }
      }).catch(function () { dirty = true; });
    }

    window.setInterval(function () { autosave(false); }, AUTOSAVE_MS);
    // When the session ends, post what is unsaved: the server keeps it in the new anonymous
    // session, and the section shows it again after logging in (see views.form._stash).
    document.addEventListener("session:expired", function () { autosave(false); });
    window.addEventListener("pagehide", function () { autosave(true); });
    window.addEventListener("pageshow", function (event) {
      // A page restored from the back-forward cache carries an old edit version.
      if (event.persisted) { window.location.reload(); }
    });
  }

  document.querySelectorAll("form[data-section-form]").forEach(function (form) {
    form.querySelectorAll("fieldset[data-list]").forEach(setupTable);
    yiHints(form);
    computeAll(form);
    form.addEventListener("input", function () { computeAll(form); });
    if (!form.hasAttribute("data-readonly")) { setupDrafts(form); }
  });

  // The live preview: a debounced "preview-refresh" event on #preview (hx-trigger), never once
  // the form is being submitted (a blur's change event fires just before the submit).
  document.querySelectorAll("form[data-section-form]").forEach(function (form) {
    var preview = document.getElementById("preview");
    if (!preview || form.hasAttribute("data-readonly")) { return; }
    var timer = null;
    var submitting = false;
    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        if (!submitting) { preview.dispatchEvent(new CustomEvent("preview-refresh")); }
      }, 600);
    }
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("rows-changed", schedule);
    form.addEventListener("submit", function () { submitting = true; window.clearTimeout(timer); });
  });

  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }

  document.querySelectorAll("[data-submit-once]").forEach(function (button) {
    button.form.addEventListener("submit", function () {
      window.setTimeout(function () { button.disabled = true; }, 0);
    });
  });
})();
