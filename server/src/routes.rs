//! HTTP routes besides the Leptos pages: the JSON API, exports, oEmbed, health, framing rules.

pub mod api;
pub mod export;
pub mod forms;
pub mod framing;
pub mod oembed;
