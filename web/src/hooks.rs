//! Hooks shared by the screens.

use std::rc::Rc;

use fieldbase_core::ClientBase;
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::engine::EngineHandle;

/// Runs `query(deps, base)` on the engine's client base whenever `deps` change (pass the snapshot's
/// `version` among them to follow every durable change) and returns the latest answer;
/// `None` until the first one arrives. The engine answers between two commands, so a
/// query never sees an edit that is not yet on the device.
#[hook]
pub fn use_query<T, D>(
    engine: &EngineHandle,
    deps: D,
    query: fn(&D, &ClientBase) -> T,
) -> Option<Rc<T>>
where
    T: Serialize + DeserializeOwned + 'static,
    D: PartialEq + Clone + Serialize + DeserializeOwned + 'static,
{
    let answer = use_state(|| None::<Rc<T>>);
    {
        let (engine, answer) = (engine.clone(), answer.clone());
        use_effect_with(deps, move |deps| {
            let deps = deps.clone();
            spawn_local(async move {
                if let Some(t) = engine.query(query, deps).await {
                    answer.set(Some(Rc::new(t)));
                }
            });
        });
    }
    (*answer).clone()
}
