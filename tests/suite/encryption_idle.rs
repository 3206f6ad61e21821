//! The idle lock of an encrypted workbook asks for the passphrase again: nothing of the
//! workbook shows, any other key does nothing, a wrong passphrase is said calmly, and the right
//! one brings back the screen with what was being typed.

use crate::tui_support;

use rekindle::config::IdleLock;
use rekindle::store::keyring;
use rekindle::tui::app::Overlay;
use tui_support::{Rig, screen_text};

const PASSPHRASE: &str = "a lamp left on";

#[test]
fn the_idle_lock_of_an_encrypted_workbook_opens_only_with_the_passphrase() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    std::fs::create_dir(&dir).unwrap();
    keyring::create_key(&dir, PASSPHRASE).unwrap();
    let mut rig = Rig::welcomed();
    rig.app.encrypted = Some(dir.clone());
    rig.app.look.idle_lock = IdleLock::Minutes(1);
    rig.press("nhalf a sentence");
    rig.advance_minutes(2);
    assert!(rig.app.tick());
    assert!(matches!(rig.app.overlay, Some(Overlay::Locked(_))));
    let screen = screen_text(rig.draw(100, 30).backend().buffer());
    assert!(screen.contains("Your workbook is encrypted"), "{screen}");
    assert!(!screen.contains("half a sentence"), "{screen}");
    // The hide key, or any key, is only typing here; a wrong passphrase keeps it locked.
    rig.press("<c-b>not it<enter>");
    assert!(matches!(rig.app.overlay, Some(Overlay::Locked(_))));
    let screen = screen_text(rig.draw(100, 30).backend().buffer());
    assert!(screen.contains("does not open it"), "{screen}");
    rig.press(&format!("{PASSPHRASE}<enter>"));
    assert_eq!(rig.app.overlay, None);
    assert_eq!(
        rig.app.editor.as_ref().map(|e| e.text()).as_deref(),
        Some("half a sentence")
    );
    assert!(!rig.app.quit);
}
