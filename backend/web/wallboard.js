// The wallboard polls its figures every 2 s. The key comes from the link's fragment
// (#key=...), which the browser never sends to a server; it goes out as a bearer token.
"use strict";

const TEXT = {
  fi: {
    title: "Tilannetaulu", ready: "Valmiina", callbacks: "Soittopyyntöjä jäljellä",
    clock: "Päivitetty", queue: "Jono", waiting: "Jonossa", longest: "Pisin odotus",
    sl: "Palvelutaso tänään", green: "Hyvä", yellow: "Kiireinen", red: "Ruuhka",
    closed: "Suljettu", phone: "puhelin", chat: "chat",
    below_target: "Tämän päivän palvelutaso on alle tavoitteen.",
    unauthorized: "Linkki ei ole voimassa. Pyydä uusi tilannetaulun linkki pääkäyttäjältä.",
    offline: "Yhteys palvelimeen katkesi. Yritetään uudelleen…",
  },
  sv: {
    title: "Lägestavla", ready: "Redo", callbacks: "Återuppringningar kvar",
    clock: "Uppdaterad", queue: "Kö", waiting: "I kö", longest: "Längsta väntan",
    sl: "Servicenivå i dag", green: "Bra", yellow: "Livligt", red: "Rusning",
    closed: "Stängd", phone: "telefon", chat: "chatt",
    below_target: "Dagens servicenivå är under målet.",
    unauthorized: "Länken gäller inte. Be huvudanvändaren om en ny länk till lägestavlan.",
    offline: "Förbindelsen till servern bröts. Försöker igen…",
  },
  en: {
    title: "Wallboard", ready: "Ready", callbacks: "Callbacks left",
    clock: "Updated", queue: "Queue", waiting: "Waiting", longest: "Longest wait",
    sl: "Service level today", green: "Good", yellow: "Busy", red: "Congested",
    closed: "Closed", phone: "phone", chat: "chat",
    below_target: "Today's service level is under target.",
    unauthorized: "This link is not valid. Ask the administrator for a new wallboard link.",
    offline: "The connection to the server was lost. Retrying…",
  },
};

const params = new URLSearchParams(location.search);
const lang = TEXT[params.get("lang")] ? params.get("lang") : "fi";
const t = TEXT[lang];
const key = new URLSearchParams(location.hash.slice(1)).get("key") || "";

function set(id, text) { document.getElementById(id).textContent = text; }

function labels() {
  document.documentElement.lang = lang;
  document.title = t.title;
  set("title", t.title); set("ready-label", t.ready); set("callbacks-label", t.callbacks);
  set("clock-label", t.clock); set("h-queue", t.queue); set("h-waiting", t.waiting);
  set("h-longest", t.longest); set("h-sl", t.sl); set("h-ready", t.ready);
}

function mmss(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}

function cell(row, text, cls) {
  const td = document.createElement("td");
  td.textContent = text;  // text only: nothing from the server is ever parsed as HTML
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

function render(data) {
  const rows = document.getElementById("rows");
  rows.replaceChildren();
  // The type follows the number of rows: every queue on the one screen (wallboard.css).
  document.documentElement.style.setProperty("--rows", String(Math.max(1, data.queues.length)));
  let callbacks = 0;
  for (const q of data.queues) {
    callbacks += q.callbacks_open;
    const tr = document.createElement("tr");
    tr.className = q.open ? q.level : "closed";
    tr.dataset.queue = q.id;
    const name = cell(tr, q.names[lang] || q.names.fi);
    // The level in words beside the colour: colour is never the only sign.
    const channel = document.createElement("span");
    channel.className = "channel";
    channel.textContent = t[q.channel] + " · " + (q.open ? t[q.level] : t.closed);
    name.appendChild(channel);
    cell(tr, String(q.waiting), "waiting");
    cell(tr, q.waiting ? mmss(q.longest_wait_s) : "–", "longest");
    // Today's level has its own marker when under target; it never colours the row.
    const sl = q.service_level === null ? "–" : Math.round(q.service_level * 100) + " %";
    const slCell = cell(tr, q.below_target ? "▼ " + sl : sl, q.below_target ? "sl below" : "sl");
    if (q.below_target) slCell.title = t.below_target;
    cell(tr, String(q.staff_ready), "ready");
    rows.appendChild(tr);
  }
  set("ready", String(data.staff_ready));
  set("callbacks", String(callbacks));
  // The service's clock, whatever the team-room computer is set to.
  set("clock", new Date(data.at).toLocaleTimeString(lang === "en" ? "en-GB" : lang + "-FI",
    { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: data.timezone }));
}

function notice(text) {
  const el = document.getElementById("notice");
  el.hidden = !text;
  el.textContent = text || "";
  document.body.classList.toggle("stale", Boolean(text));
}

async function poll() {
  try {
    const response = await fetch("/api/wallboard", {
      headers: { Authorization: "Bearer " + key }, cache: "no-store",
    });
    if (response.status === 401) {
      notice(t.unauthorized);
      document.getElementById("rows").replaceChildren();
      return;  // no retry loop on a bad link
    }
    if (!response.ok) throw new Error(String(response.status));
    render(await response.json());
    notice("");
  } catch (_err) {
    notice(t.offline);
  }
  setTimeout(poll, 2000);
}

// A new link pasted into the same tab changes only the fragment: start over with its key.
window.addEventListener("hashchange", () => location.reload());
labels();
poll();
