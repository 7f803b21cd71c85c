//! A deterministic generator of a realistic client base, for benchmarks, demos and tests.
//!
//! [`generate`] builds a whole team's base from a [`SampleSpec`] through the public
//! [`ClientBase`] API alone (the same validation and Automerge writes a rep's edits go
//! through): clients with their card details, owners, segments, tags and commercial
//! terms; contacts with phones, e-mails and birthdays; a timeline of calls, visits and
//! offers over the last 90 days; tasks; deals at every stage; contracts; orders with
//! lines (some out of stock); invoices with payments (some paid, some overdue); and the
//! team and plan documents (events, a priced catalog, managers with targets).
//!
//! Names, phones and e-mails are written in six languages — English, Russian, Czech,
//! Korean, Portuguese and Norwegian — in their own scripts and with their own diacritics
//! (Cyrillic, Hangul, ř/ů, ã/ç, ø/å), phones in valid E.164 for the country of the
//! language (+44/+1, +7, +420, +82, +351/+55, +47).
//!
//! Everything comes from a small self-contained PRNG (SplitMix64) seeded with
//! [`SampleSpec::seed`], and every instant from [`SampleSpec::today`]: the same spec
//! gives byte-identical documents, on every platform. No clock, no random source.

use crate::{
    Author, Birthday, Channel, ClientBase, ClientDetails, ClientDraft, ClientStatus, ContactDraft,
    Contract, ContractStatus, Currency, Date, Deal, DealStage, Direction, DocumentId, Event,
    EventKind, InteractionDraft, InteractionKind, Invoice, Line, Manager, Millis, Money, NextStep,
    OfferChannel, Order, OrderStatus, Outcome, Payment, Priority, Product, Rating, Role, Segment,
    Source, StockState, TaskDraft, TaskKind, TimeOfDay, automerge::ActorId, team::Competitor,
};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleSpec {
    /// How many clients.
    pub clients: usize,
    /// Contacts at every client.
    pub contacts_per_client: usize,
    /// Interactions in all, spread over the clients and the 90 days before `today`.
    pub interactions: usize,
    /// Orders in all.
    pub orders: usize,
    /// Invoices in all.
    pub invoices: usize,
    /// The PRNG seed: the same seed gives the same base, byte for byte.
    pub seed: u64,
    /// The reps' logins; clients are owned by and interactions logged as these (a rep
    /// `sales` when empty).
    pub reps: Vec<String>,
    /// The day the base is "as of": interactions, orders and invoices lie before it,
    /// tasks and birthdays around it.
    pub today: Date,
}

/// The reps of [`SampleSpec::standard`], one per language.
pub const STANDARD_REPS: [&str; 6] = ["emma", "ivan", "jiri", "minjun", "joao", "ingrid"];

impl SampleSpec {
    /// The issue's realistic base: 10,000 clients, 3 contacts each (30,000), 100,000
    /// interactions, 20,000 orders and 20,000 invoices, six reps, as of 2026-11-24.
    pub fn standard(seed: u64) -> SampleSpec {
        SampleSpec {
            clients: 10_000,
            contacts_per_client: 3,
            interactions: 100_000,
            orders: 20_000,
            invoices: 20_000,
            seed,
            reps: STANDARD_REPS.iter().map(|r| (*r).to_owned()).collect(),
            today: Date::new(2026, 11, 24).expect("a valid date"),
        }
    }

    /// This spec with `n_clients` clients and the other counts in the same ratio to the
    /// clients (at least one of each per client that has any, rounded down otherwise).
    pub fn scaled(&self, n_clients: usize) -> SampleSpec {
        let per = |total: usize| -> usize {
            if self.clients == 0 {
                return 0;
            }
            (total as u128 * n_clients as u128 / self.clients as u128) as usize
        };
        SampleSpec {
            clients: n_clients,
            interactions: per(self.interactions),
            orders: per(self.orders),
            invoices: per(self.invoices),
            ..self.clone()
        }
    }

    /// Deals generated (every stage occurs once there are five).
    pub fn deals(&self) -> usize {
        (self.clients / 5).max(self.clients.min(5))
    }

    /// Tasks generated besides the interactions' next steps.
    pub fn standalone_tasks(&self) -> usize {
        self.clients * 3 / 10
    }

    /// Contracts generated.
    pub fn contracts(&self) -> usize {
        self.clients / 4
    }
}

/// Generates the base `spec` describes (see the module documentation).
///
/// # Panics
///
/// Only on a bug in the generator: everything it writes is valid by construction.
pub fn generate(spec: &SampleSpec) -> ClientBase {
    generate_with_progress(spec, |_, _| {})
}

/// [`generate`], calling `progress(clients done, clients in all)` before the first
/// client and after each one.
pub fn generate_with_progress(
    spec: &SampleSpec,
    mut progress: impl FnMut(usize, usize),
) -> ClientBase {
    let mut generation = Generation::new(spec);
    progress(0, spec.clients);
    while generation.next_client() {
        progress(generation.done(), spec.clients);
    }
    generation.finish()
}

/// A generation under way, one client at a time: for a caller that must hand control
/// back between clients (a browser's main thread). The same spec gives the same base
/// as [`generate`].
pub struct Generation<'s> {
    g: Generator<'s>,
    counts: Vec<Counts>,
    done: usize,
}

impl<'s> Generation<'s> {
    /// Starts generating `spec`: the team documents are made now.
    pub fn new(spec: &'s SampleSpec) -> Generation<'s> {
        let mut g = Generator::new(spec);
        g.team();
        let n = spec.clients;
        let interactions = g.rng.allocate(spec.interactions, n);
        let orders = g.rng.allocate(spec.orders, n);
        let invoices = g.rng.allocate(spec.invoices, n);
        let deals = g.rng.allocate(spec.deals(), n);
        let tasks = g.rng.allocate(spec.standalone_tasks(), n);
        let contracts = g.rng.allocate(spec.contracts(), n);
        let counts = (0..n)
            .map(|i| Counts {
                interactions: interactions[i],
                orders: orders[i],
                invoices: invoices[i],
                deals: deals[i],
                tasks: tasks[i],
                contracts: contracts[i],
            })
            .collect();
        Generation { g, counts, done: 0 }
    }

    /// Generates the next client; false once every client is made.
    pub fn next_client(&mut self) -> bool {
        let Some(counts) = self.counts.get(self.done) else {
            return false;
        };
        let counts = *counts;
        self.g.client(self.done, &counts);
        self.done += 1;
        true
    }

    /// How many clients are made.
    pub fn done(&self) -> usize {
        self.done
    }

    /// The generated base.
    pub fn finish(self) -> ClientBase {
        self.g.base
    }
}

// ---------------------------------------------------------------------------------------
// The PRNG.

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for sample data.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0), by multiply-shift (the bias is far below what sample data notices).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// lo..=hi.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len() as u64) as usize]
    }

    /// An index into `weights`, each drawn in proportion to its weight.
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut r = self.below(total.max(1));
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }

    fn bytes16(&mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        out[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        out[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        out
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    /// `total` items spread over `bins` bins at random (each item to a uniformly drawn
    /// bin), so the counts vary from bin to bin as real ones do.
    fn allocate(&mut self, total: usize, bins: usize) -> Vec<usize> {
        let mut out = vec![0; bins];
        if bins > 0 {
            for _ in 0..total {
                out[self.below(bins as u64) as usize] += 1;
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------
// Languages and countries.

const DAY_MS: Millis = 86_400_000;
const HOUR_MS: Millis = 3_600_000;

/// A country a language's clients are in.
struct Country {
    tld: &'static str,
    currency: &'static str,
    time_zone: &'static str,
    /// The UTC offset in November, in minutes (for working hours).
    utc_offset: i64,
    phone: fn(&mut Rng) -> String,
    tax_id: fn(&mut Rng) -> String,
}

/// A name in its script, and its Latin transliteration for e-mail addresses.
type Named = (&'static str, &'static str);

struct Lang {
    code: &'static str,
    countries: &'static [Country],
    male: &'static [Named],
    female: &'static [Named],
    /// (male form, female form, Latin male, Latin female).
    surnames: &'static [(&'static str, &'static str, &'static str, &'static str)],
    /// Korean: the family name comes first and is written without a space.
    family_first: bool,
    /// Company name stems (the surnames when empty).
    stems: &'static [Named],
    /// (prefix, suffix, Latin slug for the domain).
    firms: &'static [(&'static str, &'static str, &'static str)],
    mailboxes: &'static [&'static str],
    positions: &'static [&'static str],
    industries: &'static [&'static str],
    summaries: &'static [&'static str],
    next_steps: &'static [&'static str],
    lost_reasons: &'static [&'static str],
    order_prefix: &'static str,
    invoice_prefix: &'static str,
}

fn phone_uk(r: &mut Rng) -> String {
    format!("+44 7{} {}", r.range(400, 999), r.digits(6))
}

fn phone_us(r: &mut Rng) -> String {
    let area = r.pick(&[212, 312, 415, 617, 713, 206, 305, 404]);
    format!("+1 ({area}) {}-{}", r.range(201, 989), r.digits(4))
}

fn phone_ru(r: &mut Rng) -> String {
    format!(
        "+7 9{} {}-{}-{}",
        r.digits(2),
        r.digits(3),
        r.digits(2),
        r.digits(2)
    )
}

fn phone_cz(r: &mut Rng) -> String {
    let prefix = r.pick(&[
        601, 602, 603, 604, 605, 606, 608, 702, 720, 724, 731, 736, 775, 777,
    ]);
    format!("+420 {prefix} {} {}", r.digits(3), r.digits(3))
}

fn phone_kr(r: &mut Rng) -> String {
    format!("+82 10-{}{}-{}", r.range(2, 9), r.digits(3), r.digits(4))
}

fn phone_pt(r: &mut Rng) -> String {
    let prefix = r.pick(&[91, 92, 93, 96]);
    format!(
        "+351 {prefix}{} {} {}",
        r.digits(1),
        r.digits(3),
        r.digits(3)
    )
}

fn phone_br(r: &mut Rng) -> String {
    let ddd = r.pick(&[11, 21, 31, 41, 51, 61, 71, 81]);
    format!("+55 {ddd} 9{}-{}", r.digits(4), r.digits(4))
}

fn phone_no(r: &mut Rng) -> String {
    let first = r.pick(&[4, 9]);
    format!("+47 {first}{} {} {}", r.digits(2), r.digits(2), r.digits(3))
}

fn tax_uk(r: &mut Rng) -> String {
    format!("GB{}", r.digits(9))
}

fn tax_us(r: &mut Rng) -> String {
    format!("{}-{}", r.range(10, 98), r.digits(7))
}

fn tax_ru(r: &mut Rng) -> String {
    format!("{}{}", r.range(1, 9), r.digits(9))
}

fn tax_cz(r: &mut Rng) -> String {
    format!("CZ{}{}", r.range(1, 9), r.digits(7))
}

fn tax_kr(r: &mut Rng) -> String {
    format!("{}-{}-{}", r.range(101, 899), r.digits(2), r.digits(5))
}

fn tax_pt(r: &mut Rng) -> String {
    format!("PT{}{}", r.range(1, 5), r.digits(8))
}

fn tax_br(r: &mut Rng) -> String {
    format!(
        "{}.{}.{}/0001-{}",
        r.digits(2),
        r.digits(3),
        r.digits(3),
        r.digits(2)
    )
}

fn tax_no(r: &mut Rng) -> String {
    format!(
        "NO {} {} {} MVA",
        r.range(810, 999),
        r.digits(3),
        r.digits(3)
    )
}

static LANGS: [Lang; 6] = [
    Lang {
        code: "en",
        countries: &[
            Country {
                tld: "co.uk",
                currency: "GBP",
                time_zone: "Europe/London",
                utc_offset: 0,
                phone: phone_uk,
                tax_id: tax_uk,
            },
            Country {
                tld: "com",
                currency: "USD",
                time_zone: "America/New_York",
                utc_offset: -300,
                phone: phone_us,
                tax_id: tax_us,
            },
        ],
        male: &[
            ("James", "james"),
            ("Oliver", "oliver"),
            ("Harry", "harry"),
            ("George", "george"),
            ("Michael", "michael"),
            ("David", "david"),
            ("Thomas", "thomas"),
            ("William", "william"),
        ],
        female: &[
            ("Emily", "emily"),
            ("Olivia", "olivia"),
            ("Sarah", "sarah"),
            ("Charlotte", "charlotte"),
            ("Jessica", "jessica"),
            ("Amelia", "amelia"),
            ("Sophie", "sophie"),
            ("Hannah", "hannah"),
        ],
        surnames: &[
            ("Smith", "Smith", "smith", "smith"),
            ("Johnson", "Johnson", "johnson", "johnson"),
            ("Brown", "Brown", "brown", "brown"),
            ("Taylor", "Taylor", "taylor", "taylor"),
            ("Wilson", "Wilson", "wilson", "wilson"),
            ("Clarke", "Clarke", "clarke", "clarke"),
            ("Walker", "Walker", "walker", "walker"),
            ("Wright", "Wright", "wright", "wright"),
            ("Hughes", "Hughes", "hughes", "hughes"),
            ("Evans", "Evans", "evans", "evans"),
        ],
        family_first: false,
        stems: &[],
        firms: &[
            ("", " Trading Ltd", "trading"),
            ("", " & Sons Ltd", "andsons"),
            ("", " Supplies Inc.", "supplies"),
            ("", " Foods Ltd", "foods"),
            ("", " Logistics LLC", "logistics"),
            ("", "'s Bakery", "bakery"),
            ("", " Building Materials Ltd", "building"),
        ],
        mailboxes: &["info", "sales", "orders", "office"],
        positions: &[
            "Purchasing Manager",
            "Managing Director",
            "Chief Accountant",
            "Warehouse Manager",
            "Owner",
            "Buyer",
        ],
        industries: &[
            "Bakery",
            "Catering",
            "Retail",
            "Wholesale",
            "Hotels",
            "Construction",
        ],
        summaries: &[
            "Discussed the spring price list",
            "Asked for samples of the spelt flour",
            "Agreed on delivery next week",
            "Wants a volume discount",
            "Left a message, call back",
            "Sent the updated offer",
            "Complained about a late delivery",
        ],
        next_steps: &[
            "Send samples",
            "Call about the offer",
            "Visit with the new catalog",
        ],
        lost_reasons: &[
            "Price too high",
            "Went to a competitor",
            "Closed the business",
        ],
        order_prefix: "SO-",
        invoice_prefix: "INV-",
    },
    Lang {
        code: "ru",
        countries: &[Country {
            tld: "ru",
            currency: "RUB",
            time_zone: "Europe/Moscow",
            utc_offset: 180,
            phone: phone_ru,
            tax_id: tax_ru,
        }],
        male: &[
            ("Иван", "ivan"),
            ("Сергей", "sergey"),
            ("Алексей", "aleksey"),
            ("Дмитрий", "dmitry"),
            ("Андрей", "andrey"),
            ("Михаил", "mikhail"),
            ("Фёдор", "fyodor"),
            ("Николай", "nikolay"),
        ],
        female: &[
            ("Ольга", "olga"),
            ("Наталья", "natalya"),
            ("Елена", "elena"),
            ("Татьяна", "tatyana"),
            ("Анна", "anna"),
            ("Мария", "maria"),
            ("Светлана", "svetlana"),
            ("Юлия", "yulia"),
        ],
        surnames: &[
            ("Петров", "Петрова", "petrov", "petrova"),
            ("Смирнов", "Смирнова", "smirnov", "smirnova"),
            ("Кузнецов", "Кузнецова", "kuznetsov", "kuznetsova"),
            ("Соловьёв", "Соловьёва", "solovyov", "solovyova"),
            ("Попов", "Попова", "popov", "popova"),
            ("Волков", "Волкова", "volkov", "volkova"),
            ("Иванов", "Иванова", "ivanov", "ivanova"),
            ("Морозов", "Морозова", "morozov", "morozova"),
            ("Лебедев", "Лебедева", "lebedev", "lebedeva"),
            ("Козлов", "Козлова", "kozlov", "kozlova"),
        ],
        family_first: false,
        stems: &[],
        firms: &[
            ("ООО «", " и партнёры»", "partners"),
            ("Торговый дом «", "»", "td"),
            ("ИП ", "", ""),
            ("ООО «", "-Снаб»", "snab"),
            ("ООО «", "-Логистика»", "logistika"),
            ("АО «", " Продукты»", "produkty"),
        ],
        mailboxes: &["info", "zakaz", "office", "sales"],
        positions: &[
            "Директор",
            "Закупщик",
            "Главный бухгалтер",
            "Менеджер по закупкам",
            "Заведующий складом",
            "Владелец",
        ],
        industries: &[
            "Хлебопекарня",
            "Общепит",
            "Розница",
            "Опт",
            "Гостиницы",
            "Стройка",
        ],
        summaries: &[
            "Обсудили прайс на весну",
            "Просит образцы полбяной муки",
            "Договорились о поставке на следующей неделе",
            "Хочет скидку за объём",
            "Не дозвонился, перезвонить",
            "Отправил обновлённое предложение",
            "Жалоба на задержку поставки",
        ],
        next_steps: &[
            "Отправить образцы",
            "Позвонить по предложению",
            "Визит с новым каталогом",
        ],
        lost_reasons: &["Дорого", "Ушли к конкуренту", "Закрылись"],
        order_prefix: "ЗК-",
        invoice_prefix: "СЧ-",
    },
    Lang {
        code: "cs",
        countries: &[Country {
            tld: "cz",
            currency: "CZK",
            time_zone: "Europe/Prague",
            utc_offset: 60,
            phone: phone_cz,
            tax_id: tax_cz,
        }],
        male: &[
            ("Jiří", "jiri"),
            ("Tomáš", "tomas"),
            ("Petr", "petr"),
            ("Jan", "jan"),
            ("Lukáš", "lukas"),
            ("Martin", "martin"),
            ("Ondřej", "ondrej"),
            ("Václav", "vaclav"),
        ],
        female: &[
            ("Kateřina", "katerina"),
            ("Lucie", "lucie"),
            ("Jana", "jana"),
            ("Tereza", "tereza"),
            ("Markéta", "marketa"),
            ("Eva", "eva"),
            ("Růžena", "ruzena"),
            ("Zuzana", "zuzana"),
        ],
        surnames: &[
            ("Dvořák", "Dvořáková", "dvorak", "dvorakova"),
            ("Novák", "Nováková", "novak", "novakova"),
            ("Černý", "Černá", "cerny", "cerna"),
            ("Procházka", "Procházková", "prochazka", "prochazkova"),
            ("Kučera", "Kučerová", "kucera", "kucerova"),
            ("Veselý", "Veselá", "vesely", "vesela"),
            ("Růžička", "Růžičková", "ruzicka", "ruzickova"),
            ("Svoboda", "Svobodová", "svoboda", "svobodova"),
            ("Horák", "Horáková", "horak", "horakova"),
            ("Marek", "Marková", "marek", "markova"),
        ],
        family_first: false,
        stems: &[],
        firms: &[
            ("", " s.r.o.", ""),
            ("Pekařství ", "", "pekarstvi"),
            ("Stavebniny ", " s.r.o.", "stavebniny"),
            ("Řeznictví ", "", "reznictvi"),
            ("", " a syn s.r.o.", "asyn"),
            ("Velkoobchod ", " a.s.", "velkoobchod"),
        ],
        mailboxes: &["info", "obchod", "objednavky", "kancelar"],
        positions: &[
            "Jednatel",
            "Nákupčí",
            "Hlavní účetní",
            "Vedoucí skladu",
            "Majitel",
            "Obchodní ředitel",
        ],
        industries: &[
            "Pekárna",
            "Gastro",
            "Maloobchod",
            "Velkoobchod",
            "Hotely",
            "Stavebnictví",
        ],
        summaries: &[
            "Probrali jsme jarní ceník",
            "Chce vzorky špaldové mouky",
            "Domluvili jsme dodávku na příští týden",
            "Žádá množstevní slevu",
            "Nezvedá to, zavolat znovu",
            "Poslal jsem upravenou nabídku",
            "Stížnost na pozdní dodávku",
        ],
        next_steps: &[
            "Poslat vzorky",
            "Zavolat kvůli nabídce",
            "Návštěva s novým katalogem",
        ],
        lost_reasons: &["Příliš drahé", "Odešli ke konkurenci", "Ukončili činnost"],
        order_prefix: "OBJ-",
        invoice_prefix: "FV-",
    },
    Lang {
        code: "ko",
        countries: &[Country {
            tld: "co.kr",
            currency: "KRW",
            time_zone: "Asia/Seoul",
            utc_offset: 540,
            phone: phone_kr,
            tax_id: tax_kr,
        }],
        male: &[
            ("민준", "minjun"),
            ("지호", "jiho"),
            ("도윤", "doyun"),
            ("서준", "seojun"),
            ("현우", "hyunwoo"),
            ("준서", "junseo"),
        ],
        female: &[
            ("서연", "seoyeon"),
            ("하은", "haeun"),
            ("수아", "sua"),
            ("지우", "jiwoo"),
            ("민서", "minseo"),
            ("예은", "yeeun"),
        ],
        surnames: &[
            ("김", "김", "kim", "kim"),
            ("이", "이", "lee", "lee"),
            ("박", "박", "park", "park"),
            ("최", "최", "choi", "choi"),
            ("정", "정", "jung", "jung"),
            ("강", "강", "kang", "kang"),
            ("조", "조", "cho", "cho"),
            ("윤", "윤", "yoon", "yoon"),
        ],
        family_first: true,
        stems: &[
            ("대한", "daehan"),
            ("한빛", "hanbit"),
            ("서울", "seoul"),
            ("미래", "mirae"),
            ("동양", "dongyang"),
            ("우리", "woori"),
            ("새봄", "saebom"),
            ("청솔", "cheongsol"),
        ],
        firms: &[
            ("", "상사", "sangsa"),
            ("", "유통", "yutong"),
            ("(주)", "물산", "mulsan"),
            ("", "식품", "food"),
            ("", "베이커리", "bakery"),
            ("", "건자재 주식회사", "build"),
        ],
        mailboxes: &["info", "sales", "order", "contact"],
        positions: &[
            "대표이사",
            "구매팀장",
            "경리과장",
            "물류팀장",
            "사장",
            "구매담당",
        ],
        industries: &["제과점", "외식업", "소매", "도매", "호텔", "건설"],
        summaries: &[
            "봄 가격표 논의",
            "스펠트 밀가루 샘플 요청",
            "다음 주 납품 합의",
            "대량 구매 할인 요청",
            "부재중, 다시 전화 예정",
            "수정된 견적서 발송",
            "배송 지연 불만",
        ],
        next_steps: &["샘플 발송", "견적 관련 전화", "새 카탈로그로 방문"],
        lost_reasons: &["가격이 비쌈", "경쟁사로 이동", "폐업"],
        order_prefix: "ORD-",
        invoice_prefix: "INV-",
    },
    Lang {
        code: "pt",
        countries: &[
            Country {
                tld: "pt",
                currency: "EUR",
                time_zone: "Europe/Lisbon",
                utc_offset: 0,
                phone: phone_pt,
                tax_id: tax_pt,
            },
            Country {
                tld: "com.br",
                currency: "BRL",
                time_zone: "America/Sao_Paulo",
                utc_offset: -180,
                phone: phone_br,
                tax_id: tax_br,
            },
        ],
        male: &[
            ("João", "joao"),
            ("António", "antonio"),
            ("José", "jose"),
            ("Sebastião", "sebastiao"),
            ("Luís", "luis"),
            ("Gonçalo", "goncalo"),
            ("Pedro", "pedro"),
            ("Tiago", "tiago"),
        ],
        female: &[
            ("Maria", "maria"),
            ("Ana", "ana"),
            ("Conceição", "conceicao"),
            ("Inês", "ines"),
            ("Beatriz", "beatriz"),
            ("Fernanda", "fernanda"),
            ("Joana", "joana"),
            ("Lúcia", "lucia"),
        ],
        surnames: &[
            ("Silva", "Silva", "silva", "silva"),
            ("Santos", "Santos", "santos", "santos"),
            ("Gonçalves", "Gonçalves", "goncalves", "goncalves"),
            ("Pereira", "Pereira", "pereira", "pereira"),
            ("Araújo", "Araújo", "araujo", "araujo"),
            ("Fernandes", "Fernandes", "fernandes", "fernandes"),
            ("Magalhães", "Magalhães", "magalhaes", "magalhaes"),
            ("Simões", "Simões", "simoes", "simoes"),
            ("Carvalho", "Carvalho", "carvalho", "carvalho"),
            ("Conceição", "Conceição", "conceicao", "conceicao"),
        ],
        family_first: false,
        stems: &[],
        firms: &[
            ("", " & Filhos, Lda.", "filhos"),
            ("Padaria ", "", "padaria"),
            ("Distribuidora ", "", "distribuidora"),
            ("Materiais de Construção ", "", "construcao"),
            ("", " Alimentação, Lda.", "alimentacao"),
            ("Comércio de Frutas ", "", "frutas"),
        ],
        mailboxes: &["geral", "vendas", "encomendas", "info"],
        positions: &[
            "Diretor",
            "Comprador",
            "Contabilista",
            "Gerente de Compras",
            "Proprietário",
            "Responsável de Armazém",
        ],
        industries: &[
            "Padaria",
            "Restauração",
            "Retalho",
            "Grossista",
            "Hotelaria",
            "Construção",
        ],
        summaries: &[
            "Falámos da tabela de preços da primavera",
            "Pede amostras de farinha de espelta",
            "Combinámos a entrega para a próxima semana",
            "Quer desconto por volume",
            "Não atendeu, ligar de novo",
            "Enviei a proposta atualizada",
            "Reclamação por atraso na entrega",
        ],
        next_steps: &[
            "Enviar amostras",
            "Ligar sobre a proposta",
            "Visita com o novo catálogo",
        ],
        lost_reasons: &["Preço alto", "Foi para a concorrência", "Fechou o negócio"],
        order_prefix: "EN-",
        invoice_prefix: "FT-",
    },
    Lang {
        code: "nb",
        countries: &[Country {
            tld: "no",
            currency: "NOK",
            time_zone: "Europe/Oslo",
            utc_offset: 60,
            phone: phone_no,
            tax_id: tax_no,
        }],
        male: &[
            ("Øystein", "oystein"),
            ("Håkon", "hakon"),
            ("Bjørn", "bjorn"),
            ("Lars", "lars"),
            ("Ole", "ole"),
            ("Knut", "knut"),
            ("Sigurd", "sigurd"),
            ("Espen", "espen"),
        ],
        female: &[
            ("Ingrid", "ingrid"),
            ("Solveig", "solveig"),
            ("Åse", "ase"),
            ("Kari", "kari"),
            ("Ragnhild", "ragnhild"),
            ("Sigrid", "sigrid"),
            ("Marit", "marit"),
            ("Tone", "tone"),
        ],
        surnames: &[
            ("Hansen", "Hansen", "hansen", "hansen"),
            ("Johansen", "Johansen", "johansen", "johansen"),
            ("Sørensen", "Sørensen", "sorensen", "sorensen"),
            ("Bråten", "Bråten", "braten", "braten"),
            ("Østby", "Østby", "ostby", "ostby"),
            ("Dæhlie", "Dæhlie", "daehlie", "daehlie"),
            ("Haugen", "Haugen", "haugen", "haugen"),
            ("Strøm", "Strøm", "strom", "strom"),
            ("Berg", "Berg", "berg", "berg"),
            ("Lie", "Lie", "lie", "lie"),
        ],
        family_first: false,
        stems: &[],
        firms: &[
            ("", " AS", ""),
            ("", " Bakeri AS", "bakeri"),
            ("", " Handel AS", "handel"),
            ("", " Transport AS", "transport"),
            ("Byggvare ", " AS", "byggvare"),
            ("", " & Sønn AS", "sonn"),
        ],
        mailboxes: &["post", "salg", "ordre", "firmapost"],
        positions: &[
            "Daglig leder",
            "Innkjøper",
            "Regnskapsfører",
            "Lagersjef",
            "Eier",
            "Innkjøpssjef",
        ],
        industries: &[
            "Bakeri",
            "Servering",
            "Detaljhandel",
            "Grossist",
            "Hotell",
            "Bygg",
        ],
        summaries: &[
            "Gikk gjennom vårprislisten",
            "Ønsker vareprøver av speltmel",
            "Avtalte levering neste uke",
            "Vil ha volumrabatt",
            "Tok ikke telefonen, ring igjen",
            "Sendte oppdatert tilbud",
            "Klage på forsinket levering",
        ],
        next_steps: &[
            "Sende vareprøver",
            "Ringe om tilbudet",
            "Besøk med ny katalog",
        ],
        lost_reasons: &["For dyrt", "Gikk til en konkurrent", "La ned driften"],
        order_prefix: "ORD-",
        invoice_prefix: "F-",
    },
];

/// (sku, name, unit, price in euro cents for the retail price type).
const PRODUCTS: [(&str, &str, &str, i64); 24] = [
    ("RYE-25", "Rye flour 25 kg", "sack", 18_90),
    ("WHT-25", "Wheat flour T650 25 kg", "sack", 16_50),
    ("WHT-50", "Wheat flour T650 50 kg", "sack", 31_00),
    ("SPL-25", "Spelt flour 25 kg", "sack", 29_90),
    ("SUG-50", "Sugar 50 kg", "sack", 42_00),
    ("SAL-25", "Salt 25 kg", "sack", 8_90),
    ("YST-1", "Dry yeast 1 kg", "pcs", 5_90),
    ("OIL-10", "Sunflower oil 10 l", "can", 21_90),
    ("OLV-5", "Olive oil 5 l", "can", 34_90),
    ("BUT-10", "Butter 82 % 10 kg", "box", 89_00),
    ("MLK-12", "UHT milk 12 × 1 l", "box", 12_90),
    ("EGG-180", "Eggs M 180 pcs", "box", 36_00),
    ("SES-5", "Sesame seeds 5 kg", "bag", 24_50),
    ("SUN-10", "Sunflower seeds 10 kg", "bag", 28_00),
    ("OAT-25", "Oat flakes 25 kg", "sack", 23_50),
    ("CHO-5", "Dark chocolate drops 5 kg", "bag", 49_90),
    ("COC-1", "Cocoa powder 1 kg", "pcs", 9_90),
    ("RAI-10", "Raisins 10 kg", "box", 41_00),
    ("VAN-1", "Vanilla sugar 1 kg", "pcs", 6_90),
    ("BKP-1", "Baking powder 1 kg", "pcs", 4_50),
    ("PAL-1", "Euro pallet", "pcs", 12_00),
    ("BOX-100", "Cake boxes 100 pcs", "pack", 22_00),
    ("BAG-1000", "Paper bags 1000 pcs", "pack", 31_00),
    ("GLV-100", "Nitrile gloves 100 pcs", "box", 6_50),
];

/// (sku, analog).
const ANALOGS: [(&str, &str); 6] = [
    ("WHT-25", "WHT-50"),
    ("WHT-50", "WHT-25"),
    ("RYE-25", "SPL-25"),
    ("OIL-10", "OLV-5"),
    ("SES-5", "SUN-10"),
    ("CHO-5", "COC-1"),
];

/// The price tiers (price-list columns) and their share of the retail price, percent.
const TIERS: [(&str, i64); 3] = [("retail", 100), ("wholesale", 85), ("dealer", 75)];

/// Currencies and euro cents → minor units as (numerator, denominator), and the minor
/// units prices are rounded to.
const RATES: [(&str, i64, i64, i64); 8] = [
    ("EUR", 1, 1, 10),
    ("CZK", 25, 1, 100),
    ("RUB", 100, 1, 1000),
    ("KRW", 145, 10, 100),
    ("BRL", 6, 1, 10),
    ("NOK", 115, 10, 100),
    ("GBP", 85, 100, 10),
    ("USD", 108, 100, 10),
];

fn convert(eur_cents: i64, currency: &str) -> i64 {
    let (_, num, den, round) = RATES
        .iter()
        .find(|(c, ..)| *c == currency)
        .copied()
        .unwrap_or(("EUR", 1, 1, 1));
    let raw = eur_cents * num / den;
    ((raw + round / 2) / round).max(1) * round
}

fn price_type(tier: &str, currency: &str) -> String {
    format!("{tier}-{}", currency.to_ascii_lowercase())
}

const TAGS: [&str; 8] = [
    "vip",
    "horeca",
    "bakery",
    "retail-chain",
    "export",
    "seasonal",
    "pays-late",
    "new",
];

/// (id, name, kind, place, starts as days from today, length in days, language).
const EVENTS: [(&str, &str, EventKind, &str, i64, i64); 7] = [
    (
        "salima-2026",
        "Salima 2026",
        EventKind::Exhibition,
        "Brno",
        -280,
        4,
    ),
    (
        "prodexpo-2026",
        "Продэкспо 2026",
        EventKind::Exhibition,
        "Москва",
        -290,
        5,
    ),
    (
        "seoul-food-2026",
        "서울국제식품산업대전 2026",
        EventKind::Fair,
        "서울 킨텍스",
        -190,
        4,
    ),
    (
        "sisab-2026",
        "SISAB Portugal 2026",
        EventKind::Fair,
        "Lisboa",
        -250,
        3,
    ),
    (
        "matstreif-2026",
        "Matstreif 2026",
        EventKind::Fair,
        "Oslo",
        -75,
        3,
    ),
    (
        "ife-2026",
        "IFE London 2026",
        EventKind::Exhibition,
        "London",
        -240,
        3,
    ),
    (
        "salima-2027",
        "Salima 2027",
        EventKind::Exhibition,
        "Brno",
        91,
        4,
    ),
];

// ---------------------------------------------------------------------------------------
// The generator.

#[derive(Debug, Clone, Copy)]
struct Counts {
    interactions: usize,
    orders: usize,
    invoices: usize,
    deals: usize,
    tasks: usize,
    contracts: usize,
}

/// What the generator remembers of a client while it writes the client's records.
struct ClientCtx {
    id: DocumentId,
    lang: &'static Lang,
    country: &'static Country,
    currency: Currency,
    owner: String,
    price_type: String,
    discount_bp: u32,
    payment_days: u32,
    /// Days since the client was created (as of today).
    age_days: i64,
    contacts: Vec<String>,
}

struct Generator<'s> {
    spec: &'s SampleSpec,
    rng: Rng,
    base: ClientBase,
    reps: Vec<String>,
    /// Midnight UTC of `today`, in ms.
    today_ms: Millis,
    clients: Vec<DocumentId>,
    order_seq: u64,
    invoice_seq: u64,
    deal_seq: usize,
}

fn or_bug<T, E: std::fmt::Debug>(r: Result<T, E>) -> T {
    r.expect("the generator writes valid data")
}

impl<'s> Generator<'s> {
    fn new(spec: &'s SampleSpec) -> Generator<'s> {
        let mut rng = Rng(spec.seed);
        let index = DocumentId::from_bytes(rng.bytes16());
        let actor = ActorId::from(rng.bytes16());
        let base = ClientBase::new(index, actor);
        let reps = if spec.reps.is_empty() {
            vec!["sales".to_owned()]
        } else {
            spec.reps.clone()
        };
        Generator {
            spec,
            rng,
            base,
            reps,
            today_ms: spec.today.days_since_epoch() * DAY_MS,
            clients: Vec::with_capacity(spec.clients),
            order_seq: 0,
            invoice_seq: 0,
            deal_seq: 0,
        }
    }

    /// An instant `days_ago` days before today, in local working hours of `country`.
    fn working_time(&mut self, days_ago: i64, country: &Country) -> Millis {
        let local_minutes = self.rng.range(8 * 60, 17 * 60 + 59);
        self.today_ms - days_ago * DAY_MS + (local_minutes - country.utc_offset) * 60_000
    }

    /// The team and plan documents: events, the priced catalog with analogs,
    /// competitors, and one manager per rep.
    fn team(&mut self) {
        let team = DocumentId::from_bytes(self.rng.bytes16());
        let plan = DocumentId::from_bytes(self.rng.bytes16());
        self.base.set_team_docs(team, plan);
        let head = author(&self.reps[0].clone(), self.today_ms - 400 * DAY_MS);
        for (id, name, kind, place, start, days) in EVENTS {
            let event = Event {
                name: name.into(),
                kind,
                place: place.into(),
                starts: Some(day(self.spec.today, start)),
                ends: Some(day(self.spec.today, start + days - 1)),
                archived: false,
            };
            or_bug(self.base.put_team_entity(id, &event, &head));
        }
        for (sku, name, unit, _) in PRODUCTS {
            let product = Product {
                name: name.into(),
                unit: unit.into(),
                in_stock: self.rng.range(0, 400) as u32,
                archived: false,
            };
            or_bug(self.base.put_team_entity(sku, &product, &head));
        }
        for (sku, _, _, eur) in PRODUCTS {
            for (tier, percent) in TIERS {
                for (currency, ..) in RATES {
                    let minor = convert(eur * percent / 100, currency);
                    let money = Money::new(minor, or_bug(Currency::new(currency)));
                    or_bug(
                        self.base
                            .set_price(sku, &price_type(tier, currency), money, &head),
                    );
                }
            }
        }
        for (sku, analog) in ANALOGS {
            or_bug(self.base.add_analog(sku, analog, &head));
        }
        for (id, name, site) in [
            ("mlynar", "Mlýnské potraviny", "mlynar.example"),
            ("nordmel", "Nordmel AS", "nordmel.example"),
            ("bakerline", "Bakerline Ltd", "bakerline.example"),
            ("zerno", "Зерно-Трейд", "zerno.example"),
        ] {
            let c = Competitor {
                name: name.into(),
                website: site.into(),
                note: "Cheaper flour, slower delivery".into(),
            };
            or_bug(self.base.put_team_entity(id, &c, &head));
        }
        for (n, rep) in self.reps.clone().iter().enumerate() {
            let lang = &LANGS[n % LANGS.len()];
            let country = &lang.countries[0];
            let (first, _) = *self.rng.pick(lang.female);
            let (surname, _, _, _) = *self.rng.pick(lang.surnames);
            let currency = or_bug(Currency::new(country.currency));
            let manager = Manager {
                name: person_name(lang, first, surname),
                role: if n == 0 { Role::Head } else { Role::Rep },
                calls_per_day: self.rng.range(25, 35) as u32,
                email_offers_per_day: self.rng.range(40, 60) as u32,
                phone_offers_per_day: self.rng.range(15, 25) as u32,
                contracts_per_month: self.rng.range(3, 6) as u32,
                turnover_per_month: Some(Money::new(
                    convert(self.rng.range(40_000, 90_000) * 100, country.currency),
                    currency,
                )),
                time_zone: country.time_zone.into(),
            };
            or_bug(self.base.put_team_entity(rep, &manager, &head));
        }
    }

    fn client(&mut self, i: usize, counts: &Counts) {
        let lang = &LANGS[i % LANGS.len()];
        let country = self.rng.pick(lang.countries);
        let currency = or_bug(Currency::new(country.currency));
        let id = DocumentId::from_bytes(self.rng.bytes16());
        let owner = if self.rng.chance(80) {
            self.reps[(i % LANGS.len()) % self.reps.len()].clone()
        } else {
            self.rng.pick(&self.reps).clone()
        };
        // Company name and domain.
        let (stem, stem_latin) = if lang.stems.is_empty() {
            let s = self.rng.pick(lang.surnames);
            (s.0, s.2)
        } else {
            *self.rng.pick(lang.stems)
        };
        let (prefix, suffix, slug) = *self.rng.pick(lang.firms);
        let name = format!("{prefix}{stem}{suffix}");
        let domain = if slug.is_empty() {
            format!("{stem_latin}.{}", country.tld)
        } else {
            format!("{stem_latin}-{slug}.{}", country.tld)
        };
        let status = ClientStatus::ALL[self.rng.weighted(&[15, 15, 45, 8, 12, 5])];
        let segment = match status {
            ClientStatus::Key => Segment::Key,
            _ => [Segment::Corporate, Segment::Retail, Segment::Unset]
                [self.rng.weighted(&[40, 55, 5])],
        };
        let tier = TIERS[self.rng.weighted(&[30, 50, 20])].0;
        let price_type = price_type(tier, country.currency);
        let discount_bp = [0, 0, 200, 300, 500, 750, 1000][self.rng.below(7) as usize];
        let payment_days = *self.rng.pick(&[7u32, 14, 14, 30, 30, 45, 60]);
        let age_days = self.rng.range(0, 730);
        let created = self.working_time(age_days, country);
        let source = [
            Source::Unknown,
            Source::Exhibition,
            Source::Referral,
            Source::ColdCall,
            Source::Inbound,
            Source::Web,
        ][self.rng.weighted(&[10, 15, 15, 30, 15, 15])];
        let source_event = if source == Source::Exhibition {
            EVENTS[self.rng.below(6) as usize].0.to_owned()
        } else {
            String::new()
        };
        let referred_by = match source {
            Source::Referral if !self.clients.is_empty() => Some(*self.rng.pick(&self.clients)),
            _ => None,
        };
        let (next_step, next_step_date) = if self.rng.chance(40) {
            let due = self.rng.range(-10, 20);
            (
                (*self.rng.pick(lang.next_steps)).to_owned(),
                Some(day(self.spec.today, due)),
            )
        } else {
            (String::new(), None)
        };
        let credit = convert(self.rng.range(5, 200) * 1000 * 100, country.currency);
        let details = ClientDetails {
            legal_name: name.clone(),
            tax_id: (country.tax_id)(&mut self.rng),
            industry: (*self.rng.pick(lang.industries)).to_owned(),
            segment,
            source,
            source_event,
            referred_by,
            owner: owner.clone(),
            website: format!("www.{domain}"),
            price_type: price_type.clone(),
            discount_bp,
            payment_days,
            credit_limit: Some(Money::new(credit, currency)),
            currency: Some(currency),
            rating: [Rating::A, Rating::B, Rating::C, Rating::D, Rating::Unrated]
                [self.rng.weighted(&[40, 30, 15, 5, 10])],
            rating_checked: Some(day(self.spec.today, -self.rng.range(1, 365))),
            rating_note: String::new(),
            next_step,
            next_step_date,
            // Restricted key accounts need their owner's book (an index document of
            // their own); the sample keeps every client in the team index.
            restricted: false,
        };
        let draft = ClientDraft {
            name,
            phone: if self.rng.chance(90) {
                (country.phone)(&mut self.rng)
            } else {
                String::new()
            },
            email: if self.rng.chance(85) {
                format!("{}@{domain}", self.rng.pick(lang.mailboxes))
            } else {
                String::new()
            },
            status: Some(status),
            lost_reason: if status == ClientStatus::Lost {
                (*self.rng.pick(lang.lost_reasons)).to_owned()
            } else {
                String::new()
            },
            details,
        };
        let who = author(&owner, created);
        or_bug(self.base.add_client(id, &draft, &who));
        for _ in 0..self.rng.weighted(&[50, 35, 15]) {
            let tag = *self.rng.pick(&TAGS);
            or_bug(self.base.add_tag(id, tag, &who));
        }
        let mut ctx = ClientCtx {
            id,
            lang,
            country,
            currency,
            owner,
            price_type,
            discount_bp,
            payment_days,
            age_days,
            contacts: Vec::new(),
        };
        for n in 1..=self.spec.contacts_per_client {
            self.contact(&mut ctx, n, &domain, created);
        }
        for n in 1..=counts.interactions {
            self.interaction(&ctx, n);
        }
        for n in 1..=counts.tasks {
            self.task(&ctx, n);
        }
        for n in 1..=counts.deals {
            self.deal(&ctx, n);
        }
        for n in 1..=counts.contracts {
            self.contract(&ctx, n);
        }
        let mut orders = Vec::new();
        for n in 1..=counts.orders {
            orders.push(self.order(&ctx, n));
        }
        for n in 1..=counts.invoices {
            let order = orders.get(n - 1).cloned();
            self.invoice(&ctx, n, order);
        }
        // A few clients are archived (their debt still counts, their tasks do not).
        if self.rng.chance(1) {
            or_bug(
                self.base
                    .archive_client(id, &author(&ctx.owner, self.today_ms - DAY_MS)),
            );
        }
        self.clients.push(id);
    }

    fn contact(&mut self, ctx: &mut ClientCtx, n: usize, domain: &str, created: Millis) {
        let lang = ctx.lang;
        let female = self.rng.chance(50);
        let (first, first_latin) = *self.rng.pick(if female { lang.female } else { lang.male });
        let (sm, sf, lm, lf) = *self.rng.pick(lang.surnames);
        let (surname, surname_latin) = if female { (sf, lf) } else { (sm, lm) };
        let mut phones = vec![(ctx.country.phone)(&mut self.rng)];
        if self.rng.chance(25) {
            phones.push((ctx.country.phone)(&mut self.rng));
        }
        let mut emails = vec![format!("{first_latin}.{surname_latin}@{domain}")];
        if self.rng.chance(10) {
            emails.push(format!("{}{}@{domain}", &first_latin[..1], surname_latin));
        }
        let birthday = if self.rng.chance(60) {
            let month = self.rng.range(1, 12) as u8;
            let with_year = self.rng.chance(70);
            let year = self.rng.range(1955, 2000) as u16;
            let days = crate::date::days_in_month(if with_year { year } else { 2001 }, month);
            let day = self.rng.range(1, i64::from(days)) as u8;
            Birthday {
                year: with_year.then_some(year),
                month,
                day,
            }
            .to_string()
        } else {
            String::new()
        };
        let draft = ContactDraft {
            name: person_name(lang, first, surname),
            position: (*self.rng.pick(lang.positions)).to_owned(),
            role: ["decision maker", "buyer", "accountant", "warehouse", ""]
                [self.rng.below(5) as usize]
                .to_owned(),
            phones,
            emails,
            birthday,
            preferred_channel: if self.rng.chance(70) {
                Some(*self.rng.pick(&Channel::ALL))
            } else {
                None
            },
            language: lang.code.to_owned(),
        };
        let contact_id = format!("c{n}");
        let who = author(&ctx.owner, created);
        or_bug(self.base.add_contact(ctx.id, &contact_id, &draft, &who));
        ctx.contacts.push(contact_id);
    }

    fn interaction(&mut self, ctx: &ClientCtx, n: usize) {
        let days_ago = self.rng.range(0, 89.min(ctx.age_days));
        let at = self.working_time(days_ago, ctx.country);
        let kind = [
            InteractionKind::Call,
            InteractionKind::Visit,
            InteractionKind::OfferEmail,
            InteractionKind::OfferPhone,
        ][self.rng.weighted(&[50, 15, 22, 13])];
        let who = if self.rng.chance(90) {
            ctx.owner.clone()
        } else {
            self.rng.pick(&self.reps).clone()
        };
        let (duration_secs, outcome) = match kind {
            InteractionKind::Call => (
                self.rng.range(20, 900) as u32,
                [
                    Outcome::Reached,
                    Outcome::NoAnswer,
                    Outcome::CallBack,
                    Outcome::Interested,
                    Outcome::NotInterested,
                    Outcome::OfferRequested,
                ][self.rng.weighted(&[40, 20, 10, 12, 8, 10])],
            ),
            InteractionKind::Visit => (
                self.rng.range(1_800, 5_400) as u32,
                [
                    Outcome::Reached,
                    Outcome::Interested,
                    Outcome::OfferRequested,
                ][self.rng.weighted(&[50, 30, 20])],
            ),
            _ => (
                self.rng.range(0, 600) as u32,
                [Outcome::Other, Outcome::Interested, Outcome::NotInterested]
                    [self.rng.weighted(&[60, 30, 10])],
            ),
        };
        let contact = if !ctx.contacts.is_empty() && self.rng.chance(90) {
            Some(self.rng.pick(&ctx.contacts).clone())
        } else {
            None
        };
        let next_step = if self.rng.chance(10) {
            let due = day(self.spec.today, -days_ago + self.rng.range(1, 14));
            Some(NextStep {
                task_id: format!("n{n}"),
                kind: [TaskKind::Call, TaskKind::Visit, TaskKind::SendOffer]
                    [self.rng.weighted(&[60, 20, 20])],
                due,
                time: self.time_of_day(),
                note: (*self.rng.pick(ctx.lang.next_steps)).to_owned(),
            })
        } else {
            None
        };
        let done = next_step
            .as_ref()
            .is_some_and(|s| s.due < day(self.spec.today, -2) && self.rng.chance(85));
        let draft = InteractionDraft {
            kind,
            direction: if kind == InteractionKind::Call && self.rng.chance(20) {
                Direction::In
            } else {
                Direction::Out
            },
            at,
            time_zone: ctx.country.time_zone.into(),
            duration_secs,
            outcome,
            summary: (*self.rng.pick(ctx.lang.summaries)).to_owned(),
            who: who.clone(),
            contact,
            event: None,
            next_step: next_step.clone(),
        };
        let by = author(&who, at);
        or_bug(
            self.base
                .log_interaction(ctx.id, &format!("i{n}"), &draft, &by),
        );
        if let (true, Some(step)) = (done, next_step) {
            let at = step.due.days_since_epoch() * DAY_MS + 15 * HOUR_MS;
            or_bug(
                self.base
                    .complete_task(ctx.id, &step.task_id, &author(&who, at)),
            );
        }
    }

    fn time_of_day(&mut self) -> Option<TimeOfDay> {
        if self.rng.chance(40) {
            TimeOfDay::new(
                self.rng.range(8, 17) as u8,
                *self.rng.pick(&[0, 15, 30, 45]),
            )
        } else {
            None
        }
    }

    fn task(&mut self, ctx: &ClientCtx, n: usize) {
        let due = self.rng.range(-5, 14);
        let draft = TaskDraft {
            kind: [
                TaskKind::Call,
                TaskKind::Visit,
                TaskKind::SendOffer,
                TaskKind::CollectDebt,
                TaskKind::Greet,
                TaskKind::Other,
            ][self.rng.weighted(&[40, 20, 15, 10, 5, 10])],
            due: day(self.spec.today, due),
            time: self.time_of_day(),
            contact: if ctx.contacts.is_empty() {
                None
            } else {
                Some(self.rng.pick(&ctx.contacts).clone())
            },
            priority: [Priority::Low, Priority::Normal, Priority::High]
                [self.rng.weighted(&[20, 60, 20])],
            assignee: ctx.owner.clone(),
            note: (*self.rng.pick(ctx.lang.next_steps)).to_owned(),
        };
        let at = self.today_ms - self.rng.range(1, 10) * DAY_MS;
        or_bug(
            self.base
                .add_task(ctx.id, &format!("t{n}"), &draft, &author(&ctx.owner, at)),
        );
    }

    fn deal(&mut self, ctx: &ClientCtx, n: usize) {
        // Every stage occurs: the stages take turns over the whole base.
        let k = self.deal_seq % DealStage::ALL.len();
        self.deal_seq += 1;
        let stage = DealStage::ALL[k];
        let sent = self.rng.range(0, 89.min(ctx.age_days));
        let amount = convert(self.rng.range(500, 20_000) * 100, ctx.country.currency);
        let closed = matches!(stage, DealStage::Won | DealStage::Lost);
        let deal = Deal {
            title: format!("{} × {}", self.rng.range(5, 200), PRODUCTS[k * 3].1),
            stage,
            lost_reason: if stage == DealStage::Lost {
                (*self.rng.pick(ctx.lang.lost_reasons)).to_owned()
            } else {
                String::new()
            },
            amount: self
                .rng
                .chance(70)
                .then(|| Money::new(amount, ctx.currency)),
            expected_close: Some(day(self.spec.today, self.rng.range(-sent, 60))),
            probability: [10, 30, 60, 100, 0][k],
            channel: if stage == DealStage::Draft {
                OfferChannel::None
            } else {
                [
                    OfferChannel::Email,
                    OfferChannel::Phone,
                    OfferChannel::InPerson,
                ][self.rng.weighted(&[60, 25, 15])]
            },
            sent_on: (stage != DealStage::Draft).then(|| day(self.spec.today, -sent)),
            closed_on: closed.then(|| day(self.spec.today, -self.rng.range(0, sent))),
            owner: ctx.owner.clone(),
        };
        let at = self.today_ms - sent * DAY_MS;
        let who = author(&ctx.owner, at);
        let deal_id = format!("d{n}");
        or_bug(self.base.add_entity(ctx.id, &deal_id, &deal, &who));
        if deal.amount.is_none() {
            for l in 1..=self.rng.range(1, 3) {
                let line = self.line(ctx, false);
                or_bug(self.base.put_item::<Deal, Line>(
                    ctx.id,
                    &deal_id,
                    &format!("l{l}"),
                    &line,
                    &who,
                ));
            }
        }
    }

    fn contract(&mut self, ctx: &ClientCtx, n: usize) {
        let signed = self.rng.range(0, 700.min(ctx.age_days));
        let from = day(self.spec.today, -signed);
        let contract = Contract {
            number: format!("{}K-{:05}", ctx.lang.order_prefix, self.rng.below(100_000)),
            status: if signed > 365 {
                ContractStatus::Expired
            } else {
                ContractStatus::Signed
            },
            signed: Some(from),
            valid_from: Some(from),
            valid_to: from.add_days(364),
            renewal_days: 30,
            price_type: ctx.price_type.clone(),
            discount_bp: ctx.discount_bp,
            payment_days: ctx.payment_days,
        };
        let at = self.today_ms - signed * DAY_MS + 10 * HOUR_MS;
        or_bug(
            self.base
                .add_entity(ctx.id, &format!("k{n}"), &contract, &author(&ctx.owner, at)),
        );
    }

    /// An order line from the catalog at the client's price type and discount; now and
    /// then out of stock, with a promised date, an analog and logistics asked.
    fn line(&mut self, ctx: &ClientCtx, may_lack_stock: bool) -> Line {
        let (sku, name, _, eur) = *self.rng.pick(&PRODUCTS);
        let percent = TIERS
            .iter()
            .find(|(t, _)| ctx.price_type.starts_with(t))
            .map_or(100, |(_, p)| *p);
        let price = convert(eur * percent / 100, ctx.country.currency);
        let out = may_lack_stock && self.rng.chance(8);
        Line {
            sku: sku.into(),
            name: name.into(),
            quantity: self.rng.range(1, 40) as u32,
            price: Some(Money::new(price, ctx.currency)),
            discount_bp: ctx.discount_bp,
            stock: if out {
                StockState::OutOfStock
            } else {
                StockState::InStock
            },
            promised: out.then(|| day(self.spec.today, self.rng.range(3, 21))),
            analog: if out {
                ANALOGS
                    .iter()
                    .find(|(s, _)| *s == sku)
                    .map(|(_, a)| (*a).to_owned())
                    .unwrap_or_default()
            } else {
                String::new()
            },
            logistics_requested: out && self.rng.chance(60),
            logistics_note: String::new(),
        }
    }

    /// Adds an order and its lines; returns (id, total, received on).
    fn order(&mut self, ctx: &ClientCtx, n: usize) -> (String, Money, Date) {
        let age = self.rng.range(0, 119.min(ctx.age_days));
        let received = day(self.spec.today, -age);
        let status = if age > 14 {
            [
                OrderStatus::Delivered,
                OrderStatus::Returned,
                OrderStatus::Refused,
            ][self.rng.weighted(&[94, 3, 3])]
        } else {
            [
                OrderStatus::Received,
                OrderStatus::Confirmed,
                OrderStatus::Shipped,
                OrderStatus::Delivered,
            ][self.rng.weighted(&[20, 30, 25, 25])]
        };
        self.order_seq += 1;
        let order = Order {
            number: format!(
                "{}{}-{:06}",
                ctx.lang.order_prefix,
                received.year(),
                self.order_seq
            ),
            contract: String::new(),
            status,
            status_reason: if matches!(status, OrderStatus::Returned | OrderStatus::Refused) {
                (*self.rng.pick(ctx.lang.lost_reasons)).to_owned()
            } else {
                String::new()
            },
            received_on: Some(received),
            delivered_on: (status == OrderStatus::Delivered)
                .then(|| day(self.spec.today, -age + self.rng.range(1, 5).min(age))),
        };
        let at = self.working_time(age, ctx.country);
        let who = author(&ctx.owner, at);
        let order_id = format!("o{n}");
        or_bug(self.base.add_entity(ctx.id, &order_id, &order, &who));
        let mut total = 0;
        for l in 1..=self.rng.range(1, 4) {
            let line = self.line(ctx, true);
            total += line.total().map_or(0, |m| m.minor);
            or_bug(self.base.put_item::<Order, Line>(
                ctx.id,
                &order_id,
                &format!("l{l}"),
                &line,
                &who,
            ));
        }
        (order_id, Money::new(total.max(1), ctx.currency), received)
    }

    /// Adds an invoice (for `order` when given) and its payments: most paid in full,
    /// some in part, some overdue, a few cancelled.
    fn invoice(&mut self, ctx: &ClientCtx, n: usize, order: Option<(String, Money, Date)>) {
        let (order_id, amount, issued) = match order {
            Some((id, amount, received)) => {
                let issued = received.add_days(self.rng.range(0, 3)).unwrap_or(received);
                (id, amount, issued.min(self.spec.today))
            }
            None => {
                let age = self.rng.range(0, 119.min(ctx.age_days));
                let eur = self.rng.range(50, 3_000) * 100;
                (
                    String::new(),
                    Money::new(convert(eur, ctx.country.currency), ctx.currency),
                    day(self.spec.today, -age),
                )
            }
        };
        let due = issued
            .add_days(i64::from(ctx.payment_days))
            .unwrap_or(issued);
        self.invoice_seq += 1;
        let invoice = Invoice {
            number: format!(
                "{}{}-{:06}",
                ctx.lang.invoice_prefix,
                issued.year(),
                self.invoice_seq
            ),
            order: order_id,
            amount: Some(amount),
            issued: Some(issued),
            due: Some(due),
            cancelled: self.rng.chance(2),
        };
        let issued_ms = issued.days_since_epoch() * DAY_MS + 9 * HOUR_MS;
        let who = author(&ctx.owner, issued_ms);
        let invoice_id = format!("f{n}");
        or_bug(self.base.add_entity(ctx.id, &invoice_id, &invoice, &who));
        if invoice.cancelled {
            return;
        }
        let since_issued = issued.days_until(self.spec.today);
        let past_due = due < self.spec.today;
        let paid_percent = if past_due {
            [100, 50, 0][self.rng.weighted(&[65, 10, 25])]
        } else {
            [100, 0][self.rng.weighted(&[30, 70])]
        };
        if paid_percent == 0 {
            return;
        }
        let latest = since_issued.min(i64::from(ctx.payment_days) + 10);
        let paid_on = issued.add_days(self.rng.range(0, latest)).unwrap_or(issued);
        let payment = Payment {
            amount: Some(Money::new(
                (amount.minor * paid_percent / 100).max(1),
                amount.currency,
            )),
            date: Some(paid_on),
            note: format!("{}-{}", ctx.lang.invoice_prefix, self.rng.digits(8)),
        };
        let at = paid_on.days_since_epoch() * DAY_MS + 11 * HOUR_MS;
        or_bug(self.base.put_item::<Invoice, Payment>(
            ctx.id,
            &invoice_id,
            "p1",
            &payment,
            &author(&ctx.owner, at),
        ));
    }
}

/// The day `offset` days from `today`.
fn day(today: Date, offset: i64) -> Date {
    today.add_days(offset).unwrap_or(today)
}

/// A rep editing on his laptop at `at`.
fn author(rep: &str, at: Millis) -> Author {
    Author {
        who: format!("{rep}/laptop"),
        at,
    }
}

/// A person's full name in the order the language writes it.
fn person_name(lang: &Lang, first: &str, surname: &str) -> String {
    if lang.family_first {
        format!("{surname}{first}")
    } else {
        format!("{first} {surname}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SearchIndex, validate};

    fn small() -> SampleSpec {
        SampleSpec::standard(7).scaled(50)
    }

    #[test]
    fn scaled_keeps_the_ratios() {
        let s = SampleSpec::standard(1).scaled(1_000);
        assert_eq!(
            (
                s.clients,
                s.contacts_per_client,
                s.interactions,
                s.orders,
                s.invoices
            ),
            (1_000, 3, 10_000, 2_000, 2_000)
        );
        assert_eq!(s.reps.len(), 6);
    }

    #[test]
    fn generates_the_counts_it_was_asked_for() {
        let spec = small();
        let mut calls = 0;
        let base = generate_with_progress(&spec, |done, total| {
            assert_eq!(total, 50);
            assert_eq!(done, calls);
            calls += 1;
        });
        assert_eq!(calls, 51);
        let summaries = base.summaries();
        assert_eq!(summaries.len(), spec.clients);
        let ids: Vec<DocumentId> = summaries.iter().map(|s| s.id).collect();
        let sum = |f: &dyn Fn(DocumentId) -> usize| ids.iter().map(|id| f(*id)).sum::<usize>();
        assert_eq!(sum(&|id| base.contacts(id).len()), 150);
        assert_eq!(sum(&|id| base.interactions(id).len()), 500);
        assert_eq!(sum(&|id| base.entities::<Order>(id).len()), 100);
        assert_eq!(sum(&|id| base.entities::<Invoice>(id).len()), 100);
        assert_eq!(sum(&|id| base.entities::<Deal>(id).len()), spec.deals());
        assert!(sum(&|id| base.tasks(id).len()) >= spec.standalone_tasks());
        assert_eq!(base.team_entities::<Manager>().len(), 6);
        assert_eq!(base.catalog().len(), PRODUCTS.len());
        assert_eq!(base.team_entities::<Event>().len(), EVENTS.len());
        // Owners are among the reps; every phone is E.164, every e-mail valid.
        for s in &summaries {
            assert!(spec.reps.contains(&s.owner), "{}", s.owner);
            for c in base.contacts(s.id) {
                for p in &c.phones {
                    assert_eq!(validate::phone(p).ok().as_ref(), Some(p));
                }
                for e in &c.emails {
                    assert_eq!(validate::email(e).ok().as_ref(), Some(e));
                    assert!(e.is_ascii());
                }
            }
        }
        // Some lines are out of stock, some invoices overdue, some paid.
        let lines: Vec<Line> = ids
            .iter()
            .flat_map(|id| {
                base.entities::<Order>(*id)
                    .into_iter()
                    .flat_map(|(o, _)| base.items::<Order, Line>(*id, &o))
                    .map(|(_, l)| l)
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(lines.iter().any(|l| l.stock == StockState::OutOfStock));
        assert!(!base.overdue_invoices(None, spec.today).is_empty());
        assert!(
            base.receivables(None)
                .iter()
                .any(|r| r.outstanding(spec.today).minor == 0)
        );
        // Every deal stage occurs.
        let stages: Vec<DealStage> = ids
            .iter()
            .flat_map(|id| base.entities::<Deal>(*id))
            .map(|(_, d)| d.stage)
            .collect();
        for s in DealStage::ALL {
            assert!(stages.contains(s), "{s:?}");
        }
        // Interactions lie in the 90 days before today.
        let first = (spec.today.days_since_epoch() - 90) * DAY_MS;
        let last = (spec.today.days_since_epoch() + 1) * DAY_MS;
        for id in &ids {
            for i in base.interactions(*id) {
                assert!(i.at >= first && i.at < last);
            }
        }
        // Today has work for a rep, and search finds generated names.
        let today = base.today("jiri", spec.today);
        assert!(!today.overdue.is_empty() || !today.due_today.is_empty());
        assert!(!SearchIndex::from_base(&base).search("s", 50).is_empty());
    }

    #[test]
    fn the_same_seed_gives_the_same_documents() {
        let spec = small().scaled(20);
        let a = generate(&spec);
        let b = generate(&spec);
        assert_eq!(a.summaries(), b.summaries());
        assert_eq!(a.doc_ids(), b.doc_ids());
        for id in a.doc_ids() {
            assert_eq!(a.doc(id).unwrap().save(), b.doc(id).unwrap().save(), "{id}");
        }
        let other = generate(&SampleSpec {
            seed: 8,
            ..spec.clone()
        });
        assert_ne!(a.summaries(), other.summaries());
    }

    #[test]
    fn names_are_written_in_all_six_scripts() {
        let base = generate(&small());
        let names: Vec<String> = base
            .summaries()
            .iter()
            .flat_map(|s| {
                let mut v = vec![s.name.clone()];
                v.extend(base.contacts(s.id).into_iter().map(|c| c.name));
                v
            })
            .collect();
        let any = |f: &dyn Fn(char) -> bool| names.iter().any(|n| n.chars().any(f));
        assert!(any(&|c| ('\u{400}'..='\u{4ff}').contains(&c)), "Cyrillic");
        assert!(any(&|c| ('\u{ac00}'..='\u{d7a3}').contains(&c)), "Hangul");
        assert!(any(&|c| "řůŘŮ".contains(c)), "Czech");
        assert!(any(&|c| "øåØÅæ".contains(c)), "Norwegian");
        assert!(any(&|c| "ãçÃÇ".contains(c)), "Portuguese");
        assert!(names.iter().any(|n| n.is_ascii()), "English");
        let languages: std::collections::BTreeSet<String> = base
            .summaries()
            .iter()
            .flat_map(|s| base.contacts(s.id))
            .map(|c| c.language)
            .collect();
        assert_eq!(languages.len(), 6, "{languages:?}");
    }
}
