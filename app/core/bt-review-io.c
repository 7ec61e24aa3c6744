/* bt-review-io.c: small helpers the review file readers and writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bt-error.h"
#include "bt-review-io.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

void
bt_io_format_double (char   *buffer,
                     gsize   size,
                     double  value)
{
  g_return_if_fail (size >= G_ASCII_DTOSTR_BUF_SIZE);

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, size, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return;
    }
}

const char *
bt_io_format_double_cached (BtIoDoubleCache *cache,
                            double           value)
{
  guint64 bits;
  guint slot;

  memcpy (&bits, &value, sizeof bits);
  slot = (guint) ((bits * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 60) % BT_IO_N_CACHED_DOUBLES;
  if (!cache->slots[slot].set || memcmp (&cache->slots[slot].value, &value, sizeof value) != 0)
    {
      cache->slots[slot].value = value;
      cache->slots[slot].set = TRUE;
      bt_io_format_double (cache->slots[slot].text, sizeof cache->slots[slot].text, value);
    }
  return cache->slots[slot].text;
}

const char *
bt_io_format_uint (char  *buffer,
                   guint  value)
{
  char *p = buffer + BT_IO_UINT_BUF_SIZE - 1;

  *p = '\0';
  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  return p;
}

gboolean
bt_io_parse_double (const char *string,
                    double     *value)
{
  char *end = NULL;

  if (string == NULL || *string == '\0' || g_ascii_isspace (*string))
    return FALSE;
  *value = g_ascii_strtod (string, &end);
  return *end == '\0';
}

gboolean
bt_io_parse_uint (const char *string,
                  guint      *value)
{
  guint64 number = 0;

  if (string == NULL)
    return FALSE;
  if (!g_ascii_string_to_unsigned (string, 10, 0, G_MAXUINT, &number, NULL))
    return FALSE;
  *value = (guint) number;
  return TRUE;
}

char *
bt_io_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  if (unix_time == 0)
    return NULL;
  time = g_date_time_new_from_unix_utc (unix_time);
  if (time == NULL)
    return NULL;
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
bt_io_parse_time (const char *string,
                  gint64     *unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  if (string == NULL)
    return FALSE;
  time = g_date_time_new_from_iso8601 (string, NULL);
  if (time == NULL)
    return FALSE;
  *unix_time = g_date_time_to_unix (time);
  return TRUE;
}

static int
compare_omissions (gconstpointer a,
                   gconstpointer b,
                   gpointer      review)
{
  const BtOmission *x = bt_review_get_omission (review, *(const guint *) a);
  const BtOmission *y = bt_review_get_omission (review, *(const guint *) b);

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

GArray *
bt_io_sorted_omissions (BtReview *review,
                        guint     paragraph)
{
  GArray *indices = bt_review_list_paragraph_omissions (review, paragraph);

  g_array_sort_with_data (indices, compare_omissions, review);
  return indices;
}

int
bt_io_compare_uint (gconstpointer a,
                    gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

GArray *
bt_io_rendering_sentences (BtReview *review,
                           guint     paragraph)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_links = 0;
  const guint *links = bt_review_get_paragraph_links (review, paragraph, &n_links);

  for (guint i = 0; i < n_links; i++)
    {
      const BtLink *link = bt_review_get_link (review, links[i]);

      if (link->state != BT_STATE_REJECTED)
        g_array_append_val (sentences, link->sentence);
    }
  g_array_sort (sentences, bt_io_compare_uint);
  return sentences;
}

gsize *
bt_io_char_offsets (const char *text,
                    guint       n_chars)
{
  gsize *offsets = g_new (gsize, n_chars + 1);
  const char *p = text;

  for (guint i = 0; i < n_chars; i++)
    {
      offsets[i] = (gsize) (p - text);
      p = g_utf8_next_char (p);
    }
  offsets[n_chars] = (gsize) (p - text);
  return offsets;
}

static gboolean
is_xml_char (gunichar c)
{
  if (c < 0x20)
    return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

gboolean
bt_io_check_xml_text (const char  *text,
                      const char  *what,
                      GError     **error)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_xml_char (g_utf8_get_char (p)))
      {
        g_set_error (error, BT_ERROR, BT_ERROR_INVALID,
                     /* Translators: %s says where, like “paragraph 3” */
                     _("%s holds a control character that XML cannot carry (U+%04X)"),
                     what, g_utf8_get_char (p));
        return FALSE;
      }
  return TRUE;
}

static int
append_to_string_cb (void       *context,
                     const char *buffer,
                     int         len)
{
  g_string_append_len (context, buffer, len);
  return len;
}

xmlOutputBufferPtr
bt_io_output_to_string (GString *string)
{
  return xmlOutputBufferCreateIO (append_to_string_cb, NULL, string, NULL);
}

static int
append_to_safe_write_cb (void       *context,
                         const char *buffer,
                         int         len)
{
  return bt_safe_write_append (context, buffer, (gsize) len) ? len : -1;
}

xmlOutputBufferPtr
bt_io_output_to_safe_write (BtSafeWrite *write)
{
  return xmlOutputBufferCreateIO (append_to_safe_write_cb, NULL, write, NULL);
}

gsize
bt_io_estimate_size (BtReview *review)
{
  BtDocument *source = bt_review_get_source (review);
  BtDocument *target = bt_review_get_target (review);

  return 4096 + 4 * (gsize) bt_document_get_n_chars (source) + 4 * (gsize) bt_document_get_n_chars (target)
         + 700 * (gsize) (bt_document_get_n_paragraphs (source) + bt_review_get_n_omissions (review))
         + 400 * (gsize) (bt_document_get_n_sentences (target) + bt_review_get_n_links (review));
}

static gboolean
set_errno_error (GError     **error,
                 const char  *name,
                 int          saved_errno)
{
  g_set_error (error, BT_ERROR, BT_ERROR_IO, "%s: %s", name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
set_too_large_error (GError     **error,
                     const char  *name)
{
  g_set_error (error, BT_ERROR, BT_ERROR_TOO_LARGE, _("%s: the file is larger than 64 MiB"), name);
  return FALSE;
}

static gboolean
read_pieces (int                fd,
             GString           *data,
             gsize              expected,
             const char        *name,
             const BtProgress  *progress,
             GCancellable      *cancellable,
             GError           **error)
{
  for (;;)
    {
      gsize before = data->len;
      int saved_errno;
      gssize n;

      g_string_set_size (data, before + BT_PROGRESS_STRIDE);
      do
        n = read (fd, data->str + before, BT_PROGRESS_STRIDE);
      while (n < 0 && errno == EINTR);
      saved_errno = errno;
      g_string_set_size (data, before + MAX (n, 0));
      if (n < 0)
        return set_errno_error (error, name, saved_errno);
      if (n == 0)
        return TRUE;
      if (data->len > BT_XLIFF_MAX_SIZE)
        return set_too_large_error (error, name);
      if (!bt_progress_advance (progress, (double) data->len / MAX (expected, data->len), cancellable, error))
        return FALSE;
    }
}

char *
bt_io_read_file (const char        *path,
                 const char        *name,
                 gsize             *length,
                 const BtProgress  *progress,
                 GCancellable      *cancellable,
                 GError           **error)
{
  g_autoptr(GString) data = NULL;
  GStatBuf st = { 0 };
  gboolean done;
  int fd;

  g_return_val_if_fail (path != NULL && name != NULL && length != NULL, NULL);

  if (g_stat (path, &st) == 0 && st.st_size > BT_XLIFF_MAX_SIZE)
    return set_too_large_error (error, name), NULL;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return set_errno_error (error, name, errno), NULL;
  data = g_string_sized_new (S_ISREG (st.st_mode) ? (gsize) st.st_size + 1 : 4096);
  done = read_pieces (fd, data, S_ISREG (st.st_mode) ? (gsize) st.st_size : 0, name, progress, cancellable, error);
  close (fd);
  if (!done)
    return NULL;
  *length = data->len;
  return g_string_free (g_steal_pointer (&data), FALSE);
}

GBytes *
bt_io_write_bytes (BtReview       *review,
                   BtIoWriteFunc   write_func,
                   GError        **error)
{
  GString *out;

  if (!bt_xliff_check_review (review, error))
    return NULL;
  out = g_string_sized_new (bt_io_estimate_size (review));
  write_func (review, bt_io_output_to_string (out));
  return g_string_free_to_bytes (out);
}

gboolean
bt_io_write_file (BtReview       *review,
                  const char     *path,
                  BtIoWriteFunc   write_func,
                  GError        **error)
{
  BtSafeWrite *write;

  if (!bt_xliff_check_review (review, error))
    return FALSE;
  write = bt_safe_write_begin (path, error);
  if (write == NULL)
    return FALSE;
  write_func (review, bt_io_output_to_safe_write (write));
  return bt_safe_write_commit (write, error);
}
