//! The check of the organiser key pinned at build time: `build.rs` reads
//! this very file (`#[path]`), so the rule that stops a build is the one
//! tested here on the host.

use ed25519_dalek::VerifyingKey;

/// Why these 32 bytes cannot be the pinned organiser key, if they cannot:
/// not a point of the curve, a point of small order (whose "signatures"
/// hold for many messages), or a point not in its one canonical encoding
/// (another text for the same key, which strict verification refuses).
pub fn pinned_key_problem(bytes: &[u8; 32]) -> Option<&'static str> {
    let Ok(key) = VerifyingKey::from_bytes(bytes) else {
        return Some("organiser.public_key: not an Ed25519 public key (copy it from the console)");
    };
    if key.is_weak() {
        return Some(
            "organiser.public_key: a point of small order, not a real key: lists \"signed\" by it prove nothing (copy it from the console)",
        );
    }
    if VerifyingKey::from(key.to_edwards()).to_bytes() != *bytes {
        return Some(
            "organiser.public_key: not the canonical encoding of its key (copy it from the console)",
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// p = 2^255 - 19, little-endian, plus `k` (which stays below 2^255).
    fn p_plus(k: u8) -> [u8; 32] {
        let mut bytes = [0xff; 32];
        bytes[31] = 0x7f;
        bytes[0] = 0xed + k;
        bytes
    }

    #[test]
    fn a_real_key_passes() {
        let key = ed25519_dalek::SigningKey::from_bytes(&[5; 32]).verifying_key();
        assert_eq!(pinned_key_problem(&key.to_bytes()), None);
    }

    #[test]
    fn small_order_points_are_refused() {
        let mut one = [0; 32];
        one[0] = 1;
        for weak in [[0; 32], one] {
            let why = pinned_key_problem(&weak).unwrap();
            assert!(why.contains("small order"), "{why}");
        }
    }

    #[test]
    fn a_non_canonical_encoding_is_refused() {
        // y = p + k encodes the same point as y = k: find a k whose point
        // is on the curve and not of small order.
        let k = (2..=18)
            .find(|&k| {
                let mut canonical = [0; 32];
                canonical[0] = k;
                pinned_key_problem(&canonical).is_none()
            })
            .unwrap();
        let why = pinned_key_problem(&p_plus(k)).unwrap();
        assert!(why.contains("canonical"), "{why}");
    }
}
