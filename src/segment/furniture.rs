//! Page furniture: page headers and footers ("Voksen- og plejeudvalget
//! 24-04-2024   Side 2 af 6"), page breaks (form feeds) and the table of
//! contents. They are not part of any section's text, but their lines are
//! recorded so that every input line is accounted for.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::FurnitureKind;

/// The kind of furniture a line is, judged on the line alone.
pub fn page_line(line: &str) -> Option<FurnitureKind> {
    static SIDE: OnceLock<Regex> = OnceLock::new();
    let side =
        SIDE.get_or_init(|| Regex::new(r"(?i)\bside\s+\d+\s+af\s+\d+\s*$").expect("valid regex"));
    let visible = line.replace('\u{c}', "");
    if side.is_match(visible.trim()) {
        return Some(if line.contains('\u{c}') {
            FurnitureKind::PageHeader
        } else {
            FurnitureKind::PageFooter
        });
    }
    (line.contains('\u{c}') && visible.trim().is_empty()).then_some(FurnitureKind::PageBreak)
}

/// A table-of-contents entry: "2. Fælles langsigtet strategi ....... 3".
pub fn is_toc_entry(line: &str) -> bool {
    static TOC: OnceLock<Regex> = OnceLock::new();
    TOC.get_or_init(|| {
        Regex::new(r"^\s*\d{1,3}\.?\s+\S.*?(?:\.{2,}|\s{2,}|\t)\s*\d{1,3}\s*$")
            .expect("valid regex")
    })
    .is_match(line)
}

/// "Indholdsfortegnelse" / "Indhold".
pub fn is_toc_heading(line: &str) -> bool {
    let f = super::sections::fold(&super::sections::strip_markup(line));
    f == "indholdsfortegnelse" || f == "indhold" || f == "punkter pa dagsordenen"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_lines() {
        assert_eq!(
            page_line("Voksen- og plejeudvalget 24-04-2024   Side 2 af 6"),
            Some(FurnitureKind::PageFooter)
        );
        assert_eq!(page_line("\u{c}"), Some(FurnitureKind::PageBreak));
        assert_eq!(page_line("Side om side arbejder vi."), None);
        assert!(is_toc_entry("2. Fælles langsigtet strategi ........ 3"));
        assert!(!is_toc_entry("2. At forslaget godkendes"));
    }
}
