//! One row of the client list.

use fieldbase_core::{ClientSummary, DocumentId};
use yew::prelude::*;

use crate::{app::use_i18n, components::icons};

/// Properties of [`ClientRow`].
#[derive(Properties, PartialEq)]
pub struct ClientRowProps {
    /// The client.
    pub client: ClientSummary,
    /// Where the row sits in the virtual list, in CSS pixels.
    pub top: f64,
    /// Opens the client's card.
    pub on_open: Callback<DocumentId>,
}

/// Up to two initials of a name.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// A stable hue per name, for the avatar.
pub fn hue(name: &str) -> u32 {
    name.bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32))
        % 360
}

/// A client as a row: avatar and name (tap to open the card), status, tap-to-call and
/// tap-to-mail links.
#[component]
pub fn ClientRow(props: &ClientRowProps) -> Html {
    let i18n = use_i18n();
    let c = &props.client;
    let status = c.status.key();
    let no_contact = c.phone.is_empty() && c.email.is_empty();
    let open = {
        let (cb, id) = (props.on_open.clone(), c.id);
        Callback::from(move |_| cb.emit(id))
    };
    html! {
        <li class="client-row" data-testid="client-row" data-client-id={c.id.to_string()}
            style={format!("position:absolute;left:0;right:0;top:{}px", props.top)}>
            <button class="avatar" aria-hidden="true" tabindex="-1" onclick={open.clone()}
                 style={format!("--hue:{}", hue(&c.name))}>{ initials(&c.name) }</button>
            <div class="client-main">
                <div class="client-top">
                    <button class="client-name link-button" data-testid="client-name"
                            onclick={open}>{ &c.name }</button>
                    <span class={classes!("chip", format!("status-{status}"))}>
                        { i18n.t(&format!("client-status-{status}")) }
                    </span>
                </div>
                <div class="client-contact">
                    if !c.phone.is_empty() {
                        <a class="contact" href={format!("tel:{}", c.phone)}>
                            { icons::phone() }<span>{ &c.phone }</span>
                        </a>
                    }
                    if !c.email.is_empty() {
                        <a class="contact" href={format!("mailto:{}", c.email)}>
                            { icons::mail() }<span>{ &c.email }</span>
                        </a>
                    }
                    if no_contact {
                        <span class="muted small">{ i18n.t("client-no-contact") }</span>
                    }
                </div>
            </div>
        </li>
    }
}
