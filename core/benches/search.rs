//! Search as you type over 10,000 generated clients (names in en, ru, cs, ko, pt, nb),
//! one contact each, against a baseline measured in the same run: a naive linear
//! `to_lowercase().contains` scan over plain structs (which, unlike the index, ignores
//! neither diacritics nor word boundaries). Target: ≤ 5 ms per keystroke.
//!
//! `cargo bench -p fieldbase-core --bench search -- --quick`

use std::{collections::BTreeMap, hint::black_box};

use criterion::{Criterion, criterion_group, criterion_main};
use fieldbase_core::{
    ClientStatus, ClientSummary, DocumentId, SearchIndex, contact::ContactSummary,
};

const CLIENTS: usize = 10_000;

const FIRST: [&[&str]; 6] = [
    &["John", "Emily", "Michael", "Sarah", "David", "Olivia"],
    &["Иван", "Ольга", "Сергей", "Наталья", "Алексей", "Фёдор"],
    &["Jiří", "Kateřina", "Tomáš", "Lucie", "Petr", "Růžena"],
    &["민준", "서연", "지호", "하은", "도윤", "수아"],
    &["João", "Maria", "Antônio", "Ana", "Sebastião", "Conceição"],
    &["Øystein", "Ingrid", "Håkon", "Solveig", "Bjørn", "Åse"],
];
const LAST: [&[&str]; 6] = [
    &["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke"],
    &[
        "Петров",
        "Смирнов",
        "Кузнецов",
        "Соловьёв",
        "Попова",
        "Волков",
    ],
    &["Dvořák", "Novák", "Černý", "Procházka", "Kučera", "Veselý"],
    &["김", "이", "박", "최", "정", "강"],
    &[
        "Silva",
        "Santos",
        "Gonçalves",
        "Pereira",
        "Araújo",
        "Fernandes",
    ],
    &[
        "Hansen",
        "Johansen",
        "Sørensen",
        "Bråten",
        "Østby",
        "Dæhlie",
    ],
];
const FIRM: [&[&str]; 6] = [
    &["Trading Ltd", "Supplies Inc", "Logistics", "Foods"],
    &["Торговый дом", "Снабжение", "Логистика", "Продукты"],
    &["s.r.o.", "a syn", "Řeznictví", "Stavebniny"],
    &["상사", "유통", "물산", "식품"],
    &["Ltda.", "Comércio", "Distribuição", "Alimentos"],
    &["AS", "Handel", "Transport", "Bakeri"],
];
const COUNTRY: [&str; 6] = ["1", "7", "420", "82", "55", "47"];

/// A deterministic pseudo-random sequence (no randomness the crate was not handed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next() % from.len()]
    }
}

struct Generated {
    summaries: Vec<ClientSummary>,
    contacts: BTreeMap<DocumentId, Vec<ContactSummary>>,
}

fn generate() -> Generated {
    let mut rng = Lcg(42);
    let mut summaries = Vec::with_capacity(CLIENTS);
    let mut contacts = BTreeMap::new();
    for n in 0..CLIENTS {
        let lang = n % 6;
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&(n as u64).to_le_bytes());
        let id = DocumentId::from_bytes(bytes);
        let name = if lang == 3 {
            format!(
                "{}{} {}",
                rng.pick(LAST[lang]),
                rng.pick(FIRST[lang]),
                rng.pick(FIRM[lang])
            )
        } else {
            format!(
                "{} {} {}",
                rng.pick(LAST[lang]),
                rng.pick(FIRM[lang]),
                n % 97
            )
        };
        let phone = format!("+{}{:09}", COUNTRY[lang], rng.next() % 1_000_000_000);
        let email = format!("info{n}@firma{}.example", n % 50);
        summaries.push(ClientSummary {
            id,
            name,
            phone,
            email,
            status: ClientStatus::Active,
            archived: false,
            segment: Default::default(),
            owner: String::new(),
            rating: Default::default(),
            next_step: String::new(),
            next_step_date: None,
            restricted: false,
            tags: Vec::new(),
            event: String::new(),
        });
        contacts.insert(
            id,
            vec![ContactSummary {
                id: "c1".into(),
                name: format!("{} {}", rng.pick(FIRST[lang]), rng.pick(LAST[lang])),
                phones: vec![format!(
                    "+{}{:09}",
                    COUNTRY[lang],
                    rng.next() % 1_000_000_000
                )],
                emails: vec![format!("person{n}@firma{}.example", n % 50)],
                archived: false,
            }],
        );
    }
    Generated {
        summaries,
        contacts,
    }
}

/// Every prefix of each of these, as a person types them: one query per keystroke.
const TYPED: [&str; 7] = [
    "dvořák",
    "петров",
    "김민",
    "joão silva",
    "sørensen",
    "601 12",
    "firma7",
];

fn keystrokes() -> Vec<String> {
    TYPED
        .iter()
        .flat_map(|word| {
            word.char_indices()
                .map(|(i, c)| word[..i + c.len_utf8()].to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The baseline's plain struct.
struct Plain {
    name: String,
    phone: String,
    email: String,
    contact: String,
}

fn naive(plain: &[Plain], query: &str) -> usize {
    let q = query.to_lowercase();
    plain
        .iter()
        .filter(|p| {
            p.name.to_lowercase().contains(&q)
                || p.contact.to_lowercase().contains(&q)
                || p.phone.contains(&q)
                || p.email.to_lowercase().contains(&q)
        })
        .count()
}

fn bench(c: &mut Criterion) {
    let data = generate();
    let keys = keystrokes();
    let plain: Vec<Plain> = data
        .summaries
        .iter()
        .map(|s| Plain {
            name: s.name.clone(),
            phone: s.phone.clone(),
            email: s.email.clone(),
            contact: data.contacts[&s.id][0].name.clone(),
        })
        .collect();
    let index = SearchIndex::new(&data.summaries, &data.contacts);
    eprintln!(
        "{} clients, {} keystrokes per iteration; divide the times by {} for one keystroke",
        index.len(),
        keys.len(),
        keys.len()
    );

    let mut group = c.benchmark_group("search_10k");
    group.bench_function("build_index", |b| {
        b.iter(|| SearchIndex::new(black_box(&data.summaries), black_box(&data.contacts)))
    });
    group.bench_function("index_all_keystrokes", |b| {
        b.iter(|| {
            keys.iter()
                .map(|k| index.search(black_box(k), 50).len())
                .sum::<usize>()
        })
    });
    group.bench_function("baseline_naive_all_keystrokes", |b| {
        b.iter(|| {
            keys.iter()
                .map(|k| naive(&plain, black_box(k)))
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
