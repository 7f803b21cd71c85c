//! The client list: saved views on top, instant search, filters (status, segment, owner,
//! tag, the event a client was met at, overdue debt), sorting, and a virtualised list that
//! renders only the rows on screen (smooth at 10,000 clients); the add form on top.

use std::{
    cell::RefCell,
    collections::{BTreeSet, HashMap},
    rc::Rc,
};

use fieldbase_core::{
    ClientBase, ClientStatus, ClientSummary, DocumentId, Event as TeamEvent, Manager, SearchIndex,
    Segment, ViewSort, automerge::ActorId,
};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::{
    app::use_i18n,
    browser,
    client_filter::ClientFilter,
    components::{
        add_client::AddClientForm, client_list::ClientRow, home::ScreenProps, icons,
        saved_views::SavedViews,
    },
    hooks::use_query,
    route::Route,
};

/// Height of one row in CSS pixels (`.client-row` in styles.css).
const ROW: f64 = 76.0;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 8;

thread_local! {
    /// The search index of the base at one published version, with the base's actor
    /// (a fresh one for every engine): rebuilt once per durable state, not per keystroke.
    static SEARCH: RefCell<Option<(ActorId, u64, SearchIndex)>> = const { RefCell::new(None) };
}

/// The ids of the clients matching `q`, best first, in the base at `version` (run by
/// the engine).
fn search(version: u64, q: &str, base: &ClientBase) -> Vec<DocumentId> {
    SEARCH.with_borrow_mut(|cached| {
        let fresh = matches!(cached, Some((a, v, _)) if a == base.actor() && *v == version);
        if !fresh {
            *cached = Some((base.actor().clone(), version, SearchIndex::from_base(base)));
        }
        let (_, _, index) = cached.as_ref().expect("just built");
        index
            .search(q, usize::MAX)
            .into_iter()
            .map(|h| h.id)
            .collect()
    })
}

/// The Clients screen.
#[component]
pub fn ClientsScreen(props: &ScreenProps) -> Html {
    let i18n = use_i18n();
    let snap = &props.snapshot;
    let query = use_state(String::new);
    let filter = use_state(ClientFilter::default);
    let scroll = use_state(|| 0.0f64);
    let viewport = use_state(|| 640.0f64);
    let list_ref = use_node_ref();
    let hits = use_query(
        &props.engine,
        (snap.version, (*query).trim().to_owned()),
        |(version, q), base| (!q.is_empty()).then(|| search(*version, q, base)),
    );
    let overdue = use_query(&props.engine, snap.version, |_, base| {
        let today = browser::today();
        let mut ids: Vec<_> = base
            .overdue_invoices(None, today)
            .into_iter()
            .map(|r| r.client)
            .collect();
        ids.sort();
        ids.dedup();
        ids
    });
    // The events clients were met at and the managers' names, for the filters' labels.
    let labels = use_query(&props.engine, snap.version, |_, base| {
        let events: Vec<(String, String)> = base
            .team_entities::<TeamEvent>()
            .into_iter()
            .map(|(id, e)| (id, e.name))
            .collect();
        let names: Vec<(String, String)> = base
            .team_entities::<Manager>()
            .into_iter()
            .filter(|(_, m)| !m.name.trim().is_empty())
            .map(|(login, m)| (login, m.name))
            .collect();
        (events, names)
    });

    // The hits of the text shown now (the answer for an older text until it comes).
    let q = (*query).trim().to_owned();
    let hits = hits.as_deref().cloned().flatten().filter(|_| !q.is_empty());
    // Worked out again only when the list, the filters or the hits change (not on
    // every scroll).
    let rows: Rc<Vec<ClientSummary>> = use_memo(
        (
            snap.clients.clone(),
            (*filter).clone(),
            hits,
            overdue.clone(),
        ),
        |(all, f, hits, overdue)| {
            let keep = |c: &ClientSummary| f.keeps(c, overdue.as_deref().map(Vec::as_slice));
            let mut list: Vec<ClientSummary> = match hits {
                Some(ids) => {
                    let by_id: HashMap<DocumentId, &ClientSummary> =
                        all.iter().map(|c| (c.id, c)).collect();
                    ids.iter()
                        .filter_map(|id| by_id.get(id).copied())
                        .filter(|c| keep(c))
                        .cloned()
                        .collect()
                }
                None => all.iter().filter(|c| keep(c)).cloned().collect(),
            };
            f.sort(&mut list);
            list
        },
    );

    {
        let (list_ref, viewport) = (list_ref.clone(), viewport.clone());
        use_effect_with((), move |_| {
            if let Some(el) = list_ref.cast::<HtmlElement>() {
                viewport.set(f64::from(el.client_height()).max(ROW));
            }
        });
    }
    let onscroll = {
        let (scroll, list_ref) = (scroll.clone(), list_ref.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = list_ref.cast::<HtmlElement>() {
                scroll.set(f64::from(el.scroll_top()));
            }
        })
    };
    let oninput = {
        let (query, scroll, list_ref) = (query.clone(), scroll.clone(), list_ref.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            scroll.set(0.0);
            if let Some(el) = list_ref.cast::<HtmlElement>() {
                el.set_scroll_top(0);
            }
        })
    };
    let set = |update: fn(&mut ClientFilter, String)| {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut f = (*filter).clone();
            update(&mut f, el.value());
            filter.set(f);
        })
    };
    let toggle = |update: fn(&mut ClientFilter)| {
        let filter = filter.clone();
        Callback::from(move |_: MouseEvent| {
            let mut f = (*filter).clone();
            update(&mut f);
            filter.set(f);
        })
    };
    // The filters' choices: worked out again only when the list or the labels change.
    let choices = use_memo(
        (snap.clients.clone(), labels.clone()),
        |(clients, labels)| {
            let mut tags = BTreeSet::new();
            let mut owners = BTreeSet::new();
            let mut event_ids = BTreeSet::new();
            for c in clients.iter() {
                tags.extend(c.tags.iter().map(String::as_str));
                if !c.owner.is_empty() {
                    owners.insert(c.owner.as_str());
                }
                if !c.event.is_empty() {
                    event_ids.insert(c.event.as_str());
                }
            }
            // Events some client was met at (known to the team document, or just the id).
            let mut events: Vec<(String, String)> = event_ids
                .into_iter()
                .map(|id| {
                    let name = labels
                        .as_ref()
                        .and_then(|l| l.0.iter().find(|(e, _)| e == id))
                        .map_or(id, |(_, n)| n.as_str());
                    (id.to_owned(), name.to_owned())
                })
                .collect();
            events.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
            let owned = |set: BTreeSet<&str>| set.into_iter().map(str::to_owned).collect();
            (owned(tags), owned(owners), events)
        },
    );
    let (tags, owners, events): &(Vec<String>, Vec<String>, Vec<(String, String)>) = &choices;
    let owner_label = |login: &str| {
        labels
            .as_ref()
            .and_then(|l| l.1.iter().find(|(l, _)| l == login))
            .map_or_else(|| login.to_owned(), |(_, n)| n.clone())
    };
    let apply_view = {
        let (query, filter, scroll, list_ref) = (
            query.clone(),
            filter.clone(),
            scroll.clone(),
            list_ref.clone(),
        );
        Callback::from(move |(q, f): (String, ClientFilter)| {
            query.set(q);
            filter.set(f);
            scroll.set(0.0);
            if let Some(el) = list_ref.cast::<HtmlElement>() {
                el.set_scroll_top(0);
            }
        })
    };
    let mine = {
        let (filter, rep) = (filter.clone(), snap.rep.clone());
        Callback::from(move |_: MouseEvent| {
            let mut f = (*filter).clone();
            f.owner = if f.owner == rep {
                String::new()
            } else {
                rep.clone()
            };
            filter.set(f);
        })
    };
    let is_mine = filter.owner == snap.rep;

    let total = rows.len();
    let first = ((*scroll / ROW) as usize)
        .saturating_sub(OVERSCAN)
        .min(total);
    let visible = (*viewport / ROW).ceil() as usize + 2 * OVERSCAN;
    let last = (first + visible).min(total);
    let open = {
        let navigate = props.navigate.clone();
        Callback::from(move |id| navigate.emit(Route::Client(id)))
    };
    let f = &*filter;

    html! {
        <>
        <section class="list-card card" aria-labelledby="clients-title">
            <div class="list-head">
                <h2 class="section-title" id="clients-title">{ i18n.t("clients-title") }</h2>
                <span class="count-badge" data-testid="client-count">
                    { i18n.count("clients-count", snap.clients.len()) }
                </span>
            </div>
            <details class="add-details" data-testid="add-details">
                <summary class="button ghost block add-open" data-testid="add-open">
                    { icons::plus() }<span>{ i18n.t("clients-new") }</span>
                </summary>
                <div class="add-card">
                    <AddClientForm engine={props.engine.clone()} />
                </div>
            </details>
            <SavedViews snapshot={snap.clone()} engine={props.engine.clone()} query={(*query).clone()}
                        filter={(*filter).clone()} on_apply={apply_view} />
            <div class="search-row">
                <input type="search" class="search" data-testid="client-search"
                       aria-label={i18n.t("clients-search")}
                       placeholder={i18n.t("clients-search")} value={(*query).clone()} {oninput} />
            </div>
            <div class="filters" role="group" aria-label={i18n.t("clients-filters")}>
                <select aria-label={i18n.t("field-status")} data-testid="filter-status"
                        onchange={set(|f, v| f.status = v.parse().ok())}>
                    <option value="" selected={f.status.is_none()}>{ i18n.t("filter-any-status") }</option>
                    { for ClientStatus::ALL.iter().map(|s| html! {
                        <option value={s.key()} selected={f.status == Some(*s)}>
                            { i18n.t(&format!("client-status-{}", s.key())) }
                        </option>
                    }) }
                </select>
                <select aria-label={i18n.t("field-segment")} data-testid="filter-segment"
                        onchange={set(|f, v| f.segment = Segment::from_key(&v).filter(|s| *s != Segment::Unset))}>
                    <option value="" selected={f.segment.is_none()}>{ i18n.t("filter-any-segment") }</option>
                    { for Segment::ALL.iter().filter(|s| **s != Segment::Unset).map(|s| html! {
                        <option value={s.key()} selected={f.segment == Some(*s)}>
                            { i18n.t(&format!("segment-{}", s.key())) }
                        </option>
                    }) }
                </select>
                if !tags.is_empty() {
                    <select aria-label={i18n.t("field-tag")} data-testid="filter-tag"
                            onchange={set(|f, v| f.tag = v)}>
                        <option value="" selected={f.tag.is_empty()}>{ i18n.t("filter-any-tag") }</option>
                        { for tags.iter().map(|t| html! {
                            <option value={t.clone()} selected={f.tag == *t}>{ t }</option>
                        }) }
                    </select>
                }
                if owners.len() > 1 || (owners.len() == 1 && owners[0] != snap.rep) {
                    <select aria-label={i18n.t("filter-owner")} data-testid="filter-owner"
                            onchange={set(|f, v| f.owner = v)}>
                        <option value="" selected={f.owner.is_empty()}>{ i18n.t("filter-any-owner") }</option>
                        { for owners.iter().map(|o| html! {
                            <option value={o.clone()} selected={f.owner == *o}>{ owner_label(o) }</option>
                        }) }
                    </select>
                }
                if !events.is_empty() {
                    <select aria-label={i18n.t("filter-event")} data-testid="filter-event"
                            onchange={set(|f, v| f.event = v)}>
                        <option value="" selected={f.event.is_empty()}>{ i18n.t("filter-any-event") }</option>
                        { for events.iter().map(|(id, name)| html! {
                            <option value={id.clone()} selected={f.event == *id}>{ name }</option>
                        }) }
                    </select>
                }
                <button class={classes!("chip-toggle", is_mine.then_some("on"))} aria-pressed={is_mine.to_string()}
                        data-testid="filter-mine" onclick={mine}>
                    { i18n.t("filter-mine") }
                </button>
                <button class={classes!("chip-toggle", f.overdue.then_some("on"))} aria-pressed={f.overdue.to_string()}
                        data-testid="filter-overdue" onclick={toggle(|f| f.overdue = !f.overdue)}>
                    { i18n.t("filter-overdue") }
                </button>
                <button class={classes!("chip-toggle", (f.sort == ViewSort::NextStep).then_some("on"))}
                        aria-pressed={(f.sort == ViewSort::NextStep).to_string()} data-testid="sort-next-step"
                        onclick={toggle(|f| f.sort = if f.sort == ViewSort::NextStep { ViewSort::Name } else { ViewSort::NextStep })}>
                    { i18n.t("sort-next-step") }
                </button>
            </div>
            if snap.clients.is_empty() {
                <p class="empty muted" data-testid="clients-empty">{ i18n.t("clients-empty") }</p>
            } else if total == 0 {
                <p class="empty muted" data-testid="clients-none-match">{ i18n.t("clients-none-match") }</p>
            }
            <div class="vlist" ref={list_ref} {onscroll} data-testid="client-list"
                 data-total={total.to_string()}>
                <ul class="client-list" role="list"
                    style={format!("height:{}px;position:relative", total as f64 * ROW)}>
                    { for rows[first..last].iter().enumerate().map(|(n, c)| html! {
                        <ClientRow key={c.id.to_string()} client={c.clone()}
                                   top={(first + n) as f64 * ROW} on_open={open.clone()} />
                    }) }
                </ul>
            </div>
        </section>
        </>
    }
}
