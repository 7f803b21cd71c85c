//! The always-visible sync status bar.

use yew::prelude::*;

use crate::{app::use_i18n, browser, components::icons, status::SyncState};

/// Properties of [`SyncStatusBar`].
#[derive(Properties, PartialEq)]
pub struct SyncStatusBarProps {
    /// offline / connecting / syncing / synced.
    pub state: SyncState,
    /// Local changes the server has not acknowledged.
    pub pending: usize,
    /// When everything was last in sync.
    pub last_synced: Option<f64>,
    /// Local changes the server refused (documents it no longer shares with this rep).
    #[prop_or_default]
    pub refused: usize,
    /// Documents still being exchanged (a first sync of a large base counts down).
    #[prop_or_default]
    pub docs_in_flight: usize,
    /// Reconnect now.
    pub on_retry: Callback<()>,
    /// "Sync now": reconnect at once, or sync again.
    #[prop_or_default]
    pub on_sync_now: Option<Callback<()>>,
}

/// State, pending changes, last sync; `data-testid="sync-status"` with `data-state`
/// and `data-pending` for tests.
#[component]
pub fn SyncStatusBar(props: &SyncStatusBarProps) -> Html {
    let i18n = use_i18n();
    let state = props.state.as_str();
    let pending = if props.state == SyncState::Syncing && props.docs_in_flight > 1 {
        i18n.count("sync-docs-left", props.docs_in_flight)
    } else if props.pending == 0 && props.refused > 0 {
        i18n.count("sync-refused", props.refused)
    } else if props.pending == 0 {
        i18n.t("sync-all-sent")
    } else {
        i18n.count("sync-pending", props.pending)
    };
    let last = match props.last_synced {
        Some(ms) => {
            let at = crate::format::moment(
                i18n.tr.lang(),
                ms as i64,
                browser::utc_offset_at(ms),
                browser::today(),
            );
            i18n.t_with("sync-last", &[("time", at.as_str())])
        }
        None => i18n.t("sync-never"),
    };
    let onclick = {
        let cb = props.on_retry.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <div class={classes!("sync-bar", format!("state-{state}"))}
             data-testid="sync-status" data-state={state} data-pending={props.pending.to_string()}
             data-in-flight={props.docs_in_flight.to_string()}
             data-refused={props.refused.to_string()}
             role="status" aria-live="polite">
            <span class="sync-dot" aria-hidden="true"></span>
            <div class="sync-text">
                <strong class="sync-label">{ i18n.t(props.state.label_key()) }</strong>
                <span class={classes!("sync-pending", (props.pending + props.refused > 0).then_some("has-pending"))}>
                    { pending }
                </span>
            </div>
            <span class="sync-last" data-testid="last-synced">{ last }</span>
            if props.state == SyncState::Synced {
                if let Some(cb) = &props.on_sync_now {
                    <button class="button ghost retry" data-testid="sync-now"
                            onclick={let cb = cb.clone(); Callback::from(move |_| cb.emit(()))}
                            aria-label={i18n.t("sync-now")} title={i18n.t("sync-now")}>
                        { icons::retry() }
                    </button>
                }
            }
            if props.state == SyncState::Offline {
                <button class="button ghost retry" {onclick} data-testid="retry"
                        aria-label={i18n.t("sync-retry")} title={i18n.t("sync-retry")}>
                    { icons::retry() }
                    <span class="hide-narrow">{ i18n.t("sync-retry") }</span>
                </button>
            }
        </div>
    }
}
