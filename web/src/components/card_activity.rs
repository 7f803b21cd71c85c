//! The card's activity: logging an interaction (with its next step as a task) and one
//! timeline of interactions, offers, contracts, orders, invoices and complaints.

use std::rc::Rc;

use fieldbase_core::{
    Author, ClientBase, Contact, Date, Direction, DocumentId, Field, InteractionDraft,
    InteractionKind, NextStep, Outcome, TaskKind, order::lines_total,
};
use yew::prelude::*;

use crate::{
    app::use_i18n,
    browser,
    calls::EditCall,
    components::{
        card::{CardData, money, totals_text},
        card_form::{self, FormEdit, Input, Kind, RecordForm, Sent, Values, options},
    },
    engine::EngineHandle,
};

/// Properties of [`LogInteraction`].
#[derive(Properties, PartialEq)]
pub struct LogProps {
    /// The client.
    pub id: DocumentId,
    /// Its contacts (who was spoken to).
    pub contacts: Vec<Contact>,
    /// The signed-in rep.
    pub rep: String,
    /// The engine.
    pub engine: EngineHandle,
}

/// Kind, direction, outcome, contact, note and an optional next step.
#[component]
pub fn LogInteraction(props: &LogProps) -> Html {
    let i18n = use_i18n();
    let id = props.id;
    let mut contacts = vec![(String::new(), i18n.t("card-no-contact-choice"))];
    contacts.extend(
        props
            .contacts
            .iter()
            .map(|c| (c.id.clone(), c.name.clone())),
    );
    let inputs = Rc::new(vec![
        Input::new(
            "kind",
            i18n.t("card-kind"),
            options(InteractionKind::ALL, InteractionKind::key, |k| {
                i18n.t(&format!("card-interaction-{}", k.key()))
            }),
            Field::Status,
        ),
        Input::new(
            "outcome",
            i18n.t("card-outcome"),
            options(Outcome::ALL, Outcome::key, |o| {
                i18n.t(&format!("card-outcome-{}", o.key()))
            }),
            Field::Status,
        ),
        Input::new(
            "direction",
            i18n.t("card-direction"),
            options(Direction::ALL, Direction::key, |d| {
                i18n.t(&format!("card-direction-{}", d.key()))
            }),
            Field::Status,
        ),
        Input::new(
            "contact",
            i18n.t("card-contact"),
            Kind::Select(Rc::new(contacts)),
            Field::Name,
        ),
        Input::new(
            "minutes",
            i18n.t("card-minutes"),
            Kind::Number,
            Field::Duration,
        ),
        Input::new("summary", i18n.t("card-note"), Kind::Area, Field::Summary),
        Input::new(
            "next",
            i18n.t("card-next-step-add"),
            Kind::Check,
            Field::Status,
        ),
        Input::new(
            "next_kind",
            i18n.t("card-next-kind"),
            options(TaskKind::ALL, TaskKind::key, |k| {
                i18n.t(&format!("task-kind-{}", k.key()))
            }),
            Field::Status,
        )
        .when("next", "true"),
        Input::new(
            "next_date",
            i18n.t("card-next-date"),
            Kind::Date,
            Field::Date,
        )
        .when("next", "true"),
        Input::new(
            "next_time",
            i18n.t("card-next-time"),
            Kind::Time,
            Field::Time,
        )
        .when("next", "true"),
        Input::new(
            "next_note",
            i18n.t("card-next-note"),
            Kind::Text,
            Field::Note,
        )
        .when("next", "true"),
    ]);
    let tomorrow = browser::today()
        .add_days(1)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let initial: Values = [
        ("kind", "call".to_owned()),
        ("outcome", "reached".to_owned()),
        ("direction", "out".to_owned()),
        ("next_kind", "call".to_owned()),
        ("next_date", tomorrow),
    ]
    .into_iter()
    .collect();
    let rep = props.rep.clone();
    let save = Callback::from(move |v: Values| -> FormEdit {
        let rep = rep.clone();
        EditCall::new(
            |(id, v, rep): (DocumentId, Sent, String), base: &mut ClientBase, author: &Author| {
                let next_step = if card_form::flag(&v, "next") {
                    Some(NextStep {
                        task_id: card_form::new_id(),
                        kind: TaskKind::from_key(&card_form::text(&v, "next_kind"))
                            .unwrap_or_default(),
                        due: card_form::required_date(&v, "next_date")?,
                        time: card_form::time(&v, "next_time")?,
                        note: card_form::text(&v, "next_note"),
                    })
                } else {
                    None
                };
                let minutes = card_form::number(&v, "minutes", Field::Duration)?;
                let contact = card_form::text(&v, "contact");
                let draft = InteractionDraft {
                    kind: InteractionKind::from_key(&card_form::text(&v, "kind"))
                        .unwrap_or_default(),
                    direction: Direction::from_key(&card_form::text(&v, "direction"))
                        .unwrap_or(Direction::Out),
                    at: author.at,
                    time_zone: browser::time_zone(),
                    duration_secs: minutes.saturating_mul(60),
                    outcome: Outcome::from_key(&card_form::text(&v, "outcome")).unwrap_or_default(),
                    summary: card_form::text(&v, "summary"),
                    who: rep,
                    contact: (!contact.is_empty()).then_some(contact),
                    event: None,
                    next_step,
                };
                base.log_interaction(id, &card_form::new_id(), &draft, author)
            },
            (id, card_form::sent(v), rep),
        )
    });
    html! {
        <section class="card list-section card-log" data-testid="log-interaction"
                 aria-labelledby="card-log-title">
            <details class="card-more" open=true>
                <summary class="card-summary">
                    <h2 class="section-title" id="card-log-title">{ i18n.t("card-log") }</h2>
                </summary>
                <RecordForm id="card-log" engine={props.engine.clone()} inputs={inputs}
                    initial={Rc::new(initial)} submit={i18n.t("card-log-submit")} save={save}
                    reset=true testid="log-form" />
            </details>
        </section>
    }
}

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The card.
    pub data: Rc<CardData>,
}

struct Entry {
    /// Local milliseconds, for ordering (dated records: the end of their day).
    key: i64,
    when: String,
    kind: String,
    title: String,
    sub: String,
    class: &'static str,
}

/// Newest first: interactions, deals, contracts, orders, invoices, complaints.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let i18n = use_i18n();
    let d = &props.data;
    let offset = i64::from(browser::utc_offset_minutes()) * 60_000;
    let day_key = |day: Option<Date>| {
        day.map_or(i64::MIN, |x| x.days_since_epoch() * 86_400_000 + 86_399_999)
    };
    let day_text = |day: Option<Date>| {
        day.map(|x| crate::format::date(i18n.tr.lang(), x))
            .unwrap_or_default()
    };
    let mut entries: Vec<Entry> = Vec::new();
    for it in &d.interactions {
        let contact = it
            .contact
            .as_ref()
            .and_then(|c| d.contacts.iter().find(|x| &x.id == c))
            .map(|c| c.name.clone());
        let mut sub = vec![it.who.clone()];
        sub.extend(contact);
        if !it.summary.is_empty() {
            sub.push(it.summary.clone());
        }
        entries.push(Entry {
            key: it.at + offset,
            when: crate::components::card::when(i18n.tr.lang(), it.at),
            kind: i18n.t(&format!("card-interaction-{}", it.kind.key())),
            title: i18n.t(&format!("card-outcome-{}", it.outcome.key())),
            sub: sub.join(" · "),
            class: "tl-interaction",
        });
    }
    for (_, deal) in &d.deals {
        // Ordered by when it was sent or closed; the expected close is only shown.
        let day = deal.closed_on.or(deal.sent_on);
        let mut sub = vec![i18n.t(&format!("card-stage-{}", deal.stage.key()))];
        sub.extend(deal.amount.as_ref().map(|m| money(i18n.tr.lang(), m)));
        if day.is_none()
            && let Some(close) = deal.expected_close
        {
            sub.push(i18n.t_with(
                "card-closes-on",
                &[("date", &crate::format::date(i18n.tr.lang(), close))],
            ));
        }
        entries.push(Entry {
            key: day_key(day),
            when: day_text(day),
            kind: i18n.t("card-deal"),
            title: deal.title.clone(),
            sub: sub.join(" · "),
            class: "tl-deal",
        });
    }
    for (_, k) in &d.contracts {
        let day = k.signed.or(k.valid_from);
        entries.push(Entry {
            key: day_key(day),
            when: day_text(day),
            kind: i18n.t("card-contract"),
            title: k.number.clone(),
            sub: i18n.t(&format!("card-contract-status-{}", k.status.key())),
            class: "tl-contract",
        });
    }
    for (_, o, lines) in &d.orders {
        let mut sub = vec![i18n.t(&format!("card-order-status-{}", o.status.key()))];
        let total = lines_total(lines);
        if !total.amounts().is_empty() {
            sub.push(totals_text(i18n.tr.lang(), &total));
        }
        sub.push(i18n.count("card-lines-count", lines.len()));
        entries.push(Entry {
            key: day_key(o.received_on),
            when: day_text(o.received_on),
            kind: i18n.t("card-order"),
            title: o.number.clone(),
            sub: sub.join(" · "),
            class: "tl-order",
        });
    }
    let today = browser::today();
    for (iid, inv, _) in &d.invoices {
        let mut sub: Vec<String> = inv
            .amount
            .iter()
            .map(|m| money(i18n.tr.lang(), m))
            .collect();
        if inv.cancelled {
            sub.push(i18n.t("card-cancelled"));
        } else if let Some(r) = d.receivables.iter().find(|r| &r.id == iid) {
            let owed = r.outstanding(today);
            if owed.minor > 0 {
                sub.push(i18n.t_with("card-owed", &[("amount", &money(i18n.tr.lang(), &owed))]));
            } else {
                sub.push(i18n.t("card-paid-in-full"));
            }
        }
        entries.push(Entry {
            key: day_key(inv.issued),
            when: day_text(inv.issued),
            kind: i18n.t("card-invoice"),
            title: inv.number.clone(),
            sub: sub.join(" · "),
            class: "tl-invoice",
        });
    }
    for (_, cp) in &d.complaints {
        entries.push(Entry {
            key: day_key(cp.opened),
            when: day_text(cp.opened),
            kind: i18n.t("card-complaint"),
            title: cp.subject.clone(),
            sub: i18n.t(&format!("card-complaint-status-{}", cp.status.key())),
            class: "tl-complaint",
        });
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.key));
    html! {
        <section class="card list-section card-timeline" aria-labelledby="card-timeline-title">
            <div class="list-head">
                <h2 class="section-title" id="card-timeline-title">{ i18n.t("card-timeline") }</h2>
                <span class="count-badge">{ entries.len() }</span>
            </div>
            <ul class="items" role="list">
                if entries.is_empty() {
                    <li class="muted empty">{ i18n.t("card-timeline-empty") }</li>
                }
                { for entries.iter().map(|e| html! {
                    <li class={classes!("item-row", "tl-item", e.class)} data-testid="timeline-item">
                        <div class="item-main">
                            <span class="tl-top">
                                <span class="chip">{ &e.kind }</span>
                                <span class="muted small">{ &e.when }</span>
                            </span>
                            <span class="item-title">{ &e.title }</span>
                            if !e.sub.is_empty() {
                                <span class="muted small card-wrap">{ &e.sub }</span>
                            }
                        </div>
                    </li>
                }) }
            </ul>
        </section>
    }
}
