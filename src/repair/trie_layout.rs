//! Lays the lexicon's fst out flat, as the bytes the lexicon's trie walks:
//! `corrections/lexicon/da.trie` is `corrections/lexicon/da.fst` laid out
//! so (derived data, checked in, see `examples/derive_trie.rs`), and the
//! empty lexicon is laid out at run time.
//!
//! The bytes, all numbers little-endian `u32`: the number of state entries
//! (one more than states), of transitions and of wide states; then per
//! state entry where its transitions begin and its final output (or
//! [`NOT_FINAL`]); per transition its input byte; per transition the state
//! it leads to and its output; per wide state a table of 256 bytes.

use fst::raw::Fst;

/// No value reaches it (the lexicon's `pack` leaves bits 13 to 15 clear).
pub const NOT_FINAL: u32 = u32::MAX;

/// States with this many transitions or more have a wide table; below it a
/// scan of a few bytes is as quick.
const WIDE: usize = 9;

/// While [`lay_out`] walks the fst: a state not reached yet, one reached
/// and not laid out yet, and the mark of a narrow state's number.
const UNSEEN: u32 = u32::MAX;
const QUEUED: u32 = u32::MAX - 1;
const NARROW: u32 = 1 << 31;

/// One kind of state as [`lay_out`] lays it out.
#[derive(Default)]
struct Layout {
    states: Vec<(u32, u32)>,
    inputs: Vec<u8>,
    moves: Vec<(u32, u32)>,
}

/// Lays `fst` out flat: the wide states first, then the others, each in
/// breadth-first order from the root (state 0). One walk lays out both
/// kinds, each apart, with the moves' targets as fst addresses until every
/// state has its number.
pub fn lay_out<D: AsRef<[u8]>>(fst: &Fst<D>) -> Vec<u8> {
    let output32 = |out: fst::raw::Output| {
        // `pack` puts every value below 2^32, and an output is a part
        // of one: the checked-in fst is tested, so this is a build
        // defect, not a run-time condition.
        u32::try_from(out.value()).expect("da.fst outputs fit in 32 bits")
    };
    // A state's number among its kind by its address in the fst
    // ([`NARROW`] marking the others), or [`UNSEEN`], or [`QUEUED`].
    let mut ids = vec![UNSEEN; fst.as_bytes().len() + 1];
    let root = fst.root().addr();
    ids[root] = QUEUED;
    let mut order = vec![root];
    let (mut wide, mut narrow) = (Layout::default(), Layout::default());
    let mut tables = Vec::new();
    let mut transitions = Vec::new();
    let mut at = 0;
    while let Some(&addr) = order.get(at) {
        at += 1;
        let node = fst.node(addr);
        let last = if node.is_final() {
            let last = output32(node.final_output());
            assert_ne!(last, NOT_FINAL, "da.fst values leave bits 13 to 15 clear");
            last
        } else {
            NOT_FINAL
        };
        transitions.clear();
        transitions.extend(node.transitions());
        transitions.sort_unstable_by_key(|t| t.inp);
        // (A table holds a place plus one in a byte: 255 transitions
        // at most, which no state of the lexicon nears.)
        let is_wide = addr == root || (WIDE..=255).contains(&transitions.len());
        let layout = if is_wide {
            let mut table = [0u8; 256];
            for (place, t) in transitions.iter().enumerate() {
                table[usize::from(t.inp)] = place as u8 + 1;
            }
            tables.push(table);
            ids[addr] = wide.states.len() as u32;
            &mut wide
        } else {
            ids[addr] = narrow.states.len() as u32 | NARROW;
            &mut narrow
        };
        layout.states.push((layout.inputs.len() as u32, last));
        for t in &transitions {
            if ids[t.addr] == UNSEEN {
                ids[t.addr] = QUEUED;
                order.push(t.addr);
            }
            layout.inputs.push(t.inp);
            let target = u32::try_from(t.addr).expect("da.fst is below 4 GB");
            layout.moves.push((target, output32(t.out)));
        }
    }
    let wide_count = wide.states.len() as u32;
    let number = |addr: u32| match ids[addr as usize] {
        id if id & NARROW != 0 => wide_count + (id & !NARROW),
        id => id,
    };
    let skip = wide.inputs.len() as u32;
    let transitions = wide.inputs.len() + narrow.inputs.len();
    let entries = wide.states.len() + narrow.states.len() + 1;
    let mut bytes = Vec::with_capacity(12 + entries * 8 + transitions * 9 + tables.len() * 256);
    let mut put = |n: u32| bytes.extend_from_slice(&n.to_le_bytes());
    put(entries as u32);
    put(transitions as u32);
    put(wide_count);
    let narrow_states = narrow.states.iter().map(|&(lo, last)| (lo + skip, last));
    for (lo, last) in wide.states.iter().copied().chain(narrow_states) {
        put(lo);
        put(last);
    }
    put(transitions as u32);
    put(NOT_FINAL);
    bytes.extend_from_slice(&wide.inputs);
    bytes.extend_from_slice(&narrow.inputs);
    for layout in [&wide, &narrow] {
        for &(target, output) in &layout.moves {
            bytes.extend_from_slice(&number(target).to_le_bytes());
            bytes.extend_from_slice(&output.to_le_bytes());
        }
    }
    for table in &tables {
        bytes.extend_from_slice(table);
    }
    bytes
}
