use std::collections::{HashMap, HashSet};

use crate::{
    DialerId, DocSearchPhase, DocumentActorId,
    actors::hub::{
        dialer::{DialerState, DialerStatus},
        state::ActorInfo,
    },
};

pub(super) struct Searches {
    pub(super) phases: HashMap<DocumentActorId, DocSearchPhase>,
    pub(super) last_dialers: HashMap<DialerId, DialerStatus>,
    /// Actors whose phase may have changed since the last pop (patch: pop only those).
    dirty: HashSet<DocumentActorId>,
}

impl Searches {
    pub(super) fn new() -> Self {
        Self {
            phases: HashMap::new(),
            last_dialers: HashMap::new(),
            dirty: HashSet::new(),
        }
    }

    pub(super) fn mark(&mut self, actor: DocumentActorId) {
        self.dirty.insert(actor);
    }

    /// Fieldbase patch (unloading): forget an actor that was unloaded.
    pub(super) fn forget(&mut self, actor: &DocumentActorId) {
        self.phases.remove(actor);
        self.dirty.remove(actor);
    }

    pub(super) fn add_search(&mut self, actor: DocumentActorId, phase: DocSearchPhase) {
        self.phases.insert(actor, phase);
    }

    pub(super) fn pop_state_updates(
        &mut self,
        actors: &HashMap<DocumentActorId, ActorInfo>,
        dialers: &HashMap<DialerId, DialerState>,
    ) -> HashMap<DocumentActorId, DocSearchPhase> {
        let new_dialer_state = dialers
            .iter()
            .map(|(dialer_id, state)| (*dialer_id, state.status.clone()))
            .collect::<HashMap<DialerId, DialerStatus>>();
        let dialers_changed = self.last_dialers != new_dialer_state;
        self.last_dialers = new_dialer_state;

        let mut result = HashMap::new();
        let dirty = std::mem::take(&mut self.dirty);
        let mut visit = |actor_id: &DocumentActorId, actor: &ActorInfo| {
            let last_phase = self.phases.get(actor_id);
            if last_phase != Some(&actor.search_phase) || dialers_changed {
                result.insert(*actor_id, actor.search_phase.clone());
            }
            self.phases.insert(*actor_id, actor.search_phase.clone());
        };
        if dialers_changed {
            for (actor_id, actor) in actors {
                visit(actor_id, actor);
            }
        } else {
            for actor_id in &dirty {
                if let Some(actor) = actors.get(actor_id) {
                    visit(actor_id, actor);
                }
            }
        }
        result
    }
}
