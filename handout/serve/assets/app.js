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

function librarySearch(q, lang) {
  const cards = Array.from(document.querySelectorAll(".library > li"));
  const count = document.getElementById("count");
  const filter = () => {
    const words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    const l = lang ? lang.value : "";
    let shown = 0;
    for (const c of cards) {
      const hay = c.dataset.search || "";
      const ok = words.every((w) => hay.includes(w)) && (!l || c.dataset.lang === l);
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
  const max = note.maxLength;
  let current = null; // {url, filename, key} of the PDF on show
  const buttons = form.querySelectorAll("button");

  const countNote = () => { noteCount.textContent = `${note.value.length} of ${max} characters`; };
  note.addEventListener("input", countNote);
  countNote();

  const body = () => new URLSearchParams(new FormData(form));
  const key = () => body().toString();

  async function fetchPDF() {
    const k = key();
    if (current && current.key === k) return current;
    problem.hidden = true;
    status.textContent = "Making the PDF…";
    buttons.forEach((b) => (b.disabled = true));
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
          msg = j.error + (j.findings ? "\n" + j.findings.join("\n") : "");
        } catch (e) { /* not JSON */ }
        throw new Error(msg);
      }
      const blob = await res.blob();
      const n = res.headers.get("X-Page-Count");
      const cd = res.headers.get("Content-Disposition") || "";
      const m = /filename="([^"]+)"/.exec(cd);
      if (current) URL.revokeObjectURL(current.url);
      current = { url: URL.createObjectURL(blob), filename: m ? m[1] : "handout.pdf", key: k, pages: n };
      status.textContent = "";
      return current;
    } catch (e) {
      status.textContent = "";
      problem.textContent = e.message;
      problem.hidden = false;
      return null;
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  function show(pdf) {
    // Fit the page's width, without the thumbnail pane: the preview is
    // for reading, the printer dialog shows the pages.
    frame.src = pdf.url + "#view=FitH&navpanes=0";
    frame.hidden = false;
    const n = Number(pdf.pages);
    pages.textContent = `${n} ${n === 1 ? "page" : "pages"}`;
    pages.id = "pages";
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const which = ev.submitter ? ev.submitter.id : "preview";
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
      const print = () => { try { frame.contentWindow.focus(); frame.contentWindow.print(); } catch (e) { window.open(pdf.url); } };
      if (already) print(); else frame.addEventListener("load", print, { once: true });
    } else {
      status.textContent = `Preview ready: ${pages.textContent}.`;
    }
  });

  // A changed field makes the shown PDF stale; the next button makes a new one.
  form.addEventListener("input", () => { if (current) status.textContent = "Changed: choose Preview to update."; });
}
