//! Word ids by packed key, for counting one page's words. The table is asked once for
//! every word of every page (about a million times at 1,000 pages); a general hash map's
//! probing cost several times what this open-addressing table does.

/// Ids by nonzero `u128` key (a packed word: its first byte is a letter, never 0):
/// linear probing in a power-of-two table kept at most half full.
pub(super) struct PackedIds {
    /// 0 marks an empty slot.
    keys: Vec<u128>,
    ids: Vec<u32>,
    len: usize,
    /// 64 less the table's size in bits: the hash's top bits pick the slot.
    shift: u32,
}

impl PackedIds {
    /// A table that holds about `n` keys before it grows.
    pub(super) fn with_capacity(n: usize) -> Self {
        Self::sized((n.max(8) * 2).next_power_of_two())
    }

    fn sized(cap: usize) -> Self {
        PackedIds {
            keys: vec![0; cap],
            ids: vec![0; cap],
            len: 0,
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

    /// The id of `key` (not 0), made by `make` when the key is new.
    #[inline]
    pub(super) fn get_or_insert(&mut self, key: u128, make: impl FnOnce() -> u32) -> u32 {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return self.ids[i];
            }
            if k == 0 {
                break;
            }
            i = (i + 1) & mask;
        }
        let id = make();
        self.keys[i] = key;
        self.ids[i] = id;
        self.len += 1;
        if self.len * 2 > self.keys.len() {
            self.grow();
        }
        id
    }

    /// Twice the slots, every key put again.
    fn grow(&mut self) {
        let old = std::mem::replace(self, Self::sized(self.keys.len() * 2));
        let mask = self.keys.len() - 1;
        for (key, id) in old.keys.into_iter().zip(old.ids) {
            if key != 0 {
                let mut i = self.slot(key);
                while self.keys[i] != 0 {
                    i = (i + 1) & mask;
                }
                self.keys[i] = key;
                self.ids[i] = id;
            }
        }
        self.len = old.len;
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
        let mut made = 0;
        for round in 0..2 {
            for n in 0..5000u128 {
                let id = t.get_or_insert(key(n), || {
                    made += 1;
                    made - 1
                });
                assert_eq!(id, n as u32, "round {round}, key {n}");
            }
        }
        assert_eq!(made, 5000);
    }
}
