//! Small pieces shared by several pages.

mod header;
mod oembed_link;
mod page_title;

pub use header::SiteHeader;
pub use oembed_link::oembed_discovery_link;
pub use page_title::PageTitle;
