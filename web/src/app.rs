//! The root component: boots from the device (IndexedDB), shows sign-in or the client
//! base, and provides the translator to every component.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::{
    api, browser,
    components::{home::Home, icons, login::LoginScreen},
    engine::{self, EngineHandle, Snapshot},
    i18n::{Lang, Translator},
    session::Session,
    store::Store,
};

/// Mounts the app on the page.
pub fn start() {
    browser::request_persistent_storage();
    yew::Renderer::<App>::with_root(browser::mount_point()).render();
}

/// The translator and the way to switch language, shared through a context.
#[derive(Debug, Clone, PartialEq)]
pub struct I18n {
    /// The current language's translator.
    pub tr: Rc<Translator>,
    /// Switches (and remembers) the language.
    pub set_lang: Callback<Lang>,
}

impl I18n {
    /// A message by key.
    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    /// A message with string arguments.
    pub fn t_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.tr.t_with(key, args)
    }

    /// A message whose `$count` picks the plural form.
    pub fn count(&self, key: &str, count: usize) -> String {
        self.tr.count(key, count)
    }
}

/// The translator of the enclosing [`App`].
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().expect("components render inside App's I18n provider")
}

#[derive(Clone)]
enum Phase {
    Booting,
    Failed(String),
    SignedOut(Rc<Store>),
    Running {
        store: Rc<Store>,
        engine: EngineHandle,
        team_index: String,
    },
}

/// Where sign-in errors that are not the server's go (the device refused the session).
type LoginError = UseStateHandle<Option<String>>;

async fn run_engine(
    store: Rc<Store>,
    session: Session,
    phase: UseStateHandle<Phase>,
    snapshot: UseStateHandle<Option<Snapshot>>,
) {
    let team_index = session.team_index.clone();
    let publish = {
        let snapshot = snapshot.clone();
        Callback::from(move |s: Snapshot| snapshot.set(Some(s)))
    };
    // The engine runs in a worker; where none can start, here.
    let in_worker = if browser::engine_on_page() {
        Err("asked for by fieldbase-engine".to_owned())
    } else {
        crate::worker::start(session.clone(), publish.clone()).await
    };
    let started = match in_worker {
        Ok(engine) => Ok(engine),
        Err(e) => {
            web_sys::console::warn_1(
                &format!("fieldbase: the engine runs on the page (no worker: {e})").into(),
            );
            engine::start(store.clone(), session, publish).await
        }
    };
    match started {
        Ok(engine) => phase.set(Phase::Running {
            store,
            engine,
            team_index,
        }),
        Err(e) => phase.set(Phase::Failed(e)),
    }
}

async fn boot(phase: UseStateHandle<Phase>, snapshot: UseStateHandle<Option<Snapshot>>) {
    let store = match Store::open().await {
        Ok(store) => Rc::new(store),
        Err(e) => return phase.set(Phase::Failed(e.0)),
    };
    match store.session().await {
        Ok(Some(session)) => run_engine(store, session, phase, snapshot).await,
        Ok(None) => phase.set(Phase::SignedOut(store)),
        Err(e) => phase.set(Phase::Failed(e.0)),
    }
}

async fn sign_in(
    store: Rc<Store>,
    session: Session,
    phase: UseStateHandle<Phase>,
    snapshot: UseStateHandle<Option<Snapshot>>,
    error: LoginError,
) {
    // The session is on the device before anything depends on it.
    if let Err(e) = store.save_session(&session).await {
        return error.set(Some(e.0));
    }
    error.set(None);
    run_engine(store, session, phase, snapshot).await;
}

/// The app.
#[component]
pub fn App() -> Html {
    let lang = use_state_eq(browser::initial_lang);
    let tr = use_memo(*lang, |l| Translator::new(*l));
    let set_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            browser::remember_lang(l);
            lang.set(l);
        })
    };
    let i18n = I18n { tr, set_lang };
    let phase = use_state(|| Phase::Booting);
    let snapshot = use_state_eq(|| None::<Snapshot>);
    let login_error: LoginError = use_state_eq(|| None);

    {
        let (phase, snapshot, lang) = (phase.clone(), snapshot.clone(), *lang);
        use_effect_with((), move |_| {
            browser::apply_lang(lang);
            spawn_local(boot(phase, snapshot));
        });
    }

    let body = match (*phase).clone() {
        Phase::Booting => splash(&i18n),
        Phase::Failed(reason) => html! {
            <div class="center-screen">
                <div class="card narrow" role="alert">
                    <div class="brand-mark big">{ icons::logo() }</div>
                    <p class="error-text">
                        { i18n.t_with("storage-unavailable", &[("reason", reason.as_str())]) }
                    </p>
                </div>
            </div>
        },
        Phase::SignedOut(store) => {
            let on_session = {
                let (phase, snapshot, error) =
                    (phase.clone(), snapshot.clone(), login_error.clone());
                Callback::from(move |session: Session| {
                    spawn_local(sign_in(
                        store.clone(),
                        session,
                        phase.clone(),
                        snapshot.clone(),
                        error.clone(),
                    ));
                })
            };
            let error = (*login_error)
                .as_ref()
                .map(|reason| i18n.t_with("login-error-storage", &[("reason", reason)]));
            html! { <LoginScreen {on_session} {error} /> }
        }
        Phase::Running {
            store,
            engine,
            team_index,
        } => match (*snapshot).clone() {
            None => splash(&i18n),
            Some(snap) => {
                let on_sign_out = {
                    let (phase, snapshot, engine, store) = (
                        phase.clone(),
                        snapshot.clone(),
                        engine.clone(),
                        store.clone(),
                    );
                    let pending = snap.pending;
                    let question = i18n.count("logout-confirm", pending);
                    Callback::from(move |_| {
                        if pending > 0 && !browser::confirm(&question) {
                            return;
                        }
                        let (phase, snapshot, engine, store) = (
                            phase.clone(),
                            snapshot.clone(),
                            engine.clone(),
                            store.clone(),
                        );
                        spawn_local(async move {
                            engine.sign_out().await;
                            api::logout().await;
                            snapshot.set(None);
                            phase.set(Phase::SignedOut(store));
                        });
                    })
                };
                let on_relogin = {
                    let (phase, snapshot, engine, store, error) = (
                        phase.clone(),
                        snapshot.clone(),
                        engine.clone(),
                        store.clone(),
                        login_error.clone(),
                    );
                    let rep = snap.rep.clone();
                    Callback::from(move |session: Session| {
                        let (phase, snapshot, engine, store, error) = (
                            phase.clone(),
                            snapshot.clone(),
                            engine.clone(),
                            store.clone(),
                            error.clone(),
                        );
                        let same = session.rep == rep && session.team_index == team_index;
                        spawn_local(async move {
                            if same {
                                if let Err(e) = engine.relogin(session).await {
                                    error.set(Some(e.0));
                                }
                            } else {
                                // Someone else signed in: this device's data was not theirs.
                                engine.sign_out().await;
                                snapshot.set(None);
                                sign_in(store, session, phase, snapshot, error).await;
                            }
                        });
                    })
                };
                let on_retry = {
                    let engine = engine.clone();
                    Callback::from(move |_| engine.retry())
                };
                html! {
                    <Home snapshot={snap} {engine} {on_sign_out} {on_relogin} {on_retry} />
                }
            }
        },
    };

    html! {
        <ContextProvider<I18n> context={i18n}>
            { body }
        </ContextProvider<I18n>>
    }
}

fn splash(i18n: &I18n) -> Html {
    html! {
        <div class="center-screen" aria-busy="true">
            <div class="brand-mark big pulse">{ icons::logo() }</div>
            <p class="muted">{ i18n.t("loading") }</p>
        </div>
    }
}
