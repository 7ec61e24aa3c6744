/* bt-gold-reader.c: a small JSON reader for gold alignments
 *
 * JSON values become GVariants (objects a{sv}, arrays av, strings s,
 * numbers d, true/false b, null ()), then a review is built from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bt-error.h"
#include "bt-gold-reader.h"

#define MAX_DEPTH 64

typedef struct
{
  const char *p;
  const char *start;
  const char *end;
  const char *name;
  guint       depth;
  GError    **error;
} Parser;

static GVariant *parse_value (Parser *ps);

static gboolean
fail (Parser     *ps,
      const char *what)
{
  if (ps->error != NULL && *ps->error == NULL)
    g_set_error (ps->error, BT_ERROR, BT_ERROR_FORMAT, _("%s: byte %lu: %s"), ps->name,
                 (unsigned long) (ps->p - ps->start) + 1, what);
  return FALSE;
}

static void
skip_space (Parser *ps)
{
  while (ps->p < ps->end && strchr (" \t\r\n", *ps->p) != NULL)
    ps->p++;
}

static gboolean
expect (Parser *ps,
        char    c)
{
  skip_space (ps);
  if (ps->p < ps->end && *ps->p == c)
    {
      ps->p++;
      return TRUE;
    }
  return fail (ps, _("unexpected character"));
}

static gboolean
parse_escape (Parser  *ps,
              GString *out)
{
  static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
  const char *at;
  gunichar c = 0;

  if (ps->p >= ps->end)
    return fail (ps, _("unfinished string"));
  if ((at = strchr (from, *ps->p)) != NULL && *ps->p != '\0')
    {
      g_string_append_c (out, to[at - from]);
      ps->p++;
      return TRUE;
    }
  if (*ps->p != 'u' || ps->end - ps->p < 5)
    return fail (ps, _("bad escape"));
  for (int i = 1; i <= 4; i++)
    {
      int d = g_ascii_xdigit_value (ps->p[i]);

      if (d < 0)
        return fail (ps, _("bad escape"));
      c = c * 16 + d;
    }
  ps->p += 5;
  if (c >= 0xD800 && c < 0xDC00 && ps->end - ps->p >= 6 && ps->p[0] == '\\' && ps->p[1] == 'u')
    {
      gunichar lo = 0;

      for (int i = 2; i <= 5; i++)
        lo = lo * 16 + MAX (0, g_ascii_xdigit_value (ps->p[i]));
      if (lo >= 0xDC00 && lo < 0xE000)
        {
          c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
          ps->p += 6;
        }
    }
  if (!g_unichar_validate (c) || c == 0)
    return fail (ps, _("bad escape"));
  g_string_append_unichar (out, c);
  return TRUE;
}

static char *
parse_string (Parser *ps)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (!expect (ps, '"'))
    return NULL;
  while (ps->p < ps->end && *ps->p != '"')
    {
      if ((guchar) *ps->p < 0x20)
        return fail (ps, _("control character in a string")), NULL;
      if (*ps->p++ != '\\')
        g_string_append_c (out, ps->p[-1]);
      else if (!parse_escape (ps, out))
        return NULL;
    }
  if (!expect (ps, '"'))
    return NULL;
  if (!g_utf8_validate (out->str, out->len, NULL))
    return fail (ps, _("invalid UTF-8")), NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GVariant *
parse_container (Parser   *ps,
                 gboolean  object)
{
  GVariantBuilder b;

  if (++ps->depth > MAX_DEPTH)
    return fail (ps, _("nested too deeply")), NULL;
  g_variant_builder_init (&b, object ? G_VARIANT_TYPE ("a{sv}") : G_VARIANT_TYPE ("av"));
  ps->p++;
  skip_space (ps);
  if (ps->p < ps->end && *ps->p == (object ? '}' : ']'))
    ps->p++;
  else
    for (;;)
      {
        g_autofree char *key = object ? parse_string (ps) : NULL;
        GVariant *v;

        if ((object && (key == NULL || !expect (ps, ':'))) || (v = parse_value (ps)) == NULL)
          {
            g_variant_builder_clear (&b);
            return NULL;
          }
        if (object)
          g_variant_builder_add (&b, "{sv}", key, v);
        else
          g_variant_builder_add (&b, "v", v);
        skip_space (ps);
        if (ps->p < ps->end && *ps->p == ',')
          ps->p++;
        else if (expect (ps, object ? '}' : ']'))
          break;
        else
          {
            g_variant_builder_clear (&b);
            return NULL;
          }
      }
  ps->depth--;
  return g_variant_builder_end (&b);
}

static GVariant *
parse_literal (Parser *ps)
{
  static const struct { const char *word; int value; } words[] = {
    { "true", 1 }, { "false", 0 }, { "null", -1 },
  };
  g_autofree char *number = NULL;
  char *end;
  double d;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (ps->end - ps->p) >= strlen (words[i].word) &&
        strncmp (ps->p, words[i].word, strlen (words[i].word)) == 0)
      {
        ps->p += strlen (words[i].word);
        return words[i].value < 0 ? g_variant_new ("()") : g_variant_new_boolean (words[i].value);
      }
  number = g_strndup (ps->p, MIN (64, ps->end - ps->p));
  d = g_ascii_strtod (number, &end);
  if (end == number)
    return fail (ps, _("unexpected character")), NULL;
  ps->p += end - number;
  return g_variant_new_double (d);
}

static GVariant *
parse_value (Parser *ps)
{
  skip_space (ps);
  if (ps->p >= ps->end)
    return fail (ps, _("unexpected end")), NULL;
  if (*ps->p == '{' || *ps->p == '[')
    return parse_container (ps, *ps->p == '{');
  if (*ps->p == '"')
    {
      char *s = parse_string (ps);

      return s != NULL ? g_variant_new_take_string (s) : NULL;
    }
  return parse_literal (ps);
}

/* Typed access that tolerates a missing or mistyped member. */
static GVariant *
member (GVariant   *object,
        const char *key,
        const char *type)
{
  /* a{sv} lookups unbox the variant and check its type. */
  return g_variant_lookup_value (object, key, G_VARIANT_TYPE (type));
}

static const char *
member_string (GVariant   *object,
               const char *key)
{
  g_autoptr (GVariant) v = member (object, key, "s");

  /* The string lives as long as @object does. */
  return v != NULL ? g_variant_get_string (v, NULL) : NULL;
}

static double
member_number (GVariant   *object,
               const char *key,
               double      fallback)
{
  g_autoptr (GVariant) v = member (object, key, "d");

  return v != NULL ? g_variant_get_double (v) : fallback;
}

static GVariant *
item (GVariant *array,
      gsize     i)
{
  g_autoptr (GVariant) boxed = g_variant_get_child_value (array, i);

  return g_variant_get_variant (boxed);
}

typedef struct
{
  BtReview   *review;
  GHashTable *paragraphs; /* id -> index + 1 */
  GHashTable *sentences;
  const char *name;
  GError    **error;
} Builder;

static gboolean
invalid (Builder    *b,
         const char *what)
{
  g_set_error (b->error, BT_ERROR, BT_ERROR_FORMAT, "%s: %s", b->name, what);
  return FALSE;
}

static gboolean
read_paragraph (Builder    *b,
                BtDocument *source,
                GVariant   *para,
                guint       index)
{
  g_autoptr (GVariant) spans = member (para, "sentences", "av");
  g_autoptr (GArray) array = g_array_new (FALSE, FALSE, sizeof (BtSpan));
  const char *text = member_string (para, "text");
  const char *id = member_string (para, "id");

  if (text == NULL || id == NULL || spans == NULL)
    return invalid (b, _("a paragraph without id, text or sentences"));
  for (gsize i = 0; i < g_variant_n_children (spans); i++)
    {
      g_autoptr (GVariant) pair = item (spans, i);
      BtSpan span;

      if (!g_variant_is_of_type (pair, G_VARIANT_TYPE ("av")) || g_variant_n_children (pair) != 2)
        return invalid (b, _("a sentence span is not a pair"));
      {
        g_autoptr (GVariant) s = item (pair, 0);
        g_autoptr (GVariant) e = item (pair, 1);

        if (!g_variant_is_of_type (s, G_VARIANT_TYPE_DOUBLE) || !g_variant_is_of_type (e, G_VARIANT_TYPE_DOUBLE))
          return invalid (b, _("a sentence span is not a pair"));
        span = (BtSpan) { (guint) g_variant_get_double (s), (guint) g_variant_get_double (e) };
      }
      g_array_append_val (array, span);
    }
  g_hash_table_insert (b->paragraphs, g_strdup (id), GUINT_TO_POINTER (index + 1));
  return bt_document_append_segmented (source, text, index + 1, (BtSpan *) (gpointer) array->data,
                                       array->len, b->error);
}

static gboolean
read_source (Builder    *b,
             GVariant   *root,
             BtDocument *source)
{
  g_autoptr (GVariant) side = member (root, "source", "a{sv}");
  g_autoptr (GVariant) paras = side != NULL ? member (side, "paragraphs", "av") : NULL;

  if (paras == NULL)
    return invalid (b, _("no source paragraphs"));
  for (gsize i = 0; i < g_variant_n_children (paras); i++)
    {
      g_autoptr (GVariant) para = item (paras, i);

      if (!g_variant_is_of_type (para, G_VARIANT_TYPE ("a{sv}")) || !read_paragraph (b, source, para, i))
        return b->error == NULL || *b->error != NULL ? FALSE : invalid (b, _("a bad paragraph"));
    }
  return TRUE;
}

/* Target sentences of one paragraph number are joined by a space. */
static gboolean
flush_target (BtDocument *target,
              GString    *text,
              GArray     *spans,
              guint       line,
              GError    **error)
{
  gboolean ok = TRUE;

  if (spans->len > 0)
    ok = bt_document_append_segmented (target, text->str, line, (BtSpan *) (gpointer) spans->data,
                                       spans->len, error);
  g_string_truncate (text, 0);
  g_array_set_size (spans, 0);
  return ok;
}

static gboolean
read_target (Builder    *b,
             GVariant   *root,
             BtDocument *target)
{
  g_autoptr (GVariant) side = member (root, "target", "a{sv}");
  g_autoptr (GVariant) sents = side != NULL ? member (side, "sentences", "av") : NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));
  double current = -1;
  guint chars = 0;

  if (sents == NULL)
    return invalid (b, _("no target sentences"));
  for (gsize i = 0; i < g_variant_n_children (sents); i++)
    {
      g_autoptr (GVariant) sent = item (sents, i);
      const char *s = g_variant_is_of_type (sent, G_VARIANT_TYPE ("a{sv}")) ? member_string (sent, "text") : NULL;
      const char *id = s != NULL ? member_string (sent, "id") : NULL;
      double para = s != NULL ? member_number (sent, "paragraph", i + 1) : 0;
      BtSpan span;

      if (id == NULL)
        return invalid (b, _("a target sentence without id or text"));
      if (para != current && !flush_target (target, text, spans, (guint) current, b->error))
        return FALSE;
      if (para != current)
        chars = 0;
      current = para;
      if (spans->len > 0)
        {
          g_string_append_c (text, ' ');
          g_array_index (spans, BtSpan, spans->len - 1).end++;
          chars++;
        }
      span = (BtSpan) { chars, chars + g_utf8_strlen (s, -1) };
      chars = span.end;
      g_string_append (text, s);
      g_array_append_val (spans, span);
      g_hash_table_insert (b->sentences, g_strdup (id), GUINT_TO_POINTER (i + 1));
    }
  return flush_target (target, text, spans, (guint) current, b->error);
}

static BtState
read_state (GVariant *object)
{
  const char *s = member_string (object, "state");
  BtState state = BT_STATE_ACCEPTED;

  if (s != NULL)
    bt_state_from_string (s, &state);
  return state;
}

static BtOrigin
read_origin (GVariant *object)
{
  const char *s = member_string (object, "origin");
  BtOrigin origin = BT_ORIGIN_REVIEWER;

  if (s != NULL)
    bt_origin_from_string (s, &origin);
  return origin;
}

static guint
lookup (GHashTable *table,
        const char *id)
{
  return id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (table, id)) : 0;
}

static gboolean
read_links (Builder  *b,
            GVariant *root)
{
  g_autoptr (GVariant) links = member (root, "links", "av");

  for (gsize i = 0; links != NULL && i < g_variant_n_children (links); i++)
    {
      g_autoptr (GVariant) l = item (links, i);
      guint p = lookup (b->paragraphs, member_string (l, "source"));
      guint s = lookup (b->sentences, member_string (l, "target"));

      if (p == 0 || s == 0)
        return invalid (b, _("a link to an unknown paragraph or sentence"));
      bt_review_add_link (b->review, p - 1, s - 1, read_origin (l), member_number (l, "confidence", 1),
                          read_state (l));
    }
  return TRUE;
}

static gboolean
read_omissions (Builder  *b,
                GVariant *root)
{
  g_autoptr (GVariant) omissions = member (root, "omissions", "av");

  for (gsize i = 0; omissions != NULL && i < g_variant_n_children (omissions); i++)
    {
      g_autoptr (GVariant) o = item (omissions, i);
      guint p = lookup (b->paragraphs, member_string (o, "source"));
      BtCategory category = BT_CATEGORY_OTHER;
      BtSeverity severity = BT_SEVERITY_MINOR;
      const char *comment = member_string (o, "comment");

      if (p == 0)
        return invalid (b, _("an omission in an unknown paragraph"));
      if (member_string (o, "category") != NULL)
        bt_category_from_string (member_string (o, "category"), &category);
      if (member_string (o, "severity") != NULL)
        bt_severity_from_string (member_string (o, "severity"), &severity);
      if (bt_review_add_omission (b->review, p - 1, (guint) member_number (o, "start", 0),
                                  (guint) member_number (o, "end", 0), category, severity,
                                  comment != NULL ? comment : "", read_origin (o),
                                  member_number (o, "confidence", 1), read_state (o)) == 0)
        return invalid (b, _("an omission out of its paragraph"));
    }
  return TRUE;
}

static gboolean
read_additions (Builder  *b,
                GVariant *root)
{
  g_autoptr (GVariant) additions = member (root, "additions", "av");

  for (gsize i = 0; additions != NULL && i < g_variant_n_children (additions); i++)
    {
      g_autoptr (GVariant) a = item (additions, i);
      guint s = lookup (b->sentences, member_string (a, "target"));

      if (s == 0)
        return invalid (b, _("an addition of an unknown sentence"));
      bt_review_add_addition (b->review, s - 1, read_origin (a), member_number (a, "confidence", 1),
                              read_state (a));
    }
  return TRUE;
}

static BtReview *
build_review (GVariant    *root,
              const char  *name,
              GError     **error)
{
  g_autoptr (BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr (BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  g_autoptr (GHashTable) paragraphs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) sentences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (BtReview) review = NULL;
  Builder b = { NULL, paragraphs, sentences, name, error };

  if (!read_source (&b, root, source) || !read_target (&b, root, target))
    return NULL;
  review = b.review = bt_review_new (source, target);
  if (!read_links (&b, root) || !read_omissions (&b, root) || !read_additions (&b, root))
    return NULL;
  bt_review_clear_history (review);
  bt_review_mark_saved (review);
  return g_steal_pointer (&review);
}

BtReview *
bt_gold_read_bytes (GBytes      *bytes,
                    const char  *display_name,
                    GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  Parser ps = { data, data, data + size, display_name, 0, error };
  g_autoptr (GVariant) root = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = parse_value (&ps);
  if (root == NULL)
    return NULL;
  g_variant_ref_sink (root);
  skip_space (&ps);
  if (ps.p != ps.end)
    return fail (&ps, _("text after the end")), NULL;
  if (!g_variant_is_of_type (root, G_VARIANT_TYPE ("a{sv}")))
    return fail (&ps, _("not a JSON object")), NULL;
  return build_review (root, display_name, error);
}

BtReview *
bt_gold_read_file (const char  *path,
                   GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize size = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &size, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  return bt_gold_read_bytes (bytes, path, error);
}
