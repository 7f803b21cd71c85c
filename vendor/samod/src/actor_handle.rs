use std::sync::atomic::AtomicU64;

use crate::DocHandle;

pub(crate) struct ActorHandle {
    pub(crate) doc: DocHandle,
    /// Fieldbase patch (unloading): tasks `Inner::dispatch_task` sent to this actor;
    /// equal to the actor's `DocActorInner::handled` when none is queued or in hand.
    pub(crate) dispatched: AtomicU64,
}

impl ActorHandle {
    pub(crate) fn new(doc: DocHandle) -> Self {
        Self {
            doc,
            dispatched: AtomicU64::new(0),
        }
    }
}
