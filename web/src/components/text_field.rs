//! A labelled text input with its error shown right under it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The input's `id` (and `name`).
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The current value.
    pub value: AttrValue,
    /// Called with the new value on every keystroke.
    pub oninput: Callback<String>,
    /// `type` of the input.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// `autocomplete` hint.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// `inputmode` hint (which on-screen keyboard).
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Placeholder text.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// A note after the label, e.g. "optional".
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// The error to show, naming the problem.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Greyed out while a request runs.
    #[prop_or_default]
    pub disabled: bool,
    /// Marks the field as required.
    #[prop_or_default]
    pub required: bool,
}

/// A labelled input with an inline error.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let error_id = format!("{}-error", props.id);
    let invalid = props.error.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={props.id.clone()}>
                { props.label.clone() }
                if let Some(note) = &props.note {
                    <span class="field-note">{ note.clone() }</span>
                }
            </label>
            <input
                id={props.id.clone()}
                name={props.id.clone()}
                type={props.kind.clone()}
                value={props.value.clone()}
                {oninput}
                autocomplete={props.autocomplete.clone()}
                inputmode={props.inputmode.clone()}
                placeholder={props.placeholder.clone()}
                disabled={props.disabled}
                required={props.required}
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-describedby={invalid.then(|| error_id.clone())}
            />
            if let Some(error) = &props.error {
                <p class="field-error" id={error_id} data-testid={format!("{}-error", props.id)}>
                    { error.clone() }
                </p>
            }
        </div>
    }
}
