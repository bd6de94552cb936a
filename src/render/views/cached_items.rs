//! The list items a theme lays out once per page (`cached/item.html`, see
//! [`crate::render::jobs`]): each summary gets its item's HTML as `cached_item`.

use super::Views;

impl Views<'_> {
    /// Adds to every summary made by [`Views::new`] the HTML `render` makes of it, as
    /// `cached_item` (see [`crate::render::jobs`]'s `CACHED_ITEM`); a summary `render` gives
    /// nothing for stays as it is.
    pub fn add_cached_items(&mut self, render: &(dyn Fn(&tera::Value) -> Option<String> + Sync)) {
        use rayon::prelude::*;
        self.summaries.par_iter_mut().for_each(|s| {
            let (Some(map), Some(html)) = (s.as_map(), render(s)) else {
                return;
            };
            let mut map = map.clone();
            map.insert(
                tera::value::Key::Str("cached_item"),
                tera::Value::safe_string(&html),
            );
            *s = tera::Value::from(map);
        });
    }
}
