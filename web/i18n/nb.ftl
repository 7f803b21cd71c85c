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
