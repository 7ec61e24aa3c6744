/* bt-xliff-writer.c: the review as XLIFF 2.1 with the Metadata and ITS
 * modules; the shape is in data/xliff-profile.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "bt-error.h"
#include "bt-review-io.h"
#include "bt-safe-write.h"
#include "bt-xliff-writer.h"

typedef struct
{
  xmlTextWriterPtr  w;
  BtReview         *review;
  BtDocument       *source;
  BtDocument       *target;
  GString          *scratch;
} Writer;

static void
indent (Writer *self,
        int     depth)
{
  static const char spaces[] = "\n                                ";

  xmlTextWriterWriteRawLen (self->w, (const xmlChar *) spaces,
                            1 + MIN (depth, 16) * 2);
}

static void
open_element (Writer     *self,
              int         depth,
              const char *name)
{
  indent (self, depth);
  xmlTextWriterStartElement (self->w, (const xmlChar *) name);
}

static void
close_element (Writer *self,
               int     depth)
{
  indent (self, depth);
  xmlTextWriterFullEndElement (self->w);
}

static void
attribute (Writer     *self,
           const char *name,
           const char *value)
{
  xmlTextWriterWriteAttribute (self->w, (const xmlChar *) name, (const xmlChar *) value);
}

static void
text (Writer     *self,
      const char *value,
      gsize       length)
{
  g_autofree char *copy = g_strndup (value, length);

  xmlTextWriterWriteString (self->w, (const xmlChar *) copy);
}

/* Escapes as xmlTextWriterWriteString does, so the bytes stay the same. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\r': g_string_append (out, "&#13;"); break;
      default: g_string_append_c (out, *p);
      }
}

/* Metas are most of the file: they are written raw, in one piece, to
 * spare the writer's bookkeeping for elements without children. */
static void
meta (Writer     *self,
      int         depth,
      const char *type,
      const char *value)
{
  static const char spaces[] = "                                ";

  if (value == NULL)
    return;
  g_string_truncate (self->scratch, 0);
  g_string_append_c (self->scratch, '\n');
  g_string_append_len (self->scratch, spaces, MIN (depth, 16) * 2);
  g_string_append (self->scratch, "<mda:meta type=\"");
  g_string_append (self->scratch, type);
  g_string_append (self->scratch, "\">");
  append_escaped (self->scratch, value);
  g_string_append (self->scratch, "</mda:meta>");
  xmlTextWriterWriteRawLen (self->w, (const xmlChar *) self->scratch->str, (int) self->scratch->len);
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

static void
meta_double (Writer     *self,
             int         depth,
             const char *type,
             double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  bt_io_format_double (buffer, sizeof buffer, value);
  meta (self, depth, type, buffer);
}

static void
meta_decision (Writer           *self,
               int               depth,
               BtOrigin          origin,
               double            confidence,
               BtState           state,
               const BtDecision *decision)
{
  g_autofree char *at = bt_io_format_time (decision->at);

  meta (self, depth, "origin", bt_origin_to_string (origin));
  meta_double (self, depth, "confidence", confidence);
  meta (self, depth, "state", bt_state_to_string (state));
  meta (self, depth, "decided-by", decision->by);
  meta (self, depth, "decided-at", at);
}

static void
meta_spans (Writer           *self,
            int               depth,
            BtDocument       *document,
            const BtParagraph *paragraph)
{
  g_autoptr(GString) spans = g_string_new (NULL);

  for (guint i = 0; i < paragraph->n_sentences; i++)
    {
      const BtSentence *s = bt_document_get_sentence (document, paragraph->first_sentence + i);
      char buffer[BT_IO_UINT_BUF_SIZE];

      if (i > 0)
        g_string_append_c (spans, ' ');
      g_string_append (spans, bt_io_format_uint (buffer, s->start));
      g_string_append_c (spans, ' ');
      g_string_append (spans, bt_io_format_uint (buffer, s->end));
    }
  meta (self, depth, "sentences", spans->str);
}

static void
write_review_group (Writer *self)
{
  open_element (self, 3, "mda:metaGroup");
  attribute (self, "category", "bitext:review");
  meta (self, 4, "profile", BT_XLIFF_PROFILE);
  meta (self, 4, "reviewer", bt_review_get_reviewer (self->review));
  meta_double (self, 4, "threshold", bt_review_get_threshold (self->review));
  meta (self, 4, "source-name", bt_document_get_name (self->source));
  meta (self, 4, "target-name", bt_document_get_name (self->target));
  close_element (self, 3);
}

static void
write_link (Writer       *self,
            const BtLink *link)
{
  char ref[48];

  g_snprintf (ref, sizeof ref, "#/f=f1/u=p%u", link->paragraph + 1);
  open_element (self, 5, "mda:metaGroup");
  attribute (self, "category", "bitext:link");
  meta (self, 6, "source", ref);
  meta_decision (self, 6, link->origin, link->confidence, link->state, &link->decision);
  close_element (self, 5);
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
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (guint));
  char id[16];
  char span[32];

  g_snprintf (id, sizeof id, "e%u", index + 1);
  g_snprintf (span, sizeof span, "%u %u", sentence->start, sentence->end);
  open_element (self, 4, "mda:metaGroup");
  attribute (self, "id", id);
  attribute (self, "category", "bitext:target-sentence");
  meta (self, 5, "span", span);

  g_array_append_vals (sorted, links, n_links);
  g_array_sort_with_data (sorted, compare_links, self->review);
  for (guint i = 0; i < sorted->len; i++)
    write_link (self, bt_review_get_link (self->review, g_array_index (sorted, guint, i)));

  if (addition != NULL)
    {
      open_element (self, 5, "mda:metaGroup");
      attribute (self, "category", "bitext:addition");
      meta_decision (self, 6, addition->origin, addition->confidence,
                     addition->state, &addition->decision);
      close_element (self, 5);
    }
  close_element (self, 4);
}

static void
write_target_paragraph (Writer *self,
                        guint   index)
{
  const BtParagraph *paragraph = bt_document_get_paragraph (self->target, index);
  char id[16];

  g_snprintf (id, sizeof id, "tp%u", index + 1);
  open_element (self, 3, "mda:metaGroup");
  attribute (self, "id", id);
  attribute (self, "category", "bitext:target-paragraph");
  meta (self, 4, "text", paragraph->text);
  if (paragraph->line > 0)
    meta_uint (self, 4, "line", paragraph->line);
  for (guint i = 0; i < paragraph->n_sentences; i++)
    write_sentence (self, paragraph->first_sentence + i);
  close_element (self, 3);
}

static void
write_file_metadata (Writer *self)
{
  open_element (self, 2, "mda:metadata");
  attribute (self, "id", "bitext");
  write_review_group (self);
  for (guint i = 0; i < bt_document_get_n_paragraphs (self->target); i++)
    write_target_paragraph (self, i);
  close_element (self, 2);
}

static void
write_omission_group (Writer           *self,
                      guint             number,
                      const BtOmission *omission)
{
  char id[16];

  g_snprintf (id, sizeof id, "o%u", number);
  open_element (self, 4, "mda:metaGroup");
  attribute (self, "id", id);
  attribute (self, "category", "bitext:omission");
  meta_uint (self, 5, "start", omission->start);
  meta_uint (self, 5, "end", omission->end);
  meta (self, 5, "category", bt_category_to_string (omission->category));
  meta (self, 5, "severity", bt_severity_to_string (omission->severity));
  meta_decision (self, 5, omission->origin, omission->confidence,
                 omission->state, &omission->decision);
  if (omission->comment[0] != '\0')
    meta (self, 5, "comment", omission->comment);
  close_element (self, 4);
}

static void
write_unit_metadata (Writer *self,
                     guint   index,
                     GArray *omissions)
{
  const BtParagraph *paragraph = bt_document_get_paragraph (self->source, index);

  open_element (self, 3, "mda:metadata");
  open_element (self, 4, "mda:metaGroup");
  attribute (self, "category", "bitext:paragraph");
  meta_spans (self, 5, self->source, paragraph);
  meta (self, 5, "status", bt_status_to_string (bt_review_get_status (self->review, index)));
  if (paragraph->line > 0)
    meta_uint (self, 5, "line", paragraph->line);
  close_element (self, 4);
  for (guint i = 0; i < omissions->len; i++)
    write_omission_group (self, i + 1,
                          bt_review_get_omission (self->review, g_array_index (omissions, guint, i)));
  close_element (self, 3);
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
  for (guint i = 0; i < omissions->len; i++)
    {
      const BtOmission *o = bt_review_get_omission (self->review, g_array_index (omissions, guint, i));
      g_autofree char *id = g_strdup_printf ("o%u", i + 1);
      g_autofree char *line = g_strdup_printf ("Omission [%u, %u): %s, %s, %s%s%s", o->start, o->end,
                                               bt_category_to_string (o->category),
                                               bt_severity_to_string (o->severity),
                                               bt_state_to_string (o->state),
                                               o->comment[0] != '\0' ? ": " : "", o->comment);

      open_element (self, 4, "note");
      attribute (self, "id", id);
      attribute (self, "category", "bitext:omission");
      attribute (self, "appliesTo", "source");
      xmlTextWriterWriteString (self->w, (const xmlChar *) line);
      xmlTextWriterFullEndElement (self->w);
    }
  if (note != NULL && note[0] != '\0')
    {
      open_element (self, 4, "note");
      attribute (self, "category", "bitext:paragraph");
      xmlTextWriterWriteString (self->w, (const xmlChar *) note);
      xmlTextWriterFullEndElement (self->w);
    }
  close_element (self, 3);
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
  char id[16];
  char its[8];
  const BtOmission *o = marker->omission;

  g_snprintf (id, sizeof id, "o%u", marker->number);
  g_snprintf (its, sizeof its, "%u", bt_severity_get_its_value (o->severity));
  xmlTextWriterStartElement (self->w, (const xmlChar *) (marker->nested ? "mrk" : "sm"));
  attribute (self, "id", id);
  attribute (self, "translate", "yes");
  attribute (self, "its:locQualityIssueType", "omission");
  attribute (self, "its:locQualityIssueSeverity", its);
  if (o->comment[0] != '\0')
    attribute (self, "its:locQualityIssueComment", o->comment);
  attribute (self, "its:locQualityIssueEnabled", o->state == BT_STATE_REJECTED ? "no" : "yes");
  if (!marker->nested)
    xmlTextWriterEndElement (self->w);
}

static void
write_marker_end (Writer       *self,
                  const Marker *marker)
{
  char id[16];

  if (marker->nested)
    {
      xmlTextWriterFullEndElement (self->w);
      return;
    }
  g_snprintf (id, sizeof id, "o%u", marker->number);
  xmlTextWriterStartElement (self->w, (const xmlChar *) "em");
  attribute (self, "startRef", id);
  xmlTextWriterEndElement (self->w);
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
write_source (Writer *self,
              guint   index,
              GArray *omissions)
{
  const BtParagraph *paragraph = bt_document_get_paragraph (self->source, index);
  g_autofree gsize *offsets = bt_io_char_offsets (paragraph->text, paragraph->n_chars);
  g_autofree Marker *markers = plan_markers (self, omissions);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  guint next = 0;
  guint position = 0;

  open_element (self, 4, "source");
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
      text (self, paragraph->text + offsets[position], offsets[stop] - offsets[position]);
      position = stop;
    }
  xmlTextWriterFullEndElement (self->w);
}

static void
write_target (Writer *self,
              GArray *sentences)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  if (sentences->len == 0)
    return;
  for (guint i = 0; i < sentences->len; i++)
    {
      g_autofree char *sentence = bt_document_dup_sentence_text (self->target,
                                                                 g_array_index (sentences, guint, i));

      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, g_strstrip (sentence));
    }
  open_element (self, 4, "target");
  xmlTextWriterWriteString (self->w, (const xmlChar *) joined->str);
  xmlTextWriterFullEndElement (self->w);
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
  g_autofree char *id = g_strdup_printf ("p%u", index + 1);
  g_autofree char *sub_state = g_strdup_printf ("bitext:%s", bt_status_to_string (status));

  open_element (self, 2, "unit");
  attribute (self, "id", id);
  write_unit_metadata (self, index, omissions);
  write_notes (self, index, omissions);
  open_element (self, 3, "segment");
  attribute (self, "id", "s1");
  attribute (self, "state", segment_state (status, sentences->len > 0));
  attribute (self, "subState", sub_state);
  write_source (self, index, omissions);
  write_target (self, sentences);
  close_element (self, 3);
  close_element (self, 2);
}

static void
write_document (Writer *self)
{
  xmlTextWriterStartDocument (self->w, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (self->w, (const xmlChar *) "xliff");
  attribute (self, "xmlns", BT_XLIFF_NS);
  attribute (self, "xmlns:mda", BT_XLIFF_MDA_NS);
  attribute (self, "xmlns:its", BT_XLIFF_ITS_NS);
  attribute (self, "version", "2.1");
  attribute (self, "srcLang", "zh");
  attribute (self, "trgLang", "en");
  attribute (self, "its:version", "2.0");
  open_element (self, 1, "file");
  attribute (self, "id", "f1");
  attribute (self, "xml:space", "preserve");
  write_file_metadata (self);
  for (guint i = 0; i < bt_document_get_n_paragraphs (self->source); i++)
    write_unit (self, i);
  close_element (self, 1);
  close_element (self, 0);
  xmlTextWriterEndDocument (self->w);
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

  self.scratch = g_string_sized_new (256);
  self.w = xmlNewTextWriter (out);
  self.review = review;
  self.source = bt_review_get_source (review);
  self.target = bt_review_get_target (review);
  write_document (&self);
  xmlFreeTextWriter (self.w);
  g_string_free (self.scratch, TRUE);
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
