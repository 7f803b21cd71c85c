# Fieldbase — English (the reference: every other file has the same keys).

app-name = Fieldbase
app-tagline = Your clients, on the road — online or not.
loading = Opening your client base…

## Sign in

login-title = Sign in
login-username = Username
login-password = Password
login-submit = Sign in
login-busy = Signing in…
login-error-credentials = Wrong username or password.
login-error-network = Can’t reach the server. Check your connection and try again.
login-error-server = The server answered with an error ({ $status }). Try again later.
login-error-storage = Couldn’t keep the session on this device: { $reason }
login-offline-note = After the first sign-in Fieldbase works without a connection.
login-missing = Enter your username and password.

## Header

logout = Sign out
logout-confirm =
    { $count ->
        [one] One change has not reached the server yet and will be lost. Sign out anyway?
       *[other] { $count } changes have not reached the server yet and will be lost. Sign out anyway?
    }
language = Language
signed-in-as = Signed in as { $rep }

## Sync status bar

sync-offline = Offline
sync-connecting = Connecting…
sync-syncing = Syncing…
sync-synced = Synced
sync-pending =
    { $count ->
        [one] 1 change not sent
       *[other] { $count } changes not sent
    }
sync-all-sent = All changes sent
sync-last = Last synced { $time }
sync-never = Not synced yet
sync-retry = Retry
sync-session-expired = Your session has expired. Sign in again to sync — your changes stay on this device.
sync-relogin = Sign in again

## Client list

clients-title = Clients
clients-count =
    { $count ->
        [one] 1 client
       *[other] { $count } clients
    }
clients-empty = No clients yet. Add the first one with the form.
client-status-prospect = Prospect
client-status-lead = Lead
client-status-active = Active
client-status-key = Key account
client-status-dormant = Dormant
client-status-lost = Lost
client-no-contact = No contact details

## Add a client

add-title = New client
field-name = Name
field-phone = Phone
field-email = E-mail
field-optional = optional
placeholder-name = Company or person
placeholder-phone = +420 601 123 456
placeholder-email = name@company.com
add-submit = Add client
add-saving = Saving…
add-saved = { $name } is saved on this device.
add-failed = Couldn’t save on this device: { $reason }

## Validation: shown next to the field

invalid-empty = Enter a name.
invalid-too-long = Use at most 200 characters.
invalid-control-chars = Remove the control characters.
invalid-phone-chars = Use only digits, spaces and - . ( ) /
invalid-phone-country = Add the country code, e.g. +420 601 123 456.
invalid-phone-zero = A country code never starts with 0.
invalid-phone-length = A phone number has 8 to 15 digits.
invalid-email-no-at = An e-mail address needs an @.
invalid-email-local-length = Put 1 to 64 characters before the @.
invalid-email-local-chars = Remove the space or the second @ before the @.
invalid-email-dot = A dot before the @ is misplaced.
invalid-email-domain-dot = After the @ comes a domain with a dot, e.g. firma.cz.
invalid-email-domain = The domain after the @ is not valid.
invalid-bad-date = Enter a date like 12-31 or 1980-12-31.
invalid-bad-currency = Enter a currency code like EUR or CZK.
invalid-bad-amount = Enter an amount like 1 234,50.
invalid-currency-mismatch = This amount is in another currency.
invalid-amount-overflow = This amount is too large.
invalid-unknown-channel = Choose phone, SMS, e-mail, WhatsApp, Telegram, Viber or visit.
invalid-bad-language = Enter a language code like en, cs or ko.
invalid-bad-time = Enter a time like 09:30.
invalid-bad-time-zone = Enter a time zone like Europe/Prague or UTC.
invalid-text-too-long = This text is longer than 10,000 characters.
invalid-duration-too-long = A duration cannot be longer than 24 hours.
invalid-bad-tax-id = Use only letters, digits, spaces and - / . in a tax id.
invalid-bad-website = A web address looks like example.com.
invalid-out-of-range = This number is outside the allowed range.
invalid-bad-tag = A tag has at most 50 characters and no colon.
invalid-end-before-start = The end cannot be before the start.
invalid-bad-country = Use a two-letter country code like CZ or NO.
invalid-reason-required = Give a reason for this status.
invalid-signed-needs-date = A signed contract needs the day it was signed.
invalid-bad-handle = A handle has 1 to 100 characters and no spaces.
invalid-other = This value is not valid.

## Storage

storage-unavailable = This browser doesn’t let Fieldbase keep data on the device: { $reason }
storage-failed = Couldn’t save on this device: { $reason }
