//! Reports: the day's activity against targets, a manager's monthly report, plan vs
//! fact for the team, the deal funnel, receivables and their ageing, and a client's sales
//! history by month.
//!
//! Receivables are read from the index alone (invoices and payments are mirrored there,
//! see [`crate::invoice`]); activity, contracts and deals from the client documents this
//! replica holds. Instants become local days through the caller's UTC offset in minutes
//! (the core has no time-zone database; the browser knows the rep's offset).
//!
//! **The month rule.** Everything in a month's report is counted by the day it
//! happened: an interaction by its instant, a new client by its creation, a contract by
//! the day it was signed, turnover by the invoice's issue day, collections by the
//! payment's day. A deal belongs to the month of the day it reached its current stage
//! ([`deal_day`]): won and lost deals by the day they closed, sent and negotiating ones
//! by the day the offer was sent, drafts (and any deal missing that date) by the day the
//! deal was created (the instant of the change that created it). So the month's funnel
//! shows where the deals that moved in that month stand, and its won stage equals the
//! report's `deals_won`.

use std::collections::BTreeMap;

use automerge::{ObjId, ROOT, ReadDoc};

use crate::{
    ClientBase, Currency, Date, DocumentId, Millis, Money,
    contract::Contract,
    deal::{Deal, DealStage},
    entity::Entity,
    entries,
    interaction::InteractionKind,
    invoice::{INVOICE_PREFIX, Invoice, PAYMENT_PREFIX, Receivable},
    order::Line,
    plan::{Manager, Targets},
    record::Scalar,
};

/// Amounts per currency (a team may sell in several).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Totals(pub BTreeMap<Currency, i64>);

impl Totals {
    /// Adds an amount (saturating: a report never panics on absurd data).
    pub fn add(&mut self, m: Money) {
        let v = self.0.entry(m.currency).or_insert(0);
        *v = v.saturating_add(m.minor);
    }

    /// The amount in one currency.
    pub fn get(&self, c: Currency) -> Money {
        Money::new(self.0.get(&c).copied().unwrap_or(0), c)
    }

    /// The amounts, one per currency.
    pub fn amounts(&self) -> Vec<Money> {
        self.0.iter().map(|(c, m)| Money::new(*m, *c)).collect()
    }

    /// Adds every amount of `other`.
    pub fn merge(&mut self, other: &Totals) {
        for m in other.amounts() {
            self.add(m);
        }
    }
}

/// The local day of an instant, given the UTC offset in minutes.
pub fn local_date(at: Millis, utc_offset_minutes: i32) -> Date {
    let local = at + i64::from(utc_offset_minutes) * 60_000;
    Date::from_days_since_epoch(local.div_euclid(86_400_000))
        .unwrap_or(Date::new(1970, 1, 1).expect("a valid date"))
}

/// The first and last day of a month.
pub fn month_bounds(year: u16, month: u8) -> Option<(Date, Date)> {
    let first = Date::new(year, month, 1)?;
    let last = Date::new(year, month, crate::date::days_in_month(year, month))?;
    Some((first, last))
}

/// Monday to Friday days of a month.
pub fn working_days(year: u16, month: u8) -> u32 {
    let Some((first, last)) = month_bounds(year, month) else {
        return 0;
    };
    (0..=first.days_until(last))
        .filter_map(|d| first.add_days(d))
        .filter(|d| d.weekday() < 5)
        .count() as u32
}

/// A count against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    /// Done.
    pub done: u32,
    /// Target.
    pub target: u32,
}

/// A rep's day against the day's targets.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DailyActivity {
    /// The day.
    pub date: Date,
    /// Calls, against 30 by default.
    pub calls: Progress,
    /// Offers sent by e-mail, against 50 by default.
    pub email_offers: Progress,
    /// Offers made by phone, against 20 by default.
    pub phone_offers: Progress,
    /// Visits and meetings.
    pub visits: u32,
}

/// Interaction counts of one rep in a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ActivityCounts {
    /// Calls.
    pub calls: u32,
    /// Visits.
    pub visits: u32,
    /// Meetings.
    pub meetings: u32,
    /// E-mails.
    pub emails: u32,
    /// Offers by e-mail.
    pub email_offers: u32,
    /// Offers by phone.
    pub phone_offers: u32,
    /// Exhibition encounters.
    pub exhibition: u32,
    /// Reconciliations.
    pub reconciliations: u32,
}

impl ActivityCounts {
    fn count(&mut self, kind: InteractionKind) {
        let slot = match kind {
            InteractionKind::Call => &mut self.calls,
            InteractionKind::Visit => &mut self.visits,
            InteractionKind::Meeting => &mut self.meetings,
            InteractionKind::Email => &mut self.emails,
            InteractionKind::OfferEmail => &mut self.email_offers,
            InteractionKind::OfferPhone => &mut self.phone_offers,
            InteractionKind::Exhibition => &mut self.exhibition,
            InteractionKind::Reconciliation => &mut self.reconciliations,
            InteractionKind::Complaint => return,
        };
        *slot += 1;
    }
}

/// A manager's month: what the monthly report (due by the 3rd) shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MonthlyReport {
    /// The manager.
    pub rep: String,
    /// The year.
    pub year: u16,
    /// The month, 1–12.
    pub month: u8,
    /// Interactions the rep logged in the month.
    pub activity: ActivityCounts,
    /// Calls against the daily target × working days.
    pub calls: Progress,
    /// Clients the rep owns that were created in the month.
    pub new_clients: u32,
    /// Contracts signed in the month at the rep's clients, against the target (4).
    pub new_contracts: Progress,
    /// Deals won in the month (the won stage of [`MonthlyReport::funnel`]).
    pub deals_won: u32,
    /// The rep's deals of the month by stage (see the month rule in the module docs).
    pub funnel: Funnel,
    /// Invoiced in the month at the rep's clients.
    pub turnover: Totals,
    /// The turnover plan, when set.
    pub turnover_plan: Option<Money>,
    /// Payments received in the month.
    pub collected: Totals,
    /// Owed and past due at the end of the month.
    pub overdue: Totals,
}

/// Deals per stage.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Funnel {
    /// Per stage, in funnel order: (stage, count, amounts).
    pub stages: Vec<(DealStage, u32, Totals)>,
    /// Won ÷ (won + lost) in percent, when any deal closed.
    pub win_rate: Option<u32>,
}

impl Funnel {
    fn from_stages(per: BTreeMap<DealStage, (u32, Totals)>) -> Funnel {
        let count = |s: DealStage| per.get(&s).map_or(0, |p| p.0);
        let closed = count(DealStage::Won) + count(DealStage::Lost);
        Funnel {
            stages: DealStage::ALL
                .iter()
                .map(|s| {
                    let (n, t) = per.get(s).cloned().unwrap_or_default();
                    (*s, n, t)
                })
                .collect(),
            win_rate: (closed > 0).then(|| count(DealStage::Won) * 100 / closed),
        }
    }

    /// The number of deals in `stage`.
    pub fn count(&self, stage: DealStage) -> u32 {
        self.stages
            .iter()
            .find(|(s, _, _)| *s == stage)
            .map_or(0, |(_, n, _)| *n)
    }
}

/// Receivables by how long they are overdue.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Ageing {
    /// Not due yet.
    pub not_due: Totals,
    /// 1–30 days past due.
    pub days_0_30: Totals,
    /// 31–60 days.
    pub days_31_60: Totals,
    /// 61–90 days.
    pub days_61_90: Totals,
    /// More than 90 days.
    pub days_90_plus: Totals,
}

/// What the funnel reads of one deal.
#[derive(Debug, Clone)]
pub(crate) struct DealFact {
    stage: DealStage,
    sent_on: Option<Date>,
    closed_on: Option<Date>,
    /// When the deal was created (ms; 0 when unknown).
    created: Millis,
    /// Its amount, else the sum of its lines.
    amount: Totals,
}

/// The local day a deal reached its current stage: the day it closed for won and lost
/// deals, the day the offer was sent for sent and negotiating ones, else (drafts, or the
/// stage's date missing) the day it was created. `None` when none of these is known.
pub fn deal_day(
    stage: DealStage,
    sent_on: Option<Date>,
    closed_on: Option<Date>,
    created: Millis,
    utc_offset_minutes: i32,
) -> Option<Date> {
    let stage_day = match stage {
        DealStage::Won | DealStage::Lost => closed_on,
        DealStage::Sent | DealStage::Negotiation => sent_on,
        DealStage::Draft => None,
    };
    stage_day.or_else(|| (created != 0).then(|| local_date(created, utc_offset_minutes)))
}

impl DealFact {
    fn day(&self, utc_offset_minutes: i32) -> Option<Date> {
        deal_day(
            self.stage,
            self.sent_on,
            self.closed_on,
            self.created,
            utc_offset_minutes,
        )
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Activity {
    kind: InteractionKind,
    at: Millis,
    who: String,
}

/// What the reports read from one client document.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocFacts {
    /// A client's document (not a team document).
    client: bool,
    owner: String,
    created: Millis,
    activities: Vec<Activity>,
    contracts_signed: Vec<Option<Date>>,
    deals: Vec<DealFact>,
}

/// Per client document: the heads its facts were read at, and the facts.
pub(crate) type ActivityCache = BTreeMap<DocumentId, (Vec<automerge::ChangeHash>, DocFacts)>;

fn facts(doc: &automerge::Automerge) -> DocFacts {
    if entries::text(doc, &ROOT, "kind") != "client" {
        return DocFacts::default();
    }
    DocFacts {
        client: true,
        owner: owner_of(doc),
        created: entries::int(doc, &ROOT, "created"),
        activities: activities(doc),
        contracts_signed: crate::record::read_all::<_, Contract>(doc, &ROOT, Contract::COLLECTION)
            .into_iter()
            .map(|(_, _, c)| c.signed)
            .collect(),
        deals: deal_facts(doc),
    }
}

/// Every deal of a client document with the instant it was created: the timestamp of
/// the change whose operation made the deal's map (read only when there are deals).
fn deal_facts(doc: &automerge::Automerge) -> Vec<DealFact> {
    let deals = crate::record::read_all::<_, Deal>(doc, &ROOT, Deal::COLLECTION);
    if deals.is_empty() {
        return Vec::new();
    }
    let changes = doc.get_changes_meta(&[]);
    deals
        .into_iter()
        .map(|(_, obj, d)| {
            let created = match &obj {
                ObjId::Id(counter, actor, _) => changes
                    .iter()
                    .find(|c| {
                        c.actor.as_ref() == actor && c.start_op <= *counter && *counter <= c.max_op
                    })
                    .map_or(0, |c| c.timestamp.saturating_mul(1000)),
                ObjId::Root => 0,
            };
            let mut amount = Totals::default();
            match d.amount {
                Some(a) => amount.add(a),
                None => {
                    let lines: Vec<(String, Line)> = crate::record::read_all(doc, &obj, "lines")
                        .into_iter()
                        .map(|(i, _, l)| (i, l))
                        .collect();
                    amount.merge(&crate::order::lines_total(&lines));
                }
            }
            DealFact {
                stage: d.stage,
                sent_on: d.sent_on,
                closed_on: d.closed_on,
                created,
                amount,
            }
        })
        .collect()
}

/// Reads the few fields counting needs from every interaction of a document.
fn activities<R: ReadDoc>(doc: &R) -> Vec<Activity> {
    entries::all(doc, "interactions")
        .into_iter()
        .filter_map(|(_, obj)| {
            Some(Activity {
                kind: InteractionKind::from_key(&entries::text(doc, &obj, "kind"))?,
                at: entries::int(doc, &obj, "at"),
                who: entries::text(doc, &obj, "who"),
            })
        })
        .collect()
}

fn owner_of<R: ReadDoc>(doc: &R) -> String {
    entries::text(doc, &ROOT, "owner")
}

impl ClientBase {
    /// Runs `read` over the facts of every client document, re-reading a document only
    /// when its heads moved since it was last read.
    fn with_facts<T>(&self, read: impl FnOnce(&mut dyn Iterator<Item = &DocFacts>) -> T) -> T {
        let mut cache = self.activity_cache.borrow_mut();
        cache.retain(|id, _| self.docs.contains_key(id));
        for (id, doc) in &self.docs {
            if self.is_index(*id) {
                continue;
            }
            let heads = doc.get_heads();
            if cache.get(id).is_none_or(|(h, _)| *h != heads) {
                cache.insert(*id, (heads, facts(doc)));
            }
        }
        let mut it = cache
            .iter()
            .filter(|(id, _)| !self.is_index(**id))
            .map(|(_, (_, f))| f);
        read(&mut it)
    }

    /// A manager's targets from the plan document (defaults when not there).
    pub fn targets(&self, rep: &str) -> Targets {
        self.team_entity::<Manager>(rep)
            .map(|m| m.targets())
            .unwrap_or_default()
    }

    /// Interactions `rep` logged from `first` to `last` (local days).
    pub fn activity(
        &self,
        rep: &str,
        first: Date,
        last: Date,
        utc_offset_minutes: i32,
    ) -> ActivityCounts {
        let mut counts = ActivityCounts::default();
        self.with_facts(|all| {
            for f in all {
                for a in &f.activities {
                    let day = local_date(a.at, utc_offset_minutes);
                    if a.who == rep && day >= first && day <= last {
                        counts.count(a.kind);
                    }
                }
            }
        });
        counts
    }

    /// The day's activity of `rep` against his targets.
    pub fn daily_activity(&self, rep: &str, date: Date, utc_offset_minutes: i32) -> DailyActivity {
        let c = self.activity(rep, date, date, utc_offset_minutes);
        let t = self.targets(rep);
        DailyActivity {
            date,
            calls: Progress {
                done: c.calls,
                target: t.calls_per_day,
            },
            email_offers: Progress {
                done: c.email_offers,
                target: t.email_offers_per_day,
            },
            phone_offers: Progress {
                done: c.phone_offers,
                target: t.phone_offers_per_day,
            },
            visits: c.visits + c.meetings,
        }
    }

    /// Every receivable, from the index (archived clients included: their debt is
    /// still owed), sorted by due date. With `owner`, only that manager's clients.
    pub fn receivables(&self, owner: Option<&str>) -> Vec<Receivable> {
        let mut out: Vec<Receivable> = self.with_view(|v| {
            v.entries()
                .into_iter()
                .filter(|(_, e)| owner.is_none_or(|o| e.summary.owner == o))
                .flat_map(|(_, e)| e.receivables.clone())
                .collect()
        });
        out.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.id.cmp(&b.id)));
        out
    }

    /// Invoices owed and past due on `today`, the most overdue first.
    pub fn overdue_invoices(&self, owner: Option<&str>, today: Date) -> Vec<Receivable> {
        let mut out: Vec<Receivable> = self
            .receivables(owner)
            .into_iter()
            .filter(|r| r.days_overdue(today) > 0)
            .collect();
        out.sort_by_key(|r| std::cmp::Reverse(r.days_overdue(today)));
        out
    }

    /// Outstanding receivables on `on` by days overdue.
    pub fn ageing(&self, owner: Option<&str>, on: Date) -> Ageing {
        let mut a = Ageing::default();
        for r in self.receivables(owner) {
            let owed = r.outstanding(on);
            if owed.minor == 0 {
                continue;
            }
            let bucket = match r.days_overdue(on) {
                0 => &mut a.not_due,
                1..=30 => &mut a.days_0_30,
                31..=60 => &mut a.days_31_60,
                61..=90 => &mut a.days_61_90,
                _ => &mut a.days_90_plus,
            };
            bucket.add(owed);
        }
        a
    }

    /// A client's invoiced amounts by month (`YYYY-MM`), oldest first.
    pub fn sales_history(&self, client: DocumentId) -> Vec<(String, Totals)> {
        let mut months: BTreeMap<String, Totals> = BTreeMap::new();
        let receivables = self.with_view(|v| {
            v.entry(client)
                .map(|e| e.receivables.clone())
                .unwrap_or_default()
        });
        {
            for r in receivables {
                if !r.cancelled {
                    let key = format!("{:04}-{:02}", r.issued.year(), r.issued.month());
                    months.entry(key).or_default().add(r.amount);
                }
            }
        }
        months.into_iter().collect()
    }

    /// The deal funnel over every deal of the clients held (with `owner`, that manager's
    /// clients), whatever its dates.
    pub fn funnel(&self, owner: Option<&str>) -> Funnel {
        self.funnel_where(owner, |_| true)
    }

    /// The funnel of one month: the deals (of `owner`'s clients, or all) that reached
    /// their current stage within it ([`deal_day`]; the module docs' month rule).
    pub fn month_funnel(
        &self,
        owner: Option<&str>,
        year: u16,
        month: u8,
        utc_offset_minutes: i32,
    ) -> Funnel {
        let Some((first, last)) = month_bounds(year, month) else {
            return Funnel::from_stages(BTreeMap::new());
        };
        self.funnel_where(owner, |d| {
            d.day(utc_offset_minutes)
                .is_some_and(|day| day >= first && day <= last)
        })
    }

    fn funnel_where(&self, owner: Option<&str>, keep: impl Fn(&DealFact) -> bool) -> Funnel {
        let mut per: BTreeMap<DealStage, (u32, Totals)> = BTreeMap::new();
        self.with_facts(|all| {
            for f in all.filter(|f| f.client && owner.is_none_or(|o| f.owner == o)) {
                for d in f.deals.iter().filter(|d| keep(d)) {
                    let slot = per.entry(d.stage).or_default();
                    slot.0 += 1;
                    slot.1.merge(&d.amount);
                }
            }
        });
        Funnel::from_stages(per)
    }

    /// The monthly report of `rep`.
    pub fn monthly_report(
        &self,
        rep: &str,
        year: u16,
        month: u8,
        utc_offset_minutes: i32,
    ) -> Option<MonthlyReport> {
        let (first, last) = month_bounds(year, month)?;
        let in_month = |d: Option<Date>| d.is_some_and(|d| d >= first && d <= last);
        let targets = self.targets(rep);
        let activity = self.activity(rep, first, last, utc_offset_minutes);
        let (mut new_clients, mut contracts) = (0, 0);
        self.with_facts(|all| {
            for f in all.filter(|f| f.client && f.owner == rep) {
                if f.created != 0 && in_month(Some(local_date(f.created, utc_offset_minutes))) {
                    new_clients += 1;
                }
                contracts += f.contracts_signed.iter().filter(|d| in_month(**d)).count() as u32;
            }
        });
        let funnel = self.month_funnel(Some(rep), year, month, utc_offset_minutes);
        let mut turnover = Totals::default();
        let mut collected = Totals::default();
        let mut overdue = Totals::default();
        for r in self.receivables(Some(rep)) {
            if !r.cancelled && in_month(Some(r.issued)) {
                turnover.add(r.amount);
            }
            for (d, m) in &r.payments {
                if in_month(Some(*d)) {
                    collected.add(*m);
                }
            }
            if r.days_overdue(last) > 0 {
                overdue.add(r.outstanding(last));
            }
        }
        Some(MonthlyReport {
            rep: rep.to_owned(),
            year,
            month,
            calls: Progress {
                done: activity.calls,
                target: targets.calls_per_day * working_days(year, month),
            },
            activity,
            new_clients,
            new_contracts: Progress {
                done: contracts,
                target: targets.contracts_per_month,
            },
            deals_won: funnel.count(DealStage::Won),
            funnel,
            turnover,
            turnover_plan: targets.turnover_per_month,
            collected,
            overdue,
        })
    }

    /// Plan vs fact: the monthly report of every manager of the plan document (and of
    /// every other owner of a client), sorted by login, and the team's total turnover.
    pub fn plan_vs_fact(
        &self,
        year: u16,
        month: u8,
        utc_offset_minutes: i32,
    ) -> (Vec<MonthlyReport>, Totals) {
        let mut reps: Vec<String> = self
            .team_entities::<Manager>()
            .into_iter()
            .map(|(login, _)| login)
            .collect();
        for s in self.summaries() {
            if !s.owner.is_empty() && !reps.contains(&s.owner) {
                reps.push(s.owner);
            }
        }
        reps.sort();
        let reports: Vec<MonthlyReport> = reps
            .iter()
            .filter_map(|r| self.monthly_report(r, year, month, utc_offset_minutes))
            .collect();
        let mut total = Totals::default();
        for r in &reports {
            total.merge(&r.turnover);
        }
        (reports, total)
    }
}

/// A payment's mirrored amount and date.
type PaymentKeys = (Option<Money>, Option<Date>);

/// The invoices and payments mirrored in one index entry.
pub(crate) fn read_receivables<R: ReadDoc>(
    index: &R,
    entry: &ObjId,
    client: DocumentId,
) -> Vec<Receivable> {
    let name = entries::text(index, entry, "name");
    let mut invoices: BTreeMap<String, BTreeMap<String, automerge::ScalarValue>> = BTreeMap::new();
    let end = format!("{};", INVOICE_PREFIX.trim_end_matches(':'));
    for item in index.map_range(entry, INVOICE_PREFIX.to_owned()..end) {
        let Some((id, what)) = item.key[INVOICE_PREFIX.len()..].rsplit_once(':') else {
            continue;
        };
        if let Some(s) = item.value.into_value().as_scalar() {
            invoices
                .entry(id.to_owned())
                .or_default()
                .insert(what.to_owned(), s.clone());
        }
    }
    // invoice → payment → (amount, date)
    let mut payments: BTreeMap<String, BTreeMap<String, PaymentKeys>> = BTreeMap::new();
    let end = format!("{};", PAYMENT_PREFIX.trim_end_matches(':'));
    for item in index.map_range(entry, PAYMENT_PREFIX.to_owned()..end) {
        let rest = &item.key[PAYMENT_PREFIX.len()..];
        let mut parts = rest.rsplitn(3, ':');
        let (Some(what), Some(pid), Some(inv)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let value = item.value.into_value();
        let slot = payments
            .entry(inv.to_owned())
            .or_default()
            .entry(pid.to_owned())
            .or_default();
        match what {
            "amount" => slot.0 = Money::from_value(&value),
            "date" => slot.1 = Date::from_value(&value),
            _ => {}
        }
    }
    invoices
        .into_iter()
        .filter_map(|(id, f)| {
            let get = |k: &str| {
                f.get(k)
                    .map(|s| automerge::Value::Scalar(std::borrow::Cow::Borrowed(s)))
            };
            let amount = get("amount").and_then(|v| Money::from_value(&v))?;
            let issued = get("issued").and_then(|v| Date::from_value(&v))?;
            let due = get("due").and_then(|v| Date::from_value(&v))?;
            let mut paid: Vec<(Date, Money)> = payments
                .get(&id)
                .map(|p| {
                    p.values()
                        .filter_map(|(m, d)| Some(((*d)?, (*m)?)))
                        .collect()
                })
                .unwrap_or_default();
            paid.sort_by_key(|(d, _)| *d);
            Some(Receivable {
                client,
                client_name: name.clone(),
                number: get("number")
                    .and_then(|v| String::from_value(&v))
                    .unwrap_or_default(),
                cancelled: get("cancelled")
                    .and_then(|v| bool::from_value(&v))
                    .unwrap_or(false),
                amount,
                issued,
                due,
                payments: paid,
                id,
            })
        })
        .collect()
}

/// Invoices read from the client's own document (the index mirror is derived from
/// these): used to check the mirror in tests and to rebuild it.
impl ClientBase {
    /// The receivables of one client read from its own document.
    pub fn client_receivables(&self, client: DocumentId) -> Vec<Receivable> {
        let Ok(doc) = self.client_doc(client) else {
            return Vec::new();
        };
        let name = entries::text(doc, &ROOT, "name");
        crate::record::read_all::<_, Invoice>(doc, &ROOT, Invoice::COLLECTION)
            .into_iter()
            .filter_map(|(id, obj, inv)| {
                let mut payments: Vec<(Date, Money)> =
                    crate::record::read_all::<_, crate::invoice::Payment>(doc, &obj, "payments")
                        .into_iter()
                        .filter_map(|(_, _, p)| Some((p.date?, p.amount?)))
                        .collect();
                payments.sort_by_key(|(d, _)| *d);
                Some(Receivable {
                    client,
                    client_name: name.clone(),
                    number: inv.number.clone(),
                    amount: inv.amount?,
                    issued: inv.issued?,
                    due: inv.due?,
                    cancelled: inv.cancelled,
                    payments,
                    id,
                })
            })
            .collect()
    }
}
