//! Local storage: text and compact (postcard as hex) values. Private mode without storage still
//! works; the resident just loses persistence.

use serde::de::DeserializeOwned;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

pub fn save_text(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Reads a value saved by [`save_compact`]: postcard, as hex text (no JSON decoder in the app).
pub fn load_compact<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = load_text(key)?;
    let hex = text.as_bytes();
    if hex.len() % 2 != 0 {
        return None;
    }
    let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let bytes: Option<Vec<u8>> = hex
        .chunks(2)
        .map(|p| Some(nibble(p[0])? << 4 | nibble(p[1])?))
        .collect();
    postcard::from_bytes(&bytes?).ok()
}

/// Saves a value for [`load_compact`].
pub fn save_compact<T: serde::Serialize>(key: &str, value: &T) {
    if let Ok(bytes) = postcard::to_allocvec(value) {
        let mut hex = String::with_capacity(bytes.len() * 2);
        for b in bytes {
            hex.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
            hex.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0'));
        }
        save_text(key, &hex);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}
