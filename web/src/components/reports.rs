//! Reports: a month picker, then the signed-in rep's monthly report (a table and
//! progress bars), plan vs fact per manager (grouped bars and a table), the deal funnel
//! and the receivables' ageing. Every chart is SVG drawn from the data, with the same
//! numbers in a table beside it; amounts, numbers, dates and the month are written the
//! reader's way ([`crate::format`]).
//!
//! A head of sales sees every manager (and the whole team's funnel and receivables),
//! anyone else only himself. The role is read from the plan document for now; the
//! server session's role should decide this once the snapshot carries it.

use std::collections::BTreeSet;

use fieldbase_core::{
    Currency, Date, DealStage, Money,
    plan::{Manager, Role, Targets},
    report::{Ageing, Funnel, MonthlyReport, Progress, Totals, month_bounds, working_days},
};
use yew::prelude::*;

use crate::{
    app::{I18n, use_i18n},
    browser,
    components::{
        chart::{Bar, BarChart, Panel, Row, Tone, share},
        home::ScreenProps,
    },
    format,
    hooks::use_query,
    i18n::Lang,
};

/// What the screen shows for one month, read in one query.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Data {
    /// The signed-in rep's monthly report.
    monthly: Option<MonthlyReport>,
    /// His targets (the daily ones count × working days in the month).
    targets: Targets,
    /// Monday–Friday days of the month.
    working_days: u32,
    /// The rep is the head of sales (sees every manager).
    head: bool,
    /// Plan vs fact, one row per manager shown: (login, display name, report).
    plan: Vec<(String, String, MonthlyReport)>,
    /// The team's turnover (only shown to the head).
    team_total: Totals,
    /// The month's funnel of the clients shown (deals that reached their stage in the
    /// month: `fieldbase_core::report::deal_day`).
    funnel: Funnel,
    /// Receivables' ageing of the clients shown.
    ageing: Ageing,
    /// The day the ageing is computed on.
    ageing_on: Date,
}

/// The Reports screen.
#[component]
pub fn ReportsScreen(props: &ScreenProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.tr.lang();
    let snap = &props.snapshot;
    let month = use_state(|| {
        let today = browser::today();
        (today.year(), today.month())
    });
    let (year, mon) = *month;
    let offset = browser::utc_offset_minutes();
    let data = use_query(
        &props.engine,
        (
            snap.version,
            year,
            mon,
            offset,
            snap.rep.clone(),
            snap.role.clone(),
        ),
        |(_, year, month, offset, rep, role), base| {
            let (year, month, offset) = (*year, *month, *offset);
            // The server's word (the session's role) decides; the plan document's
            // manager record is the fallback for sessions from older servers.
            let head = role == "head"
                || base
                    .team_entity::<Manager>(rep)
                    .is_some_and(|m| m.role == Role::Head);
            let monthly = base.monthly_report(rep, year, month, offset);
            // A rep's own row is his monthly report: only the head pays for the team's.
            let (reports, team_total) = if head {
                base.plan_vs_fact(year, month, offset)
            } else {
                (monthly.iter().cloned().collect(), Totals::default())
            };
            let plan = reports
                .into_iter()
                .map(|r| {
                    let name = base
                        .team_entity::<Manager>(&r.rep)
                        .map(|m| m.name)
                        .filter(|n| !n.trim().is_empty())
                        .unwrap_or_else(|| r.rep.clone());
                    (r.rep.clone(), name, r)
                })
                .collect();
            let owner = (!head).then_some(rep.as_str());
            let today = browser::today();
            let ageing_on = month_bounds(year, month)
                .map_or(today, |(_, last)| if last < today { last } else { today });
            Data {
                monthly,
                targets: base.targets(rep),
                working_days: working_days(year, month),
                head,
                plan,
                team_total,
                funnel: base.month_funnel(owner, year, month, offset),
                ageing: base.ageing(owner, ageing_on),
                ageing_on,
            }
        },
    );
    let step = |forward: bool| {
        let month = month.clone();
        Callback::from(move |_: MouseEvent| {
            let (y, m) = *month;
            month.set(if forward {
                format::next_month(y, m)
            } else {
                format::prev_month(y, m)
            });
        })
    };
    let month_name = format::month_name(lang, year, mon);
    html! {
        <div class="screen reports" data-testid="reports">
            <h1 class="screen-title">{ i18n.t("nav-reports") }</h1>
            <nav class="card report-month-picker" aria-label={i18n.t("report-month-label")}>
                <button class="button ghost icon-only" onclick={step(false)} data-testid="report-prev"
                        aria-label={i18n.t("report-prev")} title={i18n.t("report-prev")}>
                    { chevron(false) }
                </button>
                <h2 class="report-month" data-testid="report-month" aria-live="polite">
                    { &month_name }
                </h2>
                <button class="button ghost icon-only" onclick={step(true)} data-testid="report-next"
                        aria-label={i18n.t("report-next")} title={i18n.t("report-next")}>
                    { chevron(true) }
                </button>
            </nav>
            {
                match data {
                    None => html! { <p class="muted" aria-busy="true">{ i18n.t("loading") }</p> },
                    Some(data) => html! {
                        <>
                            { monthly_section(&i18n, &data) }
                            { plan_fact_section(&i18n, &data) }
                            { funnel_section(&i18n, &data.funnel, &month_name) }
                            { ageing_section(&i18n, &data.ageing, data.ageing_on) }
                        </>
                    },
                }
            }
        </div>
    }
}

fn chevron(right: bool) -> Html {
    let d = if right {
        "M9 6l6 6-6 6"
    } else {
        "M15 6l-6 6 6 6"
    };
    html! {
        <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor"
             stroke-width="2.25" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
            <path d={d} />
        </svg>
    }
}

/// A section card: a heading (with an optional badge), then its content.
fn section(title: String, badge: Option<String>, testid: &'static str, body: Html) -> Html {
    html! {
        <section class="card list-section report-section" data-testid={format!("section-{testid}")}>
            <div class="list-head">
                <h2 class="section-title">{ title }</h2>
                if let Some(badge) = badge {
                    <span class="count-badge">{ badge }</span>
                }
            </div>
            <div class="report-body">{ body }</div>
        </section>
    }
}

fn progress_text(lang: Lang, p: Progress) -> String {
    format!(
        "{} / {}",
        format::number(lang, i64::from(p.done)),
        format::number(lang, i64::from(p.target))
    )
}

/// The monthly report: a compact table and progress bars for what has a target.
fn monthly_section(i18n: &I18n, data: &Data) -> Html {
    let lang = i18n.tr.lang();
    let badge = Some(i18n.count("report-working-days", data.working_days as usize));
    let Some(r) = &data.monthly else {
        return section(
            i18n.t("report-monthly"),
            badge,
            "monthly",
            html! { <p class="muted empty">{ i18n.t("report-no-data") }</p> },
        );
    };
    let wd = data.working_days;
    let a = &r.activity;
    let email = Progress {
        done: a.email_offers,
        target: data.targets.email_offers_per_day * wd,
    };
    let phone = Progress {
        done: a.phone_offers,
        target: data.targets.phone_offers_per_day * wd,
    };
    let num = |n: u32| format::number(lang, i64::from(n));
    let plan = r.turnover_plan;
    let fact_in_plan = plan.map(|p| r.turnover.get(p.currency));

    // The chart: progress against each target.
    let progress_row = |key: &str, p: Progress| Row {
        label: i18n.t(key),
        value: progress_text(lang, p),
        bars: vec![Bar {
            share: share(i64::from(p.done), i64::from(p.target)),
            tone: if p.done >= p.target {
                Tone::Ok
            } else {
                Tone::Brand
            },
        }],
    };
    let mut rows = vec![
        progress_row("report-calls", r.calls),
        progress_row("report-email-offers", email),
        progress_row("report-phone-offers", phone),
        progress_row("report-new-contracts", r.new_contracts),
    ];
    if let (Some(plan), Some(fact)) = (plan, fact_in_plan) {
        rows.push(Row {
            label: i18n.t("report-turnover"),
            value: format!(
                "{} / {}",
                format::money(lang, fact),
                format::money(lang, plan)
            ),
            bars: vec![Bar {
                share: share(fact.minor, plan.minor),
                tone: if fact.minor >= plan.minor {
                    Tone::Ok
                } else {
                    Tone::Brand
                },
            }],
        });
    }
    let money_cell = |t: &Totals| format::amounts(lang, &t.amounts());
    let line = |key: &str, done: String, target: String| {
        html! {
            <tr>
                <th scope="row">{ i18n.t(key) }</th>
                <td class="num">{ done }</td>
                <td class="num muted">{ target }</td>
            </tr>
        }
    };
    let dash = || "—".to_owned();
    let turnover_target = match plan {
        Some(p) => {
            let fact = fact_in_plan.unwrap_or(Money::zero(p.currency));
            let pct = (fact.minor.max(0) as i128 * 100)
                .checked_div(p.minor as i128)
                .unwrap_or(0)
                .min(u32::MAX as i128) as u32;
            format!(
                "{} · {}",
                format::money(lang, p),
                i18n.t_with(
                    "report-of-plan",
                    &[("percent", &format::percent(lang, pct))]
                )
            )
        }
        None => i18n.t("report-no-plan"),
    };
    let body = html! {
        <div class="report-grid">
            <BarChart title={i18n.t("report-progress-chart")} panels={vec![Panel { heading: None, rows }]}
                      track=true testid={AttrValue::from("chart-monthly")} />
            <table class="report-table" data-testid="monthly-table">
                <caption class="sr-only">{ i18n.t("report-monthly") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ i18n.t("report-metric") }</th>
                        <th scope="col" class="num">{ i18n.t("report-done") }</th>
                        <th scope="col" class="num">{ i18n.t("report-target") }</th>
                    </tr>
                </thead>
                <tbody>
                    { line("report-calls", num(r.calls.done), num(r.calls.target)) }
                    { line("report-visits", num(a.visits + a.meetings), dash()) }
                    { line("report-email-offers", num(email.done), num(email.target)) }
                    { line("report-phone-offers", num(phone.done), num(phone.target)) }
                    { line("report-new-clients", num(r.new_clients), dash()) }
                    { line("report-new-contracts", num(r.new_contracts.done), num(r.new_contracts.target)) }
                    { line("report-deals-won", num(r.deals_won), dash()) }
                    { line("report-turnover", money_cell(&r.turnover), turnover_target) }
                    { line("report-collected", money_cell(&r.collected), dash()) }
                    <tr class={classes!((!r.overdue.amounts().iter().all(|m| m.minor == 0)).then_some("warn"))}>
                        <th scope="row">{ i18n.t("report-overdue") }</th>
                        <td class="num">{ money_cell(&r.overdue) }</td>
                        <td class="num muted">{ dash() }</td>
                    </tr>
                </tbody>
            </table>
        </div>
    };
    section(i18n.t("report-monthly"), badge, "monthly", body)
}

/// The currency the plan-vs-fact turnover bars are drawn in: the plans' (the first one
/// set), else the one with the most turnover in the rows shown.
fn chart_currency(rows: &[(String, String, MonthlyReport)]) -> Option<Currency> {
    if let Some(p) = rows.iter().find_map(|(_, _, r)| r.turnover_plan) {
        return Some(p.currency);
    }
    let mut total = Totals::default();
    for (_, _, r) in rows {
        total.merge(&r.turnover);
    }
    total
        .amounts()
        .into_iter()
        .max_by_key(|m| m.minor)
        .map(|m| m.currency)
}

/// Plan vs fact: grouped bars per manager (turnover vs plan, contracts vs target) and
/// a table.
fn plan_fact_section(i18n: &I18n, data: &Data) -> Html {
    let lang = i18n.tr.lang();
    let rows = &data.plan;
    let badge = data.head.then(|| i18n.count("report-managers", rows.len()));
    if rows.is_empty() {
        return section(
            i18n.t("report-plan-fact"),
            badge,
            "plan-fact",
            html! { <p class="muted empty">{ i18n.t("report-no-data") }</p> },
        );
    }
    let mut panels = Vec::new();
    let currency = chart_currency(rows);
    if let Some(c) = currency {
        let max = rows
            .iter()
            .flat_map(|(_, _, r)| {
                [
                    r.turnover.get(c).minor,
                    r.turnover_plan
                        .filter(|p| p.currency == c)
                        .map_or(0, |p| p.minor),
                ]
            })
            .max()
            .unwrap_or(0);
        panels.push(Panel {
            heading: Some(format!("{} ({})", i18n.t("report-turnover"), c.code())),
            rows: rows
                .iter()
                .map(|(_, name, r)| {
                    let fact = r.turnover.get(c);
                    let plan = r.turnover_plan.filter(|p| p.currency == c);
                    let mut bars = vec![Bar {
                        share: share(fact.minor, max),
                        tone: Tone::Brand,
                    }];
                    if let Some(p) = plan {
                        bars.push(Bar {
                            share: share(p.minor, max),
                            tone: Tone::Muted,
                        });
                    }
                    Row {
                        label: name.clone(),
                        value: match plan {
                            Some(p) => format!(
                                "{} / {}",
                                format::money(lang, fact),
                                format::money(lang, p)
                            ),
                            None => format::money(lang, fact),
                        },
                        bars,
                    }
                })
                .collect(),
        });
    }
    let max_contracts = rows
        .iter()
        .map(|(_, _, r)| r.new_contracts.done.max(r.new_contracts.target))
        .max()
        .unwrap_or(0);
    panels.push(Panel {
        heading: Some(i18n.t("report-new-contracts")),
        rows: rows
            .iter()
            .map(|(_, name, r)| Row {
                label: name.clone(),
                value: progress_text(lang, r.new_contracts),
                bars: vec![
                    Bar {
                        share: share(i64::from(r.new_contracts.done), i64::from(max_contracts)),
                        tone: Tone::Brand,
                    },
                    Bar {
                        share: share(i64::from(r.new_contracts.target), i64::from(max_contracts)),
                        tone: Tone::Muted,
                    },
                ],
            })
            .collect(),
    });
    let title = format!(
        "{}. {}",
        i18n.t_with(
            "report-chart-turnover",
            &[("value", currency.as_ref().map_or("—", Currency::code))]
        ),
        i18n.t("report-chart-contracts")
    );
    let legend = vec![
        (i18n.t("report-fact"), Tone::Brand),
        (
            format!("{} / {}", i18n.t("report-plan"), i18n.t("report-target")),
            Tone::Muted,
        ),
    ];
    let body = html! {
        <>
            if !data.head {
                <p class="muted small report-note">{ i18n.t("report-own-only") }</p>
            }
            <div class="report-grid">
                <BarChart title={title} {panels} {legend} testid={AttrValue::from("chart-plan-fact")} />
                <table class="report-table" data-testid="plan-fact-table">
                    <caption class="sr-only">{ i18n.t("report-plan-fact") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("report-manager") }</th>
                            <th scope="col" class="num">{ i18n.t("report-turnover") }</th>
                            <th scope="col" class="num">{ i18n.t("report-new-contracts") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|(login, name, r)| {
                            let plan = match r.turnover_plan {
                                Some(p) => {
                                    let fact = r.turnover.get(p.currency);
                                    let pct = (fact.minor.max(0) as i128 * 100)
                                        .checked_div(p.minor as i128)
                                        .unwrap_or(0)
                                        .min(u32::MAX as i128) as u32;
                                    format!("{} {} · {}", i18n.t("report-plan"), format::money(lang, p),
                                        format::percent(lang, pct))
                                }
                                None => i18n.t("report-no-plan"),
                            };
                            html! {
                                <tr data-testid="plan-fact-row" data-rep={login.clone()} key={login.clone()}>
                                    <th scope="row">{ name }</th>
                                    <td class="num">
                                        <span class="report-strong">{ format::amounts(lang, &r.turnover.amounts()) }</span>
                                        <span class="muted small report-sub">{ plan }</span>
                                    </td>
                                    <td class="num">{ progress_text(lang, r.new_contracts) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                    if data.head {
                        <tfoot>
                            <tr>
                                <th scope="row">{ i18n.t("report-team-total") }</th>
                                <td class="num">{ format::amounts(lang, &data.team_total.amounts()) }</td>
                                <td class="num">
                                    { progress_text(lang, Progress {
                                        done: rows.iter().map(|(_, _, r)| r.new_contracts.done).sum(),
                                        target: rows.iter().map(|(_, _, r)| r.new_contracts.target).sum(),
                                    }) }
                                </td>
                            </tr>
                        </tfoot>
                    }
                </table>
            </div>
        </>
    };
    section(i18n.t("report-plan-fact"), badge, "plan-fact", body)
}

fn stage_key(stage: DealStage) -> String {
    format!("report-stage-{}", stage.key())
}

/// The month's funnel: a centred bar per stage (length by count), amounts in the label,
/// the win rate, and a line saying which deals count in the month.
fn funnel_section(i18n: &I18n, funnel: &Funnel, month: &str) -> Html {
    let lang = i18n.tr.lang();
    let total: u32 = funnel.stages.iter().map(|(_, n, _)| *n).sum();
    let max = funnel.stages.iter().map(|(_, n, _)| *n).max().unwrap_or(0);
    let rows: Vec<Row> = funnel
        .stages
        .iter()
        .map(|(stage, n, amounts)| {
            let mut value = i18n.count("report-deals", *n as usize);
            if !amounts.0.is_empty() {
                value = format!("{value} · {}", format::amounts(lang, &amounts.amounts()));
            }
            Row {
                label: i18n.t(&stage_key(*stage)),
                value,
                bars: vec![Bar {
                    share: share(i64::from(*n), i64::from(max)),
                    tone: match stage {
                        DealStage::Won => Tone::Ok,
                        DealStage::Lost => Tone::Danger,
                        _ => Tone::Brand,
                    },
                }],
            }
        })
        .collect();
    let win = match funnel.win_rate {
        Some(p) => i18n.t_with("report-win-rate", &[("percent", &format::percent(lang, p))]),
        None => i18n.t("report-win-rate-none"),
    };
    let body = html! {
        <>
            <p class="muted small report-note" data-testid="funnel-note">
                { i18n.t_with("report-funnel-month-rule", &[("month", month)]) }
            </p>
            <p class="report-kpi" data-testid="win-rate">{ win }</p>
            <div class="report-grid">
                <BarChart title={i18n.t("report-funnel-chart")} panels={vec![Panel { heading: None, rows }]}
                          centered=true testid={AttrValue::from("chart-funnel")} />
                <table class="report-table" data-testid="funnel-table">
                    <caption class="sr-only">{ i18n.t("report-funnel") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("report-stage") }</th>
                            <th scope="col" class="num">{ i18n.t("report-deal-count") }</th>
                            <th scope="col" class="num">{ i18n.t("report-amount") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for funnel.stages.iter().map(|(stage, n, amounts)| html! {
                            <tr key={stage.key()}>
                                <th scope="row">{ i18n.t(&stage_key(*stage)) }</th>
                                <td class="num">{ format::number(lang, i64::from(*n)) }</td>
                                <td class="num">{ format::amounts(lang, &amounts.amounts()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    };
    section(
        i18n.t("report-funnel"),
        Some(i18n.count("report-deals", total as usize)),
        "funnel",
        body,
    )
}

/// Ageing: five bars per currency (not due, 1–30, 31–60, 61–90, 90+) and a table.
fn ageing_section(i18n: &I18n, ageing: &Ageing, on: Date) -> Html {
    let lang = i18n.tr.lang();
    let buckets: [(&str, &Totals, Tone); 5] = [
        ("report-bucket-not-due", &ageing.not_due, Tone::Ok),
        ("report-bucket-1-30", &ageing.days_0_30, Tone::Warn),
        ("report-bucket-31-60", &ageing.days_31_60, Tone::Warn),
        ("report-bucket-61-90", &ageing.days_61_90, Tone::Danger),
        ("report-bucket-90-plus", &ageing.days_90_plus, Tone::Danger),
    ];
    let mut total = Totals::default();
    for (_, t, _) in &buckets {
        total.merge(t);
    }
    let currencies: BTreeSet<Currency> = total
        .amounts()
        .into_iter()
        .filter(|m| m.minor != 0)
        .map(|m| m.currency)
        .collect();
    let as_of = i18n.t_with("report-ageing-as-of", &[("date", &format::date(lang, on))]);
    if currencies.is_empty() {
        return section(
            i18n.t("report-ageing"),
            None,
            "ageing",
            html! {
                <>
                    <p class="muted small report-note">{ &as_of }</p>
                    <p class="muted empty" data-testid="chart-ageing">{ i18n.t("report-ageing-none") }</p>
                </>
            },
        );
    }
    let several = currencies.len() > 1;
    let panels: Vec<Panel> = currencies
        .iter()
        .map(|c| {
            let max = buckets
                .iter()
                .map(|(_, t, _)| t.get(*c).minor)
                .max()
                .unwrap_or(0);
            Panel {
                heading: several.then(|| c.code().to_owned()),
                rows: buckets
                    .iter()
                    .map(|(key, t, tone)| Row {
                        label: i18n.t(key),
                        value: format::money(lang, t.get(*c)),
                        bars: vec![Bar {
                            share: share(t.get(*c).minor, max),
                            tone: *tone,
                        }],
                    })
                    .collect(),
            }
        })
        .collect();
    let codes: Vec<&str> = currencies.iter().map(|c| c.code()).collect();
    let title = i18n.t_with("report-ageing-chart", &[("value", &codes.join(", "))]);
    let cell = |t: &Totals| {
        let list: Vec<Money> = currencies.iter().map(|c| t.get(*c)).collect();
        format::amounts(lang, &list)
    };
    let body = html! {
        <>
            <p class="muted small report-note">{ &as_of }</p>
            <div class="report-grid">
                <BarChart {title} {panels} testid={AttrValue::from("chart-ageing")} />
                <table class="report-table" data-testid="ageing-table">
                    <caption class="sr-only">{ i18n.t("report-ageing") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("report-bucket") }</th>
                            <th scope="col" class="num">{ i18n.t("report-amount") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for buckets.iter().map(|(key, t, _)| html! {
                            <tr key={*key}>
                                <th scope="row">{ i18n.t(key) }</th>
                                <td class="num">{ cell(t) }</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{ i18n.t("report-total") }</th>
                            <td class="num">{ cell(&total) }</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </>
    };
    section(i18n.t("report-ageing"), None, "ageing", body)
}
