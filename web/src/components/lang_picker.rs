//! The language picker: a native `<select>` (big touch target, the platform's own list).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::{app::use_i18n, components::icons, i18n::Lang};

/// Switches the app's language.
#[component]
pub fn LangPicker() -> Html {
    let i18n = use_i18n();
    let current = i18n.tr.lang();
    let onchange = {
        let set_lang = i18n.set_lang.clone();
        Callback::from(move |e: Event| {
            let tag = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(lang) = Lang::from_tag(&tag) {
                set_lang.emit(lang);
            }
        })
    };
    html! {
        <label class="lang-picker" title={i18n.t("language")}>
            { icons::globe() }
            <span class="sr-only">{ i18n.t("language") }</span>
            <select id="lang" {onchange} aria-label={i18n.t("language")}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.code()} selected={*l == current} lang={l.code()}>
                        { l.native_name() }
                    </option>
                }) }
            </select>
        </label>
    }
}
