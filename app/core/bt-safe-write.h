/* bt-safe-write.h: replace a file so that a failure leaves the old one whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @data to a temporary file beside @path, flushes it to disk and
 * renames it over @path. On failure @path is untouched and the temporary
 * file is removed. */
gboolean bt_safe_write (const char  *path,
                        const void  *data,
                        gsize        size,
                        GError     **error);

/* The same in steps, for writers that stream: begin creates the temporary
 * file, append writes to it, commit flushes and renames, abort removes it.
 * Commit and abort free @self. */
typedef struct _BtSafeWrite BtSafeWrite;

BtSafeWrite *bt_safe_write_begin  (const char   *path,
                                   GError      **error);
gboolean     bt_safe_write_append (BtSafeWrite  *self,
                                   const void   *data,
                                   gsize         size);
gboolean     bt_safe_write_commit (BtSafeWrite  *self,
                                   GError      **error);
void         bt_safe_write_abort  (BtSafeWrite  *self);
/* Streams into @fd, which stays open, such as the standard output: append
 * writes through, commit only reports a failed append. */
BtSafeWrite *bt_safe_write_begin_fd (int           fd);

G_END_DECLS
