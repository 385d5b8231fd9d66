//! Fits `JOINT_ZIPF` (src/repair/mod.rs): how much likelier a compound is
//! than its parts are together. For every two-part compound the lexicon
//! lists and wordfreq ranks, the residual is the compound's Zipf frequency
//! minus the product of its parts' frequencies (as a Zipf value: the sum of
//! `zipf - 9` over the parts, plus 9). The lower quartile of the two-part
//! residuals is the constant: unlisted compounds are rarer than listed ones.
//!
//! `cargo run --release --example fit_compound_prior`

use fst::{Map, Streamer};
use referat::repair::{compounds, lexicon::Lexicon};

/// As in the repair: a part wordfreq does not rank counts as this.
const UNRANKED_PART_ZIPF: f64 = 2.0;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let lex = Lexicon::embedded();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corrections/lexicon/da.fst");
    let map = Map::new(std::fs::read(path)?)?;
    let mut keys = map.stream();
    let (mut two, mut more) = (Vec::new(), Vec::new());
    while let Some((key, _)) = keys.next() {
        let Ok(word) = std::str::from_utf8(key) else {
            continue;
        };
        let Some(entry) = lex.entry(word) else {
            continue;
        };
        if !entry.standalone || entry.proper || entry.zipf <= 0.0 {
            continue;
        }
        let Some(parts) = compounds::parts(lex, word).filter(|p| p.len() >= 2) else {
            continue;
        };
        let product: f64 = parts
            .iter()
            .map(|p| f64::from(lex.zipf(p)))
            .map(|z| if z > 0.0 { z } else { UNRANKED_PART_ZIPF })
            .map(|z| z - 9.0)
            .sum::<f64>()
            + 9.0;
        let residual = f64::from(entry.zipf) - product;
        if parts.len() == 2 {
            two.push(residual);
        } else {
            more.push(residual);
        }
    }
    for (name, mut residuals) in [("two parts", two), ("three or more", more)] {
        residuals.sort_by(f64::total_cmp);
        let q = |f: f64| residuals[((residuals.len() - 1) as f64 * f) as usize];
        println!(
            "{name}: {} compounds; residual quartiles {:.2} / {:.2} / {:.2}",
            residuals.len(),
            q(0.25),
            q(0.5),
            q(0.75)
        );
    }
    Ok(())
}
