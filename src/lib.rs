//! congbo: a static-site generator for the administrative-reform portals of Vietnamese
//! communes. The pipeline, one module per stage:
//! `config` → `content` (walk, front matter, kinds) → `markdown` (render, citations, tables)
//! → `site` (the model) → `render` (tera) → `output` (files, feeds, sitemap).
//! [`build::build`] names every stage in order.

pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod error;
pub mod images;
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
