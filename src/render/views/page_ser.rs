//! Serialisation of [`PageSummary`] and [`PageView`] by hand. A page view is the summary's
//! fields followed by its own; with `#[serde(flatten)]` serde writes such a struct as a map
//! of unknown size, and tera then builds it key by key: an owned string per key and a
//! table grown from empty, for every page of the site. As a struct of known length the
//! keys stay static and the table is sized once. The output is the same map, in the same
//! order. Each impl takes its struct apart without `..`, so a field added to either struct
//! does not compile until it is serialised here.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::{PageSummary, PageView};

impl PageSummary<'_> {
    /// How many fields [`PageSummary::serialize_fields`] writes.
    const FIELDS: usize = 18;

    /// Writes the summary's fields into a struct being serialised.
    fn serialize_fields<S: SerializeStruct>(&self, out: &mut S) -> Result<(), S::Error> {
        let PageSummary {
            title,
            url,
            permalink,
            kind,
            date,
            time,
            updated,
            description,
            summary,
            image,
            tags,
            fields,
            number,
            authority,
            code,
            field,
            online,
            online_class,
        } = self;
        out.serialize_field("title", title)?;
        out.serialize_field("url", url)?;
        out.serialize_field("permalink", permalink)?;
        out.serialize_field("kind", kind)?;
        out.serialize_field("date", date)?;
        out.serialize_field("time", time)?;
        out.serialize_field("updated", updated)?;
        out.serialize_field("description", description)?;
        out.serialize_field("summary", summary)?;
        out.serialize_field("image", image)?;
        out.serialize_field("tags", tags)?;
        out.serialize_field("fields", fields)?;
        out.serialize_field("number", number)?;
        out.serialize_field("authority", authority)?;
        out.serialize_field("code", code)?;
        out.serialize_field("field", field)?;
        out.serialize_field("online", online)?;
        out.serialize_field("online_class", online_class)
    }
}

impl Serialize for PageSummary<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("PageSummary", Self::FIELDS)?;
        self.serialize_fields(&mut out)?;
        out.end()
    }
}

impl Serialize for PageView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let PageView {
            summary,
            path,
            content,
            toc,
            word_count,
            reading_time,
            author,
            source,
            section,
            newer,
            older,
            files,
            plan,
            procedure,
            question,
            event,
            survey,
            bulletin,
            cited_by,
            cited_count,
            cited_list,
            json_ld,
            extra,
            authority_lines,
            parent_authority,
        } = self;
        let mut out = serializer.serialize_struct("PageView", PageSummary::FIELDS + 23)?;
        summary.serialize_fields(&mut out)?;
        out.serialize_field("path", path)?;
        out.serialize_field("content", content)?;
        out.serialize_field("toc", toc)?;
        out.serialize_field("word_count", word_count)?;
        out.serialize_field("reading_time", reading_time)?;
        out.serialize_field("author", author)?;
        out.serialize_field("source", source)?;
        out.serialize_field("section", section)?;
        out.serialize_field("newer", newer)?;
        out.serialize_field("older", older)?;
        out.serialize_field("files", files)?;
        out.serialize_field("plan", plan)?;
        out.serialize_field("procedure", procedure)?;
        out.serialize_field("question", question)?;
        out.serialize_field("event", event)?;
        out.serialize_field("survey", survey)?;
        out.serialize_field("bulletin", bulletin)?;
        out.serialize_field("cited_by", cited_by)?;
        out.serialize_field("cited_count", cited_count)?;
        out.serialize_field("cited_list", cited_list)?;
        out.serialize_field("json_ld", json_ld)?;
        out.serialize_field("extra", extra)?;
        out.serialize_field("authority_lines", authority_lines)?;
        out.serialize_field("parent_authority", parent_authority)?;
        out.end()
    }
}
