// Client side of the Luukku web chat. Speaks protocol v1 (protocol/messages.py is the
// definition; this file only mirrors the client frames). No framework, no build step.
// The organisation's name, colours and page settings come from /api/page and /brand.css
// (the service file's [web] section), never from this file.
"use strict";

const PROTOCOL = 1;
const STORE_KEY = "luukku.chat";

const TEXT = {
  fi: {
    skip: "Siirry sisältöön", pick_queue: "Valitse aihe", who: "Tietosi (vapaaehtoinen)",
    anon_hint: "Voit asioida nimettömänä. Jos haluat, että sinulle voidaan soittaa, anna puhelinnumero.",
    name: "Nimi", phone: "Puhelinnumero", start: "Aloita chat", conversation: "Keskustelu",
    typing: "Ammattilainen kirjoittaa…", message: "Viesti", send: "Lähetä", leave: "Lopeta keskustelu",
    emergency_title: "Kiireellisessä hädässä", emergency_112: "Hätätilanteessa soita",
    emergency_116: "Kiireellinen hoito, päivystysapu:",
    open_now: "Chat on nyt auki.", closed_now: "Chat on nyt suljettu.",
    next_open: "Avaamme seuraavan kerran {when}.", queue_closed: "Suljettu, avautuu {when}", queue_shut: "Suljettu",
    wait_est: "Arvioitu odotusaika noin {min} min", wait_none: "Ei jonoa",
    wait_soon: "Ammattilainen vastaa pian.", position_next: "Olet seuraavana vuorossa. {wait}",
    wait_unknown: "Odotusaikaa ei voi nyt arvioida: kukaan ei juuri nyt vastaa tähän aiheeseen.",
    position: "Olet jonossa sijalla {pos}. {wait}", joined: "{name} on liittynyt keskusteluun.",
    you: "Sinä", pro: "Ammattilainen", sending: "lähetetään…",
    ended_client: "Lopetit keskustelun.", ended_staff: "Ammattilainen päätti keskustelun.",
    next_client: "Kiitos yhteydenotosta! Voit aloittaa uuden keskustelun milloin tahansa aukioloaikana.",
    next_staff: "Jos asiasi jäi kesken, aloita uusi keskustelu tai soita palvelunumeroon {phone}.",
    reconnecting: "Yhteys katkesi. Yhdistetään uudelleen… Viestisi ja kirjoittamasi teksti säilyvät.",
    offline: "Yhteys katkesi, emmekä saa yhteyttä palveluun. Tarkista verkkoyhteytesi; keskustelu jatkuu, kun yhteys palaa.",
    pick_first: "Valitse ensin aihe.",
    identify: "Tunnistaudu (Suomi.fi) ja aloita", identify_hint: "Tunnistautuneena ammattilainen näkee nimesi ja henkilötunnuksesi. Voit myös asioida nimettömänä.",
    identify_required: "Tässä aiheessa tunnistaudutaan Suomi.fi-tunnistuksella. Ammattilainen näkee nimesi ja henkilötunnuksesi.",
    identified_badge: "Olet tunnistautunut (Suomi.fi).", suomifi_logout: "Kirjaudu ulos Suomi.fi-tunnistuksesta",
    logged_out: "Olet kirjautunut ulos Suomi.fi-tunnistuksesta.", identification_failed: "Tunnistautuminen ei onnistunut. Voit yrittää uudelleen tai asioida nimettömänä.",
    logout_failed: "Uloskirjautuminen ei onnistunut. Sulje selain, niin istunto päättyy.",
    err_identification_required: "Tunnistautuminen vanheni tai puuttuu. Tunnistaudu uudelleen.",
    client_left: "Lopetit keskustelun.", new_chat: "Aloita uusi keskustelu",
    err_closed_now: "Aihe on suljettu.", err_rate_limited: "Lähetät viestejä liian nopeasti. Odota hetki.",
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
    notify: "Ilmoita minulle äänellä, kun ammattilainen vastaa", notify_on: "Saat ilmoituksen, kun ammattilainen vastaa.",
    cue_joined: "Ammattilainen vastasi", cue_message: "Uusi viesti",
    hours: "{days} klo {from}–{to}", days_all: "joka päivä",
    phones_title: "Soita meille", phones_number: "Palvelunumero",
    msg_title: "Jätä viesti, niin soitamme sinulle", msg_queue: "Aihe", msg_number: "Puhelinnumerosi",
    msg_number_hint: "Esimerkiksi 040 123 4567 tai +358 40 123 4567.",
    msg_text: "Kerro lyhyesti, mitä asiasi koskee", msg_send: "Lähetä soittopyyntö",
    msg_how: "Miten haluat jatkaa?", msg_how_phone: "Soittakaa minulle", msg_how_chat: "Jatkan chatissa ja odotan vuoroani",
    msg_chat_closed: "Tämä aihe on nyt suljettu, joten chatissa voi jatkaa vasta kun se avautuu.", msg_chat_send: "Aloita chat tällä viestillä",
    msg_why_closed: "Chat on nyt suljettu. Jätä numerosi, niin ammattilainen soittaa sinulle.",
    msg_why_open: "Etkö voi jäädä odottamaan chattiin? Jätä numerosi, niin ammattilainen soittaa sinulle.",
    msg_done: "Soittopyyntösi on tallennettu. Soitamme sinulle {when} mennessä numeroon {number}.",
    msg_done_soon: "Soittopyyntösi on tallennettu. Soitamme sinulle numeroon {number}.",
    msg_err_empty: "Anna puhelinnumero.", msg_err_characters: "Puhelinnumerossa saa olla vain numeroita (ja + alussa).",
    msg_err_prefix: "Aloita numero 0:lla tai maatunnuksella, esimerkiksi +358.", msg_err_too_short: "Numero on liian lyhyt.",
    msg_err_too_long: "Numero on liian pitkä.", msg_err_desc_empty: "Kerro lyhyesti, mitä asiasi koskee.",
    msg_err_desc_too_long: "Kuvaus on liian pitkä (enintään 2000 merkkiä).", msg_err_unknown: "Valitse aihe.",
    msg_err_rate_limited: "Tästä osoitteesta tai numerosta on jätetty jo monta pyyntöä. Yritä myöhemmin uudelleen tai soita meille.",
    fb_question: "Kuinka hyvin sait apua? (1 = huonosti, 5 = erinomaisesti)",
    fb_comment: "Haluatko kertoa lisää? (vapaaehtoinen, nimetön)", fb_send: "Lähetä palaute",
    fb_done: "Kiitos palautteestasi!", fb_err_empty: "Valitse arvosana tai kirjoita kommentti.",
    fb_err_given: "Olet jo antanut palautteen tästä keskustelusta.",
    a11y: "Saavutettavuusseloste", privacy: "Tietosuojaseloste",
  },
  sv: {
    skip: "Hoppa till innehållet", pick_queue: "Välj ämne", who: "Dina uppgifter (frivilligt)",
    anon_hint: "Du kan chatta anonymt. Om du vill att vi ringer dig, ange ditt telefonnummer.",
    name: "Namn", phone: "Telefonnummer", start: "Starta chatten", conversation: "Samtal",
    typing: "Yrkespersonen skriver…", message: "Meddelande", send: "Skicka", leave: "Avsluta samtalet",
    emergency_title: "I brådskande nöd", emergency_112: "I en nödsituation, ring",
    emergency_116: "Brådskande vård, jourhjälpen:",
    open_now: "Chatten är öppen nu.", closed_now: "Chatten är stängd nu.",
    next_open: "Vi öppnar nästa gång {when}.", queue_closed: "Stängd, öppnar {when}", queue_shut: "Stängd",
    wait_est: "Uppskattad väntetid cirka {min} min", wait_none: "Ingen kö",
    wait_soon: "En yrkesperson svarar snart.", position_next: "Du är näst på tur. {wait}",
    wait_unknown: "Väntetiden kan inte uppskattas nu: ingen svarar på det här ämnet just nu.",
    position: "Du är nummer {pos} i kön. {wait}", joined: "{name} har anslutit till samtalet.",
    you: "Du", pro: "Yrkesperson", sending: "skickas…",
    ended_client: "Du avslutade samtalet.", ended_staff: "Yrkespersonen avslutade samtalet.",
    next_client: "Tack för att du tog kontakt! Du kan starta ett nytt samtal när som helst under öppettiderna.",
    next_staff: "Om något blev ofärdigt, starta ett nytt samtal eller ring servicenumret {phone}.",
    reconnecting: "Förbindelsen bröts. Ansluter igen… Dina meddelanden och din text finns kvar.",
    offline: "Vi når inte tjänsten. Kontrollera din nätförbindelse; samtalet fortsätter när förbindelsen är tillbaka.",
    pick_first: "Välj först ett ämne.",
    identify: "Identifiera dig (Suomi.fi) och börja", identify_hint: "När du identifierat dig ser yrkespersonen ditt namn och din personbeteckning. Du kan också chatta anonymt.",
    identify_required: "I detta ämne identifierar du dig med Suomi.fi. Yrkespersonen ser ditt namn och din personbeteckning.",
    identified_badge: "Du har identifierat dig (Suomi.fi).", suomifi_logout: "Logga ut från Suomi.fi-identifieringen",
    logged_out: "Du har loggat ut från Suomi.fi-identifieringen.", identification_failed: "Identifieringen lyckades inte. Försök igen eller chatta anonymt.",
    logout_failed: "Utloggningen lyckades inte. Stäng webbläsaren så avslutas sessionen.",
    err_identification_required: "Identifieringen har gått ut eller saknas. Identifiera dig på nytt.",
    client_left: "Du avslutade samtalet.", new_chat: "Starta ett nytt samtal",
    err_closed_now: "Ämnet är stängt.", err_rate_limited: "Du skickar meddelanden för snabbt. Vänta en stund.",
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
    notify: "Meddela mig med ljud när yrkespersonen svarar", notify_on: "Du får ett meddelande när yrkespersonen svarar.",
    cue_joined: "Yrkespersonen svarade", cue_message: "Nytt meddelande",
    hours: "{days} kl. {from}–{to}", days_all: "varje dag",
    phones_title: "Ring oss", phones_number: "Servicenummer",
    msg_title: "Lämna ett meddelande så ringer vi dig", msg_queue: "Ämne", msg_number: "Ditt telefonnummer",
    msg_number_hint: "Till exempel 040 123 4567 eller +358 40 123 4567.",
    msg_text: "Berätta kort vad ärendet gäller", msg_send: "Skicka begäran om samtal",
    msg_how: "Hur vill du fortsätta?", msg_how_phone: "Ring mig", msg_how_chat: "Jag fortsätter i chatten och väntar på min tur",
    msg_chat_closed: "Det här ämnet är stängt nu, så du kan fortsätta i chatten först när det öppnar.", msg_chat_send: "Starta chatten med det här meddelandet",
    msg_why_closed: "Chatten är stängd nu. Lämna ditt nummer så ringer en yrkesperson upp dig.",
    msg_why_open: "Kan du inte vänta i chatten? Lämna ditt nummer så ringer en yrkesperson upp dig.",
    msg_done: "Din begäran har sparats. Vi ringer dig senast {when} på numret {number}.",
    msg_done_soon: "Din begäran har sparats. Vi ringer dig på numret {number}.",
    msg_err_empty: "Ange ett telefonnummer.", msg_err_characters: "Telefonnumret får bara innehålla siffror (och + i början).",
    msg_err_prefix: "Börja numret med 0 eller en landskod, till exempel +358.", msg_err_too_short: "Numret är för kort.",
    msg_err_too_long: "Numret är för långt.", msg_err_desc_empty: "Berätta kort vad ärendet gäller.",
    msg_err_desc_too_long: "Beskrivningen är för lång (högst 2000 tecken).", msg_err_unknown: "Välj ett ämne.",
    msg_err_rate_limited: "Många begäranden har redan lämnats från den här adressen eller det här numret. Försök senare eller ring oss.",
    fb_question: "Hur väl fick du hjälp? (1 = dåligt, 5 = utmärkt)",
    fb_comment: "Vill du berätta mer? (frivilligt, anonymt)", fb_send: "Skicka respons",
    fb_done: "Tack för din respons!", fb_err_empty: "Välj ett vitsord eller skriv en kommentar.",
    fb_err_given: "Du har redan gett respons om det här samtalet.",
    a11y: "Tillgänglighetsutlåtande", privacy: "Dataskyddsbeskrivning",
  },
  en: {
    skip: "Skip to content", pick_queue: "Choose a topic", who: "About you (optional)",
    anon_hint: "You can stay anonymous. If you would like us to call you, give your phone number.",
    name: "Name", phone: "Phone number", start: "Start chat", conversation: "Conversation",
    typing: "The professional is typing…", message: "Message", send: "Send", leave: "End conversation",
    emergency_title: "In an emergency", emergency_112: "In an emergency, call",
    emergency_116: "Urgent care, on-call advice:",
    open_now: "The chat is open now.", closed_now: "The chat is closed now.",
    next_open: "We open next {when}.", queue_closed: "Closed, opens {when}", queue_shut: "Closed",
    wait_est: "Estimated wait about {min} min", wait_none: "No queue",
    wait_soon: "A professional will answer soon.", position_next: "You are next in the queue. {wait}",
    wait_unknown: "The wait cannot be estimated: no one is answering this topic just now.",
    position: "You are number {pos} in the queue. {wait}", joined: "{name} has joined the conversation.",
    you: "You", pro: "Professional", sending: "sending…",
    ended_client: "You ended the conversation.", ended_staff: "The professional ended the conversation.",
    next_client: "Thank you for contacting us! You can start a new conversation at any time while we are open.",
    next_staff: "If something was left open, start a new conversation or call the service number {phone}.",
    reconnecting: "Connection lost. Reconnecting… Your messages and the text you typed are kept.",
    offline: "We cannot reach the service. Check your connection; the conversation continues when it is back.",
    pick_first: "Please choose a topic first.",
    identify: "Identify (Suomi.fi) and start", identify_hint: "Once you identify, the professional sees your name and personal identity code. You can also stay anonymous.",
    identify_required: "This topic needs a Suomi.fi identification. The professional sees your name and personal identity code.",
    identified_badge: "You have identified yourself (Suomi.fi).", suomifi_logout: "Log out of Suomi.fi identification",
    logged_out: "You have logged out of Suomi.fi identification.", identification_failed: "The identification did not go through. Try again, or stay anonymous.",
    logout_failed: "The logout did not go through. Close the browser to end the session.",
    err_identification_required: "The identification has expired or is missing. Please identify again.",
    client_left: "You ended the conversation.", new_chat: "Start a new conversation",
    err_closed_now: "The topic is closed.", err_rate_limited: "You are sending messages too fast. Please wait a moment.",
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
    notify: "Tell me with a sound when the professional answers", notify_on: "You will be told when the professional answers.",
    cue_joined: "The professional answered", cue_message: "New message",
    hours: "{days} {from}–{to}", days_all: "every day",
    phones_title: "Call us", phones_number: "Service number",
    msg_title: "Leave a message and we will call you", msg_queue: "Topic", msg_number: "Your phone number",
    msg_number_hint: "For example 040 123 4567 or +358 40 123 4567.",
    msg_text: "Tell us briefly what it is about", msg_send: "Send the callback request",
    msg_how: "How would you like to continue?", msg_how_phone: "Call me", msg_how_chat: "I will continue in the chat and wait for my turn",
    msg_chat_closed: "This topic is closed now, so the chat can continue only when it opens.", msg_chat_send: "Start the chat with this message",
    msg_why_closed: "The chat is closed now. Leave your number and a professional will call you.",
    msg_why_open: "Can't wait in the chat? Leave your number and a professional will call you.",
    msg_done: "Your request is saved. We will call you by {when} at {number}.",
    msg_done_soon: "Your request is saved. We will call you at {number}.",
    msg_err_empty: "Please give a phone number.", msg_err_characters: "A phone number can only have digits (and + at the start).",
    msg_err_prefix: "Start the number with 0 or a country code, for example +358.", msg_err_too_short: "The number is too short.",
    msg_err_too_long: "The number is too long.", msg_err_desc_empty: "Tell us briefly what it is about.",
    msg_err_desc_too_long: "The description is too long (at most 2000 characters).", msg_err_unknown: "Please choose a topic.",
    msg_err_rate_limited: "Many requests have already been left from this address or number. Try later or call us.",
    fb_question: "How well were you helped? (1 = poorly, 5 = very well)",
    fb_comment: "Anything you would like to add? (optional, anonymous)", fb_send: "Send feedback",
    fb_done: "Thank you for your feedback!", fb_err_empty: "Choose a score or write a comment.",
    fb_err_given: "You have already given feedback on this conversation.",
    a11y: "Accessibility statement", privacy: "Privacy notice",
  },
};

const $ = (id) => document.getElementById(id);
const LANGS = ["fi", "sv", "en"];
const LOCALES = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };
let lang = pickLang();
let page = null; // /api/page: the organisation, its topics and phone lines
let ws = null;
let backoff = 500;
let failures = 0;
// Persisted per tab: survives a reload and a dropped connection, not a closed tab.
let state = JSON.parse(sessionStorage.getItem(STORE_KEY) || "null");
// Pictures this page sent, by line seq: shown from memory (the server never sends a
// picture back to a client socket).
const previews = new Map();
// The list items on screen, by key ("s:<seq>" or "p:<client_msg_id>"): lines are only
// ever appended, so a screen reader announces each new line once.
const shown = new Map();
const MAX_PICTURE_BYTES = 8 * 1024 * 1024;
let unseen = 0;
let audio = null;

// ?lang= first, then the choice made on this device, then the browser's languages.
function pickLang() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (LANGS.includes(asked)) { localStorage.setItem("luukku.lang", asked); return asked; }
  const kept = localStorage.getItem("luukku.lang");
  if (LANGS.includes(kept)) return kept;
  for (const l of navigator.languages || [navigator.language || ""]) {
    const code = String(l).slice(0, 2).toLowerCase();
    if (LANGS.includes(code)) return code;
  }
  return "fi";
}

function t(key, vars = {}) {
  let s = (TEXT[lang] && TEXT[lang][key]) || TEXT.fi[key] || key;
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, v);
  return s;
}
function local(texts) { return texts ? texts[lang] || texts.fi : ""; }
function save() { sessionStorage.setItem(STORE_KEY, JSON.stringify(state)); }
function fmtWhen(iso) {
  return new Date(iso).toLocaleString(LOCALES[lang], {
    weekday: "long", day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit",
    timeZone: "Europe/Helsinki",
  });
}
function fmtWait(s) {
  if (s === null || s === undefined) return t("wait_unknown");
  if (s < 30) return t("wait_none");
  return t("wait_est", { min: Math.max(1, Math.round(s / 60)) });
}
function fmtHours(h) {
  const days = h.days.slice().sort();
  const name = (d) => new Date(Date.UTC(2024, 0, d)).toLocaleDateString(LOCALES[lang], { weekday: "short", timeZone: "UTC" });
  let text;
  if (days.length === 7) text = t("days_all");
  else if (days.length > 2 && days[days.length - 1] - days[0] === days.length - 1) text = name(days[0]) + "–" + name(days[days.length - 1]);
  else text = days.map(name).join(", ");
  const [from, to] = h.window.split("-");
  return t("hours", { days: text, from, to });
}

function applyLang() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const b of document.querySelectorAll("[data-lang]")) b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
  $("a11y-link").href = "/accessibility?lang=" + lang;
  renderPage();
  if (state) { for (const line of state.lines) refreshLine(line); renderState(); }
  setTitle();
}

function setTitle() {
  const base = page ? local(page.title) : document.title;
  document.title = unseen ? `(${unseen}) ${state && state.staff_name ? t("cue_joined") : t("cue_message")} – ${base}` : base;
}

async function loadPage() {
  try {
    const res = await fetch("/api/page");
    page = await res.json();
  } catch (e) {
    return;
  }
  renderPage();
}

function renderPage() {
  if (!page) return;
  $("org").textContent = local(page.organisation);
  $("logo").hidden = !page.logo;
  $("logo").alt = "";
  $("title").textContent = local(page.title);
  $("intro").textContent = local(page.intro);
  $("intro").hidden = !page.intro;
  $("privacy-link").href = page.privacy_url;
  $("n112").textContent = page.emergency.number;
  $("n112").href = "tel:" + page.emergency.number.replace(/\s/g, "");
  $("n116").textContent = page.emergency.on_call_advice;
  $("n116").href = "tel:" + page.emergency.on_call_advice.replace(/\s/g, "");
  setTitle();
  renderPhones();
  if (!state) { renderTopics(); renderMessageForm(); }
}

function renderPhones() {
  const lines = page.phone_lines;
  $("phones").hidden = lines.length === 0;
  $("service-number").textContent = page.phone_number;
  $("service-number").href = "tel:" + page.phone_number.replace(/[\s-]/g, "");
  const ul = $("phone-lines");
  ul.replaceChildren();
  for (const line of lines) {
    const li = document.createElement("li");
    li.textContent = local(line.names);
    const meta = Object.assign(document.createElement("span"), { className: "meta" });
    meta.textContent = fmtHours(line.hours);
    li.append(meta);
    ul.append(li);
  }
}

function renderTopics() {
  const box = $("queues");
  const checked = (document.querySelector("input[name=queue]:checked") || {}).value;
  box.replaceChildren();
  for (const q of page.topics) {
    const label = document.createElement("label");
    const input = Object.assign(document.createElement("input"), { type: "radio", name: "queue", value: q.id });
    input.disabled = !q.open_now;
    input.checked = q.id === checked && q.open_now;
    const name = document.createElement("span");
    name.textContent = local(q.names);
    const hours = Object.assign(document.createElement("span"), { className: "meta" });
    hours.textContent = fmtHours(q.hours);
    const meta = Object.assign(document.createElement("span"), { className: "meta" });
    if (q.open_now) {
      meta.textContent = fmtWait(q.estimated_wait_s);
      if (q.estimated_wait_s === null) meta.classList.add("unknown");
    } else {
      meta.textContent = q.next_opening ? t("queue_closed", { when: fmtWhen(q.next_opening) }) : t("queue_shut");
    }
    name.append(meta, hours);
    if (!q.open_now) label.classList.add("disabled");
    label.append(input, name);
    box.append(label);
  }
  for (const input of box.querySelectorAll("input[name=queue]")) input.addEventListener("change", updateIdentify);
  updateIdentify();
  const anyOpen = page.topics.some((q) => q.open_now);
  // Nothing to start while every topic is closed: keep the hours, hide the rest.
  $("who").hidden = !anyOpen;
  $("start-button").disabled = !anyOpen;
  $("start").hidden = false;
  const status = $("status");
  const p = document.createElement("p");
  p.className = anyOpen ? "open" : "closed";
  p.textContent = anyOpen ? t("open_now") : t("closed_now");
  if (!anyOpen) {
    const next = page.topics.map((q) => q.next_opening).filter(Boolean).sort()[0];
    if (next) p.textContent += " " + t("next_open", { when: fmtWhen(next) });
  }
  status.replaceChildren(p);
}

// Suomi.fi: offered where the chosen topic allows it; required topics start only so.
function chosenTopic() {
  const q = document.querySelector("input[name=queue]:checked");
  return q ? page.topics.find((t) => t.id === q.value) : null;
}
function updateIdentify() {
  const topic = chosenTopic();
  const rule = topic ? topic.identification || "off" : "off";
  $("identify").hidden = rule === "off";
  $("identify-hint").textContent = rule === "required" ? t("identify_required") : t("identify_hint");
  $("start-button").hidden = rule === "required";
  $("who").hidden = rule === "required" || !page.topics.some((q) => q.open_now);
}
function identify() {
  const topic = chosenTopic();
  if (!topic) { $("form-error").textContent = t("pick_first"); return; }
  location.assign("/saml/login?" + new URLSearchParams({ queue: topic.id, lang }));
}

function renderMessageForm() {
  const offered = page.topics.filter((q) => q.message);
  $("message").hidden = offered.length === 0;
  const select = $("msg-queue");
  const was = select.value;
  select.replaceChildren();
  for (const q of offered) {
    const o = Object.assign(document.createElement("option"), { value: q.id });
    o.textContent = local(q.names);
    select.append(o);
  }
  if (offered.some((q) => q.id === was)) select.value = was;
  updateHow();
}

// "Continue in chat" is the chat itself (the description as the first line): only for a
// topic open now; a closed topic leaves the callback.
function updateHow() {
  const topic = page.topics.find((q) => q.id === $("msg-queue").value);
  const open = !!(topic && topic.open_now);
  // Closed, or open and she would rather not wait: the card says which it is.
  $("msg-why").textContent = t(open ? "msg_why_open" : "msg_why_closed");
  $("how-chat").disabled = !open;
  if (!open) document.querySelector("input[name=how][value=phone]").checked = true;
  $("how-chat-hint").textContent = open ? "" : t("msg_chat_closed");
  $("how-chat-hint").hidden = open;
  const chat = document.querySelector("input[name=how]:checked").value === "chat";
  $("msg-phone").hidden = chat;
  $("msg-send").textContent = chat ? t("msg_chat_send") : t("msg_send");
}

let firstLine = null; // the description a client continuing in chat starts with

async function sendMessage() {
  if (document.querySelector("input[name=how]:checked").value === "chat") {
    const text = $("msg-text").value.trim();
    if (!text) { $("msg-text-error").textContent = t("msg_err_desc_empty"); $("msg-text").setAttribute("aria-invalid", "true"); $("msg-text").focus(); return; }
    firstLine = text;
    connect({ type: "start", queue: $("msg-queue").value, lang });
    return;
  }
  for (const id of ["msg-number-error", "msg-text-error", "msg-error", "msg-done"]) $(id).textContent = "";
  $("msg-number").removeAttribute("aria-invalid");
  $("msg-text").removeAttribute("aria-invalid");
  const body = { queue: $("msg-queue").value, number: $("msg-number").value, description: $("msg-text").value, lang };
  $("msg-send").disabled = true;
  try {
    const res = await fetch("/api/message", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const data = await res.json();
    if (res.status === 201) {
      const number = body.number.trim();
      $("msg-done").textContent = data.due_at ? t("msg_done", { when: fmtWhen(data.due_at), number }) : t("msg_done_soon", { number });
      $("msg-number").value = ""; $("msg-text").value = "";
      return;
    }
    if (data.error === "invalid") {
      const f = data.fields || {};
      if (f.number) { $("msg-number-error").textContent = t("msg_err_" + f.number); $("msg-number").setAttribute("aria-invalid", "true"); }
      if (f.description) { $("msg-text-error").textContent = t("msg_err_desc_" + f.description); $("msg-text").setAttribute("aria-invalid", "true"); }
      // Said once, by the field (focused, its error in its description), not again below.
      if (f.queue) $("msg-error").textContent = t("msg_err_unknown");
      (f.number ? $("msg-number") : $("msg-text")).focus();
    } else if (data.error === "rate_limited") {
      $("msg-error").textContent = t("msg_err_rate_limited");
    } else {
      $("msg-error").textContent = t("err_generic");
    }
  } catch (e) {
    $("msg-error").textContent = t("err_generic");
  } finally {
    $("msg-send").disabled = false;
  }
}

function showChat() {
  $("start").hidden = true;
  $("message").hidden = true;
  $("chat").hidden = false;
  $("status").replaceChildren();
  if (state.draft && !$("text").value) $("text").value = state.draft;
  for (const line of allLines()) appendLine(line);
  renderState();
}

function allLines() {
  return [...state.lines, ...state.pending.map((p) => ({ ...p, author: "client", pending: true }))];
}
function keyOf(line) { return line.pending ? "p:" + line.client_msg_id : "s:" + line.seq; }

// Appends the line if it is not on screen yet; never re-renders the list.
function appendLine(line) {
  const key = keyOf(line);
  if (shown.has(key)) return;
  const li = document.createElement("li");
  fillLine(li, line);
  shown.set(key, li);
  // Kept in order: a line acknowledged late stays where it was typed.
  $("lines").append(li);
  $("log").scrollTop = $("log").scrollHeight;
}

// The text of a line already on screen (after a language change): in place.
function refreshLine(line) {
  const li = shown.get(keyOf(line));
  if (li) fillLine(li, line);
}

function fillLine(li, line) {
  li.className = line.author + (line.pending ? " pending" : "");
  li.replaceChildren();
  if (line.author === "system") {
    li.textContent = systemText(line.text);
    if (line.text === "picture_requested") li.classList.add("request");
    return;
  }
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = line.author === "client" ? t("you") + (line.pending ? " · " + t("sending") : "")
                                             : line.author_name || t("pro");
  li.append(who);
  if (line.kind === "picture") {
    const url = previews.get(line.seq);
    if (url) li.append(Object.assign(document.createElement("img"), { src: url, alt: t("picture_sent"), className: "picture" }));
    else li.append(document.createTextNode("📷 " + t("picture_sent")));
  } else if (line.kind === "video" && /^https:\/\//.test(line.text)) {
    const a = Object.assign(document.createElement("a"), { href: line.text, target: "_blank", rel: "noopener noreferrer", className: "video" });
    a.textContent = t("video");
    li.append(document.createTextNode(t("video_intro") + " "), a);
  } else {
    li.append(document.createTextNode(line.text));
  }
}

function renderState() {
  const cs = $("chat-state");
  const next = $("chat-next");
  const last = state.lines[state.lines.length - 1];
  let text = "", hint = "";
  if (state.closed) {
    text = state.ended_by === "client" ? t("ended_client") : t("ended_staff");
    hint = state.ended_by === "client" ? t("next_client") : t("next_staff", { phone: page ? page.phone_number : "" });
  } else if (state.link === "lost") {
    text = failures >= 3 ? t("offline") : t("reconnecting");
  } else if (!state.staff_name && last && last.text === "transferred" && last.author === "system") {
    text = t("transferred");
  } else if (state.staff_name) {
    text = t("joined", { name: state.staff_name });
  } else if (state.position) {
    // "Number 1 … no queue" read as a contradiction: the first is told she is next.
    const wait = state.wait !== null && state.wait !== undefined && state.wait < 30 ? t("wait_soon") : fmtWait(state.wait);
    text = state.position === 1 ? t("position_next", { wait }) : t("position", { pos: state.position, wait });
  }
  if (cs.textContent !== text) cs.textContent = text;
  next.textContent = hint;
  next.hidden = !hint;
  $("composer").hidden = !!state.closed;
  $("ended").hidden = !state.closed;
  $("typing").hidden = state.closed || !state.typing;
  const waiting = !state.closed && !state.staff_name;
  $("notify").hidden = !waiting;
  $("notify").setAttribute("aria-pressed", String(!!state.notify));
  $("feedback").hidden = !(state.closed && page && page.feedback && !state.feedback_done);
  $("fb-done").textContent = state.feedback_done ? t("fb_done") : "";
  $("identified").hidden = !state.identified;
  $("suomifi-logout").hidden = !(state.closed && state.logout);
}

function buildScores() {
  for (let n = 1; n <= 5; n++) {
    const label = document.createElement("label");
    const input = Object.assign(document.createElement("input"), { type: "radio", name: "score", value: String(n) });
    label.append(input, document.createTextNode(String(n)));
    $("scores").append(label);
  }
}

// A cue for a client who looks elsewhere: the tab's title, and (if she asked for it) a
// short sound and a notification. Nothing while the page is in front of her.
function cue(kind) {
  if (!document.hidden) return;
  unseen += 1;
  setTitle();
  if (!state.notify) return;
  try {
    if (audio) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      gain.gain.value = 0.15;
      osc.frequency.value = 660;
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.25);
    }
  } catch (e) { /* no sound on this device */ }
  if ("Notification" in window && Notification.permission === "granted") {
    new Notification(local(page && page.title) || document.title, { body: kind === "joined" ? t("cue_joined") : t("cue_message"), tag: "luukku" });
  }
}
document.addEventListener("visibilitychange", () => {
  if (!document.hidden && unseen) { unseen = 0; setTitle(); }
});

async function askNotify() {
  state.notify = !state.notify;
  if (state.notify) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      await audio.resume();
    } catch (e) { audio = null; }
    if ("Notification" in window && Notification.permission === "default") {
      try { await Notification.requestPermission(); } catch (e) { /* the sound still plays */ }
    }
  }
  save(); renderState();
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
    const line = state.lines.find((l) => l.seq === data.seq);
    if (line) refreshLine(line);
  } catch (e) {
    err.textContent = t("err_generic");
  } finally {
    $("picture-status").textContent = "";
    $("picture-input").value = "";
  }
}

async function sendFeedback() {
  $("fb-error").textContent = "";
  const picked = document.querySelector("input[name=score]:checked");
  const comment = $("fb-comment").value.trim();
  const body = { score: picked ? Number(picked.value) : null, comment: comment || null };
  if (body.score === null && !body.comment) { $("fb-error").textContent = t("fb_err_empty"); return; }
  try {
    const res = await fetch("/api/feedback", {
      method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-Luukku-Conversation": state.conversation_id, "X-Luukku-Token": state.token },
    });
    const data = await res.json();
    if (res.status === 201 || data.error === "given") {
      state.feedback_done = true; save(); renderState();
      if (data.error === "given") $("fb-done").textContent = t("fb_err_given");
      return;
    }
    $("fb-error").textContent = data.error === "empty" ? t("fb_err_empty") : t("err_generic");
  } catch (e) {
    $("fb-error").textContent = t("err_generic");
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
    failures += 1;
    state.link = "lost";
    renderState();
    setTimeout(() => connect(null), backoff);
    backoff = Math.min(backoff * 2, 10000);
  };
}

function addLine(line) {
  if (line.seq <= state.last_seq) return false;
  state.lines.push(line);
  state.last_seq = line.seq;
  return true;
}

function handle(f) {
  switch (f.type) {
    case "started":
      state = { conversation_id: f.conversation_id, token: f.token, last_seq: 0, lines: [], pending: [],
                position: f.position, wait: f.estimated_wait_s, staff_name: null, closed: false,
                ended_by: null, notify: false, draft: "", logout: f.logout || null, identified: !!f.identified };
      save(); showChat(); $("text").focus();
      if (firstLine) { $("text").value = firstLine; firstLine = null; $("composer").requestSubmit(); }
      break;
    case "resumed":
      failures = 0; state.link = null;
      for (const line of f.missed) if (addLine(line)) appendLine(line);
      if (f.state === "closed") state.closed = true;
      state.position = f.position;
      if (f.staff_name) state.staff_name = f.staff_name;
      // Whatever was sent but not acknowledged goes again; the server drops duplicates.
      for (const p of state.pending) send({ type: "message", client_msg_id: p.client_msg_id, text: p.text });
      save(); renderState();
      break;
    case "ack": {
      const i = state.pending.findIndex((p) => p.client_msg_id === f.client_msg_id);
      if (i >= 0) {
        const [p] = state.pending.splice(i, 1);
        const line = { seq: f.seq, author: "client", author_name: null, text: p.text, at: f.at };
        if (addLine(line)) {
          // The pending item becomes the line: the same element, no second announcement.
          const li = shown.get("p:" + p.client_msg_id);
          shown.delete("p:" + p.client_msg_id);
          if (li) { shown.set("s:" + f.seq, li); fillLine(li, line); } else appendLine(line);
        }
        state.lines.sort((a, b) => a.seq - b.seq);
      }
      save();
      break;
    }
    case "message":
      if (addLine(f.line)) {
        appendLine(f.line);
        if (f.line.author === "staff") cue("message");
      }
      if (f.line.author === "system" && f.line.text === "transferred") state.staff_name = null;
      if (f.line.author === "system" && f.line.text === "client_left") { state.closed = true; state.ended_by = "client"; }
      save(); renderState();
      break;
    case "typing":
      state.typing = f.typing; renderState();
      break;
    case "queue":
      state.position = f.position; state.wait = f.estimated_wait_s; save(); renderState();
      break;
    case "joined":
      state.staff_name = f.staff_name; state.position = null; save(); renderState();
      cue("joined");
      break;
    case "closed":
      state.closed = true;
      if (!state.ended_by) state.ended_by = f.by === "client" ? "client" : "staff";
      save(); renderState();
      if (ws) ws.close();
      break;
    case "error":
      showError(f);
      break;
  }
}

// An optional contact number at the chat's start (protocol ClientStart.phone).
function phoneProblem(phone) {
  if (!phone) return null;
  if (!/^\+?[0-9 ()-]+$/.test(phone)) return "characters";
  const digits = phone.replace(/[^0-9]/g, "").length;
  if (digits < 3) return "too_short";
  if (phone.length > 31) return "too_long";
  return null;
}

function showError(f) {
  const key = "err_" + f.code;
  let msg = TEXT.fi[key] ? t(key) : t("err_generic");
  if (f.code === "closed_now" && f.next_opening) msg += " " + t("next_open", { when: fmtWhen(f.next_opening) });
  if (!state) {
    $("form-error").textContent = msg;
    if (ws) ws.close();
    ws = null;
    loadPage();
  } else {
    if (f.code === "not_found" && !f.ref) { sessionStorage.removeItem(STORE_KEY); state = null; location.reload(); return; }
    $("chat-state").textContent = msg;
  }
}

let typingTimer = null;
function onInput() {
  state.draft = $("text").value; save();
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
  $("phone-error").textContent = "";
  $("phone").removeAttribute("aria-invalid");
  const wrong = phoneProblem(phone);
  if (wrong) {
    // The same rule as the server's: the field is marked once, before anything is sent.
    $("phone-error").textContent = t("msg_err_" + wrong);
    $("phone").setAttribute("aria-invalid", "true");
    $("phone").focus();
    return;
  }
  if (name) frame.name = name;
  if (phone) frame.phone = phone;
  connect(frame);
});
$("message").addEventListener("submit", (ev) => { ev.preventDefault(); sendMessage(); });
$("msg-queue").addEventListener("change", updateHow);
for (const r of document.querySelectorAll("input[name=how]")) r.addEventListener("change", updateHow);
$("feedback").addEventListener("submit", (ev) => { ev.preventDefault(); sendFeedback(); });
$("composer").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = $("text").value.trim();
  if (!text || state.closed) return;
  const id = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/[^A-Za-z0-9-]/g, "");
  state.pending.push({ client_msg_id: id, text });
  state.draft = "";
  save();
  send({ type: "message", client_msg_id: id, text });
  $("text").value = "";
  clearTimeout(typingTimer); typingTimer = null;
  send({ type: "typing", typing: false });
  appendLine({ client_msg_id: id, text, author: "client", pending: true });
});
$("text").addEventListener("input", onInput);
$("picture-button").addEventListener("click", () => $("picture-input").click());
$("picture-input").addEventListener("change", (ev) => sendPicture(ev.target.files[0]));
$("text").addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); $("composer").requestSubmit(); }
});
$("leave").addEventListener("click", () => {
  if (!confirm(t("confirm_leave"))) return;
  send({ type: "leave" });
  state.closed = true; state.ended_by = "client"; state.draft = "";
  save(); renderState();
  $("again").focus();
});
$("again").addEventListener("click", () => {
  sessionStorage.removeItem(STORE_KEY);
  location.replace(location.pathname + "?lang=" + lang);
});
$("notify").addEventListener("click", askNotify);
$("identify-button").addEventListener("click", identify);
$("suomifi-logout").addEventListener("click", () => {
  const ticket = state && state.logout;
  sessionStorage.removeItem(STORE_KEY);
  location.assign("/saml/logout?" + new URLSearchParams({ t: ticket || "", lang }));
});
for (const b of document.querySelectorAll("[data-lang]")) {
  b.addEventListener("click", () => { lang = b.dataset.lang; localStorage.setItem("luukku.lang", lang); applyLang(); });
}

// Back from Suomi.fi: the fragment holds a one-time ticket (never sent to a server by the
// browser) or what happened; it is taken out of the address at once.
const back = new URLSearchParams(location.hash.slice(1));
if (location.hash) history.replaceState(null, "", location.pathname + location.search);
let notice = null;
if (back.has("identified") && !state) {
  connect({ type: "start", queue: back.get("queue"), lang, identity: back.get("identified") });
} else if (back.has("logged_out")) notice = "logged_out";
else if (back.has("identification_failed")) notice = "identification_failed";
else if (back.has("logout_failed")) notice = "logout_failed";

buildScores();
applyLang();
if (notice) $("notice").textContent = t(notice);
loadPage().then(() => { if (state) renderState(); });
if (state) { showChat(); if (!state.closed) connect(null); }
else { setInterval(() => { if (!state) loadPage(); }, 15000); }
