/* bt-xliff12-writer.c: one <trans-unit> per source paragraph; omissions as
 * ITS on <mrk mtype="x-its"> and as notes, links in a <context-group>
 *
 * XLIFF 1.2 has no standalone markers, so an omission that crosses
 * another one is only in the notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/xmlwriter.h>

#include "bt-error.h"
#include "bt-review-io.h"
#include "bt-safe-write.h"
#include "bt-xliff-writer.h"
#include "bt-xliff12-writer.h"

typedef struct
{
  xmlTextWriterPtr  w;
  BtReview         *review;
  BtDocument       *source;
  BtDocument       *target;
} Writer;

static void
open_element (Writer     *self,
              int         depth,
              const char *name)
{
  static const char spaces[] = "\n                ";

  xmlTextWriterWriteRawLen (self->w, (const xmlChar *) spaces, 1 + MIN (depth, 7) * 2);
  xmlTextWriterStartElement (self->w, (const xmlChar *) name);
}

static void
close_element (Writer *self,
               int     depth)
{
  static const char spaces[] = "\n                ";

  xmlTextWriterWriteRawLen (self->w, (const xmlChar *) spaces, 1 + MIN (depth, 7) * 2);
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
leaf (Writer     *self,
      int         depth,
      const char *name,
      const char *attr_name,
      const char *attr_value,
      const char *content)
{
  open_element (self, depth, name);
  attribute (self, attr_name, attr_value);
  xmlTextWriterWriteString (self->w, (const xmlChar *) content);
  xmlTextWriterFullEndElement (self->w);
}

static void
text (Writer     *self,
      const char *value,
      gsize       length)
{
  g_autofree char *copy = g_strndup (value, length);

  xmlTextWriterWriteString (self->w, (const xmlChar *) copy);
}

static void
start_mrk (Writer           *self,
           guint             number,
           const BtOmission *o)
{
  char mid[16];
  char its[8];

  g_snprintf (mid, sizeof mid, "o%u", number);
  g_snprintf (its, sizeof its, "%u", bt_severity_get_its_value (o->severity));
  xmlTextWriterStartElement (self->w, (const xmlChar *) "mrk");
  attribute (self, "mtype", "x-its");
  attribute (self, "mid", mid);
  attribute (self, "its:locQualityIssueType", "omission");
  attribute (self, "its:locQualityIssueSeverity", its);
  if (o->comment[0] != '\0')
    attribute (self, "its:locQualityIssueComment", o->comment);
  attribute (self, "its:locQualityIssueEnabled", o->state == BT_STATE_REJECTED ? "no" : "yes");
}

/* The omissions that nest (sorted by start, longest first), as a stack
 * walk; crossing ones are left to the notes. */
static void
write_source (Writer *self,
              guint   index,
              GArray *omissions)
{
  const BtParagraph *p = bt_document_get_paragraph (self->source, index);
  g_autofree gsize *offsets = bt_io_char_offsets (p->text, p->n_chars);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  guint position = 0;

  open_element (self, 4, "source");
  for (guint k = 0; k <= omissions->len; k++)
    {
      const BtOmission *o = k < omissions->len
        ? bt_review_get_omission (self->review, g_array_index (omissions, guint, k)) : NULL;
      guint start = o != NULL ? o->start : p->n_chars;

      while (open->len > 0)
        {
          guint end = g_array_index (open, guint, open->len - 1);

          if (end > start)
            break;
          text (self, p->text + offsets[position], offsets[end] - offsets[position]);
          position = end;
          xmlTextWriterFullEndElement (self->w);
          g_array_set_size (open, open->len - 1);
        }
      if (o == NULL || (open->len > 0 && o->end > g_array_index (open, guint, open->len - 1)))
        continue;
      text (self, p->text + offsets[position], offsets[start] - offsets[position]);
      position = start;
      start_mrk (self, k + 1, o);
      g_array_append_val (open, o->end);
    }
  text (self, p->text + offsets[position], offsets[p->n_chars] - offsets[position]);
  xmlTextWriterFullEndElement (self->w);
}

static void
write_target (Writer   *self,
              BtStatus  status,
              GArray   *sentences)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  static const char *const states[] = {
    [BT_STATUS_UNREVIEWED] = "translated",
    [BT_STATUS_REVIEWED] = "signed-off",
    [BT_STATUS_NEEDS_ATTENTION] = "needs-review-translation",
  };

  if (sentences->len == 0)
    return;
  for (guint i = 0; i < sentences->len; i++)
    {
      g_autofree char *s = bt_document_dup_sentence_text (self->target, g_array_index (sentences, guint, i));

      g_string_append_printf (joined, "%s%s", i > 0 ? " " : "", g_strstrip (s));
    }
  leaf (self, 4, "target", "state", states[status], joined->str);
}

static void
write_links (Writer *self,
             guint   index)
{
  guint n_links = 0;
  const guint *links = bt_review_get_paragraph_links (self->review, index, &n_links);
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *name = NULL;

  if (n_links == 0)
    return;
  for (guint k = 0; k < n_links; k++)
    g_array_append_val (sentences, bt_review_get_link (self->review, links[k])->sentence);
  g_array_sort (sentences, bt_io_compare_uint);
  open_element (self, 4, "context-group");
  name = g_strdup_printf ("bitext:links-p%u", index + 1);
  attribute (self, "name", name);
  attribute (self, "purpose", "information");
  for (guint k = 0; k < sentences->len; k++)
    {
      const BtLink *link = bt_review_find_link (self->review, index, g_array_index (sentences, guint, k));
      char confidence[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *value = NULL;

      bt_io_format_double (confidence, sizeof confidence, link->confidence);
      value = g_strdup_printf ("e%u %s %s %s", link->sentence + 1, bt_state_to_string (link->state),
                               bt_origin_to_string (link->origin), confidence);
      leaf (self, 5, "context", "context-type", "x-bitext-link", value);
    }
  close_element (self, 4);
}

static void
write_notes (Writer *self,
             guint   index,
             GArray *omissions)
{
  const char *note = bt_review_get_note (self->review, index);

  for (guint k = 0; k < omissions->len; k++)
    {
      const BtOmission *o = bt_review_get_omission (self->review, g_array_index (omissions, guint, k));
      g_autofree char *line = g_strdup_printf ("Omission [%u, %u): %s, %s, %s%s%s", o->start, o->end,
                                               bt_category_to_string (o->category),
                                               bt_severity_to_string (o->severity),
                                               bt_state_to_string (o->state),
                                               o->comment[0] != '\0' ? ": " : "", o->comment);

      open_element (self, 4, "note");
      attribute (self, "from", "bitext");
      attribute (self, "annotates", "source");
      xmlTextWriterWriteString (self->w, (const xmlChar *) line);
      xmlTextWriterFullEndElement (self->w);
    }
  if (note != NULL && note[0] != '\0')
    leaf (self, 4, "note", "annotates", "general", note);
}

static void
write_unit (Writer *self,
            guint   index)
{
  g_autoptr(GArray) omissions = bt_io_sorted_omissions (self->review, index);
  g_autoptr(GArray) sentences = bt_io_rendering_sentences (self->review, index);
  BtStatus status = bt_review_get_status (self->review, index);
  g_autofree char *id = g_strdup_printf ("p%u", index + 1);

  open_element (self, 3, "trans-unit");
  attribute (self, "id", id);
  attribute (self, "approved", status == BT_STATUS_REVIEWED ? "yes" : "no");
  attribute (self, "xml:space", "preserve");
  write_source (self, index, omissions);
  write_target (self, status, sentences);
  write_links (self, index);
  write_notes (self, index, omissions);
  close_element (self, 3);
}

static void
write_document (Writer *self)
{
  const char *name = bt_document_get_name (self->source);

  xmlTextWriterStartDocument (self->w, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (self->w, (const xmlChar *) "xliff");
  attribute (self, "xmlns", BT_XLIFF12_NS);
  attribute (self, "xmlns:its", BT_XLIFF_ITS_NS);
  attribute (self, "version", "1.2");
  attribute (self, "its:version", "2.0");
  open_element (self, 1, "file");
  attribute (self, "original", name != NULL ? name : "review");
  attribute (self, "source-language", "zh");
  attribute (self, "target-language", "en");
  attribute (self, "datatype", "plaintext");
  open_element (self, 2, "body");
  for (guint i = 0; i < bt_document_get_n_paragraphs (self->source); i++)
    write_unit (self, i);
  close_element (self, 2);
  close_element (self, 1);
  close_element (self, 0);
  xmlTextWriterEndDocument (self->w);
}

/* Takes @out. */
static void
write_review (BtReview           *review,
              xmlOutputBufferPtr  out)
{
  Writer self = { 0 };

  self.w = xmlNewTextWriter (out);
  self.review = review;
  self.source = bt_review_get_source (review);
  self.target = bt_review_get_target (review);
  write_document (&self);
  xmlFreeTextWriter (self.w);
}

GBytes *
bt_xliff12_write_bytes (BtReview  *review,
                        GError   **error)
{
  g_return_val_if_fail (BT_IS_REVIEW (review), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bt_io_write_bytes (review, write_review, error);
}

gboolean
bt_xliff12_write_file (BtReview    *review,
                       const char  *path,
                       GError     **error)
{
  g_return_val_if_fail (BT_IS_REVIEW (review), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return bt_io_write_file (review, path, write_review, error);
}
