//! The data folder's key, and which folders this process has unlocked.
//!
//! An encrypted folder holds `key.age`: a random age X25519 identity, itself encrypted with the
//! passphrase (age's scrypt recipient). Unlocking costs that one scrypt; every other file is
//! encrypted to the identity and opens fast. A folder with a `key.age` is encrypted; a folder
//! mid-conversion reads because plain and encrypted files are told apart by age's header.
//!
//! A process unlocks a folder once ([`unlock`]); every [`super::Store`] opened on it afterwards
//! (the loader thread's too) reads and writes through that key. Opening an encrypted folder that
//! is not unlocked is [`StoreError::Encrypted`].

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use age::secrecy::{ExposeSecret, SecretString};

use super::StoreError;
use super::paths::KEY_FILE;
use super::write::{remove_durably, write_new};

/// How a store's files are written, and the key they are read with.
#[derive(Clone, Default)]
pub struct Sealing {
    /// The folder's identity, when it is unlocked.
    key: Option<Arc<age::x25519::Identity>>,
    /// What new writes become.
    writes: Writes,
}

impl std::fmt::Debug for Sealing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sealing")
            .field("unlocked", &self.key.is_some())
            .field("writes", &self.writes)
            .finish()
    }
}

/// What a store writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Writes {
    /// Plain JSON (an unencrypted folder, or one being decrypted).
    #[default]
    Plain,
    /// age ciphertext to the folder's identity.
    Encrypted,
}

impl Sealing {
    /// Plain in, plain out: no key.
    pub fn plain() -> Self {
        Self::default()
    }

    /// Reads with `key`, writes as `writes` says.
    pub fn with_key(key: age::x25519::Identity, writes: Writes) -> Self {
        Self {
            key: Some(Arc::new(key)),
            writes,
        }
    }

    /// The identity files are read with, when unlocked.
    pub fn key(&self) -> Option<&age::x25519::Identity> {
        self.key.as_deref()
    }

    /// The identity new files are encrypted to, when writes are encrypted.
    pub fn write_key(&self) -> Option<&age::x25519::Identity> {
        match self.writes {
            Writes::Encrypted => self.key(),
            Writes::Plain => None,
        }
    }
}

/// The folders this process has unlocked, with what their stores write.
static UNLOCKED: Mutex<Vec<(PathBuf, Sealing)>> = Mutex::new(Vec::new());

/// One name for a folder however it was spelt (relative, with `..`), once it exists.
fn folder_id(dir: &Path) -> PathBuf {
    fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
}

fn unlocked() -> std::sync::MutexGuard<'static, Vec<(PathBuf, Sealing)>> {
    UNLOCKED.lock().unwrap_or_else(|p| p.into_inner())
}

fn remember(dir: &Path, sealing: Sealing) {
    let id = folder_id(dir);
    let mut list = unlocked();
    list.retain(|(known, _)| *known != id);
    list.push((id, sealing));
}

/// True when `dir` holds a key: its files are (or are being) encrypted.
pub fn is_encrypted(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(KEY_FILE)).is_ok()
}

/// True when this process has unlocked `dir`.
pub fn is_unlocked(dir: &Path) -> bool {
    let id = folder_id(dir);
    unlocked().iter().any(|(known, _)| *known == id)
}

/// How a store on `dir` reads and writes: the unlocked key, plain for a folder with no key,
/// [`StoreError::Encrypted`] for an encrypted folder not yet unlocked.
pub fn sealing_for(dir: &Path) -> Result<Sealing, StoreError> {
    let id = folder_id(dir);
    if let Some((_, sealing)) = unlocked().iter().find(|(known, _)| *known == id) {
        return Ok(sealing.clone());
    }
    if is_encrypted(dir) {
        return Err(StoreError::Encrypted {
            dir: dir.to_path_buf(),
        });
    }
    Ok(Sealing::plain())
}

/// Opens `dir`'s key with `passphrase`; from then on this process reads and writes the folder
/// encrypted. A wrong passphrase is [`StoreError::WrongPassphrase`] and changes nothing.
pub fn unlock(dir: &Path, passphrase: &str) -> Result<(), StoreError> {
    let identity = open_key(dir, passphrase)?;
    remember(dir, Sealing::with_key(identity, Writes::Encrypted));
    Ok(())
}

/// The identity in `dir/key.age`, opened with `passphrase`.
fn open_key(dir: &Path, passphrase: &str) -> Result<age::x25519::Identity, StoreError> {
    let file = dir.join(KEY_FILE);
    let meta = fs::symlink_metadata(&file).map_err(StoreError::io("read", &file))?;
    if !meta.is_file() {
        return Err(StoreError::NotAFile { file });
    }
    let wrapped = fs::read(&file).map_err(StoreError::io("read", &file))?;
    let damaged = |why: String| StoreError::DamagedKey {
        file: file.clone(),
        why,
    };
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    let bytes = match age::decrypt(&identity, &wrapped) {
        Ok(bytes) => bytes,
        Err(age::DecryptError::InvalidHeader | age::DecryptError::UnknownFormat) => {
            return Err(damaged("it is not an age file".into()));
        }
        Err(age::DecryptError::Io(e)) => return Err(damaged(e.to_string())),
        Err(_) => return Err(StoreError::WrongPassphrase { dir: dir.into() }),
    };
    let text = String::from_utf8(bytes).map_err(|_| damaged("it does not hold a key".into()))?;
    text.trim()
        .parse::<age::x25519::Identity>()
        .map_err(|_| damaged("it does not hold a key".into()))
}

/// Checks `passphrase` against the key of `dir`, which this process has unlocked (the idle
/// lock asks again): [`StoreError::WrongPassphrase`] unless it opens that same key.
pub fn check_passphrase(dir: &Path, passphrase: &str) -> Result<(), StoreError> {
    let opened = open_key(dir, passphrase)?;
    let sealing = sealing_for(dir)?;
    match sealing.key() {
        Some(key) if key.to_public().to_string() == opened.to_public().to_string() => Ok(()),
        _ => Err(StoreError::WrongPassphrase { dir: dir.into() }),
    }
}

/// Makes a new random key for `dir`, wrapped with `passphrase`, unless the folder already has
/// one; either way the folder is unlocked for encrypted writes afterwards. Call holding the lock.
pub fn create_key(dir: &Path, passphrase: &str) -> Result<(), StoreError> {
    if is_encrypted(dir) {
        return unlock(dir, passphrase);
    }
    let identity = age::x25519::Identity::generate();
    write_key(dir, &identity, passphrase)?;
    remember(dir, Sealing::with_key(identity, Writes::Encrypted));
    Ok(())
}

/// Wraps the unlocked key of `dir` with `new_passphrase`, replacing `key.age` whole (no `.bak`
/// is kept: the old passphrase must open nothing). Call holding the lock.
pub fn rewrap(dir: &Path, new_passphrase: &str) -> Result<(), StoreError> {
    let sealing = sealing_for(dir)?;
    let Some(identity) = sealing.key() else {
        return Err(StoreError::NotEncrypted { dir: dir.into() });
    };
    write_key(dir, identity, new_passphrase)
}

/// From now on this process writes `dir` plain (decrypting), still reading with its key.
pub fn write_plain(dir: &Path) -> Result<(), StoreError> {
    let sealing = sealing_for(dir)?;
    let Some(identity) = sealing.key() else {
        return Err(StoreError::NotEncrypted { dir: dir.into() });
    };
    remember(dir, Sealing::with_key(identity.clone(), Writes::Plain));
    Ok(())
}

/// Removes `dir`'s key once every file is plain again. Call holding the lock.
pub fn remove_key(dir: &Path) -> Result<(), StoreError> {
    remove_durably(&dir.join(KEY_FILE))?;
    let id = folder_id(dir);
    unlocked().retain(|(known, _)| *known != id);
    Ok(())
}

fn write_key(
    dir: &Path,
    identity: &age::x25519::Identity,
    passphrase: &str,
) -> Result<(), StoreError> {
    let file = dir.join(KEY_FILE);
    let recipient = passphrase_recipient(passphrase);
    let text = identity.to_string();
    let wrapped = age::encrypt(&recipient, text.expose_secret().as_bytes())
        .map_err(|e| StoreError::io("encrypt", &file)(io::Error::other(e.to_string())))?;
    write_new(&file, &wrapped)
}

/// scrypt's cost for a passphrase: N = 2^17 (128 MiB, about half a second to a second), the
/// smallest OWASP recommends. age would calibrate to a second of this machine's time, which on a
/// fast machine means 2^20 and a whole GiB of memory at every unlock.
const SCRYPT_LOG_N: u8 = 17;

/// An age recipient for `passphrase` at rekindle's scrypt cost (also for encrypted backups).
pub fn passphrase_recipient(passphrase: &str) -> age::scrypt::Recipient {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    recipient.set_work_factor(test_work_factor().unwrap_or(SCRYPT_LOG_N));
    recipient
}

/// A cheaper scrypt for the test suite only (`REKINDLE_TEST_SCRYPT_LOG_N`, 1 to 20), so tests
/// that unlock many times stay quick. Honoured only by builds with debug assertions (tests,
/// `cargo build`), never by a release build, so no setting can weaken a real key.
fn test_work_factor() -> Option<u8> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var("REKINDLE_TEST_SCRYPT_LOG_N")
        .ok()?
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=20).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_opens_with_its_passphrase_only() {
        let dir = tempfile::tempdir().unwrap();
        let identity = age::x25519::Identity::generate();
        write_key(dir.path(), &identity, "right one").unwrap();
        let opened = open_key(dir.path(), "right one").unwrap();
        assert_eq!(
            opened.to_public().to_string(),
            identity.to_public().to_string()
        );
        assert!(matches!(
            open_key(dir.path(), "wrong one"),
            Err(StoreError::WrongPassphrase { .. })
        ));
    }

    #[test]
    fn a_folder_without_a_key_is_plain_and_one_with_a_key_needs_unlocking() {
        let dir = tempfile::tempdir().unwrap();
        assert!(sealing_for(dir.path()).unwrap().key().is_none());
        fs::write(dir.path().join(KEY_FILE), b"x").unwrap();
        assert!(matches!(
            sealing_for(dir.path()),
            Err(StoreError::Encrypted { .. })
        ));
        assert!(matches!(
            open_key(dir.path(), "any"),
            Err(StoreError::DamagedKey { .. })
        ));
    }
}
