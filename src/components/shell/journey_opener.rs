use leptos::prelude::*;

use super::Parts;
use crate::domain::{Draft, RecordError, StoredDraft};
use crate::state::{self, Arrival, PledgeState, SharedIo};
use crate::web;

/// Opens the candidate's state the first time a build shows the journey,
/// under the widget root's owner (so that no view re-rendering can drop
/// it), and keeps it for the widget's life.
///
/// Only the builds that show the journey call [`JourneyOpener::open`]
/// (through their `Parts::journey`): the state's code, and what listens to
/// other tabs and to answers carried in the address, is reached from there
/// alone, so the verify build's wasm leaves it out.
#[derive(Clone, Copy)]
pub struct JourneyOpener {
    inner: StoredValue<Opener, LocalStorage>,
    parts: Parts,
}

struct Opener {
    owner: Owner,
    io: SharedIo,
    handed_over_draft: Option<String>,
    state: Option<PledgeState>,
    /// What a new fragment means to the opened state (set when opened).
    on_fragment: Option<ReceiveFragment>,
}

impl JourneyOpener {
    /// An opener under the current (the root's) owner; nothing is read yet.
    pub fn new(io: SharedIo, handed_over_draft: Option<String>, parts: Parts) -> Self {
        let opener = Opener {
            owner: Owner::current().unwrap_or_default(),
            io,
            handed_over_draft,
            state: None,
            on_fragment: None,
        };
        JourneyOpener {
            inner: StoredValue::new_local(opener),
            parts,
        }
    }

    /// The candidate's state: opened the first time.
    pub fn open(self) -> PledgeState {
        let opening = self.inner.try_update_value(|o| match o.state {
            Some(state) => Ok(state),
            None => Err((o.owner.clone(), o.io.clone(), o.handed_over_draft.take())),
        });
        let (owner, io, draft) = match opening {
            Some(Ok(state)) => return state,
            Some(Err(first)) => first,
            // The root is gone (never while it shows the journey): the
            // browser's records, under the current owner.
            None => (
                Owner::current().unwrap_or_default(),
                state::for_this_campaign(web::BrowserIo::shared()),
                None,
            ),
        };
        let parts = self.parts;
        let opened = owner.with(|| {
            let opened = PledgeState::open(io.clone(), parts.scope, draft.as_deref());
            listen_to_other_tabs(opened, io);
            opened
        });
        // Answers carried from another page (`#d=…`): a partner's frame
        // handing over to sign here, where the candidate's key lives, or
        // any page at all. Never signed, nor anything replaced, without
        // the candidate seeing them (`PledgeState::receive_carried`).
        receive_fragment(opened, &web::fragment(), parts);
        self.inner.update_value(|o| {
            o.state = Some(opened);
            o.on_fragment = Some(receive_fragment);
        });
        opened
    }

    /// A new fragment (a link pasted into an open widget): answers it
    /// carries reach the state by the same rules as on load, once it is
    /// open (a state not opened yet reads them when it is).
    pub fn fragment_changed(self, fragment: &str) {
        let hook = self
            .inner
            .try_with_value(|o| o.on_fragment.zip(o.state))
            .flatten();
        if let Some((receive, state)) = hook {
            receive(state, fragment, self.parts);
        }
    }
}

/// Reads answers carried in a fragment into the state.
type ReceiveFragment = fn(PledgeState, &str, Parts);

fn receive_fragment(state: PledgeState, fragment: &str, parts: Parts) {
    if let Some(carried) = StoredDraft::carried(fragment) {
        take_carried(state, carried, parts);
    }
}

/// Answers carried in the address: received by the state, and the address
/// cleaned, but where this build leaves the question to the full build
/// (which reads the address again when it takes over).
fn take_carried(state: PledgeState, carried: Result<Draft, RecordError>, parts: Parts) {
    match carried {
        Ok(carried) => state.receive_carried(carried),
        Err(_) => state.carried_unreadable(),
    }
    let asking = matches!(state.arrival_untracked(), Some(Arrival::Asking { .. }));
    if parts.asks || !asking {
        web::clear_fragment();
    }
}

/// Another tab's changes (answers, key, « forget me ») reach this one.
/// Only this campaign's records (and those of the build before that it
/// reads): another campaign's on this origin are none of this tab's
/// business.
fn listen_to_other_tabs(state: PledgeState, io: SharedIo) {
    web::on_storage_change(move |key, value| {
        let Some(stored) = key else {
            return state.changed_elsewhere(None, value.as_deref());
        };
        match state::heard(&*io, &stored, value.as_deref()) {
            Some(state::Heard::Changed(name, value)) => {
                state.changed_elsewhere(Some(&name), value.as_deref());
            }
            // Forgotten in a tab of the build before: said here, and this
            // campaign's own records go too.
            Some(state::Heard::ForgottenBefore) => {
                state.changed_elsewhere(None, None);
                state.forget_everything();
            }
            None => {}
        }
    });
}
