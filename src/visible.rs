//! Text made safe to show on a terminal: the one rule for every place rekindle prints stored,
//! imported or pack text (the command line, exports and the workbook).
//!
//! A terminal obeys some characters instead of showing them: C0 controls (ESC starts a sequence
//! that can retitle the window, fill the clipboard or clear the screen; CR and BS write over what
//! was shown), DEL, the C1 controls U+0080 to U+009F (U+009B is a one-character CSI), and the
//! bidirectional overrides, isolates and marks that reorder a line so it reads other than it is.
//! These are shown as a visible stand-in instead; tab, newline and a CR that ends a line just
//! before a newline (as Windows writes them) are kept. The store keeps text exactly as written:
//! only what is shown changes.

use std::borrow::Cow;

/// True for a character a terminal might act on instead of showing (see the module docs).
pub fn is_hostile(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        '\u{200E}' | '\u{200F}' | '\u{061C}' => true,
        _ => false,
    }
}

/// True for a byte that can begin a hostile character in UTF-8: a C0 control other than tab and
/// newline, DEL, and the lead bytes of U+0080-U+00BF (C1), U+0600-U+063F (U+061C) and
/// U+2000-U+207F (the bidi marks). Written without branches, so a block of bytes is tested at
/// once.
#[inline(always)]
fn suspect(b: u8) -> bool {
    ((b < 0x20) & (b != 0x09) & (b != 0x0A)) | (b == 0x7F) | (b == 0xC2) | (b == 0xD8) | (b == 0xE2)
}

/// How many bytes the scan tests at once.
const BLOCK: usize = 32;

/// The position of the first suspect byte of `bytes` at or after `from`. Most text has none,
/// so it is passed over a block at a time (the compiler tests a block's bytes side by side).
fn next_suspect(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(block) = bytes.get(at..at + BLOCK) {
        if block.iter().fold(false, |any, b| any | suspect(*b)) {
            break;
        }
        at += BLOCK;
    }
    bytes
        .get(at..)?
        .iter()
        .position(|b| suspect(*b))
        .map(|i| at + i)
}

/// The hostile characters of `text` with their byte positions, found by a byte scan.
fn hostile_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = next_suspect(bytes, from)?;
        from = at + 1;
        Some(at)
    })
    .filter_map(move |i| text[i..].chars().next().map(|c| (i, c)))
    .filter(|(_, c)| is_hostile(*c))
}

/// One visible cell standing for a hostile character: the Unicode control picture for C0 and
/// DEL (`␛` for ESC, `␍` for CR), and `�` for a C1 control or a bidi mark, which have none.
/// Anything else is returned unchanged.
pub fn picture(c: char) -> char {
    match c {
        '\u{0}'..='\u{1F}' if is_hostile(c) => char::from_u32(0x2400 + u32::from(c)).unwrap_or('�'),
        '\u{7F}' => '\u{2421}',
        c if is_hostile(c) => '\u{FFFD}',
        c => c,
    }
}

/// `text` with every hostile character made visible: C0 and DEL as control pictures (`␛`),
/// C1 controls and bidi marks written `<U+202E>`. A CR just before a newline ends the line as it
/// does in files written on Windows, and is kept; any other CR would write over the line and is
/// shown as `␍`. Borrowed when nothing had to change.
pub fn visible(text: &str) -> Cow<'_, str> {
    let only_line_ends =
        hostile_chars(text).all(|(i, c)| c == '\r' && text.as_bytes().get(i + 1) == Some(&b'\n'));
    if only_line_ends {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            c if !is_hostile(c) => out.push(c),
            '\u{0}'..='\u{1F}' | '\u{7F}' => out.push(picture(c)),
            c => out.push_str(&format!("<U+{:04X}>", u32::from(c))),
        }
    }
    Cow::Owned(out)
}

/// JSON text with every hostile character that JSON writers leave raw (DEL, C1, bidi marks)
/// written as a `\uXXXX` escape, so the JSON reads back to the same strings but shows safely.
///
/// Only for text that is already JSON: C0 controls are escaped by every JSON writer, and a
/// hostile character can only stand inside a string there, where `\uXXXX` means the same.
pub fn json_escaped(json: &str) -> Cow<'_, str> {
    if hostile_chars(json).next().is_none() {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_hostile(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_and_tab_and_newline_stay() {
        assert!(matches!(visible("a\tb\nc é 💛"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_class_is_made_visible() {
        assert_eq!(visible("\u{1b}]0;x\u{7}"), "␛]0;x␇");
        assert_eq!(visible("a\rb\u{8}\u{7f}"), "a␍b␈␡");
        assert_eq!(visible("a\r\nb\r"), "a\r\nb␍");
        assert!(matches!(visible("line\r\nline\r\n"), Cow::Borrowed(_)));
        assert_eq!(visible("\u{9b}2J"), "<U+009B>2J");
        assert_eq!(visible("\u{202e}txt.exe"), "<U+202E>txt.exe");
        for c in ['\u{2066}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}'] {
            assert!(!visible(&c.to_string()).contains(c));
        }
    }

    #[test]
    fn the_byte_scan_finds_exactly_the_hostile_characters() {
        let every: String = (0..0x11_0000u32)
            .filter_map(char::from_u32)
            .flat_map(|c| [c, 'x'])
            .collect();
        let scanned: Vec<(usize, char)> = hostile_chars(&every).collect();
        let expected: Vec<(usize, char)> = every
            .char_indices()
            .filter(|(_, c)| is_hostile(*c))
            .collect();
        assert_eq!(scanned, expected);
    }

    #[test]
    fn pictures_are_one_visible_cell() {
        for c in ['\u{0}', '\u{1b}', '\r', '\u{7f}', '\u{85}', '\u{202e}'] {
            let p = picture(c);
            assert!(!is_hostile(p));
            assert_eq!(unicode_width::UnicodeWidthChar::width(p), Some(1), "{c:?}");
        }
    }

    #[test]
    fn json_escapes_read_back_the_same() {
        let text = "a\u{9b}b\u{202e}c\u{7f}";
        let json = serde_json::to_string(text).unwrap();
        let escaped = json_escaped(&json);
        assert!(!escaped.chars().any(is_hostile));
        assert_eq!(serde_json::from_str::<String>(&escaped).unwrap(), text);
    }
}
