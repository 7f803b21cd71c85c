//! The Clients screen's saved views: a chip per view (tap to apply, × to delete) and,
//! once a search or filter is set, "Save view", which names the current search, filters
//! and sort. Views live in the
//! rep's book ([`fieldbase_core::views`]), so they follow him to his other devices.

use fieldbase_core::{Author, ClientBase, DocumentId, Edit, Error, SavedView};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::{
    app::use_i18n,
    browser,
    calls::EditCall,
    client_filter::ClientFilter,
    components::icons,
    engine::{AddError, EngineHandle, Snapshot},
    hooks::use_query,
    i18n::invalid_reason_key,
};

/// Properties of [`SavedViews`].
#[derive(Properties, PartialEq)]
pub struct SavedViewsProps {
    /// The latest durable state.
    pub snapshot: Snapshot,
    /// The running engine.
    pub engine: EngineHandle,
    /// The search text shown now.
    pub query: String,
    /// The filters shown now.
    pub filter: ClientFilter,
    /// Applies a view: its search text and filters.
    pub on_apply: Callback<(String, ClientFilter)>,
}

/// The edit of the rep's book that wrote to `book`.
fn book_edit(book: Result<DocumentId, Error>) -> Result<Edit, Error> {
    let book = book?;
    Ok(Edit {
        client: book,
        touched: vec![book],
    })
}

/// Runs an edit of the rep's book; the failure's message, if any.
async fn run(engine: EngineHandle, i18n: crate::app::I18n, call: EditCall<Edit>) -> Option<String> {
    let result = engine.edit(call).await;
    match result {
        Ok(_) | Err(AddError::Closed) => None,
        Err(AddError::Invalid { reason, .. }) => Some(i18n.t(invalid_reason_key(reason))),
        Err(AddError::Storage(r) | AddError::Refused(r)) => Some(r),
    }
}

/// The saved views' chips and the save form.
#[component]
pub fn SavedViews(props: &SavedViewsProps) -> Html {
    let i18n = use_i18n();
    let snap = &props.snapshot;
    let naming = use_state(|| false);
    let name = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let data = use_query(
        &props.engine,
        (snap.version, snap.rep.clone()),
        |(_, rep), base| {
            (
                base.books().contains_key(rep.as_str()),
                base.saved_views(rep),
            )
        },
    );
    let Some((has_book, views)) = data.as_deref().cloned() else {
        return html! {};
    };
    // An older server names no book: nowhere to keep views that follow the rep.
    if !has_book {
        return html! { <div class="saved-views" data-testid="saved-views"></div> };
    }
    let current = (props.query.trim().to_owned(), props.filter.clone());
    // Something to save: a search or a filter is set, and no saved view is it already.
    let savable = (!current.0.is_empty() || !current.1.is_default())
        && !views
            .iter()
            .any(|(_, v)| ClientFilter::from_view(v) == current);
    let apply = |v: &SavedView| {
        let (cb, view) = (props.on_apply.clone(), v.clone());
        Callback::from(move |_: MouseEvent| cb.emit(ClientFilter::from_view(&view)))
    };
    let delete = |id: &str| {
        let (engine, i18n, problem, id) = (
            props.engine.clone(),
            i18n.clone(),
            problem.clone(),
            id.to_owned(),
        );
        Callback::from(move |_: MouseEvent| {
            let (engine, i18n, problem, id) =
                (engine.clone(), i18n.clone(), problem.clone(), id.clone());
            spawn_local(async move {
                problem.set(
                    run(
                        engine,
                        i18n,
                        EditCall::new(
                            |id: String, base: &mut ClientBase, author: &Author| {
                                book_edit(base.delete_view(&id, author))
                            },
                            id,
                        ),
                    )
                    .await,
                );
            });
        })
    };
    let open = {
        let (naming, problem) = (naming.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            naming.set(true);
            problem.set(None);
        })
    };
    let cancel = {
        let (naming, name, problem) = (naming.clone(), name.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            naming.set(false);
            name.set(String::new());
            problem.set(None);
        })
    };
    let oninput = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let onsubmit = {
        let (engine, i18n, naming, name, problem) = (
            props.engine.clone(),
            i18n.clone(),
            naming.clone(),
            name.clone(),
            problem.clone(),
        );
        let (query, filter) = current.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let view = filter.to_view(&name, &query, browser::now_ms() as i64);
            let id = browser::hex(&browser::random_bytes::<8>());
            let (engine, i18n, naming, name, problem) = (
                engine.clone(),
                i18n.clone(),
                naming.clone(),
                name.clone(),
                problem.clone(),
            );
            spawn_local(async move {
                let failed = run(
                    engine,
                    i18n,
                    EditCall::new(
                        |(id, view): (String, SavedView),
                         base: &mut ClientBase,
                         author: &Author| {
                            book_edit(base.save_view(&id, &view, author))
                        },
                        (id, view),
                    ),
                )
                .await;
                if failed.is_none() {
                    naming.set(false);
                    name.set(String::new());
                }
                problem.set(failed);
            });
        })
    };
    html! {
        <div class="saved-views" data-testid="saved-views">
            if !views.is_empty() {
                <ul class="view-chips" role="list" aria-label={i18n.t("views-title")}>
                    { for views.iter().map(|(id, v)| {
                        let on = ClientFilter::from_view(v) == current;
                        html! {
                            <li class={classes!("view-chip", on.then_some("on"))} key={id.clone()}
                                data-testid="saved-view" data-view={id.clone()}>
                                <button class="view-apply" aria-pressed={on.to_string()} onclick={apply(v)}
                                        data-testid="saved-view-apply">{ &v.name }</button>
                                <button class="view-delete" onclick={delete(id)} data-testid="saved-view-delete"
                                        aria-label={i18n.t_with("views-delete", &[("name", v.name.as_str())])}
                                        title={i18n.t_with("views-delete", &[("name", v.name.as_str())])}>
                                    { icons::cross() }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            if *naming {
                <form class="view-form" onsubmit={onsubmit} data-testid="view-form">
                    <label class="sr-only" for="view-name">{ i18n.t("views-name") }</label>
                    <input id="view-name" class="search" data-testid="view-name" required=true maxlength="200"
                           placeholder={i18n.t("views-name")} value={(*name).clone()} {oninput} />
                    <button type="submit" class="button primary" data-testid="view-save">{ i18n.t("views-save") }</button>
                    <button type="button" class="button ghost" onclick={cancel}>{ i18n.t("views-cancel") }</button>
                </form>
            } else if savable {
                <button class="chip-toggle view-new" onclick={open} data-testid="view-new">
                    { icons::plus() }<span>{ i18n.t("views-new") }</span>
                </button>
            }
            if let Some(p) = &*problem {
                <p class="form-error" role="alert">{ p }</p>
            }
        </div>
    }
}
