//! Annals' server: extraction, storage, routes, SVG export and the `annals` command line.

pub mod cli;
pub mod demo;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod markup;
pub mod routes;
pub mod startup;
pub mod store;
