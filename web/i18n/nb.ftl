# Fieldbase — norsk bokmål

app-name = Fieldbase
app-tagline = Kundene dine på farten — med eller uten nett.
loading = Åpner kundebasen din…

## Sign in

login-title = Logg inn
login-username = Brukernavn
login-password = Passord
login-submit = Logg inn
login-busy = Logger inn…
login-error-credentials = Feil brukernavn eller passord.
login-error-network = Får ikke kontakt med serveren. Sjekk tilkoblingen og prøv igjen.
login-error-server = Serveren svarte med en feil ({ $status }). Prøv igjen senere.
login-error-storage = Kunne ikke lagre innloggingen på enheten: { $reason }
login-offline-note = Etter første innlogging virker Fieldbase uten nett.
login-missing = Skriv inn brukernavn og passord.

## Header

logout = Logg ut
logout-confirm =
    { $count ->
        [one] Én endring har ikke nådd serveren ennå og vil gå tapt. Logge ut likevel?
       *[other] { $count } endringer har ikke nådd serveren ennå og vil gå tapt. Logge ut likevel?
    }
language = Språk
signed-in-as = Logget inn som { $rep }

## Sync status bar

sync-offline = Frakoblet
sync-connecting = Kobler til…
sync-syncing = Synkroniserer…
sync-synced = Synkronisert
sync-pending =
    { $count ->
        [one] 1 endring ikke sendt
       *[other] { $count } endringer ikke sendt
    }
sync-all-sent = Alle endringer er sendt
sync-last = Sist synkronisert { $time }
sync-never = Ikke synkronisert ennå
sync-retry = Prøv igjen
sync-session-expired = Økten er utløpt. Logg inn igjen for å synkronisere — endringene dine blir på enheten.
sync-relogin = Logg inn igjen

## Client list

clients-title = Kunder
clients-count =
    { $count ->
        [one] 1 kunde
       *[other] { $count } kunder
    }
clients-empty = Ingen kunder ennå. Legg til den første med skjemaet.
client-status-prospect = Mulig kunde
client-status-lead = Interessent
client-status-active = Aktiv
client-status-key = Nøkkelkunde
client-status-dormant = Sovende
client-status-lost = Tapt
client-no-contact = Ingen kontaktinfo

## Add a client

add-title = Ny kunde
field-name = Navn
field-phone = Telefon
field-email = E-post
field-optional = valgfritt
placeholder-name = Firma eller person
placeholder-phone = +47 912 34 567
placeholder-email = navn@firma.no
add-submit = Legg til kunde
add-saving = Lagrer…
add-saved = { $name } er lagret på enheten.
add-failed = Kunne ikke lagre på enheten: { $reason }

## Validation

invalid-empty = Skriv inn et navn.
invalid-too-long = Høyst 200 tegn.
invalid-control-chars = Fjern kontrolltegnene.
invalid-phone-chars = Bruk bare sifre, mellomrom og - . ( ) /
invalid-phone-country = Ta med landskoden, f.eks. +47 912 34 567.
invalid-phone-zero = En landskode begynner aldri med 0.
invalid-phone-length = Et telefonnummer har 8 til 15 sifre.
invalid-email-no-at = En e-postadresse må ha @.
invalid-email-local-length = Før @ skal det stå 1 til 64 tegn.
invalid-email-local-chars = Fjern mellomrommet eller den andre @ før @.
invalid-email-dot = Et punktum før @ står feil.
invalid-email-domain-dot = Etter @ kommer et domene med punktum, f.eks. firma.no.
invalid-email-domain = Domenet etter @ er ikke gyldig.
invalid-bad-date = Skriv en dato som 12-31 eller 1980-12-31.
invalid-bad-currency = Skriv en valutakode som EUR eller NOK.
invalid-bad-amount = Skriv et beløp som 1 234,50.
invalid-currency-mismatch = Dette beløpet er i en annen valuta.
invalid-amount-overflow = Dette beløpet er for stort.
invalid-unknown-channel = Velg telefon, SMS, e-post, WhatsApp, Telegram, Viber eller besøk.
invalid-bad-language = Skriv en språkkode som nb, en eller cs.
invalid-bad-time = Skriv et klokkeslett som 09:30.
invalid-bad-time-zone = Skriv en tidssone som Europe/Oslo eller UTC.
invalid-text-too-long = Teksten er lengre enn 10 000 tegn.
invalid-duration-too-long = En varighet kan ikke være lengre enn 24 timer.
invalid-bad-tax-id = Organisasjonsnummeret kan bare ha bokstaver, sifre, mellomrom og - / .
invalid-bad-website = En nettadresse ser ut som eksempel.no.
invalid-out-of-range = Tallet er utenfor tillatt område.
invalid-bad-tag = En etikett har høyst 50 tegn og ingen kolon.
invalid-end-before-start = Slutten kan ikke være før starten.
invalid-bad-country = Bruk en landkode på to bokstaver, som NO eller CZ.
invalid-reason-required = Oppgi en grunn for denne statusen.
invalid-signed-needs-date = En signert kontrakt trenger signeringsdatoen.
invalid-bad-handle = Et brukernavn har 1 til 100 tegn og ingen mellomrom.
invalid-other = Verdien er ikke gyldig.

## Storage

storage-unavailable = Denne nettleseren lar ikke Fieldbase lagre data på enheten: { $reason }
storage-failed = Kunne ikke lagre på enheten: { $reason }

## Shell, Clients, Today, Settings
nav-label = Hovedmeny
nav-today = I dag
nav-clients = Kunder
nav-capture = Lead
nav-plan = Plan
nav-reports = Rapporter
nav-settings = Innstillinger
clients-search = Søk i navn, kontakt, telefon, e-post, etikett
clients-filters = Filtre
clients-none-match = Ingen kunder passer.
field-status = Status
field-segment = Segment
field-tag = Etikett
filter-any-status = Alle statuser
filter-any-segment = Alle segmenter
filter-any-tag = Alle etiketter
filter-mine = Mine
filter-overdue = Forfalt gjeld
sort-next-step = Etter neste steg
segment-key = Nøkkelkunde
segment-corporate = Bedrift
segment-retail = Detaljhandel
task-kind-call = Samtale
task-kind-visit = Besøk
task-kind-send_offer = Send tilbud
task-kind-reconcile = Avstemming
task-kind-greet = Gratulere
task-kind-collect_debt = Kreve inn gjeld
task-kind-other = Annet
today-targets = Dagens mål
today-counter-calls = Samtaler
today-counter-email-offers = Tilbud på e-post
today-counter-phone-offers = Tilbud på telefon
today-overdue = Forfalt
today-due = I dag
today-nothing-due = Ingenting planlagt i dag.
today-due-on = frist { $date }
today-mark-done = Merk som gjort: { $client }
today-greetings = Bursdager og merkedager denne uken
today-greet = Gratuler
today-birthday-greeting = Bursdagshilsen til { $name }
today-today = i dag
today-tomorrow = i morgen
today-overdue-invoices = Forfalte fakturaer
today-days-overdue =
    { $count ->
        [one] 1 dag forfalt
       *[other] { $count } dager forfalt
    }
today-follow-ups = Neste steg
settings-time-zone = Tidssone
settings-current-event = Arrangement for leads
settings-no-event = Ingen
settings-targets = Dine mål
settings-contracts-per-month = Nye kontrakter i måneden

## Reports
report-prev = Forrige måned
report-next = Neste måned
report-month-label = Måned
report-monthly = Månedsrapport
report-working-days =
    { $count ->
        [one] { $count } arbeidsdag
       *[other] { $count } arbeidsdager
    }
report-metric = Måltall
report-done = Utført
report-target = Mål
report-calls = Samtaler
report-visits = Besøk og møter
report-email-offers = Tilbud på e-post
report-phone-offers = Tilbud på telefon
report-new-clients = Nye kunder
report-new-contracts = Nye kontrakter
report-deals-won = Vunne avtaler
report-turnover = Omsetning
report-plan = Plan
report-collected = Innbetalt
report-overdue = Forfalt ved månedsslutt
report-no-plan = Ingen plan satt
report-progress-chart = Fremdrift mot månedens mål
report-of-plan = { $percent } av planen
report-plan-fact = Plan mot resultat
report-managers =
    { $count ->
        [one] { $count } selger
       *[other] { $count } selgere
    }
report-chart-turnover = Omsetning mot plan per selger, i { $value }
report-chart-contracts = Nye kontrakter mot mål per selger
report-manager = Selger
report-team-total = Teamet totalt
report-fact = Resultat
report-own-only = Du ser dine egne tall; salgssjefen ser alle selgerne.
report-funnel = Salgstrakt
report-funnel-chart = Avtaler per fase
report-stage = Fase
report-deal-count = Avtaler
report-amount = Beløp
report-deals =
    { $count ->
        [one] { $count } avtale
       *[other] { $count } avtaler
    }
report-win-rate = Vinnerandel: { $percent }
report-win-rate-none = Ingen avtaler er avsluttet ennå.
report-stage-draft = Utkast
report-stage-sent = Tilbud sendt
report-stage-negotiation = Forhandling
report-stage-won = Vunnet
report-stage-lost = Tapt
report-ageing = Aldersfordeling av fordringer
report-ageing-chart = Utestående beløp etter dager forfalt, i { $value }
report-ageing-as-of = Per { $date }
report-ageing-none = Ingenting er utestående.
report-bucket = Forfalt
report-bucket-not-due = Ikke forfalt
report-bucket-1-30 = 1–30 dager
report-bucket-31-60 = 31–60 dager
report-bucket-61-90 = 61–90 dager
report-bucket-90-plus = Over 90 dager
report-total = Totalt
report-no-data = Ingenting registrert denne måneden.

## Capture and plan
capture-title = Samle leads
capture-event = Arrangement
capture-event-unknown = Et arrangement som ikke er synkronisert ennå
capture-events-later = Listen over arrangementer kommer med neste synkronisering. Leads lagres likevel.
capture-new-event = Nytt arrangement
capture-event-name = Navn på arrangementet
capture-event-place = Sted
capture-event-starts = Første dag
capture-event-ends = Siste dag
capture-event-create = Opprett og bruk
capture-cancel = Avbryt
capture-lead = Ny lead
capture-count =
    { $count ->
        [one] { $count } lead i dag på dette arrangementet
       *[other] { $count } leads i dag på dette arrangementet
    }
capture-count-no-event =
    { $count ->
        [one] { $count } lead i dag uten arrangement
       *[other] { $count } leads i dag uten arrangement
    }
capture-company = Firma
capture-person = Person
capture-person-placeholder = For- og etternavn
capture-interest = Interesse
capture-interest-placeholder = Hva ser de etter?
capture-temperature = Temperatur
capture-temp-hot = Het
capture-temp-warm = Lunken
capture-temp-cold = Kald
capture-note = Notat
capture-need-name = Skriv inn firma eller person.
capture-save = Lagre lead
capture-saved = { $name } er lagret på denne enheten.
capture-next = Neste lead
capture-scan = Skann QR-koden på et visittkort
capture-scan-stop = Stopp skanningen
capture-scan-hint = Rett kameraet mot en vCard- eller MECARD-QR-kode.
capture-scan-starting = Åpner kameraet…
capture-scan-not-card = Denne QR-koden inneholder ikke et visittkort. Prøv en annen.
capture-scan-filled = Fylt ut fra QR-koden. Kontroller og lagre.
capture-no-camera = Kameraet kan ikke brukes her ({ $reason }). Skriv inn opplysningene i stedet.
plan-title = Ukeplan
plan-prev-week = Forrige uke
plan-next-week = Neste uke
plan-this-week = Denne uken
plan-week-total =
    { $count ->
        [one] { $count } samtale eller besøk
       *[other] { $count } samtaler og besøk
    }
plan-empty-day = Ingenting planlagt
plan-no-time = når som helst
plan-move-prev = Flytt { $client } til dagen før
plan-move-next = Flytt { $client } til dagen etter
plan-move-date = Flytt { $client } til en dag
plan-moved = { $client } er flyttet til { $date }.
plan-move-failed = Kunne ikke flytte oppgaven: { $reason }

## Clients: new client
clients-new = Ny kunde

## Sync: progress and sync now
sync-docs-left =
    { $count ->
        [one] 1 dokument igjen
       *[other] { $count } dokumenter igjen
    }
sync-now = Synkroniser nå

## Client card
card-back = Kunder
card-not-found = Denne kunden finnes ikke på enheten.
card-restricted = Begrenset tilgang
card-owner = Ansvarlig: { $name }
card-rating = Vurdering { $value }
card-conflicts =
    { $count ->
        [one] 1 konflikt
       *[other] { $count } konflikter
    }
card-conflicts-title = Motstridende endringer
card-conflicts-note = To enheter endret disse feltene samtidig. Velg verdien som skal beholdes.
card-conflict-by = av { $who }, { $time }
card-conflict-by-unknown = Ukjent forfatter
card-conflict-current = vises nå
card-conflict-keep = Behold
card-saved = Lagret på enheten.
card-failed = Kunne ikke lagre: { $reason }
card-save = Lagre
card-edit = Rediger
card-edit-card = Rediger kortet
card-edit-main = Navn, kontakt og status
card-edit-details = Vilkår og detaljer
card-empty-value = (tomt)
card-yes = Ja
card-no = Nei
card-not-set = Ikke angitt
card-none = Ingen
card-percent = { $percent } %
card-days =
    { $count ->
        [one] 1 dag
       *[other] { $count } dager
    }
card-facts = Vilkår og saldo
card-outstanding = Utestående
card-overdue = Forfalt
card-field-lost_reason = Grunn til tap
card-field-legal_name = Juridisk navn
card-field-tax_id = Organisasjonsnummer
card-field-industry = Bransje
card-field-source = Kilde
card-field-source_event = Arrangement
card-field-referred_by = Anbefalt av
card-field-owner = Ansvarlig
card-field-website = Nettsted
card-field-price_type = Pristype
card-field-discount_bp = Rabatt, %
card-field-payment_days = Betalingsfrist, dager
card-field-credit_limit = Kredittgrense
card-field-currency = Valuta
card-field-rating = Vurdering
card-field-rating_checked = Vurdering sjekket
card-field-rating_note = Merknad om vurdering
card-field-next_step = Neste steg
card-field-next_step_date = Dato for neste steg
card-field-restricted = Kun for ansvarlig
card-contacts = Kontakter
card-no-contacts = Ingen kontakter ennå.
card-add-contact = Legg til kontakt
card-contact-position = Stilling
card-contact-role = Rolle
card-contact-birthday = Bursdag (MM-DD eller ÅÅÅÅ-MM-DD)
card-call-name = Ring { $name }
card-mail-name = Send e-post til { $name }
card-log = Logg en kontakt
card-log-submit = Logg
card-kind = Type
card-outcome = Resultat
card-direction = Hvem tok kontakt
card-direction-in = Kunden
card-direction-out = Vi
card-contact = Kontakt
card-no-contact-choice = Ingen bestemt
card-minutes = Varighet, minutter
card-note = Notat
card-next-step-add = Planlegg neste steg
card-next-kind = Neste steg
card-next-date = Frist
card-next-time = Tid
card-next-note = Hva som skal gjøres
card-interaction-call = Samtale
card-interaction-visit = Besøk
card-interaction-meeting = Møte
card-interaction-email = E-post
card-interaction-offer_email = Tilbud på e-post
card-interaction-offer_phone = Tilbud på telefon
card-interaction-exhibition = Messe
card-interaction-complaint = Klage
card-interaction-reconciliation = Avstemming
card-outcome-reached = Nådd
card-outcome-no_answer = Ikke svar
card-outcome-call_back = Ring tilbake
card-outcome-interested = Interessert
card-outcome-not_interested = Ikke interessert
card-outcome-offer_requested = Ba om tilbud
card-outcome-other = Annet
card-timeline = Tidslinje
card-timeline-empty = Ingenting her ennå.
card-deal = Tilbud
card-contract = Kontrakt
card-order = Ordre
card-invoice = Faktura
card-complaint = Klage
card-lines-count =
    { $count ->
        [one] 1 linje
       *[other] { $count } linjer
    }
card-cancelled = Kansellert
card-owed = Skylder { $amount }
card-paid-in-full = Betalt i sin helhet
card-deals = Salg og tilbud
card-new-deal = Nytt salg
card-deal-title = Hva det gjelder
card-stage = Fase
card-stage-draft = Utkast
card-stage-sent = Sendt
card-stage-negotiation = Forhandling
card-stage-won = Vunnet
card-stage-lost = Tapt
card-amount = Beløp
card-probability = Sannsynlighet, %
card-expected-close = Forventet avsluttet
card-closes-on = avsluttes { $date }
card-channel = Tilbud sendt via
card-channel-none = Ikke sendt ennå
card-channel-email = E-post
card-channel-phone = Telefon
card-channel-in_person = Personlig
card-sent-on = Sendt
card-contracts = Kontrakter
card-new-contract = Ny kontrakt
card-number = Nummer
card-contract-status-draft = Utkast
card-contract-status-signed = Signert
card-contract-status-expired = Utløpt
card-contract-status-terminated = Avsluttet
card-signed = Signert
card-valid-from = Gyldig fra
card-valid-to = Gyldig til
card-renewal-days = Påminn dager før slutt
card-orders = Ordrer
card-new-order = Ny ordre
card-order-status-received = Mottatt
card-order-status-confirmed = Bekreftet
card-order-status-shipped = Sendt
card-order-status-delivered = Levert
card-order-status-returned = Returnert
card-order-status-refused = Avvist
card-status-reason = Grunn
card-received-on = Mottatt
card-received = mottatt { $date }
card-delivered-on = Levert
card-lines = Linjer
card-add-line = Legg til linje
card-line-name = Produkt
card-sku = Varenummer
card-quantity = Antall
card-price = Enhetspris
card-out-of-stock = Ikke på lager
card-promised = Lovet til
card-promised-on = lovet { $date }
card-analog = Tilbudt alternativ (varenummer)
card-analog-value = alternativ { $value }
card-logistics-requested = Bedt logistikk skaffe varen
card-logistics-asked = logistikk spurt
card-logistics-note = Svar fra logistikk eller notat
card-invoices = Fakturaer
card-new-invoice = Ny faktura
card-issued = Utstedt
card-due = Forfallsdato
card-due-on = forfaller { $date }
card-payments = Betalinger
card-record-payment = Registrer betaling
card-payment-date = Betalt
card-complaints = Klager
card-new-complaint = Ny klage
card-subject = Hva er galt
card-complaint-status-open = Åpen
card-complaint-status-in_progress = Under behandling
card-complaint-status-resolved = Løst
card-complaint-status-rejected = Avvist
card-opened = Mottatt
card-opened-on = mottatt { $date }
card-closed = Lukket
card-resolution = Løsning
card-notes = Notater
card-notes-hint = Hele teamet kan redigere; lagres mens du skriver.
card-notes-failed = Kunne ikke lagre notatene.
card-history = Historikk
card-history-all =
    { $count ->
        [one] Vis endringen
       *[other] Vis alle { $count } endringer
    }
card-as-of = Kortet slik det var
card-as-of-title = Slik det var { $date }
card-as-of-none = Kortet fantes ikke ennå { $date }.

## Today: one tap to log the outcome
today-log-outcome = Logg
today-log-outcome-of = Logg utfallet: { $client }
outcome-reached = Nådd
outcome-no_answer = Ikke svar
outcome-call_back = Ring tilbake

## A new version
update-available = En ny versjon av Fieldbase er klar. Alt du har skrevet inn er lagret på denne enheten.
update-reload = Last inn på nytt

## Sync: changes the server refused
sync-refused =
    { $count ->
        [one] { $count } endring ble ikke godtatt av serveren
       *[other] { $count } endringer ble ikke godtatt av serveren
    }

## Reports: the month's funnel
report-funnel-month-rule = Avtaler som nådde sitt trinn i { $month }: vunnet og tapt etter dagen de ble avsluttet, sendt og i forhandling etter dagen tilbudet ble sendt, utkast etter dagen de ble opprettet.

## Settings: targets (only a head of sales edits the plan)
settings-targets-read-only = Salgssjefen setter målene og rollen din; bare salgssjefen kan endre dem.
settings-team-targets = Teamets mål
settings-team-targets-note = Som salgssjef setter du hver selgers rolle og mål. Hver selger ser sine egne. Tilgangen på serveren settes av administratoren.
settings-turnover-per-month = Omsetningsmål per måned
settings-manager-add = Legg til selger
settings-manager-login = Brukernavn
settings-manager-name = Fullt navn
settings-manager-role = Rolle
settings-role-rep = Selger
settings-role-key_account_manager = Key account manager
settings-role-head = Salgssjef

## Clients: owner and event filters, saved views
filter-owner = Ansvarlig
filter-any-owner = Alle ansvarlige
filter-event = Arrangement
filter-any-event = Alle arrangementer
views-title = Lagrede visninger
views-new = Lagre visning
views-name = Navn på visningen
views-save = Lagre
views-cancel = Avbryt
views-delete = Slett visningen { $name }
