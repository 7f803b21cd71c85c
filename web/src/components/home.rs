//! The signed-in screen: header, sync status, the add form and the client list.

use yew::prelude::*;

use crate::{
    app::use_i18n,
    components::{
        add_client::AddClientForm, client_list::ClientList, icons, lang_picker::LangPicker,
        login::LoginForm, status_bar::SyncStatusBar,
    },
    engine::{EngineHandle, Snapshot},
    session::Session,
};

/// Properties of [`Home`].
#[derive(Properties, PartialEq)]
pub struct HomeProps {
    /// What to show.
    pub snapshot: Snapshot,
    /// The running engine.
    pub engine: EngineHandle,
    /// Sign out (asks first when changes are unsent).
    pub on_sign_out: Callback<()>,
    /// A fresh session after the old one was refused.
    pub on_relogin: Callback<Session>,
    /// Reconnect now.
    pub on_retry: Callback<()>,
}

/// The main screen.
#[component]
pub fn Home(props: &HomeProps) -> Html {
    let i18n = use_i18n();
    let relogin_open = use_state(|| false);
    let snap = &props.snapshot;
    let sign_out = {
        let cb = props.on_sign_out.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let open_relogin = {
        let relogin_open = relogin_open.clone();
        Callback::from(move |_| relogin_open.set(true))
    };
    let on_session = {
        let (cb, relogin_open) = (props.on_relogin.clone(), relogin_open.clone());
        Callback::from(move |s: Session| {
            relogin_open.set(false);
            cb.emit(s);
        })
    };

    html! {
        <div class="shell">
            <header class="top">
                <div class="topbar">
                    <div class="brand">
                        <span class="brand-mark">{ icons::logo() }</span>
                        <span class="brand-name">{ i18n.t("app-name") }</span>
                    </div>
                    <div class="top-actions">
                        <LangPicker />
                        <button class="button ghost icon-text" onclick={sign_out}
                                data-testid="logout"
                                title={i18n.t_with("signed-in-as", &[("rep", snap.rep.as_str())])}>
                            { icons::sign_out() }
                            <span class="hide-narrow">{ i18n.t("logout") }</span>
                            <span class="sr-only-narrow">{ i18n.t("logout") }</span>
                        </button>
                    </div>
                </div>
                <SyncStatusBar state={snap.state} pending={snap.pending}
                    last_synced={snap.last_synced} on_retry={props.on_retry.clone()} />
            </header>
            if snap.session_rejected {
                <div class="banner warn" role="alert" data-testid="relogin">
                    <p>{ i18n.t("sync-session-expired") }</p>
                    if *relogin_open {
                        <LoginForm {on_session} username={AttrValue::from(snap.rep.clone())} />
                    } else {
                        <button class="button primary" onclick={open_relogin}
                                data-testid="relogin-open">
                            { i18n.t("sync-relogin") }
                        </button>
                    }
                </div>
            }
            if let Some(reason) = &snap.storage_error {
                <div class="banner error" role="alert" data-testid="storage-error">
                    { i18n.t_with("storage-failed", &[("reason", reason.as_str())]) }
                </div>
            }
            <main class="content">
                <section class="card add-card">
                    <AddClientForm engine={props.engine.clone()} />
                </section>
                <section class="list-card card" aria-labelledby="clients-title">
                    <div class="list-head">
                        <h2 class="section-title" id="clients-title">{ i18n.t("clients-title") }</h2>
                        <span class="count-badge" data-testid="client-count">
                            { i18n.count("clients-count", snap.clients.len()) }
                        </span>
                    </div>
                    <ClientList clients={snap.clients.clone()} />
                </section>
            </main>
        </div>
    }
}
