//! congbo: a static-site generator for the administrative-reform portals of Vietnamese
//! communes. The pipeline, one module per stage:
//! `config` → `content` (walk, front matter, kinds) → `markdown` (render, citations, tables)
//! → `images` → `site` (the model) → `render` (tera) → `output` (files, feeds, sitemap)
//! → `check`. [`build::build`] names every stage in order.
//!
//! Modules import only downward (issue #26, no import circle), in this order from the
//! bottom up; `tests/layers.rs` holds the same order and fails on any upward import:
//!
//! `lang` → `error` → `timing` → `output_file` → `text` → `config` → `content` → `markdown`
//! → `images` → `site` → `render` → `output` → `check` → `build` → `deploy` → `new_page` → `import`
//! → `scaffold` → `editor` → `serve` → `cli`.
//!
//! A type or function lives in the lowest module that uses it where its meaning is: the
//! theme strings are configuration (`config::strings`), the file a stage makes is
//! `output_file`'s, HTML escaping is a text rule (`text::html`).

pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod deploy;
pub mod editor;
pub mod error;
pub mod images;
pub mod import;
pub mod lang;
pub mod markdown;
pub mod new_page;
pub mod output;
pub mod output_file;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod text;
mod timing;
