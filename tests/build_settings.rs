//! `build.rs` itself, run on settings files: a pinned organiser key that is
//! not a real, canonically encoded Ed25519 key stops the build with a
//! message.

#[allow(dead_code)]
#[path = "../build.rs"]
mod build;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

fn settings_with_key(name: &str, key: &[u8; 32]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pw-build-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.json"));
    let text = format!(
        r#"{{"organiser": {{"name": "TEST", "contact": "test@example.org", "public_key": "{}"}}}}"#,
        URL_SAFE_NO_PAD.encode(key)
    );
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_small_order_or_non_canonical_key_stops_the_build() {
    let real = pledge_widget::domain::PledgeKey::from_seed([5; 32])
        .public()
        .to_bytes();
    assert!(build::generate(&settings_with_key("real", &real)).is_ok());

    let mut identity = [0; 32];
    identity[0] = 1;
    let error = build::generate(&settings_with_key("weak", &identity)).unwrap_err();
    assert!(error.contains("small order"), "{error}");

    // The same point as y = k, written as y = p + k.
    let k = (2..=18u8)
        .find(|&k| {
            let mut canonical = [0; 32];
            canonical[0] = k;
            build::generate(&settings_with_key("k", &canonical)).is_ok()
        })
        .unwrap();
    let mut non_canonical = [0xff; 32];
    non_canonical[31] = 0x7f;
    non_canonical[0] = 0xed + k;
    let error = build::generate(&settings_with_key("non-canonical", &non_canonical)).unwrap_err();
    assert!(error.contains("canonical"), "{error}");
}
