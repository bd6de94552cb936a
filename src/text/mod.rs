//! Vietnamese text primitives for congbo: Unicode clean-up ([`normalize`]),
//! folding keys for matching and search ([`fold`]), URL slugs ([`slug`]),
//! Vietnamese alphabetical order ([`collate`]), calendar dates in the forms
//! state documents use ([`date`]) and reading a plan task's "due" text into
//! a period ([`due`]).
//!
//! Everything here is pure, allocation-light and total: no function panics,
//! whatever the input.

pub mod collate;
pub mod date;
mod decompose;
pub mod due;
pub mod fold;
pub mod normalize;
pub mod slug;

#[cfg(test)]
pub(crate) mod testgen;
