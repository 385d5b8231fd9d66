//! Stage 5: split repaired text into the meeting header, items and their
//! sections, with typed fields read from the sections.
//!
//! The input is the repaired text, line for line the layout of the source, so
//! every span recorded here (`lines`, 1-based) points back into the input.
//! Nothing is dropped: each non-blank line is either page furniture or lies in
//! exactly one of the meeting header, an item header or a section.
//!
//! - [`items`] finds item boundaries (title + case-number line) and the header;
//! - [`sections`] recognises headings, tolerant of OCR and Markdown damage;
//! - [`fields`] reads typed fields (indstilling, beslutning, bilag, ...);
//! - [`layout`] repairs paragraphs inside a section;
//! - [`furniture`] recognises page headers, footers, breaks and the TOC.

pub mod fields;
pub mod furniture;
pub mod items;
pub mod layout;
pub mod sections;

use crate::model::{Furniture, Item, Meeting, Warning};

#[derive(Debug, Default)]
pub struct Segmented {
    pub meeting: Option<Meeting>,
    pub items: Vec<Item>,
    pub furniture: Vec<Furniture>,
    pub warnings: Vec<Warning>,
}

/// Splits repaired text into meeting header, items and page furniture.
pub fn segment(text: &str) -> Segmented {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    items::split(&lines)
}
