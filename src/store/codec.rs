//! The one place every stored file's bytes pass through: a value to bytes and bytes to a value.
//!
//! Values are pretty JSON. In an encrypted folder the store wraps those bytes in age encryption
//! to the folder's identity ([`encode_sealed`], [`decode_sealed`]); plain and encrypted files are
//! told apart by age's header, so a folder mid-conversion reads.

use std::borrow::Cow;

use serde::Serialize;
use serde::de::DeserializeOwned;
use thiserror::Error;

pub use super::keyring::{Sealing, Writes};

/// Why bytes could not be read back as a value, and where in the file (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}, column {column}: {message}")]
pub struct DecodeError {
    /// Line of the problem, from 1.
    pub line: usize,
    /// Column of the problem, from 1.
    pub column: usize,
    /// What is wrong, in plain words.
    pub message: String,
}

/// Why a value could not be turned into bytes.
#[derive(Debug, Error)]
pub enum EncodeError {
    /// The value has no JSON form.
    #[error("could not encode the data: {0}")]
    Json(#[from] serde_json::Error),
    /// age could not encrypt it.
    #[error("could not encrypt the data: {0}")]
    Encrypt(String),
}

/// The bytes to store for `value`: pretty JSON ending in a newline.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, EncodeError> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// How every age file begins.
pub(super) const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// True when `bytes` are an age file (rather than plain JSON).
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_HEADER)
}

/// `bytes` as `sealing` writes them: encrypted to the folder's key, or as they are.
pub fn seal(bytes: Vec<u8>, sealing: &Sealing) -> Result<Vec<u8>, EncodeError> {
    match sealing.write_key() {
        Some(key) => {
            age::encrypt(&key.to_public(), &bytes).map_err(|e| EncodeError::Encrypt(e.to_string()))
        }
        None => Ok(bytes),
    }
}

/// The plain bytes of a stored file: decrypted when it is an age file, else as they are.
pub fn unseal<'a>(bytes: &'a [u8], sealing: &Sealing) -> Result<Cow<'a, [u8]>, DecodeError> {
    if !is_sealed(bytes) {
        return Ok(Cow::Borrowed(bytes));
    }
    let whole = |message: &str| DecodeError {
        line: 1,
        column: 1,
        message: message.into(),
    };
    let Some(key) = sealing.key() else {
        return Err(whole(NOT_UNLOCKED));
    };
    age::decrypt(key, bytes)
        .map(Cow::Owned)
        .map_err(|_| whole(DOES_NOT_OPEN))
}

/// Why an encrypted file cannot be read in a folder that is not unlocked.
pub(super) const NOT_UNLOCKED: &str =
    "the file is encrypted, and this folder's key is not unlocked";

/// Why an encrypted file that the folder's key does not open cannot be read.
pub(super) const DOES_NOT_OPEN: &str = "the file is encrypted but does not open with this folder's key (damaged, or from another folder)";

/// [`encode`], then [`seal`].
pub fn encode_sealed<T: Serialize>(value: &T, sealing: &Sealing) -> Result<Vec<u8>, EncodeError> {
    seal(encode(value)?, sealing)
}

/// [`unseal`], then [`decode`].
pub fn decode_sealed<T: DeserializeOwned>(
    bytes: &[u8],
    sealing: &Sealing,
) -> Result<T, DecodeError> {
    decode(&unseal(bytes, sealing)?)
}

/// The value stored in `bytes`, or where and why they do not hold one.
///
/// A good file is read in two passes: its UTF-8 checked, then parsed. What else [`text_of`]
/// refuses (a byte-order mark, NUL bytes, nothing at all) never parses as JSON, so it is looked
/// for only in a file that did not parse, to say what is wrong.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(value) = serde_json::from_str(text)
    {
        return Ok(value);
    }
    let text = text_of(bytes)?;
    serde_json::from_str(text).map_err(|e| explain(Some(text), &e))
}

/// The bytes as text, refusing what JSON never holds: a BOM, bad UTF-8, NUL bytes, nothing at all.
fn text_of(bytes: &[u8]) -> Result<&str, DecodeError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(DecodeError {
            line: 1,
            column: 1,
            message: "the file starts with a byte-order mark (an invisible character some editors \
                      add); save it as UTF-8 without a BOM"
                .into(),
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = position(bytes, e.valid_up_to());
            let byte = bytes[e.valid_up_to()];
            let message = format!("the file is not valid UTF-8 text (byte 0x{byte:02X})");
            return Err(DecodeError {
                line,
                column,
                message,
            });
        }
    };
    if let Some(at) = text.find('\0') {
        let (line, column) = position(bytes, at);
        let message = "the file holds NUL bytes, often left by a crash or a disk problem".into();
        return Err(DecodeError {
            line,
            column,
            message,
        });
    }
    if text.trim().is_empty() {
        let message = "the file is empty".into();
        return Err(DecodeError {
            line: 1,
            column: 1,
            message,
        });
    }
    Ok(text)
}

/// Why a file with more after its data cannot be read.
pub(super) const TRAILING: &str = "unexpected text after the end of the data (trailing characters)";

/// A serde_json error in plain words, with its position kept apart from the message. `text`
/// is the file's whole text, when at hand (not for a file read as it streams in), to name the
/// field at fault.
pub(super) fn explain(text: Option<&str>, e: &serde_json::Error) -> DecodeError {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&suffix).unwrap_or(&full);
    let message = match e.classify() {
        serde_json::error::Category::Eof => {
            format!("the file ends too soon ({what}); it may have been cut off")
        }
        serde_json::error::Category::Data
            if text.is_some_and(|text| !text.trim_start().starts_with('{')) =>
        {
            format!("the file should hold one object ({{ … }}) but holds something else ({what})")
        }
        serde_json::error::Category::Data if !what.starts_with("missing field") => {
            match text.and_then(|text| field_at(text, e.line(), e.column())) {
                Some(field) => format!("wrong content in `{field}`: {what}"),
                None => format!("wrong content: {what}"),
            }
        }
        serde_json::error::Category::Data => format!("wrong content: {what}"),
        _ if what == "trailing characters" => TRAILING.into(),
        _ => what.to_string(),
    };
    DecodeError {
        line: e.line().max(1),
        column: e.column().max(1),
        message,
    }
}

/// The name of the field whose value ends at `line`:`column` (a byte column, as serde_json
/// counts), when it sits on the same line: a hint for the reader, not a full path.
fn field_at(text: &str, line: usize, column: usize) -> Option<&str> {
    let line_text = text.lines().nth(line.checked_sub(1)?)?;
    let before = line_text.get(..column.min(line_text.len()))?;
    let key = &before[..before.rfind("\":")?];
    Some(&key[key.rfind('"')? + 1..])
}

/// The 1-based line and column (in characters) of byte `offset`.
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        schema: u32,
        name: String,
    }

    #[test]
    fn round_trip_is_pretty_json_with_a_final_newline() {
        let sample = Sample {
            schema: 1,
            name: "é".into(),
        };
        let bytes = encode(&sample).unwrap();
        assert!(bytes.ends_with(b"}\n"));
        assert!(
            String::from_utf8(bytes.clone())
                .unwrap()
                .contains("\n  \"name\"")
        );
        assert_eq!(decode::<Sample>(&bytes).unwrap(), sample);
    }

    #[test]
    fn syntax_errors_keep_line_and_column_out_of_the_message() {
        let e = decode::<Sample>(b"{\n  \"schema\": 1\n  \"name\": \"x\"\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 3));
        assert!(
            e.message.starts_with("expected `,` or `}`"),
            "{}",
            e.message
        );
        assert!(!e.message.contains("line"));
    }

    #[test]
    fn wrong_types_name_the_field_when_they_can() {
        let e = decode::<Sample>(b"{\n  \"schema\": \"one\",\n  \"name\": \"x\"\n}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 17));
        assert!(
            e.message
                .starts_with("wrong content in `schema`: invalid type"),
            "{}",
            e.message
        );
        let e = decode::<Sample>(b"[1]").unwrap_err();
        assert!(
            e.message.starts_with("the file should hold one object"),
            "{}",
            e.message
        );
    }

    #[test]
    fn bad_utf8_is_located() {
        let e = decode::<Sample>(b"{\n \"name\": \"a\xFFb\"}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 12));
        assert!(e.message.contains("UTF-8"));
    }

    #[test]
    fn sealed_bytes_are_age_and_open_only_with_their_key() {
        let sample = Sample {
            schema: 1,
            name: "MARKER-sealed".into(),
        };
        let key = age::x25519::Identity::generate();
        let sealing = Sealing::with_key(key, Writes::Encrypted);
        let bytes = encode_sealed(&sample, &sealing).unwrap();
        assert!(is_sealed(&bytes));
        assert!(!bytes.windows(6).any(|w| w == b"MARKER"));
        assert_eq!(decode_sealed::<Sample>(&bytes, &sealing).unwrap(), sample);
        let plain = decode_sealed::<Sample>(&bytes, &Sealing::plain()).unwrap_err();
        assert!(plain.message.contains("not unlocked"), "{}", plain.message);
        let other = Sealing::with_key(age::x25519::Identity::generate(), Writes::Encrypted);
        assert!(decode_sealed::<Sample>(&bytes, &other).is_err());
    }

    #[test]
    fn plain_files_still_read_in_an_unlocked_folder_and_plain_writes_stay_plain() {
        let sample = Sample {
            schema: 1,
            name: "x".into(),
        };
        let key = age::x25519::Identity::generate();
        let decrypting = Sealing::with_key(key, Writes::Plain);
        let bytes = encode_sealed(&sample, &decrypting).unwrap();
        assert_eq!(bytes, encode(&sample).unwrap());
        assert_eq!(
            decode_sealed::<Sample>(&bytes, &decrypting).unwrap(),
            sample
        );
    }

    #[test]
    fn empty_and_bom_and_nul_are_named() {
        assert!(
            decode::<Sample>(b"  \n")
                .unwrap_err()
                .message
                .contains("empty")
        );
        assert!(
            decode::<Sample>(b"\xEF\xBB\xBF{}")
                .unwrap_err()
                .message
                .contains("byte-order")
        );
        let e = decode::<Sample>(b"{\"schema\":1,\0}").unwrap_err();
        assert_eq!((e.line, e.column), (1, 13));
        // Inside a string, even one of a field nobody reads, NUL is named all the same.
        for nul in [
            &b"{\"schema\":1,\"x\":\"a\0b\"}"[..],
            b"{\"schema\":\"\0\"}",
        ] {
            let e = decode::<Sample>(nul).unwrap_err();
            assert!(e.message.contains("NUL"), "{}", e.message);
        }
    }
}
