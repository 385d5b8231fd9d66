//! Item boundaries: an item starts with its title ("2. Fælles langsigtet
//! strategi ...") followed by its case-number line ("23/7776 Åben Sag").
//! What precedes the first item is the meeting header and the table of
//! contents.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::{
    Access, Furniture, FurnitureKind, Item, Meeting, Section, SectionKind, Warning,
};

use super::{fields, furniture, layout, sections, Segmented};

/// "23/7776 Åben Sag", "Lukket Sag": case number and access.
pub fn case_line(line: &str) -> Option<(Option<String>, Access)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = RE
        .get_or_init(|| {
            Regex::new(r"^\s*(?:(\d{1,2}/\d{1,6})\s+)?(\S+)\s+[Ss]ag\s*$").expect("valid regex")
        })
        .captures(line)?;
    let access = match sections::fold(&c[2]).as_str() {
        "aben" | "ben" => Access::Open,
        "lukket" => Access::Closed,
        _ => return None,
    };
    Some((c.get(1).map(|m| m.as_str().to_string()), access))
}

/// Title text without markup, and its agenda number.
pub fn title(line: &str) -> (Option<u32>, String) {
    let clean = sections::strip_markup(line);
    static RE: OnceLock<Regex> = OnceLock::new();
    match RE
        .get_or_init(|| Regex::new(r"^(\d{1,3})\.\s+(.*)$").expect("valid regex"))
        .captures(&clean)
    {
        Some(c) => (c[1].parse().ok(), sections::strip_markup(&c[2])),
        None => (None, clean),
    }
}

/// The first line of a title that wrapped onto several lines, `t` being its
/// last: a line above belongs to the title when it is long (it wrapped), does
/// not end a sentence, and is not a heading, a case line or a contents entry.
/// A numbered line (`2. Fælles ...`) is always a title's first line.
fn title_start(lines: &[&str], content: &dyn Fn(usize) -> bool, t: usize, floor: usize) -> usize {
    const WRAPPED: usize = 40;
    const MAX_EXTRA: usize = 2;
    let numbered = |i: usize| title(lines[i]).0.is_some();
    let mut s = t;
    while !numbered(s) && s > floor && t - s < MAX_EXTRA {
        let above = s - 1;
        let text = sections::strip_markup(lines[above]);
        let wraps = content(above)
            && text.chars().count() >= WRAPPED
            && !text.trim_end().ends_with(['.', ':', ';', '!', '?'])
            && sections::heading(lines[above]).is_none()
            && case_line(lines[above]).is_none()
            && !furniture::is_toc_entry(lines[above]);
        if !wraps {
            break;
        }
        s = above;
    }
    s
}

fn blank(line: &str) -> bool {
    line.replace('\u{c}', "").trim().is_empty()
}

fn span(a: usize, b: usize) -> [u32; 2] {
    [a as u32 + 1, b as u32 + 1]
}

pub fn split(lines: &[&str]) -> Segmented {
    let mut out = Segmented::default();
    let mut page: Vec<Option<FurnitureKind>> =
        lines.iter().map(|l| furniture::page_line(l)).collect();
    furniture::mark_repeated_headers(lines, &mut page);
    for (i, kind) in page.iter().enumerate() {
        // A form feed is a page break wherever it stands: alone, before a
        // page header, or on a line with text (`\fPersonalesag`), whose text
        // stays where it belongs.
        if lines[i].contains('\u{c}') && *kind != Some(FurnitureKind::PageBreak) {
            out.furniture.push(Furniture {
                kind: FurnitureKind::PageBreak,
                lines: span(i, i),
            });
        }
        if let Some(kind) = kind {
            out.furniture.push(Furniture {
                kind: *kind,
                lines: span(i, i),
            });
        }
    }
    let content = |i: usize| !blank(lines[i]) && page[i].is_none();
    // (title line, case line) per item.
    let mut starts = Vec::new();
    for (c, line) in lines.iter().enumerate() {
        if page[c].is_some() || case_line(line).is_none() {
            continue;
        }
        let t = (0..c).rev().find(|&i| content(i)).unwrap_or(c);
        let floor = starts.last().map_or(0, |&(_, pc)| pc + 1);
        let after_previous = starts.last().map_or(true, |&(_, pc)| t > pc);
        let t = if after_previous {
            title_start(lines, &content, t, floor)
        } else {
            c
        };
        starts.push((t, c));
    }
    if starts.is_empty() {
        if let Some(first) = (0..lines.len()).find(|&i| content(i)) {
            out.warnings.push(Warning::at_line(
                "no_case_number",
                "no case-number line found; the first line is taken as the title",
                first as u32 + 1,
            ));
            starts.push((first, first));
        } else {
            out.warnings.push(Warning::new("no_items", "no text found"));
            return out;
        }
    }
    header(lines, &page, starts[0].0, &mut out);
    for (k, &(t, c)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(lines.len(), |s| s.0);
        out.items.push(item(lines, &page, t, c, end));
    }
    out.furniture.sort_by_key(|f| f.lines);
    out
}

/// The meeting header and table of contents before the first item.
fn header(lines: &[&str], page: &[Option<FurnitureKind>], first_item: usize, out: &mut Segmented) {
    let content: Vec<usize> = (0..first_item)
        .filter(|&i| !blank(lines[i]) && page[i].is_none())
        .collect();
    let Some(&first) = content.first() else {
        return;
    };
    let toc = content
        .iter()
        .copied()
        .find(|&i| furniture::is_toc_heading(lines[i]) || furniture::is_toc_entry(lines[i]));
    let header_end = match toc {
        Some(t) => {
            out.furniture.push(Furniture {
                kind: FurnitureKind::TableOfContents,
                lines: span(t, *content.last().unwrap_or(&t)),
            });
            content.iter().copied().rfind(|&i| i < t)
        }
        None => content.last().copied(),
    };
    let Some(last) = header_end else { return };
    let header_lines: Vec<&str> = (first..=last).map(|i| lines[i]).collect();
    out.meeting = Some(meeting(&header_lines, span(first, last)));
}

fn meeting(lines: &[&str], span: [u32; 2]) -> Meeting {
    static TIME: OnceLock<Regex> = OnceLock::new();
    let time = TIME.get_or_init(|| {
        Regex::new(r"(?i)\bkl\.?\s*(\d{1,2}[:.]\d{2}(?:\s*-\s*\d{1,2}[:.]\d{2})?)")
            .expect("valid regex")
    });
    let mut m = Meeting {
        lines: span,
        ..Meeting::default()
    };
    let mut list: Option<bool> = None; // Some(true): present, Some(false): absent
    for raw in lines {
        let line = sections::strip_markup(raw);
        let f = sections::fold(&line);
        let (label, value) = line
            .split_once(':')
            .map_or((f.as_str().to_string(), ""), |(a, b)| {
                (sections::fold(a), b.trim())
            });
        if f.ends_with("kommune") && m.municipality.is_none() {
            m.municipality = Some(line.clone());
        } else if f == "referat" || f == "dagsorden" {
            m.kind = Some(f.clone());
        } else if label == "sted" || label == "modested" {
            m.place = Some(value.to_string());
        } else if label == "deltagere" || label == "til stede" {
            list = Some(true);
        } else if label == "fravarende" || label == "afbud" {
            list = Some(false);
        } else if let Some(iso) = sections::parse_date(&line).filter(|_| m.date.is_none()) {
            m.date = Some(iso);
        } else if m.body.is_none()
            && (f.ends_with("udvalget") || f.ends_with("bestyrelsen") || f.ends_with("udvalg"))
        {
            m.body = Some(line.clone());
        } else if let Some(l) = list.filter(|_| !line.is_empty()) {
            if l {
                m.present.push(line.clone())
            } else {
                m.absent.push(line.clone())
            }
        }
        if let Some(c) = time.captures(&line).filter(|_| m.time.is_none()) {
            m.time = Some(c[1].replace('.', ":").replace(' ', ""));
        }
    }
    m
}

fn item(lines: &[&str], page: &[Option<FurnitureKind>], t: usize, c: usize, end: usize) -> Item {
    // The title's lines: from `t` to the last content line before the case
    // line (one line, or a title that wrapped).
    let title_lines: Vec<&str> = (t..c.max(t + 1))
        .filter(|&i| !blank(lines[i]) && page[i].is_none())
        .map(|i| lines[i])
        .collect();
    let (number, title) = title(&layout::paragraphs(&title_lines));
    let (case_number, access) = case_line(lines[c]).map_or((None, None), |(n, a)| (n, Some(a)));
    let mut item = Item {
        number,
        title,
        case_number,
        access,
        sagsgang: Vec::new(),
        sections: Vec::new(),
        indstilling: None,
        beslutning: Vec::new(),
        fravaerende: Vec::new(),
        bilag: Vec::new(),
        links: Vec::new(),
        header_lines: span(t, c),
        lines: span(t, c),
    };
    let mut current: Option<(sections::Heading, usize, Vec<usize>)> = None;
    for i in c + 1..end {
        if page[i].is_some() {
            continue;
        }
        let in_beslutning =
            matches!(&current, Some((h, _, _)) if h.kind == SectionKind::Beslutning);
        let heading = sections::heading(lines[i])
            .filter(|_| !(in_beslutning && fields::ad_label(lines[i]).is_some()));
        if let Some(h) = heading {
            if let Some(s) = current.take() {
                finish(&mut item, lines, s);
            }
            current = Some((h, i, Vec::new()));
        } else if !blank(lines[i]) || current.is_some() {
            match current.as_mut() {
                Some((_, _, body)) => body.push(i),
                None => {
                    let h = sections::Heading {
                        kind: SectionKind::Other,
                        text: String::new(),
                    };
                    current = Some((h, i, vec![i]));
                }
            }
        }
    }
    if let Some(s) = current.take() {
        finish(&mut item, lines, s);
    }
    item
}

/// Closes a section: repairs its text and fills the typed fields.
fn finish(
    item: &mut Item,
    lines: &[&str],
    (heading, start, body): (sections::Heading, usize, Vec<usize>),
) {
    let mut links = Vec::new();
    let cleaned: Vec<String> = body
        .iter()
        .map(|&i| {
            let (text, found) = fields::take_links(lines[i]);
            links.extend(found);
            text
        })
        .collect();
    let refs: Vec<&str> = cleaned.iter().map(String::as_str).collect();
    // Lists of people, attachments and committees are read line by line;
    // joining them into paragraphs would run two names together.
    let text = match heading.kind {
        SectionKind::Fravaerende | SectionKind::Bilag | SectionKind::Sagsgang => {
            layout::lines(&refs)
        }
        _ => layout::paragraphs(&refs),
    };
    let last = body
        .iter()
        .rev()
        .find(|&&i| !blank(lines[i]))
        .copied()
        .unwrap_or(start);
    for l in links {
        if !item.links.contains(&l) {
            item.links.push(l);
        }
    }
    match heading.kind {
        SectionKind::Sagsgang => item.sagsgang.extend(fields::sagsgang(&refs)),
        SectionKind::Indstilling => item.indstilling = Some(fields::indstilling(&refs, &text)),
        SectionKind::Fravaerende => item.fravaerende.extend(fields::fravaerende(&refs)),
        SectionKind::Bilag => item.bilag.extend(fields::bilag(&refs)),
        SectionKind::Beslutning => {
            let (body, date) = sections::beslutning_parts(&heading.text);
            item.beslutning.push(crate::model::Beslutning {
                body,
                date,
                text: text.clone(),
                points: fields::beslutning_points(&refs),
            });
        }
        _ => {}
    }
    item.lines[1] = last as u32 + 1;
    item.sections.push(Section {
        kind: heading.kind,
        heading: heading.text,
        text,
        lines: span(start, last),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_dates_in_their_shapes() {
        assert_eq!(
            sections::parse_date("Dato: 24-04-2024").as_deref(),
            Some("2024-04-24")
        );
        assert_eq!(
            sections::parse_date("Mødedato: 24.04.2024").as_deref(),
            Some("2024-04-24")
        );
        assert_eq!(
            sections::parse_date("Onsdag den 24. april 2024 kl. 13.00").as_deref(),
            Some("2024-04-24")
        );
        assert_eq!(sections::parse_date("Side 2 af 6"), None);
        assert_eq!(sections::parse_date("31-02-2024"), None);
        assert_eq!(
            sections::parse_date("Dato: 12-O3-2024").as_deref(),
            Some("2024-03-12")
        );
    }
}
