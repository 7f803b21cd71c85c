//! Capture a lead (exhibition mode): the event is picked once; one form (company,
//! person, phone, e-mail, interest, temperature, note) saved in one edit as a lead
//! client with its contact, its temperature tag and an exhibition interaction; then the
//! form is empty and focused for the next lead. A counter shows today's leads at the
//! event. A business card's QR code (vCard, MECARD) fills the form.

use fieldbase_core::{
    ClientBase, Date, DocumentId, Error, Field, Source,
    automerge::{ROOT, ReadDoc},
    report::local_date,
    validate,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::{
    app::use_i18n,
    browser,
    components::{capture_event::EventPicker, capture_scan::QrScanner, home::ScreenProps, icons},
    engine::AddError,
    hooks::use_query,
    i18n::invalid_reason_key,
    journal::Intent,
    lead::{Lead, LeadIntent, Temperature},
    vcard::ScannedContact,
};

impl Lead {
    /// Every problem the rep can fix, as translation keys by field.
    fn check(&self) -> Problems {
        let mut p = Problems::default();
        if self.client_name().is_empty() {
            p.company = Some("capture-need-name");
        }
        let put = |result: Result<String, Error>, slot: &mut Option<&'static str>| {
            if let Err(Error::Invalid { reason, .. }) = result {
                *slot = Some(invalid_reason_key(reason));
            }
        };
        if !self.company.trim().is_empty() {
            put(validate::name(&self.company), &mut p.company);
        }
        if !self.person.trim().is_empty() {
            put(validate::name(&self.person), &mut p.person);
        }
        put(validate::phone(&self.phone), &mut p.phone);
        put(validate::email(&self.email), &mut p.email);
        put(validate::text(Field::Summary, &self.summary()), &mut p.note);
        p
    }

    /// Fills what a scanned card says, keeping what the card leaves out.
    fn fill(&mut self, card: ScannedContact) {
        let put = |slot: &mut String, value: String| {
            if !value.is_empty() {
                *slot = value;
            }
        };
        put(&mut self.company, card.company);
        put(&mut self.person, card.person);
        put(&mut self.phone, card.phone);
        put(&mut self.email, card.email);
        put(&mut self.note, card.note);
    }
}

/// Translation keys of the problems, by field.
#[derive(Debug, Clone, Default, PartialEq)]
struct Problems {
    company: Option<&'static str>,
    person: Option<&'static str>,
    phone: Option<&'static str>,
    email: Option<&'static str>,
    note: Option<&'static str>,
}

impl Problems {
    fn any(&self) -> bool {
        *self != Problems::default()
    }

    /// Places core's verdict on the field it names.
    fn from_core(field: Field, reason: fieldbase_core::Problem) -> Problems {
        let key = Some(invalid_reason_key(reason));
        let mut p = Problems::default();
        match field {
            Field::Phone => p.phone = key,
            Field::Email => p.email = key,
            Field::Summary | Field::Note => p.note = key,
            _ => p.company = key,
        }
        p
    }
}

/// Today's leads at `event` (or, without one, today's exhibition leads with no event):
/// clients whose card names the event and was created today.
fn leads_today(base: &ClientBase, event: Option<&str>, today: Date, offset: i32) -> usize {
    let created_today = |id: DocumentId| {
        base.doc(id)
            .and_then(|doc| doc.get(ROOT, "created").ok().flatten())
            .and_then(|(v, _)| v.as_i64())
            .is_some_and(|at| local_date(at, offset) == today)
    };
    match event {
        Some(event) => base
            .leads_at(event)
            .into_iter()
            .filter(|(id, _)| created_today(*id))
            .count(),
        None => base
            .clients()
            .into_iter()
            .filter(|c| created_today(c.id))
            .filter(|c| {
                let d = base.details(c.id);
                d.source == Source::Exhibition && d.source_event.is_empty()
            })
            .count(),
    }
}

#[derive(Clone, PartialEq)]
enum Notice {
    Saved(String),
    Failed(String),
    Filled,
    NoCamera(String),
}

/// The Capture screen.
#[component]
pub fn CaptureScreen(props: &ScreenProps) -> Html {
    let i18n = use_i18n();
    let snap = &props.snapshot;
    let event = use_state(browser::current_event);
    let lead = use_state(Lead::default);
    let problems = use_state(Problems::default);
    let saving = use_state(|| false);
    let notice = use_state(|| None::<Notice>);
    let scanning = use_state(|| false);
    let company_ref = use_node_ref();
    let today = browser::today();
    let offset = browser::utc_offset_minutes();
    let count = use_query(
        &props.engine,
        (snap.version, (*event).clone(), today, offset),
        |(_, event, today, offset), base| leads_today(base, event.as_deref(), *today, *offset),
    );
    // Focuses the company field and shows the top of the form (the event, the counter,
    // the "saved" line), which the focus alone would leave under the sticky header.
    let focus_company = {
        let company_ref = company_ref.clone();
        move |scroll: bool| {
            if let Some(input) = company_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
            if scroll && let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    };
    {
        let focus = focus_company.clone();
        use_effect_with((), move |_| focus(false));
    }

    let on_event = {
        let event = event.clone();
        Callback::from(move |v: Option<String>| {
            browser::set_current_event(v.as_deref());
            event.set(v);
        })
    };
    let edit = |apply: fn(&mut Lead, String)| {
        let (lead, notice, problems) = (lead.clone(), notice.clone(), problems.clone());
        Callback::from(move |v: String| {
            let mut l = (*lead).clone();
            apply(&mut l, v);
            lead.set(l);
            if matches!(*notice, Some(Notice::Saved(_) | Notice::Failed(_))) {
                notice.set(None);
            }
            if problems.any() {
                problems.set(Problems::default());
            }
        })
    };
    let set_temperature = |t: Temperature| {
        let lead = lead.clone();
        Callback::from(move |_: MouseEvent| {
            lead.set(Lead {
                temperature: t,
                ..(*lead).clone()
            })
        })
    };
    let onsubmit = {
        let (lead, problems, saving, notice, event) = (
            lead.clone(),
            problems.clone(),
            saving.clone(),
            notice.clone(),
            event.clone(),
        );
        let engine = props.engine.clone();
        let focus = focus_company.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *saving {
                return;
            }
            let current = (*lead).clone();
            let found = current.check();
            if found.any() {
                problems.set(found);
                notice.set(None);
                return;
            }
            problems.set(Problems::default());
            saving.set(true);
            let ids = (
                DocumentId::from_bytes(browser::random_bytes::<16>()),
                browser::hex(&browser::random_bytes::<8>()),
                browser::hex(&browser::random_bytes::<8>()),
            );
            let event = (*event).clone();
            let (lead, problems, saving, notice, engine, focus) = (
                lead.clone(),
                problems.clone(),
                saving.clone(),
                notice.clone(),
                engine.clone(),
                focus.clone(),
            );
            spawn_local(async move {
                let shown = current.client_name().to_owned();
                let started = browser::now_ms();
                let (client, contact, interaction) = ids;
                let intent = Intent::Lead(LeadIntent {
                    lead: current.clone(),
                    event,
                    client,
                    contact,
                    interaction,
                    time_zone: browser::time_zone(),
                });
                let result = engine.journal(intent).await;
                saving.set(false);
                match result {
                    Ok(_) => {
                        web_sys::console::info_1(
                            &format!(
                                "fieldbase: lead saved in {:.0} ms",
                                browser::now_ms() - started
                            )
                            .into(),
                        );
                        lead.set(Lead::default());
                        notice.set(Some(Notice::Saved(shown)));
                        focus(true);
                    }
                    Err(AddError::Invalid { field, reason }) => {
                        problems.set(Problems::from_core(field, reason));
                    }
                    Err(AddError::Storage(reason) | AddError::Refused(reason)) => {
                        notice.set(Some(Notice::Failed(reason)))
                    }
                    Err(AddError::Closed) => {}
                }
            });
        })
    };
    let next = {
        let (notice, lead, problems) = (notice.clone(), lead.clone(), problems.clone());
        let focus = focus_company.clone();
        Callback::from(move |_: MouseEvent| {
            notice.set(None);
            problems.set(Problems::default());
            lead.set(Lead::default());
            focus(true);
        })
    };
    let toggle_scan = {
        let (scanning, notice) = (scanning.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            notice.set(None);
            scanning.set(!*scanning);
        })
    };
    let on_found = {
        let (scanning, notice, lead, problems) = (
            scanning.clone(),
            notice.clone(),
            lead.clone(),
            problems.clone(),
        );
        Callback::from(move |card: ScannedContact| {
            let mut l = (*lead).clone();
            l.fill(card);
            lead.set(l);
            problems.set(Problems::default());
            scanning.set(false);
            notice.set(Some(Notice::Filled));
        })
    };
    let on_fail = {
        let (scanning, notice) = (scanning.clone(), notice.clone());
        Callback::from(move |reason: String| {
            scanning.set(false);
            notice.set(Some(Notice::NoCamera(reason)));
        })
    };

    let l = &*lead;
    let p = &*problems;
    let err = |key: Option<&'static str>| key.map(|k| AttrValue::from(i18n.t(k)));
    let optional = AttrValue::from(i18n.t("field-optional"));
    let count_text = count.as_deref().map(|n| match &*event {
        Some(_) => i18n.count("capture-count", *n),
        None => i18n.count("capture-count-no-event", *n),
    });

    html! {
        <div class="screen capture" data-testid="capture">
            <h1 class="screen-title">{ i18n.t("capture-title") }</h1>
            <EventPicker engine={props.engine.clone()} version={snap.version}
                         event={(*event).clone()} on_change={on_event} />
            <form class="card form-card capture-form" {onsubmit} novalidate=true data-testid="capture-form">
                <div class="capture-head">
                    <h2 class="section-title">{ i18n.t("capture-lead") }</h2>
                    <span class="count-badge" data-testid="capture-count" data-count={count.as_deref().map(|n| n.to_string())}
                          aria-live="polite">
                        { count_text.unwrap_or_default() }
                    </span>
                </div>
                <button type="button" class={classes!("button", "ghost", "block", scanning.then_some("active"))}
                        onclick={toggle_scan} data-testid="capture-scan" aria-pressed={scanning.to_string()}>
                    { icons::capture() }
                    <span>{ if *scanning { i18n.t("capture-scan-stop") } else { i18n.t("capture-scan") } }</span>
                </button>
                if *scanning {
                    <QrScanner {on_found} {on_fail} />
                }
                {
                    match &*notice {
                        Some(Notice::Saved(name)) => html! {
                            <div class="capture-saved">
                                <p class="form-ok" role="status" data-testid="capture-saved">
                                    { icons::check() }
                                    <span>{ i18n.t_with("capture-saved", &[("name", name.as_str())]) }</span>
                                </p>
                                <button type="button" class="button block" onclick={next} data-testid="capture-next">
                                    { icons::plus() }<span>{ i18n.t("capture-next") }</span>
                                </button>
                            </div>
                        },
                        Some(Notice::Filled) => html! {
                            <p class="form-ok" role="status" data-testid="capture-filled">
                                { icons::check() }<span>{ i18n.t("capture-scan-filled") }</span>
                            </p>
                        },
                        Some(Notice::NoCamera(reason)) => html! {
                            <p class="form-error" role="alert" data-testid="capture-no-camera">
                                { i18n.t_with("capture-no-camera", &[("reason", reason.as_str())]) }
                            </p>
                        },
                        _ => html! {},
                    }
                }
                <div class="capture-pair">
                    <LeadInput id="capture-company" label={i18n.t("capture-company")} value={l.company.clone()}
                        oninput={edit(|l, v| l.company = v)} autocomplete="organization"
                        placeholder={i18n.t("placeholder-name")} error={err(p.company)} node={company_ref.clone()} />
                    <LeadInput id="capture-person" label={i18n.t("capture-person")} value={l.person.clone()}
                        oninput={edit(|l, v| l.person = v)} autocomplete="name"
                        placeholder={i18n.t("capture-person-placeholder")} error={err(p.person)} note={optional.clone()} />
                </div>
                <div class="capture-pair">
                    <LeadInput id="capture-phone" kind="tel" inputmode="tel" label={i18n.t("field-phone")}
                        value={l.phone.clone()} oninput={edit(|l, v| l.phone = v)} autocomplete="tel"
                        placeholder={i18n.t("placeholder-phone")} error={err(p.phone)} note={optional.clone()} />
                    <LeadInput id="capture-email" kind="email" inputmode="email" label={i18n.t("field-email")}
                        value={l.email.clone()} oninput={edit(|l, v| l.email = v)} autocomplete="email"
                        placeholder={i18n.t("placeholder-email")} error={err(p.email)} note={optional.clone()} />
                </div>
                <LeadInput id="capture-interest" label={i18n.t("capture-interest")} value={l.interest.clone()}
                    oninput={edit(|l, v| l.interest = v)} placeholder={i18n.t("capture-interest-placeholder")}
                    note={optional.clone()} />
                <fieldset class="field capture-temps">
                    <legend class="field-label">{ i18n.t("capture-temperature") }</legend>
                    <div class="capture-temp-row" role="radiogroup" aria-label={i18n.t("capture-temperature")}>
                        { for Temperature::ALL.iter().map(|t| {
                            let on = l.temperature == *t;
                            html! {
                                <button type="button" role="radio" aria-checked={on.to_string()}
                                        class={classes!("chip-toggle", "capture-temp", format!("temp-{}", t.key()), on.then_some("on"))}
                                        data-testid={format!("capture-temp-{}", t.key())}
                                        onclick={set_temperature(*t)}>
                                    { i18n.t(&format!("capture-temp-{}", t.key())) }
                                </button>
                            }
                        }) }
                    </div>
                </fieldset>
                <LeadInput id="capture-note" multiline=true label={i18n.t("capture-note")} value={l.note.clone()}
                    oninput={edit(|l, v| l.note = v)} error={err(p.note)} note={optional} />
                <button type="submit" class="button primary block" data-testid="capture-save" disabled={*saving}>
                    { icons::check() }
                    <span>{ if *saving { i18n.t("add-saving") } else { i18n.t("capture-save") } }</span>
                </button>
                {
                    match &*notice {
                        Some(Notice::Failed(reason)) => html! {
                            <p class="form-error" role="alert" data-testid="capture-failed">
                                { i18n.t_with("add-failed", &[("reason", reason.as_str())]) }
                            </p>
                        },
                        _ => html! {},
                    }
                }
            </form>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LeadInputProps {
    id: &'static str,
    label: String,
    value: String,
    oninput: Callback<String>,
    #[prop_or("text")]
    kind: &'static str,
    #[prop_or_default]
    inputmode: Option<&'static str>,
    #[prop_or_default]
    autocomplete: Option<&'static str>,
    #[prop_or_default]
    placeholder: Option<String>,
    #[prop_or_default]
    note: Option<AttrValue>,
    #[prop_or_default]
    error: Option<AttrValue>,
    #[prop_or_default]
    multiline: bool,
    #[prop_or_default]
    node: NodeRef,
}

/// A labelled input (or text area) with its test id and its error right under it.
#[component]
fn LeadInput(props: &LeadInputProps) -> Html {
    let oninput = {
        let cb = props.oninput.clone();
        let multiline = props.multiline;
        Callback::from(move |e: InputEvent| {
            let value = if multiline {
                e.target_unchecked_into::<HtmlTextAreaElement>().value()
            } else {
                e.target_unchecked_into::<HtmlInputElement>().value()
            };
            cb.emit(value);
        })
    };
    let invalid = props.error.is_some();
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={props.id}>
                { &props.label }
                if let Some(note) = &props.note {
                    <span class="field-note">{ note.clone() }</span>
                }
            </label>
            if props.multiline {
                <textarea id={props.id} name={props.id} data-testid={props.id} value={props.value.clone()}
                          {oninput} rows="3" ref={props.node.clone()}
                          aria-invalid={invalid.to_string()}
                          aria-describedby={invalid.then(|| error_id.clone())} />
            } else {
                <input id={props.id} name={props.id} data-testid={props.id} type={props.kind}
                       value={props.value.clone()} {oninput} ref={props.node.clone()}
                       inputmode={props.inputmode} autocomplete={props.autocomplete}
                       placeholder={props.placeholder.clone()}
                       aria-invalid={invalid.to_string()}
                       aria-describedby={invalid.then(|| error_id.clone())} />
            }
            if let Some(error) = &props.error {
                <p class="field-error" data-testid={error_id.clone()} id={error_id}>{ error.clone() }</p>
            }
        </div>
    }
}
