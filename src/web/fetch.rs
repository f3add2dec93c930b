//! Small files of the widget's own build, fetched as text: the communes'
//! index and shards (`communes/`), which the service worker keeps once
//! fetched.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::domain::journey::communes::{CommuneIndex, CommuneShard, ShardFor};
use crate::domain::CommuneCode;

/// The text of the file at `path`, relative to the widget's page; `None`
/// when offline, missing (404) or not text. Never a cross-origin address:
/// callers pass names the build wrote (`CommuneIndex` checks them).
pub async fn fetch_text(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.ok()?;
    let response: Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The communes' index and shards read so far on this page: the wall and
/// the console ask for the same ones many times.
#[derive(Default)]
struct Read {
    index: Option<Rc<CommuneIndex>>,
    shards: Vec<(String, Rc<CommuneShard>)>,
}

thread_local! {
    static COMMUNES: RefCell<Read> = RefCell::new(Read::default());
}

/// The communes' index, if read already on this page.
pub fn commune_index_read() -> Option<Rc<CommuneIndex>> {
    COMMUNES.with_borrow(|read| read.index.clone())
}

/// A shard, if read already on this page.
pub fn commune_shard_read(file: &str) -> Option<Rc<CommuneShard>> {
    COMMUNES.with_borrow(|read| {
        read.shards
            .iter()
            .find(|(f, _)| f == file)
            .map(|(_, s)| s.clone())
    })
}

/// The communes' index of this build, read (`None` when it cannot be had).
pub async fn commune_index() -> Option<Rc<CommuneIndex>> {
    if let Some(index) = commune_index_read() {
        return Some(index);
    }
    let index = Rc::new(CommuneIndex::parse(&fetch_text(CommuneIndex::FILE).await?)?);
    COMMUNES.with_borrow_mut(|read| read.index = Some(index.clone()));
    Some(index)
}

/// One shard the index names, read.
pub async fn commune_shard(file: &str) -> Option<Rc<CommuneShard>> {
    if let Some(shard) = commune_shard_read(file) {
        return Some(shard);
    }
    let text = fetch_text(&format!("{}{file}", CommuneIndex::FOLDER)).await?;
    let shard = Rc::new(CommuneShard::parse(&text));
    // Another task may have read it meanwhile: kept once.
    Some(COMMUNES.with_borrow_mut(|read| {
        if let Some((_, kept)) = read.shards.iter().find(|(f, _)| f == file) {
            return kept.clone();
        }
        read.shards.push((file.to_owned(), shard.clone()));
        shard
    }))
}

/// Whether the referential names the commune of `code` exactly `name`
/// (`None` when it cannot be fetched): for a draft that arrives with a
/// code, before it is signed, and for the organiser's console.
pub async fn referential_names(code: CommuneCode, name: &str) -> Option<bool> {
    let index = commune_index().await?;
    let ShardFor::Names(file) = index.shard_for(name) else {
        return Some(false);
    };
    let shard = commune_shard(file).await?;
    Some(shard.by_code(code).is_some_and(|c| c.name == name))
}
