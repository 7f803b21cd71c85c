# Fieldbase — čeština

app-name = Fieldbase
app-tagline = Vaši klienti na cestách — s připojením i bez něj.
loading = Otevírám vaši databázi klientů…

## Sign in

login-title = Přihlášení
login-username = Uživatelské jméno
login-password = Heslo
login-submit = Přihlásit se
login-busy = Přihlašuji…
login-error-credentials = Chybné uživatelské jméno nebo heslo.
login-error-network = Server není dostupný. Zkontrolujte připojení a zkuste to znovu.
login-error-server = Server odpověděl chybou ({ $status }). Zkuste to později.
login-error-storage = Přihlášení se nepodařilo uložit v zařízení: { $reason }
login-offline-note = Po prvním přihlášení funguje Fieldbase i bez připojení.
login-missing = Zadejte uživatelské jméno a heslo.

## Header

logout = Odhlásit
logout-confirm =
    { $count ->
        [one] Jedna změna ještě nedorazila na server a bude ztracena. Přesto se odhlásit?
        [few] { $count } změny ještě nedorazily na server a budou ztraceny. Přesto se odhlásit?
       *[other] { $count } změn ještě nedorazilo na server a bude ztraceno. Přesto se odhlásit?
    }
language = Jazyk
signed-in-as = Přihlášen(a) jako { $rep }

## Sync status bar

sync-offline = Offline
sync-connecting = Připojuji…
sync-syncing = Synchronizuji…
sync-synced = Synchronizováno
sync-pending =
    { $count ->
        [one] 1 neodeslaná změna
        [few] { $count } neodeslané změny
       *[other] { $count } neodeslaných změn
    }
sync-all-sent = Vše odesláno
sync-last = Naposledy { $time }
sync-never = Zatím nesynchronizováno
sync-retry = Zkusit znovu
sync-session-expired = Přihlášení vypršelo. Pro synchronizaci se přihlaste znovu — změny zůstávají v zařízení.
sync-relogin = Přihlásit znovu

## Client list

clients-title = Klienti
clients-count =
    { $count ->
        [one] 1 klient
        [few] { $count } klienti
       *[other] { $count } klientů
    }
clients-empty = Zatím žádní klienti. Prvního přidáte formulářem.
client-status-prospect = Potenciální
client-status-lead = Zájemce
client-status-active = Aktivní
client-status-key = Klíčový
client-status-dormant = Neaktivní
client-status-lost = Ztracený
client-no-contact = Bez kontaktu

## Add a client

add-title = Nový klient
field-name = Název
field-phone = Telefon
field-email = E-mail
field-optional = nepovinné
placeholder-name = Firma nebo osoba
placeholder-phone = +420 601 123 456
placeholder-email = jmeno@firma.cz
add-submit = Přidat klienta
add-saving = Ukládám…
add-saved = { $name } je uložen v zařízení.
add-failed = V zařízení se nepodařilo uložit: { $reason }

## Validation

invalid-empty = Zadejte název.
invalid-too-long = Nejvýše 200 znaků.
invalid-control-chars = Odstraňte řídicí znaky.
invalid-phone-chars = Jen číslice, mezery a - . ( ) /
invalid-phone-country = Doplňte předvolbu země, např. +420 601 123 456.
invalid-phone-zero = Předvolba země nikdy nezačíná nulou.
invalid-phone-length = Telefonní číslo má 8 až 15 číslic.
invalid-email-no-at = E-mailová adresa musí obsahovat @.
invalid-email-local-length = Před @ patří 1 až 64 znaků.
invalid-email-local-chars = Před @ odstraňte mezeru nebo druhý znak @.
invalid-email-dot = Tečka před @ je na špatném místě.
invalid-email-domain-dot = Za @ patří doména s tečkou, např. firma.cz.
invalid-email-domain = Doména za @ není platná.
invalid-bad-date = Zadejte datum ve tvaru 12-31 nebo 1980-12-31.
invalid-bad-currency = Zadejte kód měny, např. EUR nebo CZK.
invalid-bad-amount = Zadejte částku, např. 1 234,50.
invalid-currency-mismatch = Tato částka je v jiné měně.
invalid-amount-overflow = Tato částka je příliš velká.
invalid-unknown-channel = Vyberte telefon, SMS, e-mail, WhatsApp, Telegram, Viber nebo návštěvu.
invalid-bad-language = Zadejte kód jazyka, např. cs, en nebo ko.
invalid-bad-time = Zadejte čas ve tvaru 09:30.
invalid-bad-time-zone = Zadejte časové pásmo, např. Europe/Prague nebo UTC.
invalid-text-too-long = Text je delší než 10 000 znaků.
invalid-duration-too-long = Doba trvání nemůže být delší než 24 hodin.
invalid-bad-tax-id = DIČ/IČO smí obsahovat jen písmena, číslice, mezery a - / .
invalid-bad-website = Webová adresa vypadá jako priklad.cz.
invalid-out-of-range = Toto číslo je mimo povolený rozsah.
invalid-bad-tag = Štítek má nejvýše 50 znaků a žádnou dvojtečku.
invalid-end-before-start = Konec nemůže být před začátkem.
invalid-bad-country = Použijte dvoupísmenný kód země, např. CZ nebo NO.
invalid-reason-required = Pro tento stav uveďte důvod.
invalid-signed-needs-date = Podepsaná smlouva potřebuje datum podpisu.
invalid-bad-handle = Identifikátor má 1 až 100 znaků a žádné mezery.
invalid-other = Tato hodnota není platná.

## Storage

storage-unavailable = Tento prohlížeč nedovolí Fieldbase ukládat data v zařízení: { $reason }
storage-failed = V zařízení se nepodařilo uložit: { $reason }
