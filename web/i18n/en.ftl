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

## Shell, Clients, Today, Settings
nav-label = Main
nav-today = Today
nav-clients = Clients
nav-capture = Lead
nav-plan = Plan
nav-reports = Reports
nav-settings = Settings
clients-search = Search name, contact, phone, e-mail, tag
clients-filters = Filters
clients-none-match = No client matches.
field-status = Status
field-segment = Segment
field-tag = Tag
filter-any-status = Any status
filter-any-segment = Any segment
filter-any-tag = Any tag
filter-mine = Mine
filter-overdue = Overdue debt
sort-next-step = By next step
segment-key = Key account
segment-corporate = Corporate
segment-retail = Retail
task-kind-call = Call
task-kind-visit = Visit
task-kind-send_offer = Send an offer
task-kind-reconcile = Reconciliation
task-kind-greet = Greet
task-kind-collect_debt = Collect debt
task-kind-other = Other
today-targets = Today's targets
today-counter-calls = Calls
today-counter-email-offers = Offers by e-mail
today-counter-phone-offers = Offers by phone
today-overdue = Overdue
today-due = Due today
today-nothing-due = Nothing planned for today.
today-due-on = due { $date }
today-mark-done = Mark done: { $client }
today-greetings = Birthdays and holidays this week
today-greet = Greet
today-birthday-greeting = Birthday greeting to { $name }
today-today = today
today-tomorrow = tomorrow
today-overdue-invoices = Overdue invoices
today-days-overdue =
    { $count ->
        [one] 1 day overdue
       *[other] { $count } days overdue
    }
today-follow-ups = Next steps due
settings-time-zone = Time zone
settings-current-event = Event for lead capture
settings-no-event = None
settings-targets = Your targets
settings-contracts-per-month = New contracts a month

## Reports
report-prev = Previous month
report-next = Next month
report-month-label = Month
report-monthly = Monthly report
report-working-days =
    { $count ->
        [one] { $count } working day
       *[other] { $count } working days
    }
report-metric = Measure
report-done = Done
report-target = Target
report-calls = Calls
report-visits = Visits and meetings
report-email-offers = Offers by e-mail
report-phone-offers = Offers by phone
report-new-clients = New clients
report-new-contracts = New contracts
report-deals-won = Deals won
report-turnover = Turnover
report-plan = Plan
report-collected = Collected
report-overdue = Overdue at month end
report-no-plan = No plan set
report-progress-chart = Progress against the month’s targets
report-of-plan = { $percent } of plan
report-plan-fact = Plan vs fact
report-managers =
    { $count ->
        [one] { $count } manager
       *[other] { $count } managers
    }
report-chart-turnover = Turnover against plan, per manager, in { $value }
report-chart-contracts = New contracts against target, per manager
report-manager = Manager
report-team-total = Team total
report-fact = Fact
report-own-only = You see your own figures; the head of sales sees every manager.
report-funnel = Deal funnel
report-funnel-chart = Deals per stage
report-stage = Stage
report-deal-count = Deals
report-amount = Amount
report-deals =
    { $count ->
        [one] { $count } deal
       *[other] { $count } deals
    }
report-win-rate = Win rate: { $percent }
report-win-rate-none = No deal has closed yet.
report-stage-draft = Draft
report-stage-sent = Offer sent
report-stage-negotiation = Negotiation
report-stage-won = Won
report-stage-lost = Lost
report-ageing = Receivables ageing
report-ageing-chart = Amounts owed by days overdue, in { $value }
report-ageing-as-of = As of { $date }
report-ageing-none = Nothing is owed.
report-bucket = Overdue
report-bucket-not-due = Not due
report-bucket-1-30 = 1–30 days
report-bucket-31-60 = 31–60 days
report-bucket-61-90 = 61–90 days
report-bucket-90-plus = Over 90 days
report-total = Total
report-no-data = Nothing recorded for this month.

## Capture and plan
capture-title = Capture leads
capture-event = Event
capture-event-unknown = An event not synced yet
capture-events-later = The event list comes with the next sync. Leads are saved anyway.
capture-new-event = New event
capture-event-name = Event name
capture-event-place = Place
capture-event-starts = First day
capture-event-ends = Last day
capture-event-create = Create and use
capture-cancel = Cancel
capture-lead = New lead
capture-count =
    { $count ->
        [one] 1 lead today at this event
       *[other] { $count } leads today at this event
    }
capture-count-no-event =
    { $count ->
        [one] 1 lead today without an event
       *[other] { $count } leads today without an event
    }
capture-company = Company
capture-person = Person
capture-person-placeholder = First and last name
capture-interest = Interest
capture-interest-placeholder = What are they looking for?
capture-temperature = Temperature
capture-temp-hot = Hot
capture-temp-warm = Warm
capture-temp-cold = Cold
capture-note = Note
capture-need-name = Enter the company or the person.
capture-save = Save lead
capture-saved = { $name } is saved on this device.
capture-next = Next lead
capture-scan = Scan a business card QR code
capture-scan-stop = Stop scanning
capture-scan-hint = Point the camera at a vCard or MECARD QR code.
capture-scan-starting = Opening the camera…
capture-scan-not-card = This QR code holds no contact card. Try another one.
capture-scan-filled = Filled in from the QR code. Check and save.
capture-no-camera = The camera can’t be used here ({ $reason }). Type the details instead.
plan-title = Week plan
plan-prev-week = Previous week
plan-next-week = Next week
plan-this-week = This week
plan-week-total =
    { $count ->
        [one] 1 call or visit
       *[other] { $count } calls and visits
    }
plan-empty-day = Nothing planned
plan-no-time = any time
plan-move-prev = Move { $client } to the previous day
plan-move-next = Move { $client } to the next day
plan-move-date = Move { $client } to a day
plan-moved = { $client } moved to { $date }.
plan-move-failed = Couldn’t move the task: { $reason }

## Clients: new client
clients-new = New client

## Sync: progress and sync now
sync-docs-left =
    { $count ->
        [one] 1 document left
       *[other] { $count } documents left
    }
sync-now = Sync now

## Client card
card-back = Clients
card-not-found = This client is not on this device.
card-restricted = Restricted
card-owner = Owner: { $name }
card-rating = Rating { $value }
card-conflicts =
    { $count ->
        [one] 1 conflict
       *[other] { $count } conflicts
    }
card-conflicts-title = Conflicting edits
card-conflicts-note = Two devices changed these fields at the same time. Choose the value to keep.
card-conflict-by = by { $who }, { $time }
card-conflict-by-unknown = Author unknown
card-conflict-current = shown now
card-conflict-keep = Keep
card-saved = Saved on this device.
card-failed = Couldn’t save: { $reason }
card-save = Save
card-edit = Edit
card-edit-card = Edit the card
card-edit-main = Name, contacts and status
card-edit-details = Terms and details
card-empty-value = (empty)
card-yes = Yes
card-no = No
card-not-set = Not set
card-none = None
card-percent = { $percent }%
card-days =
    { $count ->
        [one] 1 day
       *[other] { $count } days
    }
card-facts = Terms and balance
card-outstanding = Outstanding
card-overdue = Overdue
card-field-lost_reason = Reason for losing
card-field-legal_name = Legal name
card-field-tax_id = Tax ID
card-field-industry = Industry
card-field-source = Source
card-field-source_event = Event
card-field-referred_by = Referred by
card-field-owner = Owner
card-field-website = Website
card-field-price_type = Price type
card-field-discount_bp = Discount, %
card-field-payment_days = Payment terms, days
card-field-credit_limit = Credit limit
card-field-currency = Currency
card-field-rating = Rating
card-field-rating_checked = Rating checked
card-field-rating_note = Rating note
card-field-next_step = Next step
card-field-next_step_date = Next step date
card-field-restricted = Restricted to the owner
card-contacts = Contacts
card-no-contacts = No contacts yet.
card-add-contact = Add a contact
card-contact-position = Position
card-contact-role = Role
card-contact-birthday = Birthday (MM-DD or YYYY-MM-DD)
card-call-name = Call { $name }
card-mail-name = E-mail { $name }
card-log = Log an interaction
card-log-submit = Log it
card-kind = Kind
card-outcome = Outcome
card-direction = Who started it
card-direction-in = The client
card-direction-out = We did
card-contact = Contact
card-no-contact-choice = No one in particular
card-minutes = Duration, minutes
card-note = Note
card-next-step-add = Plan a next step
card-next-kind = Next step
card-next-date = Due on
card-next-time = Time
card-next-note = What to do
card-interaction-call = Call
card-interaction-visit = Visit
card-interaction-meeting = Meeting
card-interaction-email = E-mail
card-interaction-offer_email = Offer by e-mail
card-interaction-offer_phone = Offer by phone
card-interaction-exhibition = Exhibition
card-interaction-complaint = Complaint
card-interaction-reconciliation = Reconciliation
card-outcome-reached = Reached
card-outcome-no_answer = No answer
card-outcome-call_back = Call back
card-outcome-interested = Interested
card-outcome-not_interested = Not interested
card-outcome-offer_requested = Asked for an offer
card-outcome-other = Other
card-timeline = Timeline
card-timeline-empty = Nothing here yet.
card-deal = Offer
card-contract = Contract
card-order = Order
card-invoice = Invoice
card-complaint = Complaint
card-lines-count =
    { $count ->
        [one] 1 line
       *[other] { $count } lines
    }
card-cancelled = Cancelled
card-owed = Owed { $amount }
card-paid-in-full = Paid in full
card-deals = Deals and offers
card-new-deal = New deal
card-deal-title = What it is about
card-stage = Stage
card-stage-draft = Draft
card-stage-sent = Sent
card-stage-negotiation = Negotiation
card-stage-won = Won
card-stage-lost = Lost
card-amount = Amount
card-probability = Probability, %
card-expected-close = Expected to close
card-closes-on = closes { $date }
card-channel = Offer sent by
card-channel-none = Not sent yet
card-channel-email = E-mail
card-channel-phone = Phone
card-channel-in_person = In person
card-sent-on = Sent on
card-contracts = Contracts
card-new-contract = New contract
card-number = Number
card-contract-status-draft = Draft
card-contract-status-signed = Signed
card-contract-status-expired = Expired
card-contract-status-terminated = Terminated
card-signed = Signed on
card-valid-from = Valid from
card-valid-to = Valid to
card-renewal-days = Remind days before the end
card-orders = Orders
card-new-order = New order
card-order-status-received = Received
card-order-status-confirmed = Confirmed
card-order-status-shipped = Shipped
card-order-status-delivered = Delivered
card-order-status-returned = Returned
card-order-status-refused = Refused
card-status-reason = Reason
card-received-on = Received on
card-received = received { $date }
card-delivered-on = Delivered on
card-lines = Lines
card-add-line = Add a line
card-line-name = Product
card-sku = SKU
card-quantity = Quantity
card-price = Unit price
card-out-of-stock = Out of stock
card-promised = Promised for
card-promised-on = promised { $date }
card-analog = Analog offered (SKU)
card-analog-value = analog { $value }
card-logistics-requested = Asked logistics to bring it in
card-logistics-asked = logistics asked
card-logistics-note = Logistics answer or note
card-invoices = Invoices
card-new-invoice = New invoice
card-issued = Issued on
card-due = Due on
card-due-on = due { $date }
card-payments = Payments
card-record-payment = Record a payment
card-payment-date = Paid on
card-complaints = Complaints
card-new-complaint = New complaint
card-subject = What is wrong
card-complaint-status-open = Open
card-complaint-status-in_progress = In progress
card-complaint-status-resolved = Resolved
card-complaint-status-rejected = Rejected
card-opened = Received on
card-opened-on = received { $date }
card-closed = Closed on
card-resolution = Resolution
card-notes = Notes
card-notes-hint = The whole team can edit; saved as you type.
card-notes-failed = Couldn’t save the notes on this device.
card-history = History
card-history-all =
    { $count ->
        [one] Show the 1 change
       *[other] Show all { $count } changes
    }
card-as-of = The card as it was on
card-as-of-title = As it was on { $date }
card-as-of-none = The card did not exist yet on { $date }.

## Today: one tap to log the outcome
today-log-outcome = Log
today-log-outcome-of = Log the outcome: { $client }
outcome-reached = Reached
outcome-no_answer = No answer
outcome-call_back = Call back

## A new version
update-available = A new version of Fieldbase is ready. Everything you entered is saved on this device.
update-reload = Reload

## Sync: changes the server refused
sync-refused =
    { $count ->
        [one] { $count } change not accepted by the server
       *[other] { $count } changes not accepted by the server
    }

## Reports: the month's funnel
report-funnel-month-rule = Deals that reached their stage in { $month }: won and lost by the day they closed, sent and in negotiation by the day the offer was sent, drafts by the day they were created.

## Settings: targets (only a head of sales edits the plan)
settings-targets-read-only = Your head of sales sets your targets and role; only they can change them.
settings-team-targets = Team targets
settings-team-targets-note = As head of sales you set each manager's role and targets. Each rep sees their own. Access rights are set by the administrator.
settings-turnover-per-month = Turnover plan a month
settings-manager-add = Add a manager
settings-manager-login = Login
settings-manager-name = Full name
settings-manager-role = Role
settings-role-rep = Sales rep
settings-role-key_account_manager = Key account manager
settings-role-head = Head of sales

## Clients: owner and event filters, saved views
filter-owner = Owner
filter-any-owner = Any owner
filter-event = Event
filter-any-event = Any event
views-title = Saved views
views-new = Save view
views-name = Name of the view
views-save = Save
views-cancel = Cancel
views-delete = Delete the view { $name }
