//! Stage 3: text to tokens.
//!
//! The repair stage only ever looks at [`Kind::Word`] tokens, so this module's
//! first job is to recognise everything that must never be "corrected" before
//! anything else sees it: URLs, e-mail addresses, case numbers (`23/7776`) and
//! journal references (`94029/23`), numbers, dates (`12-09-2023`, `27.04.23`),
//! times, file names, all-caps abbreviations (`OMU`, `BUPL`, `KL`), dotted
//! abbreviations (`bl.a.`) and mixed letter-digit tokens (`§17`, `A4`).
//!
//! Its second job is the opposite: OCR junk inside a word (`malsa@tninger`,
//! `P&`, `omréadet`, `m0de`) must not split the word, so the repair stage sees
//! the damaged word whole.
//!
//! Every token carries its byte span, so the repaired text is built by
//! replacing exactly those bytes and the layout stays as it was, and its
//! 1-based line and character column, which the audit trail reports. The
//! scanner is a single pass over the characters with no regular expressions.

/// What a token is. Only `Word` is ever repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Letters, possibly with OCR junk inside (`fzelles`, `P&`, `m0de`).
    Word,
    /// All capitals (`OMU`, `BUPL`), a single capital (`H`, party letters),
    /// or a dotted abbreviation (`bl.a`, `f.eks`).
    Abbreviation,
    Url,
    Email,
    /// `23/7776` (case number) or `94029/23` (journal reference).
    CaseNumber,
    /// `12-09-2023`, `27.04.23`.
    Date,
    /// `15.00`, `15:00`, `15.00-15.45`.
    Time,
    /// `2022`, `4,5`, `3-5`, `1.`.
    Number,
    /// `strategi.pdf`, or just the `.pdf` after a plain word.
    FileName,
    /// Letters and digits mixed (`§17`, `A4`, `2.0-version`).
    Mixed,
    /// Anything else that is not whitespace.
    Punct,
}

/// One token: its kind, byte span in the text, and where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// Characters OCR puts inside words in place of letters; they do not split a
/// word (`malsa@tninger`, `P&`).
fn is_junk(c: char) -> bool {
    matches!(c, '@' | '&' | '|')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_junk(c)
}

/// Characters that always end a segment inside a whitespace-separated chunk.
fn is_hard_separator(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{201e}'
            | '\u{ab}'
            | '\u{bb}'
            | ';'
            | '!'
            | '?'
            | '*'
            | '\u{2013}'
            | '\u{2014}'
    )
}

const FILE_EXTENSIONS: &[&str] = &[
    ".pdf", ".docx", ".doc", ".xlsx", ".xls", ".txt", ".pptx", ".odt", ".jpg", ".png", ".zip",
];

/// Splits `text` into tokens, in order. Whitespace is not a token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut line = 1u32;
    let mut column = 1u32;
    let mut chunk: Option<(usize, u32)> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some((start, col)) = chunk.take() {
                chunk_tokens(text, start, i, line, col, &mut tokens);
            }
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        } else {
            if chunk.is_none() {
                chunk = Some((i, column));
            }
            column += 1;
        }
    }
    if let Some((start, col)) = chunk {
        chunk_tokens(text, start, text.len(), line, col, &mut tokens);
    }
    tokens
}

/// Collects the tokens of one whitespace-free chunk; all offsets absolute.
struct Chunk<'a> {
    text: &'a str,
    start: usize,
    line: u32,
    column: u32,
    out: &'a mut Vec<Token>,
}

impl Chunk<'_> {
    fn emit(&mut self, kind: Kind, s: usize, e: usize) {
        if s < e {
            let column = self.column + self.text[self.start..s].chars().count() as u32;
            self.out.push(Token {
                kind,
                start: s,
                end: e,
                line: self.line,
                column,
            });
        }
    }
}

/// Pushes the tokens of one whitespace-free chunk `text[start..end]`.
fn chunk_tokens(
    text: &str,
    start: usize,
    end: usize,
    line: u32,
    column: u32,
    out: &mut Vec<Token>,
) {
    let mut chunk = Chunk {
        text,
        start,
        line,
        column,
        out,
    };
    match plain_word(&text[start..end]) {
        Some((kind, letters)) => {
            chunk.emit(kind, start, start + letters);
            chunk.emit(Kind::Punct, start + letters, end);
        }
        None => any_chunk_tokens(&mut chunk, start, end),
    }
}

/// The kind and length of the word of a chunk that is letters only, or
/// letters and one mark after them that ends a segment or a core
/// ([`PLAIN_MARKS`]: `word,`, `word.`), as [`any_chunk_tokens`] would find
/// it: a word or an abbreviation, then the mark (no URL, separator,
/// number or hyphen to find in it). Most chunks are one, and this is a
/// fraction of the cost of the steps for any chunk.
fn plain_word(s: &str) -> Option<(Kind, usize)> {
    let letters = s.strip_suffix(PLAIN_MARKS).unwrap_or(s);
    // (`www.` alone begins a URL, which the steps for any chunk keep.)
    if letters.is_empty()
        || !letters.chars().all(char::is_alphabetic)
        || starts_with_ignore_case(s, "www.")
    {
        return None;
    }
    let kind = if is_abbreviation(letters) {
        Kind::Abbreviation
    } else {
        Kind::Word
    };
    Some((kind, letters.len()))
}

/// Marks that, after letters, are a token of their own: separators (`,`
/// and `:` after a letter, `;`, `!`, `?`, `)`) and a full stop, which is
/// trailing punctuation.
const PLAIN_MARKS: [char; 7] = [',', '.', ':', ';', '!', '?', ')'];

/// Pushes the tokens of any whitespace-free chunk `text[start..end]`.
fn any_chunk_tokens(chunk: &mut Chunk, start: usize, end: usize) {
    let text = chunk.text;
    let s = &text[start..end];

    // URLs keep everything up to trailing sentence punctuation.
    let lead = s.len() - s.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let body = &s[lead..];
    if starts_with_ignore_case(body, "http://")
        || starts_with_ignore_case(body, "https://")
        || starts_with_ignore_case(body, "www.")
    {
        let url_len = body
            .trim_end_matches(['.', ',', ';', ':', ')', '"', '\u{201d}'])
            .len();
        chunk.emit(Kind::Punct, start, start + lead);
        chunk.emit(Kind::Url, start + lead, start + lead + url_len);
        chunk.emit(Kind::Punct, start + lead + url_len, end);
        return;
    }

    // Split at hard separators (and at `,` / `:` not between digits), then
    // classify each segment.
    let bytes = text.as_bytes();
    let mut seg_start = start;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let i = start + i;
        let next = iter.peek().map(|&(_, n)| n);
        let between_digits =
            i > start && bytes[i - 1].is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
        if is_hard_separator(c) || (matches!(c, ',' | ':') && !between_digits) {
            segment_tokens(chunk, seg_start, i);
            chunk.emit(Kind::Punct, i, i + c.len_utf8());
            seg_start = i + c.len_utf8();
        }
    }
    segment_tokens(chunk, seg_start, end);
}

/// A segment: leading punctuation, a core, trailing punctuation.
fn segment_tokens(chunk: &mut Chunk, s: usize, e: usize) {
    if s >= e {
        return;
    }
    let seg = &chunk.text[s..e];
    let lead = seg.len() - seg.trim_start_matches(|c: char| !is_word_char(c)).len();
    // Trailing punctuation, but junk glued to a letter stays (`P&`).
    let mut core_end = seg.len();
    for (i, c) in seg.char_indices().rev() {
        if i < lead || c.is_alphanumeric() {
            break;
        }
        if is_junk(c)
            && seg[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        {
            break;
        }
        core_end = i;
    }
    if lead >= core_end {
        chunk.emit(Kind::Punct, s, e);
        return;
    }
    chunk.emit(Kind::Punct, s, s + lead);
    core_tokens(chunk, s + lead, s + core_end);
    chunk.emit(Kind::Punct, s + core_end, e);
}

/// A core starts and ends with a word character.
fn core_tokens(chunk: &mut Chunk, s: usize, e: usize) {
    let core = &chunk.text[s..e];
    if let Some(at) = core.find('@') {
        let domain = &core[at + 1..];
        if at > 0 && domain.contains('.') && !domain.ends_with('.') {
            chunk.emit(Kind::Email, s, e);
            return;
        }
    }
    if let Some(ext) = file_extension(core) {
        let stem = &core[..core.len() - ext];
        if !stem.is_empty() && stem.chars().all(char::is_alphabetic) {
            // `Socialområdet.pdf` in a Bilag title: the word is a word.
            chunk.emit(Kind::Word, s, s + stem.len());
            chunk.emit(Kind::FileName, s + stem.len(), e);
        } else {
            chunk.emit(Kind::FileName, s, e);
        }
        return;
    }
    let mut letters = 0usize;
    let mut digits = 0usize;
    let mut ocr_digits = 0usize;
    for c in core.chars() {
        if c.is_alphabetic() {
            letters += 1;
        } else if c.is_ascii_digit() {
            digits += 1;
            if matches!(c, '0' | '1') {
                ocr_digits += 1;
            }
        }
    }
    if digits > 0 && letters > 0 {
        // `15-årige`, `2000-område`, `A4-ark`: a number and a word joined by a
        // hyphen are two tokens, so the word can be repaired.
        if let Some(h) = core.find('-') {
            let (left, right) = (&core[..h], &core[h + 1..]);
            let alpha = |p: &str| !p.is_empty() && p.chars().all(char::is_alphabetic);
            let has_digit = |p: &str| p.bytes().any(|b| b.is_ascii_digit());
            if has_digit(left) && alpha(right) {
                core_tokens(chunk, s, s + h);
                chunk.emit(Kind::Punct, s + h, s + h + 1);
                core_tokens(chunk, s + h + 1, e);
                return;
            }
        }
    }
    if digits > 0 {
        let kind = if letters == 0 {
            numeric_kind(core)
        } else if letters >= 3 && digits == 1 && ocr_digits == 1 && is_plain_word(core) {
            // `m0de`, `0konomi`: a digit OCR put in place of a letter.
            Kind::Word
        } else {
            Kind::Mixed
        };
        chunk.emit(kind, s, e);
        return;
    }
    if core.contains('.') {
        chunk.emit(Kind::Abbreviation, s, e);
        return;
    }
    // Hyphens and slashes join words that are repaired one by one
    // (`MED-systemet`, `politikker/strategier`).
    let mut part_start = s;
    for (i, c) in core.char_indices() {
        if matches!(c, '-' | '/' | '\u{2010}' | '\u{2011}') {
            word_token(chunk, part_start, s + i);
            chunk.emit(Kind::Punct, s + i, s + i + c.len_utf8());
            part_start = s + i + c.len_utf8();
        }
    }
    word_token(chunk, part_start, e);
}

fn word_token(chunk: &mut Chunk, s: usize, e: usize) {
    let word = &chunk.text[s..e];
    let lead = word.len() - word.trim_start_matches(|c: char| !is_word_char(c)).len();
    let trimmed = word[lead..].trim_end_matches(|c: char| !is_word_char(c));
    if trimmed.is_empty() {
        chunk.emit(Kind::Punct, s, e);
        return;
    }
    let (ws, we) = (s + lead, s + lead + trimmed.len());
    chunk.emit(Kind::Punct, s, ws);
    let kind = if is_abbreviation(trimmed) {
        Kind::Abbreviation
    } else {
        Kind::Word
    };
    chunk.emit(kind, ws, we);
    chunk.emit(Kind::Punct, we, e);
}

/// `OMU`, `BUPL`, `KL`, or a single capital (`H`, a party letter).
fn is_abbreviation(word: &str) -> bool {
    let mut upper = 0;
    for c in word.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_alphabetic() || !is_junk(c) {
            return false;
        }
    }
    upper >= 1 && (upper >= 2 || word.chars().count() == 1)
}

/// Letters with at most one junk character or OCR digit inside.
fn is_plain_word(core: &str) -> bool {
    core.chars()
        .all(|c| c.is_alphabetic() || is_junk(c) || c.is_ascii_digit())
}

fn numeric_kind(core: &str) -> Kind {
    let b = core.as_bytes();
    let groups: Vec<&[u8]> = b
        .split(|c| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let seps: Vec<u8> = b.iter().copied().filter(|c| !c.is_ascii_digit()).collect();
    match (groups.len(), seps.as_slice()) {
        (2, [b'/']) => Kind::CaseNumber,
        (3, [s1, s2]) if s1 == s2 && matches!(s1, b'-' | b'.') && groups[0].len() <= 2 => {
            Kind::Date
        }
        (2, [b':']) if groups[1].len() == 2 => Kind::Time,
        (2, [b'.']) if groups[0].len() <= 2 && groups[1].len() == 2 && is_clock(groups) => {
            Kind::Time
        }
        (4, [b'.' | b':', b'-', b'.' | b':']) => Kind::Time,
        _ => Kind::Number,
    }
}

fn is_clock(groups: Vec<&[u8]>) -> bool {
    let n = |g: &[u8]| g.iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
    n(groups[0]) < 24 && n(groups[1]) < 60
}

/// Length of a known file extension ending `core`, if any.
fn file_extension(core: &str) -> Option<usize> {
    let b = core.as_bytes();
    FILE_EXTENSIONS
        .iter()
        .find(|ext| {
            b.len() > ext.len() && b[b.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes())
        })
        .map(|ext| ext.len())
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.kind, t.text(text)))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(text))
            .collect()
    }

    /// A chunk of letters, perhaps with a mark after them, is tokenised
    /// as the steps for any chunk tokenise it: over the chunks of the
    /// training minutes, clean and damaged, letters beyond Danish's, and
    /// marks alone.
    #[test]
    fn plain_words_are_tokens_as_any_chunk_would_be() {
        let dir = format!("{}/corrections/training", env!("CARGO_MANIFEST_DIR"));
        let mut text: String = std::fs::read_dir(dir)
            .expect("training minutes")
            .map(|entry| std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default())
            .collect();
        text += &crate::eval::corrupt(&text, 7);
        text += " ØU Å å H. ß ǅungla ªb, Ωmega! ﬁnal) İzmir: x\u{301} . , ) A; bl. www. WWW. Www, ";
        let tokens_of = |word: &str, any: bool| {
            let mut out = Vec::new();
            if any {
                let mut chunk = Chunk {
                    text: word,
                    start: 0,
                    line: 1,
                    column: 1,
                    out: &mut out,
                };
                any_chunk_tokens(&mut chunk, 0, word.len());
            } else {
                chunk_tokens(word, 0, word.len(), 1, 1, &mut out);
            }
            out
        };
        let mut plain = 0;
        for word in text.split_whitespace() {
            plain += usize::from(plain_word(word).is_some());
            assert_eq!(tokens_of(word, false), tokens_of(word, true), "{word}");
        }
        assert!(plain > 10_000, "{plain}");
    }

    #[test]
    fn damaged_words_stay_whole() {
        assert_eq!(
            words("strategiens malsa@tninger omréadet P& m0de"),
            ["strategiens", "malsa@tninger", "omréadet", "P&", "m0de"]
        );
    }

    #[test]
    fn protected_kinds_are_recognised() {
        use Kind::*;
        assert_eq!(kinds("23/7776"), [(CaseNumber, "23/7776")]);
        assert_eq!(
            kinds("(94029/23)"),
            [(Punct, "("), (CaseNumber, "94029/23"), (Punct, ")")]
        );
        assert_eq!(kinds("12-09-2023"), [(Date, "12-09-2023")]);
        assert_eq!(kinds("27.04.23.pdf"), [(FileName, "27.04.23.pdf")]);
        assert_eq!(kinds("27.04.23"), [(Date, "27.04.23")]);
        assert_eq!(kinds("15.00-15.45."), [(Time, "15.00-15.45"), (Punct, ".")]);
        assert_eq!(kinds("15:00"), [(Time, "15:00")]);
        assert_eq!(kinds("4,5"), [(Number, "4,5")]);
        assert_eq!(kinds("2023-2024"), [(Number, "2023-2024")]);
        assert_eq!(kinds("OMU"), [(Abbreviation, "OMU")]);
        assert_eq!(kinds("bl.a."), [(Abbreviation, "bl.a"), (Punct, ".")]);
        assert_eq!(
            kinds("A4-ark"),
            [(Mixed, "A4"), (Punct, "-"), (Word, "ark")]
        );
        assert_eq!(
            kinds("15-arige"),
            [(Number, "15"), (Punct, "-"), (Word, "arige")]
        );
        assert_eq!(kinds("2022-23"), [(Number, "2022-23")]);
        assert_eq!(
            kinds("a.b@norddjurs.dk,"),
            [(Email, "a.b@norddjurs.dk"), (Punct, ",")]
        );
        assert_eq!(
            kinds("https://norddjurs.dk/Media/6378/Forslag-til_endelig.pdf"),
            [(
                Url,
                "https://norddjurs.dk/Media/6378/Forslag-til_endelig.pdf"
            )]
        );
        assert_eq!(
            kinds("Socialomradet.pdf"),
            [(Word, "Socialomradet"), (FileName, ".pdf")]
        );
    }

    #[test]
    fn hyphens_brackets_and_slashes_split_words() {
        use Kind::*;
        assert_eq!(
            kinds("MED-systemet"),
            [(Abbreviation, "MED"), (Punct, "-"), (Word, "systemet")]
        );
        assert_eq!(kinds("Borne-"), [(Word, "Borne"), (Punct, "-")]);
        assert_eq!(
            kinds("Brandt(aftaleholder)"),
            [
                (Word, "Brandt"),
                (Punct, "("),
                (Word, "aftaleholder"),
                (Punct, ")")
            ]
        );
        assert_eq!(
            kinds("Socialomradet/"),
            [(Word, "Socialomradet"), (Punct, "/")]
        );
        assert_eq!(kinds("“der"), [(Punct, "“"), (Word, "der")]);
        assert_eq!(kinds("Fravarende:"), [(Word, "Fravarende"), (Punct, ":")]);
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "Åben Sag\n  på Socialområdet.";
        let toks = tokenize(text);
        let pos: Vec<(u32, u32, &str)> = toks
            .iter()
            .map(|t| (t.line, t.column, t.text(text)))
            .collect();
        assert_eq!(
            pos,
            [
                (1, 1, "Åben"),
                (1, 6, "Sag"),
                (2, 3, "på"),
                (2, 6, "Socialområdet"),
                (2, 19, ".")
            ]
        );
    }
}
