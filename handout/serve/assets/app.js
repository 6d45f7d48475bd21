// The front desk's page works without this script (search by submitting
// the form, the PDF opening in a new tab). The script adds what earns its
// place: search as you type, and a preview inside the page with its page
// count, print and download. Names and notes go only in POST bodies; the
// PDF stays in this tab's memory (a blob URL) and is dropped when replaced.
"use strict";
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  const q = document.getElementById("q");
  if (q) librarySearch(q, document.getElementById("lang"));
  const form = document.getElementById("print");
  if (form) printForm(form);
});

// fold is text as search compares it, in any script, as the server folds
// it (pages.go, fold, which says why each step): lower case, without
// accents, Arabic vowel marks, Hebrew points, joiners and tatweel; one
// sigma, yeh and kaf; đ as d; the digits of the scripts served as 0–9.
const foldRunes = { "ς": "σ", "ي": "ی", "ى": "ی", "ك": "ک", "đ": "d" };
const digitZeros = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66];
const fold = (s) =>
  Array.from(
    s.normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u200c\u200d\u0640]/g, "").toLowerCase(),
    (c) => {
      if (foldRunes[c]) return foldRunes[c];
      const cp = c.codePointAt(0);
      for (const zero of digitZeros) if (cp >= zero && cp <= zero + 9) return String(cp - zero);
      return c;
    },
  ).join("");

function librarySearch(q, lang) {
  const cards = Array.from(document.querySelectorAll(".library > li"));
  const count = document.getElementById("count");
  const filter = () => {
    const words = fold(q.value).split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
    const l = lang ? lang.value : "";
    let shown = 0;
    for (const c of cards) {
      const hay = c.dataset.search || "";
      const ok = words.every((w) => hay.includes(" " + w)) && (!l || c.dataset.lang === l);
      c.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = `${shown} of ${cards.length} handouts shown`;
    // Keep the address in step, so a reload or a shared link shows the same.
    const u = new URL(location.href);
    words.length ? u.searchParams.set("q", q.value) : u.searchParams.delete("q");
    l ? u.searchParams.set("lang", l) : u.searchParams.delete("lang");
    history.replaceState(null, "", u);
  };
  q.addEventListener("input", filter);
  if (lang) lang.addEventListener("change", filter);
}

function printForm(form) {
  const frame = document.getElementById("frame");
  const pages = document.getElementById("pages");
  const status = document.getElementById("status");
  const problem = document.getElementById("problem");
  const note = document.getElementById("note");
  const noteCount = document.getElementById("note-count");
  const max = Number(note.dataset.max);
  const idle = pages.textContent;
  let current = null; // {url, filename, key, pages} of the PDF on show
  let busy = false;

  // The count is live; a note over the limit is refused, never cut.
  const countNote = () => {
    const n = Array.from(note.value).length;
    noteCount.textContent = n > max ? `${n} of ${max} characters: ${n - max} too many` : `${n} of ${max} characters`;
    noteCount.classList.toggle("over", n > max);
    return n;
  };
  note.addEventListener("input", countNote);
  countNote();

  const body = () => new URLSearchParams(new FormData(form));
  const key = () => body().toString();

  // clear takes the preview off the page and out of memory at once: a
  // preview whose fields differ from the form's must never be on show,
  // where the PDF viewer's own print button would print it.
  function clear(message) {
    if (current) URL.revokeObjectURL(current.url);
    current = null;
    frame.removeAttribute("src");
    frame.hidden = true;
    pages.textContent = message;
  }

  function fail(msg, field) {
    status.textContent = "";
    problem.textContent = msg;
    problem.hidden = false;
    if (field) field.focus();
  }

  async function fetchPDF() {
    const k = key();
    if (current && current.key === k) return current;
    clear("Making the preview…");
    problem.hidden = true;
    status.textContent = "Making the PDF…";
    // The buttons stay enabled (a disabled button drops the keyboard's
    // focus to the page); a second press while busy does nothing.
    busy = true;
    form.setAttribute("aria-busy", "true");
    try {
      const res = await fetch("/render", {
        method: "POST",
        body: body(),
        headers: { Accept: "application/json, application/pdf" },
        credentials: "same-origin",
        cache: "no-store",
      });
      if (!res.ok) {
        let msg = `The PDF could not be made (${res.status}).`;
        try {
          const j = await res.json();
          msg = j.error;
        } catch (e) { /* not JSON */ }
        throw new Error(msg);
      }
      const blob = await res.blob();
      if (key() !== k) {
        // The form changed while the PDF was made: it is not this form's.
        clear(idle);
        status.textContent = "Changed: choose Preview to update.";
        return null;
      }
      const n = res.headers.get("X-Page-Count");
      const cd = res.headers.get("Content-Disposition") || "";
      const m = /filename="([^"]+)"/.exec(cd);
      current = { url: URL.createObjectURL(blob), filename: m ? m[1] : "handout.pdf", key: k, pages: n };
      status.textContent = "";
      return current;
    } catch (e) {
      clear("No preview: the PDF could not be made. " + e.message);
      fail(e.message);
      return null;
    } finally {
      busy = false;
      form.removeAttribute("aria-busy");
    }
  }

  function show(pdf) {
    // Fit the page's width, without the thumbnail pane: the preview is
    // for reading, the printer dialog shows the pages.
    frame.src = pdf.url + "#view=FitH&navpanes=0";
    frame.hidden = false;
    const n = Number(pdf.pages);
    pages.textContent = `${n} ${n === 1 ? "page" : "pages"}`;
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (busy) return;
    const which = ev.submitter ? ev.submitter.id : "preview";
    if (countNote() > max) {
      clear(idle);
      fail(`The note is ${Array.from(note.value).length} characters, ${Array.from(note.value).length - max} more than the ${max} it may have. Shorten it.`, note);
      return;
    }
    const pdf = await fetchPDF();
    if (!pdf) return;
    if (which === "download") {
      const a = document.createElement("a");
      a.href = pdf.url;
      a.download = pdf.filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
      status.textContent = `Downloaded ${pdf.filename}.`;
      return;
    }
    const already = frame.src.startsWith(pdf.url + "#");
    show(pdf);
    if (which === "print-button") {
      status.textContent = `Printing ${pdf.filename}: the print dialog opens.`;
      const print = () => { try { frame.contentWindow.focus(); frame.contentWindow.print(); } catch (e) { window.open(pdf.url); } };
      if (already) print(); else frame.addEventListener("load", print, { once: true });
    } else {
      status.textContent = `Preview ready: ${pages.textContent}.`;
    }
  });

  // A changed field makes the shown PDF another patient's, perhaps: it
  // goes at once, and the next button makes a new one.
  const changed = () => {
    if (current && current.key !== key()) {
      clear(idle);
      status.textContent = "Changed: choose Preview to update.";
    }
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
}
