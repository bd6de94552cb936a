//! The editor's script: small, plain JavaScript that only makes the forms nicer (the live
//! preview, the toolbar over the body, the date picker, the task grid's rows). Every form
//! works without it; nothing it does is needed to save.

/// The script, served at `/_soan-thao/editor.js`.
pub const JS: &str = include_str!("assets/editor.js");
