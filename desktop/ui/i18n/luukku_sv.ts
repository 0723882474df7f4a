<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_FI">
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../accounts.py" line="84"/>
        <source>A username is 1–64 letters, digits or . _ @ - with no spaces.</source>
        <translation>Ett användarnamn har 1–64 bokstäver, siffror eller . _ @ - utan mellanslag.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="87"/>
        <source>That role is not in the service file. Choose one from the list.</source>
        <translation>Rollen finns inte i tjänstens inställningar. Välj en roll i listan.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="90"/>
        <source>A skill is not in the service file. Choose from the list.</source>
        <translation>Kompetensen finns inte i tjänstens inställningar. Välj i listan.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="93"/>
        <source>Choose at least one language.</source>
        <translation>Välj minst ett språk.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="94"/>
        <source>Chats at once: 1–10.</source>
        <translation>Chattar samtidigt: 1–10.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="95"/>
        <source>A name of 1–100 characters is needed.</source>
        <translation>Ett namn på 1–100 tecken behövs.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="96"/>
        <source>That username is taken already.</source>
        <translation>Användarnamnet är redan upptaget.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="97"/>
        <source>That account no longer exists. The list is up to date now.</source>
        <translation>Kontot finns inte längre. Listan är uppdaterad nu.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="100"/>
        <source>That account is disabled.</source>
        <translation>Kontot är inaktiverat.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="101"/>
        <source>You cannot do this to your own account: ask another supervisor or IT.</source>
        <translation>Du kan inte göra detta med ditt eget konto: be en annan arbetsledare eller IT.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="104"/>
        <source>The first password needs at least 12 characters.</source>
        <translation>Det första lösenordet måste ha minst 12 tecken.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="107"/>
        <source>Local passwords are off: staff sign in through the organisation.</source>
        <translation>Lokala lösenord används inte: personalen loggar in via organisationen.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="111"/>
        <source>The change was refused. Check the values and try again.</source>
        <translation>Ändringen avvisades. Kontrollera värdena och försök igen.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="137"/>
        <location filename="../accounts.py" line="198"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="138"/>
        <location filename="../accounts.py" line="197"/>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="139"/>
        <location filename="../accounts.py" line="175"/>
        <location filename="../accounts.py" line="199"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="140"/>
        <location filename="../accounts.py" line="176"/>
        <location filename="../accounts.py" line="200"/>
        <source>Skills</source>
        <translation>Kompetenser</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="141"/>
        <location filename="../accounts.py" line="177"/>
        <location filename="../accounts.py" line="201"/>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="142"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="152"/>
        <source>Chosen account</source>
        <translation>Valt konto</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="155"/>
        <source>Change role</source>
        <translation>Byt roll</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="160"/>
        <source>Save skills and languages</source>
        <translation>Spara kompetenser och språk</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="162"/>
        <location filename="../accounts.py" line="383"/>
        <source>Disable</source>
        <translation>Inaktivera</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="164"/>
        <source>Remove…</source>
        <translation>Ta bort…</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="180"/>
        <source>New account</source>
        <translation>Nytt konto</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="194"/>
        <source>Add account</source>
        <translation>Lägg till konto</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="202"/>
        <source>First password (at least 12 characters)</source>
        <translation>Första lösenord (minst 12 tecken)</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="224"/>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="228"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="268"/>
        <source>Disable %1? Her sessions end now and her open chats go back to the queue.</source>
        <translation>Inaktivera %1? Sessionerna avslutas nu och öppna chattar går tillbaka till kön.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="278"/>
        <source>Remove the account of %1? What she did stays recorded under her username.</source>
        <translation>Ta bort kontot för %1? Det hen gjort finns kvar registrerat under användarnamnet.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="297"/>
        <source>%1 has no skills: she gets no chats, calls or callbacks. Save anyway?</source>
        <translation>%1 har inga kompetenser: hon får inga chattar, samtal eller återuppringningar. Spara ändå?</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="319"/>
        <source>Users</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="343"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="343"/>
        <source>Disabled</source>
        <translation>Inaktiverad</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="345"/>
        <source>online</source>
        <translation>inloggad</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="363"/>
        <source>Not saved: %1</source>
        <translation>Inte sparat: %1</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="365"/>
        <source>Account added.</source>
        <translation>Kontot har lagts till.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="372"/>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="383"/>
        <source>Enable</source>
        <translation>Aktivera</translation>
    </message>
</context>
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
        <location filename="../phone_dialogs.py" line="52"/>
        <source>Audio devices</source>
        <translation>Ljudenheter</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="60"/>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="61"/>
        <source>Speaker / headset</source>
        <translation>Högtalare / headset</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="62"/>
        <source>Ringer</source>
        <translation>Ringsignal</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="72"/>
        <source>System default</source>
        <translation>Systemets standard</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../board.py" line="103"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../board.py" line="104"/>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../board.py" line="105"/>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <location filename="../board.py" line="106"/>
        <source>For</source>
        <translation>Hur länge</translation>
    </message>
    <message>
        <location filename="../board.py" line="107"/>
        <source>Chats</source>
        <translation>Chattar</translation>
    </message>
    <message>
        <location filename="../board.py" line="108"/>
        <source>On a call</source>
        <translation>I samtal</translation>
    </message>
    <message>
        <location filename="../board.py" line="109"/>
        <source>Queues</source>
        <translation>Köer</translation>
    </message>
    <message>
        <location filename="../board.py" line="116"/>
        <source>Set Not ready…</source>
        <translation>Sätt Inte redo…</translation>
    </message>
    <message>
        <location filename="../board.py" line="118"/>
        <source>Sign out…</source>
        <translation>Logga ut…</translation>
    </message>
    <message>
        <location filename="../board.py" line="120"/>
        <source>Read her chat</source>
        <translation>Läs hens chatt</translation>
    </message>
    <message>
        <location filename="../board.py" line="122"/>
        <source>Read-only. Your look is recorded in the access log.</source>
        <translation>Endast läsning. Din läsning registreras i loggen.</translation>
    </message>
    <message>
        <location filename="../board.py" line="135"/>
        <source>Queues now</source>
        <translation>Köerna nu</translation>
    </message>
    <message>
        <location filename="../board.py" line="192"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../board.py" line="213"/>
        <source>Set %1 Not ready</source>
        <translation>Sätt %1 som Inte redo</translation>
    </message>
    <message>
        <location filename="../board.py" line="214"/>
        <source>Why? The reason is recorded with your name.</source>
        <translation>Varför? Orsaken registreras med ditt namn.</translation>
    </message>
    <message>
        <location filename="../board.py" line="216"/>
        <source>Sign out %1</source>
        <translation>Logga ut %1</translation>
    </message>
    <message>
        <location filename="../board.py" line="218"/>
        <source>Her session ends and her workstation asks her to log in again. Her open chats stay hers. Why? The reason is recorded with your name.</source>
        <translation>Hens session avslutas och arbetsstationen ber hen logga in igen. Öppna chattar förblir hens. Varför? Orsaken registreras med ditt namn.</translation>
    </message>
</context>
<context>
    <name>CallForHelpDialog</name>
    <message>
        <location filename="../digi_board.py" line="73"/>
        <source>Call in %1</source>
        <translation>Kalla in %1</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="75"/>
        <source>Call for help</source>
        <translation>Be om hjälp</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="78"/>
        <source>Which queues need help?</source>
        <translation>Vilka köer behöver hjälp?</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="90"/>
        <source>How many people</source>
        <translation>Hur många personer</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="98"/>
        <source>Ask</source>
        <translation>Fråga</translation>
    </message>
</context>
<context>
    <name>CallInDialog</name>
    <message>
        <location filename="../digi.py" line="114"/>
        <source>The contact point needs help</source>
        <translation>Kontaktpunkten behöver hjälp</translation>
    </message>
    <message>
        <location filename="../digi.py" line="118"/>
        <source>%1 asks you to help in %2.</source>
        <translation>%1 ber dig hjälpa till i %2.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="119"/>
        <source>A supervisor</source>
        <translation>En chef</translation>
    </message>
    <message>
        <location filename="../digi.py" line="122"/>
        <source>Clients are waiting in %1.</source>
        <translation>Klienter väntar i %1.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="130"/>
        <source>Waiting now: %1, the longest for %2.</source>
        <translation>Väntar nu: %1, längst i %2.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="134"/>
        <source>Nobody waits yet: the supervisor expects more contacts.</source>
        <translation>Ingen väntar ännu: arbetsledaren väntar sig fler kontakter.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="143"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../digi.py" line="144"/>
        <source>Join</source>
        <translation>Gå med</translation>
    </message>
    <message>
        <location filename="../digi.py" line="150"/>
        <source>Why not now (optional; only supervisors see it)</source>
        <translation>Varför inte nu (frivilligt; bara chefer ser det)</translation>
    </message>
    <message>
        <location filename="../digi.py" line="151"/>
        <source>Not now</source>
        <translation>Inte nu</translation>
    </message>
    <message>
        <location filename="../digi.py" line="154"/>
        <source>Join for</source>
        <translation>Gå med för</translation>
    </message>
    <message>
        <location filename="../digi.py" line="182"/>
        <source>Please answer within %1.</source>
        <translation>Svara inom %1.</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../callbacks.py" line="429"/>
        <source>Callback request</source>
        <translation>Begäran om återuppringning</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="442"/>
        <source>Urgent</source>
        <translation>Brådskande</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="445"/>
        <source>Colleague&apos;s username (optional)</source>
        <translation>Kollegans användarnamn (valfritt)</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="452"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="453"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="454"/>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="458"/>
        <source>– (the queue&apos;s staff)</source>
        <translation>– (köns personal)</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="461"/>
        <source>For a named colleague</source>
        <translation>Till en namngiven kollega</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="462"/>
        <source>For the client&apos;s own clinic</source>
        <translation>Till klientens egen rådgivning</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="482"/>
        <source>Check the phone number.</source>
        <translation>Kontrollera telefonnumret.</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="483"/>
        <source>Write what the callback is about (at most 2,000 characters).</source>
        <translation>Skriv vad återuppringningen gäller (högst 2 000 tecken).</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="484"/>
        <source>Check the colleague&apos;s username.</source>
        <translation>Kontrollera kollegans användarnamn.</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="486"/>
        <source>Check the fields.</source>
        <translation>Kontrollera fälten.</translation>
    </message>
</context>
<context>
    <name>CallbackOfferBanner</name>
    <message>
        <location filename="../callbacks.py" line="84"/>
        <source>Take and call</source>
        <translation>Ta och ring</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="86"/>
        <source>Not now</source>
        <translation>Inte nu</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="105"/>
        <source>Callback waiting: %1 · %2 · due %3</source>
        <translation>Återuppringning väntar: %1 · %2 · senast %3</translation>
    </message>
</context>
<context>
    <name>Callbacks</name>
    <message>
        <location filename="../callbacks.py" line="43"/>
        <source>No answer</source>
        <translation>Inget svar</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="44"/>
        <source>Busy</source>
        <translation>Upptaget</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="45"/>
        <source>Wrong number</source>
        <translation>Fel nummer</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="46"/>
        <source>Done</source>
        <translation>Klart</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="52"/>
        <source>needs a decision</source>
        <translation>kräver beslut</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="54"/>
        <source>overdue</source>
        <translation>försenad</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="55"/>
        <source>open</source>
        <translation>öppen</translation>
    </message>
</context>
<context>
    <name>CallbacksView</name>
    <message>
        <location filename="../callbacks.py" line="191"/>
        <source>My queues</source>
        <translation>Mina köer</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="192"/>
        <source>Named for me</source>
        <translation>Namngivna för mig</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="193"/>
        <source>My clinic</source>
        <translation>Min rådgivning</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="194"/>
        <source>Overdue or flagged</source>
        <translation>Försenade eller flaggade</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="196"/>
        <source>New callback request…</source>
        <translation>Ny begäran om återuppringning…</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="198"/>
        <source>Show:</source>
        <translation>Visa:</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="201"/>
        <source>Figures…</source>
        <translation>Siffror…</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="213"/>
        <source>Due</source>
        <translation>Senast</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="214"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="215"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="216"/>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="217"/>
        <source>Attempts</source>
        <translation>Försök</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="218"/>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="233"/>
        <source>Call back</source>
        <translation>Ring tillbaka</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="239"/>
        <source>Note (no health details)</source>
        <translation>Anteckning (inga hälsouppgifter)</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="333"/>
        <source>urgent</source>
        <translation>brådskande</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="390"/>
        <source>Reason:</source>
        <translation>Orsak:</translation>
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
        <location filename="../conversation.py" line="451"/>
        <location filename="../conversation.py" line="478"/>
        <source>Close conversation</source>
        <translation>Avsluta samtalet</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="453"/>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="465"/>
        <source>Wrap-up (short, no more health details than needed)</source>
        <translation>Sammanfattning (kort, inga fler hälsouppgifter än nödvändigt)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="470"/>
        <source>Copy the record entry to the clipboard</source>
        <translation>Kopiera journalanteckningen till urklipp</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="478"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="480"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>ColleagueMessagesView</name>
    <message>
        <location filename="../colleague_messages.py" line="65"/>
        <source>Message to colleagues (no client details in the help channel)</source>
        <translation>Meddelande till kolleger (inga klientuppgifter i hjälpkanalen)</translation>
    </message>
    <message>
        <location filename="../colleague_messages.py" line="68"/>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <location filename="../colleague_messages.py" line="98"/>
        <source>Help channel (everyone)</source>
        <translation>Hjälpkanal (alla)</translation>
    </message>
    <message>
        <location filename="../colleague_messages.py" line="154"/>
        <source>Help channel</source>
        <translation>Hjälpkanal</translation>
    </message>
    <message>
        <location filename="../colleague_messages.py" line="161"/>
        <source>Sending…</source>
        <translation>Skickas…</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../conversation.py" line="70"/>
        <source>Call back</source>
        <translation>Ring tillbaka</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="74"/>
        <source>Callback request…</source>
        <translation>Återuppringning…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="109"/>
        <source>Internal note (staff only, the client never sees it)</source>
        <translation>Intern anteckning (bara personalen, klienten ser den aldrig)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="112"/>
        <source>Add note</source>
        <translation>Lägg till anteckning</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="116"/>
        <source>Work together</source>
        <translation>Samarbete</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="120"/>
        <source>Transfer…</source>
        <translation>Flytta…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="122"/>
        <source>Invite a colleague…</source>
        <translation>Bjud in en kollega…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="124"/>
        <source>Ask for a picture</source>
        <translation>Be om en bild</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="126"/>
        <source>Move to video (send a meeting link)</source>
        <translation>Gå över till video (skicka en möteslänk)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="128"/>
        <source>Leave the consultation</source>
        <translation>Lämna konsultationen</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="131"/>
        <source>The client is typing…</source>
        <translation>Klienten skriver…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="135"/>
        <source>The client has left. Close the conversation with an outcome.</source>
        <translation>Klienten har lämnat. Avsluta samtalet och ange resultat.</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="141"/>
        <source>Write a reply (Enter sends, Shift+Enter new line)</source>
        <translation>Skriv ett svar (Enter skickar, Skift+Enter ny rad)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="144"/>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="146"/>
        <source>Close conversation…</source>
        <translation>Avsluta samtalet…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="155"/>
        <source>Insert a quick reply from the handbook</source>
        <translation>Infoga ett snabbsvar från handboken</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="157"/>
        <source>Instructions</source>
        <translation>Anvisningar</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="168"/>
        <source>Copy to record</source>
        <translation>Kopiera till journalen</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="171"/>
        <source>Copy the record entry of this conversation (Ctrl+Shift+C)</source>
        <translation>Kopiera journalanteckningen för samtalet (Ctrl+Skift+C)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="203"/>
        <source>Internal notes (staff only)</source>
        <translation>Interna anteckningar (bara personalen)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="224"/>
        <source>Identified (Suomi.fi): %1, %2</source>
        <translation>Identifierad (Suomi.fi): %1, %2</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="229"/>
        <source>Identified (Suomi.fi)</source>
        <translation>Identifierad (Suomi.fi)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="250"/>
        <source>Open the picture</source>
        <translation>Öppna bilden</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="253"/>
        <source>Video meeting link sent:</source>
        <translation>Länk till videomöte skickad:</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="282"/>
        <source>Responsible: %1</source>
        <translation>Ansvarig: %1</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="285"/>
        <source>Consultants: %1</source>
        <translation>Konsulter: %1</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="287"/>
        <source>You are a consultant here.</source>
        <translation>Du är konsult här.</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="295"/>
        <source>Transferred by %1: %2</source>
        <translation>Flyttad av %1: %2</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="332"/>
        <source>Sending…</source>
        <translation>Skickas…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="387"/>
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
    <name>DigiBar</name>
    <message>
        <location filename="../digi.py" line="63"/>
        <source>Back to clinic work</source>
        <translation>Tillbaka till mottagningsarbetet</translation>
    </message>
    <message>
        <location filename="../digi.py" line="66"/>
        <source>No new clients come; your open chats stay yours until you close them.</source>
        <translation>Inga nya klienter kommer; dina öppna chattar är dina tills du stänger dem.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="85"/>
        <source>Standby: you are in no queue and the service&apos;s figures do not count you. You will be asked if a queue you can serve needs help.</source>
        <translation>Beredskap: du är inte i någon kö och räknas inte i tjänstens siffror. Du tillfrågas om en kö du kan betjäna behöver hjälp.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="89"/>
        <source>You are being asked to help in %1.</source>
        <translation>Du tillfrågas om hjälp i %1.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="93"/>
        <source>Helping in %1 until %2.</source>
        <translation>Du hjälper till i %1 till kl. %2.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="97"/>
        <source>Thank you! No new clients come now. Close your open chats; then you are back on standby.</source>
        <translation>Tack! Nu kommer inga nya klienter. Stäng dina öppna chattar; sedan är du i beredskap igen.</translation>
    </message>
</context>
<context>
    <name>DigiBoard</name>
    <message>
        <location filename="../digi_board.py" line="41"/>
        <source>Standby</source>
        <translation>Beredskap</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="42"/>
        <source>Asked</source>
        <translation>Tillfrågad</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="43"/>
        <source>Helping</source>
        <translation>Hjälper</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="44"/>
        <source>Returning to clinic</source>
        <translation>Återvänder till mottagningen</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="52"/>
        <source>Not now</source>
        <translation>Inte nu</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="56"/>
        <source>Joined for %1 min</source>
        <translation>Gick med för %1 min</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="58"/>
        <source>No answer</source>
        <translation>Inget svar</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="59"/>
        <source>Not needed after all</source>
        <translation>Behövdes inte</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="125"/>
        <source>Digi-agents</source>
        <translation>Digiagenter</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="140"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="141"/>
        <source>Clinic</source>
        <translation>Mottagning</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="142"/>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="143"/>
        <source>For</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="144"/>
        <source>Queues / until</source>
        <translation>Köer / till</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="145"/>
        <source>Minutes this week</source>
        <translation>Minuter denna vecka</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="146"/>
        <source>Last answer</source>
        <translation>Senaste svar</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="156"/>
        <source>Call for help…</source>
        <translation>Be om hjälp…</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="158"/>
        <source>Call in…</source>
        <translation>Kalla in…</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="196"/>
        <source>red queue</source>
        <translation>röd kö</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="196"/>
        <source>supervisor</source>
        <translation>chef</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="199"/>
        <source>Call-in for %1 (%2): %3 of %4 joined; asked so far: %5</source>
        <translation>Inkallning till %1 (%2): %3 av %4 med; tillfrågade: %5</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="207"/>
        <source>No call-in open.</source>
        <translation>Ingen öppen inkallning.</translation>
    </message>
</context>
<context>
    <name>DigiDesk</name>
    <message>
        <location filename="../digi.py" line="263"/>
        <source>The queue is calm again: thank you!</source>
        <translation>Kön är lugn igen: tack!</translation>
    </message>
    <message>
        <location filename="../digi.py" line="281"/>
        <source>The contact point needs help</source>
        <translation>Kontaktpunkten behöver hjälp</translation>
    </message>
    <message>
        <location filename="../digi.py" line="282"/>
        <source>Clients are waiting in %1.</source>
        <translation>Klienter väntar i %1.</translation>
    </message>
</context>
<context>
    <name>EditorDialog</name>
    <message>
        <location filename="../handbook_edit.py" line="51"/>
        <source>Edit handbook page</source>
        <translation>Redigera handbokssidan</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="51"/>
        <source>New handbook page</source>
        <translation>Ny handbokssida</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="62"/>
        <source>Page</source>
        <translation>Sida</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="63"/>
        <source>Quick reply</source>
        <translation>Snabbsvar</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="67"/>
        <source>Any language</source>
        <translation>Vilket språk som helst</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="78"/>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="79"/>
        <source>Id (in links)</source>
        <translation>Id (i länkar)</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="80"/>
        <source>Area</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="81"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="82"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="83"/>
        <source>Shown with queues</source>
        <translation>Visas i köerna</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="92"/>
        <source>What changed (shown in the history)</source>
        <translation>Vad ändrades (syns i historiken)</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="93"/>
        <source>Important change: announce it to everyone at login</source>
        <translation>Viktig ändring: meddela alla vid inloggning</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="101"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="102"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="145"/>
        <source>Give the page a title and an id (letters, digits, -).</source>
        <translation>Ge sidan en rubrik och ett id (bokstäver, siffror, -).</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="164"/>
        <source>Someone else saved this page while you were editing. Your text is kept here: copy it, reopen the page and apply your change again.</source>
        <translation>Någon annan sparade sidan medan du redigerade. Din text finns kvar här: kopiera den, öppna sidan på nytt och gör ändringen igen.</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="170"/>
        <source>The page was not saved: %1</source>
        <translation>Sidan sparades inte: %1</translation>
    </message>
</context>
<context>
    <name>FiguresDialog</name>
    <message>
        <location filename="../callbacks.py" line="119"/>
        <source>Callback figures</source>
        <translation>Siffror för återuppringningar</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="128"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="129"/>
        <source>Created</source>
        <translation>Skapade</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="130"/>
        <source>Done same day</source>
        <translation>Klara samma dag</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="131"/>
        <source>Done in time</source>
        <translation>Klara i tid</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="132"/>
        <source>Overdue</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="133"/>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="144"/>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="146"/>
        <source>Created on %1</source>
        <translation>Skapade %1</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <location filename="../room.py" line="172"/>
        <source>Look in:</source>
        <translation>Leta i:</translation>
    </message>
    <message>
        <location filename="../room.py" line="173"/>
        <source>File name:</source>
        <translation>Filnamn:</translation>
    </message>
    <message>
        <location filename="../room.py" line="174"/>
        <source>File type:</source>
        <translation>Filtyp:</translation>
    </message>
    <message>
        <location filename="../room.py" line="175"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>HandbookBrowser</name>
    <message>
        <location filename="../handbook_page.py" line="87"/>
        <source>Open a link outside the handbook?</source>
        <translation>Öppna en länk utanför handboken?</translation>
    </message>
    <message>
        <location filename="../handbook_page.py" line="89"/>
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
        <location filename="../handbook.py" line="68"/>
        <source>Search the handbook (Ctrl+K)</source>
        <translation>Sök i handboken (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="88"/>
        <source>Changed since you last read it</source>
        <translation>Ändrad sedan du senast läste den</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="96"/>
        <source>Edit</source>
        <translation>Redigera</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="98"/>
        <source>New page</source>
        <translation>Ny sida</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="99"/>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="221"/>
        <source>No pages found</source>
        <translation>Inga sidor hittades</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="229"/>
        <source>Operating handbook</source>
        <translation>Verksamhetshandbok</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="230"/>
        <source>Pick a page on the left, or search with Ctrl+K.</source>
        <translation>Välj en sida till vänster eller sök med Ctrl+K.</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="237"/>
        <source>%1 · version %2 · changed %3 by %4</source>
        <translation>%1 · version %2 · ändrad %3 av %4</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="308"/>
        <source>Important handbook change: %1</source>
        <translation>Viktig ändring i handboken: %1</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="332"/>
        <source>Important handbook changes</source>
        <translation>Viktiga ändringar i handboken</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="335"/>
        <source>These handbook pages have changed in an important way:</source>
        <translation>Dessa sidor i handboken har viktiga ändringar:</translation>
    </message>
</context>
<context>
    <name>Handoff</name>
    <message>
        <location filename="../conversation.py" line="436"/>
        <source>Only for a client identified with Suomi.fi.</source>
        <translation>Endast för en klient som identifierats med Suomi.fi.</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="439"/>
        <source>The client&apos;s own clinic is not known (leave a callback for it).</source>
        <translation>Klientens egen rådgivning är inte känd (lämna en återuppringning till den).</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="442"/>
        <source>Not available here.</source>
        <translation>Inte tillgänglig här.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../handbook_edit.py" line="187"/>
        <source>Page history</source>
        <translation>Sidans historik</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="191"/>
        <source>Restore this version</source>
        <translation>Återställ den här versionen</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="201"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../report_history.py" line="86"/>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="87"/>
        <source>30 min</source>
        <translation>30 min</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="88"/>
        <source>Hour</source>
        <translation>Timme</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="89"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="90"/>
        <source>Week</source>
        <translation>Vecka</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="91"/>
        <source>Month</source>
        <translation>Månad</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="97"/>
        <location filename="../report_history.py" line="162"/>
        <source>Per person</source>
        <translation>Per person</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="100"/>
        <source>Time per state and contacts per person. Your look is access-logged.</source>
        <translation>Tid per läge och kontakter per person. Din läsning registreras i loggen.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="102"/>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="104"/>
        <source>Export XLSX…</source>
        <translation>Exportera XLSX…</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="106"/>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="110"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="111"/>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="112"/>
        <location filename="../report_history.py" line="134"/>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="113"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="134"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="152"/>
        <source>Arrivals by weekday and hour</source>
        <translation>Kontakter per veckodag och timme</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="160"/>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="161"/>
        <source>Charts</source>
        <translation>Diagram</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="199"/>
        <source>Offered</source>
        <translation>Inkomna</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="200"/>
        <source>Answered</source>
        <translation>Besvarade</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="201"/>
        <source>Within target</source>
        <translation>Inom målet</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="202"/>
        <source>Abandoned</source>
        <translation>Avbrutna</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="203"/>
        <source>Short abandons</source>
        <translation>Korta avbrott</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="204"/>
        <source>Service level</source>
        <translation>Servicenivå</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="205"/>
        <source>Mean wait</source>
        <translation>Medelväntan</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="206"/>
        <source>Wait, 90th pct</source>
        <translation>Väntan, 90 %</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="207"/>
        <source>Longest wait</source>
        <translation>Längsta väntan</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="208"/>
        <source>Mean handling</source>
        <translation>Medelhantering</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="209"/>
        <source>One contact</source>
        <translation>Vid en kontakt</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="210"/>
        <source>Transfers</source>
        <translation>Överföringar</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="211"/>
        <source>Wrap-up per contact</source>
        <translation>Efterarbete / kontakt</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="216"/>
        <source>Mon</source>
        <translation>mån</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="217"/>
        <source>Tue</source>
        <translation>tis</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="218"/>
        <source>Wed</source>
        <translation>ons</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="219"/>
        <source>Thu</source>
        <translation>tor</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="220"/>
        <source>Fri</source>
        <translation>fre</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="221"/>
        <source>Sat</source>
        <translation>lör</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="222"/>
        <source>Sun</source>
        <translation>sön</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="227"/>
        <source>All queues</source>
        <translation>Alla köer</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="242"/>
        <source>The range ends before it starts.</source>
        <translation>Perioden slutar innan den börjar.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="244"/>
        <source>Computing…</source>
        <translation>Beräknar…</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="252"/>
        <source>Export report</source>
        <translation>Exportera rapport</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="269"/>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="273"/>
        <source>The export failed: %1</source>
        <translation>Exporten misslyckades: %1</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="275"/>
        <source>Saved %1</source>
        <translation>Sparad %1</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="294"/>
        <source>Digi-agents: minutes per week and clinic %1; contacts handled %2; call-ins %3 (%4 by a red queue), %5 got help: median %6, longest %7 to the first helper.</source>
        <translation>Digiagenter: minuter per vecka och mottagning %1; hanterade kontakter %2; inkallningar %3 (%4 av en röd kö), %5 fick hjälp: median %6, längst %7 till första hjälparen.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="308"/>
        <source>Client feedback: no answers in this range.</source>
        <translation>Klientrespons: inga svar under perioden.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="312"/>
        <source>Client feedback: %1 answers, mean %2 of 5 (%3), %4 comments.</source>
        <translation>Klientrespons: %1 svar, medeltal %2 av 5 (%3), %4 kommentarer.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="329"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="329"/>
        <source>Chat</source>
        <translation>Chatt</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="337"/>
        <source>Service level = answered within target / (answered + abandoned). Short abandons (%1) count as abandoned.</source>
        <translation>Servicenivå = besvarade inom målet / (besvarade + avbrutna). Korta avbrott (%1) räknas som avbrutna.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="342"/>
        <source>Service level = answered within target / (answered + abandoned). Short abandons (%1) are left out.</source>
        <translation>Servicenivå = besvarade inom målet / (besvarade + avbrutna). Korta avbrott (%1) räknas inte.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="350"/>
        <source>%1: offered %2, answered %3, service level %4, one contact %5</source>
        <translation>%1: inkomna %2, besvarade %3, servicenivå %4, vid en kontakt %5</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="359"/>
        <source>Callbacks: %1 created, %2 done the same day, %3 overdue</source>
        <translation>Återuppringningar: %1 lämnade, %2 klara samma dag, %3 försenade</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="416"/>
        <source>Arrivals per interval</source>
        <translation>Kontakter per intervall</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="435"/>
        <source>Arrivals per interval, %1–%2</source>
        <translation>Kontakter per intervall, %1–%2</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="450"/>
        <source>Mean staff Ready</source>
        <translation>Redo i medeltal</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="464"/>
        <source>Service level against the target</source>
        <translation>Servicenivå mot målet</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="473"/>
        <source>Handled in one contact (target 70 %)</source>
        <translation>Klart vid en kontakt (mål 70 %)</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="517"/>
        <source>Target (%1)</source>
        <translation>Mål (%1)</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="554"/>
        <source>Not asked for</source>
        <translation>Inte begärt</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="557"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="557"/>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="557"/>
        <source>On chat</source>
        <translation>I chatt</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="557"/>
        <source>On calls</source>
        <translation>I samtal</translation>
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
        <location filename="../../app.py" line="233"/>
        <source>Signed in. You can close this tab and go back to Luukku.</source>
        <translation>Du är inloggad. Du kan stänga fliken och gå tillbaka till Luukku.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="236"/>
        <source>The sign-in did not go through. Go back to Luukku.</source>
        <translation>Inloggningen lyckades inte. Gå tillbaka till Luukku.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="380"/>
        <source>Too many attempts. Wait a moment.</source>
        <translation>För många försök. Vänta en stund.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="382"/>
        <source>The log-in was refused: %1</source>
        <translation>Inloggningen avvisades: %1</translation>
    </message>
    <message>
        <location filename="../../app.py" line="386"/>
        <source>Wrong username or password.</source>
        <translation>Fel användarnamn eller lösenord.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../login.py" line="30"/>
        <source>Log in to Luukku</source>
        <translation>Logga in i Luukku</translation>
    </message>
    <message>
        <location filename="../login.py" line="42"/>
        <source>Sign in with %1</source>
        <translation>Logga in: %1</translation>
    </message>
    <message>
        <location filename="../login.py" line="48"/>
        <source>Your browser opens the organisation&apos;s sign-in page.</source>
        <translation>Webbläsaren öppnar organisationens inloggningssida.</translation>
    </message>
    <message>
        <location filename="../login.py" line="57"/>
        <source>Remember the password on this computer (system keyring)</source>
        <translation>Kom ihåg lösenordet på den här datorn (systemets nyckelring)</translation>
    </message>
    <message>
        <location filename="../login.py" line="69"/>
        <source>Or with a Luukku password:</source>
        <translation>Eller med ett Luukku-lösenord:</translation>
    </message>
    <message>
        <location filename="../login.py" line="70"/>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location filename="../login.py" line="71"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location filename="../login.py" line="63"/>
        <source>Log in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <location filename="../login.py" line="64"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../login.py" line="89"/>
        <source>Enter your username and password.</source>
        <translation>Ange användarnamn och lösenord.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="72"/>
        <source>Luukku – contact point workstation</source>
        <translation>Luukku – kontaktpunktens arbetsstation</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="93"/>
        <source>Work queue</source>
        <translation>Arbetskö</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="94"/>
        <location filename="../main_window.py" line="314"/>
        <source>Handbook</source>
        <translation>Handbok</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="97"/>
        <location filename="../main_window.py" line="310"/>
        <source>Callbacks</source>
        <translation>Återuppringningar</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="99"/>
        <location filename="../main_window.py" line="291"/>
        <source>Colleagues</source>
        <translation>Kolleger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="126"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../menus.py" line="30"/>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location filename="../menus.py" line="32"/>
        <source>Sound for a new client line</source>
        <translation>Ljud för ett nytt meddelande från klienten</translation>
    </message>
    <message>
        <location filename="../menus.py" line="37"/>
        <source>Text size</source>
        <translation>Textstorlek</translation>
    </message>
    <message>
        <location filename="../menus.py" line="42"/>
        <source>Small</source>
        <translation>Liten</translation>
    </message>
    <message>
        <location filename="../menus.py" line="43"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../menus.py" line="44"/>
        <source>Large</source>
        <translation>Stor</translation>
    </message>
    <message>
        <location filename="../menus.py" line="45"/>
        <source>Larger</source>
        <translation>Större</translation>
    </message>
    <message>
        <location filename="../menus.py" line="53"/>
        <source>My figures…</source>
        <translation>Mina siffror…</translation>
    </message>
    <message>
        <location filename="../menus.py" line="55"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location filename="../menus.py" line="56"/>
        <source>About / diagnostics…</source>
        <translation>Om / diagnostik…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186"/>
        <source>Call outcome saved.</source>
        <translation>Samtalets resultat sparat.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="257"/>
        <source>Supervisor</source>
        <translation>Förman</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="280"/>
        <source>On standby you are asked when a queue needs you; no key is needed.</source>
        <translation>I beredskap blir du tillfrågad när en kö behöver dig; ingen tangent behövs.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="358"/>
        <source>Not possible now</source>
        <translation>Inte möjligt nu</translation>
    </message>
</context>
<context>
    <name>MeterTable</name>
    <message>
        <location filename="../meter.py" line="42"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../meter.py" line="43"/>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <location filename="../meter.py" line="44"/>
        <source>Longest
wait</source>
        <translation>Längsta
väntan</translation>
    </message>
    <message>
        <location filename="../meter.py" line="45"/>
        <source>Ready /
busy</source>
        <translation>Redo /
upptagna</translation>
    </message>
    <message>
        <location filename="../meter.py" line="46"/>
        <source>Service level
today</source>
        <translation>Servicenivå
i dag</translation>
    </message>
    <message>
        <location filename="../meter.py" line="47"/>
        <source>Callbacks
left</source>
        <translation>Åter-
uppringningar</translation>
    </message>
    <message>
        <location filename="../meter.py" line="48"/>
        <source>Level</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../meter.py" line="84"/>
        <source>Calm</source>
        <translation>Lugnt</translation>
    </message>
    <message>
        <location filename="../meter.py" line="85"/>
        <source>Busy</source>
        <translation>Livligt</translation>
    </message>
    <message>
        <location filename="../meter.py" line="86"/>
        <source>Congested</source>
        <translation>Rusning</translation>
    </message>
    <message>
        <location filename="../meter.py" line="92"/>
        <source>%1 overdue</source>
        <translation>%1 försenade</translation>
    </message>
    <message>
        <location filename="../meter.py" line="154"/>
        <source>Ready / busy: %1 / %2</source>
        <translation>Redo / upptagna: %1 / %2</translation>
    </message>
    <message>
        <location filename="../meter.py" line="157"/>
        <source>Callbacks left: %1</source>
        <translation>Återuppringningar kvar: %1</translation>
    </message>
    <message>
        <location filename="../meter.py" line="160"/>
        <source>%1 abandoned</source>
        <translation>%1 gav upp</translation>
    </message>
    <message>
        <location filename="../meter.py" line="109"/>
        <source>(closed)</source>
        <translation>(stängd)</translation>
    </message>
    <message>
        <location filename="../meter.py" line="112"/>
        <source>phone service down</source>
        <translation>telefontjänsten ur funktion</translation>
    </message>
    <message>
        <location filename="../meter.py" line="134"/>
        <source>Target: answered within %1 min</source>
        <translation>Mål: besvarad inom %1 min</translation>
    </message>
    <message>
        <location filename="../meter.py" line="141"/>
        <source>Today&apos;s service level is under the target of %1 %.</source>
        <translation>Dagens servicenivå är under målet på %1 %.</translation>
    </message>
</context>
<context>
    <name>MyFiguresDialog</name>
    <message>
        <location filename="../my_figures.py" line="47"/>
        <source>My figures</source>
        <translation>Mina siffror</translation>
    </message>
    <message>
        <location filename="../my_figures.py" line="52"/>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location filename="../my_figures.py" line="53"/>
        <source>This week</source>
        <translation>Den här veckan</translation>
    </message>
    <message>
        <location filename="../my_figures.py" line="57"/>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../my_figures.py" line="57"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location filename="../my_figures.py" line="79"/>
        <source>Contacts handled: %1 · on chats %2 · on calls %3</source>
        <translation>Hanterade kontakter: %1 · i chattar %2 · i samtal %3</translation>
    </message>
</context>
<context>
    <name>OfferBanner</name>
    <message>
        <location filename="../offer.py" line="247"/>
        <source>Accept the chat (Ctrl+%1)</source>
        <translation>Ta emot chatten (Ctrl+%1)</translation>
    </message>
</context>
<context>
    <name>OfferRow</name>
    <message>
        <location filename="../offer.py" line="89"/>
        <source>Accept</source>
        <translation>Ta emot</translation>
    </message>
    <message>
        <location filename="../offer.py" line="106"/>
        <source>New chat: %1 · %2 · waited %3</source>
        <translation>Ny chatt: %1 · %2 · väntat %3</translation>
    </message>
    <message>
        <location filename="../offer.py" line="114"/>
        <source>identified (Suomi.fi)</source>
        <translation>identifierad (Suomi.fi)</translation>
    </message>
    <message>
        <location filename="../offer.py" line="118"/>
        <source>Transferred by %1: %2</source>
        <translation>Flyttad av %1: %2</translation>
    </message>
    <message>
        <location filename="../offer.py" line="124"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>Phone</name>
    <message>
        <location filename="../phone.py" line="65"/>
        <source>Phone: ready for calls</source>
        <translation>Telefon: redo för samtal</translation>
    </message>
    <message>
        <location filename="../phone.py" line="67"/>
        <source>Phone: connecting…</source>
        <translation>Telefon: ansluter…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="69"/>
        <source>Phone: no connection to the phone server, retrying</source>
        <translation>Telefon: ingen anslutning till telefonservern, försöker igen</translation>
    </message>
    <message>
        <location filename="../phone.py" line="74"/>
        <source>Phone: not configured</source>
        <translation>Telefon: inte konfigurerad</translation>
    </message>
    <message>
        <location filename="../phone.py" line="79"/>
        <source>answered</source>
        <translation>besvarat</translation>
    </message>
    <message>
        <location filename="../phone.py" line="80"/>
        <source>missed</source>
        <translation>missat</translation>
    </message>
    <message>
        <location filename="../phone.py" line="81"/>
        <source>outgoing</source>
        <translation>utgående</translation>
    </message>
    <message>
        <location filename="../phone.py" line="82"/>
        <source>not answered</source>
        <translation>obesvarat</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="27"/>
        <source>microphone</source>
        <translation>mikrofon</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="28"/>
        <source>speaker</source>
        <translation>högtalare</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="29"/>
        <source>ringer</source>
        <translation>ringsignalenhet</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="126"/>
        <source>Phone password</source>
        <translation>Telefonlösenord</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="127"/>
        <source>SIP password for %1:</source>
        <translation>SIP-lösenord för %1:</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../phone.py" line="119"/>
        <source>Enter phone password…</source>
        <translation>Ange telefonlösenord…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="131"/>
        <source>Incoming call</source>
        <translation>Inkommande samtal</translation>
    </message>
    <message>
        <location filename="../phone.py" line="142"/>
        <source>Answer</source>
        <translation>Svara</translation>
    </message>
    <message>
        <location filename="../phone.py" line="147"/>
        <source>Answer (Ctrl+Shift+A or the headset button)</source>
        <translation>Svara (Ctrl+Skift+A eller headsetknappen)</translation>
    </message>
    <message>
        <location filename="../phone.py" line="148"/>
        <source>Decline</source>
        <translation>Avvisa</translation>
    </message>
    <message>
        <location filename="../phone.py" line="174"/>
        <source>Mute</source>
        <translation>Tysta</translation>
    </message>
    <message>
        <location filename="../phone.py" line="177"/>
        <location filename="../phone.py" line="407"/>
        <source>Hold</source>
        <translation>Parkera</translation>
    </message>
    <message>
        <location filename="../phone.py" line="180"/>
        <source>Keypad</source>
        <translation>Knappsats</translation>
    </message>
    <message>
        <location filename="../phone.py" line="182"/>
        <source>Transfer…</source>
        <translation>Koppla…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="184"/>
        <source>Complete transfer</source>
        <translation>Slutför kopplingen</translation>
    </message>
    <message>
        <location filename="../phone.py" line="186"/>
        <source>Hang up</source>
        <translation>Lägg på</translation>
    </message>
    <message>
        <location filename="../phone.py" line="225"/>
        <source>Number or colleague</source>
        <translation>Nummer eller kollega</translation>
    </message>
    <message>
        <location filename="../phone.py" line="226"/>
        <source>Call</source>
        <translation>Ring</translation>
    </message>
    <message>
        <location filename="../phone.py" line="244"/>
        <source>Switch back</source>
        <translation>Byt tillbaka</translation>
    </message>
    <message>
        <location filename="../phone.py" line="246"/>
        <source>Keep this one</source>
        <translation>Behåll den här</translation>
    </message>
    <message>
        <location filename="../phone.py" line="254"/>
        <source>Today&apos;s calls</source>
        <translation>Dagens samtal</translation>
    </message>
    <message>
        <location filename="../phone.py" line="257"/>
        <source>Double-click to call back</source>
        <translation>Dubbelklicka för att ringa tillbaka</translation>
    </message>
    <message>
        <location filename="../phone.py" line="259"/>
        <source>Audio devices…</source>
        <translation>Ljudenheter…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="310"/>
        <source>The transfer did not go through; the caller is still with you.</source>
        <translation>Kopplingen lyckades inte; den som ringer är kvar hos dig.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="313"/>
        <source>Transferred.</source>
        <translation>Kopplat.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="338"/>
        <location filename="../phone.py" line="487"/>
        <source>The phone is not connected.</source>
        <translation>Telefonen är inte ansluten.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="342"/>
        <source>Unknown number</source>
        <translation>Okänt nummer</translation>
    </message>
    <message>
        <location filename="../phone.py" line="348"/>
        <source>Line: %1</source>
        <translation>Linje: %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="350"/>
        <source>Direct call</source>
        <translation>Direktsamtal</translation>
    </message>
    <message>
        <location filename="../phone.py" line="355"/>
        <source>Waited %1</source>
        <translation>Väntat %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="391"/>
        <source>calling…</source>
        <translation>ringer…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="393"/>
        <source>on hold</source>
        <translation>parkerat</translation>
    </message>
    <message>
        <location filename="../phone.py" line="395"/>
        <source>consultation</source>
        <translation>konsultation</translation>
    </message>
    <message>
        <location filename="../phone.py" line="398"/>
        <source>Keys pressed: %1</source>
        <translation>Tryckta knappar: %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="407"/>
        <source>Resume</source>
        <translation>Återuppta</translation>
    </message>
    <message>
        <location filename="../phone.py" line="456"/>
        <source>The phone could not do that: %1</source>
        <translation>Telefonen kunde inte göra det: %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="530"/>
        <source>The chosen %1 is gone; using the default device. The call goes on.</source>
        <translation>Vald %1 försvann; standardenheten används. Samtalet fortsätter.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="540"/>
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
    <name>Record</name>
    <message>
        <location filename="../record.py" line="23"/>
        <source>chat</source>
        <translation>chatt</translation>
    </message>
    <message>
        <location filename="../record.py" line="24"/>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <location filename="../record.py" line="38"/>
        <source>urgent</source>
        <translation>brådskande</translation>
    </message>
    <message>
        <location filename="../record.py" line="51"/>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <location filename="../record.py" line="55"/>
        <source>%1 (name given by the client)</source>
        <translation>%1 (namn som klienten uppgett)</translation>
    </message>
    <message>
        <location filename="../record.py" line="68"/>
        <source>[picture]</source>
        <translation>[bild]</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../accounts.py" line="35"/>
        <source>Nurse</source>
        <translation>Sjukskötare</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="36"/>
        <source>Psychiatric nurse</source>
        <translation>Psykiatrisk sjukskötare</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="37"/>
        <source>Secretary</source>
        <translation>Sekreterare</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="38"/>
        <source>Social worker</source>
        <translation>Socialarbetare</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="39"/>
        <source>Doctor</source>
        <translation>Läkare</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="40"/>
        <source>Physiotherapist</source>
        <translation>Fysioterapeut</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="41"/>
        <source>Clinic nurse (digi-agent)</source>
        <translation>Rådgivningens skötare (digiagent)</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="42"/>
        <source>Supervisor</source>
        <translation>Förman</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <location filename="../roster.py" line="67"/>
        <source>◀ Previous week</source>
        <translation>◀ Föregående vecka</translation>
    </message>
    <message>
        <location filename="../roster.py" line="68"/>
        <source>Next week ▶</source>
        <translation>Nästa vecka ▶</translation>
    </message>
    <message>
        <location filename="../roster.py" line="69"/>
        <source>Save week</source>
        <translation>Spara veckan</translation>
    </message>
    <message>
        <location filename="../roster.py" line="71"/>
        <source>Undo changes</source>
        <translation>Ångra ändringarna</translation>
    </message>
    <message>
        <location filename="../roster.py" line="74"/>
        <source>Week of</source>
        <translation>Veckan från</translation>
    </message>
    <message>
        <location filename="../roster.py" line="83"/>
        <source>Type a shift as 8-15 or 8:00-11:30; two shifts with a comma; leave the cell empty for a day off. Changed cells are yellow until saved.</source>
        <translation>Skriv ett pass som 8-15 eller 8:00-11:30; två pass med kommatecken; lämna rutan tom för en ledig dag. Ändrade rutor är gula tills de sparas.</translation>
    </message>
    <message>
        <location filename="../roster.py" line="134"/>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <location filename="../roster.py" line="144"/>
        <source>This cell does not read as a shift: %1</source>
        <translation>Rutan kan inte läsas som ett pass: %1</translation>
    </message>
    <message>
        <location filename="../roster.py" line="147"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <location filename="../roster.py" line="180"/>
        <source>Not saved:</source>
        <translation>Inte sparat:</translation>
    </message>
    <message>
        <location filename="../roster.py" line="182"/>
        <source>%1 shifts saved.</source>
        <translation>%1 pass sparade.</translation>
    </message>
    <message>
        <location filename="../roster.py" line="191"/>
        <source>A colleague saved this week while you edited it. Your cells are kept; those that differ from the saved week are yellow. Save again to keep yours.</source>
        <translation>En kollega sparade veckan medan du redigerade den. Dina rutor finns kvar; de som skiljer sig från den sparade veckan är gula. Spara igen för att behålla dina.</translation>
    </message>
    <message>
        <location filename="../roster.py" line="262"/>
        <source>Not a shift: write it as 8-15 or 8:00-11:30.</source>
        <translation>Inget pass: skriv som 8-15 eller 8:00-11:30.</translation>
    </message>
    <message>
        <location filename="../roster.py" line="264"/>
        <source>Saved: %1</source>
        <translation>Sparat: %1</translation>
    </message>
    <message>
        <location filename="../roster.py" line="264"/>
        <source>day off</source>
        <translation>ledig</translation>
    </message>
    <message>
        <location filename="../roster.py" line="282"/>
        <source>%1, %2: “%3” is not a shift (write 8-15 or 8:00-11:30).</source>
        <translation>%1, %2: ”%3” är inget pass (skriv 8-15 eller 8:00-11:30).</translation>
    </message>
    <message>
        <location filename="../roster.py" line="288"/>
        <source>%1 cells in all are marked red.</source>
        <translation>Sammanlagt %1 celler är markerade med rött.</translation>
    </message>
</context>
<context>
    <name>StaffingView</name>
    <message>
        <location filename="../staffing.py" line="54"/>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="56"/>
        <source>%1 days</source>
        <translation>%1 dagar</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="59"/>
        <source>30 min</source>
        <translation>30 min</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="60"/>
        <source>Hour</source>
        <translation>Timme</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="61"/>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="63"/>
        <source>Import roster (CSV)…</source>
        <translation>Importera arbetslista (CSV)…</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="66"/>
        <source>Columns: name, date, start, end, skills or role. Replaces those days.</source>
        <translation>Kolumner: namn, datum, början, slut, kompetenser eller roll. Ersätter de dagarna.</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="69"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="90"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="91"/>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="92"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="93"/>
        <source>Forecast</source>
        <translation>Prognos</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="94"/>
        <source>Needed</source>
        <translation>Behov</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="95"/>
        <source>Rostered</source>
        <translation>I tjänst</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="96"/>
        <source>Gap</source>
        <translation>Skillnad</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="104"/>
        <source>Calls: Erlang A with the patience seen in the history. Chats: the fewest who meet the target when the interval is run through the router itself.</source>
        <translation>Samtal: Erlang A med tålamodet i historiken. Chattar: det minsta antal som når målet när intervallet körs genom själva routern.</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="120"/>
        <source>Computing…</source>
        <translation>Beräknar…</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="128"/>
        <source>Import roster</source>
        <translation>Importera arbetslista</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="128"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="138"/>
        <source>Cannot read %1: %2</source>
        <translation>Kan inte läsa %1: %2</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="143"/>
        <source>The file is too large to send; ask IT to run roster-import with it.</source>
        <translation>Filen är för stor att skicka; be IT importera den med roster-import.</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="146"/>
        <source>Importing…</source>
        <translation>Importerar…</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="153"/>
        <source>%1 shifts stored.</source>
        <translation>%1 pass sparade.</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="155"/>
        <source>Skipped:</source>
        <translation>Överhoppade:</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="166"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="166"/>
        <source>Chat</source>
        <translation>Chatt</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="170"/>
        <source>Digi-agent hours needed to close the gaps: %1 (intervals short of staff: %2)</source>
        <translation>Digiagenttimmar som behövs för att täcka luckorna: %1 (intervall med underbemanning: %2)</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="174"/>
        <source>The roster covers the forecast need in every interval.</source>
        <translation>Arbetslistan täcker det prognostiserade behovet i varje intervall.</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="183"/>
        <source>Forecast: the mean of the same weekday over the last six open weeks. Its error on the last two weeks (WAPE): %1</source>
        <translation>Prognos: medelvärdet för samma veckodag under de sex senaste öppna veckorna. Dess fel under de två senaste veckorna (WAPE): %1</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="188"/>
        <source>WAPE is how far the forecast missed, as a share of the contacts that came (0 % is exact). With one or two contacts in a half hour, missing by one is already 50–100 %: small queues show high figures though the forecast is useful for the day as a whole.</source>
        <translation>WAPE anger hur mycket prognosen missade i förhållande till antalet kontakter som kom (0 % är exakt). Med en eller två kontakter per halvtimme är redan en kontakts skillnad 50–100 %: små köer visar höga tal fast prognosen är användbar för dagen som helhet.</translation>
    </message>
</context>
<context>
    <name>StatusChoice</name>
    <message>
        <location filename="../status.py" line="43"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <location filename="../supervisor.py" line="44"/>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <location filename="../supervisor.py" line="45"/>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../supervisor.py" line="46"/>
        <source>Staffing</source>
        <translation>Bemanning</translation>
    </message>
    <message>
        <location filename="../supervisor.py" line="47"/>
        <source>Roster</source>
        <translation>Arbetsschema</translation>
    </message>
    <message>
        <location filename="../supervisor.py" line="48"/>
        <source>Users</source>
        <translation>Användare</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../texts.py" line="19"/>
        <source>Ready</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../texts.py" line="20"/>
        <source>Not ready</source>
        <translation>Inte redo</translation>
    </message>
    <message>
        <location filename="../texts.py" line="21"/>
        <source>Wrap-up</source>
        <translation>Efterarbete</translation>
    </message>
    <message>
        <location filename="../texts.py" line="22"/>
        <source>Offline</source>
        <translation>Frånvarande</translation>
    </message>
    <message>
        <location filename="../texts.py" line="32"/>
        <source>Break</source>
        <translation>Paus</translation>
    </message>
    <message>
        <location filename="../texts.py" line="33"/>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <location filename="../texts.py" line="34"/>
        <source>Training</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <location filename="../texts.py" line="35"/>
        <source>Other work</source>
        <translation>Annat arbete</translation>
    </message>
    <message>
        <location filename="../texts.py" line="36"/>
        <source>Missed offer</source>
        <translation>Missat erbjudande</translation>
    </message>
    <message>
        <location filename="../texts.py" line="37"/>
        <source>Just logged in</source>
        <translation>Nyss inloggad</translation>
    </message>
    <message>
        <location filename="../texts.py" line="38"/>
        <source>Set by a supervisor</source>
        <translation>Satt av förman</translation>
    </message>
    <message>
        <location filename="../texts.py" line="39"/>
        <source>Digi-agent on standby</source>
        <translation>Digiagent i beredskap</translation>
    </message>
    <message>
        <location filename="../texts.py" line="40"/>
        <source>Returning to clinic work</source>
        <translation>Återvänder till mottagningsarbetet</translation>
    </message>
    <message>
        <location filename="../texts.py" line="46"/>
        <source>Handled in one contact</source>
        <translation>Klart vid en kontakt</translation>
    </message>
    <message>
        <location filename="../texts.py" line="47"/>
        <source>Appointment booked</source>
        <translation>Tid bokad</translation>
    </message>
    <message>
        <location filename="../texts.py" line="48"/>
        <source>Callback left</source>
        <translation>Återuppringning lämnad</translation>
    </message>
    <message>
        <location filename="../texts.py" line="49"/>
        <source>Referred to social services</source>
        <translation>Hänvisad till socialtjänsten</translation>
    </message>
    <message>
        <location filename="../texts.py" line="50"/>
        <source>Referred to emergency care / on-call line (112, 116 117)</source>
        <translation>Hänvisad till jouren / jourhjälpen (112, 116 117)</translation>
    </message>
    <message>
        <location filename="../texts.py" line="53"/>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <location filename="../texts.py" line="59"/>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <location filename="../texts.py" line="60"/>
        <source>Connected</source>
        <translation>Ansluten</translation>
    </message>
    <message>
        <location filename="../texts.py" line="61"/>
        <source>Connection lost, reconnecting…</source>
        <translation>Förbindelsen bröts, ansluter igen…</translation>
    </message>
    <message>
        <location filename="../texts.py" line="62"/>
        <source>Login failed</source>
        <translation>Inloggningen misslyckades</translation>
    </message>
    <message>
        <location filename="../texts.py" line="70"/>
        <source>The client left the conversation.</source>
        <translation>Klienten lämnade samtalet.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="71"/>
        <source>The conversation was transferred to another professional.</source>
        <translation>Samtalet flyttades till en annan yrkesperson.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="74"/>
        <source>%1 joined the conversation as a consultant.</source>
        <translation>%1 anslöt till samtalet som konsult.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="77"/>
        <source>%1 left the conversation.</source>
        <translation>%1 lämnade samtalet.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="80"/>
        <source>A picture was requested from the client.</source>
        <translation>Klienten ombads om en bild.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="89"/>
        <source>Nobody in that queue can take a chat now. Try later or pick another queue.</source>
        <translation>Ingen i den kön kan ta en chatt nu. Försök senare eller välj en annan kö.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="92"/>
        <source>That colleague cannot take a chat now (not Ready, or full).</source>
        <translation>Kollegan kan inte ta en chatt nu (inte redo eller full).</translation>
    </message>
    <message>
        <location filename="../texts.py" line="95"/>
        <location filename="../texts.py" line="103"/>
        <source>That colleague is not online.</source>
        <translation>Kollegan är inte inloggad.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="96"/>
        <source>That colleague does not serve that queue.</source>
        <translation>Kollegan betjänar inte den kön.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="99"/>
        <source>You cannot transfer to yourself.</source>
        <translation>Du kan inte flytta till dig själv.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="100"/>
        <source>That colleague&apos;s role cannot be invited into client conversations.</source>
        <translation>Kollegans roll kan inte bjudas in till klientsamtal.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="104"/>
        <source>That colleague is already in the conversation.</source>
        <translation>Kollegan är redan med i samtalet.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="115"/>
        <source>The workstation and the server did not understand each other. Try again; if it repeats, tell IT support.</source>
        <translation>Arbetsstationen och servern förstod inte varandra. Försök igen; om det upprepas, kontakta IT-supporten.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="120"/>
        <source>This version of Luukku does not match the server. Ask IT support to update it.</source>
        <translation>Den här versionen av Luukku passar inte ihop med servern. Be IT-supporten uppdatera den.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="124"/>
        <source>That is too large to send. Shorten it or choose a smaller file.</source>
        <translation>Det är för stort för att skickas. Korta ner det eller välj en mindre fil.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="127"/>
        <source>Too many requests in a short time. Wait a moment and try again.</source>
        <translation>För många förfrågningar på kort tid. Vänta en stund och försök igen.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="130"/>
        <source>The service is closed now. It cannot be done until it opens.</source>
        <translation>Tjänsten är stängd nu. Det går först när den öppnar.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="133"/>
        <source>That queue is not in use (any more). Choose another queue from the list.</source>
        <translation>Kön används inte (längre). Välj en annan kö i listan.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="136"/>
        <source>It is no longer there: a colleague may have closed or taken it. The view is up to date now.</source>
        <translation>Den finns inte längre: en kollega kan ha stängt eller tagit den. Vyn är uppdaterad nu.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="141"/>
        <source>Wrong username or password, or the account is disabled.</source>
        <translation>Fel användarnamn eller lösenord, eller så är kontot inaktiverat.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="144"/>
        <source>Your session has ended. Log in again.</source>
        <translation>Din session har upphört. Logga in igen.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="147"/>
        <source>Your role does not allow this. Ask a supervisor.</source>
        <translation>Din roll tillåter inte detta. Fråga en arbetsledare.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="150"/>
        <source>Not possible in the present situation: a colleague may have acted first, or your state does not allow it. Check the situation and try again.</source>
        <translation>Inte möjligt i nuläget: en kollega kan ha hunnit först, eller så tillåter din status det inte. Kontrollera läget och försök igen.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="155"/>
        <source>The server ran into an error; nothing you wrote was lost. Try again; if it repeats, tell IT support.</source>
        <translation>Ett fel uppstod på servern; inget du skrev gick förlorat. Försök igen; om det upprepas, kontakta IT-supporten.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="160"/>
        <source>This needs a client identified with Suomi.fi. Ask the client to identify first.</source>
        <translation>Detta kräver en klient som identifierats med Suomi.fi. Be klienten identifiera sig först.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="170"/>
        <source>The server refused the request. Try again; if it repeats, tell IT support.</source>
        <translation>Servern avvisade begäran. Försök igen; om det upprepas, kontakta IT-supporten.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="235"/>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../phone_dialogs.py" line="90"/>
        <source>Transfer the call</source>
        <translation>Koppla samtalet</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="93"/>
        <source>Colleague or number:</source>
        <translation>Kollega eller nummer:</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="98"/>
        <source>Transfer now</source>
        <translation>Koppla nu</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="100"/>
        <source>The caller is put through at once; you leave the call.</source>
        <translation>Den som ringer kopplas genast; du lämnar samtalet.</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="101"/>
        <source>Talk first</source>
        <translation>Tala först</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="104"/>
        <source>The caller waits on hold while you talk to the colleague.</source>
        <translation>Den som ringer väntar parkerad medan du talar med kollegan.</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="106"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>WorkQueue</name>
    <message>
        <location filename="../work_queue.py" line="110"/>
        <source>Busyness meter</source>
        <translation>Rusningsmätare</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="118"/>
        <location filename="../work_queue.py" line="167"/>
        <source>No open conversations. Set yourself Ready to receive chats.</source>
        <translation>Inga öppna samtal. Ställ dig som Redo för att ta emot chattar.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="158"/>
        <source>Updated %1</source>
        <translation>Uppdaterad %1</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="165"/>
        <source>No open conversations. New chats are offered to you above.</source>
        <translation>Inga öppna samtal. Nya chattar erbjuds dig här ovanför.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="191"/>
        <source>New: %1</source>
        <translation>Ny: %1</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="197"/>
        <source>waiting %1</source>
        <translation>väntar %1</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="279"/>
        <source>This workstation has no phone set up.</source>
        <translation>Den här arbetsstationen har ingen telefon konfigurerad.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="293"/>
        <source>The conversation was transferred.</source>
        <translation>Samtalet flyttades.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="295"/>
        <source>The consultation ended.</source>
        <translation>Konsultationen avslutades.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="380"/>
        <source>The record entry is on the clipboard: paste it into the patient record.</source>
        <translation>Journalanteckningen finns i urklipp: klistra in den i patientjournalen.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="395"/>
        <source>The browser could not be opened.</source>
        <translation>Webbläsaren kunde inte öppnas.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="408"/>
        <source>Outcome of the call</source>
        <translation>Samtalets resultat</translation>
    </message>
</context>
</TS>
