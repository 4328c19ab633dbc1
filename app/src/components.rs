//! Small pieces shared by several pages.

mod header;
mod oembed_link;

pub use header::SiteHeader;
pub use oembed_link::oembed_discovery_link;
