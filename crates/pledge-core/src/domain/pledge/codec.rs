//! Encoders and decoders, composable like `codee`'s: a codec turns a value
//! into bytes and back, and [`Base64`] wraps any byte codec into text.

use std::fmt;
use std::marker::PhantomData;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

/// Turns a `T` into its encoded form.
pub trait Encoder<T> {
    type Encoded;
    fn encode(value: &T) -> Self::Encoded;
}

/// Reads a `T` back from its encoded form.
pub trait Decoder<T> {
    type Encoded: ?Sized;
    type Error;
    fn decode(encoded: &Self::Encoded) -> Result<T, Self::Error>;
}

/// The byte codec `C`, as URL-safe base64 without padding.
pub struct Base64<C>(PhantomData<C>);

/// Either the text was not base64url, or the inner codec refused its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base64Error<E> {
    Base64,
    Inner(E),
}

impl<E: fmt::Display> fmt::Display for Base64Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base64Error::Base64 => f.write_str("not valid base64url"),
            Base64Error::Inner(e) => e.fmt(f),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for Base64Error<E> {}

impl<T, C: Encoder<T, Encoded = Vec<u8>>> Encoder<T> for Base64<C> {
    type Encoded = String;
    fn encode(value: &T) -> String {
        URL_SAFE_NO_PAD.encode(C::encode(value))
    }
}

impl<T, C: Decoder<T, Encoded = [u8]>> Decoder<T> for Base64<C> {
    type Encoded = str;
    type Error = Base64Error<C::Error>;
    fn decode(text: &str) -> Result<T, Self::Error> {
        let bytes = URL_SAFE_NO_PAD
            .decode(text)
            .map_err(|_| Base64Error::Base64)?;
        C::decode(&bytes).map_err(Base64Error::Inner)
    }
}
/// Lengths in the payload and the list are unsigned LEB128 in their
/// shortest form, at most two bytes (up to 16 383): one written here, one
/// read here.
pub mod leb128 {
    /// Appends `len` (below 16 384).
    pub fn put(out: &mut Vec<u8>, len: usize) {
        if len < 0x80 {
            out.push(len as u8);
        } else {
            out.push((len & 0x7f) as u8 | 0x80);
            out.push((len >> 7) as u8);
        }
    }

    /// Why a length could not be read.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Fault {
        /// The bytes ran out.
        Truncated,
        /// Not the shortest form, or more than two bytes.
        NotShortest,
    }

    /// Reads a length from `next_byte` (which gives `None` when the bytes
    /// run out).
    pub fn read(mut next_byte: impl FnMut() -> Option<u8>) -> Result<usize, Fault> {
        let first = next_byte().ok_or(Fault::Truncated)?;
        if first < 0x80 {
            return Ok(usize::from(first));
        }
        let second = next_byte().ok_or(Fault::Truncated)?;
        if second == 0 || second >= 0x80 {
            return Err(Fault::NotShortest);
        }
        Ok(usize::from(first & 0x7f) | usize::from(second) << 7)
    }
}
