//! Component tests in headless Chromium: mount the widget, act as a
//! candidate would, then check the DOM and what was stored.
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use leptos::{mount::mount_to, prelude::*};
use pledge_widget::components::{Parts, PledgeWidget};
use pledge_widget::domain::{Draft, Kept, SetAside, StoredDraft};
use pledge_widget::web;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// The browser's storage as the widget names its records: each under the
/// campaign's key (`campaign::stored_key`).
struct CampaignStorage(web_sys::Storage);

fn campaign_storage() -> CampaignStorage {
    CampaignStorage(LocalStorage::raw())
}

impl CampaignStorage {
    fn get_item(&self, name: &str) -> Result<Option<String>, wasm_bindgen::JsValue> {
        self.0.get_item(&pledge_widget::campaign::stored_key(name))
    }
    fn set_item(&self, name: &str, value: &str) -> Result<(), wasm_bindgen::JsValue> {
        self.0
            .set_item(&pledge_widget::campaign::stored_key(name), value)
    }
    fn remove_item(&self, name: &str) -> Result<(), wasm_bindgen::JsValue> {
        self.0
            .remove_item(&pledge_widget::campaign::stored_key(name))
    }
}

wasm_bindgen_test_configure!(run_in_browser);

/// A widget mounted in its own container, removed when dropped.
struct Mounted {
    root: HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        // A panic anywhere (an event handler, an effect, an animation frame)
        // shows the fatal message through the widget's own panic hook.
        let fatal = self.root.query_selector(".pw-fatal").unwrap().is_some();
        self.root.remove();
        assert!(!fatal, "the widget panicked during the test");
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a fresh widget (the full build) over whatever storage holds now.
fn mount() -> Mounted {
    mount_build(Parts::FULL)
}

/// Mounts a fresh widget with the parts of one build.
fn mount_build(parts: Parts) -> Mounted {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(web::install_panic_hook);
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone(), move || {
        view! { <PledgeWidget parts /> }.into_any()
    });
    Mounted {
        root,
        _handle: handle,
    }
}

/// Empties storage, then picks French as the visitor's language (the
/// headless browser's own language is English).
fn clear_storage() {
    // What a previous test's builds left for each other.
    let window: wasm_bindgen::JsValue = web_sys::window().unwrap().into();
    js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &"pwWidget".into())
        .unwrap();
    LocalStorage::clear();
    campaign_storage()
        .set_item("pw-pledge-widget/lang/v1", "fr")
        .unwrap();
}

/// Lets effects, renders and animation-frame callbacks run.
async fn settle() {
    leptos::task::tick().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// The button whose visible text or accessible label is `name`.
fn button(root: &Element, name: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| {
            b.text_content().unwrap_or_default().trim() == name
                || b.get_attribute("aria-label").as_deref() == Some(name)
        })
        .unwrap_or_else(|| panic!("no button {name:?} in {}", root.inner_html()))
}

fn input(root: &Element, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn heading(root: &Element) -> String {
    root.query_selector("h1")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

fn stored() -> Draft {
    let raw = campaign_storage()
        .get_item(StoredDraft::KEY)
        .unwrap()
        .unwrap();
    StoredDraft::decode(&raw).unwrap()
}

fn type_into(field: &HtmlInputElement, value: &str) {
    field.set_value(value);
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn start_leads_to_the_first_proposal_and_focuses_its_heading() {
    clear_storage();
    let w = mount();
    assert!(text(&w.root).contains("INCLUSIFS DE DEMAIN"));
    button(&w.root, "Commencer").click();
    settle().await;
    assert!(text(&w.root).contains("Proposition 1 sur 10"));
    assert!(heading(&w.root).contains("Développer des clauses d'insertion"));
    let focused = document().active_element().unwrap();
    assert_eq!(focused.tag_name(), "H1");
    assert_eq!(stored().step.key(), "proposal-1");
}

#[wasm_bindgen_test]
async fn ticking_a_commitment_is_stored_and_marked_in_the_jump_nav() {
    clear_storage();
    let w = mount();
    button(&w.root, "Commencer").click();
    settle().await;
    input(&w.root, "#pw-commitment-1-2").click();
    settle().await;
    assert!(input(&w.root, "#pw-commitment-1-2").checked());
    assert!(stored().selection.contains(1));
    assert!(!stored().selection.contains(0));
    let first = button(&w.root, "Proposition 1, 1 engagement(s) coché(s) sur 2");
    assert!(first.class_name().contains("pw-jump__item--ticked"));
    assert_eq!(first.get_attribute("aria-current").as_deref(), Some("step"));
}

#[wasm_bindgen_test]
async fn tick_all_ticks_every_commitment_of_the_proposal_then_unticks_them() {
    clear_storage();
    let w = mount();
    button(&w.root, "Commencer").click();
    settle().await;
    button(&w.root, "Suivant").click();
    settle().await;
    assert!(text(&w.root).contains("Proposition 2 sur 10"));
    button(&w.root, "Tout cocher pour cette proposition").click();
    settle().await;
    let boxes = all(&w.root, "input[type=checkbox]");
    assert_eq!(boxes.len(), 3);
    assert!(boxes
        .iter()
        .all(|b| b.unchecked_ref::<HtmlInputElement>().checked()));
    assert_eq!(stored().selection.count(), 3);
    button(&w.root, "Tout décocher pour cette proposition").click();
    settle().await;
    assert_eq!(stored().selection.count(), 0);
}

#[wasm_bindgen_test]
async fn the_jump_nav_and_back_move_between_proposals() {
    clear_storage();
    let w = mount();
    button(&w.root, "Commencer").click();
    settle().await;
    button(&w.root, "Proposition 7, 0 engagement(s) coché(s) sur 2").click();
    settle().await;
    assert!(text(&w.root).contains("Proposition 7 sur 10"));
    assert!(heading(&w.root).contains("Redynamisation économique"));
    button(&w.root, "Précédent").click();
    settle().await;
    assert!(text(&w.root).contains("Proposition 6 sur 10"));
    assert_eq!(document().active_element().unwrap().tag_name(), "H1");
}

#[wasm_bindgen_test]
async fn the_identity_step_validates_next_to_each_field() {
    clear_storage();
    campaign_storage()
        .set_item(
            StoredDraft::KEY,
            r#"{"version":1,"step":"identity","ticked":["1.1"],"name":"","commune":"","list":"","role":null}"#,
        )
        .unwrap();
    let w = mount();
    assert!(heading(&w.root).contains("Qui s'engage"));
    button(&w.root, "Voir le récapitulatif").click();
    settle().await;
    assert!(text(&w.root).contains("Indiquez votre nom et prénom."));
    assert!(text(&w.root).contains("Indiquez votre commune."));
    let name = input(&w.root, "#pw-field-name");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        name.get_attribute("aria-describedby").as_deref(),
        Some("pw-field-name-error")
    );
    assert_eq!(document().active_element().unwrap().id(), "pw-field-name");

    type_into(&name, &"x".repeat(81));
    settle().await;
    assert!(text(&w.root).contains("80 caractères au maximum : vous en avez saisi 81."));
    type_into(&name, "Camille Dupont");
    type_into(&input(&w.root, "#pw-field-commune"), "Saint-Étienne");
    input(&w.root, "#pw-role-colistier").click();
    settle().await;
    assert!(!text(&w.root).contains("Indiquez"));
    button(&w.root, "Voir le récapitulatif").click();
    settle().await;

    assert!(heading(&w.root).contains("Récapitulatif"));
    let summary = text(&w.root);
    assert!(summary.contains("1 engagement sur 20"));
    assert!(summary.contains("Camille Dupont"));
    assert!(summary.contains("Colistier·ère"));
    assert!(summary.contains("Aucun engagement pris pour cette proposition."));
    let draft = stored();
    assert_eq!(draft.identity.commune, "Saint-Étienne");
    assert_eq!(draft.step.key(), "summary");
}

#[wasm_bindgen_test]
async fn the_summary_edit_links_go_back_to_the_proposal() {
    clear_storage();
    campaign_storage()
        .set_item(
            StoredDraft::KEY,
            r#"{"version":1,"step":"summary","ticked":["3.2"],"name":"A","commune":"B","list":"","role":null}"#,
        )
        .unwrap();
    let w = mount();
    assert!(heading(&w.root).contains("Récapitulatif"));
    button(&w.root, "Modifier la proposition 3").click();
    settle().await;
    assert!(text(&w.root).contains("Proposition 3 sur 10"));
    assert!(input(&w.root, "#pw-commitment-3-2").checked());
}

#[wasm_bindgen_test]
async fn a_saved_draft_resumes_at_the_same_step_with_the_same_answers() {
    clear_storage();
    campaign_storage()
        .set_item(
            StoredDraft::KEY,
            r#"{"version":1,"step":"proposal-8","ticked":["8.1","8.3"],"name":"Zoé","commune":"","list":"","role":null}"#,
        )
        .unwrap();
    let w = mount();
    assert!(text(&w.root).contains("Proposition 8 sur 10"));
    assert!(input(&w.root, "#pw-commitment-8-1").checked());
    assert!(!input(&w.root, "#pw-commitment-8-2").checked());
    assert!(input(&w.root, "#pw-commitment-8-3").checked());
    assert!(w.root.query_selector(".pw-notice").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn unreadable_storage_starts_fresh_with_a_notice_and_keeps_a_backup() {
    clear_storage();
    let corrupt = r#"{"version":1,"step":"proposal-2","ticked":["99.9"]"#;
    campaign_storage()
        .set_item(StoredDraft::KEY, corrupt)
        .unwrap();
    let w = mount();
    settle().await;
    let notice = w.root.query_selector(".pw-notice").unwrap().unwrap();
    assert_eq!(notice.get_attribute("role").as_deref(), Some("status"));
    assert!(text(&notice).contains("n'ont pas pu être relues"));
    // Set aside, dated, and offered back (as data to download).
    let kept = campaign_storage().get_item(SetAside::KEY).unwrap().unwrap();
    let kept = SetAside::decode(&kept, SigningDate::from_days(0));
    assert_eq!(kept.items()[0].kept, Kept::Unreadable(corrupt.into()));
    assert!(text(&w.root).contains("Récupérer mes réponses précédentes"));
    assert!(text(&w.root).contains("Des réponses qui n'ont pas pu être relues"));
    // The main key now holds a fresh, readable draft.
    assert_eq!(stored(), Draft::default());
    button(&notice, "Fermer").click();
    settle().await;
    assert!(w.root.query_selector(".pw-notice").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn start_over_asks_first_then_wipes_the_answers() {
    clear_storage();
    campaign_storage()
        .set_item(
            StoredDraft::KEY,
            r#"{"version":1,"step":"proposal-5","ticked":["5.1"],"name":"A","commune":"","list":"","role":null}"#,
        )
        .unwrap();
    let w = mount();
    button(&w.root, "Recommencer").click();
    settle().await;
    assert!(text(&w.root).contains("Effacer toutes vos réponses"));
    assert_eq!(
        document()
            .active_element()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Annuler")
    );
    button(&w.root, "Annuler").click();
    settle().await;
    assert_eq!(stored().selection.count(), 1);
    button(&w.root, "Recommencer").click();
    settle().await;
    button(&w.root, "Oui, tout effacer").click();
    settle().await;
    assert!(text(&w.root).contains("INCLUSIFS DE DEMAIN"));
    assert_eq!(stored(), Draft::default());
}

#[wasm_bindgen_test]
fn a_fatal_error_replaces_the_widget_with_a_readable_message() {
    let target = document().create_element("div").unwrap();
    target.set_inner_html("<p>old content</p>");
    web::show_fatal_error(&target);
    let alert = target.query_selector("[role=alert]").unwrap().unwrap();
    assert!(text(&alert).contains("Une erreur inattendue a interrompu le widget."));
    assert!(!text(&target).contains("old content"));
    let reload = target.query_selector("a").unwrap().unwrap();
    let href = reload.get_attribute("href").unwrap();
    let here = web_sys::window().unwrap().location().href().unwrap();
    assert_eq!(
        href,
        here.split('#').next().unwrap(),
        "this page, on this origin"
    );

    // In the language the widget showed.
    let english = document().create_element("div").unwrap();
    english.set_attribute("lang", "en").unwrap();
    let inner = document().create_element("div").unwrap();
    english.append_child(&inner).unwrap();
    web::show_fatal_error(&inner);
    assert!(text(&inner).contains("An unexpected error stopped the widget."));
    assert!(text(&inner).contains("Reload the page"));
}

// --- Signing and verification ---------------------------------------------

use pledge_widget::domain::{
    Fragment, Identity, Pledge, PledgeKey, Selection, ShareLink, SigningDate,
};

const KEY_KEY: &str = "pw-pledge-widget/key/v1";
const READY_TO_SIGN: &str = r#"{"version":1,"step":"sign","ticked":["1.1","9.3"],"name":"Camille Dupont","commune":"Saint-Étienne","list":"","role":"candidat"}"#;

fn set_fragment(fragment: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    let path = web_sys::window().unwrap().location().pathname().unwrap();
    let search = web_sys::window().unwrap().location().search().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}{fragment}")),
        )
        .unwrap();
}

/// Fresh storage holding a draft ready to sign, and no fragment.
fn ready_to_sign() {
    clear_storage();
    set_fragment("");
    campaign_storage()
        .set_item(StoredDraft::KEY, READY_TO_SIGN)
        .unwrap();
}

/// The full build mounted over [`ready_to_sign`]: the sign step.
fn mount_at_the_sign_step() -> Mounted {
    ready_to_sign();
    mount()
}

fn share_link(root: &Element) -> String {
    input(root, "#pw-share-link").value()
}

fn read_link(link: &str) -> pledge_widget::domain::VerifiedPledge {
    let (_, fragment) = link
        .split_once('#')
        .unwrap_or_else(|| panic!("not a link: {link:?}"));
    match ShareLink::read(fragment) {
        Fragment::Pledge(Ok(p)) => p,
        other => panic!("link does not verify: {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn signing_makes_a_key_keeps_it_and_reuses_it() {
    let w = mount_at_the_sign_step();
    assert!(heading(&w.root).contains("Signer mon engagement"));
    assert!(text(&w.root).contains("Une clé de signature sera créée"));
    button(&w.root, "Signer mon engagement").click();
    settle().await;
    assert!(heading(&w.root).contains("Votre engagement est signé"));

    let stored_key = campaign_storage()
        .get_item(KEY_KEY)
        .unwrap()
        .expect("key kept");
    let key = PledgeKey::from_stored(&stored_key).unwrap();
    let first = read_link(&share_link(&w.root));
    assert_eq!(first.public_key(), key.public());
    assert_eq!(first.pledge().name(), "Camille Dupont");
    assert_eq!(first.pledge().selection().count(), 2);
    assert!(text(&w.root).contains(&key.public().fingerprint()));
    // The secret is nowhere in the page.
    assert!(!w.root.inner_html().contains(&stored_key));
    assert!(!share_link(&w.root).contains(&stored_key));

    // Edit and sign again: same key.
    button(&w.root, "Modifier mes engagements").click();
    settle().await;
    button(&w.root, "Signer").click();
    settle().await;
    assert!(heading(&w.root).contains("Signer mon engagement"));
    button(&w.root, "Signer mon engagement").click();
    settle().await;
    assert!(heading(&w.root).contains("Votre engagement est signé"));
    let second = read_link(&share_link(&w.root));
    assert_eq!(second.public_key(), first.public_key());
    drop(w);

    // A new mount (a reload) finds the signed pledge and the same key.
    let w = mount();
    assert!(heading(&w.root).contains("Votre engagement est signé"));
    settle().await;
    assert_eq!(read_link(&share_link(&w.root)).public_key(), key.public());
}

#[wasm_bindgen_test]
async fn the_sign_step_shows_every_commitment_it_signs() {
    let w = mount_at_the_sign_step();
    assert!(heading(&w.root).contains("Signer mon engagement"));
    let what = w.root.query_selector(".pw-sign__what").unwrap().unwrap();
    assert!(text(&what).contains("2 engagements sur 20"));
    let listed: Vec<String> = all(&what, ".pw-commitment-list__item")
        .iter()
        .map(|li| text(li))
        .collect();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(listed[0].starts_with("#1 "), "{listed:?}");
    assert!(listed[1].starts_with("#9 "), "{listed:?}");
}

/// `draft` in a link's fragment, as another page would send it.
fn carry(draft_json: &str) -> String {
    let mut draft = StoredDraft::decode(draft_json).unwrap();
    // The record as it was, step included (carry_link writes the draft's).
    draft.step = pledge_widget::domain::Step::Sign;
    let link = StoredDraft::carry_link("https://w.example/", &draft);
    format!("#{}", link.split_once('#').unwrap().1)
}

#[wasm_bindgen_test]
async fn answers_from_another_page_ask_first_and_never_land_past_the_summary() {
    clear_storage();
    let mine = r#"{"version":1,"step":"proposal-4","ticked":["4.1"],"name":"Camille Dupont","commune":"Lyon","list":"","role":null}"#;
    campaign_storage().set_item(StoredDraft::KEY, mine).unwrap();
    let theirs = r#"{"version":1,"step":"sign","ticked":["2.1","3.1","5.1"],"name":"Camille Dupont","commune":"Lyon","list":"","role":null}"#;
    set_fragment(&carry(theirs));
    let w = mount();
    settle().await;
    // The question, with both sets of answers; nothing stored has changed.
    assert!(heading(&w.root).contains("Remplacer mes réponses par celles reçues ?"));
    assert_eq!(all(&w.root, ".pw-arrival__draft").len(), 2);
    assert!(text(&w.root).contains("3 engagements sur 20"));
    assert_eq!(
        campaign_storage()
            .get_item(StoredDraft::KEY)
            .unwrap()
            .as_deref(),
        Some(mine)
    );
    button(&w.root, "Garder les miennes").click();
    settle().await;
    assert_eq!(stored().step, pledge_widget::domain::Step::Proposal(3));
    assert_eq!(stored().selection.count(), 1);
    drop(w);

    // Again, and « Remplacer »: the summary, told where they came from.
    set_fragment(&carry(theirs));
    let w = mount();
    settle().await;
    button(&w.root, "Remplacer mes réponses").click();
    settle().await;
    assert!(
        heading(&w.root).contains("Récapitulatif"),
        "{}",
        heading(&w.root)
    );
    assert!(text(&w.root)
        .contains("Ces réponses viennent d'une autre page : vérifiez-les avant de signer."));
    assert_eq!(stored().selection.count(), 3);
    assert_eq!(stored().step, pledge_widget::domain::Step::Summary);
    // And the candidate's own answers come back.
    let previous = w.root.query_selector(".pw-previous").unwrap().unwrap();
    assert!(text(&previous).contains("Récupérer mes réponses précédentes"));
    assert!(text(&previous).contains("1 engagement sur 20"));
    button(&previous, "Reprendre ces réponses").click();
    settle().await;
    assert_eq!(stored().selection.count(), 1);
    assert_eq!(stored().identity.commune, "Lyon");
}

#[wasm_bindgen_test]
async fn received_text_that_could_not_be_signed_is_said_not_shown() {
    clear_storage();
    let mine = r#"{"version":1,"step":"proposal-2","ticked":["1.1"],"name":"Camille","commune":"Lyon","list":"","role":null}"#;
    campaign_storage().set_item(StoredDraft::KEY, mine).unwrap();
    let mut theirs = StoredDraft::decode(mine).unwrap();
    theirs.identity.name = format!("Vérifié{}", "\u{346}".repeat(500));
    theirs.identity.commune = "L".repeat(10_000);
    let link = StoredDraft::carry_link("https://w.example/", &theirs);
    set_fragment(&format!("#{}", link.split_once('#').unwrap().1));
    let w = mount();
    settle().await;
    let received = all(&w.root, ".pw-arrival__draft").pop().unwrap();
    assert_eq!(all(&received, ".pw-arrival__unsignable").len(), 2);
    assert!(!text(&received).contains('\u{346}'));
    assert!(!text(&received).contains("LLLL"));
}

#[wasm_bindgen_test]
async fn an_imported_key_signs_the_next_pledge() {
    let w = mount_at_the_sign_step();
    let imported = PledgeKey::from_seed([7; 32]);

    choose_file(&input(&w.root, "input[type=file]"), &imported.to_file());
    settle().await;
    settle().await;
    let fingerprint = imported.public().fingerprint();
    assert!(text(&w.root).contains(&format!("Clé importée. Empreinte : {fingerprint}")));
    assert_eq!(
        campaign_storage().get_item(KEY_KEY).unwrap(),
        Some(imported.to_stored())
    );

    button(&w.root, "Signer mon engagement").click();
    settle().await;
    assert_eq!(
        read_link(&share_link(&w.root)).public_key(),
        imported.public()
    );
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_a_key_is_refused_with_a_message() {
    let w = mount_at_the_sign_step();
    choose_file(
        &input(&w.root, "input[type=file]"),
        "<script>alert(1)</script>",
    );
    settle().await;
    settle().await;
    assert!(text(&w.root).contains("Ce fichier n'est pas une clé de signature valide."));
    assert_eq!(campaign_storage().get_item(KEY_KEY).unwrap(), None);
}

/// Chooses a file with this text in a file input, as a person would.
fn choose_file(file_input: &HtmlInputElement, text: &str) {
    let transfer = web_sys::DataTransfer::new().unwrap();
    let parts = js_sys::Array::of1(&text.into());
    let file = web_sys::File::new_with_str_sequence(&parts, "file.json").unwrap();
    transfer.items().add_with_file(&file).unwrap();
    file_input.set_files(transfer.files().as_ref());
    file_input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

fn sample_link() -> String {
    let identity = Identity {
        name: "Zoé <b>Ñúñez</b>".into(),
        commune: "Nîmes".into(),
        commune_code: None,
        ..Identity::default()
    };
    let pledge = Pledge::new(
        Selection::from_bits(0b11).unwrap(),
        &identity,
        SigningDate::from_ymd(2026, 11, 28).unwrap(),
        None,
    )
    .unwrap();
    ShareLink::build(
        "https://example.org/",
        &pledge.sign(&PledgeKey::from_seed([3; 32])),
    )
}

#[wasm_bindgen_test]
async fn a_pledge_link_shows_the_pledge_and_leaves_the_draft_alone() {
    clear_storage();
    let draft = r#"{"version":1,"step":"proposal-4","ticked":["4.1"],"name":"Me","commune":"","list":"","role":null}"#;
    campaign_storage()
        .set_item(StoredDraft::KEY, draft)
        .unwrap();
    let link = sample_link();
    set_fragment(&format!("#{}", link.split_once('#').unwrap().1));
    let w = mount();
    settle().await;
    let shown = text(&w.root);
    assert!(shown.contains("Signature valide"), "{shown}");
    assert!(shown.contains(&PledgeKey::from_seed([3; 32]).public().fingerprint()));
    assert!(
        shown.contains("Zoé <b>Ñúñez</b>"),
        "names are shown as text"
    );
    assert!(w.root.query_selector("b").unwrap().is_none());
    assert!(shown.contains("28 novembre 2026"));
    assert!(shown.contains("2 engagements sur 20"));
    assert_eq!(
        campaign_storage()
            .get_item(StoredDraft::KEY)
            .unwrap()
            .as_deref(),
        Some(draft),
        "the visitor's draft is untouched"
    );

    button(&w.root, "Prendre mes propres engagements").click();
    settle().await;
    assert!(text(&w.root).contains("Proposition 4 sur 10"));
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "");
}

#[wasm_bindgen_test]
async fn an_altered_link_says_why_it_is_invalid() {
    clear_storage();
    let link = sample_link();
    let fragment = link.split_once('#').unwrap().1;
    let mut chars: Vec<char> = fragment.chars().collect();
    chars[12] = if chars[12] == 'A' { 'B' } else { 'A' };
    set_fragment(&format!("#{}", chars.into_iter().collect::<String>()));
    let w = mount();
    settle().await;
    let shown = text(&w.root);
    assert!(shown.contains("Lien modifié ou invalide"), "{shown}");
    assert!(
        shown.contains("le lien a été modifié après la signature"),
        "{shown}"
    );
    assert!(!shown.contains("Zoé"));
    set_fragment(&format!("#{}", &fragment[..30]));
    drop(w);
    let w = mount();
    assert!(text(&w.root).contains("Le lien est incomplet"));
    drop(w);
    set_fragment("");
}

#[wasm_bindgen_test]
async fn the_language_switch_shows_the_english_translation_and_back() {
    clear_storage();
    set_fragment("");
    let w = mount();
    button(&w.root, "English").click();
    settle().await;
    assert!(heading(&w.root).contains("INCLUSIVE TERRITORIES OF TOMORROW"));
    assert!(text(&w.root).contains("English translation."));
    assert_eq!(
        w.root
            .query_selector(".pw-widget")
            .unwrap()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    assert_eq!(
        campaign_storage()
            .get_item("pw-pledge-widget/lang/v1")
            .unwrap()
            .as_deref(),
        Some("en")
    );
    button(&w.root, "Start").click();
    settle().await;
    assert!(text(&w.root).contains("Proposal 1 of 10"));
    button(&w.root, "Français").click();
    settle().await;
    assert!(
        text(&w.root).contains("Proposition 1 sur 10"),
        "the step is kept"
    );
}

/// `window.pwWidget`, where the boot script and the two builds meet.
fn pw_widget() -> js_sys::Object {
    let window: wasm_bindgen::JsValue = web_sys::window().unwrap().into();
    let existing = js_sys::Reflect::get(&window, &"pwWidget".into()).unwrap();
    if existing.is_object() {
        return existing.unchecked_into();
    }
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&window, &"pwWidget".into(), &object).unwrap();
    object
}

const SUMMARY_DRAFT: &str = r#"{"version":1,"step":"summary","ticked":["3.2"],"name":"Zoé","commune":"Lyon","list":"","role":null}"#;

#[wasm_bindgen_test]
async fn the_journey_build_keeps_the_answers_when_signing_cannot_load() {
    clear_storage();
    set_fragment("");
    campaign_storage()
        .set_item(StoredDraft::KEY, SUMMARY_DRAFT)
        .unwrap();
    // No boot script here: the full build cannot be started.
    let w = mount_build(Parts::JOURNEY);
    button(&w.root, "Signer").click();
    settle().await;
    assert_eq!(heading(&w.root), "Signer mon engagement");
    let alert = w.root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(
        text(&alert).contains("n'a pas pu se charger"),
        "{}",
        text(&alert)
    );
    assert!(text(&alert).contains("Vos réponses sont conservées"));
    assert_eq!(stored().identity.name, "Zoé");
    assert!(
        w.root.query_selector(".pw-pad").unwrap().is_none(),
        "no signing here"
    );

    // Once the boot script can start it, "Try again" asks for it, with the
    // language shown; the candidate can still go back while it loads.
    let started = std::rc::Rc::new(std::cell::Cell::new(0));
    let start = {
        let started = started.clone();
        wasm_bindgen::closure::Closure::<dyn Fn() -> js_sys::Promise>::new(move || {
            started.set(started.get() + 1);
            // Never settles, as a slow network would.
            js_sys::Promise::new(&mut |_, _| {})
        })
    };
    js_sys::Reflect::set(&pw_widget(), &"startFull".into(), start.as_ref()).unwrap();
    button(&w.root, "Réessayer").click();
    settle().await;
    assert_eq!(started.get(), 1);
    let handover = js_sys::Reflect::get(&pw_widget(), &"handover".into()).unwrap();
    let lang = js_sys::Reflect::get(&handover, &"lang".into()).unwrap();
    assert_eq!(lang.as_string().as_deref(), Some("fr"));
    assert!(w.root.query_selector("[role=alert]").unwrap().is_none());
    assert!(text(&w.root).contains("Chargement de la signature"));
    button(&w.root, "Précédent").click();
    settle().await;
    assert_eq!(heading(&w.root), "Récapitulatif");
    assert_eq!(stored().step, pledge_widget::domain::Step::Summary);
}

#[wasm_bindgen_test]
async fn the_journey_build_hands_the_identity_step_to_the_full_build() {
    clear_storage();
    set_fragment("");
    campaign_storage()
        .set_item(StoredDraft::KEY, SUMMARY_DRAFT)
        .unwrap();
    let w = mount_build(Parts::JOURNEY);
    assert_eq!(heading(&w.root), "Récapitulatif");
    // « Modifier » on the identity: the step's heading, and the full build
    // (with the communes' field) is asked for; none of the field here.
    let edit = w
        .root
        .query_selector(".pw-summary__identity button")
        .unwrap()
        .expect("the identity's edit button")
        .unchecked_into::<HtmlElement>();
    edit.click();
    settle().await;
    assert_eq!(heading(&w.root), "Qui s'engage ?");
    assert!(
        w.root
            .query_selector("[role=combobox], input")
            .unwrap()
            .is_none(),
        "no identity field in the journey build"
    );
    // No boot script here: the full build cannot start, and says so.
    let alert = w.root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(text(&alert).contains("Vos réponses sont conservées"));
    assert_eq!(stored().step, pledge_widget::domain::Step::Identity);
    assert_eq!(stored().identity.name, "Zoé");
    // Back to the last proposal, shown here, nothing lost.
    button(&w.root, "Précédent").click();
    settle().await;
    assert_eq!(stored().step, pledge_widget::domain::Step::Identity.back());
    assert!(text(&w.root).contains("Proposition 10 sur 10"));
    assert_eq!(stored().identity.name, "Zoé");

    // The full build shows the step itself, its commune field a combobox.
    w.root.remove();
    campaign_storage()
        .set_item(StoredDraft::KEY, SUMMARY_DRAFT)
        .unwrap();
    let full = mount_build(Parts::FULL);
    let edit = full
        .root
        .query_selector(".pw-summary__identity button")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>();
    edit.click();
    settle().await;
    assert_eq!(heading(&full.root), "Qui s'engage ?");
    assert!(full
        .root
        .query_selector("[role=combobox]")
        .unwrap()
        .is_some());
    full.root.remove();
}

#[wasm_bindgen_test]
async fn the_full_build_hands_the_wall_and_the_console_to_their_builds() {
    let history = web_sys::window().unwrap().history().unwrap();
    let page = web_sys::window().unwrap().location().href().unwrap();
    for (query, starter, shown) in [
        ("?mur", "startWall", "Qui s'est engagé à quoi"),
        ("?organisateur", "startConsole", "Console de l'organisateur"),
    ] {
        clear_storage();
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query))
            .unwrap();
        let started = std::rc::Rc::new(std::cell::Cell::new(0));
        let start = {
            let started = started.clone();
            wasm_bindgen::closure::Closure::<dyn Fn() -> js_sys::Promise>::new(move || {
                started.set(started.get() + 1);
                js_sys::Promise::new(&mut |_, _| {})
            })
        };
        js_sys::Reflect::set(&pw_widget(), &starter.into(), start.as_ref()).unwrap();
        let w = mount_build(Parts::FULL);
        settle().await;
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page))
            .unwrap();
        assert_eq!(heading(&w.root), shown);
        assert_eq!(started.get(), 1, "{starter} asked once");
        w.root.remove();
    }
}

#[wasm_bindgen_test]
async fn the_full_build_takes_over_with_the_journeys_draft_and_language() {
    clear_storage();
    set_fragment("");
    campaign_storage()
        .set_item(StoredDraft::KEY, SUMMARY_DRAFT)
        .unwrap();
    let journey_root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document()
        .body()
        .unwrap()
        .append_child(&journey_root)
        .unwrap();
    let journey = mount_to(journey_root.clone(), || {
        view! { <PledgeWidget parts=Parts::JOURNEY /> }
    });
    web::release_on_takeover(journey);
    button(&journey_root, "English").click();
    settle().await;
    button(&journey_root, "Sign").click();
    settle().await;
    assert_eq!(heading(&journey_root), "Sign my pledge");
    assert!(journey_root.query_selector(".pw-pad").unwrap().is_none());

    // The journey's answers reach the full build even when storage no
    // longer has them (storage may be unavailable).
    campaign_storage().remove_item(StoredDraft::KEY).unwrap();
    campaign_storage()
        .remove_item("pw-pledge-widget/lang/v1")
        .unwrap();
    assert!(web::release_journey_build());
    assert_eq!(
        journey_root.child_element_count(),
        0,
        "the journey is unmounted"
    );
    journey_root.remove();
    assert!(!web::release_journey_build(), "only once");

    let w = mount();
    settle().await;
    assert_eq!(heading(&w.root), "Sign my pledge");
    assert!(text(&w.root).contains("Zoé"));
    assert!(w.root.query_selector(".pw-pad").unwrap().is_some());
    let focused = document().active_element().unwrap();
    assert_eq!(
        text(&focused),
        "Sign my pledge",
        "focus continues on the new step"
    );
}

/// Search folding in the browser, whose tables fold what is outside ASCII
/// (`unicode::fold_char`), agrees with the host's: on every case of
/// `tests/fixtures/fold-cases.tsv` (every character of the communes'
/// referential, which the shards' builder folds too) and over every
/// assigned code point of the Basic Multilingual Plane.
#[wasm_bindgen_test]
fn the_browsers_fold_agrees_with_the_hosts() {
    use pledge_widget::domain::journey::search::fold;
    let cases = include_str!("fixtures/fold-cases.tsv");
    let mut tested = 0;
    for line in cases.lines().filter(|l| !l.starts_with('#')) {
        let (input, folded) = line.split_once('\t').expect("input<TAB>folded");
        assert_eq!(fold(input), folded, "{input:?}");
        tested += 1;
    }
    assert!(tested > 80, "{tested}");
    let mut differ = Vec::new();
    for cp in 0x80..=0xFFFFu32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        if !unicode_normalization::char::is_public_assigned(c) {
            continue;
        }
        let host: String = if c.is_alphanumeric() {
            c.to_lowercase().collect()
        } else {
            " ".to_owned()
        };
        if pledge_widget::unicode::fold_char(c) != host {
            differ.push(format!("{cp:04X}"));
        }
    }
    assert!(
        differ.is_empty(),
        "{} differ: {:?}",
        differ.len(),
        &differ[..differ.len().min(40)]
    );
}

/// The browser's NFC (what the widget signs with) agrees with the
/// unicode-normalization crate (what the host tests use): over every code
/// point of the Basic Multilingual Plane alone and before a combining mark,
/// and on decomposed, compatibility and Hangul forms.
#[wasm_bindgen_test]
fn the_browsers_nfc_agrees_with_the_hosts() {
    use unicode_normalization::UnicodeNormalization;
    let check = |text: &str| {
        let host: String = text.nfc().collect();
        assert_eq!(pledge_widget::unicode::nfc(text), host, "{text:?}");
        assert_eq!(
            pledge_widget::unicode::is_nfc(text),
            host == text,
            "{text:?}"
        );
    };
    let mut tested = 0;
    for cp in 0..=0xFFFFu32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        // Unassigned code points may differ between Unicode versions.
        if unicode_normalization::char::is_public_assigned(c) {
            check(&format!("{c}\u{301}"));
            tested += 1;
        }
    }
    assert!(tested > 50_000, "{tested}");
    for text in [
        "Saint-E\u{301}tienne",
        "\u{212B}ngström",
        "\u{1100}\u{1161}\u{11A8}",
        "ﬁ Ǆ ①",
        "a\u{323}\u{307}",
        "Zoe\u{308}",
    ] {
        check(text);
    }
}

/// The light verification (the browser's Ed25519) and the Rust verifier
/// give the same verdict, reason included: on every golden vector, every
/// refused one, every single-bit flip of a payload, and a small-order
/// forgery that a lax verifier would accept.
#[wasm_bindgen_test]
async fn the_browsers_ed25519_and_the_rust_verifier_agree() {
    use base64::Engine as _;
    use pledge_widget::domain::{Fragment, ShareLink};
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let fragments: Vec<String> = [
        include_str!("golden/payload-v1.tsv"),
        include_str!("golden/payload-v1-refused.tsv"),
    ]
    .iter()
    .flat_map(|f| f.lines())
    .filter(|l| !l.is_empty() && !l.starts_with('#'))
    .map(|l| l.split_once('#').unwrap().1.to_owned())
    .collect();
    let mut cases = fragments.clone();
    // Every single-bit flip of the typical vector.
    let typical = b64.decode(&fragments[1][2..]).unwrap();
    for i in 0..typical.len() {
        for bit in 0..8 {
            let mut flipped = typical.clone();
            flipped[i] ^= 1 << bit;
            cases.push(format!("e={}", b64.encode(&flipped)));
        }
    }
    // Key and R the neutral point, S = 0: "valid" for any message under a
    // lax cofactorless check; strict verification refuses it.
    let mut forged = typical[..typical.len() - 96].to_vec();
    let mut neutral = [0u8; 32];
    neutral[0] = 1;
    forged.extend(neutral);
    forged.extend(neutral);
    forged.extend([0u8; 32]);
    cases.push(format!("e={}", b64.encode(&forged)));
    // Truncated, bad base64, not a pledge.
    cases.extend(["e=AZNZ".into(), "e=ab$c".into(), "x=1".into()]);

    let mut valid = 0;
    for fragment in &cases {
        let rust = ShareLink::read(fragment);
        let browser = web::verify_link(fragment)
            .await
            .expect("Chromium has Ed25519");
        assert_eq!(browser, rust, "{fragment}");
        valid += matches!(rust, Fragment::Pledge(Ok(_))) as usize;
    }
    assert_eq!(valid, 7, "6 golden vectors and the refused file's control");
    // The same cases in one batch, as the wall checks a list: the same
    // verdicts, in order.
    let payloads: Vec<Vec<u8>> = cases
        .iter()
        .filter_map(|f| ShareLink::payload(f).and_then(Result::ok))
        .collect();
    let slices: Vec<&[u8]> = payloads.iter().map(Vec::as_slice).collect();
    let batch = web::verify_payloads(&slices)
        .await
        .expect("Chromium has Ed25519");
    assert_eq!(batch.len(), payloads.len());
    for (bytes, verdict) in payloads.iter().zip(&batch) {
        use pledge_widget::domain::pledge::codec::Decoder;
        let rust = pledge_widget::domain::Payload::decode(bytes);
        assert_eq!(verdict, &rust);
    }
    assert!(batch.iter().filter(|v| v.is_ok()).count() == 7);
    assert!(matches!(
        ShareLink::read(&format!("e={}", b64.encode(&forged))),
        Fragment::Pledge(Err(_))
    ));
}

/// Mounts the full build with this organiser in context (as a build with
/// those settings would pin it).
fn mount_with_organiser(organiser: Option<pledge_widget::domain::Organiser>) -> Mounted {
    mount_build_with_organiser(Parts::FULL, organiser)
}

fn mount_build_with_organiser(
    parts: Parts,
    organiser: Option<pledge_widget::domain::Organiser>,
) -> Mounted {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(web::install_panic_hook);
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone(), move || {
        provide_context(pledge_widget::state::OrganiserContext(organiser));
        view! { <PledgeWidget parts /> }.into_any()
    });
    Mounted {
        root,
        _handle: handle,
    }
}

#[wasm_bindgen_test]
async fn the_send_button_is_there_only_with_an_organiser_contact() {
    use pledge_widget::domain::Organiser;
    let with = Organiser {
        name: "Coorace (TEST)",
        contact: Some("engagements@coorace.test"),
        public_key: None,
    };
    for (organiser, shown) in [
        (Some(with), true),
        (
            Some(Organiser {
                contact: None,
                ..with
            }),
            false,
        ),
        (None, false),
    ] {
        ready_to_sign();
        let w = mount_with_organiser(organiser);
        settle().await;
        button(&w.root, "Signer mon engagement").click();
        settle().await;
        assert!(heading(&w.root).contains("Votre engagement est signé"));
        let send = w.root.query_selector("a.pw-send__mail").unwrap();
        assert_eq!(send.is_some(), shown, "{organiser:?}");
        if let Some(send) = send {
            let href = send.get_attribute("href").unwrap();
            assert!(href.starts_with("mailto:engagements@coorace.test?subject="));
            // The link itself, percent-encoded, is in the body.
            let link = share_link(&w.root);
            let encoded: String = link
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        char::from(b).to_string()
                    }
                    b => format!("%{b:02X}"),
                })
                .collect();
            assert!(href.contains(&encoded));
        }
        drop(w);
    }
}

#[wasm_bindgen_test]
async fn without_a_pinned_key_the_wall_says_so_and_a_pledge_link_shows_no_list_status() {
    use pledge_widget::domain::Organiser;
    clear_storage();
    let organiser = Organiser {
        name: "Coorace (TEST)",
        contact: Some("engagements@coorace.test"),
        public_key: None,
    };
    let golden = include_str!("golden/payload-v1.tsv")
        .lines()
        .find(|l| l.starts_with("typical\t"))
        .unwrap()
        .split('#')
        .nth(1)
        .unwrap()
        .to_owned();
    set_fragment(&format!("#{golden}"));
    let w = mount_with_organiser(Some(organiser));
    for _ in 0..20 {
        settle().await;
        if text(&w.root).contains("Signature valide") {
            break;
        }
    }
    assert!(text(&w.root).contains("Signature valide"));
    assert!(w.root.query_selector(".pw-list-status").unwrap().is_none());
    drop(w);
    set_fragment("");

    // The wall (`?mur`), with no key to check a list against.
    let history = web_sys::window().unwrap().history().unwrap();
    let page = web_sys::window().unwrap().location().href().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?mur"))
        .unwrap();
    let w = mount_build_with_organiser(Parts::WALL, Some(organiser));
    settle().await;
    let said = text(&w.root);
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page))
        .unwrap();
    assert!(
        said.contains("Aucune liste d'engagements n'est configurée pour ce widget."),
        "{said}"
    );
    drop(w);
}

/// Hands the widget `engagements.json` as the boot script's prefetch would
/// (`pwWidget.list`), so no request leaves the test page.
fn serve_list(json: &str) {
    let window: wasm_bindgen::JsValue = web_sys::window().unwrap().into();
    let response = web_sys::Response::new_with_opt_str(Some(json)).unwrap();
    let host = js_sys::Object::new();
    js_sys::Reflect::set(&host, &"list".into(), &js_sys::Promise::resolve(&response)).unwrap();
    js_sys::Reflect::set(&window, &"pwWidget".into(), &host).unwrap();
}

/// The golden pledge `name`'s fragment (without `#`).
fn golden_fragment(name: &str) -> String {
    include_str!("golden/payload-v1.tsv")
        .lines()
        .find(|l| l.starts_with(&format!("{name}\t")))
        .unwrap()
        .split('#')
        .nth(1)
        .unwrap()
        .to_owned()
}

#[wasm_bindgen_test]
async fn the_organisers_mark_is_a_drawn_seal_that_a_name_cannot_imitate() {
    use pledge_widget::domain::{
        Identity, Organiser, Pledge, PledgeKey, Selection, ShareLink, SigningDate,
    };
    // The TEST organiser, whose key signed the golden list; its first
    // entry (the golden pledge « minimal ») is « vérifié ».
    let organiser = Organiser {
        name: "Coorace (TEST)",
        contact: None,
        public_key: Some(PledgeKey::from_seed(*b"TEST-ONLY-ORGANISER-KEY-NOT-REAL").public()),
    };
    let list = include_str!("golden/list-v1.json");
    // The widget's stylesheet, for this test only.
    let css = document().create_element("style").unwrap();
    css.set_text_content(Some(include_str!("../style/widget.css")));
    document().head().unwrap().append_child(&css).unwrap();
    let seal_of = |w: &Mounted| w.root.query_selector(".pw-organiser-seal").unwrap();

    clear_storage();
    serve_list(list);
    set_fragment(&format!("#{}", golden_fragment("minimal")));
    let w = mount_with_organiser(Some(organiser));
    for _ in 0..40 {
        settle().await;
        if seal_of(&w).is_some() {
            break;
        }
    }
    let seal = seal_of(&w).expect("the verified pledge shows the seal");
    // A drawing, hidden from assistive technology (the words say it),
    // inside the verified status, beside its words.
    assert_eq!(seal.tag_name().to_lowercase(), "svg");
    assert_eq!(seal.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert_eq!(seal.text_content().unwrap_or_default().trim(), "");
    assert_eq!(all(&seal, "path").len(), 2);
    let status = seal.closest(".pw-list-status--verified").unwrap().unwrap();
    assert!(text(&status).contains("Engagement vérifié par Coorace (TEST) le"));
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&all(&seal, "path")[0])
        .unwrap()
        .unwrap();
    assert_ne!(style.get_property_value("fill").unwrap(), "none");
    assert!(seal.get_bounding_client_rect().width() >= 24.0);
    drop(w);

    // A pledge whose name and list read like the mark, not in the list:
    // the words are there, as the candidate's text, but no seal.
    let imitation = Pledge::new(
        Selection::EMPTY,
        &Identity {
            name: "✔ Vérifié par Coorace (TEST)".into(),
            commune: "Lyon".into(),
            commune_code: None,
            list: "Engagement vérifié par Coorace (TEST) le 1 janvier 2026".into(),
            role: None,
        },
        SigningDate::from_ymd(2026, 1, 1).unwrap(),
        None,
    )
    .unwrap()
    .sign(&PledgeKey::from_seed([3; 32]));
    let link = ShareLink::build("https://example.org/", &imitation);
    clear_storage();
    serve_list(list);
    set_fragment(&format!("#{}", link.split('#').nth(1).unwrap()));
    let w = mount_with_organiser(Some(organiser));
    for _ in 0..40 {
        settle().await;
        if w.root
            .query_selector(".pw-list-status--unverified")
            .unwrap()
            .is_some()
        {
            break;
        }
    }
    assert!(text(&w.root).contains("✔ Vérifié par Coorace (TEST)"));
    assert!(w
        .root
        .query_selector(".pw-list-status--unverified")
        .unwrap()
        .is_some());
    assert!(seal_of(&w).is_none(), "no seal for a name");
    assert!(w
        .root
        .query_selector(".pw-list-status--verified")
        .unwrap()
        .is_none());
    // The candidate's text is clipped to its box and wraps anywhere.
    for selector in [".pw-pledge__name", ".pw-pledge__where"] {
        let element = w.root.query_selector(selector).unwrap().unwrap();
        let style = web_sys::window()
            .unwrap()
            .get_computed_style(&element)
            .unwrap()
            .unwrap();
        assert_eq!(
            style.get_property_value("overflow-y").unwrap(),
            "clip",
            "{selector}"
        );
        assert_eq!(
            style.get_property_value("overflow-wrap").unwrap(),
            "anywhere",
            "{selector}"
        );
    }
    drop(w);
    css.remove();
    set_fragment("");
}

/// The full build taking over finds the journey's draft in memory first
/// (`Io::take_handover`): where storage is refused, nothing typed in the
/// journey build is lost on the way to signing.
#[wasm_bindgen_test]
async fn the_full_build_takes_the_journeys_draft_from_memory_when_storage_is_refused() {
    use pledge_widget::domain::{Action, Field, Step};
    use pledge_widget::state::{Handover, MemoryIo};
    clear_storage();
    let mut draft = Draft::default();
    draft.apply(Action::Tick(0, true));
    draft.apply(Action::Edit(Field::Name, "Camille Mémoire".into()));
    draft.apply(Action::Edit(Field::Commune, "Lyon".into()));
    draft.step = Step::Summary;
    let io = MemoryIo::unavailable();
    io.hand_over(Handover {
        draft: Some(StoredDraft::encode(&draft)),
        lang: Some("fr".into()),
    });
    let io = io.shared();
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone(), move || {
        view! { <PledgeWidget parts=Parts::FULL io=io.clone() /> }.into_any()
    });
    let mounted = Mounted {
        root,
        _handle: handle,
    };
    settle().await;
    let shown = text(&mounted.root);
    assert!(shown.contains("Camille Mémoire"), "{shown}");
    assert!(shown.contains("1 engagement sur 20"), "{shown}");
}

// --- After the vote ---------------------------------------------------------

/// The follow-up view of a signatory elected on day 100 who took 1.1 and
/// 1.2: 1.1 « en cours » at the 100-day review, « tenu » since.
#[wasm_bindgen_test]
async fn the_follow_up_counts_and_compares_a_review_with_today() {
    use pledge_widget::components::{FollowUpOf, FollowUpView};
    use pledge_widget::domain::organiser::follow_up::{
        FollowUp, Mandate, Progress, Record, ReviewKind, StatusRecord,
    };
    let mut selection = Selection::default();
    selection.set(0, true);
    selection.set(1, true);
    let identity = Identity {
        name: "Camille Dupont".into(),
        commune: "Lyon".into(),
        ..Identity::default()
    };
    let day = SigningDate::from_days;
    let signed = Pledge::new(selection, &identity, day(90), None)
        .unwrap()
        .sign(&PledgeKey::from_seed([5; 32]));
    let pledge = read_link(&ShareLink::build("https://example.org/", &signed));
    let key = pledge.public_key();
    let status = |d, progress| {
        Record::Status(StatusRecord::new(key, day(d), 0, progress, "", vec![]).unwrap())
    };
    let of = FollowUpOf {
        follow_up: FollowUp {
            records: vec![
                Record::Elected {
                    key,
                    date: day(100),
                    mandate: Mandate::Deputy,
                },
                status(110, Progress::InProgress),
                Record::Review {
                    date: day(120),
                    kind: ReviewKind::HundredDays,
                },
                status(130, Progress::Kept),
            ],
        },
        pledge,
        link: "https://example.org/#e=x".into(),
        issued: day(140),
        vouched: true,
    };
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let mounted = Mounted {
        root: root.clone(),
        _handle: mount_to(root, move || view! { <FollowUpView of /> }.into_any()),
    };
    settle().await;
    let root = &mounted.root;
    assert_eq!(
        text(&all(root, ".pw-follow-up-view__board")[0]),
        "1 tenu · 1 pas encore évalué"
    );
    let changes = || {
        all(root, ".pw-follow-up-compare__change")
            .iter()
            .map(|e| text(e))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        changes(),
        ["en cours → tenu", "pas encore évalué → pas encore évalué"]
    );
    assert_eq!(all(root, ".pw-follow-up-compare__row--changed").len(), 1);
    // From today to the review: the other way round.
    let select = |id: &str, value: &str| {
        let s: web_sys::HtmlSelectElement = root
            .query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap()
            .unchecked_into();
        s.set_value(value);
        s.dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
    };
    select("pw-compare-from", "1");
    select("pw-compare-to", "0");
    settle().await;
    assert_eq!(
        changes(),
        ["tenu → en cours", "pas encore évalué → pas encore évalué"]
    );
    let boards: Vec<String> = all(root, ".pw-follow-up-compare__boards li")
        .iter()
        .map(|e| text(e))
        .collect();
    assert!(
        boards[0].ends_with(" : 1 tenu · 1 pas encore évalué"),
        "{boards:?}"
    );
    assert!(boards[1].starts_with("bilan des 100 jours ("), "{boards:?}");
    assert!(
        boards[1].ends_with(" : 1 en cours · 1 pas encore évalué"),
        "{boards:?}"
    );
}

/// Hands the widget the sharded publication's files as the boot script's
/// prefetch would (`pwWidget.index`, `pwWidget.commune`): the golden
/// publication by place (tests/golden/shards/), with `commune` as given.
fn serve_commune(commune: &str) {
    let window: wasm_bindgen::JsValue = web_sys::window().unwrap().into();
    let host = js_sys::Object::new();
    for (field, text) in [
        (
            "index",
            include_str!("golden/shards/engagements/index.json"),
        ),
        ("commune", commune),
    ] {
        let response = web_sys::Response::new_with_opt_str(Some(text)).unwrap();
        js_sys::Reflect::set(&host, &field.into(), &js_sys::Promise::resolve(&response)).unwrap();
    }
    js_sys::Reflect::set(&window, &"pwWidget".into(), &host).unwrap();
}

#[wasm_bindgen_test]
async fn the_commune_build_shows_a_commune_from_its_own_file_and_hands_the_rest_over() {
    use pledge_widget::domain::{Organiser, PledgeKey};
    let organiser = Organiser {
        name: "Coorace (TEST)",
        contact: None,
        public_key: Some(PledgeKey::from_seed(*b"TEST-ONLY-ORGANISER-KEY-NOT-REAL").public()),
    };
    let own = include_str!("golden/shards/engagements/communes/42218.json");
    let history = web_sys::window().unwrap().history().unwrap();
    let page = web_sys::window().unwrap().location().href().unwrap();
    // Its own file: the wall of Saint-Étienne, named as its pledge names it.
    // Then a file of another commune in its place (signed for another):
    // the wall build takes over.
    let other = include_str!("golden/shards/engagements/communes/25515.json");
    for (file, shown) in [(own, true), (other, false)] {
        clear_storage();
        serve_commune(file);
        let started = std::rc::Rc::new(std::cell::Cell::new(0));
        let start = {
            let started = started.clone();
            wasm_bindgen::closure::Closure::<dyn Fn() -> js_sys::Promise>::new(move || {
                started.set(started.get() + 1);
                js_sys::Promise::new(&mut |_, _| {})
            })
        };
        js_sys::Reflect::set(&pw_widget(), &"startWall".into(), start.as_ref()).unwrap();
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?mur&commune=42218"))
            .unwrap();
        let w = mount_build_with_organiser(Parts::COMMUNE, Some(organiser));
        for _ in 0..40 {
            settle().await;
            if w.root.query_selector(".pw-wall-entry").unwrap().is_some() || started.get() > 0 {
                break;
            }
        }
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page))
            .unwrap();
        let said = text(&w.root);
        assert_eq!(heading(&w.root), "Qui s'est engagé à quoi");
        if shown {
            assert!(
                said.contains("Commune : \u{2068}Saint-Étienne\u{2069} (42218)"),
                "{said}"
            );
            assert!(said.contains("Camille Dupont"), "{said}");
            assert_eq!(started.get(), 0);
        } else {
            assert!(!said.contains("Camille Dupont"), "{said}");
            assert_eq!(started.get(), 1, "the wall build asked once");
        }
        drop(w);
    }
}
