//! Settings: language, time zone, the event leads are captured at, the targets (a head
//! of sales edits every manager's, anyone else reads his own: [`TargetsSection`]), and
//! signing out.

use fieldbase_core::Event;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::{
    app::use_i18n,
    browser,
    components::{icons, lang_picker::LangPicker, targets::TargetsSection},
    hooks::use_query,
};

/// Properties of [`SettingsScreen`].
#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    /// The latest durable state.
    pub snapshot: crate::engine::Snapshot,
    /// The running engine.
    pub engine: crate::engine::EngineHandle,
    /// Opens another screen.
    pub navigate: Callback<crate::route::Route>,
    /// Sign out (asks first when changes are unsent).
    pub on_sign_out: Callback<()>,
}

/// The Settings screen.
#[component]
pub fn SettingsScreen(props: &SettingsProps) -> Html {
    let i18n = use_i18n();
    let snap = &props.snapshot;
    let event = use_state(browser::current_event);
    let data = use_query(&props.engine, snap.version, |_, base| {
        let events: Vec<(String, Event)> = base
            .team_entities::<Event>()
            .into_iter()
            .filter(|(_, e)| !e.archived)
            .collect();
        events
    });
    let on_event = {
        let event = event.clone();
        Callback::from(move |e: Event_| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let v = (!v.is_empty()).then_some(v);
            browser::set_current_event(v.as_deref());
            event.set(v);
        })
    };
    let sign_out = {
        let cb = props.on_sign_out.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <div class="screen settings" data-testid="settings">
            <h1 class="screen-title">{ i18n.t("nav-settings") }</h1>
            <section class="card form-card">
                <div class="field">
                    <span class="field-label">{ i18n.t("language") }</span>
                    <LangPicker />
                </div>
                <div class="field">
                    <span class="field-label">{ i18n.t("settings-time-zone") }</span>
                    <span data-testid="time-zone">{ browser::time_zone() }</span>
                </div>
                <div class="field">
                    <label class="field-label" for="current-event">{ i18n.t("settings-current-event") }</label>
                    <select id="current-event" data-testid="current-event" onchange={on_event}>
                        <option value="" selected={event.is_none()}>{ i18n.t("settings-no-event") }</option>
                        { for data.iter().flat_map(|d| d.iter().cloned()).map(|(id, e)| html! {
                            <option value={id.clone()} selected={event.as_deref() == Some(id.as_str())}>
                                { &e.name }{ if e.place.is_empty() { String::new() } else { format!(" · {}", e.place) } }
                            </option>
                        }) }
                    </select>
                </div>
            </section>
            <TargetsSection snapshot={snap.clone()} engine={props.engine.clone()} />
            <section class="card form-card">
                <p class="muted">{ i18n.t_with("signed-in-as", &[("rep", snap.rep.as_str())]) }</p>
                <button class="button danger sign-out" onclick={sign_out} data-testid="logout">
                    { icons::sign_out() }<span>{ i18n.t("logout") }</span>
                </button>
            </section>
        </div>
    }
}

type Event_ = yew::events::Event;
