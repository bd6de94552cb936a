//! Word ids by packed key, for counting one page's words. The table is asked once for
//! every word of every page (about a million times at 1,000 pages); a general hash map's
//! probing cost several times what this open-addressing table does.

/// Ids by `u128` key (a packed word), given in order from 0: linear probing in a
/// power-of-two table of ids, kept at most half full, the keys in a list by id. Four
/// bytes a slot: the table is made afresh for every page, and zeroing slots that held
/// the keys themselves cost more than the lookups saved.
pub(super) struct PackedIds {
    /// Each slot's id, or [`EMPTY`].
    slots: Vec<u32>,
    /// Each id's key.
    keys: Vec<u128>,
    /// 64 less the table's size in bits: the hash's top bits pick the slot.
    shift: u32,
}

/// An empty slot.
const EMPTY: u32 = u32::MAX;

impl PackedIds {
    /// A table that holds about `n` keys before it grows.
    pub(super) fn with_capacity(n: usize) -> Self {
        let cap = (n.max(8) * 2).next_power_of_two();
        PackedIds {
            slots: vec![EMPTY; cap],
            keys: Vec::with_capacity(n),
            shift: 64 - cap.trailing_zeros(),
        }
    }

    /// The first slot to look at for `key`: a multiplicative hash of its two halves.
    #[inline]
    fn slot(&self, key: u128) -> usize {
        let h = ((key as u64) ^ ((key >> 64) as u64).rotate_left(29))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> self.shift) as usize
    }

    /// The id of `key`: the number of keys before it when it is new. Always inlined: with
    /// three callers the compiler made it a call, about a million a build at 1,000 pages.
    #[inline(always)]
    pub(super) fn get_or_insert(&mut self, key: u128) -> u32 {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let id = self.slots[i];
            if id == EMPTY {
                break;
            }
            if self.keys[id as usize] == key {
                return id;
            }
            i = (i + 1) & mask;
        }
        let id = self.keys.len() as u32;
        self.slots[i] = id;
        self.keys.push(key);
        if self.keys.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    /// Twice the slots, every id put again.
    fn grow(&mut self) {
        let cap = self.slots.len() * 2;
        self.slots = vec![EMPTY; cap];
        self.shift = 64 - cap.trailing_zeros();
        for (id, &key) in self.keys.iter().enumerate() {
            let mut i = self.slot(key);
            while self.slots[i] != EMPTY {
                i = (i + 1) & (cap - 1);
            }
            self.slots[i] = id as u32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_keeps_the_id_it_was_given_across_growth() {
        // Few slots to start, so the table grows many times; keys that share halves.
        let mut t = PackedIds::with_capacity(1);
        let key = |n: u128| (n % 977 + 1) | ((n / 977) << 64) | (n << 100);
        for round in 0..2 {
            for n in 0..5000u128 {
                assert_eq!(t.get_or_insert(key(n)), n as u32, "round {round}, key {n}");
            }
        }
        assert_eq!(t.keys.len(), 5000);
    }
}
