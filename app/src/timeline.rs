//! The timeline: pure geometry (`geom`) and the Leptos views around it (`view`).

pub mod geom;
pub mod view;
