//! Today: the day's counters against the targets, overdue tasks, today's calls and
//! visits (one tap to log the outcome), birthdays and professional holidays this week
//! (tap to greet: logged as a call), reconciliations due, overdue invoices, follow-ups.

use fieldbase_core::{
    Author, ClientBase, Date, Direction, DocumentId, InteractionDraft, InteractionKind, Outcome,
    PlannedTask, TaskKind,
    report::{DailyActivity, Progress},
};
use yew::prelude::*;

use crate::{
    app::use_i18n,
    browser,
    calls::EditCall,
    components::{home::ScreenProps, icons},
    format,
    hooks::use_query,
    route::Route,
};

/// A planned call's outcome as logged: the client, the interaction's id and draft,
/// the task, and tomorrow (where a call back goes).
type LoggedOutcome = (DocumentId, String, InteractionDraft, String, Date);

/// The Today screen.
#[component]
pub fn TodayScreen(props: &ScreenProps) -> Html {
    let i18n = use_i18n();
    let snap = &props.snapshot;
    let date = browser::today();
    let offset = browser::utc_offset_minutes();
    let rep = snap.rep.clone();
    let expanded = use_state(|| None::<(DocumentId, String)>);
    let data = use_query(
        &props.engine,
        (snap.version, rep, date, offset),
        |(_, rep, date, offset), base| {
            (
                base.today(rep, *date),
                base.daily_activity(rep, *date, *offset),
            )
        },
    );
    let Some(data) = data else {
        return html! { <p class="muted" aria-busy="true">{ i18n.t("loading") }</p> };
    };
    let (today, activity) = (&data.0, &data.1);
    let open = |id: DocumentId| {
        let navigate = props.navigate.clone();
        Callback::from(move |_: MouseEvent| navigate.emit(Route::Client(id)))
    };
    // One tap logs the outcome: reached completes the task; no answer and call back
    // move it to tomorrow.
    let log_outcome = {
        let (engine, rep, expanded) = (props.engine.clone(), snap.rep.clone(), expanded.clone());
        move |t: &PlannedTask, outcome: Outcome| {
            let (engine, rep, expanded) = (engine.clone(), rep.clone(), expanded.clone());
            let (client, task, kind) = (t.client, t.id.clone(), t.kind);
            let contact = t.contact.clone();
            Callback::from(move |_: MouseEvent| {
                let (engine, rep, task, contact) =
                    (engine.clone(), rep.clone(), task.clone(), contact.clone());
                expanded.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    let draft = InteractionDraft {
                        kind: interaction_of(kind),
                        direction: Direction::Out,
                        at: 0,
                        time_zone: browser::time_zone(),
                        duration_secs: 0,
                        outcome,
                        summary: String::new(),
                        who: rep,
                        contact,
                        event: None,
                        next_step: None,
                    };
                    let id = browser::hex(&browser::random_bytes::<8>());
                    let tomorrow = browser::today().add_days(1).unwrap_or(browser::today());
                    let _ = engine
                        .edit(EditCall::new(
                            |(client, id, mut draft, task, tomorrow): LoggedOutcome,
                             base: &mut ClientBase,
                             author: &Author| {
                                draft.at = author.at;
                                let mut edit = base.log_interaction(client, &id, &draft, author)?;
                                let after = if draft.outcome == Outcome::Reached {
                                    base.complete_task(client, &task, author)?
                                } else {
                                    base.reschedule_task(client, &task, tomorrow, None, author)?
                                };
                                for id in after.touched {
                                    if !edit.touched.contains(&id) {
                                        edit.touched.push(id);
                                    }
                                }
                                Ok(edit)
                            },
                            (client, id, draft, task, tomorrow),
                        ))
                        .await;
                });
            })
        }
    };
    let greet = {
        let engine = props.engine.clone();
        let rep = snap.rep.clone();
        move |client: DocumentId, contact: String, what: String| {
            let (engine, rep) = (engine.clone(), rep.clone());
            Callback::from(move |_: MouseEvent| {
                let (engine, rep, contact, what) =
                    (engine.clone(), rep.clone(), contact.clone(), what.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let draft = InteractionDraft {
                        kind: InteractionKind::Call,
                        direction: Direction::Out,
                        at: 0,
                        time_zone: browser::time_zone(),
                        duration_secs: 0,
                        outcome: Outcome::Reached,
                        summary: what,
                        who: rep,
                        contact: Some(contact),
                        event: None,
                        next_step: None,
                    };
                    let id = browser::hex(&browser::random_bytes::<8>());
                    let _ = engine
                        .edit(EditCall::new(
                            |(client, id, mut draft): (DocumentId, String, InteractionDraft),
                             base: &mut ClientBase,
                             author: &Author| {
                                draft.at = author.at;
                                base.log_interaction(client, &id, &draft, author)
                            },
                            (client, id, draft),
                        ))
                        .await;
                });
            })
        }
    };
    let lang = i18n.tr.lang();
    let task_row = |t: &PlannedTask, overdue: bool| {
        let when = match (overdue, t.time) {
            (true, _) => i18n.t_with(
                "today-due-on",
                &[("date", &format::short_date(lang, t.due, date))],
            ),
            (false, Some(time)) => format::time(lang, time),
            (false, None) => String::new(),
        };
        let key = (t.client, t.id.clone());
        let open_here = expanded.as_ref() == Some(&key);
        let toggle = {
            let expanded = expanded.clone();
            Callback::from(move |_: MouseEvent| {
                expanded.set(if open_here { None } else { Some(key.clone()) })
            })
        };
        html! {
            <li class="item-row task-row" data-testid="today-task" key={format!("{}-{}", t.client, t.id)}>
                <div class="task-line">
                    <div class="item-main">
                        <button class="link-button item-title" onclick={open(t.client)}>
                            { &t.client_name }
                        </button>
                        <span class="muted small">
                            { i18n.t(&format!("task-kind-{}", t.kind.key())) }
                            if !t.contact_name.is_empty() { { " · " }{ &t.contact_name } }
                            if !when.is_empty() { { " · " }{ when } }
                        </span>
                    </div>
                    <button class={classes!("button", "small-button", open_here.then_some("primary"))}
                            onclick={toggle} data-testid="task-log" aria-expanded={open_here.to_string()}
                            aria-label={i18n.t_with("today-log-outcome-of", &[("client", t.client_name.as_str())])}>
                        { icons::check() }<span class="hide-narrow">{ i18n.t("today-log-outcome") }</span>
                    </button>
                </div>
                if open_here {
                    <div class="outcomes" role="group" aria-label={i18n.t("today-log-outcome")}>
                        <button class="button primary" data-testid="outcome-reached"
                                onclick={log_outcome(t, Outcome::Reached)}>{ i18n.t("outcome-reached") }</button>
                        <button class="button ghost" data-testid="outcome-no-answer"
                                onclick={log_outcome(t, Outcome::NoAnswer)}>{ i18n.t("outcome-no_answer") }</button>
                        <button class="button ghost" data-testid="outcome-call-back"
                                onclick={log_outcome(t, Outcome::CallBack)}>{ i18n.t("outcome-call_back") }</button>
                    </div>
                }
            </li>
        }
    };
    html! {
        <div class="screen today" data-testid="today">
            <h1 class="screen-title">{ i18n.t("nav-today") }</h1>
            <Counters activity={activity.clone()} />
            if !today.overdue.is_empty() {
                <Section title={i18n.t("today-overdue")} count={today.overdue.len()} warn=true>
                    { for today.overdue.iter().map(|t| task_row(t, true)) }
                </Section>
            }
            <Section title={i18n.t("today-due")} count={today.due_today.len()}>
                if today.due_today.is_empty() {
                    <li class="muted empty">{ i18n.t("today-nothing-due") }</li>
                }
                { for today.due_today.iter().map(|t| task_row(t, false)) }
            </Section>
            if !today.birthdays.is_empty() || !today.holidays.is_empty() {
                <Section title={i18n.t("today-greetings")} count={today.birthdays.len() + today.holidays.len()}>
                    { for today.birthdays.iter().map(|b| {
                        let what = i18n.t_with("today-birthday-greeting", &[("name", b.contact_name.as_str())]);
                        html! {
                            <li class="item-row" data-testid="today-birthday">
                                <div class="item-main">
                                    <span class="item-title">{ &b.contact_name }</span>
                                    <span class="muted small">{ &b.client_name }{ " · " }{ day_label(&i18n, b.date, date) }</span>
                                </div>
                                <button class="button small-button" onclick={greet(b.client, b.contact.clone(), what)}>
                                    { i18n.t("today-greet") }
                                </button>
                            </li>
                        }
                    }) }
                    { for today.holidays.iter().map(|h| {
                        let what = format!("{} — {}", h.name, h.contact_name);
                        html! {
                            <li class="item-row" data-testid="today-holiday">
                                <div class="item-main">
                                    <span class="item-title">{ &h.contact_name }{ " · " }{ &h.name }</span>
                                    <span class="muted small">{ &h.client_name }{ " · " }{ day_label(&i18n, h.date, date) }</span>
                                </div>
                                <button class="button small-button" onclick={greet(h.client, h.contact.clone(), what)}>
                                    { i18n.t("today-greet") }
                                </button>
                            </li>
                        }
                    }) }
                </Section>
            }
            if !today.overdue_invoices.is_empty() {
                <Section title={i18n.t("today-overdue-invoices")} count={today.overdue_invoices.len()} warn=true>
                    { for today.overdue_invoices.iter().map(|r| html! {
                        <li class="item-row" data-testid="today-invoice">
                            <div class="item-main">
                                <button class="link-button item-title" onclick={open(r.client)}>{ &r.client_name }</button>
                                <span class="muted small">
                                    { &r.number }{ " · " }{ format::money(lang, r.outstanding(date)) }{ " · " }
                                    { i18n.count("today-days-overdue", r.days_overdue(date) as usize) }
                                </span>
                            </div>
                        </li>
                    }) }
                </Section>
            }
            if !today.follow_ups.is_empty() {
                <Section title={i18n.t("today-follow-ups")} count={today.follow_ups.len()}>
                    { for today.follow_ups.iter().map(|f| html! {
                        <li class="item-row" data-testid="today-follow-up">
                            <div class="item-main">
                                <button class="link-button item-title" onclick={open(f.client)}>{ &f.client_name }</button>
                                <span class="muted small">{ &f.next_step }{ " · " }{ format::short_date(lang, f.date, date) }</span>
                            </div>
                        </li>
                    }) }
                </Section>
            }
        </div>
    }
}

/// The interaction a task's outcome is logged as.
fn interaction_of(kind: TaskKind) -> InteractionKind {
    match kind {
        TaskKind::Visit => InteractionKind::Visit,
        TaskKind::SendOffer => InteractionKind::OfferEmail,
        TaskKind::Reconcile => InteractionKind::Reconciliation,
        TaskKind::Call | TaskKind::Greet | TaskKind::CollectDebt | TaskKind::Other => {
            InteractionKind::Call
        }
    }
}

fn day_label(i18n: &crate::app::I18n, day: Date, today: Date) -> String {
    match today.days_until(day) {
        0 => i18n.t("today-today"),
        1 => i18n.t("today-tomorrow"),
        _ => crate::format::weekday_date(i18n.tr.lang(), day),
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    title: String,
    count: usize,
    #[prop_or_default]
    warn: bool,
    children: Html,
}

#[component]
fn Section(props: &SectionProps) -> Html {
    html! {
        <section class={classes!("card", "list-section", props.warn.then_some("warn"))}>
            <div class="list-head">
                <h2 class="section-title">{ &props.title }</h2>
                <span class="count-badge">{ props.count }</span>
            </div>
            <ul class="items" role="list">{ props.children.clone() }</ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CountersProps {
    activity: DailyActivity,
}

/// Calls x/30, e-mailed offers x/50, phone offers x/20, each with a bar.
#[component]
fn Counters(props: &CountersProps) -> Html {
    let i18n = use_i18n();
    let a = &props.activity;
    let lang = i18n.tr.lang();
    let meter = |key: &str, p: Progress| {
        let pct = (p.done * 100).checked_div(p.target).unwrap_or(0).min(100);
        html! {
            <div class="counter" data-testid={format!("counter-{key}")}>
                <div class="counter-top">
                    <span class="counter-label">{ i18n.t(&format!("today-counter-{key}")) }</span>
                    <span class="counter-value">{ format!("{}/{}", format::number(lang, i64::from(p.done)), format::number(lang, i64::from(p.target))) }</span>
                </div>
                <div class="meter" role="meter" aria-valuemin="0" aria-valuemax={p.target.to_string()}
                     aria-valuenow={p.done.to_string()} aria-label={i18n.t(&format!("today-counter-{key}"))}>
                    <div class="meter-fill" style={format!("width:{pct}%")}></div>
                </div>
            </div>
        }
    };
    html! {
        <section class="card counters" aria-label={i18n.t("today-targets")}>
            { meter("calls", a.calls) }
            { meter("email-offers", a.email_offers) }
            { meter("phone-offers", a.phone_offers) }
        </section>
    }
}
