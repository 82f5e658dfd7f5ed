//! IPTC NewsML-G2 2.35: a text `newsItem`, picture items, a `packageItem`, and a
//! `newsMessage` for batches.

use super::WriteContext;
use crate::model::Interview;

/// Renders the text `newsItem` of one interview.
pub fn news_item(_interview: &Interview, _ctx: &WriteContext) -> String {
    String::new()
}
