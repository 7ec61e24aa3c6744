/* bt-csv-writer.c: omissions and links, one row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bt-csv-writer.h"
#include "bt-review-io.h"
#include "bt-safe-write.h"

void
bt_csv_append_field (GString    *out,
                     const char *field)
{
  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString           *out,
            const char *const *fields,
            guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      bt_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

typedef struct
{
  char kind[16], source[16], target[16], start[16], end[16];
  char confidence[G_ASCII_DTOSTR_BUF_SIZE];
  char *decided_at;
} Row;

static void
append_decided (GString          *out,
                Row              *row,
                const char       *category,
                const char       *severity,
                BtOrigin          origin,
                BtState           state,
                const BtDecision *decision,
                const char       *comment,
                const char       *text)
{
  const char *fields[] = {
    row->kind, row->source, row->target, row->start, row->end, category, severity,
    bt_origin_to_string (origin), row->confidence, bt_state_to_string (state),
    decision->by, row->decided_at, comment, text,
  };

  append_row (out, fields, G_N_ELEMENTS (fields));
  g_clear_pointer (&row->decided_at, g_free);
}

static void
append_omissions (GString  *out,
                  BtReview *review,
                  guint     paragraph)
{
  const BtParagraph *p = bt_document_get_paragraph (bt_review_get_source (review), paragraph);
  g_autoptr(GArray) indices = bt_io_sorted_omissions (review, paragraph);
  g_autofree gsize *offsets = bt_io_char_offsets (p->text, p->n_chars);

  for (guint k = 0; k < indices->len; k++)
    {
      const BtOmission *o = bt_review_get_omission (review, g_array_index (indices, guint, k));
      g_autofree char *text = g_strndup (p->text + offsets[o->start], offsets[o->end] - offsets[o->start]);
      Row row = { "omission", "", "", "", "", "", NULL };

      g_snprintf (row.source, sizeof row.source, "p%u", paragraph + 1);
      g_snprintf (row.start, sizeof row.start, "%u", o->start);
      g_snprintf (row.end, sizeof row.end, "%u", o->end);
      bt_io_format_double (row.confidence, sizeof row.confidence, o->confidence);
      row.decided_at = bt_io_format_time (o->decision.at);
      append_decided (out, &row, bt_category_to_string (o->category), bt_severity_to_string (o->severity),
                      o->origin, o->state, &o->decision, o->comment, text);
    }
}

static void
append_links (GString  *out,
              BtReview *review,
              guint     paragraph)
{
  BtDocument *target = bt_review_get_target (review);
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_links = 0;
  const guint *indices = bt_review_get_paragraph_links (review, paragraph, &n_links);

  for (guint k = 0; k < n_links; k++)
    g_array_append_val (sentences, bt_review_get_link (review, indices[k])->sentence);
  g_array_sort (sentences, bt_io_compare_uint);
  for (guint k = 0; k < sentences->len; k++)
    {
      const BtLink *link = bt_review_find_link (review, paragraph, g_array_index (sentences, guint, k));
      g_autofree char *text = bt_document_dup_sentence_text (target, link->sentence);
      Row row = { "link", "", "", "", "", "", NULL };

      g_snprintf (row.source, sizeof row.source, "p%u", paragraph + 1);
      g_snprintf (row.target, sizeof row.target, "e%u", link->sentence + 1);
      bt_io_format_double (row.confidence, sizeof row.confidence, link->confidence);
      row.decided_at = bt_io_format_time (link->decision.at);
      append_decided (out, &row, "", "", link->origin, link->state, &link->decision, "", text);
    }
}

GBytes *
bt_csv_write_bytes (BtReview *review)
{
  static const char *const header[] = {
    "kind", "source", "target", "start", "end", "category", "severity", "origin",
    "confidence", "state", "decided_by", "decided_at", "comment", "text",
  };
  GString *out;
  guint n;

  g_return_val_if_fail (BT_IS_REVIEW (review), NULL);

  out = g_string_new ("\xEF\xBB\xBF");
  append_row (out, header, G_N_ELEMENTS (header));
  n = bt_document_get_n_paragraphs (bt_review_get_source (review));
  for (guint p = 0; p < n; p++)
    {
      append_omissions (out, review, p);
      append_links (out, review, p);
    }
  return g_string_free_to_bytes (out);
}

gboolean
bt_csv_write_file (BtReview    *review,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;
  const void *data;

  g_return_val_if_fail (BT_IS_REVIEW (review), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = bt_csv_write_bytes (review);
  data = g_bytes_get_data (bytes, &size);
  return bt_safe_write (path, data, size, error);
}
