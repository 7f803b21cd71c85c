//! The list of clients.

use std::rc::Rc;

use fieldbase_core::ClientSummary;
use yew::prelude::*;

use crate::{app::use_i18n, components::icons};

/// Properties of [`ClientList`].
#[derive(Properties, PartialEq)]
pub struct ClientListProps {
    /// The clients, in display order.
    pub clients: Rc<Vec<ClientSummary>>,
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
fn hue(name: &str) -> u32 {
    name.bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32))
        % 360
}

/// Every client as a row: avatar, name, status, tap-to-call and tap-to-mail links.
#[component]
pub fn ClientList(props: &ClientListProps) -> Html {
    let i18n = use_i18n();
    if props.clients.is_empty() {
        return html! { <p class="empty muted" data-testid="clients-empty">{ i18n.t("clients-empty") }</p> };
    }
    html! {
        <ul class="client-list">
            { for props.clients.iter().map(|c| {
                let status = c.status.key();
                let no_contact = c.phone.is_empty() && c.email.is_empty();
                html! {
                    <li class="client-row" data-testid="client-row" key={c.id.to_string()}
                        data-client-id={c.id.to_string()}>
                        <div class="avatar" aria-hidden="true"
                             style={format!("--hue:{}", hue(&c.name))}>{ initials(&c.name) }</div>
                        <div class="client-main">
                            <div class="client-top">
                                <span class="client-name" data-testid="client-name">{ &c.name }</span>
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
            }) }
        </ul>
    }
}
