use leptos::prelude::*;

use crate::state::{journey_texts, texts};

use crate::domain::{Action, Role};
use crate::state::PledgeState;

/// The optional role on the list, as radio buttons.
#[component]
pub fn RoleChoice() -> impl IntoView {
    let state = PledgeState::use_context();
    let options = std::iter::once(None)
        .chain(Role::ALL.into_iter().map(Some))
        .map(|role| {
            let key = role.map_or("none", Role::key);
            let id = format!("pw-role-{key}");
            let label = move || {
                let t = texts();
                role.map_or(journey_texts().role_none, |r| t.role(r))
            };
            view! {
                <div class="pw-choice__option">
                    <input
                        type="radio"
                        class="pw-choice__input"
                        name="pw-role"
                        id=id.clone()
                        value=key
                        prop:checked=move || state.with(|d| d.identity.role == role)
                        on:change=move |_| state.dispatch(Action::SetRole(role))
                    />
                    <label class="pw-choice__label" for=id>
                        {label}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="pw-choice">
            <legend class="pw-field__label">
                {move || journey_texts().role_legend} " " <span class="pw-field__marker">{move || journey_texts().optional_marker}</span>
            </legend>
            {options}
        </fieldset>
    }
}
