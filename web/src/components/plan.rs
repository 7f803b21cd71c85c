//! Plan: the week's calls and visits by day (a column per day on a wide screen, stacked
//! on a phone), each with its client, contact and time; one tap moves a task a day
//! earlier or later, or a date input moves it anywhere. Tapping the client opens it.

use fieldbase_core::{Author, ClientBase, Date, DocumentId, PlannedTask, TimeOfDay};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::{
    app::{I18n, use_i18n},
    browser,
    calls::EditCall,
    components::home::ScreenProps,
    engine::AddError,
    hooks::use_query,
    route::Route,
};

/// A task to move: its client, id, name (for the message) and time of day (kept).
#[derive(Clone, PartialEq)]
struct Move {
    client: DocumentId,
    task: String,
    client_name: String,
    time: Option<TimeOfDay>,
    to: Date,
}

#[derive(Clone, PartialEq)]
enum Notice {
    Moved { client: String, date: Date },
    Failed(String),
}

/// `day` in the app's language: with its weekday ("Tuesday, Nov 24") or without
/// ("Nov 24"), through [`crate::format`].
fn day_label(i18n: &I18n, day: Date, weekday: bool) -> String {
    let lang = i18n.tr.lang();
    if weekday {
        crate::format::weekday_date(lang, day)
    } else {
        crate::format::day_month(lang, day)
    }
}

/// The Plan screen.
#[component]
pub fn PlanScreen(props: &ScreenProps) -> Html {
    let i18n = use_i18n();
    let snap = &props.snapshot;
    let today = browser::today();
    let this_monday = today.add_days(-i64::from(today.weekday())).unwrap_or(today);
    let week = use_state(|| 0i64);
    let notice = use_state(|| None::<Notice>);
    let monday = this_monday.add_days(*week * 7).unwrap_or(this_monday);
    let plan = use_query(
        &props.engine,
        (snap.version, snap.rep.clone(), monday),
        |(_, rep, monday), base| base.week_plan(rep, *monday),
    );

    let go = |delta: Option<i64>| {
        let (week, notice) = (week.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            week.set(delta.map_or(0, |d| *week + d));
            notice.set(None);
        })
    };
    let move_task = {
        let (engine, notice, i18n) = (props.engine.clone(), notice.clone(), i18n.clone());
        Callback::from(move |m: Move| {
            let (engine, notice, i18n) = (engine.clone(), notice.clone(), i18n.clone());
            spawn_local(async move {
                let Move {
                    client,
                    task,
                    client_name,
                    time,
                    to,
                } = m;
                let result = engine
                    .edit(EditCall::new(
                        |(client, task, to, time): (
                            DocumentId,
                            String,
                            Date,
                            Option<TimeOfDay>,
                        ),
                         base: &mut ClientBase,
                         author: &Author| {
                            base.reschedule_task(client, &task, to, time, author)
                        },
                        (client, task, to, time),
                    ))
                    .await;
                notice.set(match result {
                    Ok(_) => Some(Notice::Moved {
                        client: client_name,
                        date: to,
                    }),
                    Err(AddError::Closed) => None,
                    Err(AddError::Invalid { reason, .. }) => Some(Notice::Failed(
                        i18n.t(crate::i18n::invalid_reason_key(reason)),
                    )),
                    Err(AddError::Storage(r) | AddError::Refused(r)) => Some(Notice::Failed(r)),
                });
            });
        })
    };

    let sunday = monday.add_days(6).unwrap_or(monday);
    let total: usize = plan
        .as_ref()
        .map(|p| p.days.iter().map(|d| d.calls.len() + d.visits.len()).sum())
        .unwrap_or(0);

    let task_row = |t: &PlannedTask| {
        let open = {
            let (navigate, id) = (props.navigate.clone(), t.client);
            Callback::from(move |_: MouseEvent| navigate.emit(Route::Client(id)))
        };
        let base = Move {
            client: t.client,
            task: t.id.clone(),
            client_name: t.client_name.clone(),
            time: t.time,
            to: t.due,
        };
        let by = |days: i64| {
            let (cb, m) = (move_task.clone(), base.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(to) = m.to.add_days(days) {
                    cb.emit(Move { to, ..m.clone() });
                }
            })
        };
        let on_date = {
            let (cb, m) = (move_task.clone(), base.clone());
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                if let Ok(to) = Date::parse(&v)
                    && to != m.to
                {
                    cb.emit(Move { to, ..m.clone() });
                }
            })
        };
        let client = [("client", t.client_name.as_str())];
        html! {
            <li class="item-row plan-task" data-testid="plan-task" key={format!("{}-{}", t.client, t.id)}
                data-client={t.client.to_string()} data-task={t.id.clone()} data-due={t.due.to_string()}>
                <div class="item-main">
                    <span class="plan-when">
                        <span class={classes!("chip", format!("plan-kind-{}", t.kind.key()))}>
                            { i18n.t(&format!("task-kind-{}", t.kind.key())) }
                        </span>
                        <span class={classes!("plan-time", t.time.is_none().then_some("muted"))}>
                            { t.time.map(|x| crate::format::time(i18n.tr.lang(), x)).unwrap_or_else(|| i18n.t("plan-no-time")) }
                        </span>
                    </span>
                    <button class="link-button item-title" onclick={open} title={t.client_name.clone()}>
                        { &t.client_name }
                    </button>
                    if !t.contact_name.is_empty() {
                        <span class="muted small plan-contact">{ &t.contact_name }</span>
                    }
                </div>
                <div class="plan-move">
                    <button class="button small-button plan-prev" onclick={by(-1)} data-testid="plan-move-prev"
                            aria-label={i18n.t_with("plan-move-prev", &client)}
                            title={i18n.t_with("plan-move-prev", &client)}>{ "←" }</button>
                    <input type="date" class="plan-date" value={t.due.to_string()} onchange={on_date}
                           data-testid="plan-move-date" aria-label={i18n.t_with("plan-move-date", &client)} />
                    <button class="button small-button plan-next" onclick={by(1)} data-testid="plan-move-next"
                            aria-label={i18n.t_with("plan-move-next", &client)}
                            title={i18n.t_with("plan-move-next", &client)}>{ "→" }</button>
                </div>
            </li>
        }
    };

    html! {
        <div class="screen plan" data-testid="plan">
            <h1 class="screen-title">{ i18n.t("plan-title") }</h1>
            <section class="card plan-bar">
                <button class="button ghost small-button" onclick={go(Some(-1))} data-testid="plan-week-prev"
                        aria-label={i18n.t("plan-prev-week")} title={i18n.t("plan-prev-week")}>{ "‹" }</button>
                <div class="plan-range">
                    <strong data-testid="plan-week" data-monday={monday.to_string()}>
                        { day_label(&i18n, monday, false) }{ " – " }{ day_label(&i18n, sunday, false) }
                    </strong>
                    <span class="muted small">{ i18n.count("plan-week-total", total) }</span>
                </div>
                if *week != 0 {
                    <button class="button ghost small" onclick={go(None)} data-testid="plan-week-this">
                        { i18n.t("plan-this-week") }
                    </button>
                }
                <button class="button ghost small-button" onclick={go(Some(1))} data-testid="plan-week-next"
                        aria-label={i18n.t("plan-next-week")} title={i18n.t("plan-next-week")}>{ "›" }</button>
            </section>
            {
                match &*notice {
                    Some(Notice::Moved { client, date }) => html! {
                        <p class="form-ok" role="status" data-testid="plan-moved">
                            { i18n.t_with("plan-moved", &[("client", client.as_str()),
                                ("date", day_label(&i18n, *date, true).as_str())]) }
                        </p>
                    },
                    Some(Notice::Failed(reason)) => html! {
                        <p class="form-error" role="alert">
                            { i18n.t_with("plan-move-failed", &[("reason", reason.as_str())]) }
                        </p>
                    },
                    None => html! {},
                }
            }
            if let Some(plan) = &plan {
                <div class="plan-week">
                    { for plan.days.iter().map(|day| {
                        let mut tasks: Vec<&PlannedTask> = day.calls.iter().chain(day.visits.iter()).collect();
                        tasks.sort_by(|a, b| (a.time.is_none(), a.time, &a.client_name)
                            .cmp(&(b.time.is_none(), b.time, &b.client_name)));
                        let is_today = day.date == today;
                        html! {
                            <section class={classes!("card", "list-section", "plan-day", is_today.then_some("plan-today"))}
                                     data-testid="plan-day" data-date={day.date.to_string()}
                                     aria-current={is_today.then_some("date")}>
                                <div class="list-head">
                                    <h2 class="section-title">{ day_label(&i18n, day.date, true) }</h2>
                                    <span class="count-badge">{ tasks.len() }</span>
                                </div>
                                <ul class="items" role="list">
                                    if tasks.is_empty() {
                                        <li class="muted empty small">{ i18n.t("plan-empty-day") }</li>
                                    }
                                    { for tasks.into_iter().map(&task_row) }
                                </ul>
                            </section>
                        }
                    }) }
                </div>
            } else {
                <p class="muted" aria-busy="true">{ i18n.t("loading") }</p>
            }
        </div>
    }
}
