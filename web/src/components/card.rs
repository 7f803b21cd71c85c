//! The client card: header (status, segment, owner, rating, conflicts and their
//! resolver), terms and receivables, contacts (tap to call or write), logging an
//! interaction, one timeline, deals, contracts, orders, invoices and complaints, the
//! shared notes, and the history with the card as it was on a chosen day.
//!
//! Everything is read in one query per durable state and written through
//! [`EngineHandle::edit`](crate::engine::EngineHandle::edit).

use std::rc::Rc;

use fieldbase_core::{
    Author, Client, ClientBase, ClientDetails, ClientPatch, ClientStatus, Complaint, Contact,
    ContactDraft, Contract, Date, Deal, DocumentId, Edit, Error, Field, HistoryEntry, Interaction,
    Invoice, Line, Money, Order, Payment, Rating, Receivable, Record, Segment, Totals,
    automerge::{
        AutoCommit, Change, ChangeHash, ObjId, ROOT, ReadDoc, ScalarValue, Value,
        transaction::{CommitOptions, Transactable},
    },
};
use serde::{Deserialize, Serialize};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::{
    app::{I18n, use_i18n},
    browser,
    calls::EditCall,
    components::{
        card_activity::{LogInteraction, Timeline},
        card_form::{
            self, FormEdit, Input, Kind, RecordForm, Sent, Values, bp_text, date_text, money_text,
            options, target_prop,
        },
        card_records::Records,
        icons,
    },
    format,
    hooks::use_query,
    i18n::Lang,
    route::Route,
};

/// Properties of [`ClientCard`].
#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// The client.
    pub id: DocumentId,
    /// The latest durable state.
    pub snapshot: crate::engine::Snapshot,
    /// The running engine.
    pub engine: crate::engine::EngineHandle,
    /// Opens another screen.
    pub navigate: Callback<crate::route::Route>,
}

/// A value of a conflicting field, with who wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Competing {
    /// As stored.
    #[serde(with = "crate::calls::scalar")]
    pub stored: ScalarValue,
    /// The one shown now.
    pub winner: bool,
    /// `rep/device` of the change that wrote it, or empty.
    pub who: String,
    /// When that change was made.
    pub at: Option<i64>,
}

/// A field two devices changed at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The stored key.
    pub key: String,
    /// A [`ClientDetails`] key (else name, phone, e-mail, status, lost reason).
    pub detail: bool,
    /// The winner first.
    pub values: Vec<Competing>,
}

/// An order (its id, the order, its lines by id).
pub type OrderWithLines = (String, Order, Vec<(String, Line)>);
/// An invoice (its id, the invoice, its payments by id).
pub type InvoiceWithPayments = (String, Invoice, Vec<(String, Payment)>);

/// Everything the card shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardData {
    /// Name, phone, e-mail, status.
    pub client: Client,
    /// The rest of the card.
    pub details: ClientDetails,
    /// Contacts that are not archived.
    pub contacts: Vec<Contact>,
    /// Newest first.
    pub interactions: Vec<Interaction>,
    /// Deals and offers.
    pub deals: Vec<(String, Deal)>,
    /// Contracts.
    pub contracts: Vec<(String, Contract)>,
    /// Orders with their lines.
    pub orders: Vec<OrderWithLines>,
    /// Invoices with their payments.
    pub invoices: Vec<InvoiceWithPayments>,
    /// Complaints.
    pub complaints: Vec<(String, Complaint)>,
    /// Invoices with what was paid.
    pub receivables: Vec<Receivable>,
    /// The shared notes.
    pub notes: String,
    /// The heads of the card when the notes were read (typing is saved relative to them).
    pub notes_heads: Vec<fieldbase_core::automerge::ChangeHash>,
    /// Oldest first.
    pub history: Vec<HistoryEntry>,
    /// Fields with competing values.
    pub conflicts: Vec<Conflict>,
}

const CLIENT_KEYS: [&str; 5] = ["name", "phone", "email", "status", "lost_reason"];

fn load(base: &ClientBase, id: DocumentId) -> Option<CardData> {
    let client = base.client(id)?;
    Some(CardData {
        details: base.details(id),
        contacts: base
            .contacts(id)
            .into_iter()
            .filter(|c| !c.archived)
            .collect(),
        interactions: base.interactions(id),
        deals: base.entities(id),
        contracts: base.entities(id),
        orders: base
            .entities::<Order>(id)
            .into_iter()
            .map(|(oid, o)| {
                let lines = base.items::<Order, Line>(id, &oid);
                (oid, o, lines)
            })
            .collect(),
        invoices: base
            .entities::<Invoice>(id)
            .into_iter()
            .map(|(iid, inv)| {
                let payments = base.items::<Invoice, Payment>(id, &iid);
                (iid, inv, payments)
            })
            .collect(),
        complaints: base.entities(id),
        receivables: base.client_receivables(id),
        notes: base.notes(id),
        notes_heads: base.heads(id),
        history: base.history(id),
        conflicts: conflicts(base, id),
        client,
    })
}

/// The conflicting fields of the card, each value with the change that wrote it.
fn conflicts(base: &ClientBase, id: DocumentId) -> Vec<Conflict> {
    let found: Vec<(&'static str, bool)> = CLIENT_KEYS
        .iter()
        .map(|k| (*k, false))
        .chain(ClientDetails::KEYS.iter().map(|k| (*k, true)))
        .filter(|(k, detail)| {
            if *detail {
                !base.details_conflicts(id, k).is_empty()
            } else {
                !base.conflicts(id, k).is_empty()
            }
        })
        .collect();
    let Some(doc) = base.doc(id).filter(|_| !found.is_empty()) else {
        return Vec::new();
    };
    let changes = doc.get_changes(&[]);
    found
        .into_iter()
        .map(|(key, detail)| {
            let winner = doc.get(ROOT, key).ok().flatten().map(|(_, op)| op);
            let mut values: Vec<Competing> = doc
                .get_all(ROOT, key)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|(v, op)| {
                    let Value::Scalar(s) = v else { return None };
                    let (who, at) = author_of(&changes, &op);
                    Some(Competing {
                        stored: s.into_owned(),
                        winner: Some(&op) == winner.as_ref(),
                        who,
                        at,
                    })
                })
                .collect();
            values.sort_by_key(|c| !c.winner);
            Conflict {
                key: key.to_owned(),
                detail,
                values,
            }
        })
        .collect()
}

/// The change that made operation `op`: its message (`rep/device`) and time.
fn author_of(changes: &[Change], op: &ObjId) -> (String, Option<i64>) {
    let ObjId::Id(counter, actor, _) = op else {
        return (String::new(), None);
    };
    changes
        .iter()
        .find(|c| c.actor_id() == actor && c.start_op().get() <= *counter && *counter <= c.max_op())
        .map(|c| {
            (
                c.message().unwrap_or_default().to_owned(),
                Some(c.timestamp().saturating_mul(1000)),
            )
        })
        .unwrap_or_default()
}

/// A scalar that crosses to the engine.
#[derive(Serialize, Deserialize)]
struct Chosen(#[serde(with = "crate::calls::scalar")] ScalarValue);

/// Which value of a conflicting field the rep chose: the client, the key, whether it
/// is a [`ClientDetails`] key, and the value.
type Resolution = (DocumentId, String, bool, Chosen);

/// Keeps `chosen` as the value of a conflicting field: written again, so it supersedes
/// every competing value.
fn resolve(id: DocumentId, key: String, detail: bool, chosen: ScalarValue) -> EditCall<Edit> {
    EditCall::new(
        |(id, key, detail, chosen): Resolution, base: &mut ClientBase, author: &Author| {
            let (key, chosen) = (key.as_str(), chosen.0);
            let text = match &chosen {
                ScalarValue::Str(s) => s.to_string(),
                other => other.to_string(),
            };
            if !detail {
                let mut patch = ClientPatch::default();
                match key {
                    "name" => patch.name = Some(text),
                    "phone" => patch.phone = Some(text),
                    "email" => patch.email = Some(text),
                    "status" => patch.status = Some(text.parse()?),
                    _ => patch.lost_reason = Some(text),
                }
                return base.edit_client(id, &patch, author);
            }
            let current = base.details(id);
            let mut scratch = AutoCommit::new();
            current.write(&mut scratch, &ROOT, None)?;
            scratch.put(ROOT, key, chosen.clone())?;
            let wanted = ClientDetails::read(&scratch, &ROOT);
            if wanted != current {
                return base.set_details(id, &wanted, author);
            }
            // The shown value wins: put it again so the others are superseded.
            let doc = base.doc_mut(id).ok_or(Error::NoSuchClient(id))?;
            let options = CommitOptions::default()
                .with_time(author.at.div_euclid(1000))
                .with_message(author.who.clone());
            doc.transact_with::<_, _, Error, _>(
                |_| options,
                |tx| {
                    tx.put(ROOT, key, chosen)?;
                    Ok(())
                },
            )
            .map_err(|f| f.error)?;
            let mut touched = vec![id];
            if let Some(edit) = base.reconcile_summary(id, author)? {
                touched.extend(edit.touched);
            }
            Ok(Edit {
                client: id,
                touched,
            })
        },
        (id, key, detail, Chosen(chosen)),
    )
}

/// The translated label of a stored card key.
pub fn field_label(i18n: &I18n, key: &str) -> String {
    match key {
        "name" => i18n.t("field-name"),
        "phone" => i18n.t("field-phone"),
        "email" => i18n.t("field-email"),
        "status" => i18n.t("field-status"),
        "segment" => i18n.t("field-segment"),
        "notes" => i18n.t("card-notes"),
        "contacts" => i18n.t("card-contacts"),
        "interactions" | "tasks" => i18n.t("card-timeline"),
        "deals" => i18n.t("card-deals"),
        "contracts" => i18n.t("card-contracts"),
        "orders" => i18n.t("card-orders"),
        "invoices" => i18n.t("card-invoices"),
        "complaints" => i18n.t("card-complaints"),
        k if CLIENT_KEYS.contains(&k) || ClientDetails::KEYS.contains(&k) => {
            i18n.t(&format!("card-field-{k}"))
        }
        other => other.to_owned(),
    }
}

/// A stored value as the rep reads it.
fn shown_value(i18n: &I18n, key: &str, v: &ScalarValue) -> String {
    let text = match v {
        ScalarValue::Str(s) => s.to_string(),
        ScalarValue::Boolean(b) => return i18n.t(if *b { "card-yes" } else { "card-no" }),
        other => other.to_string(),
    };
    if text.is_empty() {
        return i18n.t("card-empty-value");
    }
    match key {
        "status" => i18n.t(&format!("client-status-{text}")),
        "segment" => i18n.t(&format!("segment-{text}")),
        "credit_limit" => text
            .split_once(' ')
            .and_then(|(minor, code)| {
                let c = fieldbase_core::Currency::new(code).ok()?;
                Some(money(i18n.tr.lang(), &Money::new(minor.parse().ok()?, c)))
            })
            .unwrap_or(text),
        "discount_bp" => format::percent_bp(i18n.tr.lang(), text.parse().unwrap_or(0)),
        k if k.ends_with("_date") => Date::parse(&text)
            .map(|d| format::date(i18n.tr.lang(), d))
            .unwrap_or(text),
        _ => text,
    }
}

/// An instant as a local day and time, the language's way (the device's time zone).
pub fn when(lang: Lang, at: i64) -> String {
    browser::instant(lang, at as f64)
}

/// An amount with its currency, the language's way ([`format::money`]).
pub fn money(lang: Lang, m: &Money) -> String {
    format::money(lang, *m)
}

/// Totals, one amount per currency, the language's way; a dash when there are none.
pub fn totals_text(lang: Lang, t: &Totals) -> String {
    format::amounts(lang, &t.amounts())
}

/// The last instant (ms) of a local day.
fn end_of_day_ms(d: Date) -> i64 {
    js_sys::Date::new_with_year_month_day_hr_min_sec_milli(
        u32::from(d.year()),
        i32::from(d.month()) - 1,
        i32::from(d.day()),
        23,
        59,
        59,
        999,
    )
    .get_time() as i64
}

/// The client card.
#[component]
pub fn ClientCard(props: &CardProps) -> Html {
    let i18n = use_i18n();
    let snap = &props.snapshot;
    let id = props.id;
    let data = use_query(&props.engine, (snap.version, id), |(_, id), base| {
        load(base, *id)
    });
    let resolver_open = use_state(|| false);
    let resolve_error = use_state(|| None::<String>);
    let back = {
        let navigate = props.navigate.clone();
        Callback::from(move |_: MouseEvent| navigate.emit(Route::Clients))
    };
    let back_button = html! {
        <button class="button ghost small-button card-back" onclick={back} data-testid="card-back">
            { icons::back() }<span>{ i18n.t("card-back") }</span>
        </button>
    };
    let Some(data) = data else {
        return html! {
            <div class="screen card-screen">
                { back_button }
                <p class="muted" aria-busy="true">{ i18n.t("loading") }</p>
            </div>
        };
    };
    let Some(d) = (*data).clone() else {
        return html! {
            <div class="screen card-screen">
                { back_button }
                <p class="card empty" data-testid="card-missing">{ i18n.t("card-not-found") }</p>
            </div>
        };
    };
    let d = Rc::new(d);
    let c = &d.client;
    let det = &d.details;
    let today = browser::today();

    // ---------- header ----------
    let toggle_resolver = {
        let open = resolver_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let pick = |key: String, detail: bool, v: ScalarValue| {
        let (engine, err) = (props.engine.clone(), resolve_error.clone());
        Callback::from(move |_: MouseEvent| {
            let (engine, err, v, key) = (engine.clone(), err.clone(), v.clone(), key.clone());
            spawn_local(async move {
                match engine.edit(resolve(id, key, detail, v)).await {
                    Ok(_) => err.set(None),
                    Err(crate::engine::AddError::Invalid { reason, .. }) => {
                        err.set(Some(crate::i18n::invalid_reason_key(reason).to_owned()))
                    }
                    Err(e) => err.set(Some(format!("{e:?}"))),
                }
            });
        })
    };
    let resolver = html! {
        <section class="card card-resolver" data-testid="conflict-resolve"
                 aria-labelledby="card-conflicts-title">
            <h2 class="section-title" id="card-conflicts-title">{ i18n.t("card-conflicts-title") }</h2>
            <p class="muted small">{ i18n.t("card-conflicts-note") }</p>
            { for d.conflicts.iter().map(|cf| html! {
                <fieldset class="card-conflict" data-testid="conflict-field" data-field={cf.key.clone()}>
                    <legend>{ field_label(&i18n, &cf.key) }</legend>
                    <ul class="items">
                        { for cf.values.iter().map(|v| {
                            let by = if v.who.is_empty() {
                                i18n.t("card-conflict-by-unknown")
                            } else {
                                i18n.t_with("card-conflict-by", &[
                                    ("who", v.who.as_str()),
                                    ("time", &v.at.map(|at| when(i18n.tr.lang(), at)).unwrap_or_default()),
                                ])
                            };
                            html! {
                                <li class="item-row" data-testid="conflict-value">
                                    <div class="item-main">
                                        <span class="item-title">{ shown_value(&i18n, &cf.key, &v.stored) }</span>
                                        <span class="muted small">
                                            { by }
                                            if v.winner { { " · " }{ i18n.t("card-conflict-current") } }
                                        </span>
                                    </div>
                                    <button class="button small-button" data-testid="conflict-pick"
                                            onclick={pick(cf.key.clone(), cf.detail, v.stored.clone())}>
                                        { i18n.t("card-conflict-keep") }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </fieldset>
            }) }
            if let Some(e) = &*resolve_error {
                <p class="form-error" role="alert">
                    { if e.starts_with("invalid-") { i18n.t(e) } else { i18n.t_with("card-failed", &[("reason", e.as_str())]) } }
                </p>
            }
        </section>
    };
    let conflicts_count = d.conflicts.len();
    let header = html! {
        <header class="card card-head">
            { back_button }
            <h1 class="screen-title card-name" data-testid="card-name">{ &c.name }</h1>
            <div class="card-chips">
                <span class={classes!("chip", format!("status-{}", c.status.key()))} data-testid="card-status">
                    { i18n.t(&format!("client-status-{}", c.status.key())) }
                </span>
                if det.segment != Segment::Unset {
                    <span class="chip">{ i18n.t(&format!("segment-{}", det.segment.key())) }</span>
                }
                if !det.owner.is_empty() {
                    <span class="chip">{ i18n.t_with("card-owner", &[("name", det.owner.as_str())]) }</span>
                }
                if det.rating != Rating::Unrated {
                    <span class="chip">{ i18n.t_with("card-rating", &[("value", det.rating.key())]) }</span>
                }
                if det.restricted {
                    <span class="chip card-restricted">{ i18n.t("card-restricted") }</span>
                }
                if conflicts_count > 0 {
                    <button class="chip card-conflicts-badge" data-testid="card-conflicts"
                            aria-expanded={(*resolver_open).to_string()} onclick={toggle_resolver}>
                        { "⚠ " }{ i18n.count("card-conflicts", conflicts_count) }
                    </button>
                }
            </div>
            if c.status == ClientStatus::Lost && !c.lost_reason.is_empty() {
                <p class="muted small">{ field_label(&i18n, "lost_reason") }{ ": " }{ &c.lost_reason }</p>
            }
            <div class="card-actions">
                if !c.phone.is_empty() {
                    <a class="button primary" href={format!("tel:{}", c.phone)} data-testid="card-call">
                        { icons::phone() }<span class="card-ellipsis">{ &c.phone }</span>
                    </a>
                }
                if !c.email.is_empty() {
                    <a class="button ghost" href={format!("mailto:{}", c.email)} data-testid="card-mail">
                        { icons::mail() }<span class="card-ellipsis">{ &c.email }</span>
                    </a>
                }
            </div>
        </header>
    };

    // ---------- facts ----------
    let mut outstanding = Totals::default();
    let mut overdue = Totals::default();
    for r in &d.receivables {
        let owed = r.outstanding(today);
        if owed.minor > 0 {
            outstanding.add(owed);
            if r.days_overdue(today) > 0 {
                overdue.add(owed);
            }
        }
    }
    let dash = || "—".to_owned();
    let next_step = if det.next_step.is_empty() {
        dash()
    } else {
        match det.next_step_date {
            Some(day) => format!("{} · {}", det.next_step, format::date(i18n.tr.lang(), day)),
            None => det.next_step.clone(),
        }
    };
    let facts = html! {
        <section class="card list-section card-facts" aria-labelledby="card-facts-title">
            <div class="list-head">
                <h2 class="section-title" id="card-facts-title">{ i18n.t("card-facts") }</h2>
            </div>
            <dl class="facts card-facts-list" data-testid="card-facts">
                <dt>{ field_label(&i18n, "price_type") }</dt>
                <dd>{ if det.price_type.is_empty() { dash() } else { det.price_type.clone() } }</dd>
                <dt>{ field_label(&i18n, "discount_bp") }</dt>
                <dd>{ if det.discount_bp == 0 { dash() } else { format::percent_bp(i18n.tr.lang(), det.discount_bp) } }</dd>
                <dt>{ field_label(&i18n, "payment_days") }</dt>
                <dd>{ if det.payment_days == 0 { dash() } else { i18n.count("card-days", det.payment_days as usize) } }</dd>
                <dt>{ field_label(&i18n, "credit_limit") }</dt>
                <dd>{ det.credit_limit.as_ref().map(|m| money(i18n.tr.lang(), m)).unwrap_or_else(dash) }</dd>
                <dt>{ field_label(&i18n, "currency") }</dt>
                <dd>{ det.currency.map(|c| c.code().to_owned()).unwrap_or_else(dash) }</dd>
                <dt>{ i18n.t("card-outstanding") }</dt>
                <dd data-testid="card-outstanding">{ totals_text(i18n.tr.lang(), &outstanding) }</dd>
                <dt>{ i18n.t("card-overdue") }</dt>
                <dd class={classes!((!overdue.amounts().is_empty()).then_some("card-warn"))}
                    data-testid="card-overdue">{ totals_text(i18n.tr.lang(), &overdue) }</dd>
                <dt>{ field_label(&i18n, "next_step") }</dt>
                <dd data-testid="card-next-step">{ next_step }</dd>
            </dl>
            <details class="card-more">
                <summary class="button ghost small-button">{ i18n.t("card-edit-card") }</summary>
                <EditCard id={id} data={d.clone()} engine={props.engine.clone()} />
            </details>
        </section>
    };

    html! {
        <div class="screen card-screen" data-testid="client-card">
            { header }
            if conflicts_count > 0 && *resolver_open {
                { resolver }
            }
            <div class="card-columns">
                <div class="card-column">
                    { facts }
                    <Contacts id={id} contacts={d.contacts.clone()} engine={props.engine.clone()} />
                    <LogInteraction id={id} contacts={d.contacts.clone()} rep={snap.rep.clone()}
                                    engine={props.engine.clone()} />
                    <Notes id={id} notes={d.notes.clone()} heads={d.notes_heads.clone()} engine={props.engine.clone()} />
                </div>
                <div class="card-column">
                    <Timeline data={d.clone()} />
                    <Records id={id} data={d.clone()} rep={snap.rep.clone()} engine={props.engine.clone()} />
                    <History id={id} history={d.history.clone()} version={snap.version}
                             engine={props.engine.clone()} />
                </div>
            </div>
        </div>
    }
}

// ---------- editing the card ----------

#[derive(Properties, PartialEq)]
struct EditCardProps {
    id: DocumentId,
    data: Rc<CardData>,
    engine: crate::engine::EngineHandle,
}

#[component]
fn EditCard(props: &EditCardProps) -> Html {
    let i18n = use_i18n();
    let id = props.id;
    let c = &props.data.client;
    let det = &props.data.details;
    let label = |k: &str| field_label(&i18n, k);
    let main_inputs = Rc::new(vec![
        Input::new("name", label("name"), Kind::Text, Field::Name),
        Input::new("phone", label("phone"), Kind::Text, Field::Phone),
        Input::new("email", label("email"), Kind::Text, Field::Email),
        Input::new(
            "status",
            label("status"),
            options(&ClientStatus::ALL, ClientStatus::key, |s| {
                i18n.t(&format!("client-status-{}", s.key()))
            }),
            Field::Status,
        ),
        Input::new(
            "lost_reason",
            label("lost_reason"),
            Kind::Text,
            Field::LostReason,
        )
        .when("status", "lost"),
    ]);
    let main_initial: Values = [
        ("name", c.name.clone()),
        ("phone", c.phone.clone()),
        ("email", c.email.clone()),
        ("status", c.status.key().to_owned()),
        ("lost_reason", c.lost_reason.clone()),
    ]
    .into_iter()
    .collect();
    let save_main = Callback::from(move |v: Values| -> FormEdit {
        EditCall::new(
            |(id, v): (DocumentId, Sent), base: &mut ClientBase, author: &Author| {
                let status: ClientStatus = card_form::text(&v, "status").parse()?;
                let patch = ClientPatch {
                    name: Some(card_form::text(&v, "name")),
                    phone: Some(card_form::text(&v, "phone")),
                    email: Some(card_form::text(&v, "email")),
                    status: Some(status),
                    lost_reason: (status == ClientStatus::Lost)
                        .then(|| card_form::text(&v, "lost_reason")),
                };
                base.edit_client(id, &patch, author)
            },
            (id, card_form::sent(v)),
        )
    });
    let not_set = i18n.t("card-not-set");
    let detail_inputs = Rc::new(vec![
        Input::new(
            "segment",
            label("segment"),
            options(Segment::ALL, Segment::key, |s| {
                if s == Segment::Unset {
                    not_set.clone()
                } else {
                    i18n.t(&format!("segment-{}", s.key()))
                }
            }),
            Field::Status,
        ),
        Input::new("owner", label("owner"), Kind::Text, Field::Rep),
        Input::new(
            "rating",
            label("rating"),
            options(Rating::ALL, Rating::key, |r| {
                if r == Rating::Unrated {
                    not_set.clone()
                } else {
                    r.key().to_owned()
                }
            }),
            Field::Status,
        ),
        Input::new(
            "price_type",
            label("price_type"),
            Kind::Text,
            Field::PriceType,
        ),
        Input::new(
            "discount_bp",
            label("discount_bp"),
            Kind::Decimal,
            Field::Discount,
        ),
        Input::new(
            "payment_days",
            label("payment_days"),
            Kind::Number,
            Field::PaymentDays,
        ),
        Input::new(
            "credit_limit",
            label("credit_limit"),
            Kind::Decimal,
            Field::CreditLimit,
        ),
        Input::new("currency", label("currency"), Kind::Text, Field::Currency),
        Input::new("next_step", label("next_step"), Kind::Text, Field::NextStep),
        Input::new(
            "next_step_date",
            label("next_step_date"),
            Kind::Date,
            Field::Date,
        ),
        Input::new(
            "legal_name",
            label("legal_name"),
            Kind::Text,
            Field::LegalName,
        ),
        Input::new("tax_id", label("tax_id"), Kind::Text, Field::TaxId),
        Input::new("industry", label("industry"), Kind::Text, Field::Industry),
        Input::new("website", label("website"), Kind::Text, Field::Website),
        Input::new("rating_note", label("rating_note"), Kind::Area, Field::Note),
        Input::new(
            "restricted",
            label("restricted"),
            Kind::Check,
            Field::Status,
        ),
    ]);
    let detail_initial: Values = [
        ("segment", det.segment.key().to_owned()),
        ("owner", det.owner.clone()),
        ("rating", det.rating.key().to_owned()),
        ("price_type", det.price_type.clone()),
        ("discount_bp", bp_text(det.discount_bp)),
        (
            "payment_days",
            if det.payment_days == 0 {
                String::new()
            } else {
                det.payment_days.to_string()
            },
        ),
        ("credit_limit", money_text(det.credit_limit)),
        (
            "currency",
            det.currency
                .or(det.credit_limit.map(|m| m.currency))
                .map(|c| c.code().to_owned())
                .unwrap_or_default(),
        ),
        ("next_step", det.next_step.clone()),
        ("next_step_date", date_text(det.next_step_date)),
        ("legal_name", det.legal_name.clone()),
        ("tax_id", det.tax_id.clone()),
        ("industry", det.industry.clone()),
        ("website", det.website.clone()),
        ("rating_note", det.rating_note.clone()),
        (
            "restricted",
            if det.restricted { "true" } else { "" }.to_owned(),
        ),
    ]
    .into_iter()
    .collect();
    let save_details = Callback::from(move |v: Values| -> FormEdit {
        EditCall::new(
            |(id, v): (DocumentId, Sent), base: &mut ClientBase, author: &Author| {
                let mut d = base.details(id);
                d.segment = Segment::from_key(&card_form::text(&v, "segment")).unwrap_or_default();
                d.owner = card_form::text(&v, "owner");
                let rating = Rating::from_key(&card_form::text(&v, "rating")).unwrap_or_default();
                if rating != d.rating {
                    d.rating_checked = Some(browser::today());
                }
                d.rating = rating;
                d.price_type = card_form::text(&v, "price_type");
                d.discount_bp = card_form::percent_bp(&v, "discount_bp", Field::Discount)?;
                d.payment_days = card_form::number(&v, "payment_days", Field::PaymentDays)?;
                d.currency = card_form::currency(&v, "currency")?;
                d.credit_limit =
                    card_form::money(&v, "credit_limit", "currency", Field::CreditLimit)?;
                d.next_step = card_form::text(&v, "next_step");
                d.next_step_date = card_form::date(&v, "next_step_date")?;
                d.legal_name = card_form::text(&v, "legal_name");
                d.tax_id = card_form::text(&v, "tax_id");
                d.industry = card_form::text(&v, "industry");
                d.website = card_form::text(&v, "website");
                d.rating_note = card_form::text(&v, "rating_note");
                // The server learns it from the engine (`POST /api/clients`).
                d.restricted = card_form::text(&v, "restricted") == "true";
                base.set_details(id, &d, author)
            },
            (id, card_form::sent(v)),
        )
    });
    html! {
        <div class="card-edit">
            <h3 class="card-subtitle">{ i18n.t("card-edit-main") }</h3>
            <RecordForm id="card-main" engine={props.engine.clone()} inputs={main_inputs}
                initial={Rc::new(main_initial)} submit={i18n.t("card-save")} save={save_main}
                testid="card-edit-main" />
            <h3 class="card-subtitle">{ i18n.t("card-edit-details") }</h3>
            <RecordForm id="card-details" engine={props.engine.clone()} inputs={detail_inputs}
                initial={Rc::new(detail_initial)} submit={i18n.t("card-save")} save={save_details}
                testid="card-edit-details" />
        </div>
    }
}

// ---------- contacts ----------

#[derive(Properties, PartialEq)]
struct ContactsProps {
    id: DocumentId,
    contacts: Vec<Contact>,
    engine: crate::engine::EngineHandle,
}

#[component]
fn Contacts(props: &ContactsProps) -> Html {
    let i18n = use_i18n();
    let id = props.id;
    let inputs = Rc::new(vec![
        Input::new("name", i18n.t("field-name"), Kind::Text, Field::Name),
        Input::new(
            "position",
            i18n.t("card-contact-position"),
            Kind::Text,
            Field::Position,
        ),
        Input::new("role", i18n.t("card-contact-role"), Kind::Text, Field::Role),
        Input::new("phone", i18n.t("field-phone"), Kind::Text, Field::Phone),
        Input::new("email", i18n.t("field-email"), Kind::Text, Field::Email),
        Input::new(
            "birthday",
            i18n.t("card-contact-birthday"),
            Kind::Text,
            Field::Birthday,
        ),
    ]);
    let save = Callback::from(move |v: Values| -> FormEdit {
        EditCall::new(
            |(id, v): (DocumentId, Sent), base: &mut ClientBase, author: &Author| {
                let some = |k: &str| {
                    let t = card_form::text(&v, k);
                    if t.trim().is_empty() {
                        Vec::new()
                    } else {
                        vec![t]
                    }
                };
                let draft = ContactDraft {
                    name: card_form::text(&v, "name"),
                    position: card_form::text(&v, "position"),
                    role: card_form::text(&v, "role"),
                    phones: some("phone"),
                    emails: some("email"),
                    birthday: card_form::text(&v, "birthday"),
                    ..ContactDraft::default()
                };
                base.add_contact(id, &card_form::new_id(), &draft, author)
            },
            (id, card_form::sent(v)),
        )
    });
    html! {
        <section class="card list-section card-contacts" aria-labelledby="card-contacts-title">
            <div class="list-head">
                <h2 class="section-title" id="card-contacts-title">{ i18n.t("card-contacts") }</h2>
                <span class="count-badge">{ props.contacts.len() }</span>
            </div>
            <ul class="items" role="list">
                if props.contacts.is_empty() {
                    <li class="muted empty">{ i18n.t("card-no-contacts") }</li>
                }
                { for props.contacts.iter().map(|ct| {
                    let sub: Vec<&str> = [ct.position.as_str(), ct.role.as_str()]
                        .into_iter().filter(|s| !s.is_empty()).collect();
                    html! {
                        <li class="item-row card-contact-row" data-testid="contact-row" key={ct.id.clone()}>
                            <div class="item-main">
                                <span class="item-title">{ &ct.name }</span>
                                if !sub.is_empty() {
                                    <span class="muted small">{ sub.join(" · ") }</span>
                                }
                                { for ct.phones.iter().map(|p| html! {
                                    <span class="muted small card-ellipsis">{ p }</span>
                                }) }
                                { for ct.emails.iter().map(|e| html! {
                                    <span class="muted small card-ellipsis">{ e }</span>
                                }) }
                            </div>
                            <div class="card-row-actions">
                                if let Some(p) = ct.phones.first() {
                                    <a class="button small-button" href={format!("tel:{p}")} data-testid="contact-call"
                                       aria-label={i18n.t_with("card-call-name", &[("name", ct.name.as_str())])}>
                                        { icons::phone() }
                                    </a>
                                }
                                if let Some(e) = ct.emails.first() {
                                    <a class="button small-button" href={format!("mailto:{e}")} data-testid="contact-mail"
                                       aria-label={i18n.t_with("card-mail-name", &[("name", ct.name.as_str())])}>
                                        { icons::mail() }
                                    </a>
                                }
                            </div>
                        </li>
                    }
                }) }
            </ul>
            <details class="card-more">
                <summary class="button ghost small-button">{ icons::plus() }{ i18n.t("card-add-contact") }</summary>
                <RecordForm id="card-contact" engine={props.engine.clone()} inputs={inputs}
                    initial={Rc::new(Values::new())} submit={i18n.t("card-add-contact")} save={save}
                    reset=true testid="contact-form" />
            </details>
        </section>
    }
}

// ---------- notes ----------

#[derive(Properties, PartialEq)]
struct NotesProps {
    id: DocumentId,
    notes: String,
    heads: Vec<fieldbase_core::automerge::ChangeHash>,
    engine: crate::engine::EngineHandle,
}

/// The shared notes: saved after a pause in typing and when the field loses focus.
#[component]
fn Notes(props: &NotesProps) -> Html {
    let i18n = use_i18n();
    let text = use_state(|| props.notes.clone());
    let dirty = use_mut_ref(|| false);
    // What the textarea holds now: a save clears `dirty` only when nothing was typed since.
    let latest = use_mut_ref(String::new);
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let state = use_state(|| 0u8); // 0 idle, 1 saving, 2 saved, 3 failed
    // The card's heads the textarea's text is based on: a save applies what was typed
    // since then, so what other devices typed meanwhile stays (set_notes_since).
    let since = use_mut_ref(|| props.heads.clone());
    {
        // Follow other devices' typing while the rep is not typing here.
        let (text, dirty, since) = (text.clone(), dirty.clone(), since.clone());
        use_effect_with(
            (props.notes.clone(), props.heads.clone()),
            move |(notes, heads)| {
                if !*dirty.borrow() {
                    text.set(notes.clone());
                    *since.borrow_mut() = heads.clone();
                }
            },
        );
    }
    let save = {
        let (engine, id, dirty, latest, state, since) = (
            props.engine.clone(),
            props.id,
            dirty.clone(),
            latest.clone(),
            state.clone(),
            since.clone(),
        );
        Rc::new(move |value: String| {
            let (engine, dirty, latest, state, since) = (
                engine.clone(),
                dirty.clone(),
                latest.clone(),
                state.clone(),
                since.clone(),
            );
            state.set(1);
            spawn_local(async move {
                let saved = value.clone();
                let from = since.borrow().clone();
                let result = engine
                    .edit(EditCall::new(
                        |(id, from, value): (DocumentId, Vec<ChangeHash>, String),
                         base: &mut ClientBase,
                         author: &Author| {
                            base.set_notes_since(id, &from, &value, author)
                        },
                        (id, from, value),
                    ))
                    .await;
                // The textarea holds exactly the saved text, which the document reads at
                // the heads the edit returned: later typing is relative to them.
                if let Ok((_, view)) = &result {
                    *since.borrow_mut() = view.clone();
                }
                if *latest.borrow() == saved {
                    *dirty.borrow_mut() = false;
                }
                state.set(if result.is_ok() { 2 } else { 3 });
            });
        })
    };
    let oninput = {
        let (text, dirty, latest, timer, save) = (
            text.clone(),
            dirty.clone(),
            latest.clone(),
            timer.clone(),
            save.clone(),
        );
        Callback::from(move |e: InputEvent| {
            let value = target_prop(&e, "value").as_string().unwrap_or_default();
            text.set(value.clone());
            *latest.borrow_mut() = value.clone();
            *dirty.borrow_mut() = true;
            let save = save.clone();
            *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(900, move || {
                save(value)
            }));
        })
    };
    let onblur = {
        let (dirty, timer, save) = (dirty.clone(), timer.clone(), save.clone());
        Callback::from(move |e: FocusEvent| {
            if let Some(t) = timer.borrow_mut().take() {
                t.cancel();
            }
            if *dirty.borrow() {
                save(target_prop(&e, "value").as_string().unwrap_or_default());
            }
        })
    };
    let status = match *state {
        1 => i18n.t("add-saving"),
        2 => i18n.t("card-saved"),
        3 => i18n.t("card-notes-failed"),
        _ => i18n.t("card-notes-hint"),
    };
    html! {
        <section class="card form-card card-notes">
            <div class="field card-wide">
                <label for="card-notes-text" class="section-title">{ i18n.t("card-notes") }</label>
                <textarea id="card-notes-text" data-testid="notes" value={(*text).clone()} {oninput} {onblur}
                          rows="5" aria-describedby="card-notes-status" />
                <p class="muted small" id="card-notes-status" role="status">{ status }</p>
            </div>
        </section>
    }
}

// ---------- history ----------

#[derive(Properties, PartialEq)]
struct HistoryProps {
    id: DocumentId,
    history: Vec<HistoryEntry>,
    version: u64,
    engine: crate::engine::EngineHandle,
}

/// What a past card showed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PastCard {
    client: Client,
    details: ClientDetails,
    contacts: usize,
}

#[component]
fn History(props: &HistoryProps) -> Html {
    let i18n = use_i18n();
    let all = use_state(|| false);
    let as_of = use_state(|| None::<Date>);
    let at = as_of.map(end_of_day_ms);
    let past = use_query(
        &props.engine,
        (props.version, props.id, at),
        |(_, id, at), base| {
            let at = (*at)?;
            let view = base.as_of(*id, at)?;
            Some(PastCard {
                client: view.client(*id)?,
                details: view.details(*id),
                contacts: view.contacts(*id).iter().filter(|c| !c.archived).count(),
            })
        },
    );
    let onchange = {
        let as_of = as_of.clone();
        Callback::from(move |e: Event| {
            let v = target_prop(&e, "value").as_string().unwrap_or_default();
            as_of.set(Date::parse(&v).ok());
        })
    };
    let total = props.history.len();
    let shown: Vec<&HistoryEntry> = props
        .history
        .iter()
        .rev()
        .take(if *all { usize::MAX } else { 8 })
        .collect();
    let show_all = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(true))
    };
    let past_view = match (*as_of, past.as_deref()) {
        (None, _) | (_, None) => html! {},
        (Some(day), Some(None)) => html! {
            <p class="muted" data-testid="as-of-none">
                { i18n.t_with("card-as-of-none", &[("date", &format::date(i18n.tr.lang(), day))]) }
            </p>
        },
        (Some(day), Some(Some(p))) => html! {
            <div class="card-past" data-testid="as-of-card">
                <h3 class="card-subtitle">{ i18n.t_with("card-as-of-title", &[("date", &format::date(i18n.tr.lang(), day))]) }</h3>
                <dl class="facts">
                    <dt>{ i18n.t("field-name") }</dt><dd>{ &p.client.name }</dd>
                    <dt>{ i18n.t("field-status") }</dt>
                    <dd>{ i18n.t(&format!("client-status-{}", p.client.status.key())) }</dd>
                    <dt>{ i18n.t("field-phone") }</dt><dd>{ if p.client.phone.is_empty() { "—".into() } else { p.client.phone.clone() } }</dd>
                    <dt>{ i18n.t("field-email") }</dt><dd>{ if p.client.email.is_empty() { "—".into() } else { p.client.email.clone() } }</dd>
                    <dt>{ field_label(&i18n, "owner") }</dt><dd>{ if p.details.owner.is_empty() { "—".into() } else { p.details.owner.clone() } }</dd>
                    <dt>{ field_label(&i18n, "price_type") }</dt><dd>{ if p.details.price_type.is_empty() { "—".into() } else { p.details.price_type.clone() } }</dd>
                    <dt>{ field_label(&i18n, "discount_bp") }</dt>
                    <dd>{ if p.details.discount_bp == 0 { "—".into() } else { format::percent_bp(i18n.tr.lang(), p.details.discount_bp) } }</dd>
                    <dt>{ field_label(&i18n, "payment_days") }</dt><dd>{ i18n.count("card-days", p.details.payment_days as usize) }</dd>
                    <dt>{ field_label(&i18n, "credit_limit") }</dt><dd>{ p.details.credit_limit.as_ref().map(|m| money(i18n.tr.lang(), m)).unwrap_or_else(|| "—".into()) }</dd>
                    <dt>{ field_label(&i18n, "next_step") }</dt><dd>{ if p.details.next_step.is_empty() { "—".into() } else { p.details.next_step.clone() } }</dd>
                    <dt>{ i18n.t("card-contacts") }</dt><dd>{ p.contacts }</dd>
                </dl>
            </div>
        },
    };
    html! {
        <section class="card list-section card-history" aria-labelledby="card-history-title">
            <div class="list-head">
                <h2 class="section-title" id="card-history-title">{ i18n.t("card-history") }</h2>
                <span class="count-badge">{ total }</span>
            </div>
            <div class="card-pad">
                <div class="field">
                    <label for="card-as-of">{ i18n.t("card-as-of") }</label>
                    <input type="date" id="card-as-of" data-testid="as-of-date" {onchange}
                           value={as_of.map(|d| d.to_string()).unwrap_or_default()} />
                </div>
                { past_view }
            </div>
            <ul class="items" role="list">
                { for shown.into_iter().map(|h| {
                    let mut fields: Vec<String> = h.fields.iter()
                        .map(|f| field_label(&i18n, f.split('/').next().unwrap_or_default()))
                        .collect();
                    fields.dedup();
                    let device = if h.device.is_empty() { String::new() } else { format!(" · {}", h.device) };
                    html! {
                        <li class="item-row" data-testid="history-item" key={h.hash.clone()}>
                            <div class="item-main">
                                <span class="item-title">
                                    { if h.rep.is_empty() { i18n.t("card-conflict-by-unknown") } else { h.rep.clone() } }
                                    <span class="muted small">{ device }</span>
                                </span>
                                <span class="muted small">{ when(i18n.tr.lang(), h.at) }</span>
                                <span class="small card-wrap">{ fields.join(", ") }</span>
                            </div>
                        </li>
                    }
                }) }
            </ul>
            if !*all && total > 8 {
                <div class="card-pad">
                    <button class="button ghost block" onclick={show_all}>
                        { i18n.count("card-history-all", total) }
                    </button>
                </div>
            }
        </section>
    }
}
