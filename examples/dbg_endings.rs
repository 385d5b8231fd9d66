use referat::repair::lexicon::Lexicon;
use std::collections::HashMap;
fn main() {
    let lex = Lexicon::embedded();
    let mut ends: HashMap<String, (u32, u32)> = HashMap::new();
    lex.for_each_entry(|key, e| {
        let chars: Vec<char> = key.chars().collect();
        if chars.len() < 5 || !key.chars().all(char::is_alphabetic) {
            return;
        }
        let name = e.proper && !e.lower_case;
        for k in 1..=3 {
            let end: String = chars[chars.len() - k..].iter().collect();
            let c = ends.entry(end).or_default();
            if name {
                c.0 += 1
            } else {
                c.1 += 1
            }
        }
    });
    for w in std::env::args().skip(1) {
        let c = ends.get(&w).copied().unwrap_or_default();
        println!("{w}: names {} common {}", c.0, c.1);
    }
}
