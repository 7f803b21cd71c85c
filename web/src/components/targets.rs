//! Settings' targets: the plan document's managers, roles and targets. A head of sales
//! edits every manager's (the server lets only heads write the plan document); anyone
//! else sees his own targets read-only, with a line saying who sets them — the app never
//! offers an edit the server would ignore ([`crate::session::may_write_plan`]).

use std::rc::Rc;

use fieldbase_core::{Author, ClientBase, Currency, Edit, Field, Manager, Role, Targets};
use yew::prelude::*;

use crate::{
    app::{I18n, use_i18n},
    calls::EditCall,
    components::{
        card_form::{self, FormEdit, Input, Kind, RecordForm, Sent, Values, options},
        icons,
    },
    engine::{EngineHandle, Snapshot},
    format,
    hooks::use_query,
    session::may_write_plan,
};

/// Properties of [`TargetsSection`].
#[derive(Properties, PartialEq)]
pub struct TargetsProps {
    /// The latest durable state.
    pub snapshot: Snapshot,
    /// The running engine.
    pub engine: EngineHandle,
}

/// What the section shows, read in one query.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Data {
    /// The session may write the plan document.
    head: bool,
    /// The signed-in rep's targets.
    own: Targets,
    /// Every manager a head may set targets for: the plan's, every owner of a client and
    /// the head himself, by login.
    managers: Vec<(String, Manager)>,
}

/// The targets card of Settings.
#[component]
pub fn TargetsSection(props: &TargetsProps) -> Html {
    let i18n = use_i18n();
    let snap = &props.snapshot;
    let data = use_query(
        &props.engine,
        (snap.version, snap.rep.clone(), snap.role.clone()),
        |(_, rep, role), base| {
            let plan_role = base.team_entity::<Manager>(rep).map(|m| m.role);
            let head = may_write_plan(role, plan_role);
            let mut managers = if head {
                base.team_entities::<Manager>()
            } else {
                Vec::new()
            };
            if head {
                let mut extra: Vec<String> = base
                    .summaries()
                    .into_iter()
                    .map(|s| s.owner)
                    .chain([rep.clone()])
                    .filter(|o| !o.is_empty() && !managers.iter().any(|(l, _)| l == o))
                    .collect();
                extra.sort();
                extra.dedup();
                managers.extend(extra.into_iter().map(|l| (l, Manager::default())));
                managers.sort_by(|a, b| a.0.cmp(&b.0));
            }
            Data {
                head,
                own: base.targets(rep),
                managers,
            }
        },
    );
    let Some(data) = data else {
        return html! {};
    };
    if !data.head {
        return read_only(&i18n, &data.own);
    }
    html! {
        <section class="card form-card" aria-labelledby="targets-title" data-testid="targets-editor">
            <h2 class="section-title" id="targets-title">{ i18n.t("settings-team-targets") }</h2>
            <p class="muted small">{ i18n.t("settings-team-targets-note") }</p>
            <ul class="items manager-list" role="list">
                { for data.managers.iter().map(|(login, m)| html! {
                    <li key={login.clone()} class="manager-item" data-testid="manager" data-login={login.clone()}>
                        <details class="manager-details">
                            <summary class="manager-summary">
                                <span class="item-title">
                                    { if m.name.trim().is_empty() { login.clone() } else { format!("{} ({login})", m.name) } }
                                </span>
                                <span class="chip">{ i18n.t(&format!("settings-role-{}", m.role.key())) }</span>
                            </summary>
                            { manager_form(&i18n, &props.engine, Some(login.clone()), m) }
                        </details>
                    </li>
                }) }
            </ul>
            <details class="manager-details manager-new">
                <summary class="button ghost block" data-testid="manager-add-open">
                    { icons::plus() }<span>{ i18n.t("settings-manager-add") }</span>
                </summary>
                { manager_form(&i18n, &props.engine, None, &Manager::default()) }
            </details>
        </section>
    }
}

/// A rep's own targets, read-only, and who sets them.
fn read_only(i18n: &I18n, t: &Targets) -> Html {
    let lang = i18n.tr.lang();
    let num = |n: u32| format::number(lang, i64::from(n));
    html! {
        <section class="card form-card" aria-labelledby="targets-title" data-testid="targets-read-only">
            <h2 class="section-title" id="targets-title">{ i18n.t("settings-targets") }</h2>
            <dl class="facts">
                <dt>{ i18n.t("today-counter-calls") }</dt><dd>{ num(t.calls_per_day) }</dd>
                <dt>{ i18n.t("today-counter-email-offers") }</dt><dd>{ num(t.email_offers_per_day) }</dd>
                <dt>{ i18n.t("today-counter-phone-offers") }</dt><dd>{ num(t.phone_offers_per_day) }</dd>
                <dt>{ i18n.t("settings-contracts-per-month") }</dt><dd>{ num(t.contracts_per_month) }</dd>
                <dt>{ i18n.t("settings-turnover-per-month") }</dt>
                <dd>{ t.turnover_per_month.map_or_else(|| i18n.t("report-no-plan"), |m| format::money(lang, m)) }</dd>
            </dl>
            <p class="muted small read-only-note" data-testid="targets-note">
                { icons::lock() }<span>{ i18n.t("settings-targets-read-only") }</span>
            </p>
        </section>
    }
}

/// The form of one manager (`login` `None`: a new one, whose login is typed).
fn manager_form(i18n: &I18n, engine: &EngineHandle, login: Option<String>, m: &Manager) -> Html {
    let t = m.targets();
    let mut inputs = Vec::new();
    if login.is_none() {
        inputs.push(Input::new(
            "login",
            i18n.t("settings-manager-login"),
            Kind::Text,
            Field::Rep,
        ));
    }
    inputs.extend([
        Input::new(
            "name",
            i18n.t("settings-manager-name"),
            Kind::Text,
            Field::Name,
        ),
        Input::new(
            "role",
            i18n.t("settings-manager-role"),
            options(Role::ALL, Role::key, |r| {
                i18n.t(&format!("settings-role-{}", r.key()))
            }),
            Field::Role,
        ),
        Input::new(
            "calls",
            i18n.t("today-counter-calls"),
            Kind::Number,
            Field::Volume,
        ),
        Input::new(
            "email_offers",
            i18n.t("today-counter-email-offers"),
            Kind::Number,
            Field::Volume,
        ),
        Input::new(
            "phone_offers",
            i18n.t("today-counter-phone-offers"),
            Kind::Number,
            Field::Volume,
        ),
        Input::new(
            "contracts",
            i18n.t("settings-contracts-per-month"),
            Kind::Number,
            Field::Volume,
        ),
        Input::new(
            "turnover",
            i18n.t("settings-turnover-per-month"),
            Kind::Decimal,
            Field::Amount,
        ),
        Input::new(
            "currency",
            i18n.t("card-field-currency"),
            Kind::Text,
            Field::Currency,
        ),
    ]);
    let initial: Values = [
        ("login", String::new()),
        ("name", m.name.clone()),
        ("role", m.role.key().to_owned()),
        ("calls", t.calls_per_day.to_string()),
        ("email_offers", t.email_offers_per_day.to_string()),
        ("phone_offers", t.phone_offers_per_day.to_string()),
        ("contracts", t.contracts_per_month.to_string()),
        ("turnover", card_form::money_text(m.turnover_per_month)),
        (
            "currency",
            m.turnover_per_month
                .map_or(Currency::EUR, |x| x.currency)
                .code()
                .to_owned(),
        ),
    ]
    .into_iter()
    .collect();
    let new = login.is_none();
    let login_shown = login.clone();
    let old = m.clone();
    let save = Callback::from(move |v: Values| -> FormEdit {
        let (login, old) = (login.clone(), old.clone());
        EditCall::new(
            |(v, login, old): (Sent, Option<String>, Manager),
             base: &mut ClientBase,
             author: &Author| {
                let login = match login {
                    Some(l) => l,
                    None => fieldbase_core::validate::rep(&card_form::text(&v, "login"))?,
                };
                let current = base.team_entity::<Manager>(&login).unwrap_or(old);
                let m = Manager {
                    name: card_form::text(&v, "name"),
                    role: Role::from_key(&card_form::text(&v, "role")).unwrap_or_default(),
                    calls_per_day: card_form::number(&v, "calls", Field::Volume)?,
                    email_offers_per_day: card_form::number(&v, "email_offers", Field::Volume)?,
                    phone_offers_per_day: card_form::number(&v, "phone_offers", Field::Volume)?,
                    contracts_per_month: card_form::number(&v, "contracts", Field::Volume)?,
                    turnover_per_month: card_form::money(
                        &v,
                        "turnover",
                        "currency",
                        Field::Amount,
                    )?,
                    ..current
                };
                let doc = base.put_team_entity(&login, &m, author)?;
                Ok(Edit {
                    client: doc,
                    touched: vec![doc],
                })
            },
            (card_form::sent(v), login, old),
        )
    });
    let id = AttrValue::from(match &login_shown {
        Some(l) => format!("manager-{l}"),
        None => "manager-new".to_owned(),
    });
    html! {
        <RecordForm id={id} engine={engine.clone()} inputs={Rc::new(inputs)} initial={Rc::new(initial)}
                    submit={AttrValue::from(i18n.t("card-save"))} save={save} reset={new}
                    testid={Some(AttrValue::from(if new { "manager-new-form" } else { "manager-form" }))} />
    }
}
