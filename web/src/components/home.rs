//! The signed-in shell: header (brand, settings, sync status), the current screen, and
//! the bottom tab bar (Today, Clients, Capture, Plan, Reports) reachable with one thumb.

use yew::prelude::*;

use crate::{
    app::use_i18n,
    browser,
    components::{
        capture::CaptureScreen, card::ClientCard, clients::ClientsScreen, icons, login::LoginForm,
        plan::PlanScreen, reports::ReportsScreen, settings::SettingsScreen,
        status_bar::SyncStatusBar, today::TodayScreen,
    },
    engine::{EngineHandle, Snapshot},
    route::Route,
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

/// What every screen gets: the snapshot, the engine, and a way to move elsewhere.
#[derive(Properties, PartialEq, Clone)]
pub struct ScreenProps {
    /// The latest durable state.
    pub snapshot: Snapshot,
    /// The running engine (edits and queries).
    pub engine: EngineHandle,
    /// Opens another screen.
    pub navigate: Callback<Route>,
}

/// A tab of the bottom bar: where it goes, its message key (also its test id), its icon.
type Tab = (Route, &'static str, fn() -> Html);

const TABS: [Tab; 5] = [
    (Route::Today, "nav-today", icons::today),
    (Route::Clients, "nav-clients", icons::clients),
    (Route::Capture, "nav-capture", icons::capture),
    (Route::Plan, "nav-plan", icons::calendar),
    (Route::Reports, "nav-reports", icons::chart),
];

/// The main screen.
#[component]
pub fn Home(props: &HomeProps) -> Html {
    let i18n = use_i18n();
    let relogin_open = use_state(|| false);
    let route = use_state_eq(|| Route::parse(&browser::location_hash()));
    let update = use_state_eq(browser::update_waiting);
    {
        let update = update.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_update_waiting(move || update.set(true));
            move || drop(listener)
        });
    }
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_hash_change(move |hash| route.set(Route::parse(&hash)));
            move || drop(listener)
        });
    }
    let navigate = {
        let route = route.clone();
        Callback::from(move |to: Route| {
            browser::set_location_hash(&to.hash());
            route.set(to);
        })
    };
    let snap = &props.snapshot;
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
    let screen = ScreenProps {
        snapshot: snap.clone(),
        engine: props.engine.clone(),
        navigate: navigate.clone(),
    };
    let body = match *route {
        Route::Today => html! { <TodayScreen ..screen /> },
        Route::Clients => html! { <ClientsScreen ..screen /> },
        Route::Client(id) => html! {
            <ClientCard {id} snapshot={screen.snapshot.clone()} engine={screen.engine.clone()}
                        navigate={screen.navigate.clone()} />
        },
        Route::Capture => html! { <CaptureScreen ..screen /> },
        Route::Plan => html! { <PlanScreen ..screen /> },
        Route::Reports => html! { <ReportsScreen ..screen /> },
        Route::Settings => html! {
            <SettingsScreen on_sign_out={props.on_sign_out.clone()} snapshot={screen.snapshot.clone()}
                            engine={screen.engine.clone()} navigate={screen.navigate.clone()} />
        },
    };
    let open_settings = {
        let navigate = navigate.clone();
        Callback::from(move |_| navigate.emit(Route::Settings))
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
                        <button class={classes!("button", "ghost", "icon-only",
                                    (*route == Route::Settings).then_some("active"))}
                                onclick={open_settings} data-testid="nav-settings"
                                aria-label={i18n.t("nav-settings")}
                                title={i18n.t_with("signed-in-as", &[("rep", snap.rep.as_str())])}>
                            { icons::settings() }
                        </button>
                    </div>
                </div>
                <SyncStatusBar state={snap.state} pending={snap.pending} refused={snap.refused}
                    docs_in_flight={snap.docs_in_flight} last_synced={snap.last_synced}
                    on_retry={props.on_retry.clone()} on_sync_now={Some(props.on_retry.clone())} />
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
            if *update {
                <div class="banner info" role="status" data-testid="update-available">
                    <p>{ i18n.t("update-available") }</p>
                    <button class="button primary" data-testid="update-reload"
                            onclick={Callback::from(|_| browser::apply_update())}>
                        { i18n.t("update-reload") }
                    </button>
                </div>
            }
            if let Some(reason) = &snap.storage_error {
                <div class="banner error" role="alert" data-testid="storage-error">
                    { i18n.t_with("storage-failed", &[("reason", reason.as_str())]) }
                </div>
            }
            <main class="content" id="main">
                { body }
            </main>
            <nav class="tabbar" aria-label={i18n.t("nav-label")}>
                { for TABS.iter().map(|(tab, key, icon)| {
                    let current = route.tab() == *tab;
                    let onclick = {
                        let (navigate, tab) = (navigate.clone(), *tab);
                        Callback::from(move |_| navigate.emit(tab))
                    };
                    html! {
                        <button class={classes!("tab", current.then_some("active"))}
                                {onclick} data-testid={*key}
                                aria-current={current.then_some("page")}>
                            { icon() }
                            <span class="tab-label">{ i18n.t(key) }</span>
                        </button>
                    }
                }) }
            </nav>
        </div>
    }
}
