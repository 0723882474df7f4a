<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_FI">
<context>
    <name>AttentionBar</name>
    <message>
        <location filename="../attention.py" line="52"/>
        <source>An offer went unanswered, so you were set Not ready. The client waits at the head of the queue.</source>
        <translation>Ett erbjudande blev obesvarat, så du är nu Inte redo. Klienten väntar först i kön.</translation>
    </message>
    <message>
        <location filename="../attention.py" line="55"/>
        <source>Ready again (F9)</source>
        <translation>Redo igen (F9)</translation>
    </message>
    <message>
        <location filename="../attention.py" line="58"/>
        <source>Wrap-up: no new contacts until you are Ready.</source>
        <translation>Efterarbete: inga nya kontakter förrän du är Redo.</translation>
    </message>
    <message>
        <location filename="../attention.py" line="60"/>
        <source>Wrap-up: you are Ready again in %1.</source>
        <translation>Efterarbete: du är Redo igen om %1.</translation>
    </message>
    <message>
        <location filename="../attention.py" line="63"/>
        <source>Ready now (F9)</source>
        <translation>Redo nu (F9)</translation>
    </message>
    <message>
        <location filename="../attention.py" line="66"/>
        <source>%1 is congested: %2 waiting, and you are not Ready.</source>
        <translation>%1 har rusning: %2 väntar, och du är inte Redo.</translation>
    </message>
    <message>
        <location filename="../attention.py" line="70"/>
        <source>Ready (F9)</source>
        <translation>Redo (F9)</translation>
    </message>
</context>
<context>
    <name>AudioDialog</name>
    <message>
        <location filename="../phone.py" line="544"/>
        <source>Audio devices</source>
        <translation>Ljudenheter</translation>
    </message>
    <message>
        <location filename="../phone.py" line="552"/>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <location filename="../phone.py" line="553"/>
        <source>Speaker / headset</source>
        <translation>Högtalare / headset</translation>
    </message>
    <message>
        <location filename="../phone.py" line="554"/>
        <source>Ringer</source>
        <translation>Ringsignal</translation>
    </message>
    <message>
        <location filename="../phone.py" line="564"/>
        <source>System default</source>
        <translation>Systemets standard</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../callbacks.py" line="351"/>
        <source>Callback request</source>
        <translation>Begäran om återuppringning</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="364"/>
        <source>Urgent</source>
        <translation>Brådskande</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="367"/>
        <source>Colleague&apos;s username (optional)</source>
        <translation>Kollegans användarnamn (valfritt)</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="374"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="375"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="376"/>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="380"/>
        <source>– (the queue&apos;s staff)</source>
        <translation>– (köns personal)</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="383"/>
        <source>For a named colleague</source>
        <translation>Till en namngiven kollega</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="384"/>
        <source>For the client&apos;s own clinic</source>
        <translation>Till klientens egen rådgivning</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="404"/>
        <source>Check the phone number.</source>
        <translation>Kontrollera telefonnumret.</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="405"/>
        <source>Write what the callback is about (at most 2,000 characters).</source>
        <translation>Skriv vad återuppringningen gäller (högst 2 000 tecken).</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="406"/>
        <source>Check the colleague&apos;s username.</source>
        <translation>Kontrollera kollegans användarnamn.</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="408"/>
        <source>Check the fields.</source>
        <translation>Kontrollera fälten.</translation>
    </message>
</context>
<context>
    <name>CallbackOfferBanner</name>
    <message>
        <location filename="../callbacks.py" line="81"/>
        <source>Take and call</source>
        <translation>Ta och ring</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="83"/>
        <source>Not now</source>
        <translation>Inte nu</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="102"/>
        <source>Callback waiting: %1 · %2 · due %3</source>
        <translation>Återuppringning väntar: %1 · %2 · senast %3</translation>
    </message>
</context>
<context>
    <name>Callbacks</name>
    <message>
        <location filename="../callbacks.py" line="40"/>
        <source>No answer</source>
        <translation>Inget svar</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="41"/>
        <source>Busy</source>
        <translation>Upptaget</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="42"/>
        <source>Wrong number</source>
        <translation>Fel nummer</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="43"/>
        <source>Done</source>
        <translation>Klart</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="49"/>
        <source>needs a decision</source>
        <translation>kräver beslut</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="51"/>
        <source>overdue</source>
        <translation>försenad</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="52"/>
        <source>open</source>
        <translation>öppen</translation>
    </message>
</context>
<context>
    <name>CallbacksView</name>
    <message>
        <location filename="../callbacks.py" line="181"/>
        <source>My queues</source>
        <translation>Mina köer</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="182"/>
        <source>Named for me</source>
        <translation>Namngivna för mig</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="183"/>
        <source>My clinic</source>
        <translation>Min rådgivning</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="184"/>
        <source>Overdue or flagged</source>
        <translation>Försenade eller flaggade</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="186"/>
        <source>New callback request…</source>
        <translation>Ny begäran om återuppringning…</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="188"/>
        <source>Show:</source>
        <translation>Visa:</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="191"/>
        <source>Figures…</source>
        <translation>Siffror…</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="201"/>
        <source>Due</source>
        <translation>Senast</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="202"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="203"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="204"/>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="205"/>
        <source>Attempts</source>
        <translation>Försök</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="206"/>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="221"/>
        <source>Call back</source>
        <translation>Ring tillbaka</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="227"/>
        <source>Note (no health details)</source>
        <translation>Anteckning (inga hälsouppgifter)</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="258"/>
        <source>urgent</source>
        <translation>brådskande</translation>
    </message>
</context>
<context>
    <name>ChatTransferDialog</name>
    <message>
        <location filename="../collab.py" line="41"/>
        <source>Transfer the conversation</source>
        <translation>Flytta samtalet</translation>
    </message>
    <message>
        <location filename="../collab.py" line="55"/>
        <source>What the receiver should know first (the client does not see this)</source>
        <translation>Vad mottagaren ska veta först (klienten ser inte detta)</translation>
    </message>
    <message>
        <location filename="../collab.py" line="61"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../collab.py" line="62"/>
        <source>Colleague</source>
        <translation>Kollega</translation>
    </message>
    <message>
        <location filename="../collab.py" line="63"/>
        <source>Note</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <location filename="../collab.py" line="68"/>
        <source>Transfer</source>
        <translation>Flytta</translation>
    </message>
    <message>
        <location filename="../collab.py" line="83"/>
        <source>Anyone Ready in the queue</source>
        <translation>Vem som helst som är redo i kön</translation>
    </message>
    <message>
        <location filename="../collab.py" line="103"/>
        <source>Free now: %1</source>
        <translation>Lediga nu: %1</translation>
    </message>
    <message>
        <location filename="../collab.py" line="107"/>
        <source>Can take a chat now.</source>
        <translation>Kan ta en chatt nu.</translation>
    </message>
    <message>
        <location filename="../collab.py" line="109"/>
        <source>Cannot take a chat now (not Ready, or full).</source>
        <translation>Kan inte ta en chatt nu (inte redo eller full).</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../conversation.py" line="364"/>
        <location filename="../conversation.py" line="387"/>
        <source>Close conversation</source>
        <translation>Avsluta samtalet</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="366"/>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="378"/>
        <source>Wrap-up (short, no more health details than needed)</source>
        <translation>Sammanfattning (kort, inga fler hälsouppgifter än nödvändigt)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="387"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="389"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../conversation.py" line="63"/>
        <source>Call back</source>
        <translation>Ring tillbaka</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="67"/>
        <source>Callback request…</source>
        <translation>Återuppringning…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="94"/>
        <source>Internal note (staff only, the client never sees it)</source>
        <translation>Intern anteckning (bara personalen, klienten ser den aldrig)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="97"/>
        <source>Add note</source>
        <translation>Lägg till anteckning</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="102"/>
        <source>Work together</source>
        <translation>Samarbete</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="106"/>
        <source>Transfer…</source>
        <translation>Flytta…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="108"/>
        <source>Invite a colleague…</source>
        <translation>Bjud in en kollega…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="110"/>
        <source>Ask for a picture</source>
        <translation>Be om en bild</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="112"/>
        <source>Move to video (send a meeting link)</source>
        <translation>Gå över till video (skicka en möteslänk)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="114"/>
        <source>Leave the consultation</source>
        <translation>Lämna konsultationen</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="117"/>
        <source>The client is typing…</source>
        <translation>Klienten skriver…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="121"/>
        <source>The client has left. Close the conversation with an outcome.</source>
        <translation>Klienten har lämnat. Avsluta samtalet och ange resultat.</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="127"/>
        <source>Write a reply (Enter sends, Shift+Enter new line)</source>
        <translation>Skriv ett svar (Enter skickar, Skift+Enter ny rad)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="130"/>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="132"/>
        <source>Close conversation…</source>
        <translation>Avsluta samtalet…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="136"/>
        <source>Insert a quick reply from the handbook</source>
        <translation>Infoga ett snabbsvar från handboken</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="140"/>
        <source>Instructions</source>
        <translation>Anvisningar</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="166"/>
        <source>Internal notes (staff only)</source>
        <translation>Interna anteckningar (bara personalen)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="202"/>
        <source>Open the picture</source>
        <translation>Öppna bilden</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="205"/>
        <source>Video meeting link sent:</source>
        <translation>Länk till videomöte skickad:</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="230"/>
        <source>Responsible: %1</source>
        <translation>Ansvarig: %1</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="233"/>
        <source>Consultants: %1</source>
        <translation>Konsulter: %1</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="235"/>
        <source>You are a consultant here.</source>
        <translation>Du är konsult här.</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="242"/>
        <source>Transferred by %1: %2</source>
        <translation>Flyttad av %1: %2</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="279"/>
        <source>Sending…</source>
        <translation>Skickas…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="334"/>
        <source>Quick reply…</source>
        <translation>Snabbsvar…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../diagnostics.py" line="39"/>
        <source>About Luukku / diagnostics</source>
        <translation>Om Luukku / diagnostik</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="46"/>
        <source>This report holds no client data and no passwords. IT support may ask you to copy it.</source>
        <translation>Rapporten innehåller inga klientuppgifter och inga lösenord. IT-stödet kan be dig kopiera den.</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="56"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="57"/>
        <source>Copy report</source>
        <translation>Kopiera rapporten</translation>
    </message>
</context>
<context>
    <name>EditorDialog</name>
    <message>
        <location filename="../guides.py" line="358"/>
        <source>Edit handbook page</source>
        <translation>Redigera handbokssidan</translation>
    </message>
    <message>
        <location filename="../guides.py" line="358"/>
        <source>New handbook page</source>
        <translation>Ny handbokssida</translation>
    </message>
    <message>
        <location filename="../guides.py" line="369"/>
        <source>Page</source>
        <translation>Sida</translation>
    </message>
    <message>
        <location filename="../guides.py" line="370"/>
        <source>Quick reply</source>
        <translation>Snabbsvar</translation>
    </message>
    <message>
        <location filename="../guides.py" line="374"/>
        <source>Any language</source>
        <translation>Vilket språk som helst</translation>
    </message>
    <message>
        <location filename="../guides.py" line="385"/>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location filename="../guides.py" line="386"/>
        <source>Id (in links)</source>
        <translation>Id (i länkar)</translation>
    </message>
    <message>
        <location filename="../guides.py" line="387"/>
        <source>Area</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <location filename="../guides.py" line="388"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../guides.py" line="389"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../guides.py" line="390"/>
        <source>Shown with queues</source>
        <translation>Visas i köerna</translation>
    </message>
    <message>
        <location filename="../guides.py" line="399"/>
        <source>What changed (shown in the history)</source>
        <translation>Vad ändrades (syns i historiken)</translation>
    </message>
    <message>
        <location filename="../guides.py" line="400"/>
        <source>Important change: announce it to everyone at login</source>
        <translation>Viktig ändring: meddela alla vid inloggning</translation>
    </message>
    <message>
        <location filename="../guides.py" line="408"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../guides.py" line="409"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../guides.py" line="452"/>
        <source>Give the page a title and an id (letters, digits, -).</source>
        <translation>Ge sidan en rubrik och ett id (bokstäver, siffror, -).</translation>
    </message>
    <message>
        <location filename="../guides.py" line="471"/>
        <source>Someone else saved this page while you were editing. Your text is kept here: copy it, reopen the page and apply your change again.</source>
        <translation>Någon annan sparade sidan medan du redigerade. Din text finns kvar här: kopiera den, öppna sidan på nytt och gör ändringen igen.</translation>
    </message>
    <message>
        <location filename="../guides.py" line="476"/>
        <source>The page was not saved: %1</source>
        <translation>Sidan sparades inte: %1</translation>
    </message>
</context>
<context>
    <name>FiguresDialog</name>
    <message>
        <location filename="../callbacks.py" line="116"/>
        <source>Callback figures</source>
        <translation>Siffror för återuppringningar</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="125"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="126"/>
        <source>Created</source>
        <translation>Skapade</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="127"/>
        <source>Done same day</source>
        <translation>Klara samma dag</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="128"/>
        <source>Done in time</source>
        <translation>Klara i tid</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="129"/>
        <source>Overdue</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="130"/>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="141"/>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="143"/>
        <source>Created on %1</source>
        <translation>Skapade %1</translation>
    </message>
</context>
<context>
    <name>GuideBrowser</name>
    <message>
        <location filename="../guides.py" line="111"/>
        <source>Open a link outside the handbook?</source>
        <translation>Öppna en länk utanför handboken?</translation>
    </message>
    <message>
        <location filename="../guides.py" line="113"/>
        <source>The link leads outside the handbook:
%1

Open it in the web browser?</source>
        <translation>Länken leder utanför handboken:
%1

Öppna den i webbläsaren?</translation>
    </message>
</context>
<context>
    <name>HandbookView</name>
    <message>
        <location filename="../guides.py" line="139"/>
        <source>Search the handbook (Ctrl+K)</source>
        <translation>Sök i handboken (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../guides.py" line="159"/>
        <source>Changed since you last read it</source>
        <translation>Ändrad sedan du senast läste den</translation>
    </message>
    <message>
        <location filename="../guides.py" line="167"/>
        <source>Edit</source>
        <translation>Redigera</translation>
    </message>
    <message>
        <location filename="../guides.py" line="169"/>
        <source>New page</source>
        <translation>Ny sida</translation>
    </message>
    <message>
        <location filename="../guides.py" line="170"/>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../guides.py" line="292"/>
        <source>No pages found</source>
        <translation>Inga sidor hittades</translation>
    </message>
    <message>
        <location filename="../guides.py" line="300"/>
        <source>Operating handbook</source>
        <translation>Verksamhetshandbok</translation>
    </message>
    <message>
        <location filename="../guides.py" line="301"/>
        <source>Pick a page on the left, or search with Ctrl+K.</source>
        <translation>Välj en sida till vänster eller sök med Ctrl+K.</translation>
    </message>
    <message>
        <location filename="../guides.py" line="308"/>
        <source>%1 · version %2 · changed %3 by %4</source>
        <translation>%1 · version %2 · ändrad %3 av %4</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../guides.py" line="492"/>
        <source>Page history</source>
        <translation>Sidans historik</translation>
    </message>
    <message>
        <location filename="../guides.py" line="496"/>
        <source>Restore this version</source>
        <translation>Återställ den här versionen</translation>
    </message>
    <message>
        <location filename="../guides.py" line="506"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <location filename="../collab.py" line="128"/>
        <source>Invite a colleague</source>
        <translation>Bjud in en kollega</translation>
    </message>
    <message>
        <location filename="../collab.py" line="131"/>
        <source>The client sees the colleague join. You stay responsible.</source>
        <translation>Klienten ser att kollegan ansluter. Du behåller ansvaret.</translation>
    </message>
    <message>
        <location filename="../collab.py" line="137"/>
        <source>busy</source>
        <translation>upptagen</translation>
    </message>
    <message>
        <location filename="../collab.py" line="143"/>
        <source>Invite</source>
        <translation>Bjud in</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../../app.py" line="295"/>
        <source>Too many attempts. Wait a moment.</source>
        <translation>För många försök. Vänta en stund.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="297"/>
        <source>The log-in was refused: %1</source>
        <translation>Inloggningen avvisades: %1</translation>
    </message>
    <message>
        <location filename="../../app.py" line="301"/>
        <source>Wrong username or password.</source>
        <translation>Fel användarnamn eller lösenord.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../login.py" line="20"/>
        <source>Log in to Luukku</source>
        <translation>Logga in i Luukku</translation>
    </message>
    <message>
        <location filename="../login.py" line="31"/>
        <source>Remember the password on this computer (system keyring)</source>
        <translation>Kom ihåg lösenordet på den här datorn (systemets nyckelring)</translation>
    </message>
    <message>
        <location filename="../login.py" line="34"/>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location filename="../login.py" line="35"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location filename="../login.py" line="40"/>
        <source>Log in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <location filename="../login.py" line="41"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../login.py" line="50"/>
        <source>Enter your username and password.</source>
        <translation>Ange användarnamn och lösenord.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="104"/>
        <source>Luukku – contact point workstation</source>
        <translation>Luukku – kontaktpunktens arbetsstation</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="136"/>
        <source>Busyness meter</source>
        <translation>Rusningsmätare</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="148"/>
        <source>No open conversations. Set yourself Ready to receive chats.</source>
        <translation>Inga öppna samtal. Ställ dig som Redo för att ta emot chattar.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="166"/>
        <source>Work queue</source>
        <translation>Arbetskö</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="167"/>
        <location filename="../main_window.py" line="564"/>
        <source>Handbook</source>
        <translation>Handbok</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169"/>
        <location filename="../main_window.py" line="527"/>
        <source>Callbacks</source>
        <translation>Återuppringningar</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171"/>
        <location filename="../main_window.py" line="501"/>
        <source>Colleagues</source>
        <translation>Kolleger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195"/>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196"/>
        <source>Sound for a new client line</source>
        <translation>Ljud för ett nytt meddelande från klienten</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215"/>
        <source>About / diagnostics…</source>
        <translation>Om / diagnostik…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="254"/>
        <source>Call outcome saved.</source>
        <translation>Samtalets resultat sparat.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="322"/>
        <source>waiting %1</source>
        <translation>väntar %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="356"/>
        <source>Updated %1</source>
        <translation>Uppdaterad %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="397"/>
        <source>This workstation has no phone set up.</source>
        <translation>Den här arbetsstationen har ingen telefon konfigurerad.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="418"/>
        <source>Outcome of the call</source>
        <translation>Samtalets resultat</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="432"/>
        <source>The conversation was transferred.</source>
        <translation>Samtalet flyttades.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="434"/>
        <source>The consultation ended.</source>
        <translation>Konsultationen avslutades.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="584"/>
        <source>Important handbook changes</source>
        <translation>Viktiga ändringar i handboken</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="586"/>
        <source>These handbook pages have changed in an important way:</source>
        <translation>Dessa sidor i handboken har viktiga ändringar:</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="599"/>
        <source>Important handbook change: %1</source>
        <translation>Viktig ändring i handboken: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="637"/>
        <source>Not possible now</source>
        <translation>Inte möjligt nu</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="643"/>
        <source>The backend refused: %1</source>
        <translation>Servern avvisade: %1</translation>
    </message>
</context>
<context>
    <name>MeterTable</name>
    <message>
        <location filename="../meter.py" line="27"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../meter.py" line="28"/>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <location filename="../meter.py" line="29"/>
        <source>Longest
wait</source>
        <translation>Längsta
väntan</translation>
    </message>
    <message>
        <location filename="../meter.py" line="30"/>
        <source>Ready /
busy</source>
        <translation>Redo /
upptagna</translation>
    </message>
    <message>
        <location filename="../meter.py" line="31"/>
        <source>Service level
today</source>
        <translation>Servicenivå
i dag</translation>
    </message>
    <message>
        <location filename="../meter.py" line="32"/>
        <source>Callbacks
left</source>
        <translation>Åter-
uppringningar</translation>
    </message>
    <message>
        <location filename="../meter.py" line="33"/>
        <source>Level</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../meter.py" line="59"/>
        <source>Calm</source>
        <translation>Lugnt</translation>
    </message>
    <message>
        <location filename="../meter.py" line="60"/>
        <source>Busy</source>
        <translation>Livligt</translation>
    </message>
    <message>
        <location filename="../meter.py" line="61"/>
        <source>Congested</source>
        <translation>Rusning</translation>
    </message>
    <message>
        <location filename="../meter.py" line="67"/>
        <source>%1 overdue</source>
        <translation>%1 försenade</translation>
    </message>
    <message>
        <location filename="../meter.py" line="81"/>
        <source>%1 abandoned</source>
        <translation>%1 gav upp</translation>
    </message>
    <message>
        <location filename="../meter.py" line="85"/>
        <source>(closed)</source>
        <translation>(stängd)</translation>
    </message>
    <message>
        <location filename="../meter.py" line="88"/>
        <source>phone service down</source>
        <translation>telefontjänsten ur funktion</translation>
    </message>
    <message>
        <location filename="../meter.py" line="110"/>
        <source>Target: answered within %1 min</source>
        <translation>Mål: besvarad inom %1 min</translation>
    </message>
</context>
<context>
    <name>OfferBanner</name>
    <message>
        <location filename="../offer.py" line="238"/>
        <source>Accept the chat (Ctrl+%1)</source>
        <translation>Ta emot chatten (Ctrl+%1)</translation>
    </message>
</context>
<context>
    <name>OfferRow</name>
    <message>
        <location filename="../offer.py" line="94"/>
        <source>Accept</source>
        <translation>Ta emot</translation>
    </message>
    <message>
        <location filename="../offer.py" line="111"/>
        <source>New chat: %1 · %2 · waited %3</source>
        <translation>Ny chatt: %1 · %2 · väntat %3</translation>
    </message>
    <message>
        <location filename="../offer.py" line="120"/>
        <source>Transferred by %1: %2</source>
        <translation>Flyttad av %1: %2</translation>
    </message>
    <message>
        <location filename="../offer.py" line="126"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>Phone</name>
    <message>
        <location filename="../phone.py" line="58"/>
        <source>Phone: ready for calls</source>
        <translation>Telefon: redo för samtal</translation>
    </message>
    <message>
        <location filename="../phone.py" line="60"/>
        <source>Phone: connecting…</source>
        <translation>Telefon: ansluter…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="62"/>
        <source>Phone: no connection to the phone server, retrying</source>
        <translation>Telefon: ingen anslutning till telefonservern, försöker igen</translation>
    </message>
    <message>
        <location filename="../phone.py" line="67"/>
        <source>Phone: not configured</source>
        <translation>Telefon: inte konfigurerad</translation>
    </message>
    <message>
        <location filename="../phone.py" line="72"/>
        <source>answered</source>
        <translation>besvarat</translation>
    </message>
    <message>
        <location filename="../phone.py" line="73"/>
        <source>missed</source>
        <translation>missat</translation>
    </message>
    <message>
        <location filename="../phone.py" line="74"/>
        <source>outgoing</source>
        <translation>utgående</translation>
    </message>
    <message>
        <location filename="../phone.py" line="75"/>
        <source>not answered</source>
        <translation>obesvarat</translation>
    </message>
    <message>
        <location filename="../phone.py" line="519"/>
        <source>microphone</source>
        <translation>mikrofon</translation>
    </message>
    <message>
        <location filename="../phone.py" line="520"/>
        <source>speaker</source>
        <translation>högtalare</translation>
    </message>
    <message>
        <location filename="../phone.py" line="521"/>
        <source>ringer</source>
        <translation>ringsignalenhet</translation>
    </message>
    <message>
        <location filename="../phone.py" line="618"/>
        <source>Phone password</source>
        <translation>Telefonlösenord</translation>
    </message>
    <message>
        <location filename="../phone.py" line="619"/>
        <source>SIP password for %1:</source>
        <translation>SIP-lösenord för %1:</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../phone.py" line="108"/>
        <source>Enter phone password…</source>
        <translation>Ange telefonlösenord…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="120"/>
        <source>Incoming call</source>
        <translation>Inkommande samtal</translation>
    </message>
    <message>
        <location filename="../phone.py" line="131"/>
        <source>Answer</source>
        <translation>Svara</translation>
    </message>
    <message>
        <location filename="../phone.py" line="136"/>
        <source>Answer (Ctrl+Shift+A or the headset button)</source>
        <translation>Svara (Ctrl+Skift+A eller headsetknappen)</translation>
    </message>
    <message>
        <location filename="../phone.py" line="137"/>
        <source>Decline</source>
        <translation>Avvisa</translation>
    </message>
    <message>
        <location filename="../phone.py" line="163"/>
        <source>Mute</source>
        <translation>Tysta</translation>
    </message>
    <message>
        <location filename="../phone.py" line="166"/>
        <location filename="../phone.py" line="358"/>
        <source>Hold</source>
        <translation>Parkera</translation>
    </message>
    <message>
        <location filename="../phone.py" line="169"/>
        <source>Keypad</source>
        <translation>Knappsats</translation>
    </message>
    <message>
        <location filename="../phone.py" line="171"/>
        <source>Transfer…</source>
        <translation>Koppla…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="173"/>
        <source>Complete transfer</source>
        <translation>Slutför kopplingen</translation>
    </message>
    <message>
        <location filename="../phone.py" line="175"/>
        <source>Hang up</source>
        <translation>Lägg på</translation>
    </message>
    <message>
        <location filename="../phone.py" line="205"/>
        <source>Number or colleague</source>
        <translation>Nummer eller kollega</translation>
    </message>
    <message>
        <location filename="../phone.py" line="206"/>
        <source>Call</source>
        <translation>Ring</translation>
    </message>
    <message>
        <location filename="../phone.py" line="224"/>
        <source>Switch back</source>
        <translation>Byt tillbaka</translation>
    </message>
    <message>
        <location filename="../phone.py" line="226"/>
        <source>Keep this one</source>
        <translation>Behåll den här</translation>
    </message>
    <message>
        <location filename="../phone.py" line="234"/>
        <source>Today&apos;s calls</source>
        <translation>Dagens samtal</translation>
    </message>
    <message>
        <location filename="../phone.py" line="237"/>
        <source>Double-click to call back</source>
        <translation>Dubbelklicka för att ringa tillbaka</translation>
    </message>
    <message>
        <location filename="../phone.py" line="239"/>
        <source>Audio devices…</source>
        <translation>Ljudenheter…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="290"/>
        <source>The transfer did not go through; the caller is still with you.</source>
        <translation>Kopplingen lyckades inte; den som ringer är kvar hos dig.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="293"/>
        <source>Transferred.</source>
        <translation>Kopplat.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="317"/>
        <location filename="../phone.py" line="439"/>
        <source>The phone is not connected.</source>
        <translation>Telefonen är inte ansluten.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="321"/>
        <source>Unknown number</source>
        <translation>Okänt nummer</translation>
    </message>
    <message>
        <location filename="../phone.py" line="327"/>
        <source>Line: %1</source>
        <translation>Linje: %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="329"/>
        <source>Direct call</source>
        <translation>Direktsamtal</translation>
    </message>
    <message>
        <location filename="../phone.py" line="334"/>
        <source>Waited %1</source>
        <translation>Väntat %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="342"/>
        <source>calling…</source>
        <translation>ringer…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="344"/>
        <source>on hold</source>
        <translation>parkerat</translation>
    </message>
    <message>
        <location filename="../phone.py" line="346"/>
        <source>consultation</source>
        <translation>konsultation</translation>
    </message>
    <message>
        <location filename="../phone.py" line="349"/>
        <source>Keys pressed: %1</source>
        <translation>Tryckta knappar: %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="358"/>
        <source>Resume</source>
        <translation>Återuppta</translation>
    </message>
    <message>
        <location filename="../phone.py" line="409"/>
        <source>The phone could not do that: %1</source>
        <translation>Telefonen kunde inte göra det: %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="492"/>
        <source>The chosen %1 is gone; using the default device. The call goes on.</source>
        <translation>Vald %1 försvann; standardenheten används. Samtalet fortsätter.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="502"/>
        <source>The chosen %1 is connected again. Switch back to it?</source>
        <translation>Vald %1 är ansluten igen. Byta tillbaka till den?</translation>
    </message>
</context>
<context>
    <name>PictureDialog</name>
    <message>
        <location filename="../collab.py" line="158"/>
        <source>Picture from the client</source>
        <translation>Bild från klienten</translation>
    </message>
</context>
<context>
    <name>StaffChatView</name>
    <message>
        <location filename="../staff_chat.py" line="61"/>
        <source>Message to colleagues (no client details in the help channel)</source>
        <translation>Meddelande till kolleger (inga klientuppgifter i hjälpkanalen)</translation>
    </message>
    <message>
        <location filename="../staff_chat.py" line="64"/>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <location filename="../staff_chat.py" line="94"/>
        <source>Help channel (everyone)</source>
        <translation>Hjälpkanal (alla)</translation>
    </message>
    <message>
        <location filename="../staff_chat.py" line="146"/>
        <source>Help channel</source>
        <translation>Hjälpkanal</translation>
    </message>
    <message>
        <location filename="../staff_chat.py" line="153"/>
        <source>Sending…</source>
        <translation>Skickas…</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../texts.py" line="15"/>
        <source>Ready</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../texts.py" line="16"/>
        <source>Not ready</source>
        <translation>Inte redo</translation>
    </message>
    <message>
        <location filename="../texts.py" line="17"/>
        <source>Wrap-up</source>
        <translation>Efterarbete</translation>
    </message>
    <message>
        <location filename="../texts.py" line="18"/>
        <source>Offline</source>
        <translation>Frånvarande</translation>
    </message>
    <message>
        <location filename="../texts.py" line="28"/>
        <source>Break</source>
        <translation>Paus</translation>
    </message>
    <message>
        <location filename="../texts.py" line="29"/>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <location filename="../texts.py" line="30"/>
        <source>Training</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <location filename="../texts.py" line="31"/>
        <source>Other work</source>
        <translation>Annat arbete</translation>
    </message>
    <message>
        <location filename="../texts.py" line="32"/>
        <source>Missed offer</source>
        <translation>Missat erbjudande</translation>
    </message>
    <message>
        <location filename="../texts.py" line="33"/>
        <source>Just logged in</source>
        <translation>Nyss inloggad</translation>
    </message>
    <message>
        <location filename="../texts.py" line="39"/>
        <source>Handled in one contact</source>
        <translation>Klart vid en kontakt</translation>
    </message>
    <message>
        <location filename="../texts.py" line="40"/>
        <source>Appointment booked</source>
        <translation>Tid bokad</translation>
    </message>
    <message>
        <location filename="../texts.py" line="41"/>
        <source>Callback left</source>
        <translation>Återuppringning lämnad</translation>
    </message>
    <message>
        <location filename="../texts.py" line="42"/>
        <source>Referred to social services</source>
        <translation>Hänvisad till socialtjänsten</translation>
    </message>
    <message>
        <location filename="../texts.py" line="43"/>
        <source>Referred to emergency care / on-call line (112, 116 117)</source>
        <translation>Hänvisad till jouren / jourhjälpen (112, 116 117)</translation>
    </message>
    <message>
        <location filename="../texts.py" line="46"/>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <location filename="../texts.py" line="52"/>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <location filename="../texts.py" line="53"/>
        <source>Connected</source>
        <translation>Ansluten</translation>
    </message>
    <message>
        <location filename="../texts.py" line="54"/>
        <source>Connection lost, reconnecting…</source>
        <translation>Förbindelsen bröts, ansluter igen…</translation>
    </message>
    <message>
        <location filename="../texts.py" line="55"/>
        <source>Login failed</source>
        <translation>Inloggningen misslyckades</translation>
    </message>
    <message>
        <location filename="../texts.py" line="63"/>
        <source>The client left the conversation.</source>
        <translation>Klienten lämnade samtalet.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="64"/>
        <source>The conversation was transferred to another professional.</source>
        <translation>Samtalet flyttades till en annan yrkesperson.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="67"/>
        <source>%1 joined the conversation as a consultant.</source>
        <translation>%1 anslöt till samtalet som konsult.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="70"/>
        <source>%1 left the conversation.</source>
        <translation>%1 lämnade samtalet.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="73"/>
        <source>A picture was requested from the client.</source>
        <translation>Klienten ombads om en bild.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="82"/>
        <source>Nobody in that queue can take a chat now. Try later or pick another queue.</source>
        <translation>Ingen i den kön kan ta en chatt nu. Försök senare eller välj en annan kö.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="85"/>
        <source>That colleague cannot take a chat now (not Ready, or full).</source>
        <translation>Kollegan kan inte ta en chatt nu (inte redo eller full).</translation>
    </message>
    <message>
        <location filename="../texts.py" line="88"/>
        <location filename="../texts.py" line="96"/>
        <source>That colleague is not online.</source>
        <translation>Kollegan är inte inloggad.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="89"/>
        <source>That colleague does not serve that queue.</source>
        <translation>Kollegan betjänar inte den kön.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="92"/>
        <source>You cannot transfer to yourself.</source>
        <translation>Du kan inte flytta till dig själv.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="93"/>
        <source>That colleague&apos;s role cannot be invited into client conversations.</source>
        <translation>Kollegans roll kan inte bjudas in till klientsamtal.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="97"/>
        <source>That colleague is already in the conversation.</source>
        <translation>Kollegan är redan med i samtalet.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="104"/>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../phone.py" line="582"/>
        <source>Transfer the call</source>
        <translation>Koppla samtalet</translation>
    </message>
    <message>
        <location filename="../phone.py" line="585"/>
        <source>Colleague or number:</source>
        <translation>Kollega eller nummer:</translation>
    </message>
    <message>
        <location filename="../phone.py" line="590"/>
        <source>Transfer now</source>
        <translation>Koppla nu</translation>
    </message>
    <message>
        <location filename="../phone.py" line="592"/>
        <source>The caller is put through at once; you leave the call.</source>
        <translation>Den som ringer kopplas genast; du lämnar samtalet.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="593"/>
        <source>Talk first</source>
        <translation>Tala först</translation>
    </message>
    <message>
        <location filename="../phone.py" line="596"/>
        <source>The caller waits on hold while you talk to the colleague.</source>
        <translation>Den som ringer väntar parkerad medan du talar med kollegan.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="598"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
</TS>
