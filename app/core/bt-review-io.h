/* bt-review-io.h: small helpers the review file readers and writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlIO.h>

#include "bt-progress.h"
#include "bt-review.h"
#include "bt-safe-write.h"

G_BEGIN_DECLS

/* The shortest decimal form that reads back as the same double. */
void       bt_io_format_double            (char        *buffer,
                                           gsize        size,
                                           double       value);
/* The last doubles formatted and their shortest forms: reviews repeat a
 * few confidences, and finding the shortest form costs several tries. */
#define BT_IO_N_CACHED_DOUBLES 16
typedef struct
{
  struct
  {
    double   value;
    gboolean set;
    char     text[G_ASCII_DTOSTR_BUF_SIZE];
  } slots[BT_IO_N_CACHED_DOUBLES];
} BtIoDoubleCache;

/* bt_io_format_double() through @cache; valid until the next call. */
const char *bt_io_format_double_cached    (BtIoDoubleCache *cache,
                                           double           value);
/* Decimal digits of @value, written to the end of @buffer; returns
 * where they start. */
#define BT_IO_UINT_BUF_SIZE 12
const char *bt_io_format_uint             (char        *buffer,
                                           guint        value);
gboolean   bt_io_parse_double             (const char  *string,
                                           double      *value);
gboolean   bt_io_parse_uint               (const char  *string,
                                           guint       *value);
/* ISO 8601 in UTC, "2026-11-26T14:00:00Z"; NULL for 0. */
char      *bt_io_format_time              (gint64       unix_time);
gboolean   bt_io_parse_time               (const char  *string,
                                           gint64      *unix_time);

int        bt_io_compare_uint             (gconstpointer a,
                                           gconstpointer b);

/* Omission indices of a paragraph sorted by start, end and id, so that
 * every writer lists them in the same, reproducible order. */
GArray    *bt_io_sorted_omissions         (BtReview    *review,
                                           guint        paragraph);
/* Sentence indices linked to @paragraph by links that are not rejected,
 * in document order. */
GArray    *bt_io_rendering_sentences      (BtReview    *review,
                                           guint        paragraph);
/* Byte offset of every code point of @text, plus one for its end. */
gsize     *bt_io_char_offsets             (const char  *text,
                                           guint        n_chars);

/* FALSE, with an error naming @what, when @text holds characters XML 1.0
 * cannot carry (most control characters). */
gboolean   bt_io_check_xml_text           (const char  *text,
                                           const char  *what,
                                           GError     **error);

/* libxml2 output that appends to @string, or streams into @write (which
 * then remembers a failure for bt_safe_write_commit()). */
xmlOutputBufferPtr bt_io_output_to_string     (GString     *string);
xmlOutputBufferPtr bt_io_output_to_safe_write (BtSafeWrite *write);
/* A generous guess of a written review's size, to allocate once. */
gsize      bt_io_estimate_size            (BtReview    *review);

/* The file at @path whole, followed by a NUL, read a piece at a time
 * with reports to @progress (nullable); refused over 64 MiB, and NULL
 * with G_IO_ERROR_CANCELLED soon after @cancellable is cancelled. @name
 * names the file in messages. */
char      *bt_io_read_file                (const char        *path,
                                           const char        *name,
                                           gsize             *length,
                                           const BtProgress  *progress,
                                           GCancellable      *cancellable,
                                           GError           **error);

/* Writes @review through @write_func after the checks every review file
 * needs, to memory or safely to @path. */
typedef void (*BtIoWriteFunc) (BtReview           *review,
                               xmlOutputBufferPtr  out);
GBytes    *bt_io_write_bytes              (BtReview      *review,
                                           BtIoWriteFunc  write_func,
                                           GError       **error);
gboolean   bt_io_write_file               (BtReview      *review,
                                           const char    *path,
                                           BtIoWriteFunc  write_func,
                                           GError       **error);

G_END_DECLS
