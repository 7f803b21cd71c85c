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

## Shell, Clients, Today, Settings
nav-label = Hlavní nabídka
nav-today = Dnes
nav-clients = Klienti
nav-capture = Lead
nav-plan = Plán
nav-reports = Přehledy
nav-settings = Nastavení
clients-search = Hledat název, kontakt, telefon, e-mail, štítek
clients-filters = Filtry
clients-none-match = Žádný klient neodpovídá.
field-status = Stav
field-segment = Segment
field-tag = Štítek
filter-any-status = Jakýkoli stav
filter-any-segment = Jakýkoli segment
filter-any-tag = Jakýkoli štítek
filter-mine = Moji
filter-overdue = Dluh po splatnosti
sort-next-step = Podle dalšího kroku
segment-key = Klíčový
segment-corporate = Firemní
segment-retail = Maloobchod
task-kind-call = Hovor
task-kind-visit = Návštěva
task-kind-send_offer = Poslat nabídku
task-kind-reconcile = Odsouhlasení
task-kind-greet = Popřát
task-kind-collect_debt = Vymáhat dluh
task-kind-other = Jiné
today-targets = Dnešní cíle
today-counter-calls = Hovory
today-counter-email-offers = Nabídky e-mailem
today-counter-phone-offers = Nabídky telefonem
today-overdue = Po termínu
today-due = Na dnešek
today-nothing-due = Na dnešek nic naplánováno.
today-due-on = termín { $date }
today-mark-done = Označit jako hotové: { $client }
today-greetings = Narozeniny a svátky tento týden
today-greet = Popřát
today-birthday-greeting = Blahopřání k narozeninám: { $name }
today-today = dnes
today-tomorrow = zítra
today-overdue-invoices = Faktury po splatnosti
today-days-overdue =
    { $count ->
        [one] 1 den po splatnosti
        [few] { $count } dny po splatnosti
       *[other] { $count } dní po splatnosti
    }
today-follow-ups = Další kroky
settings-time-zone = Časové pásmo
settings-current-event = Akce pro sběr leadů
settings-no-event = Žádná
settings-targets = Vaše cíle
settings-contracts-per-month = Nových smluv měsíčně

## Reports
report-prev = Předchozí měsíc
report-next = Další měsíc
report-month-label = Měsíc
report-monthly = Měsíční přehled
report-working-days =
    { $count ->
        [one] { $count } pracovní den
        [few] { $count } pracovní dny
       *[other] { $count } pracovních dní
    }
report-metric = Ukazatel
report-done = Skutečnost
report-target = Cíl
report-calls = Hovory
report-visits = Návštěvy a schůzky
report-email-offers = Nabídky e-mailem
report-phone-offers = Nabídky telefonem
report-new-clients = Noví klienti
report-new-contracts = Nové smlouvy
report-deals-won = Vyhrané obchody
report-turnover = Obrat
report-plan = Plán
report-collected = Inkasováno
report-overdue = Po splatnosti na konci měsíce
report-no-plan = Plán není zadán
report-progress-chart = Plnění cílů měsíce
report-of-plan = { $percent } plánu
report-plan-fact = Plán a skutečnost
report-managers =
    { $count ->
        [one] { $count } obchodník
        [few] { $count } obchodníci
       *[other] { $count } obchodníků
    }
report-chart-turnover = Obrat proti plánu podle obchodníků, v { $value }
report-chart-contracts = Nové smlouvy proti cíli podle obchodníků
report-manager = Obchodník
report-team-total = Tým celkem
report-fact = Skutečnost
report-own-only = Vidíte svá čísla; vedoucí obchodu vidí všechny obchodníky.
report-funnel = Obchodní trychtýř
report-funnel-chart = Obchody podle fáze
report-stage = Fáze
report-deal-count = Obchody
report-amount = Částka
report-deals =
    { $count ->
        [one] { $count } obchod
        [few] { $count } obchody
       *[other] { $count } obchodů
    }
report-win-rate = Úspěšnost: { $percent }
report-win-rate-none = Zatím se neuzavřel žádný obchod.
report-stage-draft = Koncept
report-stage-sent = Nabídka odeslána
report-stage-negotiation = Vyjednávání
report-stage-won = Vyhráno
report-stage-lost = Prohráno
report-ageing = Stáří pohledávek
report-ageing-chart = Dlužné částky podle dnů po splatnosti, v { $value }
report-ageing-as-of = K { $date }
report-ageing-none = Nic není dlužno.
report-bucket = Po splatnosti
report-bucket-not-due = Do splatnosti
report-bucket-1-30 = 1–30 dní
report-bucket-31-60 = 31–60 dní
report-bucket-61-90 = 61–90 dní
report-bucket-90-plus = Přes 90 dní
report-total = Celkem
report-no-data = Za tento měsíc nejsou žádné údaje.

## Capture and plan
capture-title = Sběr leadů
capture-event = Akce
capture-event-unknown = Akce zatím nesynchronizovaná
capture-events-later = Seznam akcí přijde s příští synchronizací. Leady se ukládají i tak.
capture-new-event = Nová akce
capture-event-name = Název akce
capture-event-place = Místo
capture-event-starts = První den
capture-event-ends = Poslední den
capture-event-create = Vytvořit a použít
capture-cancel = Zrušit
capture-lead = Nový lead
capture-count =
    { $count ->
        [one] { $count } lead dnes na této akci
        [few] { $count } leady dnes na této akci
        [many] { $count } leadu dnes na této akci
       *[other] { $count } leadů dnes na této akci
    }
capture-count-no-event =
    { $count ->
        [one] { $count } lead dnes bez akce
        [few] { $count } leady dnes bez akce
        [many] { $count } leadu dnes bez akce
       *[other] { $count } leadů dnes bez akce
    }
capture-company = Firma
capture-person = Osoba
capture-person-placeholder = Jméno a příjmení
capture-interest = Zájem
capture-interest-placeholder = Co hledají?
capture-temperature = Teplota
capture-temp-hot = Horký
capture-temp-warm = Vlažný
capture-temp-cold = Studený
capture-note = Poznámka
capture-need-name = Zadejte firmu nebo osobu.
capture-save = Uložit lead
capture-saved = { $name }: uloženo v tomto zařízení.
capture-next = Další lead
capture-scan = Naskenovat QR kód vizitky
capture-scan-stop = Zastavit skenování
capture-scan-hint = Namiřte fotoaparát na QR kód vCard nebo MECARD.
capture-scan-starting = Zapínám fotoaparát…
capture-scan-not-card = Tento QR kód neobsahuje vizitku. Zkuste jiný.
capture-scan-filled = Vyplněno z QR kódu. Zkontrolujte a uložte.
capture-no-camera = Fotoaparát tu nelze použít ({ $reason }). Zadejte údaje ručně.
plan-title = Plán týdne
plan-prev-week = Předchozí týden
plan-next-week = Příští týden
plan-this-week = Tento týden
plan-week-total =
    { $count ->
        [one] { $count } hovor nebo návštěva
        [few] { $count } hovory a návštěvy
        [many] { $count } hovoru a návštěvy
       *[other] { $count } hovorů a návštěv
    }
plan-empty-day = Nic naplánováno
plan-no-time = kdykoli
plan-move-prev = Přesunout { $client } o den dříve
plan-move-next = Přesunout { $client } o den později
plan-move-date = Přesunout { $client } na den
plan-moved = { $client } přesunuto na { $date }.
plan-move-failed = Úkol se nepodařilo přesunout: { $reason }

## Clients: new client
clients-new = Nový klient

## Sync: progress and sync now
sync-docs-left =
    { $count ->
        [one] zbývá 1 dokument
        [few] zbývají { $count } dokumenty
       *[other] zbývá { $count } dokumentů
    }
sync-now = Synchronizovat

## Client card
card-back = Klienti
card-not-found = Tento klient v zařízení není.
card-restricted = Omezený přístup
card-owner = Vlastník: { $name }
card-rating = Hodnocení { $value }
card-conflicts =
    { $count ->
        [one] 1 konflikt
        [few] { $count } konflikty
        [many] { $count } konfliktu
       *[other] { $count } konfliktů
    }
card-conflicts-title = Souběžné úpravy
card-conflicts-note = Tato pole se změnila současně na dvou zařízeních. Vyberte hodnotu, která zůstane.
card-conflict-by = zapsal { $who }, { $time }
card-conflict-by-unknown = Autor neznámý
card-conflict-current = zobrazeno teď
card-conflict-keep = Ponechat
card-saved = Uloženo v zařízení.
card-failed = Uložení se nezdařilo: { $reason }
card-save = Uložit
card-edit = Upravit
card-edit-card = Upravit kartu
card-edit-main = Název, kontakt a stav
card-edit-details = Podmínky a údaje
card-empty-value = (prázdné)
card-yes = Ano
card-no = Ne
card-not-set = Nenastaveno
card-none = Žádná
card-percent = { $percent } %
card-days =
    { $count ->
        [one] 1 den
        [few] { $count } dny
        [many] { $count } dne
       *[other] { $count } dní
    }
card-facts = Podmínky a saldo
card-outstanding = Neuhrazeno
card-overdue = Po splatnosti
card-field-lost_reason = Důvod ztráty
card-field-legal_name = Obchodní firma
card-field-tax_id = IČO / DIČ
card-field-industry = Obor
card-field-source = Zdroj
card-field-source_event = Akce
card-field-referred_by = Doporučil
card-field-owner = Vlastník
card-field-website = Web
card-field-price_type = Cenová hladina
card-field-discount_bp = Sleva, %
card-field-payment_days = Splatnost, dny
card-field-credit_limit = Úvěrový limit
card-field-currency = Měna
card-field-rating = Hodnocení
card-field-rating_checked = Hodnocení ověřeno
card-field-rating_note = Poznámka k hodnocení
card-field-next_step = Další krok
card-field-next_step_date = Datum dalšího kroku
card-field-restricted = Jen pro vlastníka
card-contacts = Kontakty
card-no-contacts = Zatím žádné kontakty.
card-add-contact = Přidat kontakt
card-contact-position = Pozice
card-contact-role = Role
card-contact-birthday = Narozeniny (MM-DD nebo RRRR-MM-DD)
card-call-name = Zavolat: { $name }
card-mail-name = Napsat: { $name }
card-log = Zapsat kontakt s klientem
card-log-submit = Zapsat
card-kind = Druh
card-outcome = Výsledek
card-direction = Kdo začal
card-direction-in = Klient
card-direction-out = My
card-contact = Kontakt
card-no-contact-choice = Nikdo konkrétní
card-minutes = Délka, minuty
card-note = Poznámka
card-next-step-add = Naplánovat další krok
card-next-kind = Další krok
card-next-date = Termín
card-next-time = Čas
card-next-note = Co udělat
card-interaction-call = Hovor
card-interaction-visit = Návštěva
card-interaction-meeting = Schůzka
card-interaction-email = E-mail
card-interaction-offer_email = Nabídka e-mailem
card-interaction-offer_phone = Nabídka telefonem
card-interaction-exhibition = Veletrh
card-interaction-complaint = Reklamace
card-interaction-reconciliation = Odsouhlasení
card-outcome-reached = Zastižen
card-outcome-no_answer = Nezvedá to
card-outcome-call_back = Zavolat zpět
card-outcome-interested = Má zájem
card-outcome-not_interested = Nemá zájem
card-outcome-offer_requested = Chce nabídku
card-outcome-other = Jiné
card-timeline = Časová osa
card-timeline-empty = Zatím tu nic není.
card-deal = Nabídka
card-contract = Smlouva
card-order = Objednávka
card-invoice = Faktura
card-complaint = Reklamace
card-lines-count =
    { $count ->
        [one] 1 položka
        [few] { $count } položky
        [many] { $count } položky
       *[other] { $count } položek
    }
card-cancelled = Stornováno
card-owed = Dluží { $amount }
card-paid-in-full = Plně uhrazeno
card-deals = Obchody a nabídky
card-new-deal = Nový obchod
card-deal-title = Předmět
card-stage = Fáze
card-stage-draft = Koncept
card-stage-sent = Odesláno
card-stage-negotiation = Vyjednávání
card-stage-won = Vyhráno
card-stage-lost = Prohráno
card-amount = Částka
card-probability = Pravděpodobnost, %
card-expected-close = Očekávané uzavření
card-closes-on = uzavření { $date }
card-channel = Nabídka poslána
card-channel-none = Zatím neodesláno
card-channel-email = E-mail
card-channel-phone = Telefon
card-channel-in_person = Osobně
card-sent-on = Odesláno dne
card-contracts = Smlouvy
card-new-contract = Nová smlouva
card-number = Číslo
card-contract-status-draft = Koncept
card-contract-status-signed = Podepsaná
card-contract-status-expired = Vypršela
card-contract-status-terminated = Ukončená
card-signed = Podepsáno dne
card-valid-from = Platí od
card-valid-to = Platí do
card-renewal-days = Připomenout dní před koncem
card-orders = Objednávky
card-new-order = Nová objednávka
card-order-status-received = Přijatá
card-order-status-confirmed = Potvrzená
card-order-status-shipped = Odeslaná
card-order-status-delivered = Doručená
card-order-status-returned = Vrácená
card-order-status-refused = Odmítnutá
card-status-reason = Důvod
card-received-on = Přijato dne
card-received = přijata { $date }
card-delivered-on = Doručeno dne
card-lines = Položky
card-add-line = Přidat položku
card-line-name = Zboží
card-sku = Kód zboží
card-quantity = Množství
card-price = Jednotková cena
card-out-of-stock = Není skladem
card-promised = Slíbeno na
card-promised-on = slíbeno na { $date }
card-analog = Nabídnutá náhrada (kód)
card-analog-value = náhrada { $value }
card-logistics-requested = Požádáno logistiku o naskladnění
card-logistics-asked = logistika požádána
card-logistics-note = Odpověď logistiky nebo poznámka
card-invoices = Faktury
card-new-invoice = Nová faktura
card-issued = Vystaveno dne
card-due = Splatnost
card-due-on = splatná { $date }
card-payments = Platby
card-record-payment = Zapsat platbu
card-payment-date = Zaplaceno dne
card-complaints = Reklamace
card-new-complaint = Nová reklamace
card-subject = Co je špatně
card-complaint-status-open = Otevřená
card-complaint-status-in_progress = Řeší se
card-complaint-status-resolved = Vyřízená
card-complaint-status-rejected = Zamítnutá
card-opened = Přijato dne
card-opened-on = přijata { $date }
card-closed = Uzavřeno dne
card-resolution = Vyřízení
card-notes = Poznámky
card-notes-hint = Upravovat může celý tým; ukládá se průběžně.
card-notes-failed = Poznámky se nepodařilo uložit.
card-history = Historie změn
card-history-all =
    { $count ->
        [one] Zobrazit změnu
        [few] Zobrazit všechny { $count } změny
        [many] Zobrazit všech { $count } změny
       *[other] Zobrazit všech { $count } změn
    }
card-as-of = Karta ke dni
card-as-of-title = Stav ke dni { $date }
card-as-of-none = Ke dni { $date } karta ještě neexistovala.

## Today: one tap to log the outcome
today-log-outcome = Výsledek
today-log-outcome-of = Zapsat výsledek: { $client }
outcome-reached = Zastižen
outcome-no_answer = Nezvedá
outcome-call_back = Zavolat znovu

## A new version
update-available = Je připravena nová verze Fieldbase. Vše, co jste zadali, je uloženo v tomto zařízení.
update-reload = Načíst znovu

## Sync: changes the server refused
sync-refused =
    { $count ->
        [one] { $count } změnu server nepřijal
        [few] { $count } změny server nepřijal
        [many] { $count } změny server nepřijal
       *[other] { $count } změn server nepřijal
    }

## Reports: the month's funnel
report-funnel-month-rule = Obchody, které se do své fáze dostaly v období { $month }: vyhrané a prohrané podle dne uzavření, odeslané a vyjednávané podle dne odeslání nabídky, koncepty podle dne vytvoření.

## Settings: targets (only a head of sales edits the plan)
settings-targets-read-only = Cíle a roli vám nastavuje vedoucí obchodu; změnit je může jen on.
settings-team-targets = Cíle týmu
settings-team-targets-note = Jako vedoucí obchodu nastavujete roli a cíle každého obchodníka. Každý vidí ty své. Přístupová práva na serveru nastavuje správce.
settings-turnover-per-month = Plán obratu za měsíc
settings-manager-add = Přidat obchodníka
settings-manager-login = Přihlašovací jméno
settings-manager-name = Celé jméno
settings-manager-role = Role
settings-role-rep = Obchodník
settings-role-key_account_manager = Key account manažer
settings-role-head = Vedoucí obchodu

## Clients: owner and event filters, saved views
filter-owner = Obchodník
filter-any-owner = Kterýkoli obchodník
filter-event = Akce
filter-any-event = Jakákoli akce
views-title = Uložené pohledy
views-new = Uložit pohled
views-name = Název pohledu
views-save = Uložit
views-cancel = Zrušit
views-delete = Smazat pohled { $name }
