//! The browser's side effects that the state needs, behind one interface.
//!
//! The root of the widget gives a [`SharedIo`] to [`super::PledgeState`]:
//! `web::BrowserIo` in the browser, [`MemoryIo`] in tests (host and
//! browser). Nothing else in `state` reaches storage, the clock, randomness
//! or the hand-over between the two builds.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::domain::SigningDate;

/// Why storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreError {
    /// No usable storage at all (private mode, blocked, a partner's frame).
    Unavailable,
    /// The browser refused this write (quota full, say).
    Refused,
}

/// What the journey build handed over to the full build, in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Handover {
    /// The draft as last saved, as stored text.
    pub draft: Option<String>,
    /// The language shown.
    pub lang: Option<String>,
}

/// Storage, clock, randomness and the hand-over between builds.
pub trait Io {
    /// The text stored under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Today, in the candidate's time zone.
    fn today(&self) -> SigningDate;
    /// 32 bytes from a cryptographic random source, if there is one.
    fn random_seed(&self) -> Option<[u8; 32]>;
    /// Asks the browser to keep this site's storage when it clears storage
    /// on its own (`navigator.storage.persist()`: WebKit's tracking
    /// prevention erases it after 7 days without a visit); the answer is
    /// the browser's, and nothing where it cannot be asked.
    fn keep_storage(&self);
    /// What the journey build handed over (each part read once).
    fn take_handover(&self) -> Handover;
    /// Keeps the latest draft text for a build that takes over.
    fn keep_for_handover(&self, draft_text: &str);
}

/// Runs work once the page has drawn what just changed (the browser:
/// `web::after_paint`, a moment after its next frame, in a task of its
/// own), so that a slow save never holds what the person sees. Apart from
/// [`Io`]: only the console's build needs it, and what `BrowserIo`
/// implements, every build carries.
pub type AfterPaint = Rc<dyn Fn(Box<dyn FnOnce()>)>;

/// The interface as the state holds it.
pub type SharedIo = Rc<dyn Io>;

/// An [`Io`] in memory: a storage map that can be made unavailable or
/// full, a fixed date and a counter for randomness. For tests, and for a
/// second "tab", share its storage with [`MemoryIo::other_tab`].
#[derive(Debug, Clone)]
pub struct MemoryIo {
    store: Rc<RefCell<MemoryStore>>,
    today: SigningDate,
    seeds: Rc<RefCell<u8>>,
    handover: Rc<RefCell<Handover>>,
    /// How many times the browser was asked to keep the site's storage.
    keep_asked: Rc<RefCell<u32>>,
    /// What waits for the next paint ([`MemoryIo::paint`]); `None`: run
    /// at once.
    paint: Rc<RefCell<Option<Vec<Deferred>>>>,
}

/// Work waiting for the next paint.
struct Deferred(Box<dyn FnOnce()>);

impl std::fmt::Debug for Deferred {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Deferred")
    }
}

#[derive(Debug, Default)]
struct MemoryStore {
    items: BTreeMap<String, String>,
    unavailable: bool,
    full: bool,
}

impl Default for MemoryIo {
    fn default() -> Self {
        MemoryIo {
            store: Rc::default(),
            today: SigningDate::from_days(2_000),
            seeds: Rc::new(RefCell::new(1)),
            handover: Rc::default(),
            keep_asked: Rc::default(),
            paint: Rc::default(),
        }
    }
}

impl MemoryIo {
    /// Storage that throws on every access.
    pub fn unavailable() -> Self {
        let io = MemoryIo::default();
        io.store.borrow_mut().unavailable = true;
        io
    }

    /// Another tab of the same browser: same storage, its own memory.
    pub fn other_tab(&self) -> Self {
        MemoryIo {
            store: Rc::clone(&self.store),
            today: self.today,
            seeds: Rc::new(RefCell::new(*self.seeds.borrow() + 100)),
            handover: Rc::default(),
            keep_asked: Rc::default(),
            paint: Rc::default(),
        }
    }

    /// A page that draws only when told ([`MemoryIo::paint`]): what waits
    /// for the next paint waits until then.
    pub fn painting_later(self) -> Self {
        *self.paint.borrow_mut() = Some(Vec::new());
        self
    }

    /// The page's [`AfterPaint`]: at once, or at the next
    /// [`MemoryIo::paint`] of a page [painting later](MemoryIo::painting_later).
    pub fn after_paint(&self) -> AfterPaint {
        let paint = Rc::clone(&self.paint);
        Rc::new(move |f| {
            let mut waiting = paint.borrow_mut();
            match waiting.as_mut() {
                Some(waiting) => waiting.push(Deferred(f)),
                None => {
                    drop(waiting);
                    f();
                }
            }
        })
    }

    /// Draws the page: runs what waited for it; how many.
    pub fn paint(&self) -> usize {
        let waiting = self.paint.borrow_mut().as_mut().map(std::mem::take);
        let waiting = waiting.unwrap_or_default();
        let n = waiting.len();
        for Deferred(f) in waiting {
            f();
        }
        n
    }

    /// Refuses (`true`) or accepts every write from now on.
    pub fn set_full(&self, full: bool) {
        self.store.borrow_mut().full = full;
    }

    /// What is stored under `key`, as another program would see it.
    pub fn stored(&self, key: &str) -> Option<String> {
        self.store.borrow().items.get(key).cloned()
    }

    /// Stores text as another tab or an older build would have.
    pub fn put(&self, key: &str, value: &str) {
        self.store
            .borrow_mut()
            .items
            .insert(key.to_owned(), value.to_owned());
    }

    /// How many times [`Io::keep_storage`] was called.
    pub fn keep_storage_asked(&self) -> u32 {
        *self.keep_asked.borrow()
    }

    /// Sets what a build that takes over finds handed over.
    pub fn hand_over(&self, handover: Handover) {
        *self.handover.borrow_mut() = handover;
    }

    pub fn shared(self) -> SharedIo {
        Rc::new(self)
    }
}

impl Io for MemoryIo {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let store = self.store.borrow();
        if store.unavailable {
            return Err(StoreError::Unavailable);
        }
        Ok(store.items.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut store = self.store.borrow_mut();
        if store.unavailable {
            return Err(StoreError::Unavailable);
        }
        if store.full {
            return Err(StoreError::Refused);
        }
        store.items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        let mut store = self.store.borrow_mut();
        if store.unavailable {
            return Err(StoreError::Unavailable);
        }
        store.items.remove(key);
        Ok(())
    }

    fn today(&self) -> SigningDate {
        self.today
    }

    fn random_seed(&self) -> Option<[u8; 32]> {
        let mut n = self.seeds.borrow_mut();
        *n = n.wrapping_add(1);
        Some([*n; 32])
    }

    fn keep_storage(&self) {
        *self.keep_asked.borrow_mut() += 1;
    }

    fn take_handover(&self) -> Handover {
        std::mem::take(&mut *self.handover.borrow_mut())
    }

    fn keep_for_handover(&self, _draft_text: &str) {}
}
