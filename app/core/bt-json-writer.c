/* bt-json-writer.c: the review as JSON, written by hand so the core needs
 * no JSON library; fields in the fixed order of DESIGN.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bt-json-writer.h"
#include "bt-review-io.h"
#include "bt-safe-write.h"

/* Large outputs go out in pieces, so that memory holds one piece and not
 * the whole file. */
#define FLUSH_SIZE (256 * 1024)
typedef struct
{
  GString      *out;
  BtSafeWrite  *sink;   /* NULL to keep everything in @out */
  BtIoDoubleCache doubles;
} Writer;

/* g_string_append() measures its argument and checks its position on
 * every call; a million records make tens of millions of these. */
static inline void
append_len (GString    *out,
            const char *text,
            gsize       length)
{
  if (out->len + length >= out->allocated_len)
    {
      g_string_append_len (out, text, length);
      return;
    }
  memcpy (out->str + out->len, text, length);
  out->len += length;
  out->str[out->len] = '\0';
}

#define append_literal(out, literal) append_len ((out), "" literal, sizeof (literal) - 1)

static inline void
append_text (GString    *out,
             const char *text)
{
  append_len (out, text, strlen (text));
}

static void
maybe_flush (Writer *self)
{
  if (self->sink == NULL || self->out->len < FLUSH_SIZE)
    return;
  bt_safe_write_append (self->sink, self->out->str, self->out->len);
  g_string_truncate (self->out, 0);
}

/* @length bytes of @text, or up to its nul when @length is -1; the runs
 * that need no escape go in whole. */
static void
append_string_len (GString    *out,
                   const char *text,
                   gssize      length)
{
  const char *end = text + (length < 0 ? strlen (text) : (gsize) length);
  const char *run = text;

  append_literal (out, "\"");
  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", c);
        }
    }
  append_len (out, run, end - run);
  append_literal (out, "\"");
}

void
bt_json_append_string (GString    *out,
                       const char *text)
{
  append_string_len (out, text, -1);
}

static void
append_double (Writer *self,
               double  value)
{
  append_text (self->out, bt_io_format_double_cached (&self->doubles, value));
}

static void
append_uint (GString *out,
             guint    value)
{
  char buffer[BT_IO_UINT_BUF_SIZE];

  append_text (out, bt_io_format_uint (buffer, value));
}

static void
append_paragraphs (Writer   *self,
                   BtReview *review)
{
  GString *out = self->out;
  BtDocument *source = bt_review_get_source (review);
  guint n = bt_document_get_n_paragraphs (source);

  for (guint i = 0; i < n; i++)
    {
      const BtParagraph *p = bt_document_get_paragraph (source, i);

      append_literal (out, "      {\"id\": \"p");
      append_uint (out, i + 1);
      append_literal (out, "\", \"text\": ");
      bt_json_append_string (out, p->text);
      append_literal (out, ", \"sentences\": [");
      for (guint s = 0; s < p->n_sentences; s++)
        {
          const BtSentence *sentence = bt_document_get_sentence (source, p->first_sentence + s);

          append_text (out, s > 0 ? ", [" : "[");
          append_uint (out, sentence->start);
          append_literal (out, ", ");
          append_uint (out, sentence->end);
          append_literal (out, "]");
        }
      append_literal (out, "], \"status\": \"");
      append_text (out, bt_status_to_string (bt_review_get_status (review, i)));
      append_text (out, i + 1 < n ? "\"},\n" : "\"}\n");
      maybe_flush (self);
    }
}

static void
append_sentences (Writer   *self,
                  BtReview *review)
{
  GString *out = self->out;
  BtDocument *target = bt_review_get_target (review);
  guint n = bt_document_get_n_sentences (target);
  BtDocumentCursor cursor = { NULL, NULL, 0 };

  for (guint i = 0; i < n; i++)
    {
      gsize length = 0;
      const char *text = bt_document_peek_sentence (target, i, &cursor, &length);

      append_literal (out, "      {\"id\": \"e");
      append_uint (out, i + 1);
      append_literal (out, "\", \"text\": ");
      append_string_len (out, text, length);
      append_literal (out, ", \"paragraph\": ");
      append_uint (out, bt_document_get_sentence (target, i)->paragraph + 1);
      append_text (out, i + 1 < n ? "},\n" : "}\n");
      maybe_flush (self);
    }
}

static void
append_links (Writer   *self,
              BtReview *review)
{
  GString *out = self->out;
  guint n_paragraphs = bt_document_get_n_paragraphs (bt_review_get_source (review));
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean first = TRUE;

  for (guint p = 0; p < n_paragraphs; p++)
    {
      guint n_links = 0;
      const guint *indices = bt_review_get_paragraph_links (review, p, &n_links);

      g_array_set_size (sentences, 0);
      for (guint k = 0; k < n_links; k++)
        g_array_append_val (sentences, bt_review_get_link (review, indices[k])->sentence);
      if (n_links > 1)
        g_array_sort (sentences, bt_io_compare_uint);
      for (guint k = 0; k < sentences->len; k++)
        {
          const BtLink *link = n_links == 1 ? bt_review_get_link (review, indices[0])
                               : bt_review_find_link (review, p, g_array_index (sentences, guint, k));

          append_text (out, first ? "\n    {\"source\": \"p" : ",\n    {\"source\": \"p");
          append_uint (out, p + 1);
          append_literal (out, "\", \"target\": \"e");
          append_uint (out, link->sentence + 1);
          append_literal (out, "\", \"origin\": \"");
          append_text (out, bt_origin_to_string (link->origin));
          append_literal (out, "\", \"confidence\": ");
          append_double (self, link->confidence);
          append_literal (out, ", \"state\": \"");
          append_text (out, bt_state_to_string (link->state));
          append_literal (out, "\"}");
          first = FALSE;
        }
      maybe_flush (self);
    }
  append_text (out, first ? "]" : "\n  ]");
}

static void
append_omissions (Writer   *self,
                  BtReview *review)
{
  GString *out = self->out;
  guint n_paragraphs = bt_document_get_n_paragraphs (bt_review_get_source (review));
  guint n_omissions = bt_review_get_n_omissions (review);
  g_autofree guint8 *has_omissions = g_new0 (guint8, n_paragraphs + 1);
  gboolean first = TRUE;

  /* Most paragraphs have none: their list is not worth making. */
  for (guint i = 0; i < n_omissions; i++)
    has_omissions[bt_review_get_omission (review, i)->paragraph] = 1;
  for (guint p = 0; p < n_paragraphs; p++)
    {
      g_autoptr(GArray) indices = NULL;

      if (!has_omissions[p])
        continue;
      indices = bt_io_sorted_omissions (review, p);

      for (guint k = 0; k < indices->len; k++)
        {
          const BtOmission *o = bt_review_get_omission (review, g_array_index (indices, guint, k));

          g_string_append_printf (out, "%s    {\"source\": \"p%u\", \"start\": %u, \"end\": %u, "
                                  "\"category\": \"%s\", \"severity\": \"%s\", \"origin\": \"%s\", \"confidence\": ",
                                  first ? "\n" : ",\n", p + 1, o->start, o->end,
                                  bt_category_to_string (o->category), bt_severity_to_string (o->severity),
                                  bt_origin_to_string (o->origin));
          append_double (self, o->confidence);
          g_string_append_printf (out, ", \"state\": \"%s\", \"comment\": ", bt_state_to_string (o->state));
          bt_json_append_string (out, o->comment);
          g_string_append_c (out, '}');
          first = FALSE;
        }
      maybe_flush (self);
    }
  g_string_append (out, first ? "]" : "\n  ]");
}

static void
append_additions (Writer   *self,
                  BtReview *review)
{
  GString *out = self->out;
  guint n_sentences = bt_document_get_n_sentences (bt_review_get_target (review));
  gboolean first = TRUE;

  for (guint s = 0; s < n_sentences; s++)
    {
      const BtAddition *a = bt_review_find_addition (review, s);

      if (a == NULL)
        continue;
      g_string_append_printf (out, "%s    {\"target\": \"e%u\", \"origin\": \"%s\", \"state\": \"%s\"}",
                              first ? "\n" : ",\n", s + 1, bt_origin_to_string (a->origin),
                              bt_state_to_string (a->state));
      first = FALSE;
      maybe_flush (self);
    }
  g_string_append (out, first ? "]" : "\n  ]");
}

static void
write_review (Writer   *self,
              BtReview *review)
{
  GString *out = self->out;

  g_string_append (out, "{\n  \"format\": \"bitext-review\",\n  \"version\": 1,\n"
                   "  \"source\": {\n    \"language\": \"zh\",\n    \"paragraphs\": [\n");
  append_paragraphs (self, review);
  g_string_append (out, "    ]\n  },\n  \"target\": {\n    \"language\": \"en\",\n    \"sentences\": [\n");
  append_sentences (self, review);
  g_string_append (out, "    ]\n  },\n  \"links\": [");
  append_links (self, review);
  g_string_append (out, ",\n  \"omissions\": [");
  append_omissions (self, review);
  g_string_append (out, ",\n  \"additions\": [");
  append_additions (self, review);
  g_string_append (out, "\n}\n");
}

GBytes *
bt_json_write_bytes (BtReview *review)
{
  Writer self = { 0 };

  g_return_val_if_fail (BT_IS_REVIEW (review), NULL);

  self.out = g_string_sized_new (4096);
  write_review (&self, review);
  return g_string_free_to_bytes (self.out);
}

gboolean
bt_json_write_to (BtReview    *review,
                  BtSafeWrite *write)
{
  Writer self = { 0 };
  gboolean ok;

  g_return_val_if_fail (BT_IS_REVIEW (review), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  self.out = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  self.sink = write;
  write_review (&self, review);
  ok = bt_safe_write_append (write, self.out->str, self.out->len);
  g_string_free (self.out, TRUE);
  return ok;
}

gboolean
bt_json_write_file (BtReview    *review,
                    const char  *path,
                    GError     **error)
{
  BtSafeWrite *write;

  g_return_val_if_fail (BT_IS_REVIEW (review), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  write = bt_safe_write_begin (path, error);
  if (write == NULL)
    return FALSE;
  bt_json_write_to (review, write);
  return bt_safe_write_commit (write, error);
}
