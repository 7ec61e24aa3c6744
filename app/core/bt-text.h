/* bt-text.h: a decoded text file (UTF-8, LF line ends) and its line map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bt-progress.h"
#include "bt-types.h"

G_BEGIN_DECLS

#define BT_TEXT_MAX_SIZE (64 * 1024 * 1024)

#define BT_TYPE_TEXT (bt_text_get_type ())
G_DECLARE_FINAL_TYPE (BtText, bt_text, BT, TEXT, GObject)

/* @encoding: NULL to detect (BOM, strict UTF-8, GB18030, Big5), or one of
 * "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5" to force it.
 * @display_name names the file in error messages. Bytes invalid in the
 * encoding are reported by line and by byte within that line, both from
 * 1, and by byte of the file. */
BtText     *bt_text_new_from_bytes      (GBytes        *bytes,
                                         const char    *display_name,
                                         const char    *encoding,
                                         GError       **error);
BtText     *bt_text_new_from_file       (GFile         *file,
                                         const char    *encoding,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* The same, reporting to @progress (nullable) while the file is read and
 * decoded, and stopping with G_IO_ERROR_CANCELLED soon after
 * @cancellable is cancelled. */
BtText     *bt_text_new_from_file_full  (GFile             *file,
                                         const char        *encoding,
                                         const BtProgress  *progress,
                                         GCancellable      *cancellable,
                                         GError           **error);
/* @utf8 must be valid UTF-8; line ends are still normalised. */
BtText     *bt_text_new_from_string     (const char    *utf8,
                                         const char    *display_name);

/* UTF-8 without BOM, lines joined by '\n'; NUL-terminated. */
const char *bt_text_get_contents        (BtText        *self,
                                         gsize         *length);
const char *bt_text_get_encoding        (BtText        *self);
const char *bt_text_get_display_name    (BtText        *self);
guint       bt_text_get_n_lines         (BtText        *self);
/* Byte offset in the contents where line @index (0-based) starts. */
gsize       bt_text_get_line_start      (BtText        *self,
                                         guint          index);
/* The 1-based line of the original file holding byte @offset of the
 * contents. */
guint       bt_text_get_line_number     (BtText        *self,
                                         gsize          offset);

const char * const *bt_text_get_supported_encodings (void);

G_END_DECLS
