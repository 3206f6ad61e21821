//! The ratatui front end: app state, screens, keys to actions, rendering, theme.

pub mod app;
pub mod background;
pub mod backup;
pub mod commit;
pub mod doc;
pub mod editor;
pub mod effect;
pub mod events;
pub mod frame;
pub mod key_overrides;
pub mod keymap;
pub mod loader;
pub mod look;
pub mod persist;
pub mod run;
pub mod saver;
pub mod screens;
pub mod scroll;
pub mod search;
pub mod terminal;
pub mod text;
pub mod text_window;
pub mod theme;
pub mod unlock;

pub use app::App;
