// Client side of the Luukku web chat. Speaks protocol v1 (protocol/messages.py is the
// definition; this file only mirrors the client frames). No framework, no build step.
"use strict";

const PROTOCOL = 1;
const STORE_KEY = "luukku.chat";

const TEXT = {
  fi: {
    title: "Neuvontapalvelun chat", pick_queue: "Valitse aihe", who: "Tietosi (vapaaehtoinen)",
    anon_hint: "Voit asioida nimettömänä. Jos haluat, että sinulle voidaan soittaa, anna puhelinnumero.",
    name: "Nimi", phone: "Puhelinnumero", start: "Aloita chat", conversation: "Keskustelu",
    typing: "Ammattilainen kirjoittaa…", message: "Viesti", send: "Lähetä", leave: "Lopeta keskustelu",
    emergency_title: "Kiireellisessä hädässä", emergency_112: "Hätätilanteessa soita",
    emergency_116: "Päivystysapu, kun tarvitset kiireellistä hoitoa:",
    open_now: "Palvelu on nyt auki.", closed_now: "Palvelu on nyt suljettu.",
    next_open: "Avaamme seuraavan kerran {when}.", queue_closed: "Suljettu, avautuu {when}",
    wait_est: "Arvioitu odotusaika noin {min} min", wait_none: "Ei jonoa",
    wait_unknown: "Odotusaikaa ei voi nyt arvioida",
    position: "Olet jonossa sijalla {pos}. {wait}", joined: "{name} on liittynyt keskusteluun.",
    you: "Sinä", pro: "Ammattilainen", sending: "lähetetään…",
    closed_conv: "Keskustelu on päättynyt. Kiitos yhteydenotosta!",
    reconnecting: "Yhteys katkesi, yhdistetään uudelleen…", pick_first: "Valitse ensin aihe.",
    client_left: "Asiakas poistui keskustelusta.", new_chat: "Aloita uusi keskustelu",
    err_closed_now: "Palvelu on suljettu.", err_rate_limited: "Lähetät viestejä liian nopeasti. Odota hetki.",
    err_too_large: "Viesti on liian pitkä.", err_generic: "Jokin meni vikaan. Yritä uudelleen.",
    err_bad_frame: "Tarkista antamasi tiedot (esimerkiksi puhelinnumero).",
    confirm_leave: "Haluatko varmasti lopettaa keskustelun?",
    picture: "Lähetä kuva", picture_hint: "JPEG tai PNG, enintään 8 Mt.", picture_sent: "Kuva",
    picture_uploading: "Kuvaa lähetetään…", picture_requested: "Ammattilainen pyytää sinulta kuvaa. Voit lähettää sen kuvapainikkeella.",
    err_pic_not_a_picture: "Tiedosto ei ole JPEG- tai PNG-kuva.", err_pic_too_large: "Kuva on liian suuri (enintään 8 Mt ja 6000 kuvapistettä).",
    err_pic_too_many: "Tähän keskusteluun ei voi lähettää enempää kuvia.", err_pic_ended: "Keskustelu on päättynyt.",
    err_pic_busy: "Kuvia vastaanotetaan juuri nyt paljon. Yritä hetken päästä uudelleen.", err_pic_rate_limited: "Olet lähettänyt monta kuvaa lyhyessä ajassa. Odota minuutti.",
    transferred: "Keskustelu siirrettiin toiselle ammattilaiselle. Odota hetki.",
    consult_joined: "{name} liittyi keskusteluun asiantuntijana.", consult_left: "{name} poistui keskustelusta.",
    video: "Siirry videotapaamiseen", video_intro: "Ammattilainen kutsuu sinut videotapaamiseen:",
  },
  sv: {
    title: "Rådgivningstjänstens chatt", pick_queue: "Välj ämne", who: "Dina uppgifter (frivilligt)",
    anon_hint: "Du kan chatta anonymt. Om du vill att vi ringer dig, ange ditt telefonnummer.",
    name: "Namn", phone: "Telefonnummer", start: "Starta chatten", conversation: "Samtal",
    typing: "Yrkespersonen skriver…", message: "Meddelande", send: "Skicka", leave: "Avsluta samtalet",
    emergency_title: "I brådskande nöd", emergency_112: "I en nödsituation, ring",
    emergency_116: "Jourhjälpen när du behöver brådskande vård:",
    open_now: "Tjänsten är öppen nu.", closed_now: "Tjänsten är stängd nu.",
    next_open: "Vi öppnar nästa gång {when}.", queue_closed: "Stängd, öppnar {when}",
    wait_est: "Uppskattad väntetid cirka {min} min", wait_none: "Ingen kö",
    wait_unknown: "Väntetiden kan inte uppskattas nu",
    position: "Du är nummer {pos} i kön. {wait}", joined: "{name} har anslutit till samtalet.",
    you: "Du", pro: "Yrkesperson", sending: "skickas…",
    closed_conv: "Samtalet har avslutats. Tack för att du tog kontakt!",
    reconnecting: "Förbindelsen bröts, ansluter igen…", pick_first: "Välj först ett ämne.",
    client_left: "Klienten lämnade samtalet.", new_chat: "Starta ett nytt samtal",
    err_closed_now: "Tjänsten är stängd.", err_rate_limited: "Du skickar meddelanden för snabbt. Vänta en stund.",
    err_too_large: "Meddelandet är för långt.", err_generic: "Något gick fel. Försök igen.",
    err_bad_frame: "Kontrollera uppgifterna (till exempel telefonnumret).",
    confirm_leave: "Vill du verkligen avsluta samtalet?",
    picture: "Skicka en bild", picture_hint: "JPEG eller PNG, högst 8 MB.", picture_sent: "Bild",
    picture_uploading: "Bilden skickas…", picture_requested: "Yrkespersonen ber dig om en bild. Du kan skicka den med bildknappen.",
    err_pic_not_a_picture: "Filen är inte en JPEG- eller PNG-bild.", err_pic_too_large: "Bilden är för stor (högst 8 MB och 6000 pixlar).",
    err_pic_too_many: "Du kan inte skicka fler bilder i det här samtalet.", err_pic_ended: "Samtalet har avslutats.",
    err_pic_busy: "Många bilder tas emot just nu. Försök igen om en stund.", err_pic_rate_limited: "Du har skickat många bilder på kort tid. Vänta en minut.",
    transferred: "Samtalet flyttades till en annan yrkesperson. Vänta en stund.",
    consult_joined: "{name} anslöt till samtalet som sakkunnig.", consult_left: "{name} lämnade samtalet.",
    video: "Gå till videomötet", video_intro: "Yrkespersonen bjuder in dig till ett videomöte:",
  },
  en: {
    title: "Health advice chat", pick_queue: "Choose a topic", who: "About you (optional)",
    anon_hint: "You can stay anonymous. If you would like us to call you, give your phone number.",
    name: "Name", phone: "Phone number", start: "Start chat", conversation: "Conversation",
    typing: "The professional is typing…", message: "Message", send: "Send", leave: "End conversation",
    emergency_title: "In an emergency", emergency_112: "In an emergency, call",
    emergency_116: "On-call health advice when you need urgent care:",
    open_now: "The service is open now.", closed_now: "The service is closed now.",
    next_open: "We open next {when}.", queue_closed: "Closed, opens {when}",
    wait_est: "Estimated wait about {min} min", wait_none: "No queue",
    wait_unknown: "The wait cannot be estimated right now",
    position: "You are number {pos} in the queue. {wait}", joined: "{name} has joined the conversation.",
    you: "You", pro: "Professional", sending: "sending…",
    closed_conv: "The conversation has ended. Thank you for contacting us!",
    reconnecting: "Connection lost, reconnecting…", pick_first: "Please choose a topic first.",
    client_left: "The client left the conversation.", new_chat: "Start a new conversation",
    err_closed_now: "The service is closed.", err_rate_limited: "You are sending messages too fast. Please wait a moment.",
    err_too_large: "The message is too long.", err_generic: "Something went wrong. Please try again.",
    err_bad_frame: "Please check your details (for example the phone number).",
    confirm_leave: "Do you really want to end the conversation?",
    picture: "Send a picture", picture_hint: "JPEG or PNG, at most 8 MB.", picture_sent: "Picture",
    picture_uploading: "Sending the picture…", picture_requested: "The professional asks you for a picture. You can send it with the picture button.",
    err_pic_not_a_picture: "The file is not a JPEG or PNG picture.", err_pic_too_large: "The picture is too large (at most 8 MB and 6000 pixels).",
    err_pic_too_many: "No more pictures can be sent in this conversation.", err_pic_ended: "The conversation has ended.",
    err_pic_busy: "Many pictures are arriving just now. Try again in a moment.", err_pic_rate_limited: "You have sent many pictures in a short time. Wait a minute.",
    transferred: "The conversation was transferred to another professional. Please wait a moment.",
    consult_joined: "{name} joined the conversation as a consultant.", consult_left: "{name} left the conversation.",
    video: "Join the video meeting", video_intro: "The professional invites you to a video meeting:",
  },
};

const $ = (id) => document.getElementById(id);
let lang = localStorage.getItem("luukku.lang") || "fi";
let queues = [];
let ws = null;
let backoff = 500;
// Persisted per tab: survives a reload and a dropped connection, not a closed tab.
let state = JSON.parse(sessionStorage.getItem(STORE_KEY) || "null");
// Pictures this page sent, by line seq: shown from memory (the server never sends a
// picture back to a client socket).
const previews = new Map();
const MAX_PICTURE_BYTES = 8 * 1024 * 1024;

function t(key, vars = {}) {
  let s = (TEXT[lang] && TEXT[lang][key]) || TEXT.fi[key] || key;
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, v);
  return s;
}
function save() { sessionStorage.setItem(STORE_KEY, JSON.stringify(state)); }
function fmtWhen(iso) {
  const locale = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" }[lang];
  return new Date(iso).toLocaleString(locale, {
    weekday: "long", day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit",
    timeZone: "Europe/Helsinki",
  });
}
function fmtWait(s) {
  if (s === null || s === undefined) return t("wait_unknown");
  if (s < 30) return t("wait_none");
  return t("wait_est", { min: Math.max(1, Math.round(s / 60)) });
}

function applyLang() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  document.title = t("title");
  for (const b of document.querySelectorAll("[data-lang]")) b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
  renderQueues();
  if (state) renderLines();
}

async function loadQueues() {
  const res = await fetch("/api/queues");
  const data = await res.json();
  queues = data.queues;
  $("n112").textContent = data.emergency.number;
  $("n116").textContent = data.emergency.on_call_advice;
  renderQueues();
}

function renderQueues() {
  const box = $("queues");
  if (!box || state) return;
  const checked = (document.querySelector("input[name=queue]:checked") || {}).value;
  box.replaceChildren();
  for (const q of queues) {
    const label = document.createElement("label");
    const input = Object.assign(document.createElement("input"), { type: "radio", name: "queue", value: q.id });
    input.disabled = !q.open_now;
    input.checked = q.id === checked;
    const name = document.createElement("span");
    name.textContent = q.names[lang] || q.names.fi;
    const meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = q.open_now ? fmtWait(q.estimated_wait_s) : t("queue_closed", { when: fmtWhen(q.next_opening) });
    name.append(meta);
    if (!q.open_now) label.classList.add("disabled");
    label.append(input, name);
    box.append(label);
  }
  const anyOpen = queues.some((q) => q.open_now);
  // Nothing to start while every queue is closed: keep the hours, hide the rest.
  $("who").hidden = !anyOpen;
  $("start-button").disabled = !anyOpen;
  const status = $("status");
  status.replaceChildren();
  const p = document.createElement("p");
  p.className = anyOpen ? "open" : "closed";
  p.textContent = anyOpen ? t("open_now") : t("closed_now");
  if (!anyOpen) {
    const next = queues.map((q) => q.next_opening).filter(Boolean).sort()[0];
    if (next) p.textContent += " " + t("next_open", { when: fmtWhen(next) });
  }
  status.append(p);
}

function showChat() {
  $("start").hidden = true;
  $("chat").hidden = false;
  $("status").replaceChildren();
  renderLines();
}

function renderLines() {
  const ol = $("lines");
  ol.replaceChildren();
  const all = [...state.lines, ...state.pending.map((p) => ({ ...p, author: "client", pending: true }))];
  for (const line of all) {
    const li = document.createElement("li");
    li.className = line.author + (line.pending ? " pending" : "");
    if (line.author === "system") {
      li.textContent = systemText(line.text);
      if (line.text === "picture_requested") li.classList.add("request");
    } else {
      const who = document.createElement("span");
      who.className = "who";
      who.textContent = line.author === "client" ? t("you") + (line.pending ? " · " + t("sending") : "")
                                                 : line.author_name || t("pro");
      li.append(who);
      if (line.kind === "picture") {
        const url = previews.get(line.seq);
        if (url) {
          const img = Object.assign(document.createElement("img"), { src: url, alt: t("picture_sent"), className: "picture" });
          li.append(img);
        } else {
          li.append(document.createTextNode("📷 " + t("picture_sent")));
        }
      } else if (line.kind === "video" && /^https:\/\//.test(line.text)) {
        const a = Object.assign(document.createElement("a"), { href: line.text, target: "_blank", rel: "noopener noreferrer", className: "video" });
        a.textContent = t("video");
        li.append(document.createTextNode(t("video_intro") + " "), a);
      } else {
        li.append(document.createTextNode(line.text));
      }
    }
    ol.append(li);
  }
  ol.scrollTop = ol.scrollHeight;
  const cs = $("chat-state");
  const last = state.lines[state.lines.length - 1];
  if (state.closed) cs.textContent = t("closed_conv");
  else if (!state.staff_name && last && last.text === "transferred" && last.author === "system") cs.textContent = t("transferred");
  else if (state.staff_name) cs.textContent = t("joined", { name: state.staff_name });
  else if (state.position) cs.textContent = t("position", { pos: state.position, wait: fmtWait(state.wait) });
  $("composer").hidden = !!state.closed;
  if (state.closed && !$("again")) {
    const b = Object.assign(document.createElement("button"), { id: "again", type: "button", className: "primary" });
    b.textContent = t("new_chat");
    b.onclick = () => { sessionStorage.removeItem(STORE_KEY); location.reload(); };
    $("chat").append(b);
  }
}

function systemText(code) {
  const [key, arg] = code.split(/:(.*)/s);
  if (key === "consult_joined" || key === "consult_left") return t(key, { name: arg || "" });
  if (["client_left", "transferred", "picture_requested"].includes(key)) return t(key);
  return code;
}

async function sendPicture(file) {
  const err = $("picture-error");
  err.textContent = "";
  if (!file) return;
  // Checked here for a quick answer; the server checks again, by content.
  if (!["image/jpeg", "image/png"].includes(file.type)) { err.textContent = t("err_pic_not_a_picture"); return; }
  if (file.size > MAX_PICTURE_BYTES) { err.textContent = t("err_pic_too_large"); return; }
  $("picture-status").textContent = t("picture_uploading");
  try {
    const res = await fetch("/api/chat/picture", {
      method: "POST", body: file,
      headers: { "X-Luukku-Conversation": state.conversation_id, "X-Luukku-Token": state.token },
    });
    const data = await res.json();
    const key = "err_pic_" + data.error;
    if (!res.ok) { err.textContent = TEXT.fi[key] ? t(key) : t("err_generic"); return; }
    previews.set(data.seq, URL.createObjectURL(file));
    renderLines();
  } catch (e) {
    err.textContent = t("err_generic");
  } finally {
    $("picture-status").textContent = "";
    $("picture-input").value = "";
  }
}

function send(frame) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ v: PROTOCOL, ...frame }));
}

function connect(first) {
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/client";
  ws = new WebSocket(url);
  ws.onopen = () => {
    backoff = 500;
    if (state && state.conversation_id) {
      send({ type: "resume", conversation_id: state.conversation_id, token: state.token, last_seq: state.last_seq });
    } else if (first) {
      send(first);
    }
  };
  ws.onmessage = (ev) => handle(JSON.parse(ev.data));
  ws.onclose = () => {
    if (!state || state.closed) return;
    $("chat-state").textContent = t("reconnecting");
    setTimeout(() => connect(null), backoff);
    backoff = Math.min(backoff * 2, 10000);
  };
}

function addLine(line) {
  if (line.seq <= state.last_seq) return;
  state.lines.push(line);
  state.last_seq = line.seq;
}

function handle(f) {
  switch (f.type) {
    case "started":
      state = { conversation_id: f.conversation_id, token: f.token, last_seq: 0, lines: [], pending: [],
                position: f.position, wait: f.estimated_wait_s, staff_name: null, closed: false };
      save(); showChat(); $("text").focus();
      break;
    case "resumed":
      for (const line of f.missed) addLine(line);
      state.closed = f.state === "closed";
      state.position = f.position;
      if (f.staff_name) state.staff_name = f.staff_name;
      // Whatever was sent but not acknowledged goes again; the server drops duplicates.
      for (const p of state.pending) send({ type: "message", client_msg_id: p.client_msg_id, text: p.text });
      save(); showChat();
      break;
    case "ack": {
      const i = state.pending.findIndex((p) => p.client_msg_id === f.client_msg_id);
      if (i >= 0) {
        const [p] = state.pending.splice(i, 1);
        addLine({ seq: f.seq, author: "client", author_name: null, text: p.text, at: f.at });
        state.lines.sort((a, b) => a.seq - b.seq);
      }
      save(); renderLines();
      break;
    }
    case "message":
      addLine(f.line);
      if (f.line.author === "system" && f.line.text === "transferred") state.staff_name = null;
      save(); renderLines();
      break;
    case "typing":
      $("typing").hidden = !f.typing;
      break;
    case "queue":
      state.position = f.position; state.wait = f.estimated_wait_s; save(); renderLines();
      break;
    case "joined":
      state.staff_name = f.staff_name; state.position = null; save(); renderLines();
      break;
    case "closed":
      state.closed = true; $("typing").hidden = true; save(); renderLines();
      if (ws) ws.close();
      break;
    case "error":
      showError(f);
      break;
  }
}

function showError(f) {
  const key = "err_" + f.code;
  let msg = TEXT.fi[key] ? t(key) : t("err_generic");
  if (f.code === "closed_now" && f.next_opening) msg += " " + t("next_open", { when: fmtWhen(f.next_opening) });
  if (!state) {
    $("form-error").textContent = msg;
    if (ws) ws.close();
    ws = null;
    loadQueues();
  } else {
    if (f.code === "not_found" && !f.ref) { sessionStorage.removeItem(STORE_KEY); state = null; location.reload(); return; }
    $("chat-state").textContent = msg;
  }
}

let typingTimer = null;
function onInput() {
  if (!typingTimer) send({ type: "typing", typing: true });
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => { send({ type: "typing", typing: false }); typingTimer = null; }, 2000);
}

$("start").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.querySelector("input[name=queue]:checked");
  if (!q) { $("form-error").textContent = t("pick_first"); return; }
  $("form-error").textContent = "";
  const frame = { type: "start", queue: q.value, lang };
  const name = $("name").value.trim();
  const phone = $("phone").value.trim();
  if (name) frame.name = name;
  if (phone) frame.phone = phone;
  connect(frame);
});

$("composer").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = $("text").value.trim();
  if (!text) return;
  const id = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/[^A-Za-z0-9-]/g, "");
  state.pending.push({ client_msg_id: id, text });
  save();
  send({ type: "message", client_msg_id: id, text });
  $("text").value = "";
  clearTimeout(typingTimer); typingTimer = null;
  send({ type: "typing", typing: false });
  renderLines();
});
$("text").addEventListener("input", onInput);
$("picture-button").addEventListener("click", () => $("picture-input").click());
$("picture-input").addEventListener("change", (ev) => sendPicture(ev.target.files[0]));
$("text").addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); $("composer").requestSubmit(); }
});
$("leave").addEventListener("click", () => {
  if (confirm(t("confirm_leave"))) send({ type: "leave" });
});
for (const b of document.querySelectorAll("[data-lang]")) {
  b.addEventListener("click", () => { lang = b.dataset.lang; localStorage.setItem("luukku.lang", lang); applyLang(); });
}

applyLang();
if (state) { showChat(); connect(null); }
else { $("start").hidden = false; loadQueues(); setInterval(() => { if (!state) loadQueues(); }, 15000); }
