//! What pages share: the page head (back link, caption, heading, Continue), notices (not found,
//! could not load, storage refused), the summary list, the error summary, a question asked in
//! place before deleting, and `field` (one frame around one widget per field type).

mod confirm;
mod error_summary;
pub mod field;
mod notices;
mod page_head;
mod summary_list;

pub use confirm::Confirm;
pub use error_summary::ErrorSummary;
pub use field::FieldInput;
pub use notices::{loading_line, LoadFailed, NotFound, StorageProblem};
pub use page_head::{announce_page, BackLink, ContinueButton, PageHead, Title};
pub use summary_list::{summary_list, SummaryRow};
