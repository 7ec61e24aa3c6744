/* bt-json-reader.c: a small JSON parser and the mapping of DESIGN.md's
 * review shape back onto a review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bt-error.h"
#include "bt-json-reader.h"
#include "bt-review-io.h"
#include "bt-xliff-reader.h"

#define MAX_DEPTH 64
/* Shares of the time: reading the file; of the rest, parsing it (then
 * building the review). */
#define READ_SHARE 0.1
#define PARSE_SHARE 0.65
/* Values built between reports and checks for cancellation. */
#define ITEM_STRIDE 4096

typedef enum
{
  JSON_NULL,
  JSON_BOOL,
  JSON_NUMBER,
  JSON_STRING,
  JSON_ARRAY,
  JSON_OBJECT,
} JsonType;

typedef struct _Json Json;
struct _Json
{
  JsonType   type;
  double     number;
  char      *string;    /* strings; keys of object members */
  GPtrArray *items;     /* arrays and objects; members carry their key in ->key */
  char      *key;
};

static void
json_free (Json *json)
{
  if (json == NULL)
    return;
  g_free (json->string);
  g_free (json->key);
  g_clear_pointer (&json->items, g_ptr_array_unref);
  g_free (json);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Json, json_free)

typedef struct
{
  const char       *name;
  const char       *start;
  const char       *p;
  const char       *end;
  const char       *next_report;
  const BtProgress *progress;
  GCancellable     *cancellable;
} Parser;

static gboolean G_GNUC_PRINTF (3, 4)
parse_fail (Parser      *self,
            GError     **error,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  const char *line_start = self->start;
  guint line = 1;
  va_list args;

  for (const char *q = self->start; q < self->p; q++)
    if (*q == '\n')
      {
        line++;
        line_start = q + 1;
      }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BT_ERROR, BT_ERROR_FORMAT,
               /* Translators: file name, line, byte in the line, what is wrong */
               _("%s, line %u, byte %u: %s"), self->name, line,
               (guint) (self->p - line_start) + 1, message);
  return FALSE;
}

static void
skip_space (Parser *self)
{
  while (self->p < self->end && (*self->p == ' ' || *self->p == '\t' || *self->p == '\n' || *self->p == '\r'))
    self->p++;
}

static Json *parse_value (Parser *self, int depth, GError **error);

static gboolean
parse_step (Parser  *self,
            GError **error)
{
  if (self->p < self->next_report)
    return TRUE;
  self->next_report = self->p + BT_PROGRESS_STRIDE;
  return bt_progress_advance (self->progress, (double) (self->p - self->start) / (self->end - self->start),
                              self->cancellable, error);
}

static gboolean
parse_hex4 (Parser   *self,
            gunichar *c)
{
  *c = 0;
  if (self->end - self->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++, self->p++)
    {
      int digit = g_ascii_xdigit_value (*self->p);

      if (digit < 0)
        return FALSE;
      *c = *c * 16 + (gunichar) digit;
    }
  return TRUE;
}

static gboolean
parse_escape (Parser   *self,
              GString  *out,
              GError  **error)
{
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  const char *found = self->p < self->end ? strchr (from, *self->p) : NULL;
  gunichar c, low;

  if (found != NULL && *found != '\0')
    {
      g_string_append_c (out, to[found - from]);
      self->p++;
      return TRUE;
    }
  if (self->p >= self->end || *self->p++ != 'u' || !parse_hex4 (self, &c))
    return parse_fail (self, error, _("bad escape in a string"));
  if (c >= 0xD800 && c < 0xDC00)
    {
      if (self->end - self->p < 6 || self->p[0] != '\\' || self->p[1] != 'u')
        return parse_fail (self, error, _("lone surrogate in a string"));
      self->p += 2;
      if (!parse_hex4 (self, &low) || low < 0xDC00 || low > 0xDFFF)
        return parse_fail (self, error, _("lone surrogate in a string"));
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
    }
  else if (c >= 0xDC00 && c < 0xE000)
    return parse_fail (self, error, _("lone surrogate in a string"));
  g_string_append_unichar (out, c);
  return TRUE;
}

static char *
parse_string (Parser  *self,
              GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  self->p++;
  while (self->p < self->end && *self->p != '"')
    {
      if ((guchar) *self->p < 0x20)
        return parse_fail (self, error, _("control character in a string")), NULL;
      if (*self->p == '\\')
        {
          self->p++;
          if (!parse_escape (self, out, error))
            return NULL;
        }
      else
        g_string_append_c (out, *self->p++);
    }
  if (self->p >= self->end)
    return parse_fail (self, error, _("unterminated string")), NULL;
  self->p++;
  if (!g_utf8_validate_len (out->str, out->len, NULL))
    return parse_fail (self, error, _("a string is not valid UTF-8")), NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static Json *
parse_container (Parser  *self,
                 int      depth,
                 GError **error)
{
  gboolean object = *self->p == '{';
  char close = object ? '}' : ']';
  g_autoptr(Json) json = g_new0 (Json, 1);

  json->type = object ? JSON_OBJECT : JSON_ARRAY;
  json->items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_free);
  self->p++;
  skip_space (self);
  if (self->p < self->end && *self->p == close)
    {
      self->p++;
      return g_steal_pointer (&json);
    }
  for (;;)
    {
      g_autofree char *key = NULL;
      Json *item;

      skip_space (self);
      if (object)
        {
          if (self->p >= self->end || *self->p != '"')
            return parse_fail (self, error, _("expected a member name")), NULL;
          if ((key = parse_string (self, error)) == NULL)
            return NULL;
          skip_space (self);
          if (self->p >= self->end || *self->p++ != ':')
            return parse_fail (self, error, _("expected “:”")), NULL;
        }
      if ((item = parse_value (self, depth + 1, error)) == NULL)
        return NULL;
      item->key = g_steal_pointer (&key);
      g_ptr_array_add (json->items, item);
      if (!parse_step (self, error))
        return NULL;
      skip_space (self);
      if (self->p < self->end && *self->p == ',')
        {
          self->p++;
          continue;
        }
      if (self->p < self->end && *self->p == close)
        {
          self->p++;
          return g_steal_pointer (&json);
        }
      return parse_fail (self, error, _("expected “,” or “%c”"), close), NULL;
    }
}

static Json *
parse_scalar (Parser  *self,
              GError **error)
{
  static const struct { const char *word; JsonType type; double value; } words[] = {
    { "null", JSON_NULL, 0 }, { "true", JSON_BOOL, 1 }, { "false", JSON_BOOL, 0 },
  };
  Json *json = g_new0 (Json, 1);
  char *number_end = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (self->end - self->p) >= strlen (words[i].word)
        && strncmp (self->p, words[i].word, strlen (words[i].word)) == 0)
      {
        json->type = words[i].type;
        json->number = words[i].value;
        self->p += strlen (words[i].word);
        return json;
      }
  if (self->p < self->end && (*self->p == '-' || g_ascii_isdigit (*self->p)))
    {
      g_autofree char *copy = g_strndup (self->p, MIN (64, self->end - self->p));

      json->type = JSON_NUMBER;
      json->number = g_ascii_strtod (copy, &number_end);
      if (number_end != copy)
        {
          self->p += number_end - copy;
          return json;
        }
    }
  g_free (json);
  parse_fail (self, error, _("expected a value"));
  return NULL;
}

static Json *
parse_value (Parser  *self,
             int      depth,
             GError **error)
{
  Json *json;

  skip_space (self);
  if (depth > MAX_DEPTH)
    return parse_fail (self, error, _("values nest deeper than %d levels"), MAX_DEPTH), NULL;
  if (self->p < self->end && (*self->p == '{' || *self->p == '['))
    return parse_container (self, depth, error);
  if (self->p < self->end && *self->p == '"')
    {
      char *string = parse_string (self, error);

      if (string == NULL)
        return NULL;
      json = g_new0 (Json, 1);
      json->type = JSON_STRING;
      json->string = string;
      return json;
    }
  return parse_scalar (self, error);
}

/* The review shape */

typedef struct
{
  const char       *name;
  BtDocument       *source;
  BtDocument       *target;
  BtReview         *review;
  const BtProgress *progress;
  GCancellable     *cancellable;
  guint             n_items;   /* paragraphs, sentences, links… to map */
  guint             done;
} Mapper;

static gboolean G_GNUC_PRINTF (3, 4)
map_fail (Mapper      *self,
          GError     **error,
          const char  *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BT_ERROR, BT_ERROR_FORMAT, "%s: %s", self->name, message);
  return FALSE;
}

/* Counts one more item mapped, reporting every so often. */
static gboolean
map_step (Mapper  *self,
          GError **error)
{
  if (++self->done % ITEM_STRIDE != 0)
    return TRUE;
  return bt_progress_advance (self->progress, (double) self->done / MAX (self->n_items, self->done),
                              self->cancellable, error);
}

static Json *
member (Json       *object,
        const char *key,
        JsonType    type)
{
  if (object == NULL || object->type != JSON_OBJECT)
    return NULL;
  for (guint i = 0; i < object->items->len; i++)
    {
      Json *item = g_ptr_array_index (object->items, i);

      if (g_strcmp0 (item->key, key) == 0)
        return item->type == type ? item : NULL;
    }
  return NULL;
}

static const char *
string_member (Json       *object,
               const char *key)
{
  Json *json = member (object, key, JSON_STRING);

  return json != NULL ? json->string : NULL;
}

static gboolean
uint_member (Json       *object,
             const char *key,
             guint      *value)
{
  Json *json = member (object, key, JSON_NUMBER);

  if (json == NULL || json->number < 0 || json->number > G_MAXUINT || json->number != (guint) json->number)
    return FALSE;
  *value = (guint) json->number;
  return TRUE;
}

/* "p12" or "e12" => 11 */
static gboolean
parse_ref (const char *ref,
           char        prefix,
           guint       n,
           guint      *index)
{
  guint64 number = 0;

  if (ref == NULL || ref[0] != prefix
      || !g_ascii_string_to_unsigned (ref + 1, 10, 1, n, &number, NULL))
    return FALSE;
  *index = (guint) number - 1;
  return TRUE;
}

static gboolean
map_source (Mapper  *self,
            Json    *paragraphs,
            GArray  *statuses,
            GError **error)
{
  for (guint i = 0; paragraphs != NULL && i < paragraphs->items->len; i++)
    {
      Json *p = g_ptr_array_index (paragraphs->items, i);
      Json *sentences = member (p, "sentences", JSON_ARRAY);
      const char *text = string_member (p, "text");
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));
      g_autoptr(GError) local_error = NULL;
      BtStatus status = BT_STATUS_UNREVIEWED;

      if (!map_step (self, error))
        return FALSE;

      for (guint s = 0; sentences != NULL && s < sentences->items->len; s++)
        {
          Json *pair = g_ptr_array_index (sentences->items, s);
          BtSpan span;

          if (pair->type != JSON_ARRAY || pair->items->len != 2)
            return map_fail (self, error, _("paragraph %u: a sentence is not [start, end]"), i + 1);
          span.start = (guint) ((Json *) g_ptr_array_index (pair->items, 0))->number;
          span.end = (guint) ((Json *) g_ptr_array_index (pair->items, 1))->number;
          g_array_append_val (spans, span);
        }
      if (text == NULL || sentences == NULL
          || (string_member (p, "status") != NULL && !bt_status_from_string (string_member (p, "status"), &status)))
        return map_fail (self, error, _("paragraph %u lacks its text, sentences or a known status"), i + 1);
      if (!bt_document_append_segmented (self->source, text, 0, (BtSpan *) spans->data, spans->len, &local_error))
        return map_fail (self, error, "%s", local_error->message);
      g_array_append_val (statuses, status);
    }
  return TRUE;
}

/* Target paragraphs are their sentences put together: the sentences tile
 * them. */
static gboolean
map_target (Mapper  *self,
            Json    *sentences,
            GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));
  guint paragraph = 0;
  guint n_chars = 0;

  for (guint i = 0; sentences != NULL && i <= sentences->items->len; i++)
    {
      Json *s = i < sentences->items->len ? g_ptr_array_index (sentences->items, i) : NULL;
      const char *sentence = string_member (s, "text");
      guint number = 0;
      BtSpan span;

      if (!map_step (self, error))
        return FALSE;
      if (s != NULL && (sentence == NULL || !uint_member (s, "paragraph", &number) || number < paragraph || number == 0))
        return map_fail (self, error, _("target sentence %u lacks its text or paragraph"), i + 1);
      if ((s == NULL || number != paragraph) && spans->len > 0)
        {
          if (!bt_document_append_segmented (self->target, text->str, 0, (BtSpan *) spans->data, spans->len, error))
            return FALSE;
          g_string_truncate (text, 0);
          g_array_set_size (spans, 0);
          n_chars = 0;
        }
      if (s == NULL)
        break;
      paragraph = number;
      span.start = n_chars;
      n_chars += g_utf8_strlen (sentence, -1);
      span.end = n_chars;
      g_string_append (text, sentence);
      g_array_append_val (spans, span);
    }
  return TRUE;
}

static gboolean
map_decided (Json     *item,
             BtOrigin *origin,
             double   *confidence,
             BtState  *state)
{
  Json *number = member (item, "confidence", JSON_NUMBER);

  *confidence = number != NULL ? number->number : 1.0;
  return bt_origin_from_string (string_member (item, "origin") ? string_member (item, "origin") : "", origin)
         && bt_state_from_string (string_member (item, "state") ? string_member (item, "state") : "", state);
}

static gboolean
map_links (Mapper  *self,
           Json    *links,
           GError **error)
{
  guint n_p = bt_document_get_n_paragraphs (self->source);
  guint n_s = bt_document_get_n_sentences (self->target);

  for (guint i = 0; links != NULL && i < links->items->len; i++)
    {
      Json *l = g_ptr_array_index (links->items, i);
      guint p, s;
      BtOrigin origin;
      BtState state;
      double confidence;

      if (!map_step (self, error))
        return FALSE;
      if (!parse_ref (string_member (l, "source"), 'p', n_p, &p)
          || !parse_ref (string_member (l, "target"), 'e', n_s, &s)
          || !map_decided (l, &origin, &confidence, &state)
          || !bt_review_add_link (self->review, p, s, origin, confidence, state))
        return map_fail (self, error, _("link %u is malformed, out of range or given twice"), i + 1);
    }
  return TRUE;
}

static gboolean
map_omissions (Mapper  *self,
               Json    *omissions,
               GError **error)
{
  guint n_p = bt_document_get_n_paragraphs (self->source);

  for (guint i = 0; omissions != NULL && i < omissions->items->len; i++)
    {
      Json *o = g_ptr_array_index (omissions->items, i);
      const char *comment = string_member (o, "comment");
      const char *category_name = string_member (o, "category");
      const char *severity_name = string_member (o, "severity");
      guint p, start, end;
      BtCategory category;
      BtSeverity severity;
      BtOrigin origin;
      BtState state;
      double confidence;

      if (!map_step (self, error))
        return FALSE;
      if (!parse_ref (string_member (o, "source"), 'p', n_p, &p)
          || !uint_member (o, "start", &start) || !uint_member (o, "end", &end)
          || !bt_category_from_string (category_name ? category_name : "", &category)
          || !bt_severity_from_string (severity_name ? severity_name : "", &severity)
          || !map_decided (o, &origin, &confidence, &state)
          || bt_review_add_omission (self->review, p, start, end, category, severity,
                                     comment, origin, confidence, state) == 0)
        return map_fail (self, error, _("omission %u is malformed or out of range"), i + 1);
    }
  return TRUE;
}

static gboolean
map_additions (Mapper  *self,
               Json    *additions,
               GError **error)
{
  guint n_s = bt_document_get_n_sentences (self->target);

  for (guint i = 0; additions != NULL && i < additions->items->len; i++)
    {
      Json *a = g_ptr_array_index (additions->items, i);
      guint s;
      BtOrigin origin;
      BtState state;
      double confidence;

      if (!map_step (self, error))
        return FALSE;
      if (!parse_ref (string_member (a, "target"), 'e', n_s, &s)
          || !map_decided (a, &origin, &confidence, &state)
          || !bt_review_add_addition (self->review, s, origin, confidence, state))
        return map_fail (self, error, _("addition %u is malformed, out of range or given twice"), i + 1);
    }
  return TRUE;
}

static guint
length_of (Json *array)
{
  return array != NULL ? array->items->len : 0;
}

static guint
n_items (Json *root)
{
  return length_of (member (member (root, "source", JSON_OBJECT), "paragraphs", JSON_ARRAY))
         + length_of (member (member (root, "target", JSON_OBJECT), "sentences", JSON_ARRAY))
         + length_of (member (root, "links", JSON_ARRAY))
         + length_of (member (root, "omissions", JSON_ARRAY))
         + length_of (member (root, "additions", JSON_ARRAY));
}

static BtReview *
map_review (Mapper  *self,
            Json    *root,
            GError **error)
{
  g_autoptr(BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr(BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  g_autoptr(GArray) statuses = g_array_new (FALSE, FALSE, sizeof (BtStatus));
  g_autoptr(BtReview) review = NULL;
  Json *version = member (root, "version", JSON_NUMBER);

  if (g_strcmp0 (string_member (root, "format"), "bitext-review") != 0 || version == NULL)
    return map_fail (self, error, _("not a Bitext review in JSON")), NULL;
  if (version->number != 1)
    return map_fail (self, error, _("JSON version %g is not one this version reads"), version->number), NULL;
  self->source = source;
  self->target = target;
  self->n_items = n_items (root);
  if (!map_source (self, member (member (root, "source", JSON_OBJECT), "paragraphs", JSON_ARRAY), statuses, error)
      || !map_target (self, member (member (root, "target", JSON_OBJECT), "sentences", JSON_ARRAY), error))
    return NULL;
  if (bt_document_get_n_paragraphs (source) == 0)
    return map_fail (self, error, _("the review has no source paragraph")), NULL;
  review = bt_review_new (source, target);
  self->review = review;
  for (guint i = 0; i < statuses->len; i++)
    bt_review_set_status (review, i, g_array_index (statuses, BtStatus, i));
  if (!map_links (self, member (root, "links", JSON_ARRAY), error)
      || !map_omissions (self, member (root, "omissions", JSON_ARRAY), error)
      || !map_additions (self, member (root, "additions", JSON_ARRAY), error))
    return NULL;
  bt_review_clear_history (review);
  bt_review_mark_saved (review);
  bt_progress_report (self->progress, 1);
  return g_steal_pointer (&review);
}

static BtReview *
read_data (const char        *data,
           gsize              size,
           const char        *name,
           const BtProgress  *progress,
           GCancellable      *cancellable,
           GError           **error)
{
  BtProgress parse_part = bt_progress_part (progress, 0, PARSE_SHARE);
  BtProgress map_part = bt_progress_part (progress, PARSE_SHARE, 1);
  Parser parser = { name, data, data, data + size, data, &parse_part, cancellable };
  Mapper mapper = { name, NULL, NULL, NULL, &map_part, cancellable, 0, 0 };
  g_autoptr(Json) root = NULL;

  if (size > BT_XLIFF_MAX_SIZE)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_TOO_LARGE, _("%s: the file is larger than 64 MiB"), name);
      return NULL;
    }
  root = parse_value (&parser, 0, error);
  if (root == NULL)
    return NULL;
  skip_space (&parser);
  if (parser.p != parser.end)
    return parse_fail (&parser, error, _("unexpected text after the value")), NULL;
  return map_review (&mapper, root, error);
}

BtReview *
bt_json_read_data (const char  *data,
                   gsize        size,
                   const char  *name,
                   GError     **error)
{
  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_data (data, size, name, NULL, NULL, error);
}

BtReview *
bt_json_read_file (const char  *path,
                   GError     **error)
{
  return bt_json_read_file_full (path, NULL, NULL, error);
}

BtReview *
bt_json_read_file_full (const char        *path,
                        const BtProgress  *progress,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  BtProgress read_part = bt_progress_part (progress, 0, READ_SHARE);
  BtProgress rest_part = bt_progress_part (progress, READ_SHARE, 1);
  gsize size = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  name = g_filename_display_name (path);
  data = bt_io_read_file (path, name, &size, &read_part, cancellable, error);
  if (data == NULL)
    return NULL;
  return read_data (data, size, name, &rest_part, cancellable, error);
}
