//! The card's forms, described as data: a list of labelled inputs, the values as typed,
//! and an edit built from them. Core's validation error is shown under the field it
//! names (or above the button when no input matches); "Saved" appears once the engine
//! has the change on the device.

use std::{borrow::Borrow, collections::BTreeMap, rc::Rc};

use fieldbase_core::{Currency, Date, Edit, Error, Field, Money, Problem, TimeOfDay};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::{
    app::use_i18n,
    calls::EditCall,
    components::text_field::TextField,
    engine::{AddError, EngineHandle},
    i18n::invalid_reason_key,
};

/// What the rep typed, by input key.
pub type Values = BTreeMap<&'static str, String>;
/// The values as they cross to the engine (an edit reads them there).
pub type Sent = BTreeMap<String, String>;
/// A form's edit for the engine.
pub type FormEdit = EditCall<Edit>;

/// `v` as it crosses to the engine.
pub fn sent(v: Values) -> Sent {
    v.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// The kind of an input.
#[derive(Clone, PartialEq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// A whole number.
    Number,
    /// A number with decimals (amounts, percentages).
    Decimal,
    /// A calendar date.
    Date,
    /// A time of day.
    Time,
    /// Several lines of text.
    Area,
    /// A check box (`"true"` when checked, else empty).
    Check,
    /// One of these (value, label).
    Select(Rc<Vec<(String, String)>>),
}

/// One labelled input.
#[derive(Clone, PartialEq)]
pub struct Input {
    /// Key in [`Values`].
    pub key: &'static str,
    /// The visible label.
    pub label: String,
    /// What kind.
    pub kind: Kind,
    /// The core field whose validation errors are shown under it.
    pub field: Field,
    /// Shown only when another input has this value.
    pub show_if: Option<(&'static str, &'static str)>,
    /// Takes a whole row on wide screens.
    pub wide: bool,
}

impl Input {
    /// An input.
    pub fn new(key: &'static str, label: String, kind: Kind, field: Field) -> Input {
        let wide = matches!(kind, Kind::Area | Kind::Check);
        Input {
            key,
            label,
            kind,
            field,
            show_if: None,
            wide,
        }
    }

    /// Shown only while input `key` has `value`.
    pub fn when(mut self, key: &'static str, value: &'static str) -> Input {
        self.show_if = Some((key, value));
        self
    }

    fn visible(&self, values: &Values) -> bool {
        self.show_if
            .is_none_or(|(k, v)| values.get(k).map(String::as_str).unwrap_or_default() == v)
    }
}

/// Options of a select from keyed values: (key, translated label).
pub fn options<T: Copy>(
    all: &[T],
    key: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> String,
) -> Kind {
    Kind::Select(Rc::new(
        all.iter()
            .map(|v| (key(*v).to_owned(), label(*v)))
            .collect(),
    ))
}

/// Properties of [`RecordForm`].
#[derive(Properties, PartialEq)]
pub struct RecordFormProps {
    /// A prefix making the inputs' ids unique on the page.
    pub id: AttrValue,
    /// The engine that runs the edit.
    pub engine: EngineHandle,
    /// The inputs, in order.
    pub inputs: Rc<Vec<Input>>,
    /// The values to start from (and to go back to after a save when `reset`).
    pub initial: Rc<Values>,
    /// The submit button's text.
    pub submit: AttrValue,
    /// Builds the edit from the values (parsing errors are returned by the edit).
    pub save: Callback<Values, FormEdit>,
    /// Empty the form after a save (new records).
    #[prop_or_default]
    pub reset: bool,
    /// `data-testid` of the form.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Saving,
    Saved,
    Failed(String),
}

/// The value of a property of an event's target (`value`, `checked`), whatever element.
pub fn target_prop(e: &Event, name: &str) -> JsValue {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str(name)).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// A form of inputs.
#[component]
pub fn RecordForm(props: &RecordFormProps) -> Html {
    let i18n = use_i18n();
    let values = use_state(|| (*props.initial).clone());
    let dirty = use_state(|| false);
    let problem = use_state(|| None::<(Option<&'static str>, &'static str)>);
    let status = use_state(|| Status::Idle);
    {
        // Another device changed the record: follow it unless the rep is typing.
        let (values, dirty) = (values.clone(), dirty.clone());
        use_effect_with(props.initial.clone(), move |initial| {
            if !*dirty {
                values.set((**initial).clone());
            }
        });
    }
    let set = |key: &'static str| {
        let (values, dirty, status, problem) = (
            values.clone(),
            dirty.clone(),
            status.clone(),
            problem.clone(),
        );
        Callback::from(move |v: String| {
            // Typing in the field with the problem clears its message.
            if matches!(*problem, Some((Some(k), _)) if k == key) {
                problem.set(None);
            }
            let mut next = (*values).clone();
            next.insert(key, v);
            values.set(next);
            dirty.set(true);
            if *status != Status::Saving {
                status.set(Status::Idle);
            }
        })
    };
    let onsubmit = {
        let (values, dirty, problem, status) = (
            values.clone(),
            dirty.clone(),
            problem.clone(),
            status.clone(),
        );
        let (engine, save, inputs, initial, reset) = (
            props.engine.clone(),
            props.save.clone(),
            props.inputs.clone(),
            props.initial.clone(),
            props.reset,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *status == Status::Saving {
                return;
            }
            let current = (*values).clone();
            let edit = save.emit(current.clone());
            status.set(Status::Saving);
            problem.set(None);
            let (values, dirty, problem, status, engine, inputs, initial) = (
                values.clone(),
                dirty.clone(),
                problem.clone(),
                status.clone(),
                engine.clone(),
                inputs.clone(),
                initial.clone(),
            );
            spawn_local(async move {
                match engine.edit(edit).await {
                    Ok(_) => {
                        dirty.set(false);
                        if reset {
                            values.set((*initial).clone());
                        }
                        status.set(Status::Saved);
                    }
                    Err(AddError::Invalid { field, reason }) => {
                        let at = inputs
                            .iter()
                            .find(|i| i.field == field && i.visible(&current))
                            .map(|i| i.key);
                        problem.set(Some((at, invalid_reason_key(reason))));
                        status.set(Status::Idle);
                    }
                    Err(AddError::Storage(r) | AddError::Refused(r)) => {
                        status.set(Status::Failed(r))
                    }
                    Err(AddError::Closed) => status.set(Status::Idle),
                }
            });
        })
    };
    let error_for = |key: &'static str| match *problem {
        Some((Some(k), msg)) if k == key => Some(AttrValue::from(i18n.t(msg))),
        _ => None,
    };
    let form_error = match *problem {
        Some((None, msg)) => Some(i18n.t(msg)),
        _ => None,
    };
    let id = props.id.clone();
    let field = |input: &Input| -> Html {
        let dom_id = format!("{id}-{}", input.key);
        let value = values.get(input.key).cloned().unwrap_or_default();
        let error = error_for(input.key);
        let oninput = set(input.key);
        let class = classes!(
            "field",
            error.is_some().then_some("invalid"),
            input.wide.then_some("card-wide")
        );
        let err_html = |error: &Option<AttrValue>| match error {
            Some(e) => html! {
                <p class="field-error" id={format!("{dom_id}-error")}>{ e.clone() }</p>
            },
            None => html! {},
        };
        match &input.kind {
            Kind::Select(opts) => {
                let onchange = Callback::from(move |e: Event| {
                    oninput.emit(target_prop(&e, "value").as_string().unwrap_or_default())
                });
                html! {
                    <div {class}>
                        <label for={dom_id.clone()}>{ &input.label }</label>
                        <select id={dom_id.clone()} name={dom_id.clone()} {onchange}>
                            { for opts.iter().map(|(k, label)| html! {
                                <option value={k.clone()} selected={*k == value}>{ label }</option>
                            }) }
                        </select>
                        { err_html(&error) }
                    </div>
                }
            }
            Kind::Area => {
                let oninput = Callback::from(move |e: InputEvent| {
                    oninput.emit(target_prop(&e, "value").as_string().unwrap_or_default())
                });
                html! {
                    <div {class}>
                        <label for={dom_id.clone()}>{ &input.label }</label>
                        <textarea id={dom_id.clone()} name={dom_id.clone()} {value} {oninput}
                                  rows="3" aria-invalid={error.is_some().to_string()} />
                        { err_html(&error) }
                    </div>
                }
            }
            Kind::Check => {
                let onchange = Callback::from(move |e: Event| {
                    let on = target_prop(&e, "checked").as_bool().unwrap_or(false);
                    oninput.emit(if on { "true".into() } else { String::new() })
                });
                html! {
                    <div class={classes!(class, "card-check")}>
                        <label for={dom_id.clone()}>
                            <input type="checkbox" id={dom_id.clone()} name={dom_id.clone()}
                                   checked={value == "true"} {onchange} />
                            <span>{ &input.label }</span>
                        </label>
                        { err_html(&error) }
                    </div>
                }
            }
            kind => {
                let (ty, mode) = match kind {
                    Kind::Number => ("text", Some("numeric")),
                    Kind::Decimal => ("text", Some("decimal")),
                    Kind::Date => ("date", None),
                    Kind::Time => ("time", None),
                    _ => ("text", None),
                };
                let note = matches!(kind, Kind::Date)
                    .then(|| crate::format::date_input_note(i18n.tr.lang(), &value))
                    .flatten()
                    .map(AttrValue::from);
                html! {
                    <div class={classes!("card-field", input.wide.then_some("card-wide"))}>
                        <TextField id={AttrValue::from(dom_id.clone())} label={input.label.clone()}
                            value={value} {oninput} kind={AttrValue::Static(ty)}
                            inputmode={mode.map(AttrValue::Static)} error={error} {note} />
                    </div>
                }
            }
        }
    };
    html! {
        <form class="card-form" onsubmit={onsubmit} novalidate=true
              data-testid={props.testid.clone()}>
            <div class="card-form-grid">
                { for props.inputs.iter().filter(|i| i.visible(&values)).map(field) }
            </div>
            if let Some(e) = form_error {
                <p class="form-error" role="alert">{ e }</p>
            }
            <div class="card-form-actions">
                <button type="submit" class="button primary" disabled={*status == Status::Saving}>
                    { if *status == Status::Saving { i18n.t("add-saving") } else { props.submit.to_string() } }
                </button>
                {
                    match &*status {
                        Status::Saved => html! {
                            <span class="form-ok" role="status">{ i18n.t("card-saved") }</span>
                        },
                        Status::Failed(r) => html! {
                            <span class="form-error" role="alert">
                                { i18n.t_with("card-failed", &[("reason", r.as_str())]) }
                            </span>
                        },
                        _ => html! {},
                    }
                }
            </div>
        </form>
    }
}

// ---------- reading typed values ----------

fn invalid(field: Field, value: &str, reason: Problem) -> Error {
    Error::Invalid {
        field,
        value: value.to_owned(),
        reason,
    }
}

fn renamed(e: Error, field: Field) -> Error {
    match e {
        Error::Invalid { value, reason, .. } => Error::Invalid {
            field,
            value,
            reason,
        },
        other => other,
    }
}

/// The text of input `key` (empty when missing).
pub fn text<K: Ord + Borrow<str>>(v: &BTreeMap<K, String>, key: &str) -> String {
    v.get(key).cloned().unwrap_or_default()
}

/// A check box.
pub fn flag<K: Ord + Borrow<str>>(v: &BTreeMap<K, String>, key: &str) -> bool {
    v.get(key).is_some_and(|s| s == "true")
}

/// An optional date (`YYYY-MM-DD`).
pub fn date<K: Ord + Borrow<str>>(
    v: &BTreeMap<K, String>,
    key: &str,
) -> Result<Option<Date>, Error> {
    let s = text(v, key);
    if s.trim().is_empty() {
        return Ok(None);
    }
    Date::parse(&s).map(Some)
}

/// A required date.
pub fn required_date<K: Ord + Borrow<str>>(
    v: &BTreeMap<K, String>,
    key: &str,
) -> Result<Date, Error> {
    date(v, key)?.ok_or_else(|| invalid(Field::Date, "", Problem::BadDate))
}

/// An optional time of day.
pub fn time<K: Ord + Borrow<str>>(
    v: &BTreeMap<K, String>,
    key: &str,
) -> Result<Option<TimeOfDay>, Error> {
    let s = text(v, key);
    if s.trim().is_empty() {
        return Ok(None);
    }
    TimeOfDay::parse(&s).map(Some)
}

/// A whole number (empty: 0).
pub fn number<K: Ord + Borrow<str>>(
    v: &BTreeMap<K, String>,
    key: &str,
    field: Field,
) -> Result<u32, Error> {
    let s = text(v, key);
    let t = s.trim();
    if t.is_empty() {
        return Ok(0);
    }
    t.parse()
        .map_err(|_| invalid(field, &s, Problem::OutOfRange))
}

/// A percentage with up to two decimals, as basis points (`5,5` → 550).
pub fn percent_bp<K: Ord + Borrow<str>>(
    v: &BTreeMap<K, String>,
    key: &str,
    field: Field,
) -> Result<u32, Error> {
    let s = text(v, key);
    if s.trim().is_empty() {
        return Ok(0);
    }
    let m = Money::parse(&s, Currency::EUR).map_err(|e| renamed(e, field))?;
    u32::try_from(m.minor).map_err(|_| invalid(field, &s, Problem::OutOfRange))
}

/// Basis points as a percentage to edit (`550` → `5.5`).
pub fn bp_text(bp: u32) -> String {
    if bp == 0 {
        return String::new();
    }
    let s = format!("{}.{:02}", bp / 100, bp % 100);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A currency code (upper-cased).
pub fn currency<K: Ord + Borrow<str>>(
    v: &BTreeMap<K, String>,
    key: &str,
) -> Result<Option<Currency>, Error> {
    let s = text(v, key).trim().to_uppercase();
    if s.is_empty() {
        return Ok(None);
    }
    Currency::new(&s).map(Some)
}

/// An optional amount in the currency of input `cur` (`EUR` when that is empty).
pub fn money<K: Ord + Borrow<str>>(
    v: &BTreeMap<K, String>,
    key: &str,
    cur: &str,
    field: Field,
) -> Result<Option<Money>, Error> {
    let s = text(v, key);
    if s.trim().is_empty() {
        return Ok(None);
    }
    let c = currency(v, cur)?.unwrap_or(Currency::EUR);
    Money::parse(&s, c).map(Some).map_err(|e| renamed(e, field))
}

/// An amount as typed back into a form.
pub fn money_text(m: Option<Money>) -> String {
    m.map(|m| m.amount_string()).unwrap_or_default()
}

/// An optional date as typed back into a form.
pub fn date_text(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// An id for a new record.
pub fn new_id() -> String {
    crate::browser::hex(&crate::browser::random_bytes::<8>())
}
