//! Property: three replicas apply random sequences of edits (add client, edit a field,
//! archive, add contact, add phone, log an interaction with or without a next step, add,
//! complete and reschedule a task, tag, type into the notes, record a payment, set the
//! price type), merging now and then, and are finally merged in a
//! random order. They end identical, and no edit is lost: every client, contact, phone,
//! interaction, task, tag, payment and typed character is there, a task completed anywhere is done and keeps any
//! reschedule made concurrently, and for every field the winner plus the conflicts are
//! exactly the writes no later write (on a replica that had seen them) overwrote.

use std::collections::{BTreeMap, BTreeSet};

use fieldbase_core::{
    Author, ClientBase, ClientDraft, ClientPatch, ClientStatus, ContactDraft, ContactPatch,
    Currency, Date, Direction, DocumentId, InteractionDraft, InteractionKind, Invoice, Money,
    NextStep, Outcome, Payment, Priority, TaskDraft, TaskKind, TaskStatus, automerge::ActorId,
};
use proptest::prelude::*;

const REPLICAS: usize = 3;
const FIELDS: [&str; 4] = ["name", "phone", "email", "status"];
const NAMES: [&str; 4] = ["Alfa", "Фёдоров и партнёры", "김씨네 가게", "São João"];
const PHONES: [&str; 4] = [
    "+420601123456",
    "+4722334455",
    "+5511987654321",
    "+82212345678",
];
const EMAILS: [&str; 3] = ["a@alfa.cz", "info@firma.no", "kim@gage.kr"];

#[derive(Debug, Clone)]
enum Op {
    AddClient {
        name: usize,
    },
    EditClient {
        client: usize,
        field: usize,
        value: usize,
    },
    Archive {
        client: usize,
    },
    AddContact {
        client: usize,
        name: usize,
    },
    AddPhone {
        contact: usize,
        phone: usize,
    },
    MergeFrom {
        other: usize,
    },
    LogInteraction {
        client: usize,
        next_step: bool,
    },
    AddTask {
        client: usize,
        day: u8,
    },
    CompleteTask {
        task: usize,
    },
    RescheduleTask {
        task: usize,
        day: u8,
    },
    AddTag {
        client: usize,
        tag: usize,
    },
    TypeNotes {
        client: usize,
        at: usize,
        word: usize,
    },
    AddPayment {
        client: usize,
        amount: u16,
    },
    SetPriceType {
        client: usize,
        value: usize,
    },
}

const TAGS: [&str; 3] = ["export", "пекарня", "vip"];
const WORDS: [&str; 4] = ["rye ", "žito ", "호밀 ", "рожь "];
const PRICE_TYPES: [&str; 3] = ["retail", "wholesale", "vip"];

/// The day a task is due: 2028-02-25 plus `day` days (across 29 February).
fn day(day: u8) -> Date {
    Date::new(2028, 2, 25)
        .unwrap()
        .add_days(i64::from(day))
        .unwrap()
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (0..NAMES.len()).prop_map(|name| Op::AddClient { name }),
        4 => (any::<usize>(), 0..FIELDS.len(), any::<usize>())
            .prop_map(|(client, field, value)| Op::EditClient { client, field, value }),
        1 => any::<usize>().prop_map(|client| Op::Archive { client }),
        2 => (any::<usize>(), 0..NAMES.len()).prop_map(|(client, name)| Op::AddContact { client, name }),
        2 => (any::<usize>(), 0..PHONES.len())
            .prop_map(|(contact, phone)| Op::AddPhone { contact, phone }),
        1 => (0..REPLICAS).prop_map(|other| Op::MergeFrom { other }),
        2 => (any::<usize>(), any::<bool>())
            .prop_map(|(client, next_step)| Op::LogInteraction { client, next_step }),
        2 => (any::<usize>(), 0..8u8).prop_map(|(client, day)| Op::AddTask { client, day }),
        2 => any::<usize>().prop_map(|task| Op::CompleteTask { task }),
        2 => (any::<usize>(), 0..8u8).prop_map(|(task, day)| Op::RescheduleTask { task, day }),
        2 => (any::<usize>(), 0..TAGS.len()).prop_map(|(client, tag)| Op::AddTag { client, tag }),
        2 => (any::<usize>(), any::<usize>(), 0..WORDS.len())
            .prop_map(|(client, at, word)| Op::TypeNotes { client, at, word }),
        2 => (any::<usize>(), 1..1000u16).prop_map(|(client, amount)| Op::AddPayment { client, amount }),
        1 => (any::<usize>(), 0..PRICE_TYPES.len())
            .prop_map(|(client, value)| Op::SetPriceType { client, value }),
    ]
}

fn value(field: usize, n: usize) -> String {
    match FIELDS[field] {
        "name" => NAMES[n % NAMES.len()].to_string(),
        "phone" => PHONES[n % PHONES.len()].to_string(),
        "email" => EMAILS[n % EMAILS.len()].to_string(),
        _ => ClientStatus::ALL[n % ClientStatus::ALL.len()]
            .key()
            .to_string(),
    }
}

fn patch(field: usize, v: &str) -> ClientPatch {
    let mut p = ClientPatch::default();
    match FIELDS[field] {
        "name" => p.name = Some(v.into()),
        "phone" => p.phone = Some(v.into()),
        "email" => p.email = Some(v.into()),
        _ => {
            p.status = Some(v.parse().unwrap());
            // A lost client needs a reason; the model does not track it.
            if v == "lost" {
                p.lost_reason = Some("went to a competitor".into());
            }
        }
    }
    p
}

/// A write of one field: its unique dot and value, and the dots it overwrote.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Write {
    dot: (usize, usize),
    value: String,
    overwrote: BTreeSet<(usize, usize)>,
}

/// A replica's model of every field: a multi-value register per (client, field).
#[derive(Debug, Clone, Default)]
struct Model {
    live: BTreeMap<(DocumentId, usize), BTreeSet<Write>>,
    seen: BTreeMap<(DocumentId, usize), BTreeSet<(usize, usize)>>,
}

impl Model {
    fn write(&mut self, key: (DocumentId, usize), dot: (usize, usize), value: String) {
        let seen = self.seen.entry(key).or_default();
        let overwrote = seen.clone();
        seen.insert(dot);
        self.live.insert(
            key,
            BTreeSet::from([Write {
                dot,
                value,
                overwrote,
            }]),
        );
    }

    fn merge(&mut self, other: &Model) {
        for (key, theirs) in &other.live {
            let ours = self.live.entry(*key).or_default();
            let all: BTreeSet<Write> = ours.union(theirs).cloned().collect();
            let overwritten: BTreeSet<(usize, usize)> = all
                .iter()
                .flat_map(|w| w.overwrote.iter().copied())
                .collect();
            *ours = all
                .into_iter()
                .filter(|w| !overwritten.contains(&w.dot))
                .collect();
        }
        for (key, theirs) in &other.seen {
            self.seen.entry(*key).or_default().extend(theirs);
        }
    }
}

fn author(r: usize, at: usize) -> Author {
    Author {
        who: format!("rep{r}/device"),
        at: at as i64,
    }
}

fn held_clients(base: &ClientBase) -> Vec<DocumentId> {
    base.summaries()
        .into_iter()
        .map(|s| s.id)
        .filter(|id| base.doc(*id).is_some_and(|d| !d.get_heads().is_empty()))
        .collect()
}

fn run(steps: Vec<(usize, Op)>, early_merges: Vec<(usize, usize)>, order: Vec<usize>) {
    let index_id = DocumentId::from_bytes([0; 16]);
    let mut bases: Vec<ClientBase> = (0..REPLICAS)
        .map(|r| ClientBase::new(index_id, ActorId::from([r as u8 + 1; 16])))
        .collect();
    let mut models = vec![Model::default(); REPLICAS];
    let mut clients_added = BTreeSet::new();
    let mut archived = BTreeSet::new();
    let mut contacts_added: BTreeMap<(DocumentId, String), String> = BTreeMap::new();
    let mut phones_added: BTreeMap<(DocumentId, String), BTreeSet<String>> = BTreeMap::new();
    let mut interactions_added: BTreeSet<(DocumentId, String)> = BTreeSet::new();
    // Every task added, with the day it was added for and the days it was moved to.
    let mut tasks_added: BTreeMap<(DocumentId, String), (Date, BTreeSet<Date>)> = BTreeMap::new();
    let mut completed: BTreeSet<(DocumentId, String)> = BTreeSet::new();
    let mut tags_added: BTreeMap<DocumentId, BTreeSet<String>> = BTreeMap::new();
    let mut typed: BTreeMap<DocumentId, Vec<char>> = BTreeMap::new();
    let mut payments_added: BTreeMap<DocumentId, BTreeSet<String>> = BTreeMap::new();

    for (seq, (r, op)) in steps.into_iter().enumerate() {
        let who = author(r, seq);
        match op {
            Op::AddClient { name } => {
                let mut bytes = [0u8; 16];
                bytes[0] = r as u8 + 1;
                bytes[1..9].copy_from_slice(&(seq as u64).to_le_bytes());
                let id = DocumentId::from_bytes(bytes);
                let draft = ClientDraft {
                    name: NAMES[name].into(),
                    ..Default::default()
                };
                bases[r].add_client(id, &draft, &who).unwrap();
                let invoice = Invoice {
                    number: format!("F{seq}"),
                    amount: Some(Money::new(100_000, Currency::NOK)),
                    issued: Some(day(0)),
                    due: Some(day(7)),
                    ..Default::default()
                };
                bases[r].add_entity(id, "inv", &invoice, &who).unwrap();
                clients_added.insert(id);
                let initial = [
                    NAMES[name].to_string(),
                    String::new(),
                    String::new(),
                    "prospect".into(),
                ];
                for (field, v) in initial.into_iter().enumerate() {
                    models[r].write((id, field), (r, seq * 10 + field), v);
                }
            }
            Op::EditClient {
                client,
                field,
                value: n,
            } => {
                let held = held_clients(&bases[r]);
                if held.is_empty() {
                    continue;
                }
                let id = held[client % held.len()];
                let v = value(field, n);
                let unchanged = field_value(&bases[r], id, field) == v
                    && bases[r].conflicts(id, FIELDS[field]).is_empty();
                bases[r].edit_client(id, &patch(field, &v), &who).unwrap();
                // Writing the value a field already holds, without a conflict, is no
                // change (Automerge writes no operation), so it overwrites nothing.
                if !unchanged {
                    models[r].write((id, field), (r, seq * 10), v);
                }
            }
            Op::Archive { client } => {
                let held = held_clients(&bases[r]);
                if held.is_empty() {
                    continue;
                }
                let id = held[client % held.len()];
                bases[r].archive_client(id, &who).unwrap();
                archived.insert(id);
            }
            Op::AddContact { client, name } => {
                let held = held_clients(&bases[r]);
                if held.is_empty() {
                    continue;
                }
                let id = held[client % held.len()];
                let contact_id = format!("r{r}-{seq}");
                let draft = ContactDraft {
                    name: NAMES[name].into(),
                    ..Default::default()
                };
                bases[r].add_contact(id, &contact_id, &draft, &who).unwrap();
                contacts_added.insert((id, contact_id.clone()), NAMES[name].into());
                phones_added.insert((id, contact_id), BTreeSet::new());
            }
            Op::AddPhone { contact, phone } => {
                let with_contacts: Vec<(DocumentId, String)> = held_clients(&bases[r])
                    .into_iter()
                    .flat_map(|id| bases[r].contacts(id).into_iter().map(move |c| (id, c.id)))
                    .collect();
                if with_contacts.is_empty() {
                    continue;
                }
                let (id, contact_id) = with_contacts[contact % with_contacts.len()].clone();
                let patch = ContactPatch {
                    add_phones: vec![PHONES[phone].into()],
                    ..Default::default()
                };
                bases[r]
                    .edit_contact(id, &contact_id, &patch, &who)
                    .unwrap();
                phones_added
                    .get_mut(&(id, contact_id))
                    .unwrap()
                    .insert(PHONES[phone].into());
            }
            Op::MergeFrom { other } => {
                if other != r {
                    merge(&mut bases, &mut models, r, other);
                }
            }
            Op::LogInteraction { client, next_step } => {
                let held = held_clients(&bases[r]);
                if held.is_empty() {
                    continue;
                }
                let id = held[client % held.len()];
                let iid = format!("i{r}-{seq}");
                let tid = format!("n{r}-{seq}");
                let draft = InteractionDraft {
                    kind: InteractionKind::Call,
                    direction: Direction::Out,
                    at: seq as i64,
                    time_zone: "Europe/Oslo".into(),
                    duration_secs: 60,
                    outcome: Outcome::CallBack,
                    summary: format!("call {seq}"),
                    who: "rep".into(),
                    contact: None,
                    event: None,
                    next_step: next_step.then(|| NextStep {
                        task_id: tid.clone(),
                        kind: TaskKind::Call,
                        due: day(0),
                        time: None,
                        note: String::new(),
                    }),
                };
                bases[r].log_interaction(id, &iid, &draft, &who).unwrap();
                interactions_added.insert((id, iid));
                if next_step {
                    tasks_added.insert((id, tid), (day(0), BTreeSet::new()));
                }
            }
            Op::AddTask { client, day: d } => {
                let held = held_clients(&bases[r]);
                if held.is_empty() {
                    continue;
                }
                let id = held[client % held.len()];
                let tid = format!("t{r}-{seq}");
                let draft = TaskDraft {
                    kind: if d % 2 == 0 {
                        TaskKind::Call
                    } else {
                        TaskKind::Visit
                    },
                    due: day(d),
                    time: None,
                    contact: None,
                    priority: Priority::Normal,
                    assignee: "rep".into(),
                    note: String::new(),
                };
                bases[r].add_task(id, &tid, &draft, &who).unwrap();
                tasks_added.insert((id, tid), (day(d), BTreeSet::new()));
            }
            Op::AddTag { client, tag } => {
                let held = held_clients(&bases[r]);
                if held.is_empty() {
                    continue;
                }
                let id = held[client % held.len()];
                bases[r].add_tag(id, TAGS[tag], &who).unwrap();
                tags_added.entry(id).or_default().insert(TAGS[tag].into());
            }
            Op::TypeNotes { client, at, word } => {
                let held = held_clients(&bases[r]);
                if held.is_empty() {
                    continue;
                }
                let id = held[client % held.len()];
                let notes: Vec<char> = bases[r].notes(id).chars().collect();
                let at = at % (notes.len() + 1);
                let mut new: String = notes[..at].iter().collect();
                new.push_str(WORDS[word]);
                new.extend(&notes[at..]);
                bases[r].set_notes(id, &new, &who).unwrap();
                typed.entry(id).or_default().extend(WORDS[word].chars());
            }
            Op::AddPayment { client, amount } => {
                let held = held_clients(&bases[r]);
                if held.is_empty() {
                    continue;
                }
                let id = held[client % held.len()];
                let pid = format!("p{r}-{seq}");
                let payment = Payment {
                    amount: Some(Money::new(i64::from(amount), Currency::NOK)),
                    date: Some(day(1)),
                    note: String::new(),
                };
                bases[r]
                    .put_item::<Invoice, Payment>(id, "inv", &pid, &payment, &who)
                    .unwrap();
                payments_added.entry(id).or_default().insert(pid);
            }
            Op::SetPriceType { client, value } => {
                let held = held_clients(&bases[r]);
                if held.is_empty() {
                    continue;
                }
                let id = held[client % held.len()];
                let mut details = bases[r].details(id);
                details.price_type = PRICE_TYPES[value].into();
                bases[r].set_details(id, &details, &who).unwrap();
            }
            Op::CompleteTask { task } | Op::RescheduleTask { task, .. } => {
                let tasks: Vec<(DocumentId, String)> = held_clients(&bases[r])
                    .into_iter()
                    .flat_map(|id| bases[r].tasks(id).into_iter().map(move |t| (id, t.id)))
                    .collect();
                if tasks.is_empty() {
                    continue;
                }
                let (id, tid) = tasks[task % tasks.len()].clone();
                if let Op::RescheduleTask { day: d, .. } = op {
                    bases[r]
                        .reschedule_task(id, &tid, day(d), None, &who)
                        .unwrap();
                    tasks_added.get_mut(&(id, tid)).unwrap().1.insert(day(d));
                } else {
                    bases[r].complete_task(id, &tid, &who).unwrap();
                    completed.insert((id, tid));
                }
            }
        }
    }

    // Final merges: a few in any order, then all into one replica chosen by `order`,
    // and that one into the others.
    for (dst, src) in early_merges {
        if dst != src {
            merge(&mut bases, &mut models, dst, src);
        }
    }
    let hub = order[0];
    for &r in &order[1..] {
        merge(&mut bases, &mut models, hub, r);
    }
    for &r in &order[1..] {
        merge(&mut bases, &mut models, r, hub);
    }

    // The index view (parsed incrementally, core/src/view.rs) matches a view parsed from
    // scratch: a fresh replica that merges everything reads the same lists.
    for base in &bases {
        let mut fresh = ClientBase::new(base.index_id(), ActorId::from([99u8; 16]));
        fresh.merge(base).unwrap();
        assert_eq!(fresh.summaries(), base.summaries(), "incremental summaries");
        assert_eq!(fresh.contact_summaries(), base.contact_summaries());
        assert_eq!(fresh.receivables(None), base.receivables(None));
        let day = Date::new(2028, 2, 27).unwrap();
        assert_eq!(
            fresh.today("rep", day),
            base.today("rep", day),
            "incremental Today"
        );
    }

    // All identical.
    let first = &bases[0];
    for other in &bases[1..] {
        assert_eq!(first.summaries(), other.summaries());
        assert_eq!(first.contact_summaries(), other.contact_summaries());
        for s in first.summaries() {
            assert_eq!(first.client(s.id), other.client(s.id));
            assert_eq!(first.contacts(s.id), other.contacts(s.id));
            assert_eq!(first.interactions(s.id), other.interactions(s.id));
            assert_eq!(first.tasks(s.id), other.tasks(s.id));
            for field in FIELDS {
                assert_eq!(first.conflicts(s.id, field), other.conflicts(s.id, field));
            }
            assert_eq!(first.details(s.id), other.details(s.id));
            assert_eq!(
                first.details_conflicts(s.id, "price_type"),
                other.details_conflicts(s.id, "price_type")
            );
            assert_eq!(first.card_collections(s.id), other.card_collections(s.id));
            assert_eq!(first.notes(s.id), other.notes(s.id));
            assert_eq!(
                first.client_receivables(s.id),
                other.client_receivables(s.id)
            );
        }
    }

    // Nothing lost.
    let model = &models[hub];
    let listed: BTreeSet<DocumentId> = first.summaries().into_iter().map(|s| s.id).collect();
    assert_eq!(listed, clients_added, "every added client, and only those");
    for &id in &clients_added {
        let card = first.client(id).unwrap();
        assert_eq!(card.archived, archived.contains(&id));
        for (field, name) in FIELDS.iter().enumerate() {
            let winner = field_value(first, id, field);
            let mut got = first.conflicts(id, name);
            got.push(winner);
            got.sort();
            let mut want: Vec<String> = model.live[&(id, field)]
                .iter()
                .map(|w| w.value.clone())
                .collect();
            want.sort();
            assert_eq!(got, want, "client {id} field {name}: winner + conflicts");
        }
        let contacts = first.contacts(id);
        for ((cid, contact_id), contact_name) in &contacts_added {
            if *cid != id {
                continue;
            }
            let c = contacts
                .iter()
                .find(|c| &c.id == contact_id)
                .unwrap_or_else(|| panic!("contact {contact_id} of {id} lost"));
            assert_eq!(&c.name, contact_name);
            let phones: BTreeSet<String> = c.phones.iter().cloned().collect();
            assert_eq!(phones, phones_added[&(id, contact_id.clone())]);
        }
        let expected = contacts_added.keys().filter(|(c, _)| *c == id).count();
        assert_eq!(contacts.len(), expected);

        let interactions: BTreeSet<(DocumentId, String)> = first
            .interactions(id)
            .into_iter()
            .map(|i| (id, i.id))
            .collect();
        let want: BTreeSet<(DocumentId, String)> = interactions_added
            .iter()
            .filter(|(c, _)| *c == id)
            .cloned()
            .collect();
        assert_eq!(
            interactions, want,
            "every interaction of {id}, and only those"
        );
        let tags: BTreeSet<String> = first.card_collections(id).tags.into_iter().collect();
        assert_eq!(
            tags,
            tags_added.get(&id).cloned().unwrap_or_default(),
            "every tag of {id}"
        );
        let mut notes: Vec<char> = first.notes(id).chars().collect();
        let mut want_chars = typed.get(&id).cloned().unwrap_or_default();
        notes.sort_unstable();
        want_chars.sort_unstable();
        assert_eq!(
            notes, want_chars,
            "every character typed into the notes of {id}"
        );
        let receivables = first.client_receivables(id);
        assert_eq!(receivables.len(), 1);
        let paid = receivables[0].payments.len();
        let want_paid = payments_added.get(&id).map_or(0, BTreeSet::len);
        assert_eq!(paid, want_paid, "every payment of {id}");

        let tasks = first.tasks(id);
        let want = tasks_added.keys().filter(|(c, _)| *c == id).count();
        assert_eq!(tasks.len(), want, "every task of {id}");
        for t in tasks {
            let key = (id, t.id.clone());
            let (added, moved) = &tasks_added[&key];
            let done = completed.contains(&key);
            assert_eq!(t.status == TaskStatus::Done, done, "task {} status", t.id);
            if moved.is_empty() {
                assert_eq!(t.due, *added, "task {} due", t.id);
            } else {
                assert!(moved.contains(&t.due), "task {} moved to {}", t.id, t.due);
            }
        }
    }

    // Today reads the index alone and agrees with the cards: the open tasks, each due
    // on a day it was added for or moved to.
    let today = first.today("rep", Date::new(2099, 1, 1).unwrap());
    let open_index: BTreeSet<(DocumentId, String)> = today
        .overdue
        .iter()
        .map(|t| (t.client, t.id.clone()))
        .collect();
    let open_cards: BTreeSet<(DocumentId, String)> = tasks_added
        .keys()
        .filter(|k| !completed.contains(k) && !archived.contains(&k.0))
        .cloned()
        .collect();
    assert_eq!(open_index, open_cards, "Today lists the open tasks");
    for t in &today.overdue {
        let (added, moved) = &tasks_added[&(t.client, t.id.clone())];
        assert!(
            if moved.is_empty() {
                t.due == *added
            } else {
                moved.contains(&t.due)
            },
            "index due of {}",
            t.id
        );
    }

    // Once every replica has reconciled its index with its cards and all have merged
    // again, the list shows exactly what the cards show, everywhere.
    for (r, base) in bases.iter_mut().enumerate() {
        for &id in &clients_added {
            base.reconcile_summary(id, &author(r, 10_000)).unwrap();
        }
    }
    for &r in &order[1..] {
        let (d, s) = pair(&mut bases, hub, r);
        d.merge(s).unwrap();
    }
    for &r in &order[1..] {
        let (d, s) = pair(&mut bases, r, hub);
        d.merge(s).unwrap();
    }
    for base in &bases {
        for s in base.summaries() {
            let card = base.client(s.id).unwrap();
            assert_eq!(
                (&s.name, &s.phone, &s.email, s.status, s.archived),
                (
                    &card.name,
                    &card.phone,
                    &card.email,
                    card.status,
                    card.archived
                ),
                "the list and the card of {} agree",
                s.id
            );
        }
        assert_eq!(base.summaries(), bases[hub].summaries());
        let mut from_cards: Vec<_> = clients_added
            .iter()
            .flat_map(|id| base.client_receivables(*id))
            .collect();
        from_cards.sort_by(|a, b| (a.due, &a.id, a.client).cmp(&(b.due, &b.id, b.client)));
        let mut from_index = base.receivables(None);
        from_index.sort_by(|a, b| (a.due, &a.id, a.client).cmp(&(b.due, &b.id, b.client)));
        assert_eq!(
            from_index, from_cards,
            "receivables in the index match the cards"
        );
        // And Today shows each open task on the day its card shows.
        let today = base.today("rep", Date::new(2099, 1, 1).unwrap());
        for t in &today.overdue {
            let card = base.tasks(t.client);
            let c = card.iter().find(|c| c.id == t.id).unwrap();
            assert_eq!(
                (t.due, c.status),
                (c.due, TaskStatus::Open),
                "task {}",
                t.id
            );
        }
    }
}

/// The value a client's field shows on a replica.
fn field_value(base: &ClientBase, id: DocumentId, field: usize) -> String {
    let card = base.client(id).unwrap();
    match FIELDS[field] {
        "name" => card.name,
        "phone" => card.phone,
        "email" => card.email,
        _ => card.status.key().to_string(),
    }
}

/// Merges replica `src` (documents and model) into replica `dst`.
fn merge(bases: &mut [ClientBase], models: &mut [Model], dst: usize, src: usize) {
    let (d, s) = pair(bases, dst, src);
    d.merge(s).unwrap();
    let (d, s) = pair(models, dst, src);
    d.merge(s);
}

fn pair<T>(items: &mut [T], dst: usize, src: usize) -> (&mut T, &T) {
    assert_ne!(dst, src);
    if dst < src {
        let (a, b) = items.split_at_mut(src);
        (&mut a[dst], &b[0])
    } else {
        let (a, b) = items.split_at_mut(dst);
        (&mut b[0], &a[src])
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn replicas_converge_and_lose_nothing(
        steps in prop::collection::vec((0..REPLICAS, op()), 1..40),
        early_merges in prop::collection::vec((0..REPLICAS, 0..REPLICAS), 0..4),
        order in Just(vec![0usize, 1, 2]).prop_shuffle(),
    ) {
        run(steps, early_merges, order);
    }
}
