//! Page furniture: page headers and footers ("Voksen- og plejeudvalget
//! 24-04-2024   Side 2 af 6"), page breaks (form feeds) and the table of
//! contents. They are not part of any section's text, but their lines are
//! recorded so that every input line is accounted for.

use std::collections::HashMap;
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

/// Marks page headers that carry no page number: the same line (or lines)
/// standing first on two or more pages, after a page footer or a form feed
/// ("Norddjurs Kommune" / "Økonomiudvalget 12-03-2024"). A line seen at one
/// page top only is left alone: it may be an item's title.
pub fn mark_repeated_headers(lines: &[&str], page: &mut [Option<FurnitureKind>]) {
    const MAX_HEADER_LINES: usize = 3;
    const MAX_CHARS: usize = 100;
    let visible = |i: usize| lines[i].trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
    // Where each page starts: after a footer, or at a line holding a form feed.
    let mut tops: Vec<usize> = Vec::new();
    for i in 0..lines.len() {
        let footer = matches!(page[i], Some(FurnitureKind::PageFooter));
        if lines[i].contains('\u{c}') && page[i].is_none() {
            tops.push(i);
        } else if footer || matches!(page[i], Some(FurnitureKind::PageBreak)) {
            tops.push(i + 1);
        }
    }
    for _ in 0..MAX_HEADER_LINES {
        // The next unclaimed line of each page top. A footer followed by a
        // form feed is one page top, not two.
        let mut firsts: Vec<usize> = tops
            .iter()
            .filter_map(|&top| {
                (top..lines.len()).find(|&i| !visible(i).is_empty() && page[i].is_none())
            })
            .collect();
        firsts.dedup();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for &i in &firsts {
            *seen.entry(visible(i)).or_default() += 1;
        }
        let mut marked = false;
        for &i in &firsts {
            let text = visible(i);
            if seen[text] >= 2 && text.chars().count() <= MAX_CHARS && !structural(lines, page, i) {
                page[i] = Some(FurnitureKind::PageHeader);
                marked = true;
            }
        }
        if !marked {
            break;
        }
    }
}

/// Whether line `i` carries an item's structure: a case-number line, a
/// section heading, or the title right above a case-number line. Items
/// often share a title (`Personalesag`, `Orientering fra formanden`), and one
/// may open each page: those lines are never page headers.
fn structural(lines: &[&str], page: &[Option<FurnitureKind>], i: usize) -> bool {
    let line = lines[i];
    if super::items::case_line(line).is_some() || super::sections::heading(line).is_some() {
        return true;
    }
    let next = (i + 1..lines.len())
        .find(|&j| page[j].is_none() && !lines[j].replace('\u{c}', "").trim().is_empty());
    next.is_some_and(|j| super::items::case_line(lines[j]).is_some())
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
