/* bt-text.c: decoding a text file and keeping its line map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include "bt-error.h"
#include "bt-memory.h"
#include "bt-progress.h"
#include "bt-text.h"

struct _BtText
{
  GObject parent_instance;

  /* UTF-8, LF line ends, NUL-terminated */
  char   *contents;
  gsize   length;
  /* guint32 byte offsets in contents where each line starts; the
   * contents stay under 4 GiB as files over 64 MiB are refused */
  GArray *line_starts;

  char   *encoding;
  char   *display_name;
};

G_DEFINE_FINAL_TYPE (BtText, bt_text, G_TYPE_OBJECT)

/* A file whose first invalid UTF-8 byte follows this many valid multi-byte
 * characters is damaged UTF-8 rather than a legacy encoding: in GB18030 or
 * Big5 text, a double-byte character forms valid UTF-8 by chance only about
 * one time in ten. */
#define UTF8_EVIDENCE 4

static const char * const supported_encodings[] = {
  "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5", NULL,
};

static const struct
{
  const char *alias;
  const char *name;
} encoding_aliases[] = {
  { "UTF8", "UTF-8" },
  { "GBK", "GB18030" },
  { "GB2312", "GB18030" },
  { "CP936", "GB18030" },
  { "BIG-5", "BIG5" },
  { "CP950", "BIG5" },
};

/* The most frequent Chinese characters, Simplified and Traditional, and
 * full-width punctuation: text decoded with the wrong legacy encoding
 * rarely produces them. */
static const char common_chinese[] =
  "的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出"
  "会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家"
  "种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好"
  "小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把"
  "机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很"
  "最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西"
  "月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立"
  "及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活更别別打女"
  "变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件计計"
  "管期市直资資命山金指许許统統区區保至队隊形社便空决決治展马馬科司五基书書"
  "非则則听聽白界达達光放强強即像难難且权權思王象完设設式色路记記南品住告类"
  "類求据據程北边邊死张張该該交规規万萬取望觉覺术術领領共确確传傳师師观觀清"
  "今切院让讓识識带帶导導争爭运運改收根造言联聯持组組每济濟车車亲親极極办辦"
  "议議往元证證近转轉令准準始存未远遠台单單影具罗羅字爱愛流备備连連调調深商"
  "算质質团團集百需价價党黨华華城级級府离離况況际際示复復息线線似官火断斷满"
  "滿视視消越器容须須增研写寫称稱企功包片史委查易早曾除农農找装裝广廣显顯"
  "，。、：；！？「」『』“”《》（）—…";

static GHashTable *common_set;

static void
bt_text_finalize (GObject *object)
{
  BtText *self = (BtText *)object;

  g_clear_pointer (&self->contents, g_free);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (bt_text_parent_class)->finalize (object);
}

static void
bt_text_class_init (BtTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bt_text_finalize;
}

static void
bt_text_init (BtText *self)
{
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
}

const char * const *
bt_text_get_supported_encodings (void)
{
  return supported_encodings;
}

static const char *
canonical_encoding (const char *name)
{
  for (guint i = 0; supported_encodings[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, supported_encodings[i]) == 0)
      return supported_encodings[i];

  for (guint i = 0; i < G_N_ELEMENTS (encoding_aliases); i++)
    if (g_ascii_strcasecmp (name, encoding_aliases[i].alias) == 0)
      return encoding_aliases[i].name;

  return NULL;
}

static guint
count_newlines (const char *data,
                gsize       length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    n += data[i] == '\n';
  return n;
}

/* The first LF from @from on, which must be there. Most lines are short:
 * their first bytes are looked at before memchr() is called. */
static inline const char *
find_newline (const char *from,
              const char *end)
{
  const char *stop = MIN (end, from + 16);

  for (const char *r = from; r < stop; r++)
    if (*r == '\n')
      return r;
  return memchr (stop, '\n', end - stop);
}

/* Takes ownership of @utf8 (valid UTF-8, @length bytes plus a NUL) and
 * rewrites CRLF and CR as LF in place, noting where each line starts. */
static void
take_contents (BtText           *self,
               char             *utf8,
               gsize             length,
               const BtProgress *progress)
{
  const char *end = utf8 + length;
  const char *next_report = utf8 + BT_PROGRESS_STRIDE;
  char *w = utf8;

  g_array_set_size (self->line_starts, 0);
  if (length > 0)
    {
      guint32 first = 0;
      g_array_append_val (self->line_starts, first);
    }

  /* Without a carriage return nothing moves: the line breaks are
   * counted, then noted in room set aside for them. A final one starts
   * no line. */
  if (memchr (utf8, '\r', length) == NULL)
    {
      guint n = length > 0 ? count_newlines (utf8, length - 1) : 0;
      const char *r = utf8;
      guint32 *starts;

      bt_memory_array_reserve (self->line_starts, self->line_starts->len + n);
      g_array_set_size (self->line_starts, self->line_starts->len + n);
      starts = (guint32 *) (gpointer) self->line_starts->data;
      for (guint k = 1; k <= n; k++)
        {
          r = find_newline (r, end);
          starts[k] = ++r - utf8;
          if (r > next_report)
            {
              bt_progress_report (progress, (double) (r - utf8) / length);
              next_report += BT_PROGRESS_STRIDE * ((r - next_report) / BT_PROGRESS_STRIDE + 1);
            }
        }
      bt_progress_report (progress, 1);
      self->contents = utf8;
      self->length = length;
      return;
    }

  for (const char *r = utf8; r < end; r++)
    {
      char c = *r;

      if (c == '\r')
        {
          c = '\n';
          if (r + 1 < end && r[1] == '\n')
            r++;
        }
      *w++ = c;
      if (c == '\n' && r + 1 < end)
        {
          guint32 start = w - utf8;
          g_array_append_val (self->line_starts, start);
        }
      if (r >= next_report)
        {
          bt_progress_report (progress, (double) (r - utf8) / length);
          next_report += BT_PROGRESS_STRIDE;
        }
    }
  *w = '\0';
  bt_progress_report (progress, 1);

  self->contents = utf8;
  self->length = w - utf8;
}

static guint
read_unit (const guint8 *data,
           gsize         i,
           guint         unit,
           gboolean      big_endian)
{
  if (unit == 1)
    return data[i];
  return big_endian ? (guint) data[i] << 8 | data[i + 1] : (guint) data[i + 1] << 8 | data[i];
}

/* Line (1-based) and byte within the line (1-based) of byte @offset of
 * the raw file; @unit is 2 for UTF-16, whose line ends span two bytes. */
static void
locate_raw (const guint8 *data,
            gsize         size,
            gsize         offset,
            guint         unit,
            gboolean      big_endian,
            guint        *line,
            gsize        *column)
{
  gsize line_start = 0;

  *line = 1;
  for (gsize i = 0; i + unit <= offset; i += unit)
    {
      guint c = read_unit (data, i, unit, big_endian);
      gboolean crlf = c == '\r' && i + 2 * unit <= size
                      && read_unit (data, i + unit, unit, big_endian) == '\n';

      if (c == '\n' || (c == '\r' && !crlf))
        {
          (*line)++;
          line_start = i + unit;
        }
    }
  *column = offset - line_start + 1;
}

static void
set_invalid_error (GError       **error,
                   const char    *display_name,
                   const char    *encoding,
                   const guint8  *data,
                   gsize          size,
                   gsize          offset,
                   gboolean       incomplete)
{
  gboolean utf16 = encoding != NULL && g_str_has_prefix (encoding, "UTF-16");
  g_autoptr(GString) hex = g_string_new (NULL);
  gsize column;
  guint line;

  locate_raw (data, size, offset, utf16 ? 2 : 1, g_strcmp0 (encoding, "UTF-16BE") == 0, &line, &column);
  for (gsize i = offset; i < size && i < offset + 4; i++)
    g_string_append_printf (hex, "%s%02X", i > offset ? " " : "", data[i]);

  if (encoding == NULL)
    g_set_error (error, BT_ERROR, BT_ERROR_ENCODING,
                 /* Translators: the first byte counts from 1 within the line, the second from 1 in the file */
                 _("“%s”: line %u, byte %u: the text is neither UTF-8 nor GB18030 nor Big5 (%s; byte %u of the file)"),
                 display_name, line, (guint) column, hex->str, (guint) offset + 1);
  else if (incomplete)
    g_set_error (error, BT_ERROR, BT_ERROR_ENCODING,
                 /* Translators: the byte counts from 1 within the line */
                 _("“%s”: line %u, byte %u: incomplete %s sequence at the end of the file (%s)"),
                 display_name, line, (guint) column, encoding, hex->str);
  else
    g_set_error (error, BT_ERROR, BT_ERROR_ENCODING,
                 /* Translators: the first byte counts from 1 within the line, the second from 1 in the file */
                 _("“%s”: line %u, byte %u: invalid %s bytes (%s; byte %u of the file)"),
                 display_name, line, (guint) column, encoding, hex->str, (guint) offset + 1);
}

/* Where a decoding stands: what is left of the input, and the output. */
typedef struct
{
  char  *in;
  gsize  in_left;
  char  *buffer;
  char  *out;
  gsize  out_left;
  gsize  capacity;
} Conversion;

/* Converts the next piece of the input; FALSE with errno set when it
 * stops at bytes it cannot convert. A sequence cut by the piece's end
 * waits for the next piece. */
static gboolean
convert_piece (GIConv      cd,
               Conversion *c)
{
  gsize piece = MIN (c->in_left, BT_PROGRESS_STRIDE);
  gsize piece_left = piece;
  gboolean last = piece == c->in_left;
  gsize result = g_iconv (cd, &c->in, &piece_left, &c->out, &c->out_left);
  int saved_errno = errno;

  c->in_left -= piece - piece_left;
  if (result != (gsize) -1 || (saved_errno == EINVAL && !last))
    return TRUE;
  if (saved_errno == E2BIG)
    {
      gsize used = c->out - c->buffer;

      c->capacity *= 2;
      c->buffer = g_realloc (c->buffer, c->capacity + 1);
      c->out = c->buffer + used;
      c->out_left = c->capacity - used;
      return TRUE;
    }
  errno = saved_errno;
  return FALSE;
}

/* Converts @size bytes of @encoding to UTF-8, piece by piece. On invalid
 * or truncated input returns NULL and sets @bad_offset and @incomplete;
 * when cancelled, returns NULL with @error set. */
static char *
convert_to_utf8 (const guint8      *data,
                 gsize              size,
                 const char        *encoding,
                 gsize             *out_length,
                 gsize             *bad_offset,
                 gboolean          *incomplete,
                 const BtProgress  *progress,
                 GCancellable      *cancellable,
                 GError           **error)
{
  GIConv cd = g_iconv_open ("UTF-8", encoding);
  Conversion c = { (char *)data, size, NULL, NULL, 0, size + size / 2 + 16 };
  gboolean converted = TRUE;

  g_assert (cd != (GIConv) -1);
  c.buffer = c.out = g_malloc (c.capacity + 1);
  c.out_left = c.capacity;
  while (c.in_left > 0 && converted)
    {
      converted = convert_piece (cd, &c);
      if (!converted)
        {
          *bad_offset = (const guint8 *)c.in - data;
          *incomplete = errno == EINVAL;
        }
      else if (!bt_progress_advance (progress, 1 - (double) c.in_left / size, cancellable, error))
        converted = FALSE;
    }
  g_iconv_close (cd);
  if (!converted)
    {
      g_free (c.buffer);
      return NULL;
    }

  *c.out = '\0';
  *out_length = c.out - c.buffer;
  return c.buffer;
}

/* Finds the first byte that is not UTF-8, or leaves *@invalid NULL, a
 * piece at a time; FALSE when cancelled. */
static gboolean
find_invalid_utf8 (const char        *data,
                   gsize              size,
                   const char       **invalid,
                   const BtProgress  *progress,
                   GCancellable      *cancellable,
                   GError           **error)
{
  gsize done = 0;

  *invalid = NULL;
  while (done < size)
    {
      gsize end = MIN (size, done + BT_PROGRESS_STRIDE);

      /* Pieces end before a character's first byte, never inside it. */
      while (end < size && end > done && ((guchar) data[end] & 0xC0) == 0x80)
        end--;
      if (end == done)
        end = MIN (size, done + BT_PROGRESS_STRIDE);
      if (!g_utf8_validate_len (data + done, end - done, invalid))
        return TRUE;
      done = end;
      if (!bt_progress_advance (progress, (double) done / size, cancellable, error))
        return FALSE;
    }
  *invalid = NULL;
  return TRUE;
}

/* A nul-terminated copy of @size bytes of valid UTF-8, which the contents
 * of a large file fill page by page. */
static char *
copy_contents (const char *data,
               gsize       size)
{
  char *copy = bt_memory_alloc (size + 1, 1);

  memcpy (copy, data, size);
  copy[size] = '\0';
  return copy;
}

static GHashTable *
get_common_set (void)
{
  if (g_once_init_enter (&common_set))
    {
      GHashTable *set = g_hash_table_new (NULL, NULL);

      for (const char *p = common_chinese; *p; p = g_utf8_next_char (p))
        g_hash_table_add (set, GUINT_TO_POINTER (g_utf8_get_char (p)));
      g_once_init_leave (&common_set, set);
    }
  return common_set;
}

/* Frequent characters count for a decoding, private-use and unassigned
 * code points (what bytes of the other encoding tend to become) against. */
static gssize
score_chinese (const char *utf8)
{
  GHashTable *set = get_common_set ();
  gssize score = 0;

  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        continue;
      if (g_hash_table_contains (set, GUINT_TO_POINTER (c)))
        score++;
      else if (c >= 0xE000 && c <= 0xF8FF)
        score -= 2;
      else if (g_unichar_type (c) == G_UNICODE_UNASSIGNED)
        score -= 2;
    }
  return score;
}

/* Valid multi-byte UTF-8 characters before the first invalid byte. */
static guint
count_utf8_evidence (const char *data,
                     const char *invalid)
{
  guint n = 0;

  for (const char *p = data; p < invalid && n < UTF8_EVIDENCE; p++)
    if ((guchar) *p >= 0xC0)
      n++;
  return n;
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  const char   *display_name;
  GCancellable *cancellable;
  /* where to take @data from when it needs no decoding, or NULL; it is
   * then followed by a NUL */
  char        **take;
} RawInput;

static char *
decode_as (const RawInput    *raw,
           const char        *encoding,
           gsize              skip,
           gsize             *length,
           const BtProgress  *progress,
           GError           **error)
{
  gsize bad = 0;
  gboolean incomplete = FALSE;
  g_autoptr(GError) local_error = NULL;
  char *utf8;

  if (g_str_equal (encoding, "UTF-8"))
    {
      const char *end = NULL;

      if (!find_invalid_utf8 ((const char *)raw->data + skip, raw->size - skip, &end,
                              progress, raw->cancellable, error))
        return NULL;
      if (end == NULL)
        {
          *length = raw->size - skip;
          return copy_contents ((const char *)raw->data + skip, *length);
        }
      bad = (const guint8 *)end - raw->data;
      incomplete = raw->size - bad < 4 && g_utf8_get_char_validated (end, raw->size - bad) == (gunichar) -2;
      set_invalid_error (error, raw->display_name, encoding, raw->data, raw->size, bad, incomplete);
      return NULL;
    }

  utf8 = convert_to_utf8 (raw->data + skip, raw->size - skip, encoding, length, &bad, &incomplete,
                          progress, raw->cancellable, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (utf8 == NULL)
    set_invalid_error (error, raw->display_name, encoding, raw->data, raw->size, bad + skip, incomplete);
  return utf8;
}

/* Neither BOM nor valid UTF-8: damaged UTF-8 when the start of the file
 * shows UTF-8 characters; otherwise whichever of GB18030 and Big5 decodes
 * without error, and when both do, the one whose text holds more frequent
 * Chinese characters and fewer private-use ones (GB18030 on a tie). When
 * neither does, the error points where the text stops being UTF-8. */
static char *
decode_legacy (const RawInput    *raw,
               const char        *invalid,
               const char       **encoding,
               gsize             *length,
               const BtProgress  *progress,
               GError           **error)
{
  g_autoptr(GError) ignored = NULL;
  g_autofree char *gb = NULL;
  g_autofree char *big5 = NULL;
  gsize gb_length = 0, big5_length = 0;
  BtProgress gb_part = bt_progress_part (progress, 0, 0.5);
  BtProgress big5_part = bt_progress_part (progress, 0.5, 1);

  if (count_utf8_evidence ((const char *)raw->data, invalid) >= UTF8_EVIDENCE)
    {
      *encoding = "UTF-8";
      return decode_as (raw, "UTF-8", 0, length, progress, error);
    }

  gb = decode_as (raw, "GB18030", 0, &gb_length, &gb_part, &ignored);
  g_clear_error (&ignored);
  if (g_cancellable_set_error_if_cancelled (raw->cancellable, error))
    return NULL;
  big5 = decode_as (raw, "BIG5", 0, &big5_length, &big5_part, &ignored);
  if (g_cancellable_set_error_if_cancelled (raw->cancellable, error))
    return NULL;

  if (gb != NULL && (big5 == NULL || score_chinese (gb) >= score_chinese (big5)))
    {
      *encoding = "GB18030";
      *length = gb_length;
      return g_steal_pointer (&gb);
    }
  if (big5 != NULL)
    {
      *encoding = "BIG5";
      *length = big5_length;
      return g_steal_pointer (&big5);
    }

  set_invalid_error (error, raw->display_name, NULL, raw->data, raw->size,
                     (const guint8 *)invalid - raw->data, FALSE);
  return NULL;
}

static gsize
bom_length (const guint8 *data,
            gsize         size,
            const char  **encoding)
{
  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      *encoding = "UTF-8";
      return 3;
    }
  if (size >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      *encoding = "UTF-16LE";
      return 2;
    }
  if (size >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      *encoding = "UTF-16BE";
      return 2;
    }
  return 0;
}

/* The BOM that @encoding may start with, when the data starts with it. */
static gsize
forced_bom_length (const guint8 *data,
                   gsize         size,
                   const char   *encoding)
{
  const char *bom_encoding = NULL;
  gsize n = bom_length (data, size, &bom_encoding);

  return n > 0 && g_str_equal (bom_encoding, encoding) ? n : 0;
}

static gboolean
check_size (const char  *display_name,
            guint64      size,
            GError     **error)
{
  if (size > BT_TEXT_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size_full (BT_TEXT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, BT_ERROR, BT_ERROR_TOO_LARGE,
                   _("“%s” is too large (%s); the limit is %s"),
                   display_name, actual, limit);
      return FALSE;
    }
  if (size == 0)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_EMPTY, _("“%s” is empty"), display_name);
      return FALSE;
    }
  return TRUE;
}

/* NUL characters: bytes, or in UTF-16 (@unit 2) aligned pairs of them. */
static gboolean
check_binary (const char  *display_name,
              const char  *data,
              gsize        size,
              guint        unit,
              GError     **error)
{
  const char *nul = memchr (data, '\0', size);

  while (unit == 2 && nul != NULL)
    {
      gsize at = (nul - data) & ~(gsize) 1;

      if (at + 1 < size && data[at] == '\0' && data[at + 1] == '\0')
        {
          nul = data + at;
          break;
        }
      nul = at + 2 < size ? memchr (data + at + 2, '\0', size - at - 2) : NULL;
    }

  if (nul == NULL)
    return TRUE;

  g_set_error (error, BT_ERROR, BT_ERROR_BINARY,
               _("“%s” is not a text file: it holds NUL characters (the first at byte %u)"),
               display_name, (guint) (nul - data) + 1);
  return FALSE;
}

/* Reports to @progress: with neither a BOM nor a forced encoding, the
 * first half finds whether the bytes are UTF-8. */
static char *
decode (const RawInput    *raw,
        const char        *forced,
        const char       **encoding,
        gsize             *length,
        const BtProgress  *progress,
        GError           **error)
{
  BtProgress check_part = bt_progress_part (progress, 0, 0.5);
  BtProgress decode_part = bt_progress_part (progress, 0.5, 1);
  const char *invalid = NULL;
  gsize skip;

  if (forced != NULL)
    {
      *encoding = forced;
      skip = forced_bom_length (raw->data, raw->size, forced);
    }
  else
    skip = bom_length (raw->data, raw->size, encoding);

  if (!check_binary (raw->display_name, (const char *)raw->data, raw->size,
                     *encoding != NULL && g_str_has_prefix (*encoding, "UTF-16") ? 2 : 1, error))
    return NULL;

  if (skip == raw->size)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_EMPTY,
                   _("“%s” is empty (it holds only a byte order mark)"), raw->display_name);
      return NULL;
    }

  if (*encoding != NULL)
    return decode_as (raw, *encoding, skip, length, progress, error);

  if (!find_invalid_utf8 ((const char *)raw->data, raw->size, &invalid,
                          &check_part, raw->cancellable, error))
    return NULL;
  if (invalid != NULL)
    return decode_legacy (raw, invalid, encoding, length, &decode_part, error);

  *encoding = "UTF-8";
  *length = raw->size;
  bt_progress_report (progress, 1);
  if (raw->take != NULL)
    return g_steal_pointer (raw->take);
  return copy_contents ((const char *)raw->data, raw->size);
}

/* Decoded text may still start with U+FEFF (a GB18030 BOM) or hold NULs
 * (UTF-16, whose BOM lets NUL bytes through the raw check). */
static char *
tidy_decoded (const char  *display_name,
              char        *utf8,
              gsize       *length,
              GError     **error)
{
  g_autofree char *owned = utf8;

  if (*length >= 3 && memcmp (utf8, "\xEF\xBB\xBF", 3) == 0)
    {
      memmove (utf8, utf8 + 3, *length - 3 + 1);
      *length -= 3;
    }
  if (*length == 0)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_EMPTY, _("“%s” is empty"), display_name);
      return NULL;
    }
  if (!check_binary (display_name, utf8, *length, 1, error))
    return NULL;

  return g_steal_pointer (&owned);
}

/* Decoding takes most of the time; the line map the rest. */
#define DECODE_SHARE 0.85

static BtText *
new_from_raw (const RawInput    *raw,
              const char        *encoding,
              const BtProgress  *progress,
              GError           **error)
{
  const char *display_name = raw->display_name;
  g_autoptr(BtText) self = NULL;
  BtProgress decode_part = bt_progress_part (progress, 0, DECODE_SHARE);
  BtProgress lines_part = bt_progress_part (progress, DECODE_SHARE, 1);
  const char *chosen = NULL;
  const char *forced = NULL;
  char *utf8;
  gsize length = 0;

  if (encoding != NULL && (forced = canonical_encoding (encoding)) == NULL)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_UNKNOWN_ENCODING,
                   _("“%s”: unknown encoding “%s”"), display_name, encoding);
      return NULL;
    }

  if (!check_size (display_name, raw->size, error))
    return NULL;

  utf8 = decode (raw, forced, &chosen, &length, &decode_part, error);
  if (utf8 == NULL || (utf8 = tidy_decoded (display_name, utf8, &length, error)) == NULL)
    return NULL;

  self = g_object_new (BT_TYPE_TEXT, NULL);
  self->encoding = g_strdup (chosen);
  self->display_name = g_strdup (display_name);
  take_contents (self, utf8, length, &lines_part);
  return g_steal_pointer (&self);
}

BtText *
bt_text_new_from_bytes (GBytes      *bytes,
                        const char  *display_name,
                        const char  *encoding,
                        GError     **error)
{
  RawInput raw = { NULL, 0, display_name, NULL, NULL };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  raw.data = g_bytes_get_data (bytes, &raw.size);
  return new_from_raw (&raw, encoding, NULL, error);
}

/* Cancelling stays G_IO_ERROR_CANCELLED; other failures become
 * BT_ERROR_IO with GIO's message. */
static void
propagate_io_error (GError **error,
                    GError  *local_error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, local_error);
  else
    {
      g_set_error_literal (error, BT_ERROR, BT_ERROR_IO, local_error->message);
      g_error_free (local_error);
    }
}

static gboolean
query_file (GFile         *file,
            GCancellable  *cancellable,
            char         **display_name,
            goffset       *size,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  GError *local_error = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      propagate_io_error (error, local_error);
      return FALSE;
    }

  *display_name = g_strdup (g_file_info_get_display_name (info));
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_IO,
                   _("“%s” is a folder, not a text file"), *display_name);
      return FALSE;
    }
  *size = g_file_info_get_size (info);
  return check_size (*display_name, *size, error);
}

/* Reads @file a piece at a time, reporting how much of the @expected
 * bytes is read; a file that grows meanwhile is read to its end, or
 * until it passes the size limit. The contents end with a NUL. */
static char *
read_contents (GFile             *file,
               gsize              expected,
               gsize             *length,
               const BtProgress  *progress,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  /* one byte more than expected, to see the end, and one for the NUL */
  gsize capacity = expected + 1;
  g_autofree char *data = g_malloc (capacity + 1);
  gsize size = 0;
  GError *local_error = NULL;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      propagate_io_error (error, local_error);
      return NULL;
    }
  for (;;)
    {
      gssize n;

      if (size == capacity)
        {
          capacity *= 2;
          data = g_realloc (data, capacity + 1);
        }
      n = g_input_stream_read (G_INPUT_STREAM (stream), data + size,
                               MIN (capacity - size, BT_PROGRESS_STRIDE), cancellable, &local_error);
      if (n < 0)
        {
          propagate_io_error (error, local_error);
          return NULL;
        }
      size += (gsize) n;
      if (n == 0 || size > BT_TEXT_MAX_SIZE)
        break;
      if (!bt_progress_advance (progress, (double) size / MAX (expected, size), cancellable, error))
        return NULL;
    }
  data[size] = '\0';
  *length = size;
  return g_steal_pointer (&data);
}

/* Reading the bytes is quick next to decoding them. */
#define READ_SHARE 0.2

BtText *
bt_text_new_from_file (GFile         *file,
                       const char    *encoding,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bt_text_new_from_file_full (file, encoding, NULL, cancellable, error);
}

BtText *
bt_text_new_from_file_full (GFile             *file,
                            const char        *encoding,
                            const BtProgress  *progress,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *data = NULL;
  BtProgress read_part = bt_progress_part (progress, 0, READ_SHARE);
  BtProgress decode_part = bt_progress_part (progress, READ_SHARE, 1);
  RawInput raw = { NULL, 0, NULL, cancellable, &data };
  goffset size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!query_file (file, cancellable, &display_name, &size, error))
    return NULL;
  data = read_contents (file, (gsize) size, &raw.size, &read_part, cancellable, error);
  if (data == NULL)
    return NULL;
  raw.data = (const guint8 *)data;
  raw.display_name = display_name;
  return new_from_raw (&raw, encoding, &decode_part, error);
}

BtText *
bt_text_new_from_string (const char *utf8,
                         const char *display_name)
{
  BtText *self;

  g_return_val_if_fail (utf8 != NULL, NULL);
  g_return_val_if_fail (strlen (utf8) < G_MAXUINT32, NULL);
  g_return_val_if_fail (g_utf8_validate (utf8, -1, NULL), NULL);

  self = g_object_new (BT_TYPE_TEXT, NULL);
  self->encoding = g_strdup ("UTF-8");
  self->display_name = g_strdup (display_name != NULL ? display_name : "");
  take_contents (self, g_strdup (utf8), strlen (utf8), NULL);
  return self;
}

const char *
bt_text_get_contents (BtText *self,
                      gsize  *length)
{
  g_return_val_if_fail (BT_IS_TEXT (self), NULL);

  if (length != NULL)
    *length = self->length;
  return self->contents;
}

const char *
bt_text_get_encoding (BtText *self)
{
  g_return_val_if_fail (BT_IS_TEXT (self), NULL);

  return self->encoding;
}

const char *
bt_text_get_display_name (BtText *self)
{
  g_return_val_if_fail (BT_IS_TEXT (self), NULL);

  return self->display_name;
}

guint
bt_text_get_n_lines (BtText *self)
{
  g_return_val_if_fail (BT_IS_TEXT (self), 0);

  return self->line_starts->len;
}

gsize
bt_text_get_line_start (BtText *self,
                        guint   index)
{
  g_return_val_if_fail (BT_IS_TEXT (self), 0);
  g_return_val_if_fail (index < self->line_starts->len, self->length);

  return g_array_index (self->line_starts, guint32, index);
}

/* Lines end only at LF, CRLF or CR, each of which becomes one LF, so line
 * i of the contents is line i + 1 of the file. */
guint
bt_text_get_line_number (BtText *self,
                         gsize   offset)
{
  const guint32 *starts;
  guint low = 0;
  guint high;

  g_return_val_if_fail (BT_IS_TEXT (self), 0);
  g_return_val_if_fail (offset <= self->length, 0);

  starts = (const guint32 *)(gpointer)self->line_starts->data;
  high = self->line_starts->len;
  if (high == 0)
    return 0;

  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (starts[mid] <= offset)
        low = mid;
      else
        high = mid;
    }
  return low + 1;
}
