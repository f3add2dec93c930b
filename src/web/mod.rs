//! Every call into the browser: storage, keys and randomness, the address
//! bar, the clipboard, files and the build's own small files (the communes'
//! shards), the signature pad, the card image and
//! sharing, printing, the embedding frame, focus, the panic hook, and the
//! hand-over from the journey build to the full build.
//!
//! This is the only module that uses `web_sys` or `gloo`. Each function
//! turns browser failures into plain values; none of them panics.

mod builds;
mod card_image;
mod dom;
mod embed;
mod fetch;
mod files;
mod list;
mod location;
mod panic;
mod sharing;
mod signature_pad;
mod storage;
mod unicode;
mod verify;
mod verify_worker;

pub use builds::{
    card_requested, hand_over_token, precache_rest, prefetch_full_build, release_journey_build,
    release_on_takeover, request_card_on_takeover, start_build, take_pending_start,
    took_over_journey, Build, FullBuildError,
};
pub use card_image::{card_png, draw_card, load_card_font, PngBlob, CARD_FONT};
pub use dom::{focus, focus_first, focus_step_heading, mark, widget_host};
pub use embed::{
    frame_storage, go_to_fragment, is_framed, on_signed_in_tab, query, report_height,
    report_step_change, set_css_variable, tell_opener_signed,
};
pub use fetch::{
    commune_index, commune_index_read, commune_shard, commune_shard_read, fetch_text,
    referential_names,
};
pub use files::{chosen_file_text, chosen_text_file, copy_text, download_bytes, download_text};
pub use list::{
    check_list, fetch_list, highest_seen, load_commune, load_index, load_list, load_list_for,
    load_shard, verify_entries, FetchedList, LoadedIndex, LoadedList, RustVerifier, LIST_FILE,
};
pub use location::{
    browser_languages, clear_fragment, fragment, leave_for_journey, on_fragment_change, page_url,
    reload, today,
};
pub use panic::{install_panic_hook, show_fatal_error};
pub use sharing::{
    blob_url, can_share_files, copy_image, open_in_new_tab, print, revoke_url, share_files,
    ShareOutcome,
};
pub use signature_pad::{capture_pointer, draw_pad, pad_point};
pub use storage::{after_paint, on_leaving, on_storage_change, BrowserIo};
pub use verify::{
    check_payloads, ed25519_verify, next_task, verify_link, verify_payload, verify_payloads,
    NoEd25519,
};
