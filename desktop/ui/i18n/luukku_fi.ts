<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../accounts.py" line="84"/>
        <source>A username is 1–64 letters, digits or . _ @ - with no spaces.</source>
        <translation>Käyttäjätunnuksessa on 1–64 kirjainta, numeroa tai merkkejä . _ @ - ilman välilyöntejä.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="87"/>
        <source>That role is not in the service file. Choose one from the list.</source>
        <translation>Roolia ei ole palvelun asetuksissa. Valitse rooli luettelosta.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="90"/>
        <source>A skill is not in the service file. Choose from the list.</source>
        <translation>Osaamista ei ole palvelun asetuksissa. Valitse luettelosta.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="93"/>
        <source>Choose at least one language.</source>
        <translation>Valitse vähintään yksi kieli.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="94"/>
        <source>Chats at once: 1–10.</source>
        <translation>Chatteja yhtä aikaa: 1–10.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="95"/>
        <source>A name of 1–100 characters is needed.</source>
        <translation>Nimen pituus on 1–100 merkkiä.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="96"/>
        <source>That username is taken already.</source>
        <translation>Käyttäjätunnus on jo käytössä.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="97"/>
        <source>That account no longer exists. The list is up to date now.</source>
        <translation>Tiliä ei enää ole. Luettelo on nyt ajan tasalla.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="100"/>
        <source>That account is disabled.</source>
        <translation>Tili on poistettu käytöstä.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="101"/>
        <source>You cannot do this to your own account: ask another supervisor or IT.</source>
        <translation>Et voi tehdä tätä omalle tilillesi: pyydä toista esihenkilöä tai IT-tukea.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="104"/>
        <source>The first password needs at least 12 characters.</source>
        <translation>Ensimmäisessä salasanassa on oltava vähintään 12 merkkiä.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="107"/>
        <source>Local passwords are off: staff sign in through the organisation.</source>
        <translation>Paikalliset salasanat eivät ole käytössä: henkilöstö kirjautuu organisaation tunnuksilla.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="111"/>
        <source>The change was refused. Check the values and try again.</source>
        <translation>Muutos hylättiin. Tarkista arvot ja yritä uudelleen.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="137"/>
        <location filename="../accounts.py" line="198"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="138"/>
        <location filename="../accounts.py" line="197"/>
        <source>Username</source>
        <translation>Käyttäjätunnus</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="139"/>
        <location filename="../accounts.py" line="175"/>
        <location filename="../accounts.py" line="199"/>
        <source>Role</source>
        <translation>Rooli</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="140"/>
        <location filename="../accounts.py" line="176"/>
        <location filename="../accounts.py" line="200"/>
        <source>Skills</source>
        <translation>Osaamiset</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="141"/>
        <location filename="../accounts.py" line="177"/>
        <location filename="../accounts.py" line="201"/>
        <source>Languages</source>
        <translation>Kielet</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="142"/>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="152"/>
        <source>Chosen account</source>
        <translation>Valittu tili</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="155"/>
        <source>Change role</source>
        <translation>Vaihda rooli</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="160"/>
        <source>Save skills and languages</source>
        <translation>Tallenna osaamiset ja kielet</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="162"/>
        <location filename="../accounts.py" line="383"/>
        <source>Disable</source>
        <translation>Poista käytöstä</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="164"/>
        <source>Remove…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="180"/>
        <source>New account</source>
        <translation>Uusi tili</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="194"/>
        <source>Add account</source>
        <translation>Lisää tili</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="202"/>
        <source>First password (at least 12 characters)</source>
        <translation>Ensimmäinen salasana (vähintään 12 merkkiä)</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="224"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="228"/>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="268"/>
        <source>Disable %1? Her sessions end now and her open chats go back to the queue.</source>
        <translation>Poistetaanko %1 käytöstä? Istunnot päättyvät heti ja avoimet chatit palaavat jonoon.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="278"/>
        <source>Remove the account of %1? What she did stays recorded under her username.</source>
        <translation>Poistetaanko käyttäjän %1 tili? Hänen tekemänsä kirjaukset säilyvät käyttäjätunnuksella.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="297"/>
        <source>%1 has no skills: she gets no chats, calls or callbacks. Save anyway?</source>
        <translation>Henkilöllä %1 ei ole osaamisia: hän ei saa chatteja, puheluita eikä soittopyyntöjä. Tallennetaanko silti?</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="319"/>
        <source>Users</source>
        <translation>Käyttäjät</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="343"/>
        <source>Active</source>
        <translation>Käytössä</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="343"/>
        <source>Disabled</source>
        <translation>Ei käytössä</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="345"/>
        <source>online</source>
        <translation>verkossa</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="363"/>
        <source>Not saved: %1</source>
        <translation>Ei tallennettu: %1</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="365"/>
        <source>Account added.</source>
        <translation>Tili lisätty.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="372"/>
        <source>Saved.</source>
        <translation>Tallennettu.</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="383"/>
        <source>Enable</source>
        <translation>Ota käyttöön</translation>
    </message>
</context>
<context>
    <name>AttentionBar</name>
    <message>
        <location filename="../attention.py" line="52"/>
        <source>An offer went unanswered, so you were set Not ready. The client waits at the head of the queue.</source>
        <translation>Tarjoukseen ei vastattu, joten tilasi on nyt Ei valmis. Asiakas odottaa jonon kärjessä.</translation>
    </message>
    <message>
        <location filename="../attention.py" line="55"/>
        <source>Ready again (F9)</source>
        <translation>Valmis taas (F9)</translation>
    </message>
    <message>
        <location filename="../attention.py" line="58"/>
        <source>Wrap-up: no new contacts until you are Ready.</source>
        <translation>Jälkityö: ei uusia yhteydenottoja ennen kuin olet Valmis.</translation>
    </message>
    <message>
        <location filename="../attention.py" line="60"/>
        <source>Wrap-up: you are Ready again in %1.</source>
        <translation>Jälkityö: olet taas Valmis %1 kuluttua.</translation>
    </message>
    <message>
        <location filename="../attention.py" line="63"/>
        <source>Ready now (F9)</source>
        <translation>Valmis nyt (F9)</translation>
    </message>
    <message>
        <location filename="../attention.py" line="66"/>
        <source>%1 is congested: %2 waiting, and you are not Ready.</source>
        <translation>%1 on ruuhkautunut: %2 odottaa, etkä ole Valmis.</translation>
    </message>
    <message>
        <location filename="../attention.py" line="70"/>
        <source>Ready (F9)</source>
        <translation>Valmis (F9)</translation>
    </message>
</context>
<context>
    <name>AudioDialog</name>
    <message>
        <location filename="../phone_dialogs.py" line="52"/>
        <source>Audio devices</source>
        <translation>Äänilaitteet</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="60"/>
        <source>Microphone</source>
        <translation>Mikrofoni</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="61"/>
        <source>Speaker / headset</source>
        <translation>Kaiutin / kuulokkeet</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="62"/>
        <source>Ringer</source>
        <translation>Soittoääni</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="72"/>
        <source>System default</source>
        <translation>Järjestelmän oletus</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../board.py" line="103"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../board.py" line="104"/>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../board.py" line="105"/>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <location filename="../board.py" line="106"/>
        <source>For</source>
        <translation>Kesto</translation>
    </message>
    <message>
        <location filename="../board.py" line="107"/>
        <source>Chats</source>
        <translation>Chatit</translation>
    </message>
    <message>
        <location filename="../board.py" line="108"/>
        <source>On a call</source>
        <translation>Puhelussa</translation>
    </message>
    <message>
        <location filename="../board.py" line="109"/>
        <source>Queues</source>
        <translation>Jonot</translation>
    </message>
    <message>
        <location filename="../board.py" line="116"/>
        <source>Set Not ready…</source>
        <translation>Aseta Ei valmis…</translation>
    </message>
    <message>
        <location filename="../board.py" line="118"/>
        <source>Sign out…</source>
        <translation>Kirjaa ulos…</translation>
    </message>
    <message>
        <location filename="../board.py" line="120"/>
        <source>Read her chat</source>
        <translation>Lue hänen chattiaan</translation>
    </message>
    <message>
        <location filename="../board.py" line="122"/>
        <source>Read-only. Your look is recorded in the access log.</source>
        <translation>Vain luku. Katselusi kirjataan lokiin.</translation>
    </message>
    <message>
        <location filename="../board.py" line="135"/>
        <source>Queues now</source>
        <translation>Jonot nyt</translation>
    </message>
    <message>
        <location filename="../board.py" line="192"/>
        <source>yes</source>
        <translation>kyllä</translation>
    </message>
    <message>
        <location filename="../board.py" line="213"/>
        <source>Set %1 Not ready</source>
        <translation>Aseta %1 tilaan Ei valmis</translation>
    </message>
    <message>
        <location filename="../board.py" line="214"/>
        <source>Why? The reason is recorded with your name.</source>
        <translation>Miksi? Syy kirjataan nimelläsi.</translation>
    </message>
    <message>
        <location filename="../board.py" line="216"/>
        <source>Sign out %1</source>
        <translation>Kirjaa ulos %1</translation>
    </message>
    <message>
        <location filename="../board.py" line="218"/>
        <source>Her session ends and her workstation asks her to log in again. Her open chats stay hers. Why? The reason is recorded with your name.</source>
        <translation>Hänen istuntonsa päättyy ja työasema pyytää kirjautumaan uudelleen. Avoimet chatit pysyvät hänellä. Miksi? Syy kirjataan nimelläsi.</translation>
    </message>
</context>
<context>
    <name>CallForHelpDialog</name>
    <message>
        <location filename="../digi_board.py" line="73"/>
        <source>Call in %1</source>
        <translation>Kutsu %1 avuksi</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="75"/>
        <source>Call for help</source>
        <translation>Pyydä apua</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="78"/>
        <source>Which queues need help?</source>
        <translation>Mitkä jonot tarvitsevat apua?</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="90"/>
        <source>How many people</source>
        <translation>Montako henkilöä</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="98"/>
        <source>Ask</source>
        <translation>Kysy</translation>
    </message>
</context>
<context>
    <name>CallInDialog</name>
    <message>
        <location filename="../digi.py" line="114"/>
        <source>The contact point needs help</source>
        <translation>Yhteyspiste tarvitsee apua</translation>
    </message>
    <message>
        <location filename="../digi.py" line="118"/>
        <source>%1 asks you to help in %2.</source>
        <translation>%1 pyytää sinua avuksi: %2.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="119"/>
        <source>A supervisor</source>
        <translation>Esihenkilö</translation>
    </message>
    <message>
        <location filename="../digi.py" line="122"/>
        <source>Clients are waiting in %1.</source>
        <translation>Asiakkaita odottaa jonossa %1.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="130"/>
        <source>Waiting now: %1, the longest for %2.</source>
        <translation>Jonossa nyt %1, pisimpään %2.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="134"/>
        <source>Nobody waits yet: the supervisor expects more contacts.</source>
        <translation>Kukaan ei vielä odota: esihenkilö odottaa yhteydenottojen lisääntyvän.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="143"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../digi.py" line="144"/>
        <source>Join</source>
        <translation>Tule mukaan</translation>
    </message>
    <message>
        <location filename="../digi.py" line="150"/>
        <source>Why not now (optional; only supervisors see it)</source>
        <translation>Miksi ei nyt (vapaaehtoinen; vain esihenkilöt näkevät)</translation>
    </message>
    <message>
        <location filename="../digi.py" line="151"/>
        <source>Not now</source>
        <translation>Ei nyt</translation>
    </message>
    <message>
        <location filename="../digi.py" line="154"/>
        <source>Join for</source>
        <translation>Mukaan ajaksi</translation>
    </message>
    <message>
        <location filename="../digi.py" line="182"/>
        <source>Please answer within %1.</source>
        <translation>Vastaa %1 kuluessa.</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../callbacks.py" line="429"/>
        <source>Callback request</source>
        <translation>Soittopyyntö</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="442"/>
        <source>Urgent</source>
        <translation>Kiireellinen</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="445"/>
        <source>Colleague&apos;s username (optional)</source>
        <translation>Kollegan käyttäjätunnus (vapaaehtoinen)</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="452"/>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="453"/>
        <source>Queue</source>
        <translation>Jono</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="454"/>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="458"/>
        <source>– (the queue&apos;s staff)</source>
        <translation>– (jonon henkilöstö)</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="461"/>
        <source>For a named colleague</source>
        <translation>Nimetylle kollegalle</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="462"/>
        <source>For the client&apos;s own clinic</source>
        <translation>Asiakkaan omalle neuvolalle</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="482"/>
        <source>Check the phone number.</source>
        <translation>Tarkista puhelinnumero.</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="483"/>
        <source>Write what the callback is about (at most 2,000 characters).</source>
        <translation>Kirjoita, mitä soittopyyntö koskee (enintään 2 000 merkkiä).</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="484"/>
        <source>Check the colleague&apos;s username.</source>
        <translation>Tarkista kollegan käyttäjätunnus.</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="486"/>
        <source>Check the fields.</source>
        <translation>Tarkista kentät.</translation>
    </message>
</context>
<context>
    <name>CallbackOfferBanner</name>
    <message>
        <location filename="../callbacks.py" line="84"/>
        <source>Take and call</source>
        <translation>Ota ja soita</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="86"/>
        <source>Not now</source>
        <translation>Ei nyt</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="105"/>
        <source>Callback waiting: %1 · %2 · due %3</source>
        <translation>Soittopyyntö odottaa: %1 · %2 · määräaika %3</translation>
    </message>
</context>
<context>
    <name>Callbacks</name>
    <message>
        <location filename="../callbacks.py" line="43"/>
        <source>No answer</source>
        <translation>Ei vastannut</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="44"/>
        <source>Busy</source>
        <translation>Varattu</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="45"/>
        <source>Wrong number</source>
        <translation>Väärä numero</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="46"/>
        <source>Done</source>
        <translation>Hoidettu</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="52"/>
        <source>needs a decision</source>
        <translation>vaatii päätöksen</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="54"/>
        <source>overdue</source>
        <translation>myöhässä</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="55"/>
        <source>open</source>
        <translation>avoin</translation>
    </message>
</context>
<context>
    <name>CallbacksView</name>
    <message>
        <location filename="../callbacks.py" line="191"/>
        <source>My queues</source>
        <translation>Omat jonot</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="192"/>
        <source>Named for me</source>
        <translation>Minulle nimetyt</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="193"/>
        <source>My clinic</source>
        <translation>Oma neuvola</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="194"/>
        <source>Overdue or flagged</source>
        <translation>Myöhässä tai merkityt</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="196"/>
        <source>New callback request…</source>
        <translation>Uusi soittopyyntö…</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="198"/>
        <source>Show:</source>
        <translation>Näytä:</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="201"/>
        <source>Figures…</source>
        <translation>Luvut…</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="213"/>
        <source>Due</source>
        <translation>Määräaika</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="214"/>
        <source>Queue</source>
        <translation>Jono</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="215"/>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="216"/>
        <source>Priority</source>
        <translation>Kiireellisyys</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="217"/>
        <source>Attempts</source>
        <translation>Yrityksiä</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="218"/>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="233"/>
        <source>Call back</source>
        <translation>Soita takaisin</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="239"/>
        <source>Note (no health details)</source>
        <translation>Huomautus (ei terveystietoja)</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="333"/>
        <source>urgent</source>
        <translation>kiireellinen</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="390"/>
        <source>Reason:</source>
        <translation>Syy:</translation>
    </message>
</context>
<context>
    <name>ChatTransferDialog</name>
    <message>
        <location filename="../collab.py" line="41"/>
        <source>Transfer the conversation</source>
        <translation>Siirrä keskustelu</translation>
    </message>
    <message>
        <location filename="../collab.py" line="55"/>
        <source>What the receiver should know first (the client does not see this)</source>
        <translation>Mitä vastaanottajan pitää tietää ensin (asiakas ei näe tätä)</translation>
    </message>
    <message>
        <location filename="../collab.py" line="61"/>
        <source>Queue</source>
        <translation>Jono</translation>
    </message>
    <message>
        <location filename="../collab.py" line="62"/>
        <source>Colleague</source>
        <translation>Kollega</translation>
    </message>
    <message>
        <location filename="../collab.py" line="63"/>
        <source>Note</source>
        <translation>Viesti</translation>
    </message>
    <message>
        <location filename="../collab.py" line="68"/>
        <source>Transfer</source>
        <translation>Siirrä</translation>
    </message>
    <message>
        <location filename="../collab.py" line="83"/>
        <source>Anyone Ready in the queue</source>
        <translation>Kuka tahansa jonossa valmiina oleva</translation>
    </message>
    <message>
        <location filename="../collab.py" line="103"/>
        <source>Free now: %1</source>
        <translation>Vapaana nyt: %1</translation>
    </message>
    <message>
        <location filename="../collab.py" line="107"/>
        <source>Can take a chat now.</source>
        <translation>Voi ottaa chatin nyt.</translation>
    </message>
    <message>
        <location filename="../collab.py" line="109"/>
        <source>Cannot take a chat now (not Ready, or full).</source>
        <translation>Ei voi ottaa chattia nyt (ei valmiina tai täynnä).</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../conversation.py" line="451"/>
        <location filename="../conversation.py" line="478"/>
        <source>Close conversation</source>
        <translation>Päätä keskustelu</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="453"/>
        <source>Outcome</source>
        <translation>Lopputulos</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="465"/>
        <source>Wrap-up (short, no more health details than needed)</source>
        <translation>Yhteenveto (lyhyt, ei enempää terveystietoja kuin tarpeen)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="470"/>
        <source>Copy the record entry to the clipboard</source>
        <translation>Kopioi kirjaus leikepöydälle</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="478"/>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="480"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>ColleagueMessagesView</name>
    <message>
        <location filename="../colleague_messages.py" line="65"/>
        <source>Message to colleagues (no client details in the help channel)</source>
        <translation>Viesti työkavereille (ei asiakastietoja apukanavalle)</translation>
    </message>
    <message>
        <location filename="../colleague_messages.py" line="68"/>
        <source>Send</source>
        <translation>Lähetä</translation>
    </message>
    <message>
        <location filename="../colleague_messages.py" line="98"/>
        <source>Help channel (everyone)</source>
        <translation>Apukanava (kaikki)</translation>
    </message>
    <message>
        <location filename="../colleague_messages.py" line="154"/>
        <source>Help channel</source>
        <translation>Apukanava</translation>
    </message>
    <message>
        <location filename="../colleague_messages.py" line="161"/>
        <source>Sending…</source>
        <translation>Lähetetään…</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../conversation.py" line="70"/>
        <source>Call back</source>
        <translation>Soita takaisin</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="74"/>
        <source>Callback request…</source>
        <translation>Soittopyyntö…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="109"/>
        <source>Internal note (staff only, the client never sees it)</source>
        <translation>Sisäinen muistiinpano (vain henkilöstölle, asiakas ei näe sitä)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="112"/>
        <source>Add note</source>
        <translation>Lisää muistiinpano</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="116"/>
        <source>Work together</source>
        <translation>Yhteistyö</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="120"/>
        <source>Transfer…</source>
        <translation>Siirrä…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="122"/>
        <source>Invite a colleague…</source>
        <translation>Kutsu kollega…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="124"/>
        <source>Ask for a picture</source>
        <translation>Pyydä kuvaa</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="126"/>
        <source>Move to video (send a meeting link)</source>
        <translation>Siirry videoon (lähetä tapaamislinkki)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="128"/>
        <source>Leave the consultation</source>
        <translation>Poistu konsultaatiosta</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="131"/>
        <source>The client is typing…</source>
        <translation>Asiakas kirjoittaa…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="135"/>
        <source>The client has left. Close the conversation with an outcome.</source>
        <translation>Asiakas poistui. Päätä keskustelu ja kirjaa lopputulos.</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="141"/>
        <source>Write a reply (Enter sends, Shift+Enter new line)</source>
        <translation>Kirjoita vastaus (Enter lähettää, Vaihto+Enter uusi rivi)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="144"/>
        <source>Send</source>
        <translation>Lähetä</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="146"/>
        <source>Close conversation…</source>
        <translation>Päätä keskustelu…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="155"/>
        <source>Insert a quick reply from the handbook</source>
        <translation>Lisää pikavastaus käsikirjasta</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="157"/>
        <source>Instructions</source>
        <translation>Ohjeet</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="168"/>
        <source>Copy to record</source>
        <translation>Kopioi kirjaukseen</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="171"/>
        <source>Copy the record entry of this conversation (Ctrl+Shift+C)</source>
        <translation>Kopioi tämän keskustelun kirjaus leikepöydälle (Ctrl+Vaihto+C)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="203"/>
        <source>Internal notes (staff only)</source>
        <translation>Sisäiset muistiinpanot (vain henkilöstölle)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="224"/>
        <source>Identified (Suomi.fi): %1, %2</source>
        <translation>Tunnistautunut (Suomi.fi): %1, %2</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="229"/>
        <source>Identified (Suomi.fi)</source>
        <translation>Tunnistautunut (Suomi.fi)</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="250"/>
        <source>Open the picture</source>
        <translation>Avaa kuva</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="253"/>
        <source>Video meeting link sent:</source>
        <translation>Videotapaamisen linkki lähetetty:</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="282"/>
        <source>Responsible: %1</source>
        <translation>Vastuussa: %1</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="285"/>
        <source>Consultants: %1</source>
        <translation>Konsultit: %1</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="287"/>
        <source>You are a consultant here.</source>
        <translation>Olet tässä konsulttina.</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="295"/>
        <source>Transferred by %1: %2</source>
        <translation>Siirtäjä %1: %2</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="332"/>
        <source>Sending…</source>
        <translation>Lähetetään…</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="387"/>
        <source>Quick reply…</source>
        <translation>Pikavastaus…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../diagnostics.py" line="39"/>
        <source>About Luukku / diagnostics</source>
        <translation>Tietoja Luukusta / diagnostiikka</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="46"/>
        <source>This report holds no client data and no passwords. IT support may ask you to copy it.</source>
        <translation>Raportissa ei ole asiakastietoja eikä salasanoja. IT-tuki voi pyytää sinua kopioimaan sen.</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="56"/>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="57"/>
        <source>Copy report</source>
        <translation>Kopioi raportti</translation>
    </message>
</context>
<context>
    <name>DigiBar</name>
    <message>
        <location filename="../digi.py" line="63"/>
        <source>Back to clinic work</source>
        <translation>Takaisin vastaanottotyöhön</translation>
    </message>
    <message>
        <location filename="../digi.py" line="66"/>
        <source>No new clients come; your open chats stay yours until you close them.</source>
        <translation>Uusia asiakkaita ei tule; avoimet keskustelusi pysyvät sinulla, kunnes suljet ne.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="85"/>
        <source>Standby: you are in no queue and the service&apos;s figures do not count you. You will be asked if a queue you can serve needs help.</source>
        <translation>Valmiustila: et ole missään jonossa eikä sinua lasketa palvelun lukuihin. Sinulta kysytään, jos jono, jota voit palvella, tarvitsee apua.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="89"/>
        <source>You are being asked to help in %1.</source>
        <translation>Sinua pyydetään avuksi: %1.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="93"/>
        <source>Helping in %1 until %2.</source>
        <translation>Autat jonossa %1 klo %2 asti.</translation>
    </message>
    <message>
        <location filename="../digi.py" line="97"/>
        <source>Thank you! No new clients come now. Close your open chats; then you are back on standby.</source>
        <translation>Kiitos! Uusia asiakkaita ei nyt tule. Sulje avoimet keskustelusi; sitten palaat valmiustilaan.</translation>
    </message>
</context>
<context>
    <name>DigiBoard</name>
    <message>
        <location filename="../digi_board.py" line="41"/>
        <source>Standby</source>
        <translation>Valmiustila</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="42"/>
        <source>Asked</source>
        <translation>Kysytty</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="43"/>
        <source>Helping</source>
        <translation>Auttaa</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="44"/>
        <source>Returning to clinic</source>
        <translation>Palaamassa vastaanotolle</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="52"/>
        <source>Not now</source>
        <translation>Ei nyt</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="56"/>
        <source>Joined for %1 min</source>
        <translation>Tuli mukaan %1 min ajaksi</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="58"/>
        <source>No answer</source>
        <translation>Ei vastausta</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="59"/>
        <source>Not needed after all</source>
        <translation>Ei tarvittu</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="125"/>
        <source>Digi-agents</source>
        <translation>Digiagentit</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="140"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="141"/>
        <source>Clinic</source>
        <translation>Vastaanotto</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="142"/>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="143"/>
        <source>For</source>
        <translation>Kesto</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="144"/>
        <source>Queues / until</source>
        <translation>Jonot / asti</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="145"/>
        <source>Minutes this week</source>
        <translation>Minuutit tällä viikolla</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="146"/>
        <source>Last answer</source>
        <translation>Viimeisin vastaus</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="156"/>
        <source>Call for help…</source>
        <translation>Pyydä apua…</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="158"/>
        <source>Call in…</source>
        <translation>Kutsu avuksi…</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="196"/>
        <source>red queue</source>
        <translation>punainen jono</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="196"/>
        <source>supervisor</source>
        <translation>esihenkilö</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="199"/>
        <source>Call-in for %1 (%2): %3 of %4 joined; asked so far: %5</source>
        <translation>Avunpyyntö jonoon %1 (%2): mukana %3/%4; kysytty: %5</translation>
    </message>
    <message>
        <location filename="../digi_board.py" line="207"/>
        <source>No call-in open.</source>
        <translation>Ei avointa avunpyyntöä.</translation>
    </message>
</context>
<context>
    <name>DigiDesk</name>
    <message>
        <location filename="../digi.py" line="263"/>
        <source>The queue is calm again: thank you!</source>
        <translation>Jono on taas rauhallinen: kiitos!</translation>
    </message>
    <message>
        <location filename="../digi.py" line="281"/>
        <source>The contact point needs help</source>
        <translation>Yhteyspiste tarvitsee apua</translation>
    </message>
    <message>
        <location filename="../digi.py" line="282"/>
        <source>Clients are waiting in %1.</source>
        <translation>Asiakkaita odottaa jonossa %1.</translation>
    </message>
</context>
<context>
    <name>EditorDialog</name>
    <message>
        <location filename="../handbook_edit.py" line="51"/>
        <source>Edit handbook page</source>
        <translation>Muokkaa käsikirjan sivua</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="51"/>
        <source>New handbook page</source>
        <translation>Uusi käsikirjan sivu</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="62"/>
        <source>Page</source>
        <translation>Sivu</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="63"/>
        <source>Quick reply</source>
        <translation>Pikavastaus</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="67"/>
        <source>Any language</source>
        <translation>Mikä tahansa kieli</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="78"/>
        <source>Title</source>
        <translation>Otsikko</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="79"/>
        <source>Id (in links)</source>
        <translation>Tunniste (linkeissä)</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="80"/>
        <source>Area</source>
        <translation>Osio</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="81"/>
        <source>Kind</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="82"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="83"/>
        <source>Shown with queues</source>
        <translation>Näytetään jonoissa</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="92"/>
        <source>What changed (shown in the history)</source>
        <translation>Mitä muuttui (näkyy historiassa)</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="93"/>
        <source>Important change: announce it to everyone at login</source>
        <translation>Tärkeä muutos: ilmoita kaikille kirjautumisen yhteydessä</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="101"/>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="102"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="145"/>
        <source>Give the page a title and an id (letters, digits, -).</source>
        <translation>Anna sivulle otsikko ja tunniste (kirjaimia, numeroita, -).</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="164"/>
        <source>Someone else saved this page while you were editing. Your text is kept here: copy it, reopen the page and apply your change again.</source>
        <translation>Joku muu tallensi sivun muokkauksesi aikana. Tekstisi on tallessa tässä: kopioi se, avaa sivu uudelleen ja tee muutoksesi uudestaan.</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="170"/>
        <source>The page was not saved: %1</source>
        <translation>Sivua ei tallennettu: %1</translation>
    </message>
</context>
<context>
    <name>FiguresDialog</name>
    <message>
        <location filename="../callbacks.py" line="119"/>
        <source>Callback figures</source>
        <translation>Soittopyyntöjen luvut</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="128"/>
        <source>Queue</source>
        <translation>Jono</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="129"/>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="130"/>
        <source>Done same day</source>
        <translation>Hoidettu samana päivänä</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="131"/>
        <source>Done in time</source>
        <translation>Hoidettu ajallaan</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="132"/>
        <source>Overdue</source>
        <translation>Myöhässä</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="133"/>
        <source>Open</source>
        <translation>Avoinna</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="144"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location filename="../callbacks.py" line="146"/>
        <source>Created on %1</source>
        <translation>Luotu %1</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <location filename="../room.py" line="172"/>
        <source>Look in:</source>
        <translation>Sijainti:</translation>
    </message>
    <message>
        <location filename="../room.py" line="173"/>
        <source>File name:</source>
        <translation>Tiedoston nimi:</translation>
    </message>
    <message>
        <location filename="../room.py" line="174"/>
        <source>File type:</source>
        <translation>Tiedostotyyppi:</translation>
    </message>
    <message>
        <location filename="../room.py" line="175"/>
        <source>Cancel</source>
        <translation>Peru</translation>
    </message>
</context>
<context>
    <name>HandbookBrowser</name>
    <message>
        <location filename="../handbook_page.py" line="87"/>
        <source>Open a link outside the handbook?</source>
        <translation>Avataanko linkki käsikirjan ulkopuolelle?</translation>
    </message>
    <message>
        <location filename="../handbook_page.py" line="89"/>
        <source>The link leads outside the handbook:
%1

Open it in the web browser?</source>
        <translation>Linkki johtaa käsikirjan ulkopuolelle:
%1

Avataanko se selaimessa?</translation>
    </message>
</context>
<context>
    <name>HandbookView</name>
    <message>
        <location filename="../handbook.py" line="68"/>
        <source>Search the handbook (Ctrl+K)</source>
        <translation>Hae käsikirjasta (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="88"/>
        <source>Changed since you last read it</source>
        <translation>Muuttunut edellisen lukukertasi jälkeen</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="96"/>
        <source>Edit</source>
        <translation>Muokkaa</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="98"/>
        <source>New page</source>
        <translation>Uusi sivu</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="99"/>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="221"/>
        <source>No pages found</source>
        <translation>Sivuja ei löytynyt</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="229"/>
        <source>Operating handbook</source>
        <translation>Toimintakäsikirja</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="230"/>
        <source>Pick a page on the left, or search with Ctrl+K.</source>
        <translation>Valitse sivu vasemmalta tai hae painamalla Ctrl+K.</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="237"/>
        <source>%1 · version %2 · changed %3 by %4</source>
        <translation>%1 · versio %2 · muutettu %3, %4</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="308"/>
        <source>Important handbook change: %1</source>
        <translation>Tärkeä muutos käsikirjassa: %1</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="332"/>
        <source>Important handbook changes</source>
        <translation>Tärkeitä muutoksia käsikirjassa</translation>
    </message>
    <message>
        <location filename="../handbook.py" line="335"/>
        <source>These handbook pages have changed in an important way:</source>
        <translation>Näissä käsikirjan sivuissa on tärkeitä muutoksia:</translation>
    </message>
</context>
<context>
    <name>Handoff</name>
    <message>
        <location filename="../conversation.py" line="436"/>
        <source>Only for a client identified with Suomi.fi.</source>
        <translation>Vain Suomi.fi-tunnistautuneelle asiakkaalle.</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="439"/>
        <source>The client&apos;s own clinic is not known (leave a callback for it).</source>
        <translation>Asiakkaan omaa neuvolaa ei tiedetä (jätä sille soittopyyntö).</translation>
    </message>
    <message>
        <location filename="../conversation.py" line="442"/>
        <source>Not available here.</source>
        <translation>Ei käytettävissä tässä.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../handbook_edit.py" line="187"/>
        <source>Page history</source>
        <translation>Sivun historia</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="191"/>
        <source>Restore this version</source>
        <translation>Palauta tämä versio</translation>
    </message>
    <message>
        <location filename="../handbook_edit.py" line="201"/>
        <source>Close</source>
        <translation>Sulje</translation>
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
        <translation>Tunti</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="89"/>
        <source>Day</source>
        <translation>Päivä</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="90"/>
        <source>Week</source>
        <translation>Viikko</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="91"/>
        <source>Month</source>
        <translation>Kuukausi</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="97"/>
        <location filename="../report_history.py" line="162"/>
        <source>Per person</source>
        <translation>Henkilöittäin</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="100"/>
        <source>Time per state and contacts per person. Your look is access-logged.</source>
        <translation>Aika tiloittain ja yhteydenotot henkilöittäin. Katselusi kirjataan lokiin.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="102"/>
        <source>Show</source>
        <translation>Näytä</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="104"/>
        <source>Export XLSX…</source>
        <translation>Vie XLSX…</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="106"/>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="110"/>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="111"/>
        <source>To</source>
        <translation>Päättyen</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="112"/>
        <location filename="../report_history.py" line="134"/>
        <source>Interval</source>
        <translation>Jakso</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="113"/>
        <source>Queue</source>
        <translation>Jono</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="134"/>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="152"/>
        <source>Arrivals by weekday and hour</source>
        <translation>Yhteydenotot viikonpäivittäin ja tunneittain</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="160"/>
        <source>Table</source>
        <translation>Taulukko</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="161"/>
        <source>Charts</source>
        <translation>Kaaviot</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="199"/>
        <source>Offered</source>
        <translation>Tulleet</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="200"/>
        <source>Answered</source>
        <translation>Vastatut</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="201"/>
        <source>Within target</source>
        <translation>Tavoiteajassa</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="202"/>
        <source>Abandoned</source>
        <translation>Luopuneet</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="203"/>
        <source>Short abandons</source>
        <translation>Lyhyet luopumiset</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="204"/>
        <source>Service level</source>
        <translation>Palvelutaso</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="205"/>
        <source>Mean wait</source>
        <translation>Keskim. odotus</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="206"/>
        <source>Wait, 90th pct</source>
        <translation>Odotus, 90 %</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="207"/>
        <source>Longest wait</source>
        <translation>Pisin odotus</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="208"/>
        <source>Mean handling</source>
        <translation>Keskim. käsittely</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="209"/>
        <source>One contact</source>
        <translation>Yhdellä kerralla</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="210"/>
        <source>Transfers</source>
        <translation>Siirrot</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="211"/>
        <source>Wrap-up per contact</source>
        <translation>Jälkityö / yhteydenotto</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="216"/>
        <source>Mon</source>
        <translation>ma</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="217"/>
        <source>Tue</source>
        <translation>ti</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="218"/>
        <source>Wed</source>
        <translation>ke</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="219"/>
        <source>Thu</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="220"/>
        <source>Fri</source>
        <translation>pe</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="221"/>
        <source>Sat</source>
        <translation>la</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="222"/>
        <source>Sun</source>
        <translation>su</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="227"/>
        <source>All queues</source>
        <translation>Kaikki jonot</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="242"/>
        <source>The range ends before it starts.</source>
        <translation>Jakso päättyy ennen kuin se alkaa.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="244"/>
        <source>Computing…</source>
        <translation>Lasketaan…</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="252"/>
        <source>Export report</source>
        <translation>Vie raportti</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="269"/>
        <source>Exporting…</source>
        <translation>Viedään…</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="273"/>
        <source>The export failed: %1</source>
        <translation>Vienti epäonnistui: %1</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="275"/>
        <source>Saved %1</source>
        <translation>Tallennettu %1</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="294"/>
        <source>Digi-agents: minutes per week and clinic %1; contacts handled %2; call-ins %3 (%4 by a red queue), %5 got help: median %6, longest %7 to the first helper.</source>
        <translation>Digiagentit: minuutit viikoittain ja vastaanotoittain %1; hoidettuja yhteydenottoja %2; avunpyyntöjä %3 (punaisen jonon käynnistämiä %4), apua sai %5: mediaani %6, pisin %7 ensimmäiseen auttajaan.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="308"/>
        <source>Client feedback: no answers in this range.</source>
        <translation>Asiakaspalaute: ei vastauksia tällä aikavälillä.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="312"/>
        <source>Client feedback: %1 answers, mean %2 of 5 (%3), %4 comments.</source>
        <translation>Asiakaspalaute: %1 vastausta, keskiarvo %2 / 5 (%3), %4 kommenttia.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="329"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="329"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="337"/>
        <source>Service level = answered within target / (answered + abandoned). Short abandons (%1) count as abandoned.</source>
        <translation>Palvelutaso = tavoiteajassa vastatut / (vastatut + luopuneet). Lyhyet luopumiset (%1) lasketaan luopuneiksi.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="342"/>
        <source>Service level = answered within target / (answered + abandoned). Short abandons (%1) are left out.</source>
        <translation>Palvelutaso = tavoiteajassa vastatut / (vastatut + luopuneet). Lyhyitä luopumisia (%1) ei lasketa.</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="350"/>
        <source>%1: offered %2, answered %3, service level %4, one contact %5</source>
        <translation>%1: tulleita %2, vastattuja %3, palvelutaso %4, yhdellä kerralla %5</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="359"/>
        <source>Callbacks: %1 created, %2 done the same day, %3 overdue</source>
        <translation>Soittopyynnöt: %1 jätetty, %2 hoidettu samana päivänä, %3 myöhässä</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="416"/>
        <source>Arrivals per interval</source>
        <translation>Yhteydenotot jaksoittain</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="435"/>
        <source>Arrivals per interval, %1–%2</source>
        <translation>Yhteydenotot jaksoittain, %1–%2</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="450"/>
        <source>Mean staff Ready</source>
        <translation>Valmiina keskimäärin</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="464"/>
        <source>Service level against the target</source>
        <translation>Palvelutaso ja tavoite</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="473"/>
        <source>Handled in one contact (target 70 %)</source>
        <translation>Hoidettu yhdellä kerralla (tavoite 70 %)</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="517"/>
        <source>Target (%1)</source>
        <translation>Tavoite (%1)</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="554"/>
        <source>Not asked for</source>
        <translation>Ei pyydetty</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="557"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="557"/>
        <source>Contacts</source>
        <translation>Yhteydenotot</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="557"/>
        <source>On chat</source>
        <translation>Chatissa</translation>
    </message>
    <message>
        <location filename="../report_history.py" line="557"/>
        <source>On calls</source>
        <translation>Puheluissa</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <location filename="../collab.py" line="128"/>
        <source>Invite a colleague</source>
        <translation>Kutsu kollega</translation>
    </message>
    <message>
        <location filename="../collab.py" line="131"/>
        <source>The client sees the colleague join. You stay responsible.</source>
        <translation>Asiakas näkee kollegan liittyvän. Vastuu pysyy sinulla.</translation>
    </message>
    <message>
        <location filename="../collab.py" line="137"/>
        <source>busy</source>
        <translation>varattu</translation>
    </message>
    <message>
        <location filename="../collab.py" line="143"/>
        <source>Invite</source>
        <translation>Kutsu</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../../app.py" line="233"/>
        <source>Signed in. You can close this tab and go back to Luukku.</source>
        <translation>Kirjautuminen onnistui. Voit sulkea tämän välilehden ja palata Luukkuun.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="236"/>
        <source>The sign-in did not go through. Go back to Luukku.</source>
        <translation>Kirjautuminen ei onnistunut. Palaa Luukkuun.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="380"/>
        <source>Too many attempts. Wait a moment.</source>
        <translation>Liian monta yritystä. Odota hetki.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="382"/>
        <source>The log-in was refused: %1</source>
        <translation>Kirjautuminen evättiin: %1</translation>
    </message>
    <message>
        <location filename="../../app.py" line="386"/>
        <source>Wrong username or password.</source>
        <translation>Väärä käyttäjätunnus tai salasana.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../login.py" line="30"/>
        <source>Log in to Luukku</source>
        <translation>Kirjaudu Luukkuun</translation>
    </message>
    <message>
        <location filename="../login.py" line="42"/>
        <source>Sign in with %1</source>
        <translation>Kirjaudu: %1</translation>
    </message>
    <message>
        <location filename="../login.py" line="48"/>
        <source>Your browser opens the organisation&apos;s sign-in page.</source>
        <translation>Selain avaa organisaation kirjautumissivun.</translation>
    </message>
    <message>
        <location filename="../login.py" line="57"/>
        <source>Remember the password on this computer (system keyring)</source>
        <translation>Muista salasana tällä koneella (järjestelmän avainnippu)</translation>
    </message>
    <message>
        <location filename="../login.py" line="69"/>
        <source>Or with a Luukku password:</source>
        <translation>Tai Luukun salasanalla:</translation>
    </message>
    <message>
        <location filename="../login.py" line="70"/>
        <source>Username</source>
        <translation>Käyttäjätunnus</translation>
    </message>
    <message>
        <location filename="../login.py" line="71"/>
        <source>Password</source>
        <translation>Salasana</translation>
    </message>
    <message>
        <location filename="../login.py" line="63"/>
        <source>Log in</source>
        <translation>Kirjaudu</translation>
    </message>
    <message>
        <location filename="../login.py" line="64"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location filename="../login.py" line="89"/>
        <source>Enter your username and password.</source>
        <translation>Anna käyttäjätunnus ja salasana.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="72"/>
        <source>Luukku – contact point workstation</source>
        <translation>Luukku – yhteyspisteen työasema</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="93"/>
        <source>Work queue</source>
        <translation>Työjono</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="94"/>
        <location filename="../main_window.py" line="314"/>
        <source>Handbook</source>
        <translation>Käsikirja</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="97"/>
        <location filename="../main_window.py" line="310"/>
        <source>Callbacks</source>
        <translation>Soittopyynnöt</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="99"/>
        <location filename="../main_window.py" line="291"/>
        <source>Colleagues</source>
        <translation>Työkaverit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="126"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location filename="../menus.py" line="30"/>
        <source>&amp;View</source>
        <translation>&amp;Näytä</translation>
    </message>
    <message>
        <location filename="../menus.py" line="32"/>
        <source>Sound for a new client line</source>
        <translation>Äänimerkki asiakkaan uudesta viestistä</translation>
    </message>
    <message>
        <location filename="../menus.py" line="37"/>
        <source>Text size</source>
        <translation>Tekstin koko</translation>
    </message>
    <message>
        <location filename="../menus.py" line="42"/>
        <source>Small</source>
        <translation>Pieni</translation>
    </message>
    <message>
        <location filename="../menus.py" line="43"/>
        <source>Normal</source>
        <translation>Normaali</translation>
    </message>
    <message>
        <location filename="../menus.py" line="44"/>
        <source>Large</source>
        <translation>Suuri</translation>
    </message>
    <message>
        <location filename="../menus.py" line="45"/>
        <source>Larger</source>
        <translation>Suurempi</translation>
    </message>
    <message>
        <location filename="../menus.py" line="53"/>
        <source>My figures…</source>
        <translation>Omat lukuni…</translation>
    </message>
    <message>
        <location filename="../menus.py" line="55"/>
        <source>&amp;Help</source>
        <translation>&amp;Ohje</translation>
    </message>
    <message>
        <location filename="../menus.py" line="56"/>
        <source>About / diagnostics…</source>
        <translation>Tietoja / diagnostiikka…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186"/>
        <source>Call outcome saved.</source>
        <translation>Puhelun tulos tallennettu.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="257"/>
        <source>Supervisor</source>
        <translation>Esihenkilö</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="280"/>
        <source>On standby you are asked when a queue needs you; no key is needed.</source>
        <translation>Valmiustilassa sinulta kysytään, kun jono tarvitsee sinua; näppäintä ei tarvita.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="358"/>
        <source>Not possible now</source>
        <translation>Ei onnistu nyt</translation>
    </message>
</context>
<context>
    <name>MeterTable</name>
    <message>
        <location filename="../meter.py" line="42"/>
        <source>Queue</source>
        <translation>Jono</translation>
    </message>
    <message>
        <location filename="../meter.py" line="43"/>
        <source>Waiting</source>
        <translation>Jonossa</translation>
    </message>
    <message>
        <location filename="../meter.py" line="44"/>
        <source>Longest
wait</source>
        <translation>Pisin
odotus</translation>
    </message>
    <message>
        <location filename="../meter.py" line="45"/>
        <source>Ready /
busy</source>
        <translation>Valmiina /
varattuna</translation>
    </message>
    <message>
        <location filename="../meter.py" line="46"/>
        <source>Service level
today</source>
        <translation>Palvelutaso
tänään</translation>
    </message>
    <message>
        <location filename="../meter.py" line="47"/>
        <source>Callbacks
left</source>
        <translation>Soitto-
pyyntöjä</translation>
    </message>
    <message>
        <location filename="../meter.py" line="48"/>
        <source>Level</source>
        <translation>Tilanne</translation>
    </message>
    <message>
        <location filename="../meter.py" line="84"/>
        <source>Calm</source>
        <translation>Rauhallinen</translation>
    </message>
    <message>
        <location filename="../meter.py" line="85"/>
        <source>Busy</source>
        <translation>Kiireinen</translation>
    </message>
    <message>
        <location filename="../meter.py" line="86"/>
        <source>Congested</source>
        <translation>Ruuhka</translation>
    </message>
    <message>
        <location filename="../meter.py" line="92"/>
        <source>%1 overdue</source>
        <translation>%1 myöhässä</translation>
    </message>
    <message>
        <location filename="../meter.py" line="154"/>
        <source>Ready / busy: %1 / %2</source>
        <translation>Valmiina / varattuna: %1 / %2</translation>
    </message>
    <message>
        <location filename="../meter.py" line="157"/>
        <source>Callbacks left: %1</source>
        <translation>Soittopyyntöjä jäljellä: %1</translation>
    </message>
    <message>
        <location filename="../meter.py" line="160"/>
        <source>%1 abandoned</source>
        <translation>%1 luopui</translation>
    </message>
    <message>
        <location filename="../meter.py" line="109"/>
        <source>(closed)</source>
        <translation>(suljettu)</translation>
    </message>
    <message>
        <location filename="../meter.py" line="112"/>
        <source>phone service down</source>
        <translation>puhelinpalvelu poissa käytöstä</translation>
    </message>
    <message>
        <location filename="../meter.py" line="134"/>
        <source>Target: answered within %1 min</source>
        <translation>Tavoite: vastattu %1 minuutissa</translation>
    </message>
    <message>
        <location filename="../meter.py" line="141"/>
        <source>Today&apos;s service level is under the target of %1 %.</source>
        <translation>Tämän päivän palvelutaso on alle %1 %:n tavoitteen.</translation>
    </message>
</context>
<context>
    <name>MyFiguresDialog</name>
    <message>
        <location filename="../my_figures.py" line="47"/>
        <source>My figures</source>
        <translation>Omat lukuni</translation>
    </message>
    <message>
        <location filename="../my_figures.py" line="52"/>
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <location filename="../my_figures.py" line="53"/>
        <source>This week</source>
        <translation>Tällä viikolla</translation>
    </message>
    <message>
        <location filename="../my_figures.py" line="57"/>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../my_figures.py" line="57"/>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <location filename="../my_figures.py" line="79"/>
        <source>Contacts handled: %1 · on chats %2 · on calls %3</source>
        <translation>Hoidettuja yhteydenottoja: %1 · chateissa %2 · puheluissa %3</translation>
    </message>
</context>
<context>
    <name>OfferBanner</name>
    <message>
        <location filename="../offer.py" line="247"/>
        <source>Accept the chat (Ctrl+%1)</source>
        <translation>Ota chat vastaan (Ctrl+%1)</translation>
    </message>
</context>
<context>
    <name>OfferRow</name>
    <message>
        <location filename="../offer.py" line="89"/>
        <source>Accept</source>
        <translation>Ota vastaan</translation>
    </message>
    <message>
        <location filename="../offer.py" line="106"/>
        <source>New chat: %1 · %2 · waited %3</source>
        <translation>Uusi chat: %1 · %2 · odottanut %3</translation>
    </message>
    <message>
        <location filename="../offer.py" line="114"/>
        <source>identified (Suomi.fi)</source>
        <translation>tunnistautunut (Suomi.fi)</translation>
    </message>
    <message>
        <location filename="../offer.py" line="118"/>
        <source>Transferred by %1: %2</source>
        <translation>Siirtäjä %1: %2</translation>
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
        <translation>Puhelin: valmis puheluihin</translation>
    </message>
    <message>
        <location filename="../phone.py" line="67"/>
        <source>Phone: connecting…</source>
        <translation>Puhelin: yhdistetään…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="69"/>
        <source>Phone: no connection to the phone server, retrying</source>
        <translation>Puhelin: ei yhteyttä puhelinpalvelimeen, yritetään uudelleen</translation>
    </message>
    <message>
        <location filename="../phone.py" line="74"/>
        <source>Phone: not configured</source>
        <translation>Puhelin: ei määritetty</translation>
    </message>
    <message>
        <location filename="../phone.py" line="79"/>
        <source>answered</source>
        <translation>vastattu</translation>
    </message>
    <message>
        <location filename="../phone.py" line="80"/>
        <source>missed</source>
        <translation>vastaamatta</translation>
    </message>
    <message>
        <location filename="../phone.py" line="81"/>
        <source>outgoing</source>
        <translation>lähtevä</translation>
    </message>
    <message>
        <location filename="../phone.py" line="82"/>
        <source>not answered</source>
        <translation>ei vastattu</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="27"/>
        <source>microphone</source>
        <translation>mikrofoni</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="28"/>
        <source>speaker</source>
        <translation>kaiutin</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="29"/>
        <source>ringer</source>
        <translation>soittoäänen laite</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="126"/>
        <source>Phone password</source>
        <translation>Puhelimen salasana</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="127"/>
        <source>SIP password for %1:</source>
        <translation>SIP-salasana käyttäjälle %1:</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../phone.py" line="119"/>
        <source>Enter phone password…</source>
        <translation>Anna puhelimen salasana…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="131"/>
        <source>Incoming call</source>
        <translation>Saapuva puhelu</translation>
    </message>
    <message>
        <location filename="../phone.py" line="142"/>
        <source>Answer</source>
        <translation>Vastaa</translation>
    </message>
    <message>
        <location filename="../phone.py" line="147"/>
        <source>Answer (Ctrl+Shift+A or the headset button)</source>
        <translation>Vastaa (Ctrl+Vaihto+A tai kuulokkeiden painike)</translation>
    </message>
    <message>
        <location filename="../phone.py" line="148"/>
        <source>Decline</source>
        <translation>Hylkää</translation>
    </message>
    <message>
        <location filename="../phone.py" line="174"/>
        <source>Mute</source>
        <translation>Mykistä</translation>
    </message>
    <message>
        <location filename="../phone.py" line="177"/>
        <location filename="../phone.py" line="407"/>
        <source>Hold</source>
        <translation>Pito</translation>
    </message>
    <message>
        <location filename="../phone.py" line="180"/>
        <source>Keypad</source>
        <translation>Näppäimistö</translation>
    </message>
    <message>
        <location filename="../phone.py" line="182"/>
        <source>Transfer…</source>
        <translation>Siirrä…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="184"/>
        <source>Complete transfer</source>
        <translation>Viimeistele siirto</translation>
    </message>
    <message>
        <location filename="../phone.py" line="186"/>
        <source>Hang up</source>
        <translation>Lopeta puhelu</translation>
    </message>
    <message>
        <location filename="../phone.py" line="225"/>
        <source>Number or colleague</source>
        <translation>Numero tai kollega</translation>
    </message>
    <message>
        <location filename="../phone.py" line="226"/>
        <source>Call</source>
        <translation>Soita</translation>
    </message>
    <message>
        <location filename="../phone.py" line="244"/>
        <source>Switch back</source>
        <translation>Vaihda takaisin</translation>
    </message>
    <message>
        <location filename="../phone.py" line="246"/>
        <source>Keep this one</source>
        <translation>Pidä tämä</translation>
    </message>
    <message>
        <location filename="../phone.py" line="254"/>
        <source>Today&apos;s calls</source>
        <translation>Tämän päivän puhelut</translation>
    </message>
    <message>
        <location filename="../phone.py" line="257"/>
        <source>Double-click to call back</source>
        <translation>Soita takaisin kaksoisnapsauttamalla</translation>
    </message>
    <message>
        <location filename="../phone.py" line="259"/>
        <source>Audio devices…</source>
        <translation>Äänilaitteet…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="310"/>
        <source>The transfer did not go through; the caller is still with you.</source>
        <translation>Siirto ei onnistunut; soittaja on yhä linjallasi.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="313"/>
        <source>Transferred.</source>
        <translation>Siirretty.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="338"/>
        <location filename="../phone.py" line="487"/>
        <source>The phone is not connected.</source>
        <translation>Puhelin ei ole yhteydessä.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="342"/>
        <source>Unknown number</source>
        <translation>Tuntematon numero</translation>
    </message>
    <message>
        <location filename="../phone.py" line="348"/>
        <source>Line: %1</source>
        <translation>Linja: %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="350"/>
        <source>Direct call</source>
        <translation>Suora puhelu</translation>
    </message>
    <message>
        <location filename="../phone.py" line="355"/>
        <source>Waited %1</source>
        <translation>Jonottanut %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="391"/>
        <source>calling…</source>
        <translation>soitetaan…</translation>
    </message>
    <message>
        <location filename="../phone.py" line="393"/>
        <source>on hold</source>
        <translation>pidossa</translation>
    </message>
    <message>
        <location filename="../phone.py" line="395"/>
        <source>consultation</source>
        <translation>konsultaatio</translation>
    </message>
    <message>
        <location filename="../phone.py" line="398"/>
        <source>Keys pressed: %1</source>
        <translation>Painetut näppäimet: %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="407"/>
        <source>Resume</source>
        <translation>Jatka</translation>
    </message>
    <message>
        <location filename="../phone.py" line="456"/>
        <source>The phone could not do that: %1</source>
        <translation>Puhelin ei voinut tehdä sitä: %1</translation>
    </message>
    <message>
        <location filename="../phone.py" line="530"/>
        <source>The chosen %1 is gone; using the default device. The call goes on.</source>
        <translation>Valittu %1 irrotettiin; käytetään oletuslaitetta. Puhelu jatkuu.</translation>
    </message>
    <message>
        <location filename="../phone.py" line="540"/>
        <source>The chosen %1 is connected again. Switch back to it?</source>
        <translation>Valittu %1 on taas kytketty. Vaihdetaanko takaisin siihen?</translation>
    </message>
</context>
<context>
    <name>PictureDialog</name>
    <message>
        <location filename="../collab.py" line="158"/>
        <source>Picture from the client</source>
        <translation>Asiakkaan kuva</translation>
    </message>
</context>
<context>
    <name>Record</name>
    <message>
        <location filename="../record.py" line="23"/>
        <source>chat</source>
        <translation>chat</translation>
    </message>
    <message>
        <location filename="../record.py" line="24"/>
        <source>phone</source>
        <translation>puhelin</translation>
    </message>
    <message>
        <location filename="../record.py" line="38"/>
        <source>urgent</source>
        <translation>kiireellinen</translation>
    </message>
    <message>
        <location filename="../record.py" line="51"/>
        <source>Client</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <location filename="../record.py" line="55"/>
        <source>%1 (name given by the client)</source>
        <translation>%1 (asiakkaan ilmoittama nimi)</translation>
    </message>
    <message>
        <location filename="../record.py" line="68"/>
        <source>[picture]</source>
        <translation>[kuva]</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../accounts.py" line="35"/>
        <source>Nurse</source>
        <translation>Sairaanhoitaja</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="36"/>
        <source>Psychiatric nurse</source>
        <translation>Psykiatrinen sairaanhoitaja</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="37"/>
        <source>Secretary</source>
        <translation>Sihteeri</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="38"/>
        <source>Social worker</source>
        <translation>Sosiaalityöntekijä</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="39"/>
        <source>Doctor</source>
        <translation>Lääkäri</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="40"/>
        <source>Physiotherapist</source>
        <translation>Fysioterapeutti</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="41"/>
        <source>Clinic nurse (digi-agent)</source>
        <translation>Neuvolan hoitaja (digiagentti)</translation>
    </message>
    <message>
        <location filename="../accounts.py" line="42"/>
        <source>Supervisor</source>
        <translation>Esihenkilö</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <location filename="../roster.py" line="67"/>
        <source>◀ Previous week</source>
        <translation>◀ Edellinen viikko</translation>
    </message>
    <message>
        <location filename="../roster.py" line="68"/>
        <source>Next week ▶</source>
        <translation>Seuraava viikko ▶</translation>
    </message>
    <message>
        <location filename="../roster.py" line="69"/>
        <source>Save week</source>
        <translation>Tallenna viikko</translation>
    </message>
    <message>
        <location filename="../roster.py" line="71"/>
        <source>Undo changes</source>
        <translation>Peru muutokset</translation>
    </message>
    <message>
        <location filename="../roster.py" line="74"/>
        <source>Week of</source>
        <translation>Viikko alkaen</translation>
    </message>
    <message>
        <location filename="../roster.py" line="83"/>
        <source>Type a shift as 8-15 or 8:00-11:30; two shifts with a comma; leave the cell empty for a day off. Changed cells are yellow until saved.</source>
        <translation>Kirjoita vuoro muodossa 8-15 tai 8:00-11:30; kaksi vuoroa pilkulla erotettuna; tyhjä solu on vapaapäivä. Muutetut solut ovat keltaisia tallennukseen asti.</translation>
    </message>
    <message>
        <location filename="../roster.py" line="134"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location filename="../roster.py" line="144"/>
        <source>This cell does not read as a shift: %1</source>
        <translation>Solua ei voi lukea työvuoroksi: %1</translation>
    </message>
    <message>
        <location filename="../roster.py" line="147"/>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <location filename="../roster.py" line="180"/>
        <source>Not saved:</source>
        <translation>Ei tallennettu:</translation>
    </message>
    <message>
        <location filename="../roster.py" line="182"/>
        <source>%1 shifts saved.</source>
        <translation>%1 työvuoroa tallennettu.</translation>
    </message>
    <message>
        <location filename="../roster.py" line="191"/>
        <source>A colleague saved this week while you edited it. Your cells are kept; those that differ from the saved week are yellow. Save again to keep yours.</source>
        <translation>Kollega tallensi tämän viikon muokatessasi sitä. Sinun solusi on säilytetty; tallennetusta viikosta poikkeavat ovat keltaisia. Tallenna uudelleen, jos haluat pitää omasi.</translation>
    </message>
    <message>
        <location filename="../roster.py" line="262"/>
        <source>Not a shift: write it as 8-15 or 8:00-11:30.</source>
        <translation>Ei vuoro: kirjoita muodossa 8-15 tai 8:00-11:30.</translation>
    </message>
    <message>
        <location filename="../roster.py" line="264"/>
        <source>Saved: %1</source>
        <translation>Tallennettu: %1</translation>
    </message>
    <message>
        <location filename="../roster.py" line="264"/>
        <source>day off</source>
        <translation>vapaa</translation>
    </message>
    <message>
        <location filename="../roster.py" line="282"/>
        <source>%1, %2: “%3” is not a shift (write 8-15 or 8:00-11:30).</source>
        <translation>%1, %2: ”%3” ei ole vuoro (kirjoita 8-15 tai 8:00-11:30).</translation>
    </message>
    <message>
        <location filename="../roster.py" line="288"/>
        <source>%1 cells in all are marked red.</source>
        <translation>Yhteensä %1 solua on merkitty punaisella.</translation>
    </message>
</context>
<context>
    <name>StaffingView</name>
    <message>
        <location filename="../staffing.py" line="54"/>
        <source>1 day</source>
        <translation>1 päivä</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="56"/>
        <source>%1 days</source>
        <translation>%1 päivää</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="59"/>
        <source>30 min</source>
        <translation>30 min</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="60"/>
        <source>Hour</source>
        <translation>Tunti</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="61"/>
        <source>Show</source>
        <translation>Näytä</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="63"/>
        <source>Import roster (CSV)…</source>
        <translation>Tuo työvuorolista (CSV)…</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="66"/>
        <source>Columns: name, date, start, end, skills or role. Replaces those days.</source>
        <translation>Sarakkeet: nimi, päivä, alku, loppu, taidot tai rooli. Korvaa nuo päivät.</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="69"/>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="90"/>
        <source>Day</source>
        <translation>Päivä</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="91"/>
        <source>Interval</source>
        <translation>Jakso</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="92"/>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="93"/>
        <source>Forecast</source>
        <translation>Ennuste</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="94"/>
        <source>Needed</source>
        <translation>Tarve</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="95"/>
        <source>Rostered</source>
        <translation>Vuorossa</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="96"/>
        <source>Gap</source>
        <translation>Ero</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="104"/>
        <source>Calls: Erlang A with the patience seen in the history. Chats: the fewest who meet the target when the interval is run through the router itself.</source>
        <translation>Puhelut: Erlang A historiasta arvioidulla kärsivällisyydellä. Chatit: pienin määrä, joka saavuttaa tavoitteen, kun jakso ajetaan itse reitittimen läpi.</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="120"/>
        <source>Computing…</source>
        <translation>Lasketaan…</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="128"/>
        <source>Import roster</source>
        <translation>Tuo työvuorolista</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="128"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="138"/>
        <source>Cannot read %1: %2</source>
        <translation>Tiedostoa %1 ei voi lukea: %2</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="143"/>
        <source>The file is too large to send; ask IT to run roster-import with it.</source>
        <translation>Tiedosto on liian suuri lähetettäväksi; pyydä IT:tä tuomaan se roster-import-komennolla.</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="146"/>
        <source>Importing…</source>
        <translation>Tuodaan…</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="153"/>
        <source>%1 shifts stored.</source>
        <translation>%1 vuoroa tallennettu.</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="155"/>
        <source>Skipped:</source>
        <translation>Ohitettu:</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="166"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="166"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="170"/>
        <source>Digi-agent hours needed to close the gaps: %1 (intervals short of staff: %2)</source>
        <translation>Digiagenttitunteja tarvitaan vajeiden paikkaamiseen: %1 (vajaita jaksoja: %2)</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="174"/>
        <source>The roster covers the forecast need in every interval.</source>
        <translation>Työvuorolista kattaa ennustetun tarpeen joka jaksossa.</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="183"/>
        <source>Forecast: the mean of the same weekday over the last six open weeks. Its error on the last two weeks (WAPE): %1</source>
        <translation>Ennuste: saman viikonpäivän keskiarvo kuudelta viimeiseltä aukioloviikolta. Sen virhe kahdella viimeisellä viikolla (WAPE): %1</translation>
    </message>
    <message>
        <location filename="../staffing.py" line="188"/>
        <source>WAPE is how far the forecast missed, as a share of the contacts that came (0 % is exact). With one or two contacts in a half hour, missing by one is already 50–100 %: small queues show high figures though the forecast is useful for the day as a whole.</source>
        <translation>WAPE kertoo, kuinka paljon ennuste meni ohi suhteessa tulleisiin yhteydenottoihin (0 % on täsmälleen oikein). Kun puolessa tunnissa tulee yksi tai kaksi yhteydenottoa, yhdenkin ero on jo 50–100 %: pienten jonojen luvut ovat suuria, vaikka ennuste on koko päivän kannalta käyttökelpoinen.</translation>
    </message>
</context>
<context>
    <name>StatusChoice</name>
    <message>
        <location filename="../status.py" line="43"/>
        <source>Status:</source>
        <translation>Tila:</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <location filename="../supervisor.py" line="44"/>
        <source>Now</source>
        <translation>Nyt</translation>
    </message>
    <message>
        <location filename="../supervisor.py" line="45"/>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <location filename="../supervisor.py" line="46"/>
        <source>Staffing</source>
        <translation>Resursointi</translation>
    </message>
    <message>
        <location filename="../supervisor.py" line="47"/>
        <source>Roster</source>
        <translation>Työvuorot</translation>
    </message>
    <message>
        <location filename="../supervisor.py" line="48"/>
        <source>Users</source>
        <translation>Käyttäjät</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../texts.py" line="19"/>
        <source>Ready</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <location filename="../texts.py" line="20"/>
        <source>Not ready</source>
        <translation>Ei valmis</translation>
    </message>
    <message>
        <location filename="../texts.py" line="21"/>
        <source>Wrap-up</source>
        <translation>Jälkityö</translation>
    </message>
    <message>
        <location filename="../texts.py" line="22"/>
        <source>Offline</source>
        <translation>Poissa</translation>
    </message>
    <message>
        <location filename="../texts.py" line="32"/>
        <source>Break</source>
        <translation>Tauko</translation>
    </message>
    <message>
        <location filename="../texts.py" line="33"/>
        <source>Meeting</source>
        <translation>Palaveri</translation>
    </message>
    <message>
        <location filename="../texts.py" line="34"/>
        <source>Training</source>
        <translation>Koulutus</translation>
    </message>
    <message>
        <location filename="../texts.py" line="35"/>
        <source>Other work</source>
        <translation>Muu työ</translation>
    </message>
    <message>
        <location filename="../texts.py" line="36"/>
        <source>Missed offer</source>
        <translation>Ohitettu tarjous</translation>
    </message>
    <message>
        <location filename="../texts.py" line="37"/>
        <source>Just logged in</source>
        <translation>Juuri kirjautunut</translation>
    </message>
    <message>
        <location filename="../texts.py" line="38"/>
        <source>Set by a supervisor</source>
        <translation>Esihenkilön asettama</translation>
    </message>
    <message>
        <location filename="../texts.py" line="39"/>
        <source>Digi-agent on standby</source>
        <translation>Digiagentti valmiustilassa</translation>
    </message>
    <message>
        <location filename="../texts.py" line="40"/>
        <source>Returning to clinic work</source>
        <translation>Palaamassa vastaanottotyöhön</translation>
    </message>
    <message>
        <location filename="../texts.py" line="46"/>
        <source>Handled in one contact</source>
        <translation>Hoidettu yhdellä yhteydenotolla</translation>
    </message>
    <message>
        <location filename="../texts.py" line="47"/>
        <source>Appointment booked</source>
        <translation>Aika varattu</translation>
    </message>
    <message>
        <location filename="../texts.py" line="48"/>
        <source>Callback left</source>
        <translation>Soittopyyntö jätetty</translation>
    </message>
    <message>
        <location filename="../texts.py" line="49"/>
        <source>Referred to social services</source>
        <translation>Ohjattu sosiaalipalveluihin</translation>
    </message>
    <message>
        <location filename="../texts.py" line="50"/>
        <source>Referred to emergency care / on-call line (112, 116 117)</source>
        <translation>Ohjattu päivystykseen / päivystysapuun (112, 116 117)</translation>
    </message>
    <message>
        <location filename="../texts.py" line="53"/>
        <source>Other</source>
        <translation>Muu</translation>
    </message>
    <message>
        <location filename="../texts.py" line="59"/>
        <source>Connecting…</source>
        <translation>Yhdistetään…</translation>
    </message>
    <message>
        <location filename="../texts.py" line="60"/>
        <source>Connected</source>
        <translation>Yhteys kunnossa</translation>
    </message>
    <message>
        <location filename="../texts.py" line="61"/>
        <source>Connection lost, reconnecting…</source>
        <translation>Yhteys katkesi, yhdistetään uudelleen…</translation>
    </message>
    <message>
        <location filename="../texts.py" line="62"/>
        <source>Login failed</source>
        <translation>Kirjautuminen epäonnistui</translation>
    </message>
    <message>
        <location filename="../texts.py" line="70"/>
        <source>The client left the conversation.</source>
        <translation>Asiakas poistui keskustelusta.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="71"/>
        <source>The conversation was transferred to another professional.</source>
        <translation>Keskustelu siirrettiin toiselle ammattilaiselle.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="74"/>
        <source>%1 joined the conversation as a consultant.</source>
        <translation>%1 liittyi keskusteluun konsulttina.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="77"/>
        <source>%1 left the conversation.</source>
        <translation>%1 poistui keskustelusta.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="80"/>
        <source>A picture was requested from the client.</source>
        <translation>Asiakkaalta pyydettiin kuvaa.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="89"/>
        <source>Nobody in that queue can take a chat now. Try later or pick another queue.</source>
        <translation>Kukaan siinä jonossa ei voi ottaa chattia nyt. Yritä myöhemmin tai valitse toinen jono.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="92"/>
        <source>That colleague cannot take a chat now (not Ready, or full).</source>
        <translation>Kollega ei voi ottaa chattia nyt (ei valmiina tai täynnä).</translation>
    </message>
    <message>
        <location filename="../texts.py" line="95"/>
        <location filename="../texts.py" line="103"/>
        <source>That colleague is not online.</source>
        <translation>Kollega ei ole paikalla.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="96"/>
        <source>That colleague does not serve that queue.</source>
        <translation>Kollega ei palvele sitä jonoa.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="99"/>
        <source>You cannot transfer to yourself.</source>
        <translation>Et voi siirtää itsellesi.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="100"/>
        <source>That colleague&apos;s role cannot be invited into client conversations.</source>
        <translation>Kollegan roolia ei voi kutsua asiakaskeskusteluihin.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="104"/>
        <source>That colleague is already in the conversation.</source>
        <translation>Kollega on jo keskustelussa.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="115"/>
        <source>The workstation and the server did not understand each other. Try again; if it repeats, tell IT support.</source>
        <translation>Työasema ja palvelin eivät ymmärtäneet toisiaan. Yritä uudelleen; jos sama toistuu, kerro IT-tuelle.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="120"/>
        <source>This version of Luukku does not match the server. Ask IT support to update it.</source>
        <translation>Tämä Luukun versio ei sovi yhteen palvelimen kanssa. Pyydä IT-tukea päivittämään se.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="124"/>
        <source>That is too large to send. Shorten it or choose a smaller file.</source>
        <translation>Se on liian suuri lähetettäväksi. Lyhennä tekstiä tai valitse pienempi tiedosto.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="127"/>
        <source>Too many requests in a short time. Wait a moment and try again.</source>
        <translation>Liian monta pyyntöä lyhyessä ajassa. Odota hetki ja yritä uudelleen.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="130"/>
        <source>The service is closed now. It cannot be done until it opens.</source>
        <translation>Palvelu on nyt suljettu. Tämä onnistuu vasta, kun palvelu aukeaa.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="133"/>
        <source>That queue is not in use (any more). Choose another queue from the list.</source>
        <translation>Jono ei ole (enää) käytössä. Valitse toinen jono luettelosta.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="136"/>
        <source>It is no longer there: a colleague may have closed or taken it. The view is up to date now.</source>
        <translation>Sitä ei enää ole: työkaveri on ehkä sulkenut tai ottanut sen. Näkymä on nyt ajan tasalla.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="141"/>
        <source>Wrong username or password, or the account is disabled.</source>
        <translation>Väärä käyttäjätunnus tai salasana, tai tili on poistettu käytöstä.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="144"/>
        <source>Your session has ended. Log in again.</source>
        <translation>Istuntosi on päättynyt. Kirjaudu uudelleen.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="147"/>
        <source>Your role does not allow this. Ask a supervisor.</source>
        <translation>Roolisi ei salli tätä. Pyydä esihenkilöä.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="150"/>
        <source>Not possible in the present situation: a colleague may have acted first, or your state does not allow it. Check the situation and try again.</source>
        <translation>Ei onnistu nykytilanteessa: työkaveri on ehkä ehtinyt ensin, tai tilasi ei salli sitä. Tarkista tilanne ja yritä uudelleen.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="155"/>
        <source>The server ran into an error; nothing you wrote was lost. Try again; if it repeats, tell IT support.</source>
        <translation>Palvelimella tapahtui virhe; kirjoittamasi ei kadonnut. Yritä uudelleen; jos sama toistuu, kerro IT-tuelle.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="160"/>
        <source>This needs a client identified with Suomi.fi. Ask the client to identify first.</source>
        <translation>Tämä edellyttää Suomi.fi-tunnistettua asiakasta. Pyydä asiakasta tunnistautumaan ensin.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="170"/>
        <source>The server refused the request. Try again; if it repeats, tell IT support.</source>
        <translation>Palvelin hylkäsi pyynnön. Yritä uudelleen; jos sama toistuu, kerro IT-tuelle.</translation>
    </message>
    <message>
        <location filename="../texts.py" line="235"/>
        <source>Anonymous</source>
        <translation>Nimetön</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../phone_dialogs.py" line="90"/>
        <source>Transfer the call</source>
        <translation>Siirrä puhelu</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="93"/>
        <source>Colleague or number:</source>
        <translation>Kollega tai numero:</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="98"/>
        <source>Transfer now</source>
        <translation>Siirrä heti</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="100"/>
        <source>The caller is put through at once; you leave the call.</source>
        <translation>Soittaja yhdistetään heti; sinä poistut puhelusta.</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="101"/>
        <source>Talk first</source>
        <translation>Keskustele ensin</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="104"/>
        <source>The caller waits on hold while you talk to the colleague.</source>
        <translation>Soittaja odottaa pidossa, kun puhut kollegan kanssa.</translation>
    </message>
    <message>
        <location filename="../phone_dialogs.py" line="106"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>WorkQueue</name>
    <message>
        <location filename="../work_queue.py" line="110"/>
        <source>Busyness meter</source>
        <translation>Ruuhkamittari</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="118"/>
        <location filename="../work_queue.py" line="167"/>
        <source>No open conversations. Set yourself Ready to receive chats.</source>
        <translation>Ei avoimia keskusteluja. Aseta itsesi Valmiiksi, niin saat chatteja.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="158"/>
        <source>Updated %1</source>
        <translation>Päivitetty %1</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="165"/>
        <source>No open conversations. New chats are offered to you above.</source>
        <translation>Ei avoimia keskusteluja. Uudet chatit tarjotaan sinulle yläpuolella.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="191"/>
        <source>New: %1</source>
        <translation>Uusi: %1</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="197"/>
        <source>waiting %1</source>
        <translation>odottaa %1</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="279"/>
        <source>This workstation has no phone set up.</source>
        <translation>Tällä työasemalla ei ole puhelinta määritetty.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="293"/>
        <source>The conversation was transferred.</source>
        <translation>Keskustelu siirrettiin.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="295"/>
        <source>The consultation ended.</source>
        <translation>Konsultaatio päättyi.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="380"/>
        <source>The record entry is on the clipboard: paste it into the patient record.</source>
        <translation>Kirjaus on leikepöydällä: liitä se potilastietoihin.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="395"/>
        <source>The browser could not be opened.</source>
        <translation>Selainta ei voitu avata.</translation>
    </message>
    <message>
        <location filename="../work_queue.py" line="408"/>
        <source>Outcome of the call</source>
        <translation>Puhelun tulos</translation>
    </message>
</context>
</TS>
