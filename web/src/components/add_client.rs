//! The form that adds a client. Each field is checked with core's validation as the rep
//! submits, and every problem is shown next to its field; nothing is saved until all
//! fields pass. "Saved" appears only once the engine has the client on disk.

use fieldbase_core::{ClientDraft, Error, Field, Problem, validate};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::{
    app::use_i18n,
    components::{icons, text_field::TextField},
    engine::{AddError, EngineHandle},
    i18n::invalid_reason_key,
};

/// Properties of [`AddClientForm`].
#[derive(Properties, PartialEq)]
pub struct AddClientFormProps {
    /// The engine that stores the client.
    pub engine: EngineHandle,
}

/// The translation keys of each field's problem.
#[derive(Clone, Default, PartialEq)]
struct Problems {
    name: Option<&'static str>,
    phone: Option<&'static str>,
    email: Option<&'static str>,
}

impl Problems {
    fn set(&mut self, field: Field, reason: Problem) {
        let key = Some(invalid_reason_key(reason));
        match field {
            Field::Phone => self.phone = key,
            Field::Email => self.email = key,
            // The form has no other fields; anything else is shown at the top.
            _ => self.name = key,
        }
    }

    fn any(&self) -> bool {
        self.name.is_some() || self.phone.is_some() || self.email.is_some()
    }
}

fn check(draft: &ClientDraft) -> Problems {
    let mut problems = Problems::default();
    for result in [
        validate::name(&draft.name),
        validate::phone(&draft.phone),
        validate::email(&draft.email),
    ] {
        if let Err(Error::Invalid { field, reason, .. }) = result {
            problems.set(field, reason);
        }
    }
    problems
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Saved(String),
    Failed(String),
}

/// Name, phone, e-mail and the add button.
#[component]
pub fn AddClientForm(props: &AddClientFormProps) -> Html {
    let i18n = use_i18n();
    let name = use_state(String::new);
    let phone = use_state(String::new);
    let email = use_state(String::new);
    let problems = use_state(Problems::default);
    let saving = use_state(|| false);
    let outcome = use_state(|| None::<Outcome>);

    let onsubmit = {
        let (name, phone, email, problems, saving, outcome) = (
            name.clone(),
            phone.clone(),
            email.clone(),
            problems.clone(),
            saving.clone(),
            outcome.clone(),
        );
        let engine = props.engine.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *saving {
                return;
            }
            let draft = ClientDraft {
                name: (*name).clone(),
                phone: (*phone).clone(),
                email: (*email).clone(),
                ..ClientDraft::default()
            };
            let found = check(&draft);
            outcome.set(None);
            if found.any() {
                problems.set(found);
                return;
            }
            problems.set(Problems::default());
            saving.set(true);
            let (name, phone, email, problems, saving, outcome, engine) = (
                name.clone(),
                phone.clone(),
                email.clone(),
                problems.clone(),
                saving.clone(),
                outcome.clone(),
                engine.clone(),
            );
            spawn_local(async move {
                let shown = draft.name.split_whitespace().collect::<Vec<_>>().join(" ");
                match engine.add_client(draft).await {
                    Ok(()) => {
                        name.set(String::new());
                        phone.set(String::new());
                        email.set(String::new());
                        outcome.set(Some(Outcome::Saved(shown)));
                    }
                    Err(AddError::Invalid { field, reason }) => {
                        let mut p = Problems::default();
                        p.set(field, reason);
                        problems.set(p);
                    }
                    Err(AddError::Storage(reason) | AddError::Refused(reason)) => {
                        outcome.set(Some(Outcome::Failed(reason)))
                    }
                    Err(AddError::Closed) => {}
                }
                saving.set(false);
            });
        })
    };

    let edit = |h: &UseStateHandle<String>| {
        let (h, outcome) = (h.clone(), outcome.clone());
        Callback::from(move |v: String| {
            h.set(v);
            outcome.set(None);
        })
    };
    let error = |key: Option<&'static str>| key.map(|k| AttrValue::from(i18n.t(k)));
    let optional = AttrValue::from(i18n.t("field-optional"));

    html! {
        <form class="add-form" onsubmit={onsubmit} novalidate=true data-testid="add-form">
            <h2 class="section-title">{ i18n.t("add-title") }</h2>
            <TextField id="name" label={i18n.t("field-name")} value={(*name).clone()}
                oninput={edit(&name)} autocomplete="organization"
                placeholder={i18n.t("placeholder-name")} error={error(problems.name)}
                required=true />
            <div class="field-pair">
                <TextField id="phone" kind="tel" label={i18n.t("field-phone")}
                    value={(*phone).clone()} oninput={edit(&phone)} autocomplete="tel"
                    inputmode="tel" placeholder={i18n.t("placeholder-phone")}
                    note={optional.clone()} error={error(problems.phone)} />
                <TextField id="email" kind="email" label={i18n.t("field-email")}
                    value={(*email).clone()} oninput={edit(&email)} autocomplete="email"
                    inputmode="email" placeholder={i18n.t("placeholder-email")}
                    note={optional} error={error(problems.email)} />
            </div>
            <button type="submit" class="button primary block" data-testid="add-client"
                    disabled={*saving}>
                { icons::plus() }
                <span>{ if *saving { i18n.t("add-saving") } else { i18n.t("add-submit") } }</span>
            </button>
            {
                match &*outcome {
                    Some(Outcome::Saved(shown)) => html! {
                        <p class="form-ok" role="status" data-testid="add-saved">
                            { icons::check() }
                            <span>{ i18n.t_with("add-saved", &[("name", shown.as_str())]) }</span>
                        </p>
                    },
                    Some(Outcome::Failed(reason)) => html! {
                        <p class="form-error" role="alert" data-testid="add-failed">
                            { i18n.t_with("add-failed", &[("reason", reason.as_str())]) }
                        </p>
                    },
                    None => html! {},
                }
            }
        </form>
    }
}
