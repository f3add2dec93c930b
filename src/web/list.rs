//! The organiser's published list (`engagements.json`, next to the
//! widget's files): fetched from the widget's own origin, its signature and
//! each pledge's checked by the browser (WebCrypto Ed25519, all at once).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestInit, Response};

use super::verify::{ed25519_verify, NoEd25519};
use crate::domain::organiser::pledge_list::{Freshness, ListFailure, SignedList};
use crate::domain::organiser::shards::{commune_part, commune_path, ShardIndex, FOLDER};
use crate::domain::{CommuneCode, LinkError, PledgeList, PublicKey, VerifiedPledge};

/// Where the list is published, relative to the widget's page.
pub const LIST_FILE: &str = "engagements.json";

/// The list's text as fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchedList {
    pub text: String,
    /// The service worker's last copy, served while offline
    /// (`X-PW-Offline`): the page says « hors ligne — liste du … ».
    pub offline: bool,
}

/// A list read and checked, and how it came.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedList {
    pub list: PledgeList,
    pub offline: bool,
}

/// The list's text, fresh from the server (the service worker answers
/// with the last copy when offline, and says so). No list where this
/// browser has read one of `organiser`'s is [`ListFailure::Gone`], not
/// « none published yet »: a host that drops the file hides no status.
pub async fn fetch_list(organiser: &PublicKey) -> Result<FetchedList, ListFailure> {
    match fetch_published().await {
        Err(ListFailure::NotPublished) if highest_seen(organiser).is_some() => {
            Err(ListFailure::Gone)
        }
        fetched => fetched,
    }
}

async fn fetch_published() -> Result<FetchedList, ListFailure> {
    fetch_file(LIST_FILE, Some("list")).await
}

/// A published file's text, fresh (see [`fetch_list`]): the boot script's
/// fetch of it (`pwWidget[prefetched]`) where it started one while the
/// build loaded, taken once.
async fn fetch_file(path: &str, prefetched: Option<&str>) -> Result<FetchedList, ListFailure> {
    let window = web_sys::window().ok_or(ListFailure::Unreachable)?;
    let prefetched = prefetched.and_then(|field| {
        js_sys::Reflect::get(&window, &"pwWidget".into())
            .ok()
            .filter(|w| w.is_object())
            .and_then(|w| {
                let list = js_sys::Reflect::get(&w, &field.into()).ok()?;
                let _ = js_sys::Reflect::delete_property(&w.into(), &field.into());
                list.dyn_into::<js_sys::Promise>().ok()
            })
    });
    let fetch = || {
        let init = RequestInit::new();
        init.set_cache(RequestCache::NoCache);
        JsFuture::from(window.fetch_with_str_and_init(path, &init))
    };
    let response = match prefetched {
        // `undefined`: the boot script chose not to fetch it after all (the
        // whole list, where an index was found); `null`: it failed.
        Some(promise) => match JsFuture::from(promise).await {
            Ok(value) if value.is_undefined() => fetch().await,
            answer => answer,
        },
        None => fetch().await,
    }
    .map_err(|_| ListFailure::Unreachable)?;
    let response: Response = response.dyn_into().map_err(|_| ListFailure::Unreachable)?;
    match response.status() {
        200 => {}
        404 | 410 => return Err(ListFailure::NotPublished),
        _ => return Err(ListFailure::Unreachable),
    }
    let offline = response
        .headers()
        .get("X-PW-Offline")
        .ok()
        .flatten()
        .is_some_and(|v| v == "1");
    let text = response.text().map_err(|_| ListFailure::Unreachable)?;
    let text = JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(ListFailure::Unreachable)?;
    Ok(FetchedList { text, offline })
}

/// The Rust Ed25519 verifier (`PublicKey::verifies`), handed in by the
/// build that carries it: the others never link its code.
pub type RustVerifier = fn(&PublicKey, &[u8], &[u8; 64]) -> bool;

/// The longest message the browser's WebCrypto Ed25519 is asked to check.
/// WebKitGTK 2.50 answers « invalid » for messages from about 64 KiB on (a
/// list of some 300 pledges), or never answers: found by
/// `bench/engines.mjs`, tested by the cross-engine suite's long list.
const WEBCRYPTO_TRUSTED_LEN: usize = 60_000;

/// Reads `text` as [`PledgeList::open`] does, the organiser's signature
/// checked by the browser, or by `rust` where given, for a list longer
/// than the browser can be trusted with. Without `rust`, such a list (or
/// any list, in a browser without Ed25519) is
/// [`ListFailure::NoVerifier`]: the verify build then hands over to the
/// full build, which checks it in Rust.
///
/// `part`: the part of the publication expected (a département's shard),
/// or `None` for the whole list; a file signed for another place is
/// [`ListFailure::OtherPart`].
pub async fn check_list(
    text: &str,
    pinned: &PublicKey,
    rust: Option<RustVerifier>,
    part: Option<&str>,
) -> Result<PledgeList, ListFailure> {
    let signed = PledgeList::signed_part(text, pinned).map_err(ListFailure::Invalid)?;
    let valid = signature_holds(&signed, rust).await?;
    let list = read_signed(&signed, valid, part)?;
    match remember_sequence(pinned, list.sequence) {
        Freshness::Current => Ok(list),
        Freshness::Older => Err(ListFailure::Older),
    }
}

/// A list's signed bytes read, once its signature is known to hold or
/// not, where it says it is the part `part`: see [`check_list`].
fn read_signed(
    signed: &SignedList,
    valid: bool,
    part: Option<&str>,
) -> Result<PledgeList, ListFailure> {
    // Its place, once the signature over it holds.
    if valid {
        signed.is_part(part)?;
    }
    PledgeList::read_checked(signed, valid).map_err(ListFailure::Invalid)
}

/// Whether the organiser's signature over a list's (or an index's) bytes
/// holds: checked by the browser, or by `rust` where given for a message
/// longer than the browser can be trusted with.
async fn signature_holds(
    part: &SignedList,
    rust: Option<RustVerifier>,
) -> Result<bool, ListFailure> {
    let long = part.message.len() > WEBCRYPTO_TRUSTED_LEN;
    let check = |rust: RustVerifier| rust(&part.public_key, &part.message, &part.signature);
    Ok(match rust {
        Some(rust) if long => check(rust),
        // Never asked of the browser: WebKitGTK may not even answer.
        None if long => return Err(ListFailure::NoVerifier),
        _ => {
            let key = part.public_key.to_bytes();
            match ed25519_verify(&key, &part.message, &part.signature).await {
                Ok(valid) => valid,
                Err(NoEd25519) => check(rust.ok_or(ListFailure::NoVerifier)?),
            }
        }
    })
}

/// Where a list numbered `sequence` stands against the newest list of this
/// organiser this browser has read (kept in localStorage, per campaign and
/// organiser key), remembered when newer. Where storage refuses, nothing
/// is remembered and every list is current.
fn remember_sequence(organiser: &PublicKey, sequence: Option<u32>) -> Freshness {
    use crate::state::Io;
    let seen = highest_seen(organiser);
    let freshness = Freshness::of(sequence, seen);
    let key = seen_key(organiser);
    let io = super::BrowserIo;
    if let Some(sequence) = sequence.filter(|s| seen.is_none_or(|seen| *s > seen)) {
        let _ = io.set(&key, &sequence.to_string());
    }
    freshness
}

/// The highest sequence of a list of `organiser`'s this browser has read
/// (and remembered), if any.
pub fn highest_seen(organiser: &PublicKey) -> Option<u32> {
    use crate::state::Io;
    super::BrowserIo
        .get(&seen_key(organiser))
        .ok()
        .flatten()
        .and_then(|s| s.trim().parse::<u32>().ok())
}

/// Where [`highest_seen`] is kept: per campaign and organiser key.
fn seen_key(organiser: &PublicKey) -> String {
    crate::campaign::stored_key(&format!(
        "pw-pledge-widget/list-seen/{}",
        organiser.fingerprint()
    ))
}

/// Fetches and checks the list (see [`check_list`]).
pub async fn load_list(
    pinned: &PublicKey,
    rust: Option<RustVerifier>,
) -> Result<LoadedList, ListFailure> {
    let fetched = fetch_list(pinned).await?;
    let list = check_list(&fetched.text, pinned, rust, None).await?;
    Ok(LoadedList {
        list,
        offline: fetched.offline,
    })
}

/// A sharded publication's signed index, read and checked, and how it
/// came.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedIndex {
    pub index: ShardIndex,
    pub offline: bool,
}

/// The signed index of the sharded publication (`engagements/index.json`,
/// `docs/list-shards.md`), its signature and sequence checked as a list's
/// are; `None` where none is published, or none can be fetched (the single
/// `engagements.json` is then the list).
pub async fn load_index(
    pinned: &PublicKey,
    rust: Option<RustVerifier>,
) -> Result<Option<LoadedIndex>, ListFailure> {
    let fetched = match fetch_file(&format!("{FOLDER}index.json"), Some("index")).await {
        // No index, or none to be had (offline, with no copy of one kept
        // by the service worker): the whole list, which is checked as
        // strictly.
        Err(ListFailure::NotPublished | ListFailure::Unreachable) => return Ok(None),
        fetched => fetched?,
    };
    let part = ShardIndex::signed_part(&fetched.text, pinned).map_err(ListFailure::Index)?;
    let valid = signature_holds(&part, rust).await?;
    let index = ShardIndex::read_checked(&part, valid).map_err(ListFailure::Index)?;
    match remember_sequence(pinned, Some(index.sequence)) {
        Freshness::Current => Ok(Some(LoadedIndex {
            index,
            offline: fetched.offline,
        })),
        Freshness::Older => Err(ListFailure::Older),
    }
}

/// One shard of a checked index: fetched, found to be the very file the
/// index names, then read as a list (its own signature checked too). A
/// shard the index does not name holds no pledge: an empty list.
pub async fn load_shard(
    loaded: &LoadedIndex,
    name: &str,
    pinned: &PublicKey,
    rust: Option<RustVerifier>,
) -> Result<LoadedList, ListFailure> {
    let index = &loaded.index;
    let Some(summary) = index.shard(name) else {
        return Ok(LoadedList {
            list: PledgeList {
                issued: index.issued,
                sequence: Some(index.sequence),
                entries: Vec::new(),
                follow_up: Default::default(),
            },
            // What an offline copy of the index says: marked so.
            offline: loaded.offline,
        });
    };
    let fetched = fetch_file(&summary.path(), None)
        .await
        .map_err(|e| match e {
            ListFailure::NotPublished => ListFailure::ShardMissing,
            e => e,
        })?;
    index
        .check_shard(name, &fetched.text)
        .map_err(|_| ListFailure::ShardAltered)?;
    let list = check_list(&fetched.text, pinned, rust, Some(name)).await?;
    Ok(LoadedList {
        list,
        offline: fetched.offline || loaded.offline,
    })
}

/// A commune's own file (`shards::commune_path`, `docs/list-shards.md`),
/// after the index: read as a list signed for that commune in the index's
/// publication (`shards::commune_part`: its code and its département's
/// shard's hash as the index names it), by the browser's verifier, of the
/// index's sequence. Any other answer (none, a file that does not check,
/// one of another publication, a département the index does not name) is
/// an error, and nothing of the file is remembered: the commune's wall is
/// then its département's shard (the wall build).
pub async fn load_commune(
    loaded: &LoadedIndex,
    code: CommuneCode,
    pinned: &PublicKey,
) -> Result<LoadedList, ListFailure> {
    let fetched = fetch_file(&commune_path(code.as_str()), Some("commune")).await?;
    let shard = loaded
        .index
        .shard(code.department())
        .ok_or(ListFailure::NotPublished)?;
    let part = commune_part(code.as_str(), &shard.hash);
    // As `check_list` reads a list, its sequence neither compared with the
    // newest seen nor remembered: it must be the index's.
    let signed = PledgeList::signed_part(&fetched.text, pinned).map_err(ListFailure::Invalid)?;
    let valid = signature_holds(&signed, None).await?;
    let list = read_signed(&signed, valid, Some(&part))?;
    if list.sequence != Some(loaded.index.sequence) {
        return Err(ListFailure::Older);
    }
    Ok(LoadedList {
        list,
        offline: fetched.offline || loaded.offline,
    })
}

/// The list a pledge's page reads: where the organiser publishes shards,
/// the shard of the pledge's département (`shard`) only, read as a list
/// (its own signature, and its sequence against the newest this browser
/// has seen: one file, so nothing to mix, and the index is not needed);
/// else (no such shard) the whole list.
pub async fn load_list_for(
    pinned: &PublicKey,
    rust: Option<RustVerifier>,
    shard: &str,
) -> Result<LoadedList, ListFailure> {
    match fetch_file(&format!("{FOLDER}{shard}.json"), None).await {
        Ok(fetched) => {
            let list = check_list(&fetched.text, pinned, rust, Some(shard)).await?;
            Ok(LoadedList {
                list,
                offline: fetched.offline,
            })
        }
        Err(ListFailure::NotPublished | ListFailure::Unreachable) => load_list(pinned, rust).await,
        Err(failure) => Err(failure),
    }
}

/// Every entry's pledge, read as a pledge link is, the signatures checked
/// by the browser all at once.
pub async fn verify_entries(
    list: &PledgeList,
) -> Result<Vec<Result<VerifiedPledge, LinkError>>, ListFailure> {
    let payloads: Vec<&[u8]> = list.entries.iter().map(|e| e.payload.as_slice()).collect();
    super::verify::verify_payloads(&payloads)
        .await
        .map_err(|NoEd25519| ListFailure::NoVerifier)
}
