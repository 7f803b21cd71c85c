//! Deals, contracts, orders (with their lines and the out-of-stock path), invoices
//! (with payments) and complaints of a client: a compact list per kind, each record with
//! its edit form, and a form for a new one.

use std::rc::Rc;

use fieldbase_core::{
    Author, ClientBase, Complaint, ComplaintStatus, Contract, ContractStatus, Currency, Deal,
    DealStage, DocumentId, Edit, Entity, Error, Field, Invoice, Line, Money, OfferChannel, Order,
    OrderStatus, Payment, StockState, order::lines_total,
};
use yew::prelude::*;

use crate::{
    app::{I18n, use_i18n},
    browser,
    calls::EditCall,
    components::{
        card::{CardData, money, totals_text},
        card_form::{
            self, FormEdit, Input, Kind, RecordForm, Sent, Values, bp_text, date_text, money_text,
            options,
        },
        icons,
    },
    engine::EngineHandle,
};

/// Properties of [`Records`].
#[derive(Properties, PartialEq)]
pub struct RecordsProps {
    /// The client.
    pub id: DocumentId,
    /// The card.
    pub data: Rc<CardData>,
    /// The signed-in rep (owner of new deals).
    pub rep: String,
    /// The engine.
    pub engine: EngineHandle,
}

/// One record in a list.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    title: String,
    sub: String,
    initial: Rc<Values>,
    extra: Html,
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    kind: &'static str,
    title: String,
    new_label: String,
    row_testid: &'static str,
    form_testid: &'static str,
    inputs: Rc<Vec<Input>>,
    rows: Vec<Row>,
    new_initial: Rc<Values>,
    /// (existing id or none, values) → the edit.
    save: Callback<(Option<String>, Values), FormEdit>,
    engine: EngineHandle,
    #[prop_or_default]
    open: bool,
}

#[component]
fn Section(props: &SectionProps) -> Html {
    let i18n = use_i18n();
    let save_for = |rid: Option<String>| {
        let save = props.save.clone();
        Callback::from(move |v: Values| save.emit((rid.clone(), v)))
    };
    html! {
        <section class="card list-section card-records" data-testid={format!("card-{}", props.kind)}>
            <details class="card-more" open={props.open}>
                <summary class="card-summary">
                    <h2 class="section-title">{ &props.title }</h2>
                    <span class="count-badge">{ props.rows.len() }</span>
                </summary>
                <ul class="items" role="list">
                    { for props.rows.iter().map(|r| html! {
                        <li class="card-record" data-testid={props.row_testid} key={r.id.clone()}>
                            <div class="item-row">
                                <div class="item-main">
                                    <span class="item-title">{ &r.title }</span>
                                    if !r.sub.is_empty() {
                                        <span class="muted small card-wrap">{ &r.sub }</span>
                                    }
                                </div>
                            </div>
                            { r.extra.clone() }
                            <details class="card-more card-inner">
                                <summary class="button ghost small-button">{ i18n.t("card-edit") }</summary>
                                <RecordForm id={format!("{}-{}", props.kind, r.id)} engine={props.engine.clone()}
                                    inputs={props.inputs.clone()} initial={r.initial.clone()}
                                    submit={i18n.t("card-save")} save={save_for(Some(r.id.clone()))}
                                    testid={props.form_testid} />
                            </details>
                        </li>
                    }) }
                </ul>
                <details class="card-more card-new">
                    <summary class="button small-button">{ icons::plus() }{ &props.new_label }</summary>
                    <RecordForm id={format!("{}-new", props.kind)} engine={props.engine.clone()}
                        inputs={props.inputs.clone()} initial={props.new_initial.clone()}
                        submit={props.new_label.clone()} save={save_for(None)} reset=true
                        testid={props.form_testid} />
                </details>
            </details>
        </section>
    }
}

/// Adds a record of kind `E` to client `id`, or updates record `existing`: `fill` sets
/// its fields from the form (an update starts from the record as stored).
fn put_record<E: Entity + Default>(
    base: &mut ClientBase,
    id: DocumentId,
    existing: Option<String>,
    author: &Author,
    fill: impl FnOnce(&mut E) -> Result<(), Error>,
) -> Result<Edit, Error> {
    let mut x: E = existing
        .as_deref()
        .and_then(|e| base.entity(id, e))
        .unwrap_or_default();
    fill(&mut x)?;
    match existing {
        Some(e) => base.update_entity(id, &e, &x, author),
        None => base.add_entity(id, &card_form::new_id(), &x, author),
    }
}

/// A record a card form edits: the form's values set its fields.
trait FormRecord: Entity + Default + 'static {
    /// Sets the fields from the form's values; an invalid one is refused.
    fn fill(&mut self, v: &Sent) -> Result<(), Error>;
}

/// The save callback of the forms for records of kind `E` on client `id`: adds a new
/// one, or updates the one named.
fn save_record<E: FormRecord>(id: DocumentId) -> Callback<(Option<String>, Values), FormEdit> {
    Callback::from(move |(existing, v): (Option<String>, Values)| -> FormEdit {
        EditCall::new(
            |(id, existing, v): (DocumentId, Option<String>, Sent),
             base: &mut ClientBase,
             author: &Author| {
                put_record(base, id, existing, author, |x: &mut E| x.fill(&v))
            },
            (id, existing, card_form::sent(v)),
        )
    })
}

impl FormRecord for Contract {
    fn fill(&mut self, v: &Sent) -> Result<(), Error> {
        self.number = card_form::text(v, "number");
        self.status = ContractStatus::from_key(&card_form::text(v, "status")).unwrap_or_default();
        self.signed = card_form::date(v, "signed")?;
        self.valid_from = card_form::date(v, "valid_from")?;
        self.valid_to = card_form::date(v, "valid_to")?;
        self.renewal_days = card_form::number(v, "renewal_days", Field::Duration)?;
        self.price_type = card_form::text(v, "price_type");
        self.discount_bp = card_form::percent_bp(v, "discount", Field::Discount)?;
        self.payment_days = card_form::number(v, "payment_days", Field::PaymentDays)?;
        Ok(())
    }
}

impl FormRecord for Order {
    fn fill(&mut self, v: &Sent) -> Result<(), Error> {
        self.number = card_form::text(v, "number");
        self.status = OrderStatus::from_key(&card_form::text(v, "status")).unwrap_or_default();
        self.status_reason = match self.status {
            OrderStatus::Returned => card_form::text(v, "status_reason"),
            OrderStatus::Refused => card_form::text(v, "refused_reason"),
            _ => String::new(),
        };
        self.received_on = card_form::date(v, "received_on")?;
        self.delivered_on = card_form::date(v, "delivered_on")?;
        self.contract = card_form::text(v, "contract");
        Ok(())
    }
}

impl FormRecord for Invoice {
    fn fill(&mut self, v: &Sent) -> Result<(), Error> {
        self.number = card_form::text(v, "number");
        self.amount = card_form::money(v, "amount", "currency", Field::Amount)?;
        self.issued = card_form::date(v, "issued")?;
        self.due = card_form::date(v, "due")?;
        self.order = card_form::text(v, "order");
        self.cancelled = card_form::flag(v, "cancelled");
        Ok(())
    }
}

impl FormRecord for Complaint {
    fn fill(&mut self, v: &Sent) -> Result<(), Error> {
        self.subject = card_form::text(v, "subject");
        self.status = ComplaintStatus::from_key(&card_form::text(v, "status")).unwrap_or_default();
        self.order = card_form::text(v, "order");
        self.opened = card_form::date(v, "opened")?;
        self.closed = card_form::date(v, "closed")?;
        self.resolution = card_form::text(v, "resolution");
        Ok(())
    }
}

fn vals<const N: usize>(pairs: [(&'static str, String); N]) -> Rc<Values> {
    Rc::new(pairs.into_iter().collect())
}

fn opt_date(i18n: &I18n, key: &str, d: Option<fieldbase_core::Date>) -> Option<String> {
    d.map(|d| i18n.t_with(key, &[("date", &crate::format::date(i18n.tr.lang(), d))]))
}

/// Deals, contracts, orders, invoices and complaints.
#[component]
pub fn Records(props: &RecordsProps) -> Html {
    let i18n = use_i18n();
    let id = props.id;
    let d = &props.data;
    let engine = props.engine.clone();
    let cur = d
        .details
        .currency
        .map(|c| c.code().to_owned())
        .unwrap_or_else(|| "EUR".to_owned());
    let today = browser::today().to_string();

    // ---------- deals ----------
    let deal_inputs = Rc::new(vec![
        Input::new("title", i18n.t("card-deal-title"), Kind::Text, Field::Title),
        Input::new(
            "stage",
            i18n.t("card-stage"),
            options(DealStage::ALL, DealStage::key, |s| {
                i18n.t(&format!("card-stage-{}", s.key()))
            }),
            Field::Status,
        ),
        Input::new(
            "lost_reason",
            i18n.t("card-field-lost_reason"),
            Kind::Text,
            Field::LostReason,
        )
        .when("stage", "lost"),
        Input::new(
            "amount",
            i18n.t("card-amount"),
            Kind::Decimal,
            Field::Amount,
        ),
        Input::new(
            "currency",
            i18n.t("card-field-currency"),
            Kind::Text,
            Field::Currency,
        ),
        Input::new(
            "probability",
            i18n.t("card-probability"),
            Kind::Number,
            Field::Probability,
        ),
        Input::new(
            "expected_close",
            i18n.t("card-expected-close"),
            Kind::Date,
            Field::Date,
        ),
        Input::new(
            "channel",
            i18n.t("card-channel"),
            options(OfferChannel::ALL, OfferChannel::key, |c| {
                i18n.t(&format!(
                    "card-channel-{}",
                    if c.key().is_empty() { "none" } else { c.key() }
                ))
            }),
            Field::Channel,
        ),
        Input::new("sent_on", i18n.t("card-sent-on"), Kind::Date, Field::Date),
    ]);
    let deal_rows: Vec<Row> = d
        .deals
        .iter()
        .map(|(rid, x)| {
            let mut sub = vec![i18n.t(&format!("card-stage-{}", x.stage.key()))];
            sub.extend(x.amount.as_ref().map(|m| money(i18n.tr.lang(), m)));
            if x.probability > 0 {
                sub.push(crate::format::percent(i18n.tr.lang(), x.probability));
            }
            sub.extend(opt_date(&i18n, "card-closes-on", x.expected_close));
            Row {
                id: rid.clone(),
                title: x.title.clone(),
                sub: sub.join(" · "),
                initial: vals([
                    ("title", x.title.clone()),
                    ("stage", x.stage.key().to_owned()),
                    ("lost_reason", x.lost_reason.clone()),
                    ("amount", money_text(x.amount)),
                    (
                        "currency",
                        x.amount
                            .map(|m| m.currency.code().to_owned())
                            .unwrap_or_else(|| cur.clone()),
                    ),
                    ("probability", x.probability.to_string()),
                    ("expected_close", date_text(x.expected_close)),
                    ("channel", x.channel.key().to_owned()),
                    ("sent_on", date_text(x.sent_on)),
                ]),
                extra: html! {},
            }
        })
        .collect();
    let rep = props.rep.clone();
    let save_deal = Callback::from(move |(existing, v): (Option<String>, Values)| -> FormEdit {
        let rep = rep.clone();
        EditCall::new(
            |(id, existing, v, rep): (DocumentId, Option<String>, Sent, String),
             base: &mut ClientBase,
             author: &Author| {
                put_record(base, id, existing, author, |x: &mut Deal| {
                    let stage =
                        DealStage::from_key(&card_form::text(&v, "stage")).unwrap_or_default();
                    if stage != x.stage && matches!(stage, DealStage::Won | DealStage::Lost) {
                        x.closed_on = Some(browser::today());
                    }
                    x.title = card_form::text(&v, "title");
                    x.stage = stage;
                    x.lost_reason = card_form::text(&v, "lost_reason");
                    x.amount = card_form::money(&v, "amount", "currency", Field::Amount)?;
                    x.probability = card_form::number(&v, "probability", Field::Probability)?;
                    x.expected_close = card_form::date(&v, "expected_close")?;
                    x.channel =
                        OfferChannel::from_key(&card_form::text(&v, "channel")).unwrap_or_default();
                    x.sent_on = card_form::date(&v, "sent_on")?;
                    if x.owner.is_empty() {
                        x.owner = rep;
                    }
                    Ok(())
                })
            },
            (id, existing, card_form::sent(v), rep),
        )
    });

    // ---------- contracts ----------
    let contract_inputs = Rc::new(vec![
        Input::new("number", i18n.t("card-number"), Kind::Text, Field::Number),
        Input::new(
            "status",
            i18n.t("field-status"),
            options(ContractStatus::ALL, ContractStatus::key, |s| {
                i18n.t(&format!("card-contract-status-{}", s.key()))
            }),
            Field::Status,
        ),
        Input::new("signed", i18n.t("card-signed"), Kind::Date, Field::Date),
        Input::new(
            "valid_from",
            i18n.t("card-valid-from"),
            Kind::Date,
            Field::Date,
        ),
        Input::new("valid_to", i18n.t("card-valid-to"), Kind::Date, Field::Date),
        Input::new(
            "renewal_days",
            i18n.t("card-renewal-days"),
            Kind::Number,
            Field::Duration,
        ),
        Input::new(
            "price_type",
            i18n.t("card-field-price_type"),
            Kind::Text,
            Field::PriceType,
        ),
        Input::new(
            "discount",
            i18n.t("card-field-discount_bp"),
            Kind::Decimal,
            Field::Discount,
        ),
        Input::new(
            "payment_days",
            i18n.t("card-field-payment_days"),
            Kind::Number,
            Field::PaymentDays,
        ),
    ]);
    let contract_rows: Vec<Row> = d
        .contracts
        .iter()
        .map(|(rid, x)| {
            let mut sub = vec![i18n.t(&format!("card-contract-status-{}", x.status.key()))];
            if let (Some(a), Some(b)) = (x.valid_from, x.valid_to) {
                let lang = i18n.tr.lang();
                sub.push(format!(
                    "{} – {}",
                    crate::format::date(lang, a),
                    crate::format::date(lang, b)
                ));
            }
            if !x.price_type.is_empty() {
                sub.push(x.price_type.clone());
            }
            Row {
                id: rid.clone(),
                title: x.number.clone(),
                sub: sub.join(" · "),
                initial: vals([
                    ("number", x.number.clone()),
                    ("status", x.status.key().to_owned()),
                    ("signed", date_text(x.signed)),
                    ("valid_from", date_text(x.valid_from)),
                    ("valid_to", date_text(x.valid_to)),
                    ("renewal_days", x.renewal_days.to_string()),
                    ("price_type", x.price_type.clone()),
                    ("discount", bp_text(x.discount_bp)),
                    ("payment_days", x.payment_days.to_string()),
                ]),
                extra: html! {},
            }
        })
        .collect();
    let save_contract = save_record::<Contract>(id);

    // ---------- orders ----------
    let mut contract_opts = vec![(String::new(), i18n.t("card-none"))];
    contract_opts.extend(
        d.contracts
            .iter()
            .map(|(k, c)| (k.clone(), c.number.clone())),
    );
    let order_inputs = Rc::new(vec![
        Input::new("number", i18n.t("card-number"), Kind::Text, Field::Number),
        Input::new(
            "status",
            i18n.t("field-status"),
            options(OrderStatus::ALL, OrderStatus::key, |s| {
                i18n.t(&format!("card-order-status-{}", s.key()))
            }),
            Field::Status,
        ),
        Input::new(
            "status_reason",
            i18n.t("card-status-reason"),
            Kind::Text,
            Field::Reason,
        )
        .when("status", "returned"),
        Input::new(
            "refused_reason",
            i18n.t("card-status-reason"),
            Kind::Text,
            Field::Reason,
        )
        .when("status", "refused"),
        Input::new(
            "received_on",
            i18n.t("card-received-on"),
            Kind::Date,
            Field::Date,
        ),
        Input::new(
            "delivered_on",
            i18n.t("card-delivered-on"),
            Kind::Date,
            Field::Date,
        ),
        Input::new(
            "contract",
            i18n.t("card-contract"),
            Kind::Select(Rc::new(contract_opts)),
            Field::Number,
        ),
    ]);
    let line_inputs = Rc::new(vec![
        Input::new("name", i18n.t("card-line-name"), Kind::Text, Field::Product),
        Input::new("sku", i18n.t("card-sku"), Kind::Text, Field::Product),
        Input::new(
            "quantity",
            i18n.t("card-quantity"),
            Kind::Number,
            Field::Quantity,
        ),
        Input::new("price", i18n.t("card-price"), Kind::Decimal, Field::Amount),
        Input::new(
            "currency",
            i18n.t("card-field-currency"),
            Kind::Text,
            Field::Currency,
        ),
        Input::new(
            "discount",
            i18n.t("card-field-discount_bp"),
            Kind::Decimal,
            Field::Discount,
        ),
        Input::new(
            "out",
            i18n.t("card-out-of-stock"),
            Kind::Check,
            Field::Status,
        ),
        Input::new("promised", i18n.t("card-promised"), Kind::Date, Field::Date)
            .when("out", "true"),
        Input::new("analog", i18n.t("card-analog"), Kind::Text, Field::Product).when("out", "true"),
        Input::new(
            "logistics",
            i18n.t("card-logistics-requested"),
            Kind::Check,
            Field::Status,
        )
        .when("out", "true"),
        Input::new(
            "logistics_note",
            i18n.t("card-logistics-note"),
            Kind::Text,
            Field::Note,
        )
        .when("out", "true"),
    ]);
    let line_initial = |l: Option<&Line>| {
        let l = l.cloned().unwrap_or_default();
        let out = l.stock == StockState::OutOfStock;
        vals([
            ("name", l.name.clone()),
            ("sku", l.sku.clone()),
            (
                "quantity",
                if l.quantity == 0 {
                    "1".into()
                } else {
                    l.quantity.to_string()
                },
            ),
            ("price", money_text(l.price)),
            (
                "currency",
                l.price
                    .map(|m| m.currency.code().to_owned())
                    .unwrap_or_else(|| cur.clone()),
            ),
            ("discount", bp_text(l.discount_bp)),
            ("out", if out { "true".into() } else { String::new() }),
            ("promised", date_text(l.promised)),
            ("analog", l.analog.clone()),
            (
                "logistics",
                if l.logistics_requested {
                    "true".into()
                } else {
                    String::new()
                },
            ),
            ("logistics_note", l.logistics_note.clone()),
        ])
    };
    let save_line = |order: String| {
        Callback::from(move |(existing, v): (Option<String>, Values)| -> FormEdit {
            let order = order.clone();
            EditCall::new(
                |(id, existing, v, order): (DocumentId, Option<String>, Sent, String),
                 base: &mut ClientBase,
                 author: &Author| {
                    let out = card_form::flag(&v, "out");
                    let line = Line {
                        name: card_form::text(&v, "name"),
                        sku: card_form::text(&v, "sku"),
                        quantity: card_form::number(&v, "quantity", Field::Quantity)?,
                        price: card_form::money(&v, "price", "currency", Field::Amount)?,
                        discount_bp: card_form::percent_bp(&v, "discount", Field::Discount)?,
                        stock: if out {
                            StockState::OutOfStock
                        } else {
                            StockState::InStock
                        },
                        promised: if out {
                            card_form::date(&v, "promised")?
                        } else {
                            None
                        },
                        analog: if out {
                            card_form::text(&v, "analog")
                        } else {
                            String::new()
                        },
                        logistics_requested: out && card_form::flag(&v, "logistics"),
                        logistics_note: if out {
                            card_form::text(&v, "logistics_note")
                        } else {
                            String::new()
                        },
                    };
                    let lid = existing.unwrap_or_else(card_form::new_id);
                    base.put_item::<Order, Line>(id, &order, &lid, &line, author)
                },
                (id, existing, card_form::sent(v), order),
            )
        })
    };
    let order_rows: Vec<Row> = d
        .orders
        .iter()
        .map(|(rid, x, lines)| {
            let mut sub = vec![i18n.t(&format!("card-order-status-{}", x.status.key()))];
            sub.extend(opt_date(&i18n, "card-received", x.received_on));
            let total = lines_total(lines);
            if !total.amounts().is_empty() {
                sub.push(totals_text(i18n.tr.lang(), &total));
            }
            let save = save_line(rid.clone());
            let line_rows: Vec<Row> = lines
                .iter()
                .map(|(lid, l)| {
                    let mut s = vec![format!(
                        "{} ×",
                        crate::format::number(i18n.tr.lang(), i64::from(l.quantity))
                    )];
                    s.extend(l.price.as_ref().map(|m| money(i18n.tr.lang(), m)));
                    if l.discount_bp > 0 {
                        s.push(format!("−{}", crate::format::percent_bp(i18n.tr.lang(), l.discount_bp)));
                    }
                    s.extend(l.total().map(|t| format!("= {}", money(i18n.tr.lang(), &t))));
                    if l.stock == StockState::OutOfStock {
                        s.push(i18n.t("card-out-of-stock"));
                        s.extend(opt_date(&i18n, "card-promised-on", l.promised));
                        if !l.analog.is_empty() {
                            s.push(i18n.t_with("card-analog-value", &[("value", l.analog.as_str())]));
                        }
                        if l.logistics_requested {
                            s.push(i18n.t("card-logistics-asked"));
                        }
                        if !l.logistics_note.is_empty() {
                            s.push(l.logistics_note.clone());
                        }
                    }
                    let title = if l.sku.is_empty() { l.name.clone() } else { format!("{} · {}", l.name, l.sku) };
                    Row { id: lid.clone(), title, sub: s.join(" "), initial: line_initial(Some(l)), extra: html! {} }
                })
                .collect();
            let extra = html! {
                <div class="card-nested">
                    <Section kind={"line"} title={i18n.t("card-lines")} new_label={i18n.t("card-add-line")}
                        row_testid="order-line" form_testid="line-form" open=true inputs={line_inputs.clone()}
                        rows={line_rows} new_initial={line_initial(None)} save={save}
                        engine={engine.clone()} />
                </div>
            };
            Row {
                id: rid.clone(),
                title: x.number.clone(),
                sub: sub.join(" · "),
                initial: vals([
                    ("number", x.number.clone()),
                    ("status", x.status.key().to_owned()),
                    ("status_reason", x.status_reason.clone()),
                    ("refused_reason", x.status_reason.clone()),
                    ("received_on", date_text(x.received_on)),
                    ("delivered_on", date_text(x.delivered_on)),
                    ("contract", x.contract.clone()),
                ]),
                extra,
            }
        })
        .collect();
    let save_order = save_record::<Order>(id);

    // ---------- invoices ----------
    let mut order_opts = vec![(String::new(), i18n.t("card-none"))];
    order_opts.extend(
        d.orders
            .iter()
            .map(|(k, o, _)| (k.clone(), o.number.clone())),
    );
    let invoice_inputs = Rc::new(vec![
        Input::new("number", i18n.t("card-number"), Kind::Text, Field::Number),
        Input::new(
            "amount",
            i18n.t("card-amount"),
            Kind::Decimal,
            Field::Amount,
        ),
        Input::new(
            "currency",
            i18n.t("card-field-currency"),
            Kind::Text,
            Field::Currency,
        ),
        Input::new("issued", i18n.t("card-issued"), Kind::Date, Field::Date),
        Input::new("due", i18n.t("card-due"), Kind::Date, Field::Date),
        Input::new(
            "order",
            i18n.t("card-order"),
            Kind::Select(Rc::new(order_opts)),
            Field::Number,
        ),
        Input::new(
            "cancelled",
            i18n.t("card-cancelled"),
            Kind::Check,
            Field::Status,
        ),
    ]);
    let payment_inputs = Rc::new(vec![
        Input::new(
            "amount",
            i18n.t("card-amount"),
            Kind::Decimal,
            Field::Amount,
        ),
        Input::new("date", i18n.t("card-payment-date"), Kind::Date, Field::Date),
        Input::new("note", i18n.t("card-note"), Kind::Text, Field::Note),
    ]);
    let today_d = browser::today();
    let invoice_rows: Vec<Row> = d
        .invoices
        .iter()
        .map(|(rid, x, payments)| {
            let mut sub: Vec<String> = x.amount.iter().map(|m| money(i18n.tr.lang(), m)).collect();
            sub.extend(opt_date(&i18n, "card-due-on", x.due));
            let currency = x.amount.map(|m| m.currency).unwrap_or(Currency::EUR);
            if x.cancelled {
                sub.push(i18n.t("card-cancelled"));
            } else if let Some(r) = d.receivables.iter().find(|r| &r.id == rid) {
                let owed = r.outstanding(today_d);
                if owed.minor > 0 {
                    sub.push(i18n.t_with("card-owed", &[("amount", &money(i18n.tr.lang(), &owed))]));
                    let late = r.days_overdue(today_d);
                    if late > 0 {
                        sub.push(i18n.count("today-days-overdue", late as usize));
                    }
                } else {
                    sub.push(i18n.t("card-paid-in-full"));
                }
            }
            let iid = rid.clone();
            let save_payment = Callback::from(move |v: Values| -> FormEdit {
                let iid = iid.clone();
                EditCall::new(
|(id, v, iid, currency): (DocumentId, Sent, String, Currency), base: &mut ClientBase, author: &Author| {
                    let amount = card_form::text(&v, "amount");
                    let p = Payment {
                        amount: if amount.trim().is_empty() {
                            None
                        } else {
                            Some(Money::parse(&amount, currency)?)
                        },
                        date: card_form::date(&v, "date")?,
                        note: card_form::text(&v, "note"),
                    };
                    base.put_item::<Invoice, Payment>(id, &iid, &card_form::new_id(), &p, author)
                },
(id, card_form::sent(v), iid, currency),
)
            });
            let owed = d
                .receivables
                .iter()
                .find(|r| &r.id == rid)
                .map(|r| r.outstanding(today_d))
                .filter(|m| m.minor > 0);
            let extra = html! {
                <div class="card-nested">
                    if !payments.is_empty() {
                        <ul class="items card-payments" role="list" aria-label={i18n.t("card-payments")}>
                            { for payments.iter().map(|(_, p)| html! {
                                <li class="card-payment small">
                                    <span>{ p.date.map(|d| crate::format::date(i18n.tr.lang(), d)).unwrap_or_default() }</span>
                                    <span class="card-amount">{ p.amount.as_ref().map(|m| money(i18n.tr.lang(), m)).unwrap_or_default() }</span>
                                    if !p.note.is_empty() { <span class="muted">{ &p.note }</span> }
                                </li>
                            }) }
                        </ul>
                    }
                    if !x.cancelled {
                        <details class="card-more card-inner">
                            <summary class="button small-button">{ i18n.t("card-record-payment") }</summary>
                            <RecordForm id={format!("payment-{rid}")} engine={engine.clone()}
                                inputs={payment_inputs.clone()}
                                initial={vals([("amount", money_text(owed)), ("date", today.clone())])}
                                submit={i18n.t("card-record-payment")} save={save_payment} reset=true
                                testid="payment-form" />
                        </details>
                    }
                </div>
            };
            Row {
                id: rid.clone(),
                title: x.number.clone(),
                sub: sub.join(" · "),
                initial: vals([
                    ("number", x.number.clone()),
                    ("amount", money_text(x.amount)),
                    ("currency", currency.code().to_owned()),
                    ("issued", date_text(x.issued)),
                    ("due", date_text(x.due)),
                    ("order", x.order.clone()),
                    ("cancelled", if x.cancelled { "true".into() } else { String::new() }),
                ]),
                extra,
            }
        })
        .collect();
    let save_invoice = save_record::<Invoice>(id);
    let due_default = browser::today()
        .add_days(i64::from(if d.details.payment_days == 0 {
            14
        } else {
            d.details.payment_days
        }))
        .map(|x| x.to_string())
        .unwrap_or_default();

    // ---------- complaints ----------
    let mut order_opts2 = vec![(String::new(), i18n.t("card-none"))];
    order_opts2.extend(
        d.orders
            .iter()
            .map(|(k, o, _)| (k.clone(), o.number.clone())),
    );
    let complaint_inputs = Rc::new(vec![
        Input::new(
            "subject",
            i18n.t("card-subject"),
            Kind::Text,
            Field::Subject,
        ),
        Input::new(
            "status",
            i18n.t("field-status"),
            options(ComplaintStatus::ALL, ComplaintStatus::key, |s| {
                i18n.t(&format!("card-complaint-status-{}", s.key()))
            }),
            Field::Status,
        ),
        Input::new(
            "order",
            i18n.t("card-order"),
            Kind::Select(Rc::new(order_opts2)),
            Field::Number,
        ),
        Input::new("opened", i18n.t("card-opened"), Kind::Date, Field::Date),
        Input::new("closed", i18n.t("card-closed"), Kind::Date, Field::Date),
        Input::new(
            "resolution",
            i18n.t("card-resolution"),
            Kind::Area,
            Field::Resolution,
        ),
    ]);
    let complaint_rows: Vec<Row> = d
        .complaints
        .iter()
        .map(|(rid, x)| {
            let mut sub = vec![i18n.t(&format!("card-complaint-status-{}", x.status.key()))];
            sub.extend(opt_date(&i18n, "card-opened-on", x.opened));
            if !x.resolution.is_empty() {
                sub.push(x.resolution.clone());
            }
            Row {
                id: rid.clone(),
                title: x.subject.clone(),
                sub: sub.join(" · "),
                initial: vals([
                    ("subject", x.subject.clone()),
                    ("status", x.status.key().to_owned()),
                    ("order", x.order.clone()),
                    ("opened", date_text(x.opened)),
                    ("closed", date_text(x.closed)),
                    ("resolution", x.resolution.clone()),
                ]),
                extra: html! {},
            }
        })
        .collect();
    let save_complaint = save_record::<Complaint>(id);

    html! {
        <>
            <Section kind={"deals"} title={i18n.t("card-deals")} new_label={i18n.t("card-new-deal")}
                row_testid="deal-row" form_testid="deal-form" inputs={deal_inputs} rows={deal_rows}
                new_initial={vals([("stage", "draft".to_owned()), ("currency", cur.clone()), ("channel", String::new())])}
                save={save_deal} engine={engine.clone()} />
            <Section kind={"contracts"} title={i18n.t("card-contracts")} new_label={i18n.t("card-new-contract")}
                row_testid="contract-row" form_testid="contract-form" inputs={contract_inputs} rows={contract_rows}
                new_initial={vals([("status", "draft".to_owned()), ("valid_from", today.clone())])}
                save={save_contract} engine={engine.clone()} />
            <Section kind={"orders"} title={i18n.t("card-orders")} new_label={i18n.t("card-new-order")}
                row_testid="order-row" form_testid="order-form" inputs={order_inputs} rows={order_rows}
                new_initial={vals([("status", "received".to_owned()), ("received_on", today.clone())])}
                save={save_order} engine={engine.clone()} />
            <Section kind={"invoices"} title={i18n.t("card-invoices")} new_label={i18n.t("card-new-invoice")}
                row_testid="invoice-row" form_testid="invoice-form" inputs={invoice_inputs} rows={invoice_rows}
                new_initial={vals([("currency", cur.clone()), ("issued", today.clone()), ("due", due_default)])}
                save={save_invoice} engine={engine.clone()} />
            <Section kind={"complaints"} title={i18n.t("card-complaints")} new_label={i18n.t("card-new-complaint")}
                row_testid="complaint-row" form_testid="complaint-form" inputs={complaint_inputs} rows={complaint_rows}
                new_initial={vals([("status", "open".to_owned()), ("opened", today.clone())])}
                save={save_complaint} engine={engine} />
        </>
    }
}
