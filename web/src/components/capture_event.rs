//! The event leads are captured at: picked once (remembered on the device, shared with
//! Settings), or created on the spot (name, place, dates) in the team document.

use fieldbase_core::{
    Author, ClientBase, Date, Edit, Event, EventKind, Field, TeamDoc, TeamEntity,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::{
    app::use_i18n,
    browser,
    calls::EditCall,
    components::icons,
    engine::{AddError, EngineHandle},
    hooks::use_query,
    i18n::invalid_reason_key,
};

/// Properties of [`EventPicker`].
#[derive(Properties, PartialEq)]
pub struct EventPickerProps {
    /// The running engine.
    pub engine: EngineHandle,
    /// The snapshot's version (the list follows every durable change).
    pub version: u64,
    /// The event picked now.
    pub event: Option<String>,
    /// Another event was picked (or created), `None` for none.
    pub on_change: Callback<Option<String>>,
}

/// The event select, "new event", and the note when the team documents are not here yet.
#[component]
pub fn EventPicker(props: &EventPickerProps) -> Html {
    let i18n = use_i18n();
    let creating = use_state(|| false);
    let data = use_query(&props.engine, props.version, |_, base| {
        let events: Vec<(String, Event)> = base
            .team_entities::<Event>()
            .into_iter()
            .filter(|(_, e)| !e.archived)
            .collect();
        (events, base.team_doc_id(TeamDoc::Team).is_ok())
    });
    let (events, team_known) = match &data {
        Some(d) => (d.0.clone(), d.1),
        None => (Vec::new(), true),
    };
    let onchange = {
        let cb = props.on_change.clone();
        Callback::from(move |e: web_sys::Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            cb.emit((!v.is_empty()).then_some(v));
        })
    };
    let open = {
        let creating = creating.clone();
        Callback::from(move |_: MouseEvent| creating.set(true))
    };
    let on_created = {
        let (cb, creating) = (props.on_change.clone(), creating.clone());
        Callback::from(move |id: String| {
            creating.set(false);
            cb.emit(Some(id));
        })
    };
    let on_cancel = {
        let creating = creating.clone();
        Callback::from(move |_| creating.set(false))
    };
    let current = props.event.as_deref();
    let unknown = current.is_some_and(|id| !events.iter().any(|(e, _)| e == id));
    html! {
        <section class="card form-card capture-event-card">
            <div class="field">
                <label class="field-label" for="capture-event">{ i18n.t("capture-event") }</label>
                <div class="capture-event-row">
                    <select id="capture-event" data-testid="capture-event" {onchange}>
                        <option value="" selected={current.is_none()}>{ i18n.t("settings-no-event") }</option>
                        if unknown {
                            <option value={current.unwrap_or_default().to_owned()} selected=true>
                                { i18n.t("capture-event-unknown") }
                            </option>
                        }
                        { for events.iter().map(|(id, e)| html! {
                            <option value={id.clone()} selected={current == Some(id.as_str())}>
                                { event_label(i18n.tr.lang(), e) }
                            </option>
                        }) }
                    </select>
                    if team_known && !*creating {
                        <button type="button" class="button ghost small-button" onclick={open}
                                data-testid="capture-new-event">
                            { icons::plus() }<span>{ i18n.t("capture-new-event") }</span>
                        </button>
                    }
                </div>
                if !team_known {
                    <p class="muted small" data-testid="capture-events-later">{ i18n.t("capture-events-later") }</p>
                }
            </div>
            if *creating {
                <NewEventForm engine={props.engine.clone()} {on_created} {on_cancel} />
            }
        </section>
    }
}

fn event_label(lang: crate::i18n::Lang, e: &Event) -> String {
    let mut label = e.name.clone();
    if !e.place.is_empty() {
        label.push_str(" · ");
        label.push_str(&e.place);
    }
    if let Some(starts) = e.starts {
        label.push_str(" · ");
        label.push_str(&crate::format::date(lang, starts));
    }
    label
}

#[derive(Properties, PartialEq)]
struct NewEventProps {
    engine: EngineHandle,
    on_created: Callback<String>,
    on_cancel: Callback<()>,
}

#[derive(Clone, Default, PartialEq)]
struct EventProblems {
    name: Option<&'static str>,
    place: Option<&'static str>,
    ends: Option<&'static str>,
    failed: Option<String>,
}

impl EventProblems {
    fn set(&mut self, field: Field, key: &'static str) {
        match field {
            Field::Place => self.place = Some(key),
            Field::Date => self.ends = Some(key),
            _ => self.name = Some(key),
        }
    }
}

/// Name, place, first and last day; "create and use".
#[component]
fn NewEventForm(props: &NewEventProps) -> Html {
    let i18n = use_i18n();
    let today = browser::today().to_string();
    let name = use_state(String::new);
    let place = use_state(String::new);
    let starts = use_state(|| today.clone());
    let ends = use_state(|| today.clone());
    let problems = use_state(EventProblems::default);
    let saving = use_state(|| false);
    let name_ref = use_node_ref();
    {
        let name_ref = name_ref.clone();
        use_effect_with((), move |_| {
            if let Some(input) = name_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: InputEvent| {
            h.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let create = {
        let (name, place, starts, ends, problems, saving) = (
            name.clone(),
            place.clone(),
            starts.clone(),
            ends.clone(),
            problems.clone(),
            saving.clone(),
        );
        let (engine, on_created) = (props.engine.clone(), props.on_created.clone());
        Callback::from(move |_: MouseEvent| {
            if *saving {
                return;
            }
            let event = Event {
                name: (*name).clone(),
                kind: EventKind::Exhibition,
                place: (*place).clone(),
                starts: Date::parse(&starts).ok(),
                ends: Date::parse(&ends).ok(),
                archived: false,
            };
            if let Err(fieldbase_core::Error::Invalid { field, reason, .. }) = event.validated() {
                let mut p = EventProblems::default();
                p.set(field, invalid_reason_key(reason));
                problems.set(p);
                return;
            }
            problems.set(EventProblems::default());
            saving.set(true);
            let id = browser::hex(&browser::random_bytes::<8>());
            let (engine, on_created, problems, saving) = (
                engine.clone(),
                on_created.clone(),
                problems.clone(),
                saving.clone(),
            );
            spawn_local(async move {
                let result = engine
                    .edit(EditCall::new(
                        |(id, event): (String, Event), base: &mut ClientBase, author: &Author| {
                            let doc = base.put_team_entity(&id, &event, author)?;
                            Ok(Edit {
                                client: doc,
                                touched: vec![doc],
                            })
                        },
                        (id.clone(), event),
                    ))
                    .await;
                saving.set(false);
                match result {
                    Ok(_) => on_created.emit(id),
                    Err(AddError::Invalid { field, reason }) => {
                        let mut p = EventProblems::default();
                        p.set(field, invalid_reason_key(reason));
                        problems.set(p);
                    }
                    Err(AddError::Storage(reason) | AddError::Refused(reason)) => {
                        problems.set(EventProblems {
                            failed: Some(reason),
                            ..EventProblems::default()
                        })
                    }
                    Err(AddError::Closed) => {}
                }
            });
        })
    };
    let cancel = {
        let cb = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let p = &*problems;
    let field = |id: &'static str,
                 label: String,
                 kind: &'static str,
                 value: &UseStateHandle<String>,
                 error: Option<&'static str>,
                 node: Option<NodeRef>| {
        html! {
            <div class={classes!("field", error.is_some().then_some("invalid"))}>
                <label for={id}>
                    { label }
                    if kind == "date" {
                        if let Some(note) = crate::format::date_input_note(i18n.tr.lang(), value) {
                            <span class="field-note">{ note }</span>
                        }
                    }
                </label>
                <input id={id} type={kind} value={(**value).clone()} oninput={set(value)}
                       data-testid={id} ref={node.unwrap_or_default()}
                       aria-invalid={error.is_some().to_string()} />
                if let Some(key) = error {
                    <p class="field-error" data-testid={format!("{id}-error")}>{ i18n.t(key) }</p>
                }
            </div>
        }
    };
    html! {
        <div class="capture-new-event" data-testid="capture-event-form">
            { field("capture-event-name", i18n.t("capture-event-name"), "text", &name, p.name, Some(name_ref.clone())) }
            { field("capture-event-place", i18n.t("capture-event-place"), "text", &place, p.place, None) }
            <div class="capture-pair">
                { field("capture-event-starts", i18n.t("capture-event-starts"), "date", &starts, None, None) }
                { field("capture-event-ends", i18n.t("capture-event-ends"), "date", &ends, p.ends, None) }
            </div>
            if let Some(reason) = &p.failed {
                <p class="form-error" role="alert">{ i18n.t_with("add-failed", &[("reason", reason.as_str())]) }</p>
            }
            <div class="capture-actions">
                <button type="button" class="button primary" onclick={create} disabled={*saving}
                        data-testid="capture-event-create">
                    { i18n.t("capture-event-create") }
                </button>
                <button type="button" class="button ghost" onclick={cancel}>{ i18n.t("capture-cancel") }</button>
            </div>
        </div>
    }
}
