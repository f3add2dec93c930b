use std::rc::Rc;

use leptos::{ev, prelude::*, task::spawn_local};

use super::identity_field::{field_class, shown_error, FieldError, FieldLabel};
use crate::domain::journey::communes::{CommuneIndex, CommuneShard, ShardFor};
use crate::domain::{journey::candidate_text, Action, CommuneCode, Field};
use crate::i18n::fill;
use crate::state::{journey_texts, texts, PledgeState};
use crate::web;

/// One suggestion of the list: a commune of the referential and where it
/// is (« Doubs, 25 »), so that homonyms can be told apart.
#[derive(Clone, Debug, PartialEq)]
struct Suggestion {
    code: CommuneCode,
    name: String,
    /// Its département's name, from the index.
    departement: String,
}

/// Where the lookup of what is typed stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lookup {
    /// Nothing asked yet, or too short to ask.
    Idle,
    /// Asked: the index or a shard is on its way.
    Pending,
    /// Suggestions are shown (or were, and were closed).
    Found,
    /// No commune of the referential starts so.
    NoMatch,
    /// The referential could not be fetched (offline, say).
    Unavailable,
}

/// What this field has asked of the referential (the files themselves are
/// kept by `web::commune_index` and `web::commune_shard`, once per page):
/// each file is asked once at a time.
#[derive(Default)]
struct Referential {
    asking: Vec<String>,
    /// The last file asked could not be had (offline, say).
    unavailable: bool,
}

/// The field's lookups: what is typed, against the referential, into the
/// suggestions. Every part is a handle, so it is `Copy` into handlers and
/// tasks.
#[derive(Clone, Copy)]
struct Lookups {
    state: PledgeState,
    referential: StoredValue<Referential>,
    suggestions: RwSignal<Vec<Suggestion>>,
    expanded: RwSignal<bool>,
    active: RwSignal<Option<usize>>,
    lookup: RwSignal<Lookup>,
    focused: RwSignal<bool>,
}

impl Lookups {
    fn typed(self) -> String {
        self.state.with(|d| d.identity.commune.clone())
    }

    fn code(self) -> Option<CommuneCode> {
        self.state.with(|d| d.identity.commune_code)
    }

    /// The suggestions for what is typed now: at once when the index and
    /// the shard are here, else once they come (each fetched once).
    fn look_up(self) {
        let query = self.typed();
        let Some(index) = web::commune_index_read() else {
            // Asked again after a failure (back online, say), but said.
            if self.referential.with_value(|r| r.unavailable) {
                self.lookup.set(Lookup::Unavailable);
            } else {
                self.lookup.set(Lookup::Pending);
            }
            self.fetch(None);
            return;
        };
        let file = match index.shard_for(&query) {
            ShardFor::Names(file) | ShardFor::Postal(file) => file.to_owned(),
            ShardFor::KeepTyping => return self.show(&query, &index, None, Lookup::Idle),
            ShardFor::None => return self.show(&query, &index, None, Lookup::NoMatch),
        };
        match web::commune_shard_read(&file) {
            Some(shard) => self.show(&query, &index, Some(shard), Lookup::Found),
            None => {
                self.lookup.set(Lookup::Pending);
                self.fetch(Some(file));
            }
        }
    }

    /// Fetches the index (`shard: None`) or a shard, unless already asked,
    /// then looks up what is typed by then.
    fn fetch(self, shard: Option<String>) {
        let key = shard
            .clone()
            .unwrap_or_else(|| CommuneIndex::FILE.to_owned());
        let asked = self.referential.try_update_value(|r| {
            let asked = r.asking.contains(&key);
            if !asked {
                r.asking.push(key.clone());
            }
            asked
        });
        if asked != Some(false) {
            return;
        }
        spawn_local(async move {
            let had = match &shard {
                None => web::commune_index().await.is_some(),
                Some(file) => web::commune_shard(file).await.is_some(),
            };
            // The field may be gone meanwhile (the candidate went on):
            // then nothing is shown or chosen.
            let alive = self.referential.try_update_value(|r| {
                r.asking.retain(|k| *k != key);
                r.unavailable = !had;
            });
            if alive.is_none() {
                return;
            }
            if !had {
                self.lookup.set(Lookup::Unavailable);
                return;
            }
            self.look_up();
        });
    }

    /// Shows the suggestions of `shard` for `query`.
    fn show(
        self,
        query: &str,
        index: &CommuneIndex,
        shard: Option<Rc<CommuneShard>>,
        found_or: Lookup,
    ) {
        let found: Vec<Suggestion> = shard
            .as_ref()
            .map(|s| s.suggest(query))
            .unwrap_or_default()
            .into_iter()
            .map(|c| Suggestion {
                code: c.code,
                name: c.name.clone(),
                departement: index.departement(&c.code).unwrap_or_default().to_owned(),
            })
            .collect();
        self.lookup.set(match found_or {
            Lookup::Found if found.is_empty() => Lookup::NoMatch,
            other => other,
        });
        // Already chosen and typed as the referential writes it: no list.
        let code = self.code();
        let chosen = code.is_some_and(|c| found.iter().any(|s| s.code == c && s.name == query));
        // Only while the candidate is in the field: an answer that comes
        // after they left opens nothing.
        let focused = self.focused.get_untracked();
        self.expanded.set(!found.is_empty() && !chosen && focused);
        self.active.set(None);
        self.suggestions.set(found);
        if !focused {
            self.settle();
        }
    }

    /// The field was left, or an answer came after: a code that came with
    /// the draft is kept only if the referential gives it this name; a
    /// commune typed in full, alone of its name and in plain letters, is
    /// that one (« lyon » is Lyon, 69123; homonyms wait for a choice; « Lyon
    /// 🙂 » stays as typed). Only ever from the name's own shard.
    fn settle(self) {
        let query = self.typed();
        let shard = web::commune_index_read().and_then(|index| match index.shard_for(&query) {
            ShardFor::Names(file) => web::commune_shard_read(file),
            _ => None,
        });
        let Some(shard) = shard else {
            return;
        };
        match self.code() {
            Some(code)
                if shard
                    .by_code(code)
                    .is_none_or(|c| c.name != candidate_text::canonical(&query)) =>
            {
                self.state.dispatch(Action::ForgetCommuneCode);
            }
            None if in_plain_letters(&query) => {
                if let Some(c) = shard.only_one_named(&query) {
                    self.state
                        .dispatch(Action::ChooseCommune(c.name.clone(), c.code));
                }
            }
            _ => {}
        }
    }
}

/// Letters (Latin, accented or not), digits, spaces, hyphens and
/// apostrophes only: text that `fold` keeps whole, so that choosing the
/// commune so named loses nothing typed.
fn in_plain_letters(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(c, ' ' | '-' | '\'' | '\u{2019}')
            || (matches!(c as u32, 0xC0..=0x24F) && !matches!(c, '×' | '÷'))
    })
}

/// The commune field: a combobox that suggests the communes of the official
/// referential as the candidate types (name or postal code, forgiving
/// accents, case, hyphens and « St »), each with its département. Choosing
/// one keeps its official code with the name; a commune not in the list is
/// kept as typed, and said so. The referential is fetched when the field is
/// first focused, never before.
#[component]
pub fn CommuneField(
    /// Whether the candidate already tried to send the form.
    attempted: RwSignal<bool>,
) -> impl IntoView {
    let field = Field::Commune;
    let state = PledgeState::use_context();
    let touched = RwSignal::new(false);
    let id = format!("pw-field-{}", field.key());
    let (error_id, hint_id, list_id) = (
        format!("{id}-error"),
        format!("{id}-hint"),
        format!("{id}-list"),
    );
    let error = shown_error(field, touched, attempted);
    let lookups = Lookups {
        state,
        referential: StoredValue::new(Referential::default()),
        suggestions: RwSignal::new(Vec::new()),
        expanded: RwSignal::new(false),
        active: RwSignal::new(None),
        lookup: RwSignal::new(Lookup::Idle),
        focused: RwSignal::new(false),
    };
    let Lookups {
        suggestions,
        expanded,
        active,
        lookup,
        focused,
        ..
    } = lookups;
    let typed = move || lookups.typed();
    let code = move || lookups.code();
    // A code that came with the draft (stored, carried from another page)
    // is checked against the referential as soon as the step shows.
    if untrack(code).is_some() {
        lookups.look_up();
    }

    let choose = move |i: usize| {
        let Some(s) = suggestions.with_untracked(|s| s.get(i).cloned()) else {
            return;
        };
        state.dispatch(Action::ChooseCommune(s.name, s.code));
        expanded.set(false);
        active.set(None);
    };

    let on_input = move |ev: ev::Event| {
        state.dispatch(Action::Edit(field, event_target_value(&ev)));
        lookups.look_up();
    };

    let on_keydown = move |ev: ev::KeyboardEvent| {
        let n = suggestions.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if n > 0 => {
                ev.prevent_default();
                let down = ev.key() == "ArrowDown";
                let next = match (expanded.get_untracked(), active.get_untracked()) {
                    (false, _) | (true, None) => {
                        if down {
                            0
                        } else {
                            n - 1
                        }
                    }
                    (true, Some(i)) if down => (i + 1) % n,
                    (true, Some(i)) => (i + n - 1) % n,
                };
                expanded.set(true);
                active.set(Some(next));
            }
            "Enter" if expanded.get_untracked() => {
                if let Some(i) = active.get_untracked() {
                    ev.prevent_default();
                    choose(i);
                }
            }
            "Escape" if expanded.get_untracked() => {
                ev.prevent_default();
                expanded.set(false);
                active.set(None);
            }
            _ => {}
        }
    };

    let on_focus = move |_| {
        focused.set(true);
        // The referential, from the first focus on: never on the first
        // screen or a pledge link.
        lookups.look_up();
    };

    let on_blur = move |_| {
        focused.set(false);
        touched.set(true);
        expanded.set(false);
        active.set(None);
        lookups.settle();
    };

    let option_id = move |i: usize| format!("pw-field-commune-option-{i}");
    let hint = move || {
        let t = journey_texts();
        if let Some(c) = code() {
            return Some(fill(t.commune_chosen, &[("code", c.as_str())]));
        }
        if typed().trim().is_empty() {
            return None;
        }
        match lookup.get() {
            Lookup::NoMatch => Some(t.commune_not_in_referential.to_owned()),
            Lookup::Unavailable => Some(t.commune_unavailable.to_owned()),
            Lookup::Found if touched.get() => Some(t.commune_choose.to_owned()),
            _ => None,
        }
    };
    let status = move || {
        let n = suggestions.with(Vec::len);
        let t = journey_texts();
        match (expanded.get(), n) {
            (false, _) | (_, 0) => String::new(),
            (true, 1) => t.commune_suggestions_one.to_owned(),
            (true, n) => fill(t.commune_suggestions_many, &[("n", &n.to_string())]),
        }
    };
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            if hint().is_some() {
                ids.push(hint_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };

    view! {
        <div class=move || format!("{} pw-combobox", field_class(error.get()))>
            <FieldLabel field id=id.clone() />
            <div class="pw-combobox__control">
            <input
                type="text"
                class="pw-field__input"
                id=id
                name=field.key()
                role="combobox"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || if expanded.get() { "true" } else { "false" }
                aria-activedescendant=move || active.get().filter(|_| expanded.get()).map(option_id)
                autocomplete="off"
                required=true
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described_by
                aria-busy=move || if lookup.get() == Lookup::Pending { "true" } else { "false" }
                prop:value=typed
                on:input=on_input
                on:keydown=on_keydown
                on:focus=on_focus
                on:blur=on_blur
            />
            <ul
                class="pw-combobox__list"
                id=list_id
                role="listbox"
                aria-label=move || texts().field_label(field)
                hidden=move || !expanded.get()
            >
                // Drawn again whole when the active option moves: 8 at most.
                {move || {
                    let active = active.get();
                    suggestions
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let selected = active == Some(i);
                            let place = fill(
                                journey_texts().commune_place,
                                &[("departement", &s.departement), ("code", s.code.department())],
                            );
                            view! {
                                <li
                                    class=if selected {
                                        "pw-combobox__option pw-combobox__option--active"
                                    } else {
                                        "pw-combobox__option"
                                    }
                                    id=option_id(i)
                                    role="option"
                                    aria-selected=if selected { "true" } else { "false" }
                                    // Chosen before the field loses focus.
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        choose(i);
                                    }
                                >
                                    <bdi class="pw-combobox__name">{s.name}</bdi>
                                    " "
                                    <span class="pw-combobox__place">"(" {place} ")"</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            </div>
            <p class="pw-visually-hidden" role="status">{status}</p>
            {move || hint().map(|h| view! { <p class="pw-field__hint" id=hint_id.clone()>{h}</p> })}
            <FieldError field error id=error_id />
        </div>
    }
}
