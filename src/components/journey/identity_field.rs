use leptos::prelude::*;

use crate::state::{journey_texts, texts};

use crate::domain::{Action, Field, FieldError};
use crate::state::PledgeState;

/// One labelled text field of the identity step, with its message.
///
/// A missing value is reported once the field was left or the form sent;
/// a value past the limit or with refused characters is reported as soon as
/// it is typed.
#[component]
pub fn IdentityField(
    /// Which field of the identity.
    field: Field,
    /// The browser's autofill hint.
    autocomplete: &'static str,
    /// Whether the candidate already tried to send the form.
    attempted: RwSignal<bool>,
) -> impl IntoView {
    let state = PledgeState::use_context();
    let touched = RwSignal::new(false);
    let id = format!("pw-field-{}", field.key());
    let error_id = format!("{id}-error");
    let error = shown_error(field, touched, attempted);
    let described_by = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };
    view! {
        <div class=move || field_class(error.get())>
            <FieldLabel field id=id.clone() />
            <input
                type="text"
                class="pw-field__input"
                id=id
                name=field.key()
                autocomplete=autocomplete
                required=field.is_required()
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described_by
                prop:value=move || state.with(|d| d.identity.get(field).to_owned())
                on:input=move |ev| state.dispatch(Action::Edit(field, event_target_value(&ev)))
                on:blur=move |_| touched.set(true)
            />
            <FieldError field error id=error_id />
        </div>
    }
}

/// The message a field shows now: a missing value only once the field was
/// left (`touched`) or the form sent (`attempted`).
pub(super) fn shown_error(
    field: Field,
    touched: RwSignal<bool>,
    attempted: RwSignal<bool>,
) -> Memo<Option<FieldError>> {
    let state = PledgeState::use_context();
    Memo::new(move |_| {
        state
            .with(|d| d.identity.error(field))
            .filter(|e| !matches!(e, FieldError::Missing) || touched.get() || attempted.get())
    })
}

pub(super) fn field_class(error: Option<FieldError>) -> &'static str {
    if error.is_some() {
        "pw-field pw-field--invalid"
    } else {
        "pw-field"
    }
}

/// A field's label, with « obligatoire » or « facultatif ».
#[component]
pub(super) fn FieldLabel(field: Field, id: String) -> impl IntoView {
    let marker = move || {
        if field.is_required() {
            journey_texts().required_marker
        } else {
            journey_texts().optional_marker
        }
    };
    view! {
        <label class="pw-field__label" for=id>
            {move || texts().field_label(field)}
            " "
            <span class="pw-field__marker">{marker}</span>
        </label>
    }
}

/// A field's message, when it has one.
#[component]
pub(super) fn FieldError(
    field: Field,
    error: Memo<Option<FieldError>>,
    id: String,
) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <p class="pw-field__error" id=id.clone()>
                    {texts().field_error(field, e)}
                </p>
            }
        })
    }
}
