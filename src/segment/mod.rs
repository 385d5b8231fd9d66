//! Stage 5: split repaired text into items and sections. (stub: to be built)

use crate::model::{Furniture, Item, Meeting, Warning};

#[derive(Debug, Default)]
pub struct Segmented {
    pub meeting: Option<Meeting>,
    pub items: Vec<Item>,
    pub furniture: Vec<Furniture>,
    pub warnings: Vec<Warning>,
}

pub fn segment(_text: &str) -> Segmented {
    Segmented::default()
}
