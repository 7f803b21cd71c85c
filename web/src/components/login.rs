//! Sign-in: the first screen, and the inline form when a session is refused.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::{
    api::{self, LoginError},
    app::use_i18n,
    components::{icons, lang_picker::LangPicker, text_field::TextField},
    session::Session,
};

/// Properties of [`LoginForm`].
#[derive(Properties, PartialEq)]
pub struct LoginFormProps {
    /// Receives the session after a successful sign-in.
    pub on_session: Callback<Session>,
    /// The username to start with (signing in again).
    #[prop_or_default]
    pub username: Option<AttrValue>,
    /// An error the parent hit after the sign-in (e.g. the device refused the session).
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[derive(Clone, PartialEq)]
enum Problem {
    Missing,
    Api(LoginError),
}

/// Username, password, submit.
#[component]
pub fn LoginForm(props: &LoginFormProps) -> Html {
    let i18n = use_i18n();
    let username = use_state(|| {
        props
            .username
            .as_ref()
            .map(|u| u.to_string())
            .unwrap_or_default()
    });
    let password = use_state(String::new);
    let busy = use_state(|| false);
    let problem = use_state(|| None::<Problem>);

    let onsubmit = {
        let (username, password, busy, problem) = (
            username.clone(),
            password.clone(),
            busy.clone(),
            problem.clone(),
        );
        let on_session = props.on_session.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let (user, pass) = (username.trim().to_owned(), (*password).clone());
            if user.is_empty() || pass.is_empty() {
                problem.set(Some(Problem::Missing));
                return;
            }
            busy.set(true);
            problem.set(None);
            let (busy, problem, on_session) = (busy.clone(), problem.clone(), on_session.clone());
            spawn_local(async move {
                match api::login(&user, &pass).await {
                    Ok(session) => on_session.emit(session),
                    Err(e) => problem.set(Some(Problem::Api(e))),
                }
                busy.set(false);
            });
        })
    };

    let message = match &*problem {
        None => props.error.as_ref().map(|e| e.to_string()),
        Some(Problem::Missing) => Some(i18n.t("login-missing")),
        Some(Problem::Api(LoginError::BadCredentials)) => Some(i18n.t("login-error-credentials")),
        Some(Problem::Api(LoginError::Network)) => Some(i18n.t("login-error-network")),
        Some(Problem::Api(LoginError::Server(status))) => Some(i18n.t_with(
            "login-error-server",
            &[("status", status.to_string().as_str())],
        )),
    };
    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |v: String| h.set(v))
    };

    html! {
        <form class="login-form" onsubmit={onsubmit} novalidate=true>
            <TextField id="username" label={i18n.t("login-username")} value={(*username).clone()}
                oninput={set(&username)} autocomplete="username" disabled={*busy} required=true />
            <TextField id="password" kind="password" label={i18n.t("login-password")}
                value={(*password).clone()} oninput={set(&password)}
                autocomplete="current-password" disabled={*busy} required=true />
            if let Some(message) = message {
                <p class="form-error" role="alert" data-testid="login-error">{ message }</p>
            }
            <button type="submit" class="button primary block" data-testid="login" disabled={*busy}>
                { if *busy { i18n.t("login-busy") } else { i18n.t("login-submit") } }
            </button>
        </form>
    }
}

/// Properties of [`LoginScreen`].
#[derive(Properties, PartialEq)]
pub struct LoginScreenProps {
    /// Receives the session after a successful sign-in.
    pub on_session: Callback<Session>,
    /// An error to show under the form.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

/// The full-page sign-in screen.
#[component]
pub fn LoginScreen(props: &LoginScreenProps) -> Html {
    let i18n = use_i18n();
    html! {
        <div class="login-screen">
            <div class="login-top"><LangPicker /></div>
            <main class="login-card card">
                <div class="brand-mark big">{ icons::logo() }</div>
                <h1 class="login-brand">{ i18n.t("app-name") }</h1>
                <p class="muted tagline">{ i18n.t("app-tagline") }</p>
                <h2 class="login-title">{ i18n.t("login-title") }</h2>
                <LoginForm on_session={props.on_session.clone()} error={props.error.clone()} />
                <p class="muted small note">{ i18n.t("login-offline-note") }</p>
            </main>
        </div>
    }
}
