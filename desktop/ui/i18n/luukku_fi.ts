<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fi_FI">
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../conversation.py" line="167" />
        <location filename="../conversation.py" line="187" />
        <source>Close conversation</source>
        <translation>Päätä keskustelu</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="169" />
        <source>Outcome</source>
        <translation>Lopputulos</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="179" />
        <source>Wrap-up (short, no more health details than needed)</source>
        <translation>Yhteenveto (lyhyt, ei enempää terveystietoja kuin tarpeen)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="188" />
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../conversation.py" line="45" />
        <source>The client is typing…</source>
        <translation>Asiakas kirjoittaa…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="49" />
        <source>The client has left. Close the conversation with an outcome.</source>
        <translation>Asiakas poistui. Päätä keskustelu ja kirjaa lopputulos.</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="55" />
        <source>Write a reply (Enter sends, Shift+Enter new line)</source>
        <translation>Kirjoita vastaus (Enter lähettää, Vaihto+Enter uusi rivi)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="58" />
        <source>Send</source>
        <translation>Lähetä</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="60" />
        <source>Close conversation…</source>
        <translation>Päätä keskustelu…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="103" />
        <source>Sending…</source>
        <translation>Lähetetään…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../diagnostics.py" line="39" />
        <source>About Luukku / diagnostics</source>
        <translation>Tietoja Luukusta / diagnostiikka</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="46" />
        <source>This report holds no client data and no passwords. IT support may ask you to copy it.</source>
        <translation>Raportissa ei ole asiakastietoja eikä salasanoja. IT-tuki voi pyytää sinua kopioimaan sen.</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="56" />
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="57" />
        <source>Copy report</source>
        <translation>Kopioi raportti</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../../app.py" line="144" />
        <source>Wrong username or password.</source>
        <translation>Väärä käyttäjätunnus tai salasana.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../login.py" line="20" />
        <source>Log in to Luukku</source>
        <translation>Kirjaudu Luukkuun</translation>
    </message>
    <message>
        <location filename="../login.py" line="31" />
        <source>Remember the password on this computer (system keyring)</source>
        <translation>Muista salasana tällä koneella (järjestelmän avainnippu)</translation>
    </message>
    <message>
        <location filename="../login.py" line="34" />
        <source>Username</source>
        <translation>Käyttäjätunnus</translation>
    </message>
    <message>
        <location filename="../login.py" line="35" />
        <source>Password</source>
        <translation>Salasana</translation>
    </message>
    <message>
        <location filename="../login.py" line="40" />
        <source>Log in</source>
        <translation>Kirjaudu</translation>
    </message>
    <message>
        <location filename="../login.py" line="41" />
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="69" />
        <source>Luukku – contact point workstation</source>
        <translation>Luukku – yhteyspisteen työasema</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="88" />
        <source>Status:</source>
        <translation>Tila:</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="95" />
        <source>Busyness meter</source>
        <translation>Ruuhkamittari</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="105" />
        <source>No open conversations. Set yourself Ready to receive chats.</source>
        <translation>Ei avoimia keskusteluja. Aseta itsesi Valmiiksi, niin saat chatteja.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="126" />
        <source>&amp;Help</source>
        <translation>&amp;Ohje</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="127" />
        <source>About / diagnostics…</source>
        <translation>Tietoja / diagnostiikka…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195" />
        <source>Updated %1</source>
        <translation>Päivitetty %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="245" />
        <source>The backend refused: %1</source>
        <translation>Palvelin hylkäsi: %1</translation>
    </message>
</context>
<context>
    <name>MeterTable</name>
    <message>
        <location filename="../meter.py" line="25" />
        <source>Queue</source>
        <translation>Jono</translation>
    </message>
    <message>
        <location filename="../meter.py" line="26" />
        <source>Waiting</source>
        <translation>Jonossa</translation>
    </message>
    <message>
        <location filename="../meter.py" line="27" />
        <source>Longest
wait</source>
        <translation>Pisin
odotus</translation>
    </message>
    <message>
        <location filename="../meter.py" line="28" />
        <source>Ready /
busy</source>
        <translation>Valmiina /
varattuna</translation>
    </message>
    <message>
        <location filename="../meter.py" line="29" />
        <source>Service level
today</source>
        <translation>Palvelutaso
tänään</translation>
    </message>
    <message>
        <location filename="../meter.py" line="30" />
        <source>Level</source>
        <translation>Tilanne</translation>
    </message>
    <message>
        <location filename="../meter.py" line="48" />
        <source>Calm</source>
        <translation>Rauhallinen</translation>
    </message>
    <message>
        <location filename="../meter.py" line="49" />
        <source>Busy</source>
        <translation>Kiireinen</translation>
    </message>
    <message>
        <location filename="../meter.py" line="50" />
        <source>Congested</source>
        <translation>Ruuhka</translation>
    </message>
    <message>
        <location filename="../meter.py" line="65" />
        <source>(closed)</source>
        <translation>(suljettu)</translation>
    </message>
    <message>
        <location filename="../meter.py" line="81" />
        <source>Target: answered within %1 min</source>
        <translation>Tavoite: vastattu %1 minuutissa</translation>
    </message>
</context>
<context>
    <name>OfferBanner</name>
    <message>
        <location filename="../offer.py" line="52" />
        <source>Accept</source>
        <translation>Ota vastaan</translation>
    </message>
    <message>
        <location filename="../offer.py" line="55" />
        <source>Accept the chat (Ctrl+Enter)</source>
        <translation>Ota chat vastaan (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../offer.py" line="86" />
        <source>New chat: %1 · %2 · waited %3</source>
        <translation>Uusi chat: %1 · %2 · odottanut %3</translation>
    </message>
    <message>
        <location filename="../offer.py" line="113" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../texts.py" line="15" />
        <source>Ready</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <location filename="../texts.py" line="16" />
        <source>Not ready</source>
        <translation>Ei valmis</translation>
    </message>
    <message>
        <location filename="../texts.py" line="17" />
        <source>Wrap-up</source>
        <translation>Jälkityö</translation>
    </message>
    <message>
        <location filename="../texts.py" line="18" />
        <source>Offline</source>
        <translation>Poissa</translation>
    </message>
    <message>
        <location filename="../texts.py" line="28" />
        <source>Break</source>
        <translation>Tauko</translation>
    </message>
    <message>
        <location filename="../texts.py" line="29" />
        <source>Meeting</source>
        <translation>Palaveri</translation>
    </message>
    <message>
        <location filename="../texts.py" line="30" />
        <source>Training</source>
        <translation>Koulutus</translation>
    </message>
    <message>
        <location filename="../texts.py" line="31" />
        <source>Other work</source>
        <translation>Muu työ</translation>
    </message>
    <message>
        <location filename="../texts.py" line="32" />
        <source>Missed offer</source>
        <translation>Ohitettu tarjous</translation>
    </message>
    <message>
        <location filename="../texts.py" line="33" />
        <source>Just logged in</source>
        <translation>Juuri kirjautunut</translation>
    </message>
    <message>
        <location filename="../texts.py" line="39" />
        <source>Handled in one contact</source>
        <translation>Hoidettu yhdellä yhteydenotolla</translation>
    </message>
    <message>
        <location filename="../texts.py" line="40" />
        <source>Appointment booked</source>
        <translation>Aika varattu</translation>
    </message>
    <message>
        <location filename="../texts.py" line="41" />
        <source>Callback left</source>
        <translation>Soittopyyntö jätetty</translation>
    </message>
    <message>
        <location filename="../texts.py" line="42" />
        <source>Referred to social services</source>
        <translation>Ohjattu sosiaalipalveluihin</translation>
    </message>
    <message>
        <location filename="../texts.py" line="43" />
        <source>Other</source>
        <translation>Muu</translation>
    </message>
    <message>
        <location filename="../texts.py" line="49" />
        <source>Connecting…</source>
        <translation>Yhdistetään…</translation>
    </message>
    <message>
        <location filename="../texts.py" line="50" />
        <source>Connected</source>
        <translation>Yhteys kunnossa</translation>
    </message>
    <message>
        <location filename="../texts.py" line="51" />
        <source>Connection lost, reconnecting…</source>
        <translation>Yhteys katkesi, yhdistetään uudelleen…</translation>
    </message>
    <message>
        <location filename="../texts.py" line="52" />
        <source>Login failed</source>
        <translation>Kirjautuminen epäonnistui</translation>
    </message>
    <message>
        <location filename="../texts.py" line="58" />
        <source>The client left the conversation.</source>
        <translation>Asiakas poistui keskustelusta.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="63" />
        <source>Anonymous</source>
        <translation>Nimetön</translation>
    </message>
</context>
</TS>