use std::fmt;

use crate::domain::json::{self, Json, Version};

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// The candidate's Ed25519 key pair. The secret never leaves the browser
/// except in the export file the candidate asks for.
#[derive(Clone)]
pub struct PledgeKey(SigningKey);

/// The public half of a [`PledgeKey`], as carried in every payload.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublicKey([u8; 32]);

/// Why a key file or stored key could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFileError {
    /// Not a key file of this widget.
    NotAKeyFile,
    /// A key file whose key is damaged.
    Damaged,
}

impl fmt::Display for KeyFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyFileError::NotAKeyFile => "not a pledge key file",
            KeyFileError::Damaged => "damaged pledge key",
        })
    }
}

impl std::error::Error for KeyFileError {}

const KEY_FILE_FORMAT: &str = "coorace-pledge-widget-key";
const ORGANISER_KEY_FILE_FORMAT: &str = "coorace-organiser-key";

impl PledgeKey {
    /// The key for 32 secret bytes (from the browser's random source).
    pub fn from_seed(seed: [u8; 32]) -> Self {
        PledgeKey(SigningKey::from_bytes(&seed))
    }

    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key().to_bytes())
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.0.sign(message).to_bytes()
    }

    /// The secret as stored in the browser: base64url of the seed.
    pub fn to_stored(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0.to_bytes())
    }

    pub fn from_stored(text: &str) -> Result<Self, KeyFileError> {
        let bytes = URL_SAFE_NO_PAD
            .decode(text.trim())
            .map_err(|_| KeyFileError::Damaged)?;
        let seed: [u8; 32] = bytes.try_into().map_err(|_| KeyFileError::Damaged)?;
        Ok(PledgeKey::from_seed(seed))
    }

    /// The export file: JSON that names its format, with the fingerprint
    /// so a person can tell keys apart.
    pub fn to_file(&self) -> String {
        self.to_file_of(KEY_FILE_FORMAT)
    }

    pub fn from_file(text: &str) -> Result<Self, KeyFileError> {
        Self::from_file_of(text, KEY_FILE_FORMAT)
    }

    /// The organiser's key file: the same shape under its own format name,
    /// so that neither key can be imported as the other.
    pub fn to_organiser_file(&self) -> String {
        self.to_file_of(ORGANISER_KEY_FILE_FORMAT)
    }

    pub fn from_organiser_file(text: &str) -> Result<Self, KeyFileError> {
        Self::from_file_of(text, ORGANISER_KEY_FILE_FORMAT)
    }

    fn to_file_of(&self, format: &str) -> String {
        // The shape serde_json's pretty printer gave these files first.
        let mut out = String::from("{\n  \"format\": ");
        json::write_string(&mut out, format);
        out.push_str(",\n  \"version\": 1,\n  \"secret\": ");
        json::write_string(&mut out, &self.to_stored());
        out.push_str(",\n  \"fingerprint\": ");
        json::write_string(&mut out, &self.public().fingerprint());
        out.push_str("\n}");
        out
    }

    fn from_file_of(text: &str, format: &str) -> Result<Self, KeyFileError> {
        let file = json::parse(text).map_err(|_| KeyFileError::NotAKeyFile)?;
        let string = |name: &str| match file.get(name) {
            Some(Json::String(s)) => Some(s.as_str()),
            _ => None,
        };
        let version_one = file.version() == Version::Whole(1);
        if string("format") != Some(format) || !version_one {
            return Err(KeyFileError::NotAKeyFile);
        }
        let (Some(secret), Some(fingerprint)) = (string("secret"), string("fingerprint")) else {
            return Err(KeyFileError::NotAKeyFile);
        };
        let key = PledgeKey::from_stored(secret)?;
        if key.public().fingerprint() != fingerprint {
            return Err(KeyFileError::Damaged);
        }
        Ok(key)
    }
}

impl fmt::Debug for PledgeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the secret.
        write!(f, "PledgeKey({})", self.public().fingerprint())
    }
}

/// Crockford's base32 alphabet: no I, L, O or U to misread.
const FINGERPRINT_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

impl PublicKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        PublicKey(bytes)
    }

    /// The key as the settings file holds it (`organiser.public_key`):
    /// base64url, 43 characters.
    pub fn to_text(self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    pub fn to_bytes(self) -> [u8; 32] {
        self.0
    }

    /// A short readable name for the key: 16 base32 characters (80 bits)
    /// of its SHA-256, in four groups, like `7K3D-QX2M-…`.
    pub fn fingerprint(&self) -> String {
        let digest = Sha256::digest(self.0);
        let mut bits: u128 = 0;
        for &b in &digest[..10] {
            bits = (bits << 8) | u128::from(b);
        }
        let chars: Vec<char> = (0..16)
            .map(|i| {
                let index = (bits >> (75 - 5 * i)) & 0x1f;
                char::from(FINGERPRINT_ALPHABET[index as usize])
            })
            .collect();
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Whether `signature` is this key's signature of `message` (strict
    /// Ed25519 verification: no malleable or weak-key forms).
    pub fn verifies(&self, message: &[u8], signature: &[u8; 64]) -> bool {
        VerifyingKey::from_bytes(&self.0).is_ok_and(|k| {
            k.verify_strict(message, &Signature::from_bytes(signature))
                .is_ok()
        })
    }
}

/// Encodings of the points of small order (libsodium's list, compared with
/// the sign bit ignored): a key or signature `R` among them is refused by
/// strict verification, whatever verifier runs.
const SMALL_ORDER: [[u8; 32]; 7] = {
    let mut p_minus_1 = [0xff; 32];
    p_minus_1[0] = 0xec;
    p_minus_1[31] = 0x7f;
    let mut p = p_minus_1;
    p[0] = 0xed;
    let mut p_plus_1 = p_minus_1;
    p_plus_1[0] = 0xee;
    let mut one = [0; 32];
    one[0] = 1;
    [
        [0; 32],
        one,
        [
            0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef,
            0x98, 0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88,
            0x6d, 0x53, 0xfc, 0x05,
        ],
        [
            0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10,
            0x67, 0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77,
            0x92, 0xac, 0x03, 0x7a,
        ],
        p_minus_1,
        p,
        p_plus_1,
    ]
};

/// Whether these 32 bytes encode a point of small order.
pub fn is_small_order_encoding(bytes: &[u8; 32]) -> bool {
    let mut masked = *bytes;
    masked[31] &= 0x7f;
    SMALL_ORDER.contains(&masked)
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.fingerprint())
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn organiser_and_candidate_key_files_never_cross() {
        let key = PledgeKey::from_seed([9; 32]);
        let organiser = key.to_organiser_file();
        assert_eq!(
            PledgeKey::from_organiser_file(&organiser).unwrap().public(),
            key.public()
        );
        assert_eq!(
            PledgeKey::from_file(&organiser).unwrap_err(),
            KeyFileError::NotAKeyFile
        );
        assert_eq!(
            PledgeKey::from_organiser_file(&key.to_file()).unwrap_err(),
            KeyFileError::NotAKeyFile
        );
    }

    #[test]
    fn small_order_encodings_are_the_weak_keys_of_the_rust_verifier() {
        for point in super::SMALL_ORDER {
            for sign in [0, 0x80] {
                let mut bytes = point;
                bytes[31] |= sign;
                assert!(super::is_small_order_encoding(&bytes));
                if let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&bytes) {
                    assert!(key.is_weak(), "{bytes:02x?}");
                }
            }
        }
        for seed in 0..64u8 {
            let public = PledgeKey::from_seed([seed; 32]).public().to_bytes();
            assert!(!super::is_small_order_encoding(&public));
        }
    }

    use super::*;

    #[test]
    fn the_fingerprint_is_four_groups_of_four_unambiguous_characters() {
        let fp = PledgeKey::from_seed([7; 32]).public().fingerprint();
        assert_eq!(fp.len(), 19);
        let groups: Vec<&str> = fp.split('-').collect();
        assert_eq!(groups.len(), 4);
        assert!(groups.iter().all(|g| g.len() == 4));
        assert!(fp
            .chars()
            .all(|c| c == '-' || FINGERPRINT_ALPHABET.contains(&(c as u8))));
        assert_ne!(fp, PledgeKey::from_seed([8; 32]).public().fingerprint());
    }

    #[test]
    fn signatures_verify_only_for_their_message_and_key() {
        let key = PledgeKey::from_seed([1; 32]);
        let sig = key.sign(b"hello");
        assert!(key.public().verifies(b"hello", &sig));
        assert!(!key.public().verifies(b"hellO", &sig));
        assert!(!PledgeKey::from_seed([2; 32])
            .public()
            .verifies(b"hello", &sig));
    }

    #[test]
    fn the_key_file_round_trips_and_checks_itself() {
        let key = PledgeKey::from_seed([3; 32]);
        let file = key.to_file();
        assert!(file.contains(&key.public().fingerprint()));
        let back = PledgeKey::from_file(&file).unwrap();
        assert_eq!(back.public(), key.public());
        assert_eq!(
            PledgeKey::from_file("{}").unwrap_err(),
            KeyFileError::NotAKeyFile
        );
        assert_eq!(
            PledgeKey::from_file("not json").unwrap_err(),
            KeyFileError::NotAKeyFile
        );
        let tampered = file.replace(&key.to_stored(), &PledgeKey::from_seed([4; 32]).to_stored());
        assert_eq!(
            PledgeKey::from_file(&tampered).unwrap_err(),
            KeyFileError::Damaged
        );
    }

    #[test]
    fn key_files_are_byte_identical_to_what_serde_json_wrote() {
        #[derive(serde::Serialize)]
        struct KeyFile<'a> {
            format: &'a str,
            version: u32,
            secret: String,
            fingerprint: String,
        }
        for seed in [[0; 32], [3; 32], [255; 32]] {
            let key = PledgeKey::from_seed(seed);
            let theirs = serde_json::to_string_pretty(&KeyFile {
                format: KEY_FILE_FORMAT,
                version: 1,
                secret: key.to_stored(),
                fingerprint: key.public().fingerprint(),
            })
            .unwrap();
            assert_eq!(key.to_file(), theirs);
            // Files from other writers read too: any spacing, any order,
            // extra members ignored.
            let compact = format!(
                r#"{{"extra":[1,2],"fingerprint":"{}","secret":"{}","version":1,"format":"{KEY_FILE_FORMAT}"}}"#,
                key.public().fingerprint(),
                key.to_stored()
            );
            assert_eq!(
                PledgeKey::from_file(&compact).unwrap().public(),
                key.public()
            );
        }
        let wrong_version = PledgeKey::from_seed([1; 32])
            .to_file()
            .replace("\"version\": 1", "\"version\": 2");
        assert_eq!(
            PledgeKey::from_file(&wrong_version).unwrap_err(),
            KeyFileError::NotAKeyFile
        );
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let key = PledgeKey::from_seed([5; 32]);
        let debug = format!("{key:?}");
        assert!(!debug.contains(&key.to_stored()));
        assert!(debug.contains(&key.public().fingerprint()));
    }

    #[test]
    fn stored_keys_round_trip_and_reject_damage() {
        let key = PledgeKey::from_seed([6; 32]);
        assert_eq!(
            PledgeKey::from_stored(&key.to_stored()).unwrap().public(),
            key.public()
        );
        assert!(PledgeKey::from_stored("abc").is_err());
        assert!(PledgeKey::from_stored("!!!").is_err());
    }
}
