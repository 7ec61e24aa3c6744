/* bt-dictionary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "bt-dictionary.h"
#include "bt-error.h"
#include "bt-stem.h"

/* The index is a trie stored as an open-addressing hash table keyed by
 * (parent slot, code point), so a longest match walks one slot per
 * character and stops at the first character no headword continues with.
 * Everything is guint32 arrays after a fixed header, in native byte order,
 * so a mapped file is used as it is. */

#define INDEX_MAGIC   "BTDICT\0\2"
#define INDEX_ENDIAN  0x01020304u
#define INDEX_VERSION 4u /* bump when glosses are read differently */
#define ROOT          G_MAXUINT32
#define WORD_FLAG     0x80000000u
#define FINGERPRINT_CHUNK (64 * 1024)
#define MAX_COUNT     (1u << 28)

typedef struct
{
  char    magic[8];
  guint32 endian;
  guint32 version;
  guint64 source_size;
  gint64  source_mtime;
  guint64 source_hash;
  guint64 index_hash;   /* of the header (this field as 0) and the body */
  guint32 n_slots;      /* power of two */
  guint32 n_headwords;
  guint32 n_ids;
  guint32 n_words;
  guint32 n_word_slots; /* power of two */
  guint32 strings_size; /* multiple of 8 */
} IndexHeader;

typedef struct
{
  guint32 parent;   /* slot of the parent node, or ROOT */
  guint32 ch;       /* 0 in an empty slot */
  guint32 ids_start;
  guint32 ids_len;  /* | WORD_FLAG when a headword ends here */
} IndexNode;

typedef struct
{
  guint64 size;
  gint64  mtime;
  guint64 hash;
} SourceStamp;

struct _BtDictionary
{
  gatomicrefcount  ref_count;

  /* the index: mapped from the cache or built in memory */
  GMappedFile     *mapped;
  GBytes          *bytes;
  char            *cache_path;
  gboolean         from_cache;

  /* views into the index */
  const IndexHeader *header;
  const IndexNode   *nodes;
  const guint32     *ids;
  const guint32     *word_offsets;
  const guint32     *word_slots;
  const char        *strings;
};

/* A fast 64-bit hash, used to notice a garbled index and to fingerprint
 * the dictionary text. */
static guint64
hash_bytes (const guint8 *data,
            gsize         len)
{
  guint64 h = 0x9E3779B97F4A7C15ull ^ len;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, data + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 29;
    }
  for (; i < len; i++)
    h = (h ^ data[i]) * 0x100000001B3ull;
  return h ^ (h >> 32);
}

static guint64
index_hash (const guint8 *data,
            gsize         size)
{
  IndexHeader h;

  memcpy (&h, data, sizeof h);
  h.index_hash = 0;
  return hash_bytes ((const guint8 *) &h, sizeof h) * 31 +
         hash_bytes (data + sizeof h, size - sizeof h);
}

static guint32
node_hash (guint32  parent,
           gunichar ch)
{
  guint64 k = ((guint64) parent << 32) | ch;

  k *= 0x9E3779B97F4A7C15ull;
  return (guint32) (k >> 32);
}

static guint32
string_hash (const char *s)
{
  guint32 h = 2166136261u;

  for (; *s != '\0'; s++)
    h = (h ^ (guint8) *s) * 16777619u;
  return h;
}

/* Loading the index */

static gboolean
layout_views (BtDictionary *self,
              const guint8 *data,
              gsize         size)
{
  const IndexHeader *h = (const IndexHeader *) data;
  guint64 expected;

  if (size < sizeof *h || memcmp (h->magic, INDEX_MAGIC, 8) != 0 ||
      h->endian != INDEX_ENDIAN || h->version != INDEX_VERSION)
    return FALSE;
  if (h->n_slots == 0 || (h->n_slots & (h->n_slots - 1)) != 0 ||
      h->n_word_slots == 0 || (h->n_word_slots & (h->n_word_slots - 1)) != 0 ||
      h->n_slots > MAX_COUNT || h->n_ids > MAX_COUNT ||
      h->n_words > MAX_COUNT || h->n_word_slots > MAX_COUNT ||
      h->strings_size > MAX_COUNT || h->strings_size % 8 != 0 ||
      h->n_headwords > h->n_slots)
    return FALSE;

  expected = sizeof *h + (guint64) h->n_slots * sizeof (IndexNode) +
             4 * ((guint64) h->n_ids + h->n_words + 1 + h->n_word_slots) +
             h->strings_size;
  if (expected != size)
    return FALSE;
  if (h->index_hash != index_hash (data, size))
    return FALSE;

  self->header = h;
  self->nodes = (const IndexNode *) (data + sizeof *h);
  self->ids = (const guint32 *) (self->nodes + h->n_slots);
  self->word_offsets = self->ids + h->n_ids;
  self->word_slots = self->word_offsets + h->n_words + 1;
  self->strings = (const char *) (self->word_slots + h->n_word_slots);

  return h->strings_size == 0 ||
         self->strings[h->strings_size - 1] == '\0';
}

static gboolean
stamp_matches (const IndexHeader *h,
               const SourceStamp *stamp)
{
  return h->source_size == stamp->size && h->source_mtime == stamp->mtime &&
         h->source_hash == stamp->hash;
}

static gboolean
try_map_cache (BtDictionary      *self,
               const SourceStamp *stamp)
{
  g_autoptr(GMappedFile) mapped = NULL;
  const guint8 *data;

  mapped = g_mapped_file_new (self->cache_path, FALSE, NULL);
  if (mapped == NULL)
    return FALSE;
  data = (const guint8 *) g_mapped_file_get_contents (mapped);
  if (data == NULL ||
      !layout_views (self, data, g_mapped_file_get_length (mapped)) ||
      !stamp_matches (self->header, stamp))
    {
      self->header = NULL;
      return FALSE;
    }
  self->mapped = g_steal_pointer (&mapped);
  return TRUE;
}

/* The dictionary's stamp: size, mtime and a hash of its first and last
 * 64 KiB, so that an edited file is noticed without reading all of it. */
static gboolean
read_stamp (const char   *path,
            SourceStamp  *stamp,
            GError      **error)
{
  g_autofree guint8 *buf = g_malloc (2 * FINGERPRINT_CHUNK);
  GStatBuf st;
  FILE *f;
  gsize n;

  if (g_stat (path, &st) != 0 || (f = g_fopen (path, "rb")) == NULL)
    {
      int saved = errno;

      g_set_error (error, BT_ERROR, BT_ERROR_IO,
                   _("Could not read the dictionary “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  n = fread (buf, 1, FINGERPRINT_CHUNK, f);
  if ((guint64) st.st_size > FINGERPRINT_CHUNK &&
      fseek (f, -(long) MIN ((guint64) st.st_size - FINGERPRINT_CHUNK,
                             FINGERPRINT_CHUNK), SEEK_END) == 0)
    n += fread (buf + n, 1, FINGERPRINT_CHUNK, f);
  fclose (f);

  stamp->size = st.st_size;
  stamp->mtime = st.st_mtime;
  stamp->hash = hash_bytes (buf, n);
  return TRUE;
}

static char *
cache_path_for (const char *path,
                const char *cache_dir)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *name = NULL;

  name = g_strdup_printf ("dictionary-%016" G_GINT64_MODIFIER "x.idx",
                          hash_bytes ((const guint8 *) absolute,
                                      strlen (absolute)));
  if (cache_dir != NULL)
    return g_build_filename (cache_dir, name, NULL);
  return g_build_filename (g_get_user_cache_dir (), "bitext", name, NULL);
}

/* Building the index */

typedef struct
{
  GHashTable *vocabulary; /* stem → id + 1 */
  GPtrArray  *words;      /* id → stem */
  GHashTable *headwords;  /* UTF-8 headword → GArray of guint32 ids */
  GArray     *entry_ids;  /* scratch */
} Builder;

static const char * const gloss_stop_words[] = {
  "surname", "abbr", "classifier", "oneself", "someone", "something",
  "somebody", "used", "esp", "coll", "pr", "variant", "also", "see",
};

/* Compared as stems: "surname" gives "surnam". */
static gboolean
is_gloss_stop_word (const char *stem)
{
  static GHashTable *stems;

  if (g_once_init_enter (&stems))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             NULL);

      for (guint i = 0; i < G_N_ELEMENTS (gloss_stop_words); i++)
        g_hash_table_add (t, bt_stem_word (gloss_stop_words[i], -1));
      g_once_init_leave (&stems, t);
    }

  return g_hash_table_contains (stems, stem);
}

static void
add_gloss_word_cb (const char *stem,
                   guint       start,
                   guint       end,
                   gpointer    user_data)
{
  Builder *b = user_data;
  guint32 id;

  if (is_gloss_stop_word (stem))
    return;
  id = GPOINTER_TO_UINT (g_hash_table_lookup (b->vocabulary, stem));
  if (id == 0)
    {
      char *copy = g_strdup (stem);

      g_ptr_array_add (b->words, copy);
      id = b->words->len;
      g_hash_table_insert (b->vocabulary, copy, GUINT_TO_POINTER (id));
    }
  id--;
  g_array_append_val (b->entry_ids, id);
}

static gboolean
is_skipped_gloss (const char *gloss)
{
  static const char * const prefixes[] = {
    "CL:", "see ", "see also", "also pr", "also written", "Taiwan pr",
    "pr. ", "erhua variant", "old variant", "variant of",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (gloss, prefixes[i]))
      return TRUE;
  return strstr (gloss, " variant of ") != NULL;
}

/* Drops what sits in () and [] (qualifiers, pinyin of cross-references). */
static void
add_gloss (Builder    *b,
           const char *gloss,
           gsize       len)
{
  g_autoptr(GString) clean = g_string_sized_new (len);
  int depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = gloss[i];

      if (c == '(' || c == '[')
        depth++;
      else if ((c == ')' || c == ']') && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (clean, c);
    }
  if (!is_skipped_gloss (clean->str))
    bt_stem_foreach (clean->str, FALSE, add_gloss_word_cb, b);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static void
sort_unique (GArray *ids)
{
  guint out = 0;

  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (out == 0 || g_array_index (ids, guint32, i) !=
                    g_array_index (ids, guint32, out - 1))
      g_array_index (ids, guint32, out++) = g_array_index (ids, guint32, i);
  g_array_set_size (ids, out);
}

static void
add_headword (Builder    *b,
              const char *headword,
              gsize       len)
{
  g_autofree char *key = g_strndup (headword, len);
  GArray *ids = g_hash_table_lookup (b->headwords, key);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_hash_table_insert (b->headwords, g_steal_pointer (&key), ids);
    }
  g_array_append_vals (ids, b->entry_ids->data, b->entry_ids->len);
  sort_unique (ids);
}

static gboolean
malformed (const char  *path,
           guint        line_no,
           gsize        byte,
           GError     **error)
{
  g_set_error (error, BT_ERROR, BT_ERROR_FORMAT,
               _("%s: line %u, byte %lu: not a CC-CEDICT entry "
                 "(“TRADITIONAL SIMPLIFIED [pin1 yin1] /gloss/gloss/”)"),
               path, line_no, (unsigned long) byte + 1);
  return FALSE;
}

static gboolean
parse_line (Builder     *b,
            const char  *line,
            gsize        len,
            const char  *path,
            guint        line_no,
            GError     **error)
{
  const char *end = line + len, *simp, *pinyin, *close, *gloss;

  simp = memchr (line, ' ', len);
  if (simp == NULL || simp == line)
    return malformed (path, line_no, 0, error);
  simp++;
  pinyin = memchr (simp, ' ', end - simp);
  if (pinyin == NULL || pinyin == simp)
    return malformed (path, line_no, simp - line, error);
  if (pinyin + 1 >= end || pinyin[1] != '[')
    return malformed (path, line_no, pinyin + 1 - line, error);
  pinyin++;
  close = memchr (pinyin, ']', end - pinyin);
  if (close == NULL)
    return malformed (path, line_no, pinyin - line, error);
  for (gloss = close + 1; gloss < end && *gloss == ' '; gloss++)
    ;
  if (gloss >= end || *gloss != '/' || end[-1] != '/' || end - gloss < 2)
    return malformed (path, line_no, gloss - line, error);

  g_array_set_size (b->entry_ids, 0);
  for (const char *g = gloss + 1; g < end - 1;)
    {
      const char *slash = memchr (g, '/', end - g);

      add_gloss (b, g, slash - g);
      g = slash + 1;
    }
  sort_unique (b->entry_ids);
  add_headword (b, line, simp - 1 - line);
  if (pinyin - 1 - simp != simp - 1 - line ||
      memcmp (line, simp, simp - 1 - line) != 0)
    add_headword (b, simp, pinyin - 1 - simp);
  return TRUE;
}

static gboolean
parse_source (Builder      *b,
              const char   *path,
              const char   *data,
              gsize         size,
              GError      **error)
{
  /* An empty file maps to no memory at all: data may be NULL. */
  const char *p = data, *end = size > 0 ? data + size : data;
  guint line_no = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      const char *invalid;
      gsize len;

      line_no++;
      len = line_end - p;
      if (len > 0 && p[len - 1] == '\r')
        len--;
      if (!g_utf8_validate_len (p, len, &invalid))
        {
          g_set_error (error, BT_ERROR, BT_ERROR_ENCODING,
                       _("%s: line %u, byte %lu: invalid UTF-8"),
                       path, line_no, (unsigned long) (invalid - p) + 1);
          return FALSE;
        }
      if (len > 0 && p[0] != '#' &&
          !parse_line (b, p, len, path, line_no, error))
        return FALSE;
      p = line_end + 1;
    }

  if (g_hash_table_size (b->headwords) == 0)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_EMPTY,
                   _("%s: the dictionary holds no entries"), path);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  IndexNode *nodes;
  guint32    mask;
} Table;

static guint32
table_find (const IndexNode *nodes,
            guint32          mask,
            guint32          parent,
            gunichar         ch)
{
  guint32 slot = node_hash (parent, ch) & mask;

  for (guint32 probe = 0; probe <= mask; probe++)
    {
      const IndexNode *n = &nodes[slot];

      if (n->ch == 0)
        return ROOT;
      if (n->ch == ch && n->parent == parent)
        return slot;
      slot = (slot + 1) & mask;
    }
  return ROOT;
}

/* @table has room: it is sized from the number of nodes beforehand. */
static guint32
table_insert (Table    *table,
              guint32   parent,
              gunichar  ch,
              gboolean *inserted)
{
  guint32 slot = node_hash (parent, ch) & table->mask;

  *inserted = FALSE;
  while (table->nodes[slot].ch != 0)
    {
      if (table->nodes[slot].ch == ch && table->nodes[slot].parent == parent)
        return slot;
      slot = (slot + 1) & table->mask;
    }
  table->nodes[slot].parent = parent;
  table->nodes[slot].ch = ch;
  *inserted = TRUE;
  return slot;
}

static guint32
power_of_two_above (guint64 n)
{
  guint32 p = 8;

  while (p < 2 * n)
    p <<= 1;
  return p;
}

/* Inserts every headword into a roomy trie, remembering the order in
 * which nodes appear so that parents always come before children. */
static Table
build_trie (Builder *b,
            GArray  *ids,
            GArray  *order)
{
  GHashTableIter iter;
  gpointer key, value;
  guint64 chars = 0;
  Table t;

  g_hash_table_iter_init (&iter, b->headwords);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    chars += g_utf8_strlen (key, -1);
  t.mask = power_of_two_above (chars) - 1;
  t.nodes = g_new0 (IndexNode, (gsize) t.mask + 1);

  g_hash_table_iter_init (&iter, b->headwords);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *word_ids = value;
      guint32 slot = ROOT;

      for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
        {
          gboolean inserted;

          slot = table_insert (&t, slot, g_utf8_get_char (p), &inserted);
          if (inserted)
            g_array_append_val (order, slot);
        }
      t.nodes[slot].ids_start = ids->len;
      t.nodes[slot].ids_len = word_ids->len | WORD_FLAG;
      g_array_append_vals (ids, word_ids->data, word_ids->len);
    }
  return t;
}

/* Re-inserts the nodes into a table sized to what they really are. */
static Table
compact_trie (Table   *roomy,
              GArray  *order,
              guint   *n_headwords)
{
  g_autofree guint32 *moved = g_new (guint32, (gsize) roomy->mask + 1);
  Table t;

  t.mask = power_of_two_above (order->len) - 1;
  t.nodes = g_new0 (IndexNode, (gsize) t.mask + 1);
  *n_headwords = 0;
  for (guint i = 0; i < order->len; i++)
    {
      guint32 from = g_array_index (order, guint32, i);
      const IndexNode *n = &roomy->nodes[from];
      guint32 parent = n->parent == ROOT ? ROOT : moved[n->parent];
      gboolean inserted;
      guint32 to = table_insert (&t, parent, n->ch, &inserted);

      moved[from] = to;
      t.nodes[to].ids_start = n->ids_start;
      t.nodes[to].ids_len = n->ids_len;
      if (n->ids_len & WORD_FLAG)
        (*n_headwords)++;
    }
  return t;
}

static void
append_raw (GByteArray    *out,
                gconstpointer  data,
                gsize          len)
{
  g_byte_array_append (out, data, len);
}

static void
append_vocabulary (Builder    *b,
                   GByteArray *out,
                   guint32    *n_word_slots,
                   guint32    *strings_size)
{
  g_autoptr(GString) strings = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint32 *slots = NULL;
  guint32 mask = power_of_two_above (b->words->len) - 1;

  slots = g_new0 (guint32, (gsize) mask + 1);
  for (guint i = 0; i < b->words->len; i++)
    {
      const char *word = g_ptr_array_index (b->words, i);
      guint32 offset = strings->len, slot = string_hash (word) & mask;

      g_array_append_val (offsets, offset);
      g_string_append_len (strings, word, strlen (word) + 1);
      while (slots[slot] != 0)
        slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    }
  g_array_append_val (offsets, strings->len);
  while (strings->len % 8 != 0)
    g_string_append_c (strings, '\0');

  append_raw (out, offsets->data, offsets->len * sizeof (guint32));
  append_raw (out, slots, ((gsize) mask + 1) * sizeof (guint32));
  append_raw (out, strings->str, strings->len);
  *n_word_slots = mask + 1;
  *strings_size = strings->len;
}

static GBytes *
serialize (Builder           *b,
           const SourceStamp *stamp)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint32));
  GByteArray *out = g_byte_array_new ();
  IndexHeader h = { .endian = INDEX_ENDIAN, .version = INDEX_VERSION };
  Table roomy, table;
  guint n_headwords;

  roomy = build_trie (b, ids, order);
  table = compact_trie (&roomy, order, &n_headwords);
  g_free (roomy.nodes);

  memcpy (h.magic, INDEX_MAGIC, 8);
  h.source_size = stamp->size;
  h.source_mtime = stamp->mtime;
  h.source_hash = stamp->hash;
  h.n_slots = table.mask + 1;
  h.n_headwords = n_headwords;
  h.n_ids = ids->len;
  h.n_words = b->words->len;

  g_byte_array_append (out, (const guint8 *) &h, sizeof h);
  append_raw (out, table.nodes, (gsize) h.n_slots * sizeof (IndexNode));
  g_free (table.nodes);
  append_raw (out, ids->data, ids->len * sizeof (guint32));
  append_vocabulary (b, out, &h.n_word_slots, &h.strings_size);

  memcpy (out->data, &h, sizeof h);
  h.index_hash = index_hash (out->data, out->len);
  memcpy (out->data, &h, sizeof h);
  return g_byte_array_free_to_bytes (out);
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->vocabulary, g_hash_table_unref);
  g_clear_pointer (&b->words, g_ptr_array_unref);
  g_clear_pointer (&b->headwords, g_hash_table_unref);
  g_clear_pointer (&b->entry_ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

static GBytes *
build_index (const char         *path,
             const SourceStamp  *stamp,
             GError            **error)
{
  g_auto(Builder) b = { 0 };
  g_autoptr(GMappedFile) source = NULL;
  g_autoptr(GError) local_error = NULL;

  source = g_mapped_file_new (path, FALSE, &local_error);
  if (source == NULL)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_IO,
                   _("Could not read the dictionary “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }

  b.vocabulary = g_hash_table_new (g_str_hash, g_str_equal);
  b.words = g_ptr_array_new_with_free_func (g_free);
  b.headwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  b.entry_ids = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (!parse_source (&b, path, g_mapped_file_get_contents (source),
                     g_mapped_file_get_length (source), error))
    return NULL;
  return serialize (&b, stamp);
}

static gboolean
write_cache (const char *cache_path,
             GBytes     *index)
{
  g_autofree char *dir = g_path_get_dirname (cache_path);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (index, &size);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (cache_path, data, size, &error))
    {
      g_debug ("Could not cache the dictionary index in %s: %s", cache_path,
               error != NULL ? error->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

BtDictionary *
bt_dictionary_load_full (const char  *path,
                         const char  *cache_dir,
                         GError     **error)
{
  g_autoptr(BtDictionary) self = NULL;
  g_autoptr(GBytes) index = NULL;
  SourceStamp stamp;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_stamp (path, &stamp, error))
    return NULL;

  self = g_new0 (BtDictionary, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->cache_path = cache_path_for (path, cache_dir);
  if (try_map_cache (self, &stamp))
    {
      self->from_cache = TRUE;
      return g_steal_pointer (&self);
    }

  index = build_index (path, &stamp, error);
  if (index == NULL)
    return NULL;
  if (!write_cache (self->cache_path, index))
    g_clear_pointer (&self->cache_path, g_free);
  data = g_bytes_get_data (index, &size);
  if (!layout_views (self, data, size))
    g_assert_not_reached ();
  self->bytes = g_steal_pointer (&index);
  return g_steal_pointer (&self);
}

BtDictionary *
bt_dictionary_load (const char  *path,
                    GError     **error)
{
  return bt_dictionary_load_full (path, NULL, error);
}

BtDictionary *
bt_dictionary_ref (BtDictionary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bt_dictionary_unref (BtDictionary *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->cache_path);
  g_free (self);
}

gboolean
bt_dictionary_from_cache (BtDictionary *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->from_cache;
}

const char *
bt_dictionary_get_cache_path (BtDictionary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->cache_path;
}

guint
bt_dictionary_get_n_headwords (BtDictionary *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header->n_headwords;
}

guint
bt_dictionary_get_n_words (BtDictionary *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header->n_words;
}

/* Lookups */

static guint32
find_child (BtDictionary *self,
            guint32       parent,
            gunichar      ch)
{
  if (ch == 0)
    return ROOT;
  return table_find (self->nodes, self->header->n_slots - 1, parent, ch);
}

/* Bounds are checked here rather than trusted from the file. */
static void
node_ids (BtDictionary   *self,
          guint32         slot,
          const guint32 **word_ids,
          guint          *n_ids)
{
  const IndexNode *n = &self->nodes[slot];
  guint32 len = n->ids_len & ~WORD_FLAG;

  if ((guint64) n->ids_start + len > self->header->n_ids)
    len = 0;
  if (word_ids != NULL)
    *word_ids = self->ids + (len > 0 ? n->ids_start : 0);
  if (n_ids != NULL)
    *n_ids = len;
}

guint
bt_dictionary_match (BtDictionary    *self,
                     const gunichar  *text,
                     gsize            len,
                     gsize            pos,
                     const guint32  **word_ids,
                     guint           *n_ids)
{
  guint32 slot = ROOT, best_slot = ROOT;
  guint best = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (text != NULL || len == 0, 0);

  for (gsize i = pos; i < len; i++)
    {
      slot = find_child (self, slot, text[i]);
      if (slot == ROOT)
        break;
      if (self->nodes[slot].ids_len & WORD_FLAG)
        {
          best = i - pos + 1;
          best_slot = slot;
        }
    }
  if (best > 0)
    node_ids (self, best_slot, word_ids, n_ids);
  return best;
}

gboolean
bt_dictionary_lookup (BtDictionary    *self,
                      const char      *headword,
                      const guint32  **word_ids,
                      guint           *n_ids)
{
  guint32 slot = ROOT;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (headword != NULL, FALSE);

  if (*headword == '\0' || !g_utf8_validate (headword, -1, NULL))
    return FALSE;
  for (const char *p = headword; *p != '\0';
       p = g_utf8_next_char (p))
    {
      slot = find_child (self, slot, g_utf8_get_char (p));
      if (slot == ROOT)
        return FALSE;
    }
  if (!(self->nodes[slot].ids_len & WORD_FLAG))
    return FALSE;
  node_ids (self, slot, word_ids, n_ids);
  return TRUE;
}

const char *
bt_dictionary_word (BtDictionary *self,
                    guint32       id)
{
  guint32 offset;

  g_return_val_if_fail (self != NULL, NULL);

  if (id >= self->header->n_words)
    return NULL;
  offset = self->word_offsets[id];
  return offset < self->header->strings_size ? self->strings + offset : NULL;
}

guint32
bt_dictionary_word_id (BtDictionary *self,
                       const char   *stem)
{
  guint32 mask, slot;

  g_return_val_if_fail (self != NULL, BT_DICTIONARY_NO_WORD);
  g_return_val_if_fail (stem != NULL, BT_DICTIONARY_NO_WORD);

  mask = self->header->n_word_slots - 1;
  slot = string_hash (stem) & mask;
  for (guint32 probe = 0; probe <= mask; probe++)
    {
      guint32 v = self->word_slots[slot];
      const char *word;

      if (v == 0)
        break;
      word = bt_dictionary_word (self, v - 1);
      if (word != NULL && strcmp (word, stem) == 0)
        return v - 1;
      slot = (slot + 1) & mask;
    }
  return BT_DICTIONARY_NO_WORD;
}

typedef struct
{
  BtDictionary *self;
  GArray       *ids;
} EnglishClosure;

static void
english_word_cb (const char *stem,
                 guint       start,
                 guint       end,
                 gpointer    user_data)
{
  EnglishClosure *c = user_data;
  guint32 id = bt_dictionary_word_id (c->self, stem);

  if (id != BT_DICTIONARY_NO_WORD)
    g_array_append_val (c->ids, id);
}

void
bt_dictionary_english_ids (BtDictionary *self,
                           const char   *text,
                           GArray       *ids)
{
  EnglishClosure c = { self, ids };

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (ids != NULL);

  bt_stem_foreach (text, FALSE, english_word_cb, &c);
}

/* Finding the dictionary */

static char *
path_from_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "dictionary-path"))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  path = g_settings_get_string (settings, "dictionary-path");
  return path[0] != '\0' ? g_steal_pointer (&path) : NULL;
}

static char *
path_in_data_dirs (void)
{
  const char * const *dirs = g_get_system_data_dirs ();
  char *path = g_build_filename (g_get_user_data_dir (), "bitext",
                                 "cedict_ts.u8", NULL);

  for (guint i = 0; !g_file_test (path, G_FILE_TEST_IS_REGULAR); i++)
    {
      g_free (path);
      if (dirs[i] == NULL)
        return NULL;
      path = g_build_filename (dirs[i], "bitext", "cedict_ts.u8", NULL);
    }
  return path;
}

char *
bt_dictionary_find_default (void)
{
  const char *env = g_getenv ("BITEXT_DICTIONARY");
  char *path;

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  path = path_from_settings ();
  if (path != NULL)
    return path;
  return path_in_data_dirs ();
}
