/* bt-xliff-writer.c: the review as XLIFF 2.1 with the Metadata and ITS
 * modules; the shape is in data/xliff-profile.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bt-error.h"
#include "bt-review-io.h"
#include "bt-safe-write.h"
#include "bt-xliff-writer.h"

/* The file is written raw into one buffer that goes out in large
 * pieces: a review file is mostly small metas, and an XML writer's
 * bookkeeping per element would cost more than the bytes themselves. */
#define FLUSH_SIZE (256 * 1024)

typedef struct
{
  GString            *out;
  xmlOutputBufferPtr  sink;
  BtReview           *review;
  BtDocument         *source;
  BtDocument         *target;
  /* reviews repeat a few confidences and decision times */
  BtIoDoubleCache     doubles;
  gint64              time;
  char               *time_text;
} Writer;

static void
flush (Writer *self)
{
  xmlOutputBufferWrite (self->sink, (int) self->out->len, self->out->str);
  g_string_truncate (self->out, 0);
}

static void
maybe_flush (Writer *self)
{
  if (self->out->len >= FLUSH_SIZE)
    flush (self);
}

static void
put (Writer     *self,
     const char *text)
{
  g_string_append (self->out, text);
}

static void
indent (Writer *self,
        int     depth)
{
  static const char spaces[] = "\n                                ";

  g_string_append_len (self->out, spaces, 1 + MIN (depth, 16) * 2);
}

/* Text as xmlEncodeSpecialChars() escapes it; in attributes, white space
 * other than the space is escaped too, so that it survives normalization. */
static void
put_escaped (Writer     *self,
             const char *text,
             gsize       length,
             gboolean    attribute)
{
  const char *run = text;
  const char *end = text + length;

  for (const char *p = text; p < end; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\r': entity = "&#13;"; break;
        case '\n': entity = attribute ? "&#10;" : NULL; break;
        case '\t': entity = attribute ? "&#9;" : NULL; break;
        default: entity = NULL;
        }
      if (entity == NULL)
        continue;
      g_string_append_len (self->out, run, p - run);
      g_string_append (self->out, entity);
      run = p + 1;
    }
  g_string_append_len (self->out, run, end - run);
}

static void
text (Writer     *self,
      const char *value)
{
  put_escaped (self, value, strlen (value), FALSE);
}

static void
open_element (Writer     *self,
              int         depth,
              const char *name)
{
  indent (self, depth);
  g_string_append_c (self->out, '<');
  put (self, name);
}

static void
attribute (Writer     *self,
           const char *name,
           const char *value)
{
  g_string_append_c (self->out, ' ');
  put (self, name);
  put (self, "=\"");
  put_escaped (self, value, strlen (value), TRUE);
  g_string_append_c (self->out, '"');
}

/* name="oN" and the like */
static void
numbered_attribute (Writer     *self,
                    const char *name,
                    const char *prefix,
                    guint       number)
{
  char buffer[BT_IO_UINT_BUF_SIZE];

  g_string_append_c (self->out, ' ');
  put (self, name);
  put (self, "=\"");
  put (self, prefix);
  put (self, bt_io_format_uint (buffer, number));
  g_string_append_c (self->out, '"');
}

/* An end tag right after the element's text. */
static void
close_inline (Writer     *self,
              const char *name)
{
  put (self, "</");
  put (self, name);
  g_string_append_c (self->out, '>');
}

static void
close_element (Writer     *self,
               int         depth,
               const char *name)
{
  indent (self, depth);
  close_inline (self, name);
}

static void
meta_begin (Writer     *self,
            int         depth,
            const char *type)
{
  indent (self, depth);
  put (self, "<mda:meta type=\"");
  put (self, type);
  put (self, "\">");
}

static void
meta (Writer     *self,
      int         depth,
      const char *type,
      const char *value)
{
  if (value == NULL)
    return;
  meta_begin (self, depth, type);
  text (self, value);
  put (self, "</mda:meta>");
}

static void
meta_uint (Writer     *self,
           int         depth,
           const char *type,
           guint       value)
{
  char buffer[BT_IO_UINT_BUF_SIZE];

  meta (self, depth, type, bt_io_format_uint (buffer, value));
}

static const char *
format_double (Writer *self,
               double  value)
{
  return bt_io_format_double_cached (&self->doubles, value);
}

static const char *
format_time (Writer *self,
             gint64  time)
{
  if (time == 0)
    return NULL;
  if (self->time_text == NULL || self->time != time)
    {
      g_free (self->time_text);
      self->time_text = bt_io_format_time (time);
      self->time = time;
    }
  return self->time_text;
}

static void
meta_double (Writer     *self,
             int         depth,
             const char *type,
             double      value)
{
  meta (self, depth, type, format_double (self, value));
}

/* Decisions leave out the origin "auto" and the state "suggested". */
static void
meta_decision (Writer           *self,
               int               depth,
               BtOrigin          origin,
               double            confidence,
               BtState           state,
               const BtDecision *decision)
{
  if (origin != BT_ORIGIN_AUTO)
    meta (self, depth, "origin", bt_origin_to_string (origin));
  meta_double (self, depth, "confidence", confidence);
  if (state != BT_STATE_SUGGESTED)
    meta (self, depth, "state", bt_state_to_string (state));
  meta (self, depth, "decided-by", decision->by);
  meta (self, depth, "decided-at", format_time (self, decision->at));
}

static void
field (Writer     *self,
       gboolean   *first,
       const char *key,
       const char *value)
{
  if (value == NULL)
    return;
  if (!*first)
    g_string_append_c (self->out, ' ');
  *first = FALSE;
  put (self, key);
  g_string_append_c (self->out, '=');
  text (self, value);
}

/* A link or an addition in one meta: "confidence=0.9 state=accepted …",
 * the same fields and defaults as meta_decision(), decided-by last as
 * it may hold spaces. */
static void
meta_fields (Writer           *self,
             gboolean          first,
             BtOrigin          origin,
             double            confidence,
             BtState           state,
             const BtDecision *decision)
{
  if (origin != BT_ORIGIN_AUTO)
    field (self, &first, "origin", bt_origin_to_string (origin));
  field (self, &first, "confidence", format_double (self, confidence));
  if (state != BT_STATE_SUGGESTED)
    field (self, &first, "state", bt_state_to_string (state));
  field (self, &first, "decided-at", format_time (self, decision->at));
  field (self, &first, "decided-by", decision->by);
  put (self, "</mda:meta>");
}

static void
meta_spans (Writer            *self,
            int                depth,
            BtDocument        *document,
            const BtParagraph *paragraph)
{
  meta_begin (self, depth, "sentences");
  for (guint i = 0; i < paragraph->n_sentences; i++)
    {
      const BtSentence *s = bt_document_get_sentence (document, paragraph->first_sentence + i);
      char buffer[BT_IO_UINT_BUF_SIZE];

      if (i > 0)
        g_string_append_c (self->out, ' ');
      put (self, bt_io_format_uint (buffer, s->start));
      g_string_append_c (self->out, ' ');
      put (self, bt_io_format_uint (buffer, s->end));
    }
  put (self, "</mda:meta>");
}

static void
write_review_group (Writer *self)
{
  open_element (self, 3, "mda:metaGroup");
  attribute (self, "category", "bitext:review");
  put (self, ">");
  meta (self, 4, "profile", BT_XLIFF_PROFILE);
  meta (self, 4, "reviewer", bt_review_get_reviewer (self->review));
  meta_double (self, 4, "threshold", bt_review_get_threshold (self->review));
  meta (self, 4, "source-name", bt_document_get_name (self->source));
  meta (self, 4, "target-name", bt_document_get_name (self->target));
  close_element (self, 3, "mda:metaGroup");
}

static void
write_link (Writer       *self,
            const BtLink *link)
{
  char buffer[BT_IO_UINT_BUF_SIZE];

  meta_begin (self, 5, "link");
  put (self, "#/f=f1/u=p");
  put (self, bt_io_format_uint (buffer, link->paragraph + 1));
  meta_fields (self, FALSE, link->origin, link->confidence, link->state, &link->decision);
}

static int
compare_links (gconstpointer a,
               gconstpointer b,
               gpointer      review)
{
  const BtLink *x = bt_review_get_link (review, *(const guint *) a);
  const BtLink *y = bt_review_get_link (review, *(const guint *) b);

  return x->paragraph < y->paragraph ? -1 : x->paragraph > y->paragraph;
}

static void
write_sentence (Writer *self,
                guint   index)
{
  const BtSentence *sentence = bt_document_get_sentence (self->target, index);
  const BtAddition *addition = bt_review_find_addition (self->review, index);
  guint n_links = 0;
  const guint *links = bt_review_get_sentence_links (self->review, index, &n_links);
  guint sorted[8];
  g_autofree guint *many = n_links > G_N_ELEMENTS (sorted) ? g_new (guint, n_links) : NULL;
  guint *order = many != NULL ? many : sorted;
  char buffer[BT_IO_UINT_BUF_SIZE];

  open_element (self, 4, "mda:metaGroup");
  numbered_attribute (self, "id", "e", index + 1);
  attribute (self, "category", "bitext:target-sentence");
  put (self, ">");
  meta_begin (self, 5, "span");
  put (self, bt_io_format_uint (buffer, sentence->start));
  g_string_append_c (self->out, ' ');
  put (self, bt_io_format_uint (buffer, sentence->end));
  put (self, "</mda:meta>");

  if (n_links > 0)
    memcpy (order, links, n_links * sizeof (guint));
  g_qsort_with_data (order, (int) n_links, sizeof (guint), compare_links, self->review);
  for (guint i = 0; i < n_links; i++)
    write_link (self, bt_review_get_link (self->review, order[i]));
  if (addition != NULL)
    {
      meta_begin (self, 5, "addition");
      meta_fields (self, TRUE, addition->origin, addition->confidence, addition->state, &addition->decision);
    }
  close_element (self, 4, "mda:metaGroup");
}

static void
write_target_paragraph (Writer *self,
                        guint   index)
{
  const BtParagraph *paragraph = bt_document_get_paragraph (self->target, index);

  open_element (self, 3, "mda:metaGroup");
  numbered_attribute (self, "id", "tp", index + 1);
  attribute (self, "category", "bitext:target-paragraph");
  put (self, ">");
  meta (self, 4, "text", paragraph->text);
  if (paragraph->line > 0)
    meta_uint (self, 4, "line", paragraph->line);
  for (guint i = 0; i < paragraph->n_sentences; i++)
    write_sentence (self, paragraph->first_sentence + i);
  close_element (self, 3, "mda:metaGroup");
  maybe_flush (self);
}

static void
write_file_metadata (Writer *self)
{
  open_element (self, 2, "mda:metadata");
  attribute (self, "id", "bitext");
  put (self, ">");
  write_review_group (self);
  for (guint i = 0; i < bt_document_get_n_paragraphs (self->target); i++)
    write_target_paragraph (self, i);
  close_element (self, 2, "mda:metadata");
}

static void
write_omission_group (Writer           *self,
                      guint             number,
                      const BtOmission *omission)
{
  open_element (self, 4, "mda:metaGroup");
  numbered_attribute (self, "id", "o", number);
  attribute (self, "category", "bitext:omission");
  put (self, ">");
  meta_uint (self, 5, "start", omission->start);
  meta_uint (self, 5, "end", omission->end);
  meta (self, 5, "category", bt_category_to_string (omission->category));
  meta (self, 5, "severity", bt_severity_to_string (omission->severity));
  meta_decision (self, 5, omission->origin, omission->confidence,
                 omission->state, &omission->decision);
  if (omission->comment[0] != '\0')
    meta (self, 5, "comment", omission->comment);
  close_element (self, 4, "mda:metaGroup");
}

static void
write_unit_metadata (Writer *self,
                     guint   index,
                     GArray *omissions)
{
  const BtParagraph *paragraph = bt_document_get_paragraph (self->source, index);
  BtStatus status = bt_review_get_status (self->review, index);

  open_element (self, 3, "mda:metadata");
  put (self, ">");
  open_element (self, 4, "mda:metaGroup");
  attribute (self, "category", "bitext:paragraph");
  put (self, ">");
  meta_spans (self, 5, self->source, paragraph);
  if (status != BT_STATUS_UNREVIEWED)
    meta (self, 5, "status", bt_status_to_string (status));
  if (paragraph->line > 0)
    meta_uint (self, 5, "line", paragraph->line);
  close_element (self, 4, "mda:metaGroup");
  for (guint i = 0; i < omissions->len; i++)
    write_omission_group (self, i + 1,
                          bt_review_get_omission (self->review, g_array_index (omissions, guint, i)));
  close_element (self, 3, "mda:metadata");
}

static void
write_omission_note (Writer           *self,
                     guint             number,
                     const BtOmission *o)
{
  char buffer[BT_IO_UINT_BUF_SIZE];

  open_element (self, 4, "note");
  numbered_attribute (self, "id", "o", number);
  attribute (self, "category", "bitext:omission");
  attribute (self, "appliesTo", "source");
  put (self, ">Omission [");
  put (self, bt_io_format_uint (buffer, o->start));
  put (self, ", ");
  put (self, bt_io_format_uint (buffer, o->end));
  put (self, "): ");
  put (self, bt_category_to_string (o->category));
  put (self, ", ");
  put (self, bt_severity_to_string (o->severity));
  put (self, ", ");
  put (self, bt_state_to_string (o->state));
  if (o->comment[0] != '\0')
    {
      put (self, ": ");
      text (self, o->comment);
    }
  close_inline (self, "note");
}

static void
write_notes (Writer     *self,
             guint       index,
             GArray     *omissions)
{
  const char *note = bt_review_get_note (self->review, index);

  if (omissions->len == 0 && (note == NULL || note[0] == '\0'))
    return;
  open_element (self, 3, "notes");
  put (self, ">");
  for (guint i = 0; i < omissions->len; i++)
    write_omission_note (self, i + 1,
                         bt_review_get_omission (self->review, g_array_index (omissions, guint, i)));
  if (note != NULL && note[0] != '\0')
    {
      open_element (self, 4, "note");
      attribute (self, "category", "bitext:paragraph");
      put (self, ">");
      text (self, note);
      close_inline (self, "note");
    }
  close_element (self, 3, "notes");
}

typedef struct
{
  guint    number;   /* 1-based position among the paragraph's omissions */
  gboolean nested;   /* <mrk> when it nests, <sm>/<em> when it crosses */
  const BtOmission *omission;
} Marker;

static void
write_marker_start (Writer       *self,
                    const Marker *marker)
{
  char its[BT_IO_UINT_BUF_SIZE];
  const BtOmission *o = marker->omission;

  put (self, marker->nested ? "<mrk" : "<sm");
  numbered_attribute (self, "id", "o", marker->number);
  attribute (self, "translate", "yes");
  attribute (self, "its:locQualityIssueType", "omission");
  attribute (self, "its:locQualityIssueSeverity",
             bt_io_format_uint (its, bt_severity_get_its_value (o->severity)));
  if (o->comment[0] != '\0')
    attribute (self, "its:locQualityIssueComment", o->comment);
  attribute (self, "its:locQualityIssueEnabled", o->state == BT_STATE_REJECTED ? "no" : "yes");
  put (self, marker->nested ? ">" : "/>");
}

static void
write_marker_end (Writer       *self,
                  const Marker *marker)
{
  if (marker->nested)
    {
      put (self, "</mrk>");
      return;
    }
  put (self, "<em");
  numbered_attribute (self, "startRef", "o", marker->number);
  put (self, "/>");
}

/* Omissions come sorted by start, then longest first: one nests in the
 * innermost open <mrk> when it ends no later than that one. */
static Marker *
plan_markers (Writer *self,
              GArray *omissions)
{
  Marker *markers = g_new0 (Marker, omissions->len);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < omissions->len; i++)
    {
      const BtOmission *o = bt_review_get_omission (self->review, g_array_index (omissions, guint, i));

      while (open->len > 0 && markers[g_array_index (open, guint, open->len - 1)].omission->end <= o->start)
        g_array_set_size (open, open->len - 1);
      markers[i].number = i + 1;
      markers[i].omission = o;
      markers[i].nested = open->len == 0
        || o->end <= markers[g_array_index (open, guint, open->len - 1)].omission->end;
      if (markers[i].nested)
        g_array_append_val (open, i);
    }
  return markers;
}

static void
close_markers_at (Writer *self,
                  Marker *markers,
                  GArray *open,
                  guint   position)
{
  /* Innermost first: the open stack ends with the innermost <mrk>, and
   * standalone markers may close in any order. */
  for (guint k = open->len; k > 0; k--)
    {
      guint i = g_array_index (open, guint, k - 1);

      if (markers[i].omission->end == position)
        {
          write_marker_end (self, &markers[i]);
          g_array_remove_index (open, k - 1);
        }
    }
}

static void
write_marked_source (Writer            *self,
                     const BtParagraph *paragraph,
                     GArray            *omissions)
{
  g_autofree gsize *offsets = bt_io_char_offsets (paragraph->text, paragraph->n_chars);
  g_autofree Marker *markers = plan_markers (self, omissions);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  guint next = 0;
  guint position = 0;

  for (;;)
    {
      guint stop = paragraph->n_chars;

      close_markers_at (self, markers, open, position);
      if (position == paragraph->n_chars)
        break;
      for (; next < omissions->len && markers[next].omission->start == position; next++)
        {
          write_marker_start (self, &markers[next]);
          g_array_append_val (open, next);
        }
      close_markers_at (self, markers, open, position);
      if (next < omissions->len)
        stop = MIN (stop, markers[next].omission->start);
      for (guint k = 0; k < open->len; k++)
        stop = MIN (stop, markers[g_array_index (open, guint, k)].omission->end);
      put_escaped (self, paragraph->text + offsets[position], offsets[stop] - offsets[position], FALSE);
      position = stop;
    }
}

static void
write_source (Writer *self,
              guint   index,
              GArray *omissions)
{
  const BtParagraph *paragraph = bt_document_get_paragraph (self->source, index);

  open_element (self, 4, "source");
  put (self, ">");
  if (omissions->len == 0)
    text (self, paragraph->text);
  else
    write_marked_source (self, paragraph, omissions);
  close_inline (self, "source");
}

static void
write_target (Writer *self,
              GArray *sentences)
{
  if (sentences->len == 0)
    return;
  open_element (self, 4, "target");
  put (self, ">");
  for (guint i = 0; i < sentences->len; i++)
    {
      g_autofree char *sentence = bt_document_dup_sentence_text (self->target,
                                                                 g_array_index (sentences, guint, i));

      if (i > 0)
        g_string_append_c (self->out, ' ');
      text (self, g_strstrip (sentence));
    }
  close_inline (self, "target");
}

static const char *
segment_state (BtStatus status,
               gboolean has_target)
{
  if (!has_target)
    return "initial";
  return status == BT_STATUS_REVIEWED ? "reviewed" : "translated";
}

static void
write_unit (Writer *self,
            guint   index)
{
  g_autoptr(GArray) omissions = bt_io_sorted_omissions (self->review, index);
  g_autoptr(GArray) sentences = bt_io_rendering_sentences (self->review, index);
  BtStatus status = bt_review_get_status (self->review, index);

  open_element (self, 2, "unit");
  numbered_attribute (self, "id", "p", index + 1);
  put (self, ">");
  write_unit_metadata (self, index, omissions);
  write_notes (self, index, omissions);
  open_element (self, 3, "segment");
  attribute (self, "id", "s1");
  attribute (self, "state", segment_state (status, sentences->len > 0));
  put (self, " subState=\"bitext:");
  put (self, bt_status_to_string (status));
  put (self, "\">");
  write_source (self, index, omissions);
  write_target (self, sentences);
  close_element (self, 3, "segment");
  close_element (self, 2, "unit");
  maybe_flush (self);
}

static void
write_document (Writer *self)
{
  put (self, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff");
  attribute (self, "xmlns", BT_XLIFF_NS);
  attribute (self, "xmlns:mda", BT_XLIFF_MDA_NS);
  attribute (self, "xmlns:its", BT_XLIFF_ITS_NS);
  attribute (self, "version", "2.1");
  attribute (self, "srcLang", "zh");
  attribute (self, "trgLang", "en");
  attribute (self, "its:version", "2.0");
  put (self, ">");
  open_element (self, 1, "file");
  attribute (self, "id", "f1");
  attribute (self, "xml:space", "preserve");
  put (self, ">");
  write_file_metadata (self);
  for (guint i = 0; i < bt_document_get_n_paragraphs (self->source); i++)
    write_unit (self, i);
  close_element (self, 1, "file");
  close_element (self, 0, "xliff");
  put (self, "\n");
}

static gboolean
check_document (BtDocument  *document,
                const char  *side,
                GError     **error)
{
  for (guint i = 0; i < bt_document_get_n_paragraphs (document); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s %u", side, i + 1);

      if (!bt_io_check_xml_text (bt_document_get_paragraph (document, i)->text, what, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bt_xliff_check_review (BtReview  *review,
                       GError   **error)
{
  BtDocument *source = bt_review_get_source (review);

  if (bt_document_get_n_paragraphs (source) == 0)
    {
      g_set_error_literal (error, BT_ERROR, BT_ERROR_EMPTY,
                           _("The review has no source paragraph to write"));
      return FALSE;
    }
  if (!check_document (source, _("source paragraph"), error)
      || !check_document (bt_review_get_target (review), _("target paragraph"), error))
    return FALSE;
  for (guint i = 0; i < bt_document_get_n_paragraphs (source); i++)
    if (!bt_io_check_xml_text (bt_review_get_note (review, i), _("a paragraph note"), error))
      return FALSE;
  for (guint i = 0; i < bt_review_get_n_omissions (review); i++)
    if (!bt_io_check_xml_text (bt_review_get_omission (review, i)->comment,
                               _("an omission comment"), error))
      return FALSE;
  return bt_io_check_xml_text (bt_review_get_reviewer (review), _("the reviewer name"), error);
}

/* Takes @out. */
static void
write_review (BtReview           *review,
              xmlOutputBufferPtr  out)
{
  Writer self = { 0 };

  self.out = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  self.sink = out;
  self.review = review;
  self.source = bt_review_get_source (review);
  self.target = bt_review_get_target (review);
  write_document (&self);
  flush (&self);
  xmlOutputBufferClose (out);
  g_string_free (self.out, TRUE);
  g_free (self.time_text);
}

GBytes *
bt_xliff_write_bytes (BtReview  *review,
                      GError   **error)
{
  g_return_val_if_fail (BT_IS_REVIEW (review), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bt_io_write_bytes (review, write_review, error);
}

gboolean
bt_xliff_write_file (BtReview    *review,
                     const char  *path,
                     GError     **error)
{
  g_return_val_if_fail (BT_IS_REVIEW (review), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return bt_io_write_file (review, path, write_review, error);
}
