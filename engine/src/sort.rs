//! The one sort the app and engine use.
//!
//! Each `slice::sort_by` call with its own closure type compiles its own copy of the standard library's
//! stable sort, ≈ 3.5 KB of wasm each; with a sort per list page and per query that was ≈ 18 copies. These
//! functions sort a list of positions through a single non-generic comparator, so the standard sort is
//! compiled once, then move the items into that order.
use std::cmp::Ordering;

/// Stable sort of `items` by `compare` (equal items keep their order), like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// Stable sort of `items` by the key `key` gives each, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort of `items` in their natural order, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` ordered by `compare`: the only instantiation of the standard sort.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // (key, tag): the tag shows whether items with equal keys kept their order.
        let cases: [(&str, Vec<(u8, char)>); 6] = [
            ("empty", vec![]),
            ("one", vec![(1, 'a')]),
            ("sorted", vec![(1, 'a'), (2, 'b'), (3, 'c')]),
            ("reversed", vec![(3, 'a'), (2, 'b'), (1, 'c')]),
            ("equal keys keep their order", vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (2, 'e')]),
            ("all equal", vec![(7, 'a'), (7, 'b'), (7, 'c'), (7, 'd')]),
        ];
        for (name, items) in cases {
            let mut want = items.clone();
            want.sort_by_key(|(k, _)| *k);
            let mut got = items.clone();
            sort_by_key(&mut got, |(k, _)| *k);
            assert_eq!(got, want, "sort_by_key: {name}");

            let mut want = items.clone();
            want.sort_by_key(|b| std::cmp::Reverse(b.0));
            let mut got = items.clone();
            sort_by(&mut got, |a, b| b.0.cmp(&a.0));
            assert_eq!(got, want, "sort_by, descending: {name}");

            let mut want = items.clone();
            want.sort();
            let mut got = items;
            sort(&mut got);
            assert_eq!(got, want, "sort: {name}");
        }
    }
}
